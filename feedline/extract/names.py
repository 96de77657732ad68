"""Safe file names for what a sender names: uploads and the members of an archive.

A delivered name is text from outside: it may hold folders (``../../etc/passwd``,
``C:\\Users\\x.csv``), control characters, a NUL, leading dots (hidden files) or be
thousands of characters long. :func:`safe_filename` keeps only what is safe to show and
to store as a name; :func:`member_path` checks the path of a member inside an archive.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath

from feedline.errors import ExtractError

FALLBACK = "upload"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_DRIVE = re.compile(r"^[A-Za-z]:")
_MAX_SUFFIX = 20


def safe_filename(name: str, max_chars: int = 200) -> str:
    """The last path component of ``name`` (``/`` and ``\\`` both split), NFC-normalized,
    without control characters, NUL or leading dots, at most ``max_chars`` characters
    (the extension is kept when cut); ``"upload"`` when nothing is left."""
    text = unicodedata.normalize("NFC", str(name))
    text = _CONTROL.sub("", text)
    text = re.split(r"[/\\]", text)[-1]
    text = _DRIVE.sub("", text)
    text = text.strip().lstrip(".").strip()
    limit = max(1, max_chars)
    if len(text) > limit:
        stem, dot, ext = text.rpartition(".")
        ext = dot + ext if stem and len(ext) < min(_MAX_SUFFIX, limit // 2) else ""
        text = (stem if ext else text)[: limit - len(ext)].rstrip() + ext
    return text or FALLBACK[:limit]


def member_path(name: str, max_chars: int = 200) -> str:
    """The path of an archive member made safe to show and route by (``2025/orders.csv``).

    Raises:
        ExtractError: the name climbs out of the archive (``..``), is absolute, names a
            drive (``C:``) or holds a NUL or control character: an archive built to write
            outside its folder is refused whole.
    """
    if re.search(r"[\x00-\x1f\x7f]", name):
        raise ExtractError(f"the archive member {_shown(name)} has a control character or "
                           "NUL in its name; refused as a malicious archive")
    slashed = name.replace("\\", "/")
    if slashed.startswith("/") or _DRIVE.match(slashed):
        raise ExtractError(f"the archive member {_shown(name)} has an absolute path; "
                           "refused as a malicious archive")
    parts = [p for p in slashed.split("/") if p not in ("", ".")]
    if ".." in parts:
        raise ExtractError(f"the archive member {_shown(name)} climbs out of the archive "
                           "(..); refused as a malicious archive")
    safe = [safe_filename(p, max_chars) for p in parts] or [FALLBACK]
    return str(PurePosixPath(*safe))


def _shown(name: str) -> str:
    """A hostile name quoted for a one-line reason (control characters escaped, cut short)."""
    text = repr(name)
    return text if len(text) <= 80 else text[:77] + "..."
