"""The working state of a validation: per field the text, the typed values and cast failures.

Casts fill it from source text; computed fields and hooks change cells through
:meth:`Cells.update`, which re-casts what they set; constraints read the final state.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from feedline.blueprint.model import Field, SheetSpec
from feedline.validate.base import CastResult, to_text, trim, where
from feedline.validate.cast import (
    cast_boolean,
    cast_date,
    cast_datetime,
    cast_integer,
    cast_number,
    cast_string_list,
)
from feedline.validate.constraints import MESSAGE_SCHEMA
from feedline.validate.enums import cast_enum

DTYPES: dict[str, pl.DataType] = {
    "number": pl.Float64(), "integer": pl.Int64(), "boolean": pl.Boolean(),
    "string-list": pl.List(pl.String()),
}
TYPED_PYTHON = ("number", "integer", "boolean", "string-list")


def dtype_of(f: Field) -> pl.DataType:
    """The Polars type of a field's cast values (dates are ISO text)."""
    return DTYPES.get(f.type, pl.String())


def cast_column(
    f: Field, raw: pl.Series, trimmed: pl.Series, enum_map: dict[str, str | None] | None = None,
    decimal: str | None = None,
) -> CastResult:
    """Cast one column of source text to ``f``'s type; ``decimal`` is the convention for
    numbers when the column does not decide it (the feed's locale)."""
    casts = {
        "boolean": cast_boolean,
        "date": cast_date, "datetime": cast_datetime, "string-list": cast_string_list,
    }
    if f.type == "enum":
        return cast_enum(raw, trimmed, f, enum_map)
    if f.type == "number":
        return cast_number(trimmed, decimal=decimal)
    if f.type == "integer":
        return cast_integer(trimmed, decimal)
    if f.type in casts:
        return casts[f.type](trimmed)
    return CastResult(trimmed, pl.repeat(False, raw.len(), dtype=pl.Boolean, eager=True).alias(raw.name))


def coerce_series(f: Field, new: pl.Series,
                  decimal: str | None = None) -> tuple[CastResult, pl.Series]:
    """Values a frame hook or computed expression produced, as ``f``'s type, and their text."""
    target = dtype_of(f)
    if new.dtype == pl.Null:
        new = new.cast(target)
    if new.dtype == target and f.type not in ("date", "datetime", "enum"):
        text = new.list.join(";") if target == pl.List(pl.String) else new.cast(pl.String)
        return CastResult(new.alias(f.key), pl.repeat(False, new.len(), dtype=pl.Boolean,
                                                      eager=True)), text.alias(f.key)
    if new.dtype == pl.Date:
        new = new.dt.strftime("%Y-%m-%d")
    elif isinstance(new.dtype, pl.Datetime):
        new = new.dt.strftime("%Y-%m-%dT%H:%M:%S%.f")
    elif isinstance(new.dtype, pl.List):
        new = new.cast(pl.List(pl.String), strict=False).list.join(";")
    elif new.dtype != pl.String:
        typed = new.cast(target, strict=False)
        if target != pl.String:
            return failed_null(new, typed.alias(f.key)), new.cast(pl.String).alias(f.key)
        new = typed
    text = new.alias(f.key)
    return cast_column(f, text, trim(text), decimal=decimal), text


def failed_null(source: pl.Series, values: pl.Series) -> CastResult:
    return CastResult(values, source.is_not_null() & values.is_null())


def coerce_python(f: Field, values: list[Any],
                  decimal: str | None = None) -> tuple[CastResult, pl.Series]:
    """Python values a record or bulk hook set, as ``f``'s type (text is cast again)."""
    if f.type in TYPED_PYTHON:
        typed_in = [None if isinstance(v, str) else v for v in values]
        text_in = [v if isinstance(v, str) else None for v in values]
        try:
            typed = pl.Series(f.key, typed_in, dtype=dtype_of(f), strict=False)
        except (TypeError, pl.exceptions.PolarsError):
            typed = pl.Series(f.key, [None] * len(values), dtype=dtype_of(f))
        texts = pl.Series(f.key, [to_text(v) for v in values], dtype=pl.String)
        cast = cast_column(f, pl.Series(f.key, text_in, dtype=pl.String),
                           trim(pl.Series(f.key, text_in, dtype=pl.String)), decimal=decimal)
        merged = pl.select(pl.coalesce(pl.lit(typed), pl.lit(cast.values))).to_series()
        failed = texts.is_not_null() & merged.is_null()
        return CastResult(merged.alias(f.key), failed), texts
    texts = pl.Series(f.key, [to_text(v) for v in values], dtype=pl.String)
    return cast_column(f, texts, trim(texts), decimal=decimal), texts


