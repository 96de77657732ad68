"""Validate a frame of source text against a sheet: cast, hooks, computed fields, constraints."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from feedline.blueprint.computed import evaluate
from feedline.blueprint.model import Field, SheetSpec
from feedline.validate.cells import Cells, cast_column, coerce_series
from feedline.validate.constraints import (
    MESSAGE_SCHEMA,
    check_composite_unique,
    check_constraints,
    check_reference,
    messages,
)
from feedline.validate.hooks import HOOK_BATCH, Hook, HookRunner
from feedline.validate.result import CAST_ERROR_TYPES, CAST_ERRORS, Validated

__all__ = ["CAST_ERRORS", "CAST_ERROR_TYPES", "Validated", "cast_column", "validate"]


def _cast_messages(field: Field, failed: pl.Series, trimmed: pl.Series) -> pl.DataFrame:
    kind, template = CAST_ERRORS[field.type]
    bad = pl.DataFrame({"row": pl.Series(range(failed.len()), dtype=pl.UInt32), "text": trimmed})
    bad = bad.filter(failed)
    if field.type == "enum":
        choices = ", ".join(option.value for option in field.options)
        head, _, tail = template.rpartition("{}")
        template = head + choices.replace("{", "{{").replace("}", "}}") + tail
    text = bad.select(pl.format(template, "text")).to_series()
    return messages(field, kind, bad["row"], text)


def _source(frame: pl.DataFrame, sheet: SheetSpec) -> pl.DataFrame:
    """The frame's sheet columns as text, missing (and computed) ones all null, in order."""
    return pl.DataFrame(
        [
            frame[f.key].cast(pl.String)
            if f.key in frame.columns and not f.is_computed
            else pl.repeat(None, frame.height, dtype=pl.String, eager=True).alias(f.key)
            for f in sheet.fields
        ],
        schema={key: pl.String for key in sheet.keys},
    )


def _compute(cells: Cells, sheet: SheetSpec) -> None:
    """Evaluate computed fields in sheet order from the (hook-adjusted) values.

    A SQL expression sees date and datetime fields as Polars dates and datetimes (they are
    ISO text in the values frame), so ``EXTRACT(YEAR FROM order_date)`` works as written;
    a constant fills every row. A hook gets the values frame as it is.
    """
    types = {f.key: f.type for f in sheet.fields}
    for f in sheet.fields:
        if f.computed is None:
            continue
        frame = cells.frame()
        try:
            out = evaluate(f.computed, frame)
            if isinstance(out, pl.Expr):
                out = _temporal(frame, out, types).with_columns(out.alias(f.key)).get_column(f.key)
            elif not isinstance(out, pl.Series):
                out = (pl.Series(f.key, out) if isinstance(out, list | tuple)
                       else pl.select(pl.lit(out).alias(f.key)).to_series().extend_constant(
                           out, cells.height - 1))
            if out.len() != cells.height:
                raise ValueError(f"gave {out.len()} values for {cells.height} rows")
            result, text = coerce_series(f, out.alias(f.key), cells.decimal)
            cells.set_column(f, result, text)
        except Exception as exc:
            rows = pl.Series(range(cells.height), dtype=pl.UInt32)
            cells.add_messages(rows, f.key, "computed", "error",
                               f"computed field {f.key} failed: {type(exc).__name__}: {exc}")


def _temporal(frame: pl.DataFrame, expr: pl.Expr, types: dict[str, str]) -> pl.DataFrame:
    """``frame`` with the date and datetime fields ``expr`` reads parsed from ISO text."""
    parse = {
        "date": lambda c: pl.col(c).str.to_date("%Y-%m-%d", strict=False),
        "datetime": lambda c: pl.col(c).str.strip_suffix("Z").str.to_datetime(
            "%Y-%m-%dT%H:%M:%S%.f", time_unit="us", strict=False),
    }
    cols = [parse[types[c]](c) for c in dict.fromkeys(expr.meta.root_names())
            if types.get(c) in parse and frame.schema.get(c) == pl.String]
    return frame.with_columns(cols) if cols else frame


