"""The durable event log: events are stored before anyone hears of them.

Each event is written with one delivery row per consumer in the same transaction (see
:mod:`feedline.events.dispatch`), and its commit wakes idle dispatchers (see
:mod:`feedline.events.wakeup`). Readers of the log by id (``GET /v1/events?since=``) use :func:`read`,
which stops before an id that is missing while a transaction may still commit it.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import sqlalchemy as sa

from feedline.events import wakeup
from feedline.events.model import CONTEXT_KEYS, Event
from feedline.store import tables as t
from feedline.store.db import aware, iso, now

CONSUMERS = ("in-process",)
GAP_WAIT = timedelta(seconds=10)  # an id missing longer than this was rolled back


def emit(conn: sa.Connection, topic: str, context: dict[str, str | None],
         payload: dict[str, Any] | None = None) -> int:
    """Append an event in the caller's transaction; it is delivered once that commits."""
    unknown = set(context) - set(CONTEXT_KEYS)
    if unknown:
        raise ValueError(f"unknown event context keys: {sorted(unknown)}")
    result = conn.execute(t.events.insert().values(
        topic=topic,
        environment_id=context.get("environment"),
        space_id=context.get("space"),
        workbook_id=context.get("workbook"),
        sheet_id=context.get("sheet"),
        file_id=context.get("file"),
        job_id=context.get("job"),
        payload=payload or {},
        created_at=now(),
    ))
    pk = result.inserted_primary_key
    assert pk is not None
    event_id = int(pk[0])
    conn.execute(t.event_deliveries.insert(), [
        {"consumer": c, "event_id": event_id, "status": "pending", "attempts": 0}
        for c in CONSUMERS])
    wakeup.mark(conn)
    return event_id


def event_of(row: Any) -> Event:
    return Event(
        id=row.id, topic=row.topic,
        context={"environment": row.environment_id, "space": row.space_id,
                 "workbook": row.workbook_id, "sheet": row.sheet_id, "file": row.file_id,
                 "job": row.job_id},
        payload=row.payload or {}, created_at=iso(row.created_at),
    )


def read(conn: sa.Connection, after: int = 0, limit: int = 100, *, space_id: str | None = None,
         environment_id: str | None = None, topic: str | None = None) -> list[Event]:
    """Events with ``id > after`` in log order, up to the first id that may still commit.

    Ids are handed out before transactions commit, so for a moment a later id can be
    visible while an earlier one is not; a reader that moved past the gap would never see
    it. The list therefore ends before any gap younger than :data:`GAP_WAIT` (an older
    gap is a rolled-back transaction).
    """
    q = sa.select(t.events).where(t.events.c.id > after)
    if environment_id:
        q = q.where(t.events.c.environment_id == environment_id)
    if space_id:
        q = q.where(t.events.c.space_id == space_id)
    if topic:
        q = q.where(t.events.c.topic == topic)
    rows = conn.execute(q.order_by(t.events.c.id).limit(limit)).all()
    if not rows or conn.dialect.name != "postgresql":
        return [event_of(r) for r in rows]  # SQLite commits one writer at a time
    all_ids = conn.execute(sa.select(t.events.c.id, t.events.c.created_at).where(
        t.events.c.id > after, t.events.c.id <= rows[-1].id).order_by(t.events.c.id)).all()
    horizon = rows[-1].id
    expected = after + 1
    for r in all_ids:
        if r.id != expected and (aware(r.created_at) or now()) > now() - GAP_WAIT:
            horizon = expected - 1  # ids before this one are all there
            break
        expected = r.id + 1
    return [event_of(r) for r in rows if r.id <= horizon]
