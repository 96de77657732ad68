"""Large text that is not plain UTF-8, re-encoded to a UTF-8 scratch file in bounded memory.

The encoding comes from the byte-order mark, else from a sample of the file's non-ASCII
lines gathered across the whole file (ASCII lines say nothing about a legacy encoding);
the bytes are then decoded block by block with an incremental decoder, so a multi-byte
character or a UTF-16 surrogate pair cut by a block boundary is joined again. A file whose
lines are in two encodings (mostly UTF-8 with some cp1252 lines, or the reverse) is
decoded line by line instead (:mod:`feedline.extract.mixed`), with the same warnings as
in memory. Failures carry the same one-line reasons as the in-memory decode.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from feedline.errors import ExtractError, UnsupportedFormat
from feedline.extract.detect import BOMS, legacy_encoding
from feedline.extract.mixed import LineDecoder, guess_legacy, has_utf8_sequences

BLOCK_BYTES = 8 * 1024**2
_SAMPLE_BYTES = 4 * 1024**2
_LONGEST_LINE = 128 * 1024**2
_NON_ASCII = re.compile(rb"[\x80-\xff]")
_BINARY = "not a text table: the content is binary data (NUL bytes or control characters)"


def bom_encoding(head: bytes) -> tuple[str, int] | None:
    """The codec a byte-order mark names and the mark's length, if the file has one."""
    for bom, name in BOMS:
        if head.startswith(bom):
            return name, len(bom)
    return None


def detect_legacy(path: Path) -> str:
    """The legacy (single-byte) encoding of a large file without BOM that is not UTF-8."""
    return legacy_encoding(detection_sample(path))


def detection_sample(path: Path, limit: int = _SAMPLE_BYTES) -> bytes:
    """Up to ``limit`` bytes of lines holding non-ASCII bytes, from the whole file."""
    found: list[bytes] = []
    size = 0
    with path.open("rb") as fh:
        carry = b""
        while size < limit:
            block = fh.read(BLOCK_BYTES)
            if not block:
                break
            buf = carry + block
            cut = buf.rfind(b"\n") + 1
            buf, carry = (buf[:cut], buf[cut:]) if cut else (b"", buf[-(1 << 20):])
            pos = 0
            while size < limit and (match := _NON_ASCII.search(buf, pos)):
                start = buf.rfind(b"\n", 0, match.start()) + 1
                pos = buf.find(b"\n", match.end()) + 1 or len(buf)
                found.append(buf[start:pos])
                size += pos - start
        if size < limit and carry and not carry.isascii():
            found.append(carry)
    return b"".join(found)[:limit]


@dataclass(frozen=True)
class Plan:
    """How to decode a large file: ``encoding`` names it; ``by_line`` decodes each line as
    UTF-8 when it is, else as ``legacy`` (a file of mixed encodings)."""

    encoding: str
    by_line: bool = False
    legacy: str | None = None


def plan(path: Path, bom: str | None, skip: int) -> Plan:
    """Decide how to decode ``path`` (past a BOM of ``skip`` bytes), reading it once when
    its lines may be in two encodings."""
    if bom is not None and bom != "utf-8-sig":
        return Plan(bom)
    if bom == "utf-8-sig" and _valid_utf8(path, skip):
        return Plan(bom)
    if bom is None and not _any_utf8_sequence(path):
        return Plan(detect_legacy(path))
    census = LineDecoder()
    with path.open("rb") as fh:
        fh.seek(skip)
        for block in _line_blocks(fh, census):
            census.scan(block)
    found = census.census
    if bom == "utf-8-sig":
        if not (found.utf8 and found.mostly_utf8):
            return Plan(bom)  # mostly not UTF-8: the strict decode names the first bad byte
        return Plan(bom, by_line=True, legacy=guess_legacy(found))
    if not found.utf8:
        return Plan(legacy_encoding(bytes(found.sample)))
    return Plan("utf-8" if found.mostly_utf8 else "", by_line=True,
                legacy=guess_legacy(found))


