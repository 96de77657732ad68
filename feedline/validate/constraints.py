"""Constraint checks on one cast column, each returning rows of the long message frame.

A message frame has the columns of :data:`MESSAGE_SCHEMA`; ``row`` is the 0-based data
row. Checks only look at cells that cast cleanly (``ok``); ``required`` only at empty ones.
"""

from __future__ import annotations

import re

import polars as pl

from feedline.blueprint.model import Constraint, Field

MESSAGE_SCHEMA: dict[str, pl.DataType] = {
    "row": pl.UInt32(),
    "field": pl.String(),
    "type": pl.String(),
    "level": pl.String(),
    "message": pl.String(),
}


def messages(
    field: Field, kind: str, rows: pl.Series, text: pl.Series | str, level: str = "error"
) -> pl.DataFrame:
    """A message frame: one ``kind`` message per row in ``rows``."""
    rows = rows.cast(pl.UInt32)
    body = text if isinstance(text, pl.Series) else pl.Series([text] * rows.len(), dtype=pl.String)
    return pl.DataFrame(
        {
            "row": rows,
            "field": pl.Series([field.key] * rows.len(), dtype=pl.String),
            "type": pl.Series([kind] * rows.len(), dtype=pl.String),
            "level": pl.Series([level] * rows.len(), dtype=pl.String),
            "message": body.cast(pl.String),
        },
        schema=MESSAGE_SCHEMA,
    )


def _row_index(n: int) -> pl.Series:
    return pl.Series("row", range(n), dtype=pl.UInt32)


def check_required(field: Field, empty: pl.Series) -> pl.DataFrame:
    """``required``: one message per empty cell."""
    rows = _row_index(empty.len()).filter(empty)
    return messages(field, "required", rows, f"{field.label} is required")


def unique_key(values: pl.Series, case_sensitive: bool) -> pl.Series:
    """How ``unique`` compares a column: lists joined, text lowercased unless case matters."""
    key = values
    if key.dtype == pl.List(pl.String):
        key = key.list.join("\x1f")
    if key.dtype == pl.String and not case_sensitive:
        key = key.str.to_lowercase()
    return key


def composite_key(values: dict[str, pl.Series], constraint: Constraint) -> list[pl.Series]:
    """How a composite ``unique`` compares its fields: each part as text, lowercased
    unless case matters."""
    keys = []
    for key in constraint.fields:
        v = values[key]
        if v.dtype == pl.List(pl.String):
            v = v.list.join("\x1f")
        v = v.cast(pl.String)
        keys.append(v if constraint.case_sensitive else v.str.to_lowercase())
    return keys


def check_unique(
    field: Field, constraint: Constraint, values: pl.Series, ok: pl.Series,
    rows: pl.Series | None = None,
) -> pl.DataFrame:
    """``unique``: flag the second and later occurrences, naming the first one's row.
    ``rows`` are the data rows of ``values`` (default 0, 1, …)."""
    key = unique_key(values, constraint.case_sensitive)
    row = _row_index(values.len()) if rows is None else rows.cast(pl.UInt32).alias("row")
    dupes = _repeats(pl.DataFrame({"row": row, "key": key})
                     .filter(ok & key.is_not_null()), ["key"])
    text = dupes.select(pl.format("same value as row {} (0-based)", "first")).to_series()
    return messages(field, "unique", dupes["row"], text)


