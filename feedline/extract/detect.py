"""Content sniffing: binary signatures, text encoding and the delimited-text dialect."""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from feedline.errors import ExtractError
from feedline.extract.letters import plausibility
from feedline.extract.mixed import Census, LineDecoder, guess_legacy, has_utf8_sequences
from feedline.extract.signatures import BOMS, DESCRIPTIONS, sniff_binary

__all__ = ["BOMS", "DESCRIPTIONS", "Decoded", "Dialect", "decode", "legacy_encoding",
           "sniff_binary", "sniff_dialect", "sniff_text", "sniff_xml"]

DELIMITERS = (",", ";", "\t", "|", "^")
SAMPLE_BYTES = 64 * 1024
_SAMPLE_RECORDS = 50
_CHARSET_SAMPLE = 4 * 1024 * 1024
_XML_START = re.compile(r"<(\?xml|!DOCTYPE|[A-Za-z_][\w.:-]*[\s/>])")


def sniff_text(head: str) -> str | None:
    """``json`` or ``xml`` when decoded text clearly is one, else None (delimited text)."""
    stripped = head.strip()
    if stripped[:1] in ("{", "["):
        try:
            value = json.loads(stripped)
        except ValueError:
            return None
        except RecursionError:  # nested past Python's stack: JSON, and refused as such
            return "json"
        return "json" if isinstance(value, dict | list) else None
    if _XML_START.match(stripped) and stripped.endswith(">"):
        return "xml"
    return None


def sniff_xml(head: str) -> bool:
    """Whether the start of a (large) text file is XML (its end is not looked at)."""
    return _XML_START.match(head.lstrip()) is not None


@dataclass(frozen=True)
class Decoded:
    """A file's content as UTF-8 bytes without BOM, ready for Polars; ``warnings`` say
    which lines were not in ``encoding`` (a file of mixed encodings)."""

    encoding: str
    data: bytes
    text: str | None = None
    warnings: tuple[str, ...] = ()
    path: Path | None = None
    """Set when ``data`` maps this whole file: Polars then reads the file itself (no copy)."""

    def as_text(self) -> str:
        return self.text if self.text is not None else self.data.decode("utf-8")


def decode(data: bytes) -> Decoded:
    """Detect the encoding; UTF-8 input without BOM is passed through untouched.

    A file whose lines are in two encodings (UTF-8 and a legacy one) is read line by
    line (:mod:`feedline.extract.mixed`) and named after most of its lines.
    """
    for bom, name in BOMS:
        if data.startswith(bom):
            if name == "utf-8-sig":
                return _utf8_sig(data[len(bom):])
            return _transcode(data[len(bom) :], name)
    if data.isascii():
        return Decoded("utf-8", data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if has_utf8_sequences(data):
            lines = LineDecoder()
            lines.scan(data)
            if lines.census.utf8:
                return _mixed(data, lines.census, "utf-8")
        return _transcode(data, legacy_encoding(data))
    return Decoded("utf-8", data, text)


def _utf8_sig(body: bytes) -> Decoded:
    """Text after a UTF-8 byte-order mark: read as UTF-8, a minority of bad lines line by
    line; refused when most of it is not UTF-8 (the mark lies)."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        lines = LineDecoder()
        lines.scan(body)
        if lines.census.utf8 and lines.census.mostly_utf8:
            return _mixed(body, lines.census, "utf-8-sig")
        raise ExtractError(
            f"file says it is utf-8-sig but byte {exc.start} (0x{body[exc.start]:02x}) is "
            "not valid UTF-8") from None
    return Decoded("utf-8-sig", body)


def _mixed(data: bytes, census: Census, utf8_name: str) -> Decoded:
    """Decode line by line: UTF-8 lines as UTF-8, the others in their detected encoding."""
    lines = LineDecoder(guess_legacy(census))
    text = lines.decode(data)
    encoding = utf8_name if lines.encoding == "utf-8" else lines.encoding
    return Decoded(encoding, text.encode("utf-8"), text, tuple(lines.warnings()))


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


LETTER_SAMPLE = 256 * 1024  # bytes whose letters weigh the candidate encodings
LETTER_TIE = 0.3  # readings this close in letter plausibility (mean log-frequency) tie


def legacy_encoding(data: bytes) -> str:
    """Pick a single-byte/legacy encoding: of the readings charset-normalizer finds, those
    whose letters beyond ASCII one language writes most plausibly
    (:mod:`feedline.extract.letters`: a Czech cp1250 file is no cp1252 ``Pøesèasy``),
    then the least chaotic; Western cp1252 wins ties with its look-alikes."""
    matches = [
        m
        for m in from_bytes(data[:_CHARSET_SAMPLE])
        if not m.encoding.startswith(("utf_16", "utf_32", "utf_7"))
    ]
    if not matches:
        raise ExtractError(
            "could not decode the file: it is not UTF-8 and no known text encoding fits"
        )
    sample = data[:LETTER_SAMPLE]
    scored = [(score, m) for m in matches
              if (score := plausibility(sample.decode(m.encoding, errors="ignore"))) is not None]
    if scored:  # the letters beyond ASCII decide, as one language writes them
        top = max(score for score, _ in scored)
        matches = [m for score, m in scored if score >= top - LETTER_TIE]
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
