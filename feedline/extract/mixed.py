"""Text whose lines are not all in one encoding, read line by line instead of as mojibake.

A UTF-8 export with a few rows pasted from a Windows tool holds lines that are not
UTF-8; decoding the whole file as cp1252 would silently corrupt every other accented
row. Here each line holding non-ASCII bytes is decoded on its own: as UTF-8 when it is
valid UTF-8, else in the legacy encoding detected on those lines only (replacement
characters when none fits). ASCII lines read the same either way. The encoding of most
non-ASCII lines names the file; the other lines are reported with their numbers.

Works on whole lines, block by block, so the streaming path shares it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from feedline.errors import ExtractError

_NON_ASCII = re.compile(rb"[\x80-\xff]")
# a lead byte then a continuation byte: the start of a multi-byte UTF-8 character (a loose
# test, and a fast one: a false hit only costs a line-by-line look)
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")
SAMPLE_BYTES = 4 * 1024**2
_UTF8_SAMPLE_BYTES = 1024**2
_LISTED = 10
# Legacy encodings a line written by another tool is likely in, most likely first.
_CANDIDATES = ("cp1252", "cp1250", "cp1251", "cp1257", "cp1254", "cp1253", "cp1255",
               "cp1256", "cp1258", "iso8859_15", "koi8_r", "mac_roman", "cp850", "cp437")
_AGREEMENT = 0.8


def has_utf8_sequences(data: bytes) -> bool:
    """Whether ``data`` holds anything that looks like multi-byte UTF-8 (a file in a single
    legacy encoding rarely does: an accented letter is mostly followed by ASCII)."""
    return _UTF8_SEQUENCE.search(data) is not None


@dataclass
class Census:
    """What a pass over a file's non-ASCII lines found."""

    utf8: int = 0
    """Lines with non-ASCII bytes that are valid UTF-8."""
    other: int = 0
    """Lines that are not valid UTF-8."""
    utf8_lines: list[int] = field(default_factory=list)
    other_lines: list[int] = field(default_factory=list)
    sample: bytearray = field(default_factory=bytearray)
    """Up to 4 MiB of the lines that are not UTF-8 (to detect their encoding on)."""
    utf8_sample: bytearray = field(default_factory=bytearray)
    """Up to 1 MiB of the UTF-8 lines: the characters the file's own text uses."""

    @property
    def mostly_utf8(self) -> bool:
        return self.utf8 >= self.other


class LineDecoder:
    """Walks blocks of whole lines (each block ends after a line break, or is the last),
    counting (:meth:`scan`) or decoding (:meth:`decode`) their non-ASCII lines, with line
    numbers running across blocks."""

    def __init__(self, legacy: str | None = None, *, first_line: int = 1) -> None:
        self.legacy = legacy
        self.line = first_line
        self.census = Census()
        self.eol: bytes | None = None
        """The line break (``\\n``; ``\\r`` in a file of classic Mac line breaks)."""

    def scan(self, block: bytes) -> None:
        """Count the block's lines (and keep a sample of those that are not UTF-8)."""
        census = self.census
        for _pos, start, end, line in self._lines(block):
            text = block[start:end]
            try:
                text.decode("utf-8")
            except UnicodeDecodeError:
                census.other += 1
                _note(census.other_lines, line)
                if len(census.sample) < SAMPLE_BYTES:
                    census.sample += text
            else:
                census.utf8 += 1
                _note(census.utf8_lines, line)
                if len(census.utf8_sample) < _UTF8_SAMPLE_BYTES:
                    census.utf8_sample += text

    def decode(self, block: bytes) -> str:
        """The block as text: lines valid as UTF-8 read as UTF-8, others as ``legacy``."""
        census = self.census
        pieces: list[str] = []
        pos = 0
        for pos_before, start, end, line in self._lines(block):
            pieces.append(block[pos_before:start].decode("ascii"))
            text = block[start:end]
            try:
                pieces.append(text.decode("utf-8"))
                census.utf8 += 1
                _note(census.utf8_lines, line)
            except UnicodeDecodeError:
                pieces.append(text.decode(self.legacy or "utf-8", errors="replace"))
                census.other += 1
                _note(census.other_lines, line)
            pos = end
        pieces.append(block[pos:].decode("ascii"))
        return "".join(pieces)

    def _lines(self, block: bytes) -> Iterator[tuple[int, int, int, int]]:
        """``(end of the previous line, start, end, number)`` of each non-ASCII line."""
        if self.eol is None:
            self.eol = b"\r" if b"\n" not in block and b"\r" in block else b"\n"
        eol = self.eol
        pos = counted = 0
        line = self.line
        while (found := _NON_ASCII.search(block, pos)) is not None:
            start = block.rfind(eol, 0, found.start()) + 1
            end = block.find(eol, found.end())
            end = len(block) if end < 0 else end + 1
            line += block.count(eol, counted, start)
            counted = start
            yield pos, start, end, line
            pos = end
        self.line = line + block.count(eol, counted)

    def warnings(self) -> list[str]:
        """What a person should know: the lines read in the file's minority encoding."""
        census = self.census
        if not census.utf8 or not census.other:
            return []
        legacy = self.legacy or "UTF-8 with replacement characters"
        if census.mostly_utf8 or self.legacy is None:
            return [f"{_count(census.other)} not valid UTF-8 "
                    f"({_listed(census.other_lines, census.other)}): read as {legacy}"]
        return [f"{_count(census.utf8)} UTF-8 in a {legacy} file "
                f"({_listed(census.utf8_lines, census.utf8)}): read as UTF-8"]

    @property
    def encoding(self) -> str:
        """The encoding most non-ASCII lines are in."""
        return "utf-8" if self.census.mostly_utf8 or not self.legacy else self.legacy


def guess_legacy(census: Census) -> str | None:
    """The legacy encoding of the lines that are not UTF-8, or None when none fits.

    When most of the file is UTF-8, the few other lines are too short for statistics; the
    UTF-8 lines say which letters the file's text uses, and the encoding that turns the
    other lines into those same letters wins (cp1252 first on ties). Otherwise, or when no
    encoding agrees, the lines' own statistics decide (charset detection).
    """
    from feedline.extract.detect import legacy_encoding

    sample = bytes(census.sample)
    if census.mostly_utf8 and census.utf8_sample:
        letters = {c for c in census.utf8_sample.decode("utf-8") if c > "\x7f"}
        best, score = None, 0.0
        for encoding in _CANDIDATES:
            try:
                text = sample.decode(encoding)
            except UnicodeDecodeError:
                continue
            used = [c for c in text if c > "\x7f"]
            agree = sum(c in letters for c in used) / max(len(used), 1)
            if agree > score:
                best, score = encoding, agree
        if best is not None and score >= _AGREEMENT:
            return best
    try:
        return legacy_encoding(sample)
    except ExtractError:
        return None


def _note(lines: list[int], line: int) -> None:
    if len(lines) < _LISTED:
        lines.append(line)


def _count(n: int) -> str:
    return "1 line was" if n == 1 else f"{n} lines were"


def _listed(lines: list[int], total: int) -> str:
    shown = ", ".join(str(n) for n in lines)
    more = f" and {total - len(lines)} more" if total > len(lines) else ""
    return f"line {shown}" if total == 1 else f"lines {shown}{more}"
