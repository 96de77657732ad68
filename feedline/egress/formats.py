"""File formats: each encoder streams batches into one open temp file.

CSV and JSONL are written batch by batch with Polars; Parquet keeps each batch as a part
in a locked temp folder and streams them into one file at the end (memory stays at one
batch); XLSX goes row by row through xlsxwriter's constant-memory mode.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import IO, Protocol

import polars as pl

from feedline.blueprint import SheetSpec
from feedline.egress import frames
from feedline.egress.base import FIELD_DTYPES, MESSAGE_DTYPE
from feedline.egress.tempfiles import LockedTemp
from feedline.egress.xlsx import XlsxEncoder

FORMATS = ("csv", "jsonl", "parquet", "xlsx")
EXTENSIONS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet",
              ".xlsx": "xlsx"}
APPENDABLE = ("csv", "jsonl")


class Encoder(Protocol):
    """Writes the frames of :func:`frames.values` to a file, then finishes it."""

    def write(self, frame: pl.DataFrame) -> None: ...

    def finish(self) -> None: ...

    def discard(self) -> None: ...


def out_schema(spec: SheetSpec, with_validity: bool) -> dict[str, pl.DataType]:
    """The columns a file holds: the fields under their keys (+ ``valid``, ``messages``)."""
    schema = {f.key: FIELD_DTYPES[f.type] for f in spec.fields}
    if with_validity:
        schema.update({"valid": pl.Boolean(), "messages": MESSAGE_DTYPE})
    return schema


def csv_header(spec: SheetSpec, with_validity: bool) -> bytes:
    """The CSV header line."""
    buf = io.BytesIO()
    pl.DataFrame(schema=dict.fromkeys(out_schema(spec, with_validity), pl.String)).write_csv(buf)
    return buf.getvalue()


class CsvEncoder:
    """UTF-8 CSV; nulls empty and unquoted, empty strings ``""``; optional header."""

    def __init__(self, out: IO[bytes], spec: SheetSpec, with_validity: bool, *,
                 escape: bool, header: bool) -> None:
        self.out, self.spec, self.with_validity = out, spec, with_validity
        self.escape, self.header = escape, header

    def write(self, frame: pl.DataFrame) -> None:
        frames.csv_cells(frame, self.spec, escape=self.escape).write_csv(
            self.out, include_header=self.header)
        self.header = False

    def finish(self) -> None:
        if self.header:  # no records: a file with just the header
            self.out.write(csv_header(self.spec, self.with_validity))
        self.out.flush()

    def discard(self) -> None:
        """Nothing beyond the temp file."""


class JsonlEncoder:
    """One JSON object per line, native JSON types, ISO dates."""

    def __init__(self, out: IO[bytes], spec: SheetSpec) -> None:
        self.out, self.spec = out, spec

    def write(self, frame: pl.DataFrame) -> None:
        frames.json_frame(frame, self.spec).write_ndjson(self.out)

    def finish(self) -> None:
        self.out.flush()

    def discard(self) -> None:
        """Nothing beyond the temp file."""


class ParquetEncoder:
    """Typed Parquet: one part per batch in a locked temp folder, streamed into ``out``."""

    def __init__(self, out: IO[bytes], parts: LockedTemp, schema: dict[str, pl.DataType]) -> None:
        self.out, self.parts, self.schema = out, parts, schema
        self.files: list[Path] = []

    def write(self, frame: pl.DataFrame) -> None:
        part = self.parts.path / f"{len(self.files):06d}.parquet"
        frame.write_parquet(part, compression="uncompressed", statistics=False)
        self.files.append(part)

    def finish(self) -> None:
        if self.files:
            pl.scan_parquet(self.files).sink_parquet(self.out)
        else:
            pl.DataFrame(schema=self.schema).write_parquet(self.out)
        self.out.flush()
        self.parts.discard()

    def discard(self) -> None:
        self.parts.discard()


def encoder(fmt: str, out: LockedTemp, spec: SheetSpec, with_validity: bool, *,
            escape: bool, header: bool, parts: LockedTemp | None = None) -> Encoder:
    """The encoder of ``fmt`` writing into the temp file ``out`` (Parquet and XLSX also
    need ``parts``, a locked scratch folder)."""
    if fmt == "csv":
        return CsvEncoder(out.fh, spec, with_validity, escape=escape, header=header)
    if fmt == "jsonl":
        return JsonlEncoder(out.fh, spec)
    if fmt == "parquet":
        assert parts is not None
        return ParquetEncoder(out.fh, parts, out_schema(spec, with_validity))
    assert parts is not None
    return XlsxEncoder(out.path, parts, spec, with_validity, escape=escape)
