"""Header-row detection: skip title lines, notes and blank rows above the real header."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

SCAN_ROWS = 50
_VALUE = re.compile(
    r"^[\s$€£¥+-]*\d[\d\s.,:/-]*%?$"  # numbers, amounts, dates, times
    r"|^(true|false)$",
    re.IGNORECASE,
)


def detect_header(rows: Sequence[Sequence[str]]) -> int:
    """The 0-based index (into ``rows``) of the likely header among the first 50 rows.

    The header is the first row that is about as wide as the table below it, made of
    distinct labels rather than values (numbers, dates), and followed by a row. Title
    lines and notes are narrower; a file without such a row gets its first non-blank row.
    """
    sample = [[c.strip() for c in row] for row in rows[:SCAN_ROWS]]
    filled = [sum(1 for c in row if c) for row in sample]
    nonblank = [i for i, n in enumerate(filled) if n]
    if not nonblank:
        return 0
    width = _table_width(filled)
    if width < 2:
        return nonblank[0]
    need = max(2, -(-width * 6 // 10))  # 60% of the table's width, rounded up
    wide = [i for i in nonblank if filled[i] >= need]
    for i in wide:
        labels = [c for c in sample[i] if c]
        if i == nonblank[-1] and len(nonblank) > 1:
            break  # a header has rows below it
        if len(set(labels)) == len(labels) and sum(bool(_VALUE.match(c)) for c in labels) <= 1:
            return i
    return wide[0] if wide else nonblank[0]


def _table_width(filled: list[int]) -> int:
    """The most common non-empty cell count among rows with two or more cells (ties: wider)."""
    counts = Counter(n for n in filled if n >= 2)
    if not counts:
        return max(filled)
    return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]
