"""Records as CSV text, built column-wise with Polars: ``null`` → empty, booleans →
``true``/``false``, whole floats without ``.0``, string lists joined with ``;``."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

import polars as pl

from feedline.atomic import atomic_write
from feedline.blueprint import SheetSpec
from feedline.records.schema import castable, text_column


def cells(frame: pl.DataFrame, spec: SheetSpec) -> pl.DataFrame:
    """One String column per field from typed record columns (a cell that did not cast
    shows the partner's text)."""
    exprs = []
    for f in spec.fields:
        text = _text(pl.col(f.key), f.type)
        if castable(f) and text_column(f.key) in frame.columns:
            text = pl.coalesce(pl.col(text_column(f.key)), text)
        exprs.append(text.fill_null("").alias(f.key))
    return frame.select(exprs)


def _text(col: pl.Expr, kind: str) -> pl.Expr:
    if kind == "number":
        return col.cast(pl.String).str.replace(r"^(-?\d+)\.0+$", "${1}")
    if kind == "string-list":
        return col.list.join(";")
    return col.cast(pl.String)


def write_csv(path: Path, spec: SheetSpec, batches: Iterable[pl.DataFrame], mode: str) -> int:
    """Write (``replace``) or add to (``append``) ``path``: a temp file, then ``os.replace``."""
    count = 0
    with atomic_write(path, "wb") as out:
        header = True
        if mode == "append" and path.exists() and path.stat().st_size > 0:
            with path.open("rb") as old:
                shutil.copyfileobj(old, out)
            header = False
        for batch in batches:
            frame = cells(batch, spec)
            frame.write_csv(out, include_header=header)
            header = False
            count += frame.height
        if header:  # no records at all: still a file with the header
            pl.DataFrame(schema=dict.fromkeys(spec.keys, pl.String)).write_csv(out)
    return count
