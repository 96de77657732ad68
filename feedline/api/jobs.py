"""Jobs and their plans: look, correct, execute, cancel."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, Query

from feedline.api.deps import ApiError, App, Env
from feedline.blueprint import SheetSpec
from feedline.errors import MappingError
from feedline.jobs import queue
from feedline.jobs.model import Status
from feedline.mapping import Plan, gate

router = APIRouter(prefix="/v1/jobs", tags=["jobs"])
EDITABLE = {Status.NEEDS_REVIEW.value, Status.CREATED.value}


@router.get("")
def list_jobs(app: App, env: Env, space_id: str | None = None, file_id: str | None = None,
              operation: str | None = None, status: str | None = None,
              limit: int = Query(100, ge=1, le=1000), cursor: str | None = None) -> dict[str, Any]:
    with app.engine.connect() as conn:
        data, nxt = queue.list_jobs(conn, env, space_id=space_id, file_id=file_id,
                                    operation=operation, status=status, limit=limit, cursor=cursor)
    return {"data": data, "next_cursor": nxt}


@router.get("/{job_id}")
def get_job(job_id: str, app: App, env: Env) -> dict[str, Any]:
    with app.engine.connect() as conn:
        return queue.get_job(conn, job_id, env)


def _plan_context(app: App, env: str, job_id: str) -> tuple[dict[str, Any], dict[str, Any] | None, SheetSpec]:
    from feedline.store import repo

    with app.engine.connect() as conn:
        job = queue.get_job(conn, job_id, env)
        if job["operation"] != "map":
            raise ApiError(409, "conflict", f"job {job_id} is a {job['operation']} job; only map jobs have plans")
        plan = queue.get_plan(conn, job_id)
        space = repo.get_space(conn, job["space_id"])
    feed = app.feed(space["feed"])
    slug = job["input"].get("sheet")
    if not slug:
        raise ApiError(409, "conflict", f"job {job_id} has no destination sheet")
    return job, plan, feed.blueprint.sheet(slug).for_mapping()  # computed fields: never mapped


@router.get("/{job_id}/plan")
def get_plan(job_id: str, app: App, env: Env) -> dict[str, Any]:
    _, plan, _spec = _plan_context(app, env, job_id)
    if plan is None:
        raise ApiError(404, "not-found", f"job {job_id} has no plan yet")
    return {"job_id": job_id, **plan}


@router.put("/{job_id}/plan")
def put_plan(job_id: str, app: App, env: Env, body: dict[str, Any] = Body(...)) -> dict[str, Any]:
    """Replace the plan's field (and enum) mappings with a person's decisions.

    Send ``{"fields": [{"source", "destination"}, …], "enums": {…}}``; the plan is
    re-checked and stored as the person's. ``POST …/execute`` then runs it.
    """
    job, current, spec = _plan_context(app, env, job_id)
    if job["status"] not in EDITABLE:
        raise ApiError(409, "conflict", f"job {job_id} is {job['status']}; its plan can no longer change")
    fields = body.get("fields")
    if not isinstance(fields, list):
        raise ApiError(422, "invalid-request", "fields: a list of {source, destination} is required")
    old = {f["source"]: f for f in (current or {}).get("fields", [])}
    merged = []
    given = set()
    for f in fields:
        if not isinstance(f, dict) or "source" not in f:
            raise ApiError(422, "invalid-request", "fields: each item needs 'source' and 'destination'")
        if f["source"] not in old:
            raise ApiError(422, "invalid-plan", f"the file has no column {f['source']!r}")
        if f["source"] in given:
            raise ApiError(422, "invalid-plan", f"column {f['source']!r} appears twice")
        given.add(f["source"])
        prior = old.get(f["source"], {})
        changed = prior.get("destination") != f.get("destination") or not prior
        merged.append({
            "source": f["source"], "destination": f.get("destination"),
            "confidence": 1.0 if changed else prior.get("confidence", 1.0),
            "certainty": "absolute" if changed else prior.get("certainty", "absolute"),
            "reason": "set by a person" if changed else prior.get("reason", "set by a person"),
            "reason_code": "person" if changed else prior.get("reason_code", "person"),
        })
    # Columns the person did not mention stay unmapped: PUT replaces the whole plan.
    merged += [{"source": src, "destination": None, "confidence": 1.0, "certainty": "absolute",
                "reason": "left unmapped by a person", "reason_code": "person"}
               for src in old if src not in given]
    order = list(old)
    merged.sort(key=lambda f: order.index(f["source"]))
    data = {**(current or {}), "sheet": spec.slug, "fields": merged,
            "enums": body.get("enums", (current or {}).get("enums", {}))}
    try:
        plan = Plan.from_dict(data, spec)
    except MappingError as exc:
        raise ApiError(422, "invalid-plan", str(exc)) from None
    _ok, reasons = gate(plan, spec, "any", max_unmapped_enum_share=1.0)
    doc = {**data, **plan.to_dict(), "state": "proposed", "accepted_by": None,
           "suggested": (current or {}).get("suggested", {}), "review_reasons": reasons,
           "auto_accept": False}
    with app.begin() as conn:
        queue.set_plan(conn, job_id, doc)
    return {"job_id": job_id, **doc}


@router.patch("/{job_id}/plan")
def patch_plan(job_id: str, app: App, env: Env, body: dict[str, Any] = Body(...)) -> dict[str, Any]:
    """Change only the listed entries of the plan; everything else stays as proposed.

    Send ``{"fields": [{"source", "destination"}, …], "enums": {field: {value: option}}}``
    (both optional). Enum mappings of a field that moved to another column are recomputed.
    """
    from feedline.mapping import patch

    job, current, spec = _plan_context(app, env, job_id)
    if job["status"] not in EDITABLE:
        raise ApiError(409, "conflict", f"job {job_id} is {job['status']}; its plan can no longer change")
    if current is None:
        raise ApiError(409, "conflict", f"job {job_id} has no plan to change yet")
    fields, enums = body.get("fields") or [], body.get("enums") or {}
    if not isinstance(fields, list) or not all(isinstance(f, dict) and "source" in f for f in fields):
        raise ApiError(422, "invalid-request", "fields: a list of {source, destination} is required")
    if not isinstance(enums, dict) or not all(isinstance(v, dict) for v in enums.values()):
        raise ApiError(422, "invalid-request", "enums: an object {field: {value: option}} is required")
    decisions = {f["source"]: f.get("destination") for f in fields}
    if len(decisions) != len(fields):
        raise ApiError(422, "invalid-plan", "a column appears twice in fields")
    try:
        plan = Plan.from_dict(current, spec)
        frame = _source_frame(app, job) if decisions else None
        plan = patch(plan, decisions, enums, spec, frame)
    except MappingError as exc:
        raise ApiError(422, "invalid-plan", str(exc)) from None
    _ok, reasons = gate(plan, spec, "any", max_unmapped_enum_share=1.0)
    doc = {**current, **plan.to_dict(), "state": "proposed", "accepted_by": None,
           "review_reasons": reasons, "auto_accept": False}
    with app.begin() as conn:
        queue.set_plan(conn, job_id, doc)
    return {"job_id": job_id, **doc}


def _source_frame(app: App, job: dict[str, Any]) -> Any:
    """The map job's extracted source table."""
    import polars as pl

    from feedline.store import repo

    with app.engine.connect() as conn:
        source = repo.get_sheet(conn, job["input"]["source_sheet_id"])
    return pl.read_parquet(app.blobs.path(source["blob_key"]))


@router.post("/{job_id}/execute")
def execute(job_id: str, app: App, env: Env) -> dict[str, Any]:
    """A person accepts the job's plan: the map job runs with it."""
    _job, plan, spec = _plan_context(app, env, job_id)
    if plan is None:
        raise ApiError(409, "conflict", f"job {job_id} has no plan to execute yet")
    checked = Plan.from_dict(plan, spec)
    ok, reasons = gate(checked, spec, "any", max_unmapped_enum_share=1.0)
    if not ok:
        raise ApiError(422, "invalid-plan", "the plan cannot run: " + "; ".join(reasons))
    with app.begin() as conn:
        current = queue.get_job(conn, job_id)
        if current["status"] != Status.NEEDS_REVIEW.value:
            raise ApiError(409, "conflict", f"job {job_id} is {current['status']}, not waiting for review")
        queue.set_plan(conn, job_id, {**plan, "state": "accepted", "accepted_by": "person"})
        return queue.transition(conn, job_id, Status.READY)


@router.post("/{job_id}/cancel")
def cancel(job_id: str, app: App, env: Env) -> dict[str, Any]:
    with app.begin() as conn:
        queue.get_job(conn, job_id, env)
        return queue.transition(conn, job_id, Status.CANCELED)
