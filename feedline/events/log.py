"""The durable event log: events are stored before anyone hears of them."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from feedline.events.model import CONTEXT_KEYS, Event
from feedline.store import tables as t
from feedline.store.db import iso, now


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
    return int(pk[0])


def _event(row: Any) -> Event:
    return Event(
        id=row.id, topic=row.topic,
        context={"environment": row.environment_id, "space": row.space_id,
                 "workbook": row.workbook_id, "sheet": row.sheet_id, "file": row.file_id,
                 "job": row.job_id},
        payload=row.payload or {}, created_at=iso(row.created_at),
    )


def read(conn: sa.Connection, after: int = 0, limit: int = 100, *, space_id: str | None = None,
         environment_id: str | None = None, topic: str | None = None) -> list[Event]:
    """Events with ``id > after`` in log order."""
    q = sa.select(t.events).where(t.events.c.id > after)
    if space_id:
        q = q.where(t.events.c.space_id == space_id)
    if environment_id:
        q = q.where(t.events.c.environment_id == environment_id)
    if topic:
        q = q.where(t.events.c.topic == topic)
    return [_event(r) for r in conn.execute(q.order_by(t.events.c.id).limit(limit))]


def get_cursor(conn: sa.Connection, name: str) -> int:
    row = conn.execute(sa.select(t.listener_cursors.c.position)
                       .where(t.listener_cursors.c.name == name)).first()
    if row is None:
        conn.execute(t.listener_cursors.insert().values(name=name, position=0, updated_at=now()))
        return 0
    return int(row[0])


def advance_cursor(conn: sa.Connection, name: str, old: int, new: int) -> bool:
    """Compare-and-set the listener's position; False when another process moved it."""
    result = conn.execute(t.listener_cursors.update().where(
        (t.listener_cursors.c.name == name) & (t.listener_cursors.c.position == old)
    ).values(position=new, updated_at=now()))
    return result.rowcount == 1
