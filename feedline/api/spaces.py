"""Spaces: one feed's home for one sender."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from feedline.api.deps import ApiError, App, Env
from feedline.events import model as topics
from feedline.jobs import queue
from feedline.store import repo

router = APIRouter(prefix="/v1/spaces", tags=["spaces"])


class SpaceIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    feed: str = Field(min_length=1, max_length=200)


@router.post("", status_code=201)
def create_space(body: SpaceIn, app: App, env: Env) -> dict[str, Any]:
    app.feed(body.feed)  # 404 with the loaded feeds when unknown
    with app.begin() as conn:
        space = repo.create_space(conn, env, body.name.strip(), body.feed)
        app.emit(conn, topics.SPACE_CREATED, {"environment": env, "space": space.id},
                 {"name": space.name, "feed": space.feed})
    return space.model_dump()


@router.get("")
def list_spaces(app: App, env: Env, name: str | None = None) -> dict[str, Any]:
    with app.read() as conn:
        spaces = repo.list_spaces(conn, env)
    if name is not None:
        spaces = [s for s in spaces if s.name == name]
    return {"data": [s.model_dump() for s in spaces], "next_cursor": None}


@router.get("/{space_id}")
def get_space(space_id: str, app: App, env: Env) -> dict[str, Any]:
    with app.read() as conn:
        return repo.get_space(conn, space_id, env).model_dump()


@router.get("/{space_id}/plans/latest")
def latest_plan(space_id: str, sheet: str, app: App, env: Env) -> dict[str, Any]:
    """The most recently used (accepted) plan of this space for ``sheet``."""
    with app.read() as conn:
        repo.get_space(conn, space_id, env)
        jobs, _ = queue.list_jobs(conn, env, space_id=space_id, operation="map", limit=10_000)
        for job in sorted(jobs, key=lambda j: j.updated_at or "", reverse=True):
            plan = queue.get_plan(conn, job.id)
            if plan and plan.get("sheet") == sheet and plan.get("state") == "accepted":
                return {"job_id": job.id, "job_status": job.status.value,
                        "updated_at": job.updated_at, **plan}
    raise ApiError(404, "not-found", f"space {space_id} has no accepted plan for sheet {sheet!r} yet")
