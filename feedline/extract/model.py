"""What extraction produces: a file's tables as all-string frames, plus what was detected."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Final

import polars as pl

from feedline.errors import ExtractError

COMPRESSION: Final = "lz4"  # source sheets are working copies of a kept file: speed over size


@dataclass(frozen=True)
class Limits:
    """What extraction refuses (defaults from :class:`feedline.settings.Settings`)."""

    max_file_bytes: int = 2 * 1024**3
    max_rows: int = 50_000_000
    max_columns: int = 2_000
    max_cell_chars: int = 1_000_000
    max_archive_members: int = 1_000
    max_uncompressed_bytes: int = 8 * 1024**3
    max_compression_ratio: int = 200

    def check_shape(self, rows: int, columns: int, *, where: str) -> None:
        if columns > self.max_columns:
            raise ExtractError(f"{where} has {columns} columns; the limit is {self.max_columns}")
        if rows > self.max_rows:
            raise ExtractError(f"{where} has {rows} rows; the limit is {self.max_rows}")

    def check_cells(self, frame: pl.DataFrame, *, where: str) -> None:
        """Refuse a table with too many rows/columns or a cell longer than the limit."""
        self.check_shape(frame.height, frame.width, where=where)
        if not frame.width or not frame.height:
            return
        # bytes bound characters from above and are cheaper to count
        most = frame.select(pl.max_horizontal(pl.all().str.len_bytes().max())).item() or 0
        assert isinstance(most, int)
        if most <= self.max_cell_chars:
            return
        longest = frame.select(pl.max_horizontal(pl.all().str.len_chars().max())).item() or 0
        assert isinstance(longest, int)
        if longest > self.max_cell_chars:
            col = next(c for c in frame.columns
                       if (frame.get_column(c).str.len_chars().max() or 0) > self.max_cell_chars)  # type: ignore[operator]
            raise ExtractError(f"{where}: a cell in column {col!r} holds {longest} characters; "
                               f"the limit is {self.max_cell_chars}")


@dataclass(frozen=True)
class ExtractOptions:
    """What a person or feed config may decide instead of detection.

    ``header_row`` is the 0-based line (text) or sheet row (workbooks) of the header;
    ``sheet`` limits a workbook to one sheet; ``record_path`` names the JSON key path
    (``accounts`` / ``data.items``) or the XML record element (``order`` or ``/orders/order``).
    """

    header_row: int | None = None
    sheet: str | None = None
    record_path: str | None = None
    limits: Limits = field(default_factory=Limits)
    stream_bytes: int = 256 * 1024**2
    """Text files larger than this (delimited in any encoding, gzipped, JSON Lines, XML)
    are read in chunks into Parquet (when a work folder is given to
    :func:`~feedline.extract.extract`)."""


@dataclass(frozen=True)
class SourceTable:
    """One table read from a file; every column is ``pl.String`` and no cell is null.

    ``columns`` are the (made-unique) header names in file order, ``header_row`` the 0-based
    line of the header, ``warnings`` what a person should know (renamed headers, padded rows).
    The rows are either in memory (``data``) or, for a streamed file, in a Parquet file
    (``parquet``, with ``rows`` counted while writing it); ``frame`` reads either.
    """

    name: str
    data: pl.DataFrame | None
    header_row: int
    columns: list[str]
    warnings: list[str] = field(default_factory=list)
    kind: str = "table"
    hidden: bool = False
    profile: dict[str, Any] | None = None
    parquet: Path | None = None
    rows: int = 0

    @property
    def frame(self) -> pl.DataFrame:
        """All rows in memory (reads the Parquet file of a streamed table: mind its size)."""
        if self.data is not None:
            return self.data
        if self.parquet is None:
            raise ValueError(f"table {self.name!r} holds no rows")
        return pl.read_parquet(self.parquet)

    @property
    def row_count(self) -> int:
        return self.data.height if self.data is not None else self.rows

    def save(self, dest: Path) -> None:
        """Write the rows to ``dest`` as Parquet (a streamed table's file is moved there)."""
        if self.data is not None:
            self.data.write_parquet(dest, compression=COMPRESSION)
        elif self.parquet is not None:
            shutil.move(str(self.parquet), dest)
        else:
            raise ValueError(f"table {self.name!r} holds no rows")

    @property
    def tabular(self) -> bool:
        """Whether the table looks like data to map (not a notes sheet, not hidden)."""
        return self.kind == "table" and not self.hidden

    def replace(self, **changes: Any) -> SourceTable:
        return replace(self, **changes)

    def metadata(self) -> dict[str, Any]:
        """What the source sheet stores beside its Parquet: header row, notes, profile."""
        return {
            "header_row": self.header_row,
            "warnings": list(self.warnings),
            "kind": self.kind,
            "hidden": self.hidden,
            "tabular": self.tabular,
            "profile": self.profile,
        }


@dataclass(frozen=True)
class Extraction:
    """The result of :func:`feedline.extract.extract` for one file.

    ``warnings`` holds file-level notes (e.g. a misleading extension); table-level notes
    live on each :class:`SourceTable`.
    """

    format: str
    encoding: str | None
    delimiter: str | None
    tables: list[SourceTable]
    warnings: list[str] = field(default_factory=list)
    record_path: str | None = None

    @property
    def data_table(self) -> SourceTable | None:
        """The table most likely to hold the delivery's records (largest tabular one)."""
        candidates = [t for t in self.tables if t.tabular]
        return max(candidates, key=lambda t: t.row_count * len(t.columns), default=None)

    def to_dict(self, *, profiles: bool = False) -> dict[str, Any]:
        """A JSON-ready summary without the frames (row counts per table)."""
        out: dict[str, Any] = {
            "format": self.format,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "warnings": list(self.warnings),
            "tables": [],
        }
        if self.record_path is not None:
            out["record_path"] = self.record_path
        data = self.data_table
        if len(self.tables) > 1 and data is not None:
            out["data_sheet"] = data.name
        for t in self.tables:
            entry: dict[str, Any] = {
                "name": t.name,
                "header_row": t.header_row,
                "columns": list(t.columns),
                "row_count": t.row_count,
                "warnings": list(t.warnings),
            }
            if not t.tabular:
                entry["tabular"] = False
            if profiles and t.profile is not None:
                entry["profile"] = t.profile
            out["tables"].append(entry)
        return out
