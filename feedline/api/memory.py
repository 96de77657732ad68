"""Mapping memory: what executed plans taught, listable and forgettable."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from feedline.api.deps import App, Env
from feedline.pipeline.plan import load_memory
from feedline.store import repo

router = APIRouter(prefix="/v1/spaces/{space_id}/memory", tags=["memory"])


@router.get("")
def list_memory(space_id: str, app: App, env: Env) -> dict[str, Any]:
    with app.read() as conn:
        space = repo.get_space(conn, space_id, env)
        memory = load_memory(conn, env, app.feed(space.feed).blueprint.name)
    return {"data": [e for e in memory.entries() if e.get("space") == space_id], "next_cursor": None}


@router.delete("")
def forget(space_id: str, app: App, env: Env, sheet: str | None = None) -> dict[str, Any]:
    with app.begin() as conn:
        space = repo.get_space(conn, space_id, env)
        removed = repo.delete_memory_rows(conn, env, app.feed(space.feed).blueprint.name,
                                          space_id, sheet)
    return {"forgotten": removed}
