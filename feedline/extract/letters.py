"""How plausible a decoded text's letters are in some language: the tie-breaker between
legacy encodings.

A legacy code page gives every byte a character, so a Czech file read as cp1252 is
hardly more "chaotic" than read as cp1250 (``Pøesèasy`` for ``Přesčasy``), and a
Portuguese one read as cp1250 has letters too (``Săo`` for ``São``). What differs is
whether the letters beyond ASCII are the ones one language writes, and as often. Per
language, the frequencies of those letters come from the CLDR names Babel ships (its
languages, territories, scripts, currencies, months and weekdays, written in that
language); a text's score is the mean log-frequency of its letters beyond ASCII in the
language that fits it best. A symbol inside a word (``³`` where ``ł`` was meant), or a
letter of another script inside a Latin word (``Zoλ`` where ``Zoë`` was meant), scores as
a letter no language writes.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import Counter
from functools import lru_cache

# Languages whose letters the models hold: those of the vocabulary files, and others
# whose files often come in a legacy code page.
LOCALES = (
    "en", "de", "fr", "es", "it", "pt", "nl", "da", "nb", "sv", "pl", "ro", "fi", "cs", "hu", "tr", "sk", "hr",
    "lt", "lv", "et", "sl", "ca", "is", "id", "ms", "mt", "ga", "ru", "uk", "ja", "zh", "ko", "el", "bg", "sr",
    "kk", "ar", "he", "hi", "vi", "sw", "tl", "az", "fa", "cy", "th", "bn", "sq", "ka", "ur", "mk", "eu", "af",
    "uz", "gl", "be", "bs", "fo", "lb", "hy", "mn", "ky", "tg",
)
MIN_LETTERS = 50  # a language with fewer letters beyond ASCII in its names has no model
UNSEEN = math.log(1e-5)  # a letter the language never writes (or a symbol inside a word)
# A word with a character beyond ASCII: a run of anything but ASCII punctuation and space.
_WORD = re.compile(r"[^\x00-\x40\x5b-\x60\x7b-\x7f\s]*[^\x00-\x7f][^\x00-\x40\x5b-\x60\x7b-\x7f\s]*")
_IN_WORD = "\x00"  # a symbol among letters


def _language_letters(code: str) -> Counter[str]:
    from babel import Locale

    loc = Locale.parse(code)
    texts = [*loc.languages.values(), *loc.territories.values(), *loc.scripts.values(), *loc.currencies.values()]
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for names in (loc.months, loc.days):
                texts.extend(names.get(context, {}).get(width, {}).values())
    return Counter(c for text in texts for c in text.lower() if c.isalpha() and not c.isascii())


def _build() -> dict[str, dict[str, float]]:
    models = {}
    for code in LOCALES:
        counts = _language_letters(code)
        total = sum(counts.values())
        if total >= MIN_LETTERS:
            models[code] = {c: math.log(n / total) for c, n in counts.items()}
    return models


def _valid(table: object) -> bool:
    return isinstance(table, dict) and all(isinstance(m, dict) for m in table.values())


@lru_cache(maxsize=1)
def models() -> dict[str, dict[str, float]]:
    """Per language, letter -> log frequency among its letters beyond ASCII (kept between
    processes with the mapping's tables: building them reads Babel's data, about 2 s)."""
    from feedline.mapping.tables import kept

    recipe = hashlib.sha256(f"{LOCALES}{MIN_LETTERS}".encode()).hexdigest()[:8]  # Babel's version is in kept's
    return kept(f"letter_models-{recipe}", _build, _valid)


@lru_cache(maxsize=4096)
def _latin(c: str) -> bool:
    return unicodedata.name(c, "").startswith("LATIN")


def plausibility(text: str) -> float | None:
    """Mean log-frequency of the text's letters beyond ASCII in the language they fit
    best (higher is more plausible); None when the text writes none."""
    letters: Counter[str] = Counter()
    for word in _WORD.findall(text.lower()):
        lettered = any(c.isalpha() for c in word)
        latin = any(c.isascii() and c.isalpha() for c in word)
        for c in word:
            if not c.isascii() and (c.isalpha() or lettered):
                fits = c.isalpha() and (not latin or _latin(c))
                letters[c if fits else _IN_WORD] += 1
    total = sum(letters.values())
    if not total:
        return None
    best = max(sum(n * model.get(c, UNSEEN) for c, n in letters.items()) for model in models().values())
    return best / total


__all__ = ["models", "plausibility"]
