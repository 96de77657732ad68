"""Abbreviated names: ``crtd_b`` = curated by, ``ASCT`` = assay cell type, ``SecPer``.

A field name abbreviates a header when its letters can be split, in order, into one
non-empty piece per header word, each piece a subsequence of its word that starts where
the word starts (leading vowels, y included, may be dropped).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

_VOWELS = frozenset("aeiouy")  # "Fiscal year" -> "fsclr": a leading y may go too


def _is_subsequence(piece: str, word: str) -> bool:
    it = iter(word)
    return all(c in it for c in piece)


def _starts_right(piece: str, word: str) -> bool:
    if piece[0] == word[0]:
        return True
    stem = word.lstrip("aeiouy")
    return word[0] in _VOWELS and bool(stem) and piece[0] == stem[0]


@lru_cache(maxsize=65536)
def _split(letters: str, words: tuple[str, ...]) -> bool:
    if not words:
        return not letters
    if not letters:
        return False
    word = words[0]
    rest = words[1:]
    # Each later word needs at least one letter.
    for end in range(1, len(letters) - len(rest) + 1):
        piece = letters[:end]
        if not _starts_right(piece, word):
            return False
        if _is_subsequence(piece, word) and _split(letters[end:], rest):
            return True
    return False


def abbreviates(short: Sequence[str], long: Sequence[str]) -> bool:
    """True when the words ``short`` abbreviate the words ``long`` (and are shorter)."""
    letters = "".join(short)
    if not letters or not long or not long[0] or not _starts_right(letters, long[0]):
        return False
    full = "".join(long)
    if len(letters) >= len(full) or not set(letters) <= set(full):
        return False
    if len(short) == len(long) and len(long) > 1:
        # Segment-aligned (crtd_b ~ curated by): each word on its own.
        return all(
            _starts_right(s, w) and _is_subsequence(s, w) for s, w in zip(short, long, strict=True)
        )
    return _split(letters, tuple(long))
