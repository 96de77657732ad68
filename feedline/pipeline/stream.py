"""``feedline run``'s records, validated and written straight to the output files.

Nobody edits the sheet of ``feedline run``, so it need not be stored. Two passes over the
source table instead of a store and a read:

1. the fields the checks that compare records look at (``unique``, composite keys,
   references within the sheet) are cast, chunk by chunk, and those checks run over the
   whole sheet (:class:`feedline.records.checks.SheetChecks`, with the same memory bound);
2. every chunk is validated, the check messages of its records merged in, and its valid
   records and rejects encoded while the next chunks are validated, then appended to the
   files in record order. The first chunks are validated while the first pass still runs
   (on a thread of its own); they wait for its checks only to be encoded.

The files are the same, byte for byte, as those written from a stored sheet, and so as the
server's. Hooks run once per record and may change any value, and computed fields are
made from others: a sheet whose checks depend on either is stored first (see
:func:`streamable`).
"""

from __future__ import annotations

import dataclasses
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import polars as pl

from feedline.blueprint.model import SheetSpec
from feedline.mapping import Plan
from feedline.pipeline.outfiles import Encoded, OutFiles
from feedline.pipeline.records import CHUNK_ROWS, Counts, validated_chunks
from feedline.records.checks import Digest, SheetChecks
from feedline.records.segment import CHECKS_SCHEMA, part_from_validated
from feedline.records.view import with_checks
from feedline.validate import Hook
from feedline.validate.result import Validated
from feedline.validate.sheetwide import sheet_checks


def checked_fields(spec: SheetSpec) -> set[str]:
    """The fields the checks that compare records look at."""
    out: set[str] = set()
    for check in sheet_checks(spec):
        out |= {f.key for f in check.fields}
        if check.target is not None:
            out.add(check.target.key)
    return out


def streamable(spec: SheetSpec, hooks: list[Hook] | tuple[Hook, ...]) -> bool:
    """Whether the first pass sees the checked values the second will: no hooks, and no
    checked field is computed."""
    return not hooks and not any(spec.field(k).is_computed for k in checked_fields(spec))


def write_records(source: pl.LazyFrame | pl.DataFrame, rows: int, plan: Plan, spec: SheetSpec,
                  files: OutFiles, workdir: Path, *, decimal: str | None = None,
                  chunk_rows: int = CHUNK_ROWS) -> dict[str, Any]:
    """Validate every record of ``source`` into ``files`` (open); the message counts.

    The first pass runs on a thread of its own while the second validates its first
    chunks (it leaves a core idle part of the time); a chunk waits for its checks only to
    be encoded."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="feedline-checks") as pool:
        first = pool.submit(_check_sheet, source, rows, plan, spec, workdir, decimal,
                            chunk_rows)
        return _second_pass(source, rows, plan, spec, files, first, decimal, chunk_rows)


def _second_pass(source: pl.LazyFrame | pl.DataFrame, rows: int, plan: Plan, spec: SheetSpec,
                 files: OutFiles, first: Future[tuple[pl.DataFrame, pl.DataFrame]],
                 decimal: str | None, chunk_rows: int) -> dict[str, Any]:
    messages = files.rejects is not None
    counts = Counts()

    def encode(validated: Validated, offset: int) -> tuple[Encoded, dict[str, Any]]:
        checks = first.result()[0]
        n = validated.values.height
        mine = checks.filter(pl.col("_id").is_between(offset + 1, offset + n))
        if messages:  # the rejects show messages and the partner's text of failed cells
            batch = part_from_validated(validated, spec, offset)
        else:  # the valid records need their values only
            batch = validated.values.with_columns(
                _id=pl.int_range(offset + 1, offset + n + 1, dtype=pl.Int64, eager=True),
                _version=pl.lit(1, dtype=pl.Int64), _valid=validated.valid)
        return files.encode(with_checks(batch, mine, spec, messages)), validated.counts()

    for validated, (encoded, counted) in validated_chunks(source, rows, plan, spec, encode,
                                                          decimal=decimal, chunk_rows=chunk_rows):
        files.write(encoded)
        counts.add(counted, validated.valid)
    return counts.result(first.result()[1])


def _check_sheet(source: pl.LazyFrame | pl.DataFrame, rows: int, plan: Plan, spec: SheetSpec,
                 workdir: Path, decimal: str | None,
                 chunk_rows: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The first pass: ``(checks frame, long message frame)`` as a stored sheet's checks
    file holds them. Only the checked fields are read and cast, with only their ``unique``
    constraints (nothing else decides whether a value counts)."""
    keys = checked_fields(spec)
    sources = [s for s, field in plan.mapping().items() if field in keys]
    if not sources:  # no checked field is mapped: every key is empty, nothing repeats
        return pl.DataFrame(schema=CHECKS_SCHEMA), pl.DataFrame()
    narrow = SheetSpec(spec.slug, spec.name, tuple(
        dataclasses.replace(f, constraints=tuple(c for c in f.constraints if c.type == "unique"))
        for f in spec.fields if f.key in keys),
        tuple(c for c in spec.constraints if c.type == "unique" and c.fields))
    workdir.mkdir(parents=True, exist_ok=True)
    checks = SheetChecks(narrow)
    written: list[Path] = []

    def keep(validated: Validated, offset: int) -> tuple[Path, Digest]:
        # What the exact look at repeated key hashes reads back: the cast keys by row.
        path = workdir / f"keys-{offset:012d}.arrow"
        n = validated.values.height
        validated.values.with_columns(
            _row=pl.int_range(offset, offset + n, dtype=pl.Int64, eager=True)).write_ipc(path)
        return path, checks.digest(validated)

    for _validated, (path, digest) in validated_chunks(source.select(sources), rows, plan, narrow,
                                                       keep, decimal=decimal,
                                                       chunk_rows=chunk_rows):
        checks.add(digest)
        written.append(path)
    try:
        return checks.finish(lambda columns: pl.scan_ipc(written).select("_row", *columns))
    finally:
        for path in written:
            path.unlink(missing_ok=True)
