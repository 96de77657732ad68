"""Apply a plan, validate and store: a source table becomes a sheet's record segment,
streamed in chunks so memory depends on the chunk size, not on the file.

Each chunk is reshaped by the plan, cast, run through the hooks and checked record by
record; its records are written as one Parquet part at once. The checks that compare
records (``unique``, composite keys, references within the sheet) then run over the
whole sheet from what each chunk left of its keys (:class:`feedline.records.checks.SheetChecks`).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

import polars as pl

from feedline.blueprint.model import SheetSpec
from feedline.mapping import Plan, apply_plan
from feedline.records.checks import Digest, SheetChecks
from feedline.records.segment import SegmentWriter, part_from_validated
from feedline.store.models import Segment
from feedline.validate import Hook, validate
from feedline.validate.result import Validated, message_counts

if TYPE_CHECKING:
    from feedline.blobs import Blobs

CHUNK_ROWS = 100_000
PARALLEL_CHUNKS = 3
Progress = Callable[[int, int], None]
T = TypeVar("T")


@dataclass
class Mapped:
    """What storing a sheet's records produced."""

    segment: Segment
    counts: dict[str, Any]
    hook_failures: list[dict[str, Any]] = field(default_factory=list)


def chunks(source: pl.LazyFrame | pl.DataFrame, rows: int,
           size: int = CHUNK_ROWS) -> Iterator[pl.DataFrame]:
    """The source table in slices of ``size`` rows (at least one, maybe empty)."""
    if isinstance(source, pl.DataFrame):
        if source.height == 0:
            yield source
        for start in range(0, source.height, size):
            # A copy of the slice: Polars kernels have tripped over zero-copy slices.
            yield source.slice(start, size).rechunk()
        return
    if rows == 0:
        yield source.head(0).collect()
    for start in range(0, rows, size):
        yield source.slice(start, size).collect()


class Counts:
    """Message counts summed over chunks, then corrected by the sheet-wide checks."""

    def __init__(self) -> None:
        self.rows = self.valid = 0
        self.by: dict[str, dict[Any, Any]] = {"by_type": {}, "by_field": {}, "by_level": {}}
        self.row_valid: list[pl.Series] = []

    def add(self, counts: dict[str, Any], valid: pl.Series) -> None:
        """One chunk's :func:`message_counts` (made on the worker) and validity."""
        self.row_valid.append(valid)
        self.rows += counts["rows"]
        self.valid += counts["valid"]
        for name in ("by_type", "by_level"):
            for k, n in counts[name].items():
                self.by[name][k] = self.by[name].get(k, 0) + n
        for fld, kinds in counts["by_field"].items():
            per = self.by["by_field"].setdefault(fld, {})
            for k, n in kinds.items():
                per[k] = per.get(k, 0) + n

    def result(self, checked: pl.DataFrame | None = None) -> dict[str, Any]:
        """The counts, with the messages of the sheet-wide checks (``checked``, a long
        message frame) added."""
        by_field = {k: dict(sorted(v.items())) for k, v in sorted(self.by["by_field"].items())}
        result = {"rows": self.rows, "valid": self.valid, "invalid": self.rows - self.valid,
                  "by_type": dict(sorted(self.by["by_type"].items())), "by_field": by_field,
                  "by_level": dict(sorted(self.by["by_level"].items()))}
        if checked is not None and checked.height:
            result = _with_checks(result, checked, self.row_valid)
        return result


class HookFailures:
    """Per hook, its failure summed over chunks."""

    def __init__(self) -> None:
        self.by_hook: dict[str, dict[str, Any]] = {}

    def add(self, validated: Validated) -> None:
        for failure in validated.hook_failures:
            entry = failure.to_dict()
            seen = self.by_hook.setdefault(entry["hook"], {**entry, "records": 0})
            seen["records"] += entry["records"]

    def result(self) -> list[dict[str, Any]]:
        return list(self.by_hook.values())


