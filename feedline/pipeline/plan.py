"""Plan a source table onto a sheet: which tables to map, the automatic plan and its gate,
and the mapping memory it draws on and feeds. The map job and ``feedline run`` share it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import polars as pl

from feedline.blueprint.model import Blueprint, SheetSpec
from feedline.errors import ExtractError
from feedline.extract.model import SourceTable
from feedline.mapping import MappingMemory, Plan, automap, gate, map_enum_values

if TYPE_CHECKING:
    import sqlalchemy as sa

PLAN_SAMPLE = 100_000  # rows the scorers look at; enum values are counted over every row


@dataclass(frozen=True)
class Gate:
    """The feed's automap settings."""

    accuracy: str = "confident"
    max_unmapped_enum_share: float = 0.05
    new_values: str = "records"


def tables_to_map(tables: Sequence[SourceTable], sheet_name: str | None = None) -> list[SourceTable]:
    """The extracted tables that become map jobs: the tabular ones (not a notes or summary
    sheet), or only the one a person named."""
    if sheet_name is not None:
        chosen = [t for t in tables if t.name == sheet_name]
        if not chosen:
            names = ", ".join(repr(t.name) for t in tables)
            raise ExtractError(f"the file has no sheet {sheet_name!r} (sheets: {names})")
        return chosen
    return [t for t in tables if t.tabular]


def sample(source: pl.LazyFrame | pl.DataFrame, rows: int) -> pl.DataFrame:
    """The rows the scorers read."""
    if isinstance(source, pl.DataFrame):
        return source.head(PLAN_SAMPLE)
    return source.head(PLAN_SAMPLE).collect()


def propose(source: pl.LazyFrame | pl.DataFrame, rows: int, spec: SheetSpec, settings: Gate,
            memory: MappingMemory | None, space: str) -> Plan:
    """The automatic plan for ``source`` onto ``spec`` (computed fields left out), gated.

    The scorers read the first :data:`PLAN_SAMPLE` rows; for a longer table the enum
    value mappings are redone from the counts of every row, so no value goes unseen.
    """
    mapped = spec.for_mapping()
    frame = sample(source, rows)
    plan = automap(frame, mapped, accuracy=settings.accuracy, memory=memory, space=space,
                   max_unmapped_enum_share=settings.max_unmapped_enum_share,
                   new_values=settings.new_values)
    waived = memory.waived_required(space, mapped.slug) if memory is not None else set()
    missing = {f.key for f in mapped.fields if f.required} - set(plan.mapping().values())
    regate = bool(missing) and missing <= waived
    if rows > frame.height and plan.enums:
        remembered = memory.recall(space, mapped.slug, list(frame.columns))["enums"] \
            if memory is not None else {}
        lazy = source.lazy() if isinstance(source, pl.DataFrame) else source
        by_field = {dest: src for src, dest in plan.mapping().items()}
        for key in list(plan.enums):
            counts = (lazy.select(pl.col(by_field[key]).alias("v")).group_by("v").len()
                      .collect().filter(pl.col("v").str.strip_chars() != ""))
            pairs = sorted(((v, int(n)) for v, n in counts.iter_rows() if v is not None),
                           key=lambda r: (-r[1], r[0]))
            plan.enums[key] = map_enum_values(pairs, mapped.field(key),
                                              remembered=remembered.get(key))
        regate = True
    if regate:  # a person let this space leave exactly these required fields unmapped
        plan.auto_accept, plan.review_reasons = gate(
            plan, mapped, settings.accuracy,
            max_unmapped_enum_share=settings.max_unmapped_enum_share, new_values=settings.new_values,
            allow_missing_required=bool(missing) and missing <= waived)
    return plan


def best_sheet(source: pl.LazyFrame | pl.DataFrame, rows: int, blueprint: Blueprint,
               slug: str | None, settings: Gate, memory: MappingMemory | None,
               space: str) -> tuple[Plan, SheetSpec]:
    """Plan against ``slug``, or against every sheet and keep the best-covered one (for a
    file no feed route names)."""
    sheets = [blueprint.sheet(slug)] if slug else list(blueprint.sheets)
    best: tuple[float, Plan, SheetSpec] | None = None
    for spec in sheets:
        plan = propose(source, rows, spec, settings, memory, space)
        score = sum(f.confidence for f in plan.fields if f.destination)
        if best is None or score > best[0]:
            best = (score, plan, spec)
    assert best is not None
    return best[1], best[2]


def plan_document(plan: Plan, settings: Gate, *, accepted_by: str | None) -> dict[str, Any]:
    """The plan as a map job stores it: the plan, its state and what automap suggested."""
    return {**plan.to_dict(), "state": "accepted" if accepted_by else "proposed",
            "accepted_by": accepted_by, "accuracy": settings.accuracy,
            "suggested": plan.mapping()}


def corrections(doc: dict[str, Any], plan: Plan) -> dict[str, str | None]:
    """Where the executed plan differs from automap's suggestion: {source: chosen field}."""
    suggested = doc.get("suggested") or {}
    mapping = plan.mapping()
    out: dict[str, str | None] = {s: d for s, d in mapping.items() if suggested.get(s) != d}
    out.update({s: None for s in suggested if s not in mapping})
    return out


# -- mapping memory: one row per (environment, blueprint, space, sheet) --------------------

def load_memory(conn: sa.Connection, env: str, blueprint: str) -> MappingMemory:
    """Everything remembered for a blueprint in an environment."""
    from feedline.store import repo  # the database layer: not loaded by ``feedline run``

    return MappingMemory.from_rows(blueprint, repo.load_memory_rows(conn, env, blueprint))


@contextmanager
def _memory_row(conn: sa.Connection, env: str, blueprint: str, space: str,
                sheet: str) -> Iterator[MappingMemory]:
    """One (space, sheet) row of memory to change: locked, read, then written back as an
    upsert of only this row (safe when other map jobs or edits finish at the same time)."""
    from feedline.store import repo  # the database layer: not loaded by ``feedline run``

    repo.lock_memory_row(conn, env, blueprint, space, sheet)
    row = repo.get_memory_row(conn, env, blueprint, space, sheet)
    memory = MappingMemory.from_rows(blueprint, [(space, sheet, row)] if row is not None else [])
    yield memory
    repo.save_memory_row(conn, env, blueprint, space, sheet, memory.document(space, sheet))


def remember(conn: sa.Connection, env: str, blueprint: str, space: str, sheet: str,
             plan: Plan, corrected: dict[str, str | None] | None, by: str,
             waived: list[str] | None = None) -> None:
    """Teach one (space, sheet) row what an executed plan did (``by`` ``person`` or
    ``automap``)."""
    with _memory_row(conn, env, blueprint, space, sheet) as memory:
        memory.remember(space, sheet, plan, corrected=corrected or None, by=by)
        if by == "person":
            memory.waive_required(space, sheet, waived or ())


def teach_values(conn: sa.Connection, env: str, blueprint: str, space: str, sheet: str,
                 values: dict[str, dict[str, str]]) -> None:
    """Teach one (space, sheet) row a person's enum value decisions (records fixed in
    review: ``{field: {the partner's text: option}}``)."""
    if values:
        with _memory_row(conn, env, blueprint, space, sheet) as memory:
            memory.teach(space, sheet, values)
