"""Spaces: one feed's home for one sender."""

from __future__ import annotations

from fastapi import APIRouter, Query

from feedline.api.deps import ApiError, App, Env, page
from feedline.api.schemas import ERRORS, LatestPlan, Page, Space, SpaceIn
from feedline.events import model as topics
from feedline.jobs import queue
from feedline.store import repo

router = APIRouter(prefix="/v1/spaces", tags=["spaces"], responses=ERRORS)


@router.post("", status_code=201)
def create_space(body: SpaceIn, app: App, env: Env) -> Space:
    """Create a space for one sender, using a loaded feed (404 for an unknown feed, 409
    for a taken name)."""
    app.feed(body.feed)
    with app.begin() as conn:
        space = repo.create_space(conn, env, body.name.strip(), body.feed)
        app.emit(conn, topics.SPACE_CREATED, {"environment": env, "space": space.id},
                 {"name": space.name, "feed": space.feed})
    return space


@router.get("")
def list_spaces(app: App, env: Env, name: str | None = Query(None, max_length=200),
                limit: int = Query(100, ge=1, le=1000),
                cursor: str | None = Query(None, max_length=40)) -> Page[Space]:
    """Spaces in creation order (``name`` finds one by its exact name)."""
    with app.read() as conn:
        rows = repo.list_spaces(conn, env, name=name, limit=limit + 1, after=cursor)
    data, nxt = page(rows, limit, lambda s: s.id)
    return Page[Space](data=data, next_cursor=nxt)


@router.get("/{space_id}")
def get_space(space_id: str, app: App, env: Env) -> Space:
    with app.read() as conn:
        return repo.get_space(conn, space_id, env)


@router.get("/{space_id}/plans/latest")
def latest_plan(space_id: str, app: App, env: Env,
                sheet: str = Query(..., min_length=1, max_length=200)) -> LatestPlan:
    """The most recently used (accepted) plan of this space for ``sheet``."""
    with app.read() as conn:
        repo.get_space(conn, space_id, env)
        jobs, _ = queue.list_jobs(conn, env, space_id=space_id, operation="map", limit=10_000)
        for job in sorted(jobs, key=lambda j: j.updated_at or "", reverse=True):
            plan = queue.get_plan(conn, job.id)
            if plan and plan.get("sheet") == sheet and plan.get("state") == "accepted":
                return LatestPlan(**{**plan, "job_id": job.id, "job_status": job.status.value,
                                     "updated_at": job.updated_at})
    raise ApiError(404, "not-found", f"space {space_id} has no accepted plan for sheet {sheet!r} yet")
