"""Enum cast: source values to option values through the mapping step's enum map."""

from __future__ import annotations

import polars as pl

from feedline.blueprint.model import Field
from feedline.validate.base import CastResult, trim, where

_INVALID = "\x00invalid"
_DISTINCT_FROM = 10_000  # rows from which casting the distinct values first pays


def _normalize(text: str) -> str:
    return text.strip().lower()


def cast_enum(
    raw: pl.Series, trimmed: pl.Series, field: Field, enum_map: dict[str, str | None] | None
) -> CastResult:
    """Option values for ``raw`` cells; null and failed where no option matches.

    Lookup order: the exact raw text in ``enum_map``, then the stripped, lowercased
    text against the map's keys normalized the same way, then the options' values and
    labels case-insensitively. A map entry of None marks the value invalid.
    """
    distinct = raw.drop_nulls().unique()
    if raw.len() >= _DISTINCT_FROM and distinct.len() * 4 <= raw.len():
        # An enum column repeats few values: cast each once, then look the column up.
        once = cast_enum(distinct, trim(distinct), field, enum_map)
        values = raw.replace_strict(distinct, once.values, default=None, return_dtype=pl.String)
        return CastResult(values.alias(raw.name), trimmed.is_not_null() & values.is_null())
    enum_map = enum_map or {}
    exact = {k: _INVALID if v is None else v for k, v in enum_map.items()}
    normalized: dict[str, str] = {}
    for key, target in enum_map.items():  # the first real option wins over an invalid mark
        norm = _normalize(key)
        if normalized.get(norm, _INVALID) == _INVALID:
            normalized[norm] = _INVALID if target is None else target
    options: dict[str, str] = {}
    for option in field.options:
        options.setdefault(_normalize(option.label), option.value)
    for option in field.options:  # an option's own value wins over another's label
        options[_normalize(option.value)] = option.value

    lowered = trimmed.str.to_lowercase()
    found = pl.select(
        pl.coalesce(
            pl.lit(raw).replace_strict(exact, default=None, return_dtype=pl.String),
            pl.lit(lowered).replace_strict(normalized, default=None, return_dtype=pl.String),
            pl.lit(lowered).replace_strict(options, default=None, return_dtype=pl.String),
        )
    ).to_series()
    values = where(trimmed.is_not_null() & (found != _INVALID), found).alias(raw.name)
    return CastResult(values, trimmed.is_not_null() & values.is_null())
