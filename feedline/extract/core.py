"""``extract()``: decide a file's format by its content (extension second) and read it."""

from __future__ import annotations

from pathlib import Path

from feedline.errors import ExtractError, UnsupportedFormat
from feedline.extract.csv import read_delimited
from feedline.extract.detect import DESCRIPTIONS, decode, sniff_binary, sniff_text
from feedline.extract.model import Extraction

# What a file extension claims, used as a hint only: content decides.
_EXTENSION_FORMATS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".tab": "csv",
    ".psv": "csv",
    ".txt": "csv",
    ".dat": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".xls": "xls",
    ".json": "json",
    ".xml": "xml",
    ".zip": "zip",
    ".pdf": "pdf",
}
_EXTENSION_DELIMITERS = {".tsv": "\t", ".tab": "\t", ".psv": "|"}


def extract(path: str | Path, filename: str | None = None) -> Extraction:
    """Read a delivered file into all-string tables.

    Args:
        path: where the bytes are (may be a blob without an extension).
        filename: the name the file was delivered under; its extension is a hint only.

    Raises:
        UnsupportedFormat: the content is not delimited text (a workbook, PDF, binary…).
        ExtractError: the file is empty, undecodable or not a well-formed table.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ExtractError(f"cannot read {path.name}: {exc.strerror or exc}") from None
    name = filename or path.name
    suffix = Path(name).suffix.lower()
    if not data.strip():
        raise ExtractError("file is empty")
    kind = sniff_binary(data)
    if kind is not None:
        raise _unsupported(kind)
    decoded = decode(data)
    if not decoded.data.strip():
        raise ExtractError("file is empty")
    if decoded.data.lstrip()[:1] in (b"{", b"[", b"<"):
        kind = sniff_text(decoded.as_text())
        if kind is not None:
            raise _unsupported(kind)
    warnings: list[str] = []
    claimed = _EXTENSION_FORMATS.get(suffix)
    if claimed is not None and claimed != "csv":
        warnings.append(f"the file name ends in {suffix} but the content is delimited text")
    table, dialect = read_delimited(
        decoded, name=Path(name).stem or "data", hint=_EXTENSION_DELIMITERS.get(suffix)
    )
    return Extraction(
        format="tsv" if dialect.delimiter == "\t" else "csv",
        encoding=decoded.encoding,
        delimiter=dialect.delimiter,
        tables=[table],
        warnings=warnings,
    )


def _unsupported(kind: str) -> UnsupportedFormat:
    return UnsupportedFormat(f"not a delimited text file (looks like {DESCRIPTIONS[kind]})")
