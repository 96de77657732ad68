"""What a file is by its first bytes: the formats feedline reads, and the ones it names
when it refuses a file (``not a text table: … looks like a PNG image``)."""

from __future__ import annotations

import codecs
import re

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# (magic prefix, format key); checked in order, first match wins.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "xls"),
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "rar"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"PAR1", "parquet"),
    (b"SQLite format 3\x00", "sqlite"),
    (b"\x7fELF", "elf"),
    (b"\xca\xfe\xba\xbe", "macho"),
    (b"\xcf\xfa\xed\xfe", "macho"),
    (b"\xce\xfa\xed\xfe", "macho"),
    (b"\x00asm", "wasm"),
    (b"ID3\x02", "audio"),
    (b"ID3\x03", "audio"),
    (b"ID3\x04", "audio"),
    (b"OggS", "audio"),
    (b"fLaC", "audio"),
)

DESCRIPTIONS = {
    "zip": "a ZIP archive",
    "xlsx": "an Excel workbook",
    "xls": "an Excel 97-2003 workbook",
    "ods": "an OpenDocument workbook",
    "pdf": "a PDF document",
    "png": "a PNG image",
    "jpeg": "a JPEG image",
    "gif": "a GIF image",
    "tiff": "a TIFF image",
    "webp": "a WebP image",
    "image": "an image",
    "gzip": "a gzip archive",
    "bzip2": "a bzip2 archive",
    "xz": "an xz archive",
    "7z": "a 7-Zip archive",
    "rar": "a RAR archive",
    "zstd": "a Zstandard archive",
    "tar": "a tar archive",
    "parquet": "a Parquet file",
    "sqlite": "an SQLite database",
    "elf": "an ELF executable",
    "exe": "a Windows executable",
    "macho": "a macOS executable",
    "wasm": "a WebAssembly module",
    "audio": "an audio file",
    "video": "a video file",
    "json": "JSON",
    "xml": "XML",
    "binary": "binary data",
}

_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]")


def sniff_binary(data: bytes) -> str | None:
    """The format key of a non-text file (``zip``, ``xlsx``, ``pdf``, ``png``, ``elf``,
    ``binary``…), else None (text, in some encoding)."""
    if any(data.startswith(bom) for bom, _ in BOMS):
        return None
    for magic, key in _SIGNATURES:
        if data.startswith(magic):
            if key == "zip" and (b"xl/" in data or b"[Content_Types].xml" in data):
                return "xlsx"
            return key
    kind = _container_kind(data)
    if kind is not None:
        return kind
    head = data[:8192]
    if b"\x00" in data or len(_CONTROL.findall(head)) > max(2, len(head) // 100):
        return "exe" if head.startswith(b"MZ") else "binary"
    return None


def _container_kind(data: bytes) -> str | None:
    """Formats whose signature is not at the very start (RIFF, ISO media, tar), all of
    which hold NUL bytes early on."""
    if b"\x00" not in data[:512]:
        return None
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data[:4] == b"RIFF" and data[8:12] in (b"WAVE", b"AVI "):
        return "audio" if data[8:12] == b"WAVE" else "video"
    if data[4:8] == b"ftyp":
        return "video"
    if data[257:262] == b"ustar":
        return "tar"
    return None
