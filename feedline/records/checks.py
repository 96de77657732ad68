"""The checks that compare records with each other, over a whole sheet validated chunk by
chunk, as one validation of the whole sheet would: ``unique``, composite keys and
references within the sheet. Its result is the segment's ``checks.parquet``.

Memory stays small at any size: of each chunk a unique check keeps only a 64-bit hash of
every record's key. At the end, the rows whose hash repeats (the real repeats and the rare
collisions) are read back from the written parts and checked exactly. References within
the sheet keep their columns (they need the whole target column).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import polars as pl

from feedline.blueprint.model import Constraint, Field, SheetSpec
from feedline.records.segment import CHECKS_SCHEMA, messages_column
from feedline.validate.base import trim, where
from feedline.validate.constraints import (
    MESSAGE_SCHEMA,
    check_composite_unique,
    check_reference,
    check_unique,
    composite_key,
    unique_key,
)
from feedline.validate.result import Validated

Scan = Callable[[list[str]], pl.LazyFrame]
"""The sheet's written parts: ``_row`` and the named field columns."""


@dataclass(frozen=True)
class Digest:
    """What the checks keep of one chunk: per unique check its key hashes; per reference
    within the sheet the target's values, and the referring cells' validity and text."""

    rows: int
    hashes: list[pl.Series]
    values: dict[str, pl.Series]
    ok: dict[str, pl.Series]
    text: dict[str, pl.Series]


@dataclass
class _Unique:
    """One unique check: a field's ``unique`` (``single``) or a composite key."""

    constraint: Constraint
    keys: tuple[str, ...]
    single: Field | None = None
    hashes: list[pl.Series] = field(default_factory=list)

    def digest(self, values: dict[str, pl.Series], ok: dict[str, pl.Series]) -> pl.Series:
        """A chunk's key hashes; null where the key is empty or did not cast."""
        if self.single is not None:
            key = unique_key(values[self.single.key], self.constraint.case_sensitive)
            present = ok[self.single.key] & key.is_not_null()
            hashed = key.hash(seed=0)
        else:
            parts = composite_key(values, self.constraint)
            present = pl.repeat(True, parts[0].len(), dtype=pl.Boolean, eager=True)
            for k in self.keys:
                present = present & ok[k]
            hashed = pl.DataFrame(parts).hash_rows(seed=0)
        return where(present, hashed)

    def candidates(self) -> pl.Series:
        """Rows whose key hash occurs more than once, ascending."""
        hashes = pl.concat(self.hashes, rechunk=True) if self.hashes else pl.Series([], dtype=pl.UInt64)
        self.hashes = []
        # Sorted, a repeat sits beside its twin: the repeated hashes (a few) come from the
        # sorted hashes alone, cheaper than a hash table of them or sorting rows by them.
        ordered = hashes.drop_nulls().sort()
        repeated = ordered.filter(ordered == ordered.shift(1)).unique()
        if not repeated.len():
            return pl.Series("row", [], dtype=pl.Int64)
        return (hashes.is_in(repeated.implode()).fill_null(False).arg_true()
                .cast(pl.Int64).alias("row"))

    def messages(self, spec: SheetSpec, scan: Scan) -> pl.DataFrame:
        rows = self.candidates()
        if not rows.len():
            return pl.DataFrame(schema=MESSAGE_SCHEMA)
        found = (scan(list(self.keys)).filter(pl.col("_row").is_in(rows.implode()))
                 .sort("_row").collect())
        values = {k: found[k] for k in self.keys}
        ok = {k: found[k].is_not_null() for k in self.keys}
        if self.single is not None:
            return check_unique(self.single, self.constraint, values[self.single.key],
                                ok[self.single.key], rows=found["_row"])
        return check_composite_unique(list(spec.fields), self.constraint, values, ok,
                                      rows=found["_row"])


class SheetChecks:
    """Collects what the checks need of a sheet's chunks, then checks them together."""

    def __init__(self, spec: SheetSpec) -> None:
        self.spec = spec
        self.uniques = [_Unique(c, (f.key,), f) for f in spec.fields for c in f.constraints
                        if c.type == "unique"]
        self.uniques += [_Unique(c, tuple(c.fields)) for c in spec.constraints
                         if c.type == "unique" and c.fields]
        self.references = [f for f in spec.fields
                           if f.reference is not None and f.reference.sheet == spec.slug]
        targets = {f.reference.field for f in self.references if f.reference is not None}
        self.values: dict[str, list[pl.Series]] = {k: [] for k in targets}
        self.ok: dict[str, list[pl.Series]] = {f.key: [] for f in self.references}
        self.text: dict[str, list[pl.Series]] = {f.key: [] for f in self.references}
        self.rows = 0

    def digest(self, validated: Validated) -> Digest:
        """What the checks keep of one validated chunk. Needs no state: a worker thread can
        make it while the chunks before are still being added."""
        needed = {k for u in self.uniques for k in u.keys} | set(self.ok)
        ok = {k: _ok(validated, k) for k in needed}
        return Digest(
            validated.values.height,
            [u.digest({k: validated.values[k] for k in u.keys}, ok) for u in self.uniques],
            {k: validated.values[k] for k in self.values},
            {k: ok[k] for k in self.ok},
            {k: trim(validated.raw[k]) for k in self.ok})

    def add(self, digest: Digest) -> None:
        """Keep one chunk's digest (chunks in row order)."""
        self.rows += digest.rows
        for unique, hashes in zip(self.uniques, digest.hashes, strict=True):
            unique.hashes.append(hashes)
        for key, values in digest.values.items():
            self.values[key].append(values)
        for key in self.ok:
            self.ok[key].append(digest.ok[key])
            self.text[key].append(digest.text[key])

    def messages(self, scan: Scan) -> pl.DataFrame:
        """The long message frame (``row`` = 0-based data row) of every check."""
        found: list[pl.DataFrame] = [pl.DataFrame(schema=MESSAGE_SCHEMA)]
        if self.rows:
            singles = [u for u in self.uniques if u.single is not None]
            found += [u.messages(self.spec, scan) for u in singles]
            for f in self.references:
                assert f.reference is not None
                found.append(check_reference(
                    f, pl.concat(self.text[f.key], rechunk=True),
                    pl.concat(self.ok[f.key], rechunk=True),
                    pl.concat(self.values[f.reference.field], rechunk=True)))
            found += [u.messages(self.spec, scan) for u in self.uniques if u.single is None]
        order = {key: i for i, key in enumerate(self.spec.keys)}
        return (pl.concat(found)
                .with_columns(_order=pl.col("field").replace_strict(
                    order, default=-1, return_dtype=pl.Int64))
                .sort("row", "_order", maintain_order=True).drop("_order"))

    def finish(self, scan: Scan) -> tuple[pl.DataFrame, pl.DataFrame]:
        """``(checks frame for the segment, long message frame)``: per record with check
        messages its ``_id``, the messages (``_extra``) and whether one is an error."""
        long = self.messages(scan)
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


def _ok(validated: Validated, key: str) -> pl.Series:
    """Cells of ``key`` that hold a value that cast."""
    value = validated.values[key]
    if validated.failed is None:
        return value.is_not_null()
    return value.is_not_null() & ~validated.failed[key]
