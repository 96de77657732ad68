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
    return s.cast(pl.String).str.strip_chars().replace("", None)


def where(mask: pl.Series, then: Any, otherwise: Any = None) -> pl.Series:
    """Element-wise ``then if mask else otherwise`` (a null mask counts as False)."""
    name = then.name if isinstance(then, pl.Series) else mask.name
    out = pl.select(pl.when(mask.fill_null(False)).then(then).otherwise(otherwise)).to_series()
    return out.alias(name)


def failed_where_null(source: pl.Series, values: pl.Series) -> CastResult:
    """A result whose failures are the non-empty cells that came out null."""
    return CastResult(values.alias(source.name), source.is_not_null() & values.is_null())


def to_text(value: Any) -> str | None:
    """A stored or hook-set Python value as source text, so it can be cast again."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, list | tuple):
        items = [to_text(v) or "" for v in value]
        sep = next((s for s in (";", "|", ",") if not any(s in i for i in items)), ";")
        return sep.join(items) if items else None
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)
