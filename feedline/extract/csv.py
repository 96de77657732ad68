"""Delimited text (CSV, TSV, ``;``/``|``/``^`` separated) read with Polars, all strings."""

from __future__ import annotations

import csv
import io
import mmap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import polars as pl
from polars.exceptions import PanicException

from feedline.errors import ExtractError
from feedline.extract.detect import SAMPLE_BYTES, Decoded, Dialect, sniff_dialect
from feedline.extract.header import SCAN_ROWS, detect_header
from feedline.extract.model import Limits, SourceTable

_MAX_LISTED = 10
_HEAD_BYTES = 1 << 20


class NotUtf8(ExtractError):
    """The bytes handed over as UTF-8 are not (the caller falls back to detection)."""


Buffer = bytes | mmap.mmap


@dataclass(frozen=True)
class Layout:
    """Where the table starts in delimited text: dialect, header line and its byte offset."""

    dialect: Dialect
    header_row: int
    line_start: int
    columns: list[str]
    warnings: list[str]


def locate(data: Buffer, *, hint: str | None = None, header_row: int | None = None) -> Layout:
    """Sniff the dialect and find the header among the first 50 records (title lines and
    notes above it are skipped) unless ``header_row`` (0-based line) says where it is.
    Reads only the start of ``data`` (a memory map of a large file stays untouched)."""
    head = data[:_HEAD_BYTES]
    start = len(head) - len(head.lstrip())
    if start == len(head):
        raise ExtractError("file is empty")
    line_start = max(head.rfind(b"\n", 0, start), head.rfind(b"\r", 0, start)) + 1
    sample_bytes = data[line_start : line_start + SAMPLE_BYTES]
    complete = line_start + SAMPLE_BYTES >= len(data)
    sample = sample_bytes.decode("utf-8", errors="ignore")
    dialect = sniff_dialect(sample, complete, hint)
    eol_byte = dialect.eol.encode()
    warnings: list[str] = []
    moved = header_row is not None
    if header_row is not None:
        line_start = _line_offset(data, eol_byte, header_row)
    else:
        skip = _detected_lines(sample, dialect.delimiter)
        if skip:
            line_start = _line_offset(data, eol_byte, skip, line_start)
            moved = True
    header_row = data[:line_start].count(eol_byte)
    if moved and header_row:
        warnings.append(f"header found on line {header_row + 1}; lines above it skipped")
    end = data.find(eol_byte, line_start, line_start + _HEAD_BYTES)
    if end < 0 and len(data) > line_start + _HEAD_BYTES:
        raise ExtractError(f"no line break in the first {_HEAD_BYTES} bytes of line "
                           f"{header_row + 1} (the header); a line that long is not a text "
                           "table")
    sample = data[line_start : max(line_start + SAMPLE_BYTES, end + 1)].decode(
        "utf-8", errors="ignore")
    columns, renamed = unique_headers(_header_cells(sample, dialect.delimiter))
    if not columns:
        raise ExtractError(f"the header row (line {header_row + 1}) is empty")
    return Layout(dialect, header_row, line_start, columns, warnings + renamed)


def read_delimited(
    decoded: Decoded, *, name: str, hint: str | None = None, header_row: int | None = None,
    limits: Limits | None = None,
) -> tuple[SourceTable, Dialect]:
    """Read UTF-8 delimited text (bytes or a memory map) into an all-string table.

    Raises:
        NotUtf8: Polars found bytes that are not UTF-8 (only when ``decoded`` was not
            validated before, i.e. a memory-mapped file).
    """
    data = decoded.data
    layout = locate(data, hint=hint, header_row=header_row)
    dialect, header_row, columns = layout.dialect, layout.header_row, layout.columns
    if limits is not None:  # before Polars allocates a column per header cell
        limits.check_shape(0, len(columns), where="the file")
    warnings = list(layout.warnings)
    # A memory-mapped file is read by Polars from its path: the same bytes, not copied.
    frame = parse_chunk(decoded.path or data, dialect, skip_lines=header_row, columns=columns,
                        first_line=header_row, text=lambda: data[layout.line_start:])
    last = frame.get_column(columns[-1])
    if last.null_count():  # a short or blank row leaves the last column null
        text = bytes(data[layout.line_start:]).decode("utf-8")
        frame, report = check_rows(frame, text, dialect, header_row)
        warnings += report.warnings(frame.width)
    if frame.height == 0:
        raise ExtractError("file has a header row but no data rows")
    if any(frame.null_count().row(0)):
        frame = frame.with_columns(pl.all().fill_null(""))
    table = SourceTable(name, frame, header_row, columns, warnings)
    return table, dialect


