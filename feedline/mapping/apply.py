"""Reshape a source table into a sheet's columns according to a plan."""

from __future__ import annotations

import polars as pl

from feedline.blueprint.model import SheetSpec
from feedline.errors import MappingError
from feedline.mapping.plan import Plan


def apply_plan(frame: pl.DataFrame, plan: Plan, sheet: SheetSpec) -> pl.DataFrame:
    """One ``pl.String`` column per sheet field, in field order; null where unmapped."""
    by_field = {dest: source for source, dest in plan.mapping().items()}
    missing = sorted({by_field[f.key] for f in sheet.fields if f.key in by_field} - set(frame.columns))
    if missing:
        raise MappingError(f"the plan uses columns the table does not have: {', '.join(missing)}")
    exprs = [
        pl.col(by_field[f.key]).cast(pl.String).alias(f.key)
        if f.key in by_field
        else pl.lit(None, dtype=pl.String).alias(f.key)
        for f in sheet.fields
    ]
    # with_columns broadcasts literals to the frame's height (select alone would give 1 row).
    return frame.with_columns(exprs).select(sheet.keys)
