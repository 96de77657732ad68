"""Content sniffing: binary signatures, text encoding and the delimited-text dialect."""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections import Counter
from dataclasses import dataclass

from charset_normalizer import from_bytes

from feedline.errors import ExtractError

DELIMITERS = (",", ";", "\t", "|", "^")
SAMPLE_BYTES = 64 * 1024
_SAMPLE_RECORDS = 50
_CHARSET_SAMPLE = 4 * 1024 * 1024

# (magic prefix, format key); checked in order, first match wins.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "xls"),
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"GIF8", "image"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"PAR1", "parquet"),
    (b"SQLite format 3\x00", "sqlite"),
)

DESCRIPTIONS = {
    "zip": "a ZIP archive",
    "xlsx": "an Excel workbook",
    "xls": "an Excel 97-2003 workbook",
    "pdf": "a PDF document",
    "image": "an image",
    "gzip": "a gzip archive",
    "bzip2": "a bzip2 archive",
    "xz": "an xz archive",
    "7z": "a 7-Zip archive",
    "parquet": "a Parquet file",
    "sqlite": "an SQLite database",
    "json": "JSON",
    "xml": "XML",
    "binary": "binary data",
}

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]")
_XML_START = re.compile(r"<(\?xml|!DOCTYPE|[A-Za-z_][\w.:-]*[\s/>])")


def sniff_binary(data: bytes) -> str | None:
    """The format key of a non-text file (``zip``, ``xlsx``, ``pdf``, ``binary``…), else None."""
    if any(data.startswith(bom) for bom, _ in BOMS):
        return None
    for magic, key in _SIGNATURES:
        if data.startswith(magic):
            if key == "zip" and (b"xl/" in data or b"[Content_Types].xml" in data):
                return "xlsx"
            return key
    head = data[:8192]
    if b"\x00" in data or len(_CONTROL.findall(head)) > max(2, len(head) // 100):
        return "binary"
    return None


def sniff_text(head: str) -> str | None:
    """``json`` or ``xml`` when decoded text clearly is one, else None (delimited text)."""
    stripped = head.strip()
    if stripped[:1] in ("{", "["):
        try:
            value = json.loads(stripped)
        except ValueError:
            return None
        return "json" if isinstance(value, dict | list) else None
    if _XML_START.match(stripped) and stripped.endswith(">"):
        return "xml"
    return None


def sniff_xml(head: str) -> bool:
    """Whether the start of a (large) text file is XML (its end is not looked at)."""
    return _XML_START.match(head.lstrip()) is not None


@dataclass(frozen=True)
class Decoded:
    """A file's content as UTF-8 bytes without BOM, ready for Polars."""

    encoding: str
    data: bytes
    text: str | None = None

    def as_text(self) -> str:
        return self.text if self.text is not None else self.data.decode("utf-8")


def decode(data: bytes) -> Decoded:
    """Detect the encoding; UTF-8 input without BOM is passed through untouched."""
    for bom, name in BOMS:
        if data.startswith(bom):
            if name == "utf-8-sig":
                body = data[len(bom) :]
                _check_utf8(body, "utf-8-sig")
                return Decoded(name, body)
            return _transcode(data[len(bom) :], name)
    if data.isascii():
        return Decoded("utf-8", data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _transcode(data, legacy_encoding(data))
    return Decoded("utf-8", data, text)


def _check_utf8(data: bytes, label: str) -> None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ExtractError(
            f"file says it is {label} but byte {exc.start} (0x{data[exc.start]:02x}) is not valid UTF-8"
        ) from None


def _transcode(data: bytes, encoding: str) -> Decoded:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ExtractError(
            f"file is not valid {encoding} text (bad byte at offset {exc.start})"
        ) from None
    if "\x00" in text:
        raise ExtractError(f"file decoded as {encoding} contains NUL characters")
    return Decoded(encoding, text.encode("utf-8"), text)


def legacy_encoding(data: bytes) -> str:
    """Pick a single-byte/legacy encoding; Western cp1252 wins ties with its look-alikes."""
    matches = [
        m
        for m in from_bytes(data[:_CHARSET_SAMPLE])
        if not m.encoding.startswith(("utf_16", "utf_32", "utf_7"))
    ]
    if not matches:
        raise ExtractError(
            "could not decode the file: it is not UTF-8 and no known text encoding fits"
        )
    best = min(m.chaos for m in matches)
    for m in matches:
        if m.chaos <= best + 0.01 and "cp1252" in (m.encoding, *m.could_be_from_charset):
            return "cp1252"
    return codecs.lookup(matches[0].encoding).name


@dataclass(frozen=True)
class Dialect:
    delimiter: str
    eol: str


def sniff_dialect(sample: str, complete: bool, hint: str | None = None) -> Dialect:
    """Choose the delimiter whose header width the following records repeat most consistently.

    ``sample`` starts at the header line; ``complete`` says whether it is the whole text
    (if not, its last, possibly cut, record is ignored). ``hint`` breaks ties (from the
    file extension).
    """
    eol = _line_ending(sample)
    scored: list[tuple[float, int, int, int, str]] = []
    for rank, delim in enumerate(DELIMITERS):
        records = _sample_records(sample, delim, complete)
        widths = [len(r) for r in records]
        if not widths or max(widths) < 2:
            continue
        # the table's width is the most common one: title lines above the header differ
        modal = Counter(w for w in widths if w >= 2)
        width = max(modal.items(), key=lambda kv: (kv[1], kv[0]))[0]
        start = widths.index(width)
        rows = records[start + 1 :]
        consistency = sum(len(r) == width for r in rows) / len(rows) if rows else 1.0
        consistency -= 0.001 * start  # prefer a dialect whose table starts early
        scored.append((consistency, int(delim == hint), width, -rank, delim))
    if not scored:
        return Dialect(hint or ",", eol)
    return Dialect(max(scored)[-1], eol)


def _line_ending(sample: str) -> str:
    """``\\r`` when the first line break outside quotes is a lone CR, else ``\\n``."""
    quoted = False
    for pos, char in enumerate(sample):
        if char == '"':
            quoted = not quoted
        elif not quoted and char in "\r\n":
            return "\r" if char == "\r" and sample[pos + 1 : pos + 2] != "\n" else "\n"
    return "\n"


def _sample_records(sample: str, delim: str, complete: bool) -> list[list[str]]:
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delim, quotechar='"')
    records: list[list[str]] = []
    try:
        for row in reader:
            if row and any(cell.strip() for cell in row):
                records.append(row)
            if len(records) > _SAMPLE_RECORDS:
                break
    except csv.Error:
        pass
    if not complete and len(records) <= _SAMPLE_RECORDS and len(records) > 1:
        records.pop()
    return records