def transcode(path: Path, how: Plan, skip: int, dest: Path,
              progress: Callable[[int], None] | None = None) -> tuple[str, list[str]]:
    """Decode ``path`` (from byte ``skip``, past any BOM) into UTF-8 ``dest`` as ``how``
    says; returns the encoding that names the file and the warnings (mixed encodings).

    Raises:
        ExtractError: a byte sequence is not valid in the encoding, or text holds NUL.
        UnsupportedFormat: a file without BOM holds NUL bytes (binary data).
    """
    if how.by_line:
        return _by_line(path, how, skip, dest, progress)
    encoding = how.encoding
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    done = 0
    with path.open("rb") as src, dest.open("wb") as out:
        src.seek(skip)
        while True:
            block = src.read(BLOCK_BYTES)
            if not skip and b"\x00" in block:
                raise UnsupportedFormat(_BINARY)
            try:
                text = decoder.decode(block, final=not block)
            except UnicodeDecodeError as exc:
                pending = len(decoder.getstate()[0])
                raise _bad_byte(encoding, done - pending + exc.start,
                                exc.object[exc.start:exc.start + 1]) from None
            if "\x00" in text:
                raise ExtractError(f"file decoded as {encoding} contains NUL characters")
            out.write(text.encode("utf-8"))
            if not block:
                return encoding, []
            done += len(block)
            if progress is not None:
                progress(skip + done)


def _by_line(path: Path, how: Plan, skip: int, dest: Path,
             progress: Callable[[int], None] | None) -> tuple[str, list[str]]:
    lines = LineDecoder(how.legacy)
    done = skip
    with path.open("rb") as src, dest.open("wb") as out:
        src.seek(skip)
        for block in _line_blocks(src, lines):
            if b"\x00" in block:
                raise UnsupportedFormat(_BINARY)
            out.write(lines.decode(block).encode("utf-8"))
            done += len(block)
            if progress is not None:
                progress(done)
    encoding = lines.encoding
    if how.encoding == "utf-8-sig" and encoding == "utf-8":
        encoding = "utf-8-sig"
    return encoding, lines.warnings()


def _line_blocks(fh: BinaryIO, lines: LineDecoder) -> Iterator[bytes]:
    """Blocks of about 8 MiB, each ending after a line break (the last one may not)."""
    carry = b""
    eol: bytes | None = None
    while True:
        block = fh.read(BLOCK_BYTES)
        if not block:
            if carry:
                yield carry
            return
        buf = carry + block if carry else block
        if eol is None:
            eol = b"\r" if b"\n" not in buf and b"\r" in buf else b"\n"
            lines.eol = eol
        cut = buf.rfind(eol) + 1
        if not cut:
            if len(buf) > _LONGEST_LINE:
                raise ExtractError(f"a line is longer than {_LONGEST_LINE} bytes; not a text "
                                   "table")
            carry = buf
            continue
        yield buf[:cut]
        carry = buf[cut:]


def _valid_utf8(path: Path, skip: int) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
    with path.open("rb") as fh:
        fh.seek(skip)
        try:
            while block := fh.read(BLOCK_BYTES):
                decoder.decode(block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


def _any_utf8_sequence(path: Path) -> bool:
    """Whether the file holds anything that looks like multi-byte UTF-8 (a block boundary
    may cut one: the last byte is kept)."""
    with path.open("rb") as fh:
        tail = b""
        while block := fh.read(BLOCK_BYTES):
            if has_utf8_sequences(tail + block):
                return True
            tail = block[-1:]
    return False


def _bad_byte(encoding: str, offset: int, byte: bytes) -> ExtractError:
    if encoding == "utf-8-sig":
        shown = f" (0x{byte[0]:02x})" if byte else ""
        return ExtractError(f"file says it is utf-8-sig but byte {offset}{shown} is not "
                            "valid UTF-8")
    return ExtractError(f"file is not valid {encoding} text (bad byte at offset {offset})")
