"""Mapping memory: what executed plans taught, listable and forgettable."""

from __future__ import annotations

from fastapi import APIRouter, Query

from feedline.api.deps import App, Env, page
from feedline.api.schemas import ERRORS, Forgotten, MemoryEntry, Page
from feedline.pipeline.plan import load_memory
from feedline.store import repo

router = APIRouter(prefix="/v1/spaces/{space_id}/memory", tags=["memory"], responses=ERRORS)


@router.get("")
def list_memory(space_id: str, app: App, env: Env, limit: int = Query(100, ge=1, le=1000),
                cursor: str | None = Query(None, max_length=200)) -> Page[MemoryEntry]:
    """What this space's executed plans taught, one entry per destination sheet."""
    with app.read() as conn:
        space = repo.get_space(conn, space_id, env)
        memory = load_memory(conn, env, app.feed(space.feed).blueprint.name)
    entries = [e for e in memory.entries() if e.get("space") == space_id
               and (cursor is None or e["sheet"] > cursor)]
    data, nxt = page(sorted(entries, key=lambda e: e["sheet"]), limit, lambda e: e["sheet"])
    return Page[MemoryEntry](data=[MemoryEntry(**e) for e in data], next_cursor=nxt)


@router.delete("")
def forget(space_id: str, app: App, env: Env,
           sheet: str | None = Query(None, max_length=200)) -> Forgotten:
    """Forget what this space taught (one sheet, or all)."""
    with app.begin() as conn:
        space = repo.get_space(conn, space_id, env)
        removed = repo.delete_memory_rows(conn, env, app.feed(space.feed).blueprint.name,
                                          space_id, sheet)
    return Forgotten(forgotten=removed)
