"""Workbooks (xlsx, xlsm, xlsb, xls, ods) read with fastexcel (calamine), all strings.

Every non-empty sheet becomes a table. Cells are rendered the way a person reads them:
dates as ISO ``2025-01-31``, datetimes as ``2025-01-31 13:45:00``, times as ``13:45:00``,
numbers without float noise (``1234.5``, integers without ``.0``), booleans
``true``/``false``. The header row is detected per sheet (title lines and notes above it
are skipped); merged header cells are spread over the columns they cover.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from feedline.errors import ExtractError
from feedline.extract.csv import unique_headers
from feedline.extract.header import SCAN_ROWS, detect_header
from feedline.extract.model import Limits, SourceTable

_ENCRYPTED = b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e"
_NOISE = r"^-?\d+\.\d*(0{5,}|9{5,})\d{0,2}$"  # 1234.4999999999998, 0.30000000000000004
# a time of day (Excel's day 0) or a datetime at midnight (a plain date)
_DATETIME = r"^(?:1899-12-3[01] (\d\d:\d\d:\d\d)|(\d{4}-\d\d-\d\d) 00:00:00)$"


@dataclass(frozen=True)
class _Merge:
    first_row: int
    first_col: int
    last_row: int
    last_col: int


def read_workbook(
    path: Path, *, kind: str, limits: Limits, header_row: int | None = None,
    sheet: str | None = None,
) -> tuple[list[SourceTable], list[str]]:
    """All non-empty sheets of a workbook (or only ``sheet``) and file-level warnings."""
    import fastexcel

    with path.open("rb") as fh:
        head = fh.read(1 << 20)
    if head.startswith(b"\xd0\xcf\x11\xe0") and _ENCRYPTED in head:
        raise ExtractError("the workbook is password-protected; ask the sender for an "
                           "unprotected export")
    try:
        reader = fastexcel.read_excel(str(path))
        names = list(reader.sheet_names)
    except (fastexcel.FastExcelError, OSError, ValueError) as exc:
        raise ExtractError(_reason(exc, kind)) from None
    if sheet is not None and sheet not in names:
        raise ExtractError(f"the workbook has no sheet named {sheet!r} (sheets: "
                           f"{', '.join(repr(n) for n in names)})")
    tables: list[SourceTable] = []
    warnings: list[str] = []
    for name in names if sheet is None else [sheet]:
        try:
            loaded = reader.load_sheet(name, header_row=None, dtypes="string")
            frame = loaded.to_polars()
            visible = str(getattr(loaded, "visible", "visible"))
        except (fastexcel.FastExcelError, OSError, ValueError) as exc:
            raise ExtractError(f"sheet {name!r}: {_reason(exc, kind)}") from None
        limits.check_shape(frame.height, frame.width, where=f"sheet {name!r}")
        table = _sheet_table(
            frame, name, header_row=header_row, merges=lambda n=name: _merges(path, kind, n),
            limits=limits)
        if table is None:
            if sheet is not None:
                raise ExtractError(f"sheet {name!r} is empty")
            warnings.append(f"skipped empty sheet {name!r}")
            continue
        if visible != "visible":
            table.warnings.insert(0, f"sheet {name!r} is hidden in the workbook")
            table = table.replace(hidden=True)
        tables.append(table)
    if not tables:
        raise ExtractError("the workbook has no data: every sheet is empty")
    return tables, warnings


def _sheet_table(
    raw: pl.DataFrame, name: str, *, header_row: int | None, merges: Any, limits: Limits
) -> SourceTable | None:
    frame = _render(raw)
    nonblank = pl.any_horizontal(pl.all() != "") if frame.width else pl.lit(False)
    if frame.width == 0 or not frame.select(nonblank.any()).item():
        return None
    top = frame.head(SCAN_ROWS).rows()
    if header_row is None:
        header_row = detect_header(top)
    elif header_row >= frame.height:
        raise ExtractError(f"sheet {name!r}: header row {header_row} is past its last row "
                           f"({frame.height - 1})")
    header = [str(c) for c in frame.row(header_row)]
    first_data = header_row + 1
    above = top[header_row - 1] if 0 < header_row <= len(top) else []
    if any(not c.strip() for c in header) or (any(above) and "" in above):
        header, first_data = _apply_merges(header, header_row, frame, merges())
    columns, warnings = unique_headers(header)
    body = frame.slice(first_data)
    body.columns = columns
    # columns without a header and without a value are padding, not data
    empty = [c for c, h in zip(columns, header, strict=True)
             if not h.strip() and (body.height == 0 or body.get_column(c).eq("").all())]
    if empty:
        body = body.drop(empty)
        warnings = [w for w in warnings if not any(repr(c) in w for c in empty)]
        columns = [c for c in columns if c not in empty]
    if not columns:
        return None
    blank = body.select(~pl.any_horizontal(pl.all() != "")).to_series()
    if blank.any():
        # blank rows at the end are the sheet's padding; in the middle they are worth a note
        inner = int(blank.sum()) - _trailing_true(blank)
        body = body.filter(~blank)
        if inner:
            warnings.append(f"skipped {inner} blank row(s)")
    if header_row:
        warnings.insert(0, f"header found on row {header_row + 1}; rows above it skipped")
    limits.check_cells(body, where=f"sheet {name!r}")
    tabular = len(columns) >= 2 and body.height > 0
    return SourceTable(name, body, header_row, columns, warnings,
                       kind="table" if tabular else "notes")


def _render(raw: pl.DataFrame) -> pl.DataFrame:
    """Null → ``""``; fastexcel's datetime text → ISO date / time; float noise rounded.

    One cheap select finds which columns need which fix; one more applies only those.
    """
    if raw.width == 0:
        return raw
    names = raw.columns
    needs = raw.select(
        *[(pl.col(c).str.len_bytes() == 19).any().alias(f"d{i}") for i, c in enumerate(names)],
        *[pl.col(c).str.contains(_NOISE).any().alias(f"n{i}") for i, c in enumerate(names)],
        *[(pl.col(c) == "-0").any().alias(f"z{i}") for i, c in enumerate(names)],
    ).row(0)
    width = len(names)
    exprs = []
    for i, c in enumerate(names):
        col = pl.col(c).fill_null("")
        if needs[i]:  # "2025-01-31 13:45:00" is 19 bytes, as is every datetime fastexcel writes
            col = col.str.replace(_DATETIME, "$1$2")
        if needs[width + i]:
            col = (pl.when(col.str.contains(_NOISE))
                   .then(col.map_elements(_denoise, return_dtype=pl.String)).otherwise(col))
        if needs[2 * width + i] or needs[width + i]:
            col = pl.when(col == "-0").then(pl.lit("0")).otherwise(col)
        exprs.append(col.alias(c))
    return raw.select(exprs)


def _denoise(text: str) -> str:
    """Round a float's text to 15 significant digits (what Excel shows) without exponent."""
    try:
        value = float(f"{float(text):.15g}")
    except ValueError:
        return text
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    out = f"{value:.15f}".rstrip("0")
    return out.rstrip(".")


