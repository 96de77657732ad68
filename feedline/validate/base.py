"""Shared pieces of the casts: the result type and small series helpers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import polars as pl


@dataclass(frozen=True)
class CastResult:
    """Typed values (null where empty or failed) and which non-empty cells failed to cast."""

    values: pl.Series
    failed: pl.Series


def trim(s: pl.Series) -> pl.Series:
    """Strip whitespace and turn blank cells into null."""
    t = s.cast(pl.String).str.strip_chars()
    return where(t == "", None, t)


def where(mask: pl.Series, then: Any, otherwise: Any = None) -> pl.Series:
    """Element-wise ``then if mask else otherwise`` (a null mask counts as False)."""
    name = then.name if isinstance(then, pl.Series) else mask.name
    out = pl.select(pl.when(mask.fill_null(False)).then(then).otherwise(otherwise)).to_series()
    return out.alias(name)


def failed_where_null(source: pl.Series, values: pl.Series) -> CastResult:
    """A result whose failures are the non-empty cells that came out null."""
    return CastResult(values.alias(source.name), source.is_not_null() & values.is_null())
