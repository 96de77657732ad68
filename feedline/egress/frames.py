"""From an egress batch to what a destination writes, with vectorized Polars expressions.

``values(batch)`` keeps the field columns (and ``valid``/``messages`` for policy ``all``)
under their keys; ``csv_cells`` turns them into the cells a spreadsheet or PostgreSQL's
``COPY … CSV`` reads back unchanged: ISO dates, ``true``/``false``, whole floats without
``.0``, lists joined with ``;``, nulls empty (and unquoted once written), text cells that
start like a formula escaped with a leading ``'``.
"""

from __future__ import annotations

import polars as pl

from feedline.blueprint import SheetSpec
from feedline.egress.base import TEXT_TYPES, batch_schema

FORMULA_START = r"^[=+\-@\t\r]"
"""Cells a spreadsheet would run as a formula (OWASP's list, plus tab and carriage return)."""


def values(batch: pl.DataFrame, spec: SheetSpec, with_validity: bool) -> pl.DataFrame:
    """The field columns under their keys, then ``valid`` and ``messages`` when asked."""
    columns: list[pl.Expr] = [pl.col(k) for k in spec.keys]
    if with_validity:
        columns += [pl.col("_valid").alias("valid"), pl.col("_messages").alias("messages")]
    return batch.select(columns)


def json_text(column: str) -> pl.Expr:
    """One column as JSON text per row (``["a","b"]``, ``[{"field": …}]``), null stays null."""
    prefix = '{"' + column + '":'
    encoded = (pl.struct(pl.col(column)).struct.json_encode()
               .str.strip_prefix(prefix).str.strip_suffix("}"))
    return pl.when(pl.col(column).is_null()).then(None).otherwise(encoded).alias(column)


def escape_formula(expr: pl.Expr) -> pl.Expr:
    """Prefix ``'`` to text that starts like a formula (``=1+1`` → ``'=1+1``)."""
    return pl.when(expr.str.contains(FORMULA_START)).then(pl.lit("'") + expr).otherwise(expr)


def iso_datetime(expr: pl.Expr) -> pl.Expr:
    """A UTC datetime as ISO 8601 with ``Z`` (fraction only when there is one)."""
    return expr.dt.to_string("%Y-%m-%dT%H:%M:%S%.fZ")


def whole_number(expr: pl.Expr) -> pl.Expr:
    """A float as text, whole ones without ``.0`` (``3.0`` → ``3``)."""
    # Polars prints a float's shortest round-trip form: only whole ones end in ".0"
    return expr.cast(pl.String).str.strip_suffix(".0")


def csv_cells(frame: pl.DataFrame, spec: SheetSpec, *, escape: bool) -> pl.DataFrame:
    """The frame of :func:`values` with every column as a CSV writer should print it.

    Integer, boolean, date and text columns are already printed right by Polars; only
    floats, datetimes, lists, messages and (when ``escape``) text columns change.
    """
    exprs: list[pl.Expr] = []
    # Only columns with a formula-like cell pay for the escaping (most batches have none).
    risky = _formula_columns(frame, spec) if escape else set()
    for f in spec.fields:
        col = pl.col(f.key)
        if f.type == "number":
            col = whole_number(col)
        elif f.type == "datetime":
            col = iso_datetime(col)
        elif f.type == "string-list":
            col = col.list.join(";")
        if f.key in risky:
            col = escape_formula(col)
        exprs.append(col.alias(f.key))
    if "messages" in frame.columns and "messages" not in spec.keys:
        exprs += [pl.col("valid"), json_text("messages")]
    return frame.select(exprs)


def _formula_columns(frame: pl.DataFrame, spec: SheetSpec) -> set[str]:
    """The text (or list) columns of ``frame`` with a cell that starts like a formula (a
    list cell starts with its first item)."""
    keys = [f.key for f in spec.fields if f.type in TEXT_TYPES and f.key in frame.columns]
    if not keys:
        return set()
    texts = [pl.col(k).list.first() if frame.schema[k] == pl.List(pl.String) else pl.col(k)
             for k in keys]
    hits = frame.select([t.str.contains(FORMULA_START).any().alias(k)
                         for t, k in zip(texts, keys, strict=True)]).row(0)
    return {k for k, hit in zip(keys, hits, strict=True) if hit}


def json_frame(frame: pl.DataFrame, spec: SheetSpec) -> pl.DataFrame:
    """The frame of :func:`values` ready for JSON: datetimes as ISO text with ``Z``."""
    changes = [iso_datetime(pl.col(f.key)).alias(f.key) for f in spec.fields
               if f.type == "datetime"]
    return frame.with_columns(changes) if changes else frame


def typed_batch(frame: pl.DataFrame, spec: SheetSpec, policy: str) -> pl.DataFrame:
    """Records as the destinations take them (:func:`feedline.egress.base.batch_schema`):
    dates as dates, datetimes in UTC; a cell that did not cast is null (its message says
    why, under policy ``all``)."""
    schema = batch_schema(spec, policy)
    exprs: list[pl.Expr] = [pl.col("_id"), pl.col("_version")]
    stamps = [f.key for f in spec.fields if f.type == "datetime"]
    for f in spec.fields:
        col = pl.col(f.key)
        if f.type == "date":
            col = col.str.to_date("%Y-%m-%d", strict=False)
        elif f.type == "datetime":
            col = _utc(col, _WHOLE_SECONDS)
        exprs.append(col.cast(schema[f.key]).alias(f.key))
    if policy == "all":
        exprs += [pl.col("_valid"), pl.col("_messages")]
    out = frame.select(exprs)
    # Stored stamps mostly have whole seconds, which parse 3-4x faster without the
    # fraction in the format; a column with a fraction anywhere is parsed again with it.
    again = [k for k in stamps if out[k].null_count() != frame[k].null_count()]
    if again:
        out = out.with_columns(frame.select(_utc(pl.col(k), _FRACTIONAL) for k in again))
    return out


_WHOLE_SECONDS = "%Y-%m-%dT%H:%M:%S"
_FRACTIONAL = "%Y-%m-%dT%H:%M:%S%.f"


def _utc(text: pl.Expr, fmt: str) -> pl.Expr:
    """Stored ISO stamp text (``Z`` or none: both UTC) as a UTC datetime."""
    return (text.str.strip_suffix("Z").str.to_datetime(fmt, time_unit="us", strict=False)
            .dt.replace_time_zone("UTC"))
