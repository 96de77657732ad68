"""XLSX: one sheet with typed cells, written row by row in xlsxwriter's constant-memory mode.

xlsxwriter spills rows to files in a scratch folder we own (locked like every feedline
temp), so an aborted or killed run leaves nothing in the system temp folder.

Numbers, booleans, dates and datetimes are real Excel values; text is always a text cell
(never a formula). With formula escaping on, text that starts like a formula gets
Excel's own quote prefix (the cell shows and keeps the exact text, and Excel will not
evaluate it when the cell is edited).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl

from feedline.blueprint import SheetSpec
from feedline.egress import frames
from feedline.egress.tempfiles import LockedTemp
from feedline.errors import TerminalError

MAX_ROWS = 1_048_576
SAFE_INT = 2**53
FORMULA_CHARS = ("=", "+", "-", "@", "\t", "\r")


class XlsxEncoder:
    """Writes the frames of :func:`frames.values` as rows of one worksheet."""

    def __init__(self, path: Path, scratch: LockedTemp, spec: SheetSpec, with_validity: bool, *,
                 escape: bool) -> None:
        import xlsxwriter  # 25 ms to import: only a destination that writes XLSX pays it

        self.spec, self.scratch = spec, scratch
        self.book = xlsxwriter.Workbook(str(path), {
            "tmpdir": str(scratch.path),  # its row spill files go with our locked folder
            "constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
            "strings_to_numbers": False, "remove_timezone": True, "nan_inf_to_errors": True,
        })
        title = re.sub(r"[\[\]:*?/\\]", "_", spec.name or spec.slug).strip("'")[:31]
        self.sheet = self.book.add_worksheet(title or "records")
        self.date = self.book.add_format({"num_format": "yyyy-mm-dd"})
        self.datetime = self.book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        self.quoted = self.book.add_format({"quote_prefix": True})
        header = spec.keys + (["valid", "messages"] if with_validity else [])
        for col, name in enumerate(header):
            self.sheet.write_string(0, col, name)
        types = [f.type for f in spec.fields] + (["boolean", "json"] if with_validity else [])
        self.writers = [self._writer(t, escape) for t in types]
        self.row = 1

    def _writer(self, kind: str, escape: bool) -> Callable[[int, int, Any], Any]:
        ws = self.sheet
        if kind == "number":
            return ws.write_number
        if kind == "integer":
            return lambda r, c, v: (ws.write_number(r, c, v) if -SAFE_INT < v < SAFE_INT
                                    else ws.write_string(r, c, str(v)))
        if kind == "boolean":
            return ws.write_boolean
        if kind == "date":
            return lambda r, c, v: ws.write_datetime(r, c, v, self.date)
        if kind == "datetime":
            return lambda r, c, v: ws.write_datetime(r, c, v, self.datetime)
        if escape and kind != "json":
            quoted = self.quoted
            return lambda r, c, v: (ws.write_string(r, c, v, quoted) if v.startswith(FORMULA_CHARS)
                                    else ws.write_string(r, c, v))
        return ws.write_string

    def write(self, frame: pl.DataFrame) -> None:
        if self.row + frame.height > MAX_ROWS:
            raise TerminalError(f"XLSX holds at most {MAX_ROWS - 1:,} records in a sheet; "
                                "use csv, jsonl or parquet for this delivery")
        changes = [pl.col(f.key).list.join(";") for f in self.spec.fields
                   if f.type == "string-list"]
        if "messages" in frame.columns and "messages" not in self.spec.keys:
            changes.append(frames.json_text("messages"))
        if changes:
            frame = frame.with_columns(changes)
        writers, row = self.writers, self.row
        for values in frame.iter_rows():
            for col, value in enumerate(values):
                if value is not None:
                    writers[col](row, col, value)
            row += 1
        self.row = row

    def finish(self) -> None:
        self.book.close()
        self.scratch.discard()

    def discard(self) -> None:
        for sheet in self.book.worksheets():
            if sheet.row_data_fh is not None and not sheet.row_data_fh_closed:
                sheet.row_data_fh.close()
                sheet.row_data_fh_closed = True
        self.book.fileclosed = True  # nothing to write: the temp file is dropped
        self.scratch.discard()