def _trailing_true(mask: pl.Series) -> int:
    values = mask.to_list()
    n = 0
    for v in reversed(values):
        if not v:
            break
        n += 1
    return n


def _merges(path: Path, kind: str, sheet: str) -> list[_Merge]:
    """Merged ranges of one sheet (xlsx/xls/ods via python-calamine; empty if unknown)."""
    try:
        import python_calamine as pc

        ranges = pc.CalamineWorkbook.from_path(str(path)).get_sheet_by_name(
            sheet).merged_cell_ranges or []
    except Exception:  # merge info is a nicety; the sheet itself read fine
        return []
    return [_Merge(r0, c0, r1, c1) for (r0, c0), (r1, c1) in ranges]


def _apply_merges(
    header: list[str], row: int, frame: pl.DataFrame, merges: list[_Merge]
) -> tuple[list[str], int]:
    """Spread merged header cells across their columns; prefix a merged group label above."""
    header = list(header)
    first_data = row + 1
    for m in merges:
        if m.first_row <= row <= m.last_row:
            value = str(frame.row(m.first_row)[m.first_col]).strip()
            for c in range(m.first_col, min(m.last_col, len(header) - 1) + 1):
                if not header[c].strip():
                    header[c] = value
            first_data = max(first_data, m.last_row + 1)
        elif m.last_row == row - 1 and m.last_col > m.first_col:
            group = str(frame.row(m.first_row)[m.first_col]).strip()
            for c in range(m.first_col, min(m.last_col, len(header) - 1) + 1):
                if group and header[c].strip() and header[c].strip() != group:
                    header[c] = f"{group} {header[c].strip()}"
    return header, first_data


def _reason(exc: BaseException, kind: str) -> str:
    text = " ".join(str(exc).split())
    lowered = text.lower()
    if "password" in lowered or "encrypt" in lowered:
        return "the workbook is password-protected; ask the sender for an unprotected export"
    detail = text.split("Context:")[0].strip().removeprefix("calamine error:").strip()
    label = {"xls": "Excel 97-2003", "ods": "OpenDocument"}.get(kind, "Excel")
    return f"not a readable {label} workbook (corrupt or truncated): {detail[:160]}"
