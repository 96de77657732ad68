"""Delimited text (CSV, TSV, ``;``/``|``/``^`` separated) read with Polars, all strings."""

from __future__ import annotations

import csv
import io

import polars as pl
from polars.exceptions import PanicException

from feedline.errors import ExtractError
from feedline.extract.detect import SAMPLE_BYTES, Decoded, Dialect, sniff_dialect
from feedline.extract.model import SourceTable

_MAX_LISTED = 10


def read_delimited(
    decoded: Decoded, *, name: str, hint: str | None = None
) -> tuple[SourceTable, Dialect]:
    """Read UTF-8 delimited text into an all-string table; header = first non-blank line."""
    data = decoded.data
    start = len(data) - len(data.lstrip())
    if start == len(data):
        raise ExtractError("file is empty")
    line_start = max(data.rfind(b"\n", 0, start), data.rfind(b"\r", 0, start)) + 1
    sample_bytes = data[line_start : line_start + SAMPLE_BYTES]
    complete = line_start + SAMPLE_BYTES >= len(data)
    sample = sample_bytes.decode("utf-8", errors="ignore")
    dialect = sniff_dialect(sample, complete, hint)
    eol_byte = dialect.eol.encode()
    header_row = data.count(eol_byte, 0, line_start)
    raw_header = _header_cells(sample, dialect.delimiter)
    columns, warnings = unique_headers(raw_header)

    try:
        frame = pl.read_csv(
            data,
            has_header=True,
            separator=dialect.delimiter,
            quote_char='"',
            eol_char=dialect.eol,
            skip_lines=header_row,
            infer_schema=False,
            raise_if_empty=False,
            truncate_ragged_lines=False,
        )
    except (Exception, PanicException) as exc:
        text = data[line_start:].decode("utf-8")
        raise _parse_error(text, dialect, header_row, exc) from None
    if frame.width != len(columns):
        raise ExtractError(
            f"could not read the header row (line {header_row + 1}): "
            f"found {frame.width} columns, expected {len(columns)}"
        )
    frame.columns = columns

    last = frame.get_column(columns[-1])
    if last.null_count():  # a short or blank row leaves the last column null
        frame, row_warnings = _check_rows(frame, decoded, line_start, dialect, header_row)
        warnings += row_warnings
    if frame.height == 0:
        raise ExtractError("file has a header row but no data rows")
    frame = frame.with_columns(pl.all().fill_null(""))
    table = SourceTable(name, frame, header_row, columns, warnings)
    return table, dialect


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


def _check_rows(
    frame: pl.DataFrame, decoded: Decoded, line_start: int, dialect: Dialect, header_row: int
) -> tuple[pl.DataFrame, list[str]]:
    """Drop blank lines and report short rows (Polars padded them with nulls)."""
    text = decoded.data[line_start:].decode("utf-8")
    layout = record_layout(text, dialect, header_row).slice(1)
    if layout.height != frame.height:
        return frame, ["could not check the field count of each row (irregular quoting)"]
    warnings: list[str] = []
    blank = layout.get_column("blank")
    if blank.any():
        warnings.append(f"skipped {blank.sum()} blank line(s)")
        frame = frame.filter(~blank)
        layout = layout.filter(~blank)
    width = frame.width
    short = layout.with_row_index("row", offset=1).filter(pl.col("fields") < width)
    if short.height:
        listed = ", ".join(
            f"row {r} (line {ln}, {f} fields)"
            for r, ln, f in short.select("row", "line", "fields").head(_MAX_LISTED).iter_rows()
        )
        more = f" and {short.height - _MAX_LISTED} more" if short.height > _MAX_LISTED else ""
        warnings.append(
            f"{short.height} row(s) have fewer fields than the header ({width}); "
            f"padded with empty values: {listed}{more}"
        )
    return frame, warnings


def _parse_error(text: str, dialect: Dialect, header_row: int, exc: BaseException) -> ExtractError:
    """Turn a Polars failure into a one-line reason naming the first offending row."""
    reason = _diagnose(text, dialect.delimiter, header_row)
    if reason:
        return ExtractError(reason)
    first = " ".join(str(exc).split("\n")[0].split())[:200] or type(exc).__name__
    return ExtractError(f"could not parse the file as delimited text: {first}")


def _diagnose(text: str, delimiter: str, header_row: int) -> str | None:
    """Find the first long row or broken quote with Python's csv module (error path only)."""
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', strict=True
    )
    row_no = 0
    width = 0
    line = header_row + 1
    try:
        for index, cells in enumerate(reader):
            if index == 0:
                width = len(cells)
            elif cells and not (len(cells) == 1 and not cells[0].strip()):
                row_no += 1
                if len(cells) > width:
                    return (
                        f"row {row_no} (line {line}) has {len(cells)} fields but the header "
                        f"has {width}; the extra fields would be lost"
                    )
            line = header_row + reader.line_num + 1
    except csv.Error as exc:
        return f"malformed quoting in the record starting on line {line}: {exc}"
    return None