def parse_chunk(
    data: Buffer | Path, dialect: Dialect, *, skip_lines: int, columns: list[str],
    first_line: int,
    text: Callable[[], Buffer | bytes], has_header: bool = True, row_offset: int = 0,
) -> pl.DataFrame:
    """Polars' read of delimited text, in memory or a file (header line first unless
    ``has_header`` is False); failures become one-line reasons naming the first offending
    row."""
    try:
        frame = pl.read_csv(
            data if isinstance(data, Path) else cast("bytes", data),
            has_header=has_header,
            separator=dialect.delimiter,
            quote_char='"',
            eol_char=dialect.eol,
            skip_lines=skip_lines,
            infer_schema=False,
            raise_if_empty=False,
            truncate_ragged_lines=False,
            new_columns=None if has_header else columns,
        )
    except (Exception, PanicException) as exc:
        if "utf-8" in str(exc).lower() or "utf8" in str(exc).lower():
            raise NotUtf8("the file is not valid UTF-8") from None
        raise _parse_error(bytes(text()).decode("utf-8", errors="replace"), dialect,
                           first_line, exc, width=None if has_header else len(columns),
                           row_offset=row_offset) from None
    if frame.width != len(columns):
        raise ExtractError(
            f"could not read the header row (line {first_line + 1}): "
            f"found {frame.width} columns, expected {len(columns)}"
        )
    if has_header:
        frame.columns = columns
    return frame


def unique_headers(cells: list[str]) -> tuple[list[str], list[str]]:
    """Strip header cells, name blank ones ``column_N`` and suffix duplicates ``_2``, ``_3``…"""
    stripped = [cell.strip() for cell in cells]
    taken = {c for c in stripped if c}
    names: list[str] = []
    seen: set[str] = set()
    warnings: list[str] = []
    for pos, cell in enumerate(stripped, start=1):
        if not cell:
            new = _free(f"column_{pos}", taken | seen)
            warnings.append(f"column {pos} has a blank header; named it {new!r}")
        elif cell in seen:
            new = _free(cell, taken | seen, 2)
            warnings.append(f"column {pos} repeats the header {cell!r}; renamed it {new!r}")
        else:
            new = cell
        names.append(new)
        seen.add(new)
    return names, warnings


def _free(base: str, used: set[str], n: int | None = None) -> str:
    if n is None:
        if base not in used:
            return base
        n = 2
    while f"{base}_{n}" in used:
        n += 1
    return f"{base}_{n}"


def _line_offset(data: Buffer, eol: bytes, lines: int, start: int = 0) -> int:
    """Byte offset of the line ``lines`` line breaks after ``start``."""
    pos = start
    for _ in range(lines):
        pos = data.find(eol, pos)
        if pos < 0:
            raise ExtractError(f"the file has fewer than {lines + 1} lines; cannot use that "
                               "line as the header")
        pos += len(eol)
    return pos


def _detected_lines(sample: str, delimiter: str) -> int:
    """How many lines of ``sample`` precede the detected header (0 = the first line)."""
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter, quotechar='"')
    starts: list[int] = []
    records: list[list[str]] = []
    line = 0
    try:
        for cells in reader:
            starts.append(line)
            records.append(cells)
            line = reader.line_num
            if len(records) >= SCAN_ROWS:
                break
    except csv.Error:
        pass
    if len(records) < 2:
        return 0
    return starts[detect_header(records)]


def _header_cells(sample: str, delimiter: str) -> list[str]:
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter, quotechar='"')
    try:
        return next(reader)
    except (csv.Error, StopIteration) as exc:
        raise ExtractError(f"could not read the header row: {exc}") from None


