"""The decimal convention of a locale (``de-DE`` → ``,``), for number columns that their
values leave ambiguous (``1,234`` / ``1.234``)."""

from __future__ import annotations

import re

# Languages that write a decimal comma, and the regions that differ from their language.
_COMMA_LANGUAGES = frozenset({
    "af", "az", "be", "bg", "bs", "ca", "cs", "da", "de", "el", "es", "et", "eu", "fi", "fo",
    "fr", "gl", "hr", "hu", "hy", "id", "is", "it", "ka", "kk", "ky", "lt", "lv", "mk", "mn",
    "nb", "nl", "nn", "no", "pl", "pt", "ro", "ru", "sk", "sl", "sq", "sr", "sv", "tr", "uk",
    "uz", "vi"
})
_REGIONS = {"CH": ".", "LI": ".", "MX": ".", "PR": ".", "US": ".", "GT": ".", "DO": ".",
            "HN": ".", "NI": ".", "PA": ".", "SV": ".", "PE": "."}
LOCALE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*(?:\.[\w-]+)?$")


def decimal_for_locale(locale: str) -> str:
    """``","`` or ``"."``: how numbers in ``locale`` (BCP 47 ``de-DE`` or POSIX ``de_DE``)
    write their decimals. Swiss and most American Spanish regions use a point."""
    parts = re.split(r"[-_.]", locale.strip())
    language = parts[0].lower()
    region = next((p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()), None)
    if language in ("de", "fr", "it", "es", "rm") and region in _REGIONS:
        return _REGIONS[region]
    return "," if language in _COMMA_LANGUAGES else "."
