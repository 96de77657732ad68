"""``feedline run``'s output files: the valid records and the rejects, written with the
file destination's encoders (so a CSV escapes formula cells and prints values exactly as
egress does) and atomically."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import polars as pl

from feedline.atomic import atomic_write
from feedline.blueprint.model import SheetSpec
from feedline.egress import frames
from feedline.egress.formats import CsvEncoder
from feedline.pipeline.rejects import json_lines


def write_valid(path: Path, batches: Iterable[pl.DataFrame], spec: SheetSpec) -> int:
    """The valid records of ``batches`` as CSV at ``path``; how many."""
    count = 0
    with atomic_write(path, "wb") as out:
        encoder = CsvEncoder(out, spec, False, escape=True, header=True)
        for batch in batches:
            valid = batch.filter(pl.col("_valid"))
            encoder.write(frames.values(frames.typed_batch(valid, spec, "valid-only"), spec, False))
            count += valid.height
        encoder.finish()
    return count


def write_rejects(path: Path, batches: Iterable[pl.DataFrame], spec: SheetSpec) -> int:
    """The invalid records: CSV with ``row`` and ``messages`` columns when ``path`` ends in
    ``.csv`` (cells escaped like egress), else JSON Lines ``{"row", "values", "messages"}``
    (a cell that did not cast shows the partner's text)."""
    count = 0
    as_csv = path.suffix.lower() == ".csv"
    with atomic_write(path, "wb") as out:
        encoder = CsvEncoder(out, spec, True, escape=True, header=True) if as_csv else None
        for batch in batches:
            bad = batch.filter(~pl.col("_valid"))
            if not bad.height:
                continue
            count += bad.height
            if encoder is not None:
                encoder.write(frames.values(frames.typed_batch(bad, spec, "all"), spec, True))
            else:
                out.write(("\n".join(json_lines(bad, spec).to_list()) + "\n").encode("utf-8"))
        if encoder is not None:
            encoder.finish()
    return count