def _repeats(frame: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    """Rows (``row``, ascending) whose key appeared in an earlier row, with that
    first row (``first``): one hash pass over the keys, then work on the repeats only."""
    again = ~pl.struct(keys).is_first_distinct() if len(keys) > 1 else ~pl.col(keys[0]).is_first_distinct()
    repeats = frame.filter(again)
    if not repeats.height:
        return repeats.with_columns(first=pl.col("row"))
    firsts = (frame.join(repeats.select(keys).unique(), on=keys, how="semi")
              .group_by(keys).agg(first=pl.col("row").min()))
    return repeats.join(firsts, on=keys, how="left", maintain_order="left")


def _matches(text: pl.Series, pattern: str) -> pl.Series:
    """Whether each cell contains a match; Python ``re`` for what Rust regex cannot compile."""
    try:
        return text.str.contains(pattern)
    except pl.exceptions.ComputeError:
        regex = re.compile(pattern)
        hits = [v for v in text.drop_nulls().unique().to_list() if regex.search(v)]
        return text.is_in(pl.Series(hits, dtype=pl.String).implode())


def check_pattern(
    field: Field, constraint: Constraint, text: pl.Series, ok: pl.Series
) -> pl.DataFrame:
    """``pattern`` on the cell's text; the constraint's ``message`` is the text when given."""
    pattern = constraint.pattern or ""
    bad = ok & ~_matches(text, pattern).fill_null(True)
    rows = _row_index(text.len()).filter(bad)
    return messages(field, "pattern", rows, constraint.message or f"does not match {pattern}")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def check_bounds(
    field: Field, constraint: Constraint, values: pl.Series, ok: pl.Series
) -> pl.DataFrame:
    """``min`` / ``max`` on numeric values."""
    if constraint.value is None or not values.dtype.is_numeric():
        return messages(field, constraint.type, pl.Series([], dtype=pl.UInt32), "")
    if constraint.type == "min":
        bad, text = values < constraint.value, f"must be at least {_number(constraint.value)}"
    else:
        bad, text = values > constraint.value, f"must be at most {_number(constraint.value)}"
    rows = _row_index(values.len()).filter(ok & bad.fill_null(False))
    return messages(field, constraint.type, rows, text)


def check_length(
    field: Field, constraint: Constraint, values: pl.Series, text: pl.Series, ok: pl.Series
) -> pl.DataFrame:
    """``length``: characters of the text, or items of a string-list."""
    size = values.list.len() if values.dtype == pl.List(pl.String) else text.str.len_chars()
    lo, hi = constraint.min_length, constraint.max_length
    bad = pl.repeat(False, size.len(), dtype=pl.Boolean, eager=True)
    if lo is not None:
        bad = bad | (size < lo).fill_null(False)
    if hi is not None:
        bad = bad | (size > hi).fill_null(False)
    unit = "items" if values.dtype == pl.List(pl.String) else "characters"
    if lo is not None and hi is not None:
        default = f"must be {lo} to {hi} {unit} long" if lo != hi else f"must be {lo} {unit} long"
    elif lo is not None:
        default = f"must be at least {lo} {unit} long"
    else:
        default = f"must be at most {hi} {unit} long"
    rows = _row_index(values.len()).filter(ok & bad)
    return messages(field, "length", rows, constraint.message or default)


def check_reference(field: Field, text: pl.Series, ok: pl.Series, known: pl.Series) -> pl.DataFrame:
    """``missing-reference``: the value is not a value of the referenced sheet's field."""
    assert field.reference is not None
    hit = text.is_in(known.cast(pl.String).str.strip_chars().drop_nulls().implode())
    bad = ok & ~hit.fill_null(False)
    rows = _row_index(text.len()).filter(bad)
    ref = f"{field.reference.sheet}.{field.reference.field}"
    body = pl.select(pl.format('"{}" is not a known ' + ref.replace("{", "{{"),
                               pl.lit(text.filter(bad)))).to_series()
    return messages(field, "missing-reference", rows, body)


def check_composite_unique(
    sheet_fields: list[Field], constraint: Constraint, values: dict[str, pl.Series],
    ok: dict[str, pl.Series], rows: pl.Series | None = None,
) -> pl.DataFrame:
    """A sheet-level unique over several fields: rows where any key part is empty are
    skipped; every field of a repeated key gets a ``unique`` message naming the first row.
    ``rows`` are the data rows of the ``values`` (default 0, 1, …)."""
    keys = composite_key(values, constraint)
    n = keys[0].len()
    present = pl.repeat(True, n, dtype=pl.Boolean, eager=True)
    for key in constraint.fields:
        present = present & ok[key]
    row = _row_index(n) if rows is None else rows.cast(pl.UInt32).alias("row")
    frame = pl.DataFrame({"row": row, **{f"k{i}": k for i, k in enumerate(keys)}})
    parts = [f"k{i}" for i in range(len(keys))]
    dupes = _repeats(frame.filter(present), parts)
    names = " + ".join(constraint.fields)
    text = dupes.select(pl.format(f"same {names} as row {{}} (0-based)", "first")).to_series()
    if constraint.message:
        text = pl.Series([constraint.message] * dupes.height, dtype=pl.String)
    by_key = {f.key: f for f in sheet_fields}
    return pl.concat([messages(by_key[k], "unique", dupes["row"], text) for k in constraint.fields])


def check_constraints(
    field: Field, values: pl.Series, text: pl.Series, empty: pl.Series, ok: pl.Series,
    unique: bool = True,
) -> list[pl.DataFrame]:
    """Every constraint of ``field`` (``unique`` only when ``unique``); ``text`` is the
    trimmed source text for ``pattern``."""
    out: list[pl.DataFrame] = []
    for constraint in field.constraints:
        if constraint.type == "required":
            out.append(check_required(field, empty))
        elif constraint.type == "unique" and unique:
            out.append(check_unique(field, constraint, values, ok))
        elif constraint.type == "pattern" and constraint.pattern:
            out.append(check_pattern(field, constraint, text, ok))
        elif constraint.type in ("min", "max"):
            out.append(check_bounds(field, constraint, values, ok))
        elif constraint.type == "length":
            out.append(check_length(field, constraint, values, text, ok))
    return out
