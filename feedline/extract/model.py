"""What extraction produces: a file's tables as all-string frames, plus what was detected."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import polars as pl


@dataclass(frozen=True)
class SourceTable:
    """One table read from a file; every column is ``pl.String`` and no cell is null.

    ``columns`` are the (made-unique) header names in file order, ``header_row`` the 0-based
    line of the header, ``warnings`` what a person should know (renamed headers, padded rows).
    """

    name: str
    frame: pl.DataFrame
    header_row: int
    columns: list[str]
    warnings: list[str] = field(default_factory=list)

    @property
    def row_count(self) -> int:
        return self.frame.height


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

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary without the frames (row counts per table)."""
        return {
            "format": self.format,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "warnings": list(self.warnings),
            "tables": [
                {
                    "name": t.name,
                    "header_row": t.header_row,
                    "columns": list(t.columns),
                    "row_count": t.row_count,
                    "warnings": list(t.warnings),
                }
                for t in self.tables
            ],
        }
