"""Record edits in the database: the overlay over a sheet's segment and its history.

Every change of a record after the map job (a person's edit, an added or deleted record, a
re-validation caused by another record's edit) is one row of ``record_edits`` holding the
record's whole state after the change. The newest row of a record wins over the segment
until a compaction folds it into a new segment version.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from feedline.store import tables as t
from feedline.store.db import iso, now

E = t.record_edits


@dataclass(frozen=True)
class Change:
    """One record's new state to store (``values`` None for a deleted record)."""

    record_id: int
    row: int
    version: int
    change: str  # create | update | delete | revalidate
    actor: str
    values: dict[str, Any] | None
    messages: list[dict[str, Any]] | None
    valid: bool | None
    old_values: dict[str, Any] | None
    old_valid: bool | None


def latest(conn: sa.Connection, sheet_id: str, after: int, upto: int | None = None,
           ids: Collection[int] | None = None) -> list[dict[str, Any]]:
    """The newest edit of each record with ``after < seq <= upto`` (``ids`` only, when
    given): ``id, row, version, seq, values, messages, valid, deleted``, in record order."""
    inner = sa.select(E.c.record_id, sa.func.max(E.c.id).label("seq")).where(
        E.c.sheet_id == sheet_id, E.c.id > after)
    if upto is not None:
        inner = inner.where(E.c.id <= upto)
    out: list[dict[str, Any]] = []
    chunks: list[Sequence[int] | None] = [None]
    if ids is not None:
        wanted = sorted(set(ids))
        chunks = [wanted[i:i + 1000] for i in range(0, len(wanted), 1000)]
    for chunk in chunks:
        q = inner if chunk is None else inner.where(E.c.record_id.in_(chunk))
        newest = q.group_by(E.c.record_id).subquery()
        rows = conn.execute(sa.select(E).join(newest, newest.c.seq == E.c.id)
                            .order_by(E.c.record_id)).all()
        out += [{"id": r.record_id, "row": r.row, "version": r.version, "seq": r.id,
                 "values": r.values, "messages": r.messages or [], "valid": bool(r.valid),
                 "deleted": r.values is None} for r in rows]
    return out


def max_seq(conn: sa.Connection, sheet_id: str) -> int:
    """The sequence number of the sheet's newest edit (0 when none)."""
    value = conn.execute(sa.select(sa.func.max(E.c.id)).where(E.c.sheet_id == sheet_id)).scalar()
    return int(value or 0)


def count_after(conn: sa.Connection, sheet_id: str, after: int, upto: int | None = None) -> int:
    """How many edits the sheet has with ``after < seq`` (``<= upto`` when given)."""
    q = sa.select(sa.func.count()).select_from(E).where(E.c.sheet_id == sheet_id, E.c.id > after)
    if upto is not None:
        q = q.where(E.c.id <= upto)
    return int(conn.execute(q).scalar_one())


def store(conn: sa.Connection, sheet_id: str, changes: Sequence[Change]) -> None:
    """Append the changes (one transaction: the caller's)."""
    if not changes:
        return
    ts = now()
    conn.execute(E.insert(), [
        {"sheet_id": sheet_id, "record_id": c.record_id, "row": c.row, "version": c.version,
         "change": c.change, "actor": c.actor, "values": c.values, "messages": c.messages,
         "valid": c.valid, "old_values": c.old_values, "old_valid": c.old_valid,
         "changed_at": ts} for c in changes])


def history(conn: sa.Connection, sheet_id: str, record_id: int) -> list[dict[str, Any]]:
    """Every change of one record, oldest first (kept after a delete and a compaction)."""
    rows = conn.execute(sa.select(E).where(E.c.sheet_id == sheet_id, E.c.record_id == record_id)
                        .order_by(E.c.id)).all()
    return [{"version": r.version, "change": r.change, "actor": r.actor,
             "old_values": r.old_values, "new_values": r.values, "old_valid": r.old_valid,
             "changed_at": iso(r.changed_at)} for r in rows]
