"""The event log, readable by remote listeners: poll with the last id you saw."""

from __future__ import annotations

from fastapi import APIRouter, Query

from feedline.api.deps import MAX_INT, App, Env
from feedline.api.schemas import ERRORS, EventOut, Page
from feedline.events.log import read
from feedline.store import repo

router = APIRouter(prefix="/v1/events", tags=["events"], responses=ERRORS)


@router.get("")
def list_events(app: App, env: Env, space_id: str | None = Query(None, max_length=40),
                since: int = Query(0, ge=0, le=MAX_INT, description="The last id you saw."),
                cursor: int | None = Query(None, ge=0, le=MAX_INT, description="Same as since."),
                topic: str | None = Query(None, max_length=100),
                limit: int = Query(100, ge=1, le=1000)) -> Page[EventOut]:
    """Events after id ``since`` (or ``cursor``), oldest first. An event whose transaction
    is still committing is waited for, never skipped: poll again with ``next_cursor`` (the
    last id returned; null when there was nothing new)."""
    after = cursor if cursor is not None else since
    with app.read() as conn:
        if space_id:
            repo.get_space(conn, space_id, env)
        events = read(conn, after=after, limit=limit, space_id=space_id, environment_id=env,
                      topic=topic)
    data = [EventOut(**e.to_dict()) for e in events]
    return Page[EventOut](data=data, next_cursor=str(data[-1].id) if data else None)
