"""The checks that compare records with each other, over a whole sheet validated chunk by
chunk: each chunk hands over only the columns those checks need (key values, their text,
whether they cast), and :meth:`SheetChecks.finish` runs ``unique``, composite keys and
references within the sheet on all of them at once, as one validation of the whole sheet
would. Its result is the segment's ``checks.parquet``.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from feedline.blueprint.model import SheetSpec
from feedline.records.segment import CHECKS_SCHEMA, messages_column
from feedline.validate.base import trim
from feedline.validate.constraints import (
    MESSAGE_SCHEMA,
    check_composite_unique,
    check_reference,
    check_unique,
)
from feedline.validate.result import Validated
from feedline.validate.sheetwide import sheet_checks


def _needed(spec: SheetSpec) -> tuple[set[str], set[str], set[str]]:
    """Fields whose values, whose ``ok`` mask and whose text the checks read."""
    values: set[str] = {key for key, _ in index_keys(spec)}
    for c in sheet_checks(spec):
        values.update(f.key for f in c.fields)
    text = {f.key for f in spec.fields
            if f.reference is not None and f.reference.sheet == spec.slug}
    return values, values | text, text


def index_keys(spec: SheetSpec) -> set[tuple[str, bool]]:
    """``(field, casefold)`` of every key look-up an edit's re-validation makes (see
    :func:`feedline.validate.sheetwide.recheck`): each check's first field, and a
    reference's target."""
    out: set[tuple[str, bool]] = set()
    for c in sheet_checks(spec):
        out.add((c.fields[0].key, not c.case_sensitive))
        if c.target is not None:
            out.add((c.target.key, False))
    return out


def index_name(key: str, casefold: bool) -> str:
    return f"index-{key}{'~ci' if casefold else ''}.parquet"


def index_key(values: pl.Series | pl.Expr, dtype: pl.DataType, casefold: bool) -> tuple[Any, pl.DataType]:
    """How a key column is compared: lists joined, text lowercased when ``casefold``."""
    if dtype == pl.List(pl.String):
        values = values.list.join("\x1f")
        dtype = pl.String()
    if casefold and dtype == pl.String:
        values = values.str.to_lowercase()
    return values, dtype


class SheetChecks:
    """Collects the key columns of a sheet's chunks, then checks them together."""

    def __init__(self, spec: SheetSpec) -> None:
        self.spec = spec
        self.value_keys, self.ok_keys, self.text_keys = _needed(spec)
        self.values: dict[str, list[pl.Series]] = {k: [] for k in self.value_keys}
        self.ok: dict[str, list[pl.Series]] = {k: [] for k in self.ok_keys}
        self.text: dict[str, list[pl.Series]] = {k: [] for k in self.text_keys}
        self.rows = 0

    @property
    def active(self) -> bool:
        return bool(self.ok_keys)

    def add(self, validated: Validated) -> None:
        """Keep what the checks need of one validated chunk (chunks in row order)."""
        self.rows += validated.values.height
        failed = validated.failed
        for key in self.value_keys:
            self.values[key].append(validated.values[key])
        for key in self.ok_keys:
            bad = failed[key] if failed is not None else pl.Series([False] * validated.values.height)
            self.ok[key].append(validated.values[key].is_not_null() & ~bad)
        for key in self.text_keys:
            self.text[key].append(trim(validated.raw[key]))

    def messages(self) -> pl.DataFrame:
        """The long message frame (``row`` = 0-based data row) of every check."""
        if not self.active or not self.rows:
            return pl.DataFrame(schema=MESSAGE_SCHEMA)
        values = {k: pl.concat(v, rechunk=True) for k, v in self.values.items()}
        ok = {k: pl.concat(v, rechunk=True) for k, v in self.ok.items()}
        found: list[pl.DataFrame] = [pl.DataFrame(schema=MESSAGE_SCHEMA)]
        for f in self.spec.fields:
            for c in f.constraints:
                if c.type == "unique":
                    found.append(check_unique(f, c, values[f.key], ok[f.key]))
        for f in self.spec.fields:
            if f.reference is not None and f.reference.sheet == self.spec.slug:
                text = pl.concat(self.text[f.key], rechunk=True)
                found.append(check_reference(f, text, ok[f.key], values[f.reference.field]))
        for c in self.spec.constraints:
            if c.type == "unique" and c.fields:
                found.append(check_composite_unique(list(self.spec.fields), c, values, ok))
        order = {key: i for i, key in enumerate(self.spec.keys)}
        return (pl.concat(found)
                .with_columns(_order=pl.col("field").replace_strict(
                    order, default=-1, return_dtype=pl.Int64))
                .sort("row", "_order", maintain_order=True).drop("_order"))

    def indexes(self) -> dict[str, pl.DataFrame]:
        """Per key look-up, ``key`` and ``_id`` of every record with a value, sorted by
        key: an edit finds the records sharing its keys without reading the sheet."""
        out = {}
        for key, casefold in sorted(index_keys(self.spec)):
            if not self.values.get(key):
                continue
            column = pl.concat(self.values[key], rechunk=True)
            normalized, _ = index_key(column, column.dtype, casefold)
            frame = pl.DataFrame({"key": normalized,
                                  "_id": pl.int_range(1, column.len() + 1, dtype=pl.Int64, eager=True)})
            out[index_name(key, casefold)] = frame.drop_nulls("key").sort("key", "_id")
        return out

    def finish(self) -> tuple[pl.DataFrame, pl.DataFrame]:
        """``(checks frame for the segment, long message frame)``: per record with check
        messages its ``_id``, the messages (``_extra``) and whether one is an error."""
        long = self.messages()
        if not long.height:
            return pl.DataFrame(schema=CHECKS_SCHEMA), long
        rows = long["row"].unique().sort().cast(pl.Int64)
        index = pl.DataFrame({"row": rows, "local": pl.int_range(0, rows.len(), eager=True)})
        local = (long.with_columns(pl.col("row").cast(pl.Int64))
                 .join(index, on="row", maintain_order="left")
                 .with_columns(row=pl.col("local")).drop("local"))
        extra = messages_column(local, rows.len())
        errors = long.filter(pl.col("level") == "error")["row"].unique().cast(pl.Int64)
        frame = pl.DataFrame({"_id": rows + 1, "_extra": extra,
                              "_error": rows.is_in(errors.implode())})
        return frame.cast(CHECKS_SCHEMA), long  # type: ignore[arg-type]
