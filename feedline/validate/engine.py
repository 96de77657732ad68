"""Validate a frame of source text against a sheet: cast every column, check constraints."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import polars as pl

from feedline.blueprint.model import Field, SheetSpec
from feedline.validate.base import CastResult, trim
from feedline.validate.cast import (
    cast_boolean,
    cast_date,
    cast_datetime,
    cast_integer,
    cast_number,
    cast_string_list,
)
from feedline.validate.constraints import MESSAGE_SCHEMA, check_constraints, messages
from feedline.validate.enums import cast_enum

# Message type of a failed cast, and its text ({} is the trimmed source value).
CAST_ERRORS: dict[str, tuple[str, str]] = {
    "number": ("invalid-number", '"{}" is not a number'),
    "integer": ("invalid-integer", '"{}" is not a whole number'),
    "boolean": ("invalid-boolean", '"{}" is not a yes/no value'),
    "date": ("invalid-date", '"{}" is not a valid date'),
    "datetime": ("invalid-datetime", '"{}" is not a valid date and time'),
    "enum": ("invalid-option", '"{}" is not one of: {}'),
}
CAST_ERROR_TYPES = frozenset(kind for kind, _ in CAST_ERRORS.values())


@dataclass
class Validated:
    """The outcome of :func:`validate`.

    ``raw`` holds the source text (one ``pl.String`` column per sheet field), ``values``
    the typed values (null where empty or where the cast failed), ``messages`` one row per
    problem (``row`` is the 0-based data row) and ``valid`` whether a row has no error.
    """

    raw: pl.DataFrame
    values: pl.DataFrame
    messages: pl.DataFrame
    valid: pl.Series

    def to_records(self) -> list[dict[str, Any]]:
        """One JSON-friendly dict per row: ``values``, ``messages`` and ``valid``.

        A cell whose cast failed shows the text the partner sent, so whoever fixes it sees
        the original; empty cells are None.
        """
        records: list[dict[str, Any]] = [
            {"values": values, "messages": [], "valid": bool(valid)}
            for values, valid in zip(self.values.to_dicts(), self.valid.to_list(), strict=True)
        ]
        for row, field, kind, level, text in self.messages.iter_rows():
            records[row]["messages"].append(
                {"field": field, "type": kind, "level": level, "message": text}
            )
        failed = self.messages.filter(pl.col("type").is_in(list(CAST_ERROR_TYPES)))
        for (field,), cells in failed.group_by("field"):
            rows = cells["row"]
            texts = self.raw[str(field)].gather(rows).to_list()
            for row, text in zip(rows.to_list(), texts, strict=True):
                records[row]["values"][str(field)] = text
        return records

    def counts(self) -> dict[str, Any]:
        """Row totals and message counts by type and by field and type."""
        by_field: dict[str, dict[str, int]] = {}
        grouped = self.messages.group_by("field", "type").len().sort("field", "type")
        for field, kind, n in grouped.iter_rows():
            by_field.setdefault(field, {})[kind] = n
        by_type = self.messages.group_by("type").len().sort("type")
        valid = int(self.valid.sum())
        return {
            "rows": self.valid.len(),
            "valid": valid,
            "invalid": self.valid.len() - valid,
            "by_type": dict(by_type.iter_rows()),
            "by_field": by_field,
        }


def cast_column(
    field: Field, raw: pl.Series, trimmed: pl.Series, enum_map: dict[str, str | None] | None = None
) -> CastResult:
    """Cast one column of source text to ``field``'s type."""
    casts = {
        "number": cast_number,
        "integer": cast_integer,
        "boolean": cast_boolean,
        "date": cast_date,
        "datetime": cast_datetime,
        "string-list": cast_string_list,
    }
    if field.type == "enum":
        return cast_enum(raw, trimmed, field, enum_map)
    if field.type in casts:
        return casts[field.type](trimmed)
    return CastResult(trimmed, pl.Series(raw.name, [False] * raw.len(), dtype=pl.Boolean))


def _cast_messages(field: Field, failed: pl.Series, trimmed: pl.Series) -> pl.DataFrame:
    kind, template = CAST_ERRORS[field.type]
    bad = pl.DataFrame({"row": pl.Series(range(failed.len()), dtype=pl.UInt32), "text": trimmed})
    bad = bad.filter(failed)
    if field.type == "enum":
        choices = ", ".join(option.value for option in field.options)
        text = bad.select(pl.format(template, "text", pl.lit(choices))).to_series()
    else:
        text = bad.select(pl.format(template, "text")).to_series()
    return messages(field, kind, bad["row"], text)


def _source(frame: pl.DataFrame, sheet: SheetSpec) -> pl.DataFrame:
    """The frame's sheet columns as text, missing ones all null, in sheet order."""
    return pl.DataFrame(
        [
            frame[key].cast(pl.String)
            if key in frame.columns
            else pl.Series(key, [None] * frame.height, dtype=pl.String)
            for key in sheet.keys
        ],
        schema={key: pl.String for key in sheet.keys},
    )


def validate(
    frame: pl.DataFrame, sheet: SheetSpec, enum_maps: dict[str, dict[str, str | None]] | None = None
) -> Validated:
    """Cast every field of ``sheet`` and check its constraints.

    Args:
        frame: one text column per sheet field; missing columns count as all empty.
        sheet: the target sheet.
        enum_maps: per enum field, raw source value -> option value (None = invalid),
            as decided by the mapping step.
    """
    raw = _source(frame, sheet)
    columns: list[pl.Series] = []
    found: list[pl.DataFrame] = [pl.DataFrame(schema=MESSAGE_SCHEMA)]
    for field in sheet.fields:
        source = raw[field.key]
        trimmed = trim(source)
        result = cast_column(field, source, trimmed, (enum_maps or {}).get(field.key))
        columns.append(result.values.alias(field.key))
        empty = result.values.is_null() & ~result.failed
        ok = result.values.is_not_null() & ~result.failed
        if field.type in CAST_ERRORS:
            found.append(_cast_messages(field, result.failed, trimmed))
        found.extend(check_constraints(field, result.values, trimmed, empty, ok))

    order = {key: i for i, key in enumerate(sheet.keys)}
    all_messages = (
        pl.concat(found)
        .with_columns(_order=pl.col("field").replace_strict(order, return_dtype=pl.UInt32))
        .sort("row", "_order", maintain_order=True)
        .drop("_order")
    )
    errors = all_messages.filter(pl.col("level") == "error")["row"].unique()
    rows = pl.Series("valid", range(raw.height), dtype=pl.UInt32)
    valid = (~rows.is_in(errors.implode())).alias("valid")
    return Validated(
        raw=raw, values=pl.DataFrame(columns, height=raw.height), messages=all_messages, valid=valid
    )
