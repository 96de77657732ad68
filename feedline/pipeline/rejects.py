"""Records as JSON Lines, built column-wise: ``{"row", "values", "messages"}`` per record,
a cell that did not cast showing the partner's text."""

from __future__ import annotations

import polars as pl

from feedline.blueprint.model import SheetSpec
from feedline.records.schema import castable, text_column


def _json(expr: pl.Expr) -> pl.Expr:
    """One value as JSON text (``"x"``, ``1.5``, ``null``, ``["a"]``), via struct encoding."""
    return (pl.struct(expr.alias("v")).struct.json_encode()
            .str.strip_prefix('{"v":').str.strip_suffix("}"))


def json_lines(frame: pl.DataFrame, spec: SheetSpec) -> pl.Series:
    parts: list[pl.Expr] = [pl.lit('{"row": '), pl.col("_row").cast(pl.String),
                            pl.lit(', "values": {')]
    for i, f in enumerate(spec.fields):
        value = _json(pl.col(f.key))
        if castable(f):
            text = pl.col(text_column(f.key))
            value = pl.when(text.is_not_null()).then(_json(text)).otherwise(value)
        parts += [pl.lit(("," if i else "") + _json_key(f.key) + ":"), value]
    parts += [pl.lit('}, "messages": '), _json(pl.col("_messages")), pl.lit("}")]
    return frame.select(pl.concat_str(parts).alias("line"))["line"]


def _json_key(key: str) -> str:
    import json

    return json.dumps(key)
