"""The event log, readable by remote listeners (poll with ``since``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query

from feedline.api.deps import App, Env
from feedline.events.log import read
from feedline.store import repo

router = APIRouter(prefix="/v1/events", tags=["events"])


@router.get("")
def list_events(app: App, env: Env, space_id: str | None = None, since: int = Query(0, ge=0),
                topic: str | None = None, limit: int = Query(100, ge=1, le=1000)) -> dict[str, Any]:
    """Events after id ``since``, oldest first; pass the last id back as ``since``."""
    with app.read() as conn:
        if space_id:
            repo.get_space(conn, space_id, env)
        events = read(conn, after=since, limit=limit, space_id=space_id, environment_id=env, topic=topic)
    data = [e.to_dict() for e in events]
    return {"data": data, "next_cursor": data[-1]["id"] if len(data) == limit else None}