def record_layout(text: str, dialect: Dialect, first_line: int) -> pl.DataFrame:
    """Per record of ``text`` (header first): its field count, first line (1-based), blankness.

    Vectorized: a line starts inside a quoted field when the quotes before it are odd;
    quoted parts are cut out before counting delimiters.
    """
    eol = dialect.eol
    lines = pl.Series("text", [text]).str.split(eol).explode()
    if text.endswith(eol):
        lines = lines.slice(0, len(lines) - 1)
    body = pl.col("text")
    record = pl.int_range(pl.len(), dtype=pl.UInt32)
    if '"' in text:
        quotes = body.str.count_matches('"', literal=True)
        inside = ((quotes.cum_sum() - quotes) % 2) == 1
        record = (~inside).cast(pl.UInt32).cum_sum()
        body = pl.when(inside).then(pl.lit('"') + body).otherwise(body)
        body = body.str.replace_all('"[^"]*"', "").str.replace('"[^"]*$', "")
    delims = body.str.count_matches(dialect.delimiter, literal=True)
    return (
        pl.DataFrame({"text": lines})
        .with_row_index("line", offset=first_line + 1)
        .with_columns(
            delims=delims,
            record=record,
            blank=(pl.col("text").str.strip_chars() == "") & (delims == 0),
        )
        .group_by("record", maintain_order=True)
        .agg(
            fields=pl.col("delims").sum() + 1,
            line=pl.col("line").first(),
            blank=pl.col("blank").all() & (pl.len() == 1),
        )
        .drop("record")
    )


@dataclass(frozen=True)
class RowReport:
    """What :func:`check_rows` found in one stretch of rows."""

    blank: int = 0
    short: int = 0
    listed: tuple[tuple[int, int, int], ...] = ()  # (row, line, fields) of the first short rows
    irregular: bool = False

    def __add__(self, other: RowReport) -> RowReport:
        listed = (self.listed + other.listed)[:_MAX_LISTED]
        return RowReport(self.blank + other.blank, self.short + other.short, listed,
                         self.irregular or other.irregular)

    def warnings(self, width: int) -> list[str]:
        out = []
        if self.irregular:
            out.append("could not check the field count of each row (irregular quoting)")
        if self.blank:
            out.append(f"skipped {self.blank} blank line(s)")
        if self.short:
            listed = ", ".join(f"row {r} (line {ln}, {f} fields)" for r, ln, f in self.listed)
            more = f" and {self.short - len(self.listed)} more" if self.short > len(self.listed) else ""
            out.append(f"{self.short} row(s) have fewer fields than the header ({width}); "
                       f"padded with empty values: {listed}{more}")
        return out


def check_rows(
    frame: pl.DataFrame, text: str, dialect: Dialect, first_line: int, *, header: bool = True,
    row_offset: int = 0,
) -> tuple[pl.DataFrame, RowReport]:
    """Drop blank lines and find short rows (Polars padded them with nulls).

    ``text`` starts on line ``first_line`` (0-based) with the header, or without ``header``
    with a data row; ``row_offset`` numbers rows after earlier chunks.
    """
    layout = record_layout(text, dialect, first_line)
    if header:
        layout = layout.slice(1)
    if layout.height != frame.height:
        return frame, RowReport(irregular=True)
    blank = layout.get_column("blank")
    n_blank = int(blank.sum())
    if n_blank:
        frame = frame.filter(~blank)
        layout = layout.filter(~blank)
    short = layout.with_row_index("row", offset=row_offset + 1).filter(
        pl.col("fields") < frame.width)
    listed = tuple(short.select("row", "line", "fields").head(_MAX_LISTED).iter_rows())
    return frame, RowReport(n_blank, short.height, listed)


def _parse_error(text: str, dialect: Dialect, first_line: int, exc: BaseException,
                 *, width: int | None, row_offset: int = 0) -> ExtractError:
    """Turn a Polars failure into a one-line reason naming the first offending row."""
    reason = _diagnose(text, dialect.delimiter, first_line, width, row_offset)
    if reason:
        return ExtractError(reason)
    first = " ".join(str(exc).split("\n")[0].split())[:200] or type(exc).__name__
    return ExtractError(f"could not parse the file as delimited text: {first}")


def _diagnose(text: str, delimiter: str, first_line: int, width: int | None,
              row_no: int = 0) -> str | None:
    """Find the first long row or broken quote with Python's csv module (error path only).

    ``text`` starts on line ``first_line`` (0-based) with the header when ``width`` is None.
    """
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', strict=True
    )
    line = first_line + 1
    try:
        for cells in reader:
            if width is None:
                width = len(cells)
            elif cells and not (len(cells) == 1 and not cells[0].strip()):
                row_no += 1
                if len(cells) > width:
                    return (
                        f"row {row_no} (line {line}) has {len(cells)} fields but the header "
                        f"has {width}; the extra fields would be lost"
                    )
            line = first_line + reader.line_num + 1
    except csv.Error as exc:
        return f"malformed quoting in the record starting on line {line}: {exc}"
    return None