def patch(old: pl.Series, rows: pl.Series, new: pl.Series) -> pl.Series:
    """``old`` with the cells at ``rows`` replaced by ``new`` (any dtype, lists too)."""
    if rows.len() == 0:
        return old
    index = pl.DataFrame({"row": pl.Series(range(old.len()), dtype=pl.UInt32)})
    changes = pl.DataFrame({"row": rows.cast(pl.UInt32), "new": new.cast(old.dtype)})
    joined = index.join(changes, on="row", how="left", maintain_order="left")
    hit = index["row"].is_in(rows.cast(pl.UInt32).implode())
    return where(hit, joined["new"], old).alias(old.name)


@dataclass
class Cells:
    """Per field: ``raw`` text (what is shown for a failed cell), trimmed ``text``, cast
    ``values`` (null where empty or failed) and ``failed`` (a non-empty cell that did not
    cast). ``extra`` holds message frames from hooks and computed fields."""

    sheet: SheetSpec
    raw: dict[str, pl.Series]
    text: dict[str, pl.Series]
    values: dict[str, pl.Series]
    failed: dict[str, pl.Series]
    extra: list[pl.DataFrame] = field(default_factory=list)
    decimal: str | None = None

    @classmethod
    def cast(cls, raw: pl.DataFrame, sheet: SheetSpec,
             enum_maps: dict[str, dict[str, str | None]] | None,
             decimal: str | None = None, *, parallel: bool = True) -> Cells:
        """Cast every column; with ``parallel``, a large frame's columns run on a thread
        pool (Polars releases the GIL)."""
        cells = cls(sheet, {}, {}, {}, {}, decimal=decimal)

        def one(f: Field) -> tuple[pl.Series, CastResult]:
            trimmed = trim(raw[f.key])
            return trimmed, cast_column(f, raw[f.key], trimmed, (enum_maps or {}).get(f.key),
                                        decimal)

        workers = min(len(sheet.fields), pl.thread_pool_size())
        if not parallel or raw.height < 50_000 or workers < 2:
            results = [one(f) for f in sheet.fields]
        else:
            with ThreadPoolExecutor(workers) as pool:
                results = list(pool.map(one, sheet.fields))
        for f, (trimmed, result) in zip(sheet.fields, results, strict=True):
            cells.raw[f.key], cells.text[f.key] = raw[f.key], trimmed
            cells.values[f.key] = result.values.alias(f.key)
            cells.failed[f.key] = result.failed.alias(f.key)
        return cells

    @property
    def height(self) -> int:
        return next(iter(self.values.values())).len() if self.values else 0

    def frame(self) -> pl.DataFrame:
        return pl.DataFrame(list(self.values.values()), height=self.height)

    def set_column(self, f: Field, result: CastResult, text: pl.Series) -> None:
        """Replace a whole column with what a computed field or frame hook produced."""
        self.values[f.key] = result.values.alias(f.key)
        self.failed[f.key] = result.failed.alias(f.key)
        self.text[f.key] = trim(text.cast(pl.String)).alias(f.key)
        self.raw[f.key] = text.cast(pl.String).alias(f.key)

    def update(self, f: Field, rows: pl.Series, result: CastResult, text: pl.Series) -> None:
        """Replace the cells at ``rows`` (what a record or bulk hook set)."""
        self.values[f.key] = patch(self.values[f.key], rows, result.values)
        self.failed[f.key] = patch(self.failed[f.key], rows, result.failed)
        self.raw[f.key] = patch(self.raw[f.key], rows, text)
        self.text[f.key] = patch(self.text[f.key], rows, trim(text))

    def add_messages(self, rows: pl.Series, fields: pl.Series | str | None, kind: str,
                     level: pl.Series | str, message: pl.Series | str) -> None:
        n = rows.len()

        def col(v: pl.Series | str | None) -> pl.Series:
            return v.cast(pl.String) if isinstance(v, pl.Series) else pl.Series(
                [v] * n, dtype=pl.String)

        self.extra.append(pl.DataFrame({
            "row": rows.cast(pl.UInt32), "field": col(fields), "type": col(kind),
            "level": col(level), "message": col(message)}, schema=MESSAGE_SCHEMA))
