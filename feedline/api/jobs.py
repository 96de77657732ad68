"""Jobs and their plans: look, correct, execute, cancel."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query

from feedline.api.deps import ApiError, App, Env
from feedline.api.schemas import ERRORS, ExecuteIn, Page, PlanEdit, PlanOut
from feedline.blueprint import SheetSpec
from feedline.errors import MappingError
from feedline.jobs import queue
from feedline.jobs.model import Job, Status
from feedline.pipeline import review
from feedline.store import repo

router = APIRouter(prefix="/v1/jobs", tags=["jobs"], responses=ERRORS)


@router.get("")
def list_jobs(app: App, env: Env, space_id: str | None = Query(None, max_length=40),
              file_id: str | None = Query(None, max_length=40),
              operation: str | None = Query(None, max_length=50),
              status: Status | None = None,
              limit: int = Query(100, ge=1, le=1000),
              cursor: str | None = Query(None, max_length=40)) -> Page[Job]:
    """Jobs in creation order, filtered by space, file, operation or status."""
    with app.read() as conn:
        data, nxt = queue.list_jobs(conn, env, space_id=space_id, file_id=file_id,
                                    operation=operation, status=status.value if status else None,
                                    limit=limit, cursor=cursor)
    return Page[Job](data=data, next_cursor=nxt)


@router.get("/{job_id}")
def get_job(job_id: str, app: App, env: Env) -> Job:
    with app.read() as conn:
        return queue.get_job(conn, job_id, env)


def _plan_context(app: App, env: str, job_id: str) -> tuple[Job, dict[str, Any] | None, SheetSpec]:
    with app.read() as conn:
        job = queue.get_job(conn, job_id, env)
        if job.operation != "map":
            raise ApiError(409, "conflict", f"job {job_id} is a {job.operation} job; only map jobs have plans")
        plan = queue.get_plan(conn, job_id)
        space = repo.get_space(conn, job.space_id or "")
    feed = app.feed(space.feed)
    slug = job.input.get("sheet")
    if not slug:
        raise ApiError(409, "conflict", f"job {job_id} has no destination sheet")
    return job, plan, feed.blueprint.sheet(slug).for_mapping()  # computed fields: never mapped


@router.get("/{job_id}/plan")
def get_plan(job_id: str, app: App, env: Env) -> PlanOut:
    """A map job's plan: every source column's destination, confidence and reason."""
    _, plan, _spec = _plan_context(app, env, job_id)
    if plan is None:
        raise ApiError(404, "not-found", f"job {job_id} has no plan yet")
    return PlanOut(**{**plan, "job_id": job_id})


@router.put("/{job_id}/plan")
def put_plan(job_id: str, app: App, env: Env, body: PlanEdit) -> PlanOut:
    """Replace the plan's field mappings with a person's decisions.

    Send ``{"fields": [{"source", "destination"}, …], "enums": {field: {value: option}}}``;
    columns not listed are left unmapped. Where the person's choice differs from the
    suggestion, memory learns not to suggest it again. ``POST …/execute`` then runs it.
    """
    if body.fields is None:
        raise ApiError(422, "invalid-request", "fields: a list of {source, destination} is required")
    fields, enums = _edits(body)
    job, current, spec = _plan_context(app, env, job_id)
    doc = review.editable(job, current)
    decisions = {f["source"]: f.get("destination") for f in fields}
    unknown = [src for src in decisions if src not in {f["source"] for f in doc["fields"]}]
    if unknown:
        raise ApiError(422, "invalid-plan", f"the file has no column {unknown[0]!r}")
    for f in doc["fields"]:
        decisions.setdefault(f["source"], None)
    return _store(app, job, doc, spec, decisions, enums)


@router.patch("/{job_id}/plan")
def patch_plan(job_id: str, app: App, env: Env, body: PlanEdit) -> PlanOut:
    """Change only the listed entries of the plan; everything else stays as proposed.

    Send ``{"fields": [{"source", "destination"}, …], "enums": {field: {value: option}}}``
    (both optional). Enum mappings of a field that moved to another column are recomputed.
    """
    fields, enums = _edits(body)
    job, current, spec = _plan_context(app, env, job_id)
    doc = review.editable(job, current)
    decisions = {f["source"]: f.get("destination") for f in fields}
    return _store(app, job, doc, spec, decisions, enums)


def _edits(body: PlanEdit) -> tuple[list[dict[str, Any]], dict[str, dict[str, str | None]]]:
    fields = [f.model_dump() for f in body.fields or []]
    sources = [f["source"] for f in fields]
    dupes = sorted({s for s in sources if sources.count(s) > 1})
    if dupes:
        raise ApiError(422, "invalid-plan", f"column {dupes[0]!r} appears twice in fields")
    return fields, body.enums


def _store(app: App, job: Job, doc: dict[str, Any], spec: SheetSpec,
           decisions: dict[str, str | None], enums: dict[str, Any]) -> PlanOut:
    try:
        new = review.edit_plan(app.context, job, doc, spec, decisions, enums)
    except MappingError as exc:
        raise ApiError(422, "invalid-plan", str(exc)) from None
    return PlanOut(**{**new, "job_id": job.id})


@router.post("/{job_id}/execute")
def execute(job_id: str, app: App, env: Env, body: ExecuteIn | None = None) -> Job:
    """A person accepts the job's plan: the map job runs with it. Send
    ``{"allow_missing_required": true}`` to run a plan that leaves required fields unmapped
    (the partner never sends them): every record then carries the ``required`` error."""
    options = body or ExecuteIn()
    job, plan, spec = _plan_context(app, env, job_id)
    try:
        return review.execute(app.context, job, plan, spec,
                              allow_missing_required=options.allow_missing_required)
    except MappingError as exc:
        raise ApiError(422, "invalid-plan", str(exc)) from None


@router.post("/{job_id}/cancel")
def cancel(job_id: str, app: App, env: Env) -> Job:
    """Cancel a job; a running one stops at its next progress report."""
    with app.begin() as conn:
        queue.get_job(conn, job_id, env)
        return queue.transition(conn, job_id, Status.CANCELED)
