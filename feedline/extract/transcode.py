"""Large text that is not plain UTF-8, re-encoded to a UTF-8 scratch file in bounded memory.

The encoding comes from the byte-order mark, else from a sample of the file's non-ASCII
lines gathered across the whole file (ASCII lines say nothing about a legacy encoding);
the bytes are then decoded block by block with an incremental decoder, so a multi-byte
character or a UTF-16 surrogate pair cut by a block boundary is joined again. Failures
carry the same one-line reasons as the in-memory decode.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from pathlib import Path

from feedline.errors import ExtractError, UnsupportedFormat
from feedline.extract.detect import BOMS, legacy_encoding

BLOCK_BYTES = 8 * 1024**2
_SAMPLE_BYTES = 4 * 1024**2
_NON_ASCII = re.compile(rb"[\x80-\xff]")


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


def transcode(path: Path, encoding: str, skip: int, dest: Path,
              progress: Callable[[int], None] | None = None) -> None:
    """Decode ``path`` (from byte ``skip``, past any BOM) as ``encoding`` into UTF-8 ``dest``.

    Raises:
        ExtractError: a byte sequence is not valid in ``encoding``, or text holds NUL.
        UnsupportedFormat: a file without BOM holds NUL bytes (binary data).
    """
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    done = 0
    with path.open("rb") as src, dest.open("wb") as out:
        src.seek(skip)
        while True:
            block = src.read(BLOCK_BYTES)
            if not skip and b"\x00" in block:
                raise UnsupportedFormat("unsupported file format (looks like binary data)")
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
                return
            done += len(block)
            if progress is not None:
                progress(skip + done)


def _bad_byte(encoding: str, offset: int, byte: bytes) -> ExtractError:
    if encoding == "utf-8-sig":
        shown = f" (0x{byte[0]:02x})" if byte else ""
        return ExtractError(f"file says it is utf-8-sig but byte {offset}{shown} is not "
                            "valid UTF-8")
    return ExtractError(f"file is not valid {encoding} text (bad byte at offset {offset})")