def validated_chunks(source: pl.LazyFrame | pl.DataFrame, rows: int, plan: Plan, spec: SheetSpec,
                     then: Callable[[Validated, int], T], *, hooks: Sequence[Hook] = (),
                     decimal: str | None = None,
                     chunk_rows: int = CHUNK_ROWS) -> Iterator[tuple[Validated, T]]:
    """Each chunk of ``source`` mapped by ``plan`` and validated (without the checks that
    compare records), with what ``then(validated, first row)`` made of it, in row order.

    Without hooks (user code that may count on running one batch at a time), chunks are
    validated three at a time while the caller handles the ones before them: Polars
    releases the GIL, so both cores work, and a third chunk fills the moments where the
    others hold the GIL (−9 % wall time at 1M rows on two cores, one chunk more in
    memory); ``then`` runs on the worker too. The chunks are the parallel work then, not
    each chunk's columns (threads within threads cost more CPU than they save).
    """
    mapped = spec.for_mapping()
    enum_map = plan.enum_map()

    window = 1 if hooks else PARALLEL_CHUNKS

    def work(chunk: pl.DataFrame, offset: int) -> tuple[Validated, T]:
        n = chunk.height
        row_numbers = pl.int_range(offset, offset + n, dtype=pl.Int64, eager=True)
        validated = validate(apply_plan(chunk, plan, mapped), spec, enum_map, hooks=hooks,
                             decimal=decimal, sheet_checks=False, parallel_columns=window == 1,
                             ids=row_numbers + 1, row_numbers=row_numbers)
        return validated, then(validated, offset)

    with ThreadPoolExecutor(max_workers=window) as pool:
        pending: deque[Future[tuple[Validated, T]]] = deque()
        offset = 0
        for chunk in chunks(source, rows, chunk_rows):
            pending.append(pool.submit(work, chunk, offset))
            offset += chunk.height
            if len(pending) > window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def store_records(blobs: Blobs, sheet_id: str, source: pl.LazyFrame | pl.DataFrame, rows: int,
                  plan: Plan, spec: SheetSpec, *, hooks: Sequence[Hook] = (),
                  decimal: str | None = None, chunk_rows: int = CHUNK_ROWS,
                  progress: Progress | None = None, indexed: bool = True) -> Mapped:
    """Map, validate and store every record of ``source`` as version 1 of ``sheet_id``.

    Args:
        source: the extracted table (all text, headers as column names).
        rows: its row count.
        plan: the accepted plan (source column → field, enum values → options).
        spec: the destination sheet (computed fields included).
        hooks: the sheet's validation hooks.
        decimal: the feed's decimal mark for numbers their text leaves open.
        progress: called with ``(rows done, rows)`` after each chunk.
        indexed: build the key indexes record edits look keys up in (a sheet nobody
            edits, as ``feedline run``'s, does without).
    """
    writer = SegmentWriter(blobs, sheet_id, 1)
    checks = SheetChecks(spec)
    counts = Counts()
    failures = HookFailures()

    def part(validated: Validated, offset: int) -> tuple[pl.DataFrame, Digest, dict[str, Any]]:
        return (part_from_validated(validated, spec, offset), checks.digest(validated),
                validated.counts())

    for validated, (written, digest, counted) in validated_chunks(
            source, rows, plan, spec, part, hooks=hooks, decimal=decimal, chunk_rows=chunk_rows):
        writer.write(written)
        checks.add(digest)
        counts.add(counted, validated.valid)
        failures.add(validated)
        if progress:
            progress(counts.rows, rows)
    frame, long = checks.finish(writer.scan)
    segment = writer.finish(frame, spec if indexed else None)
    return Mapped(segment, counts.result(long), failures.result())


def _with_checks(counts: dict[str, Any], long: pl.DataFrame,
                 row_valid: list[pl.Series]) -> dict[str, Any]:
    """Counts after adding the sheet-wide check messages (which may invalidate records)."""
    valid = pl.concat(row_valid, rechunk=True) if row_valid else pl.Series([], dtype=pl.Boolean)
    extra = message_counts(long, pl.Series([], dtype=pl.Boolean))
    errors = long.filter(pl.col("level") == "error")["row"].unique().cast(pl.Int64)
    newly_invalid = int(valid.gather(errors).sum()) if errors.len() else 0
    merged = {k: dict(v) for k, v in counts.items() if isinstance(v, dict)}
    for name in ("by_type", "by_level"):
        for k, n in extra[name].items():
            merged[name][k] = merged[name].get(k, 0) + n
    for fld, kinds in extra["by_field"].items():
        per = merged["by_field"].setdefault(fld, {})
        for k, n in kinds.items():
            per[k] = per.get(k, 0) + n
    valid_n = counts["valid"] - newly_invalid
    return {"rows": counts["rows"], "valid": valid_n, "invalid": counts["rows"] - valid_n,
            "by_type": dict(sorted(merged["by_type"].items())),
            "by_field": {k: dict(sorted(v.items())) for k, v in sorted(merged["by_field"].items())},
            "by_level": dict(sorted(merged["by_level"].items()))}