def _references(cells: Cells, sheet: SheetSpec, references: dict[str, pl.Series] | None,
                same_sheet: bool = True) -> list[pl.DataFrame]:
    """``missing-reference`` checks for reference fields whose target values are known:
    a field of this sheet (unless not ``same_sheet``), or a ``"sheet.field"`` entry of
    ``references``."""
    out = []
    for f in sheet.fields:
        if f.reference is None:
            continue
        target = f"{f.reference.sheet}.{f.reference.field}"
        if f.reference.sheet == sheet.slug:
            if not same_sheet:
                continue
            known = cells.values[f.reference.field]
        elif references and target in references:
            known = references[target]
        else:
            continue
        ok = cells.values[f.key].is_not_null() & ~cells.failed[f.key]
        out.append(check_reference(f, cells.text[f.key], ok, known))
    return out


def validate(
    frame: pl.DataFrame,
    sheet: SheetSpec,
    enum_maps: dict[str, dict[str, str | None]] | None = None,
    *,
    hooks: Sequence[Hook] = (),
    references: dict[str, pl.Series] | None = None,
    hook_rows: pl.Series | None = None,
    batch_size: int = HOOK_BATCH,
    ids: pl.Series | None = None,
    row_numbers: pl.Series | None = None,
    decimal: str | None = None,
    sheet_checks: bool = True,
    parallel_columns: bool = True,
) -> Validated:
    """Cast every field of ``sheet``, run hooks and computed fields, check constraints.

    Args:
        frame: one text column per sheet field; missing columns count as all empty.
        sheet: the target sheet.
        enum_maps: per enum field, raw source value -> option value (None = invalid),
            as decided by the mapping step.
        hooks: the sheet's hooks (see :mod:`feedline.validate.hooks`).
        references: ``"sheet.field"`` -> known values, for reference fields to other
            sheets of the workbook (references within the sheet resolve by themselves).
        hook_rows: run hooks on these rows only (record edits); None = every row.
        batch_size: records per hook batch.
        ids, row_numbers: record ids and stored row numbers that hooks see (edits).
        decimal: ``"."`` or ``","``, the decimal separator of number columns whose values
            do not decide it (``1,234`` / ``1.234``); from the feed's locale. None = point.
        sheet_checks: False skips the checks that compare records with each other
            (``unique``, composite keys, references within the sheet): record edits
            check those against the stored sheet (:mod:`feedline.validate.sheetwide`).
        parallel_columns: cast a large frame's columns on threads; False where the caller
            already validates several frames at once.
    """
    raw = _source(frame.rechunk(), sheet)
    cells = Cells.cast(raw.rechunk(), sheet, enum_maps, decimal, parallel=parallel_columns)
    failures = []
    if hooks and (hook_rows is None or hook_rows.len()):
        runner = HookRunner(cells, list(hooks), hook_rows, batch_size, ids, row_numbers)
        failures = runner.run()
    _compute(cells, sheet)

    found: list[pl.DataFrame] = [pl.DataFrame(schema=MESSAGE_SCHEMA)]
    ok: dict[str, pl.Series] = {}
    for f in sheet.fields:
        values, failed, text = cells.values[f.key], cells.failed[f.key], cells.text[f.key]
        empty = values.is_null() & ~failed
        ok[f.key] = values.is_not_null() & ~failed
        if f.type in CAST_ERRORS:
            found.append(_cast_messages(f, failed, text))
        found.extend(check_constraints(f, values, text, empty, ok[f.key], unique=sheet_checks))
    found.extend(_references(cells, sheet, references, same_sheet=sheet_checks))
    for constraint in sheet.constraints:
        if sheet_checks and constraint.type == "unique" and constraint.fields:
            found.append(check_composite_unique(list(sheet.fields), constraint, cells.values, ok))
    found.extend(cells.extra)

    order = {key: i for i, key in enumerate(sheet.keys)}
    all_messages = (
        pl.concat(found)
        .with_columns(_order=pl.col("field").replace_strict(order, default=None,
                                                            return_dtype=pl.Int64).fill_null(-1))
        .sort("row", "_order", maintain_order=True)
        .drop("_order")
    )
    errors = all_messages.filter(pl.col("level") == "error")["row"].unique()
    rows = pl.Series("valid", range(raw.height), dtype=pl.UInt32)
    valid = (~rows.is_in(errors.implode())).alias("valid")
    display = pl.DataFrame([cells.raw[k].alias(k) for k in sheet.keys], height=raw.height)
    failed_cells = pl.DataFrame([cells.failed[k].alias(k) for k in sheet.keys], height=raw.height)
    return Validated(raw=display, values=cells.frame(), messages=all_messages, valid=valid,
                     failed=failed_cells, hook_failures=failures)

