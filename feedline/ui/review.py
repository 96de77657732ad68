"""The mapping review: a waiting plan's columns, enum values and drift, and a person's
verdicts (apply, skip this sheet, reject the file, read it again)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from feedline.blueprint.model import SheetSpec
from feedline.errors import ConfigError, Conflict, MappingError
from feedline.jobs import queue
from feedline.jobs.model import Job, Status
from feedline.mapping import Plan
from feedline.mapping.plan import REASON_CODES
from feedline.pipeline import review, triage
from feedline.store import repo
from feedline.store.models import File, Space
from feedline.ui.auth import Session, check_csrf, check_space, require
from feedline.ui.pages import fl
from feedline.ui.render import page

router = APIRouter(include_in_schema=False)

REASONS = {
    "person": "a person chose this", "remembered": "remembered from an earlier delivery",
    "renamed": "the column was renamed since last time; its values match",
    "exact": "the header is the field's name", "alias": "the header is a known name of the field",
    "normalized": "the header means the same as the field name",
    "fuzzy": "the header looks like the field name",
    "cognate": "the header is a word of the same origin in another language", "values": "the values look like this field",
    "eliminated": "the only field left that fits", "unmapped": "no field fits",
}
assert set(REASONS) == set(REASON_CODES)


@dataclass
class ReviewContext:
    job: Job
    doc: dict[str, Any]
    spec: SheetSpec
    space: Space
    file: File
    source: Any


def load(request: Request, session: Session, job_id: str) -> ReviewContext:
    app = fl(request)
    with app.read() as conn:
        job = queue.get_job(conn, job_id, session.environment)
        check_space(session, job.space_id or "")
        if job.operation != "map":
            raise Conflict(f"job {job_id} is a {job.operation} job; only map jobs have a mapping")
        doc = queue.get_plan(conn, job_id)
        space = repo.get_space(conn, job.space_id or "")
        file = repo.get_file(conn, job.file_id or "")
        source = repo.get_sheet(conn, job.input["source_sheet_id"])
    slug = job.input.get("sheet")
    if not slug:
        raise Conflict(f"no route of feed {space.feed!r} matches file {file.name!r}")
    spec = app.feed(space.feed).blueprint.sheet(slug).for_mapping()
    return ReviewContext(job, doc or {}, spec, space, file, source)


def view_model(request: Request, rc: ReviewContext, session: Session) -> dict[str, Any]:
    """Everything the review template shows, in the order a person reads it."""
    doc, spec = rc.doc, rc.spec
    plan = Plan.from_dict(doc, spec) if doc.get("fields") else None
    drift = (plan.drift if plan else None) or {}
    renamed_to = {new: old for old, new in (drift.get("renamed") or {}).items()}
    profiles = (rc.source.metadata or {}).get("profile") or {}
    passing = ("absolute", "strong") if doc.get("accuracy") != "exact" else ("absolute",)
    columns = []
    for i, m in enumerate(plan.fields if plan else []):
        prof = profiles.get(m.source) or {}
        filled = prof.get("non_empty")
        rows = (prof.get("non_empty") or 0) + (prof.get("empty") or 0)
        columns.append({
            "index": i, "source": m.source, "destination": m.destination,
            "sure": m.certainty in passing, "confidence": m.confidence, "certainty": m.certainty,
            "why": REASONS.get(m.reason_code, m.reason_code), "reason": m.reason,
            "samples": prof.get("samples") or [], "kind": prof.get("kind"),
            "filled": f"{round(100 * filled / rows)}% filled" if rows and filled is not None else None,
            "distinct": prof.get("distinct"),
            "drift": "renamed" if m.source in renamed_to else
                     "new" if m.source in (drift.get("added") or []) else None,
            "renamed_from": renamed_to.get(m.source),
        })
    mapped = set(plan.mapping().values()) if plan else set()
    required = [f for f in spec.fields if f.required and f.key not in mapped]
    enums = []
    for key, values in (plan.enums.items() if plan else []):
        f = spec.field(key)
        enums.append({"key": key, "label": f.label, "options": f.options, "mapped": key in mapped,
                      "values": [{"index": j, **v.to_dict()} for j, v in enumerate(values)]})
    with fl(request).read() as conn:
        waiting, _ = queue.list_jobs(conn, rc.space.environment_id, space_id=rc.space.id,
                                     operation="map", status=Status.NEEDS_REVIEW.value, limit=1000)
        book = repo.get_workbook(conn, rc.source.workbook_id)
    followers = [j for j in waiting if j.id != rc.job.id and j.input.get("sheet") == rc.job.input.get("sheet")]
    return {
        "rc": rc, "columns": columns, "fields": spec.fields, "required": required,
        "enums": enums, "removed": drift.get("removed") or [], "drift": drift,
        "reasons": doc.get("review_reasons") or [], "followers": followers,
        "waiting": rc.job.status == Status.NEEDS_REVIEW, "sheets": [s.name for s in book.sheets],
        "header_row": (rc.source.metadata or {}).get("header_row"),
        "warnings": (rc.source.metadata or {}).get("warnings") or [],
        "session": session,
    }


@router.get("/ui/jobs/{job_id}/review")
def review_page(request: Request, job_id: str, error: str | None = None) -> Response:
    session = require(request)
    rc = load(request, session, job_id)
    return page(request, "review.html", error=error, **view_model(request, rc, session))


def _choices(form: dict[str, Any], rc: ReviewContext) -> tuple[dict[str, str | None],
                                                               dict[str, dict[str, str | None]]]:
    """The person's changes: columns whose destination differs from the plan, enum values
    whose option differs."""
    decisions: dict[str, str | None] = {}
    for i, f in enumerate(rc.doc.get("fields") or []):
        key = f"col-{i}"
        if key in form:
            chosen = str(form[key] or "") or None
            if chosen != f.get("destination"):
                decisions[f["source"]] = chosen
    enums: dict[str, dict[str, str | None]] = {}
    for key, values in (rc.doc.get("enums") or {}).items():
        for j, v in enumerate(values):
            name = f"enum-{key}-{j}"
            if name in form:
                chosen = str(form[name] or "") or None
                if chosen != v.get("option"):
                    enums.setdefault(key, {})[v["value"]] = chosen
    return decisions, enums


@router.post("/ui/jobs/{job_id}/review")
async def apply(request: Request, job_id: str) -> Response:
    """Apply: store the person's decisions, execute the plan (memory learns it when the
    map job runs; the space's other deliveries waiting on the same sheet follow)."""
    session = require(request)
    form = await check_csrf(request, session)
    rc = load(request, session, job_id)
    app = fl(request)
    decisions, enums = _choices(form, rc)
    allow = str(form.get("allow_missing_required") or "") in ("1", "on", "true")
    try:
        doc = review.editable(rc.job, rc.doc)
        if decisions or enums:
            doc = review.edit_plan(app.context, rc.job, doc, rc.spec, decisions, enums)
        if form.get("action") == "save":
            return RedirectResponse(f"/ui/jobs/{job_id}/review?saved=1", status_code=303)
        review.execute(app.context, rc.job, doc, rc.spec, allow_missing_required=allow)
    except (MappingError, Conflict) as exc:
        fresh = load(request, session, job_id)
        return page(request, "review.html", status=422, error=str(exc),
                    **view_model(request, fresh, session))
    return RedirectResponse(f"/ui/spaces/{rc.space.id}?applied={job_id}", status_code=303)


def who(session: Session) -> str:
    return "operator" if session.operator else "link holder"


@router.post("/ui/jobs/{job_id}/skip")
async def skip(request: Request, job_id: str) -> Response:
    session = require(request)
    form = await check_csrf(request, session)
    rc = load(request, session, job_id)
    triage.skip_sheet(fl(request).context, rc.job, str(form.get("reason") or ""), who(session))
    return RedirectResponse(f"/ui/spaces/{rc.space.id}?skipped={job_id}", status_code=303)


def _file(request: Request, session: Session, file_id: str) -> File:
    with fl(request).read() as conn:
        file = repo.get_file(conn, file_id)
        space = repo.get_space(conn, file.space_id)
    if space.environment_id != session.environment:
        from feedline.errors import NotFound

        raise NotFound(f"file {file_id!r} not found")
    check_space(session, file.space_id)
    return file


@router.post("/ui/files/{file_id}/reject")
async def reject(request: Request, file_id: str) -> Response:
    session = require(request)
    form = await check_csrf(request, session)
    file = _file(request, session, file_id)
    back = str(form.get("back") or f"/ui/spaces/{file.space_id}")
    try:
        triage.reject_file(fl(request).context, file, str(form.get("reason") or ""), who(session))
    except ConfigError as exc:
        return RedirectResponse(_with(back, "error", str(exc)), status_code=303)
    return RedirectResponse(f"/ui/spaces/{file.space_id}?rejected={file_id}", status_code=303)


@router.post("/ui/files/{file_id}/reread")
async def reread(request: Request, file_id: str) -> Response:
    session = require(request)
    form = await check_csrf(request, session)
    file = _file(request, session, file_id)
    back = str(form.get("back") or f"/ui/spaces/{file.space_id}")
    choices = {k: form.get(k) for k in triage.REREAD_CHOICES}
    if choices.get("header_row") not in (None, ""):
        try:  # people count lines from 1; extraction counts from 0
            choices["header_row"] = int(str(choices["header_row"])) - 1
        except ValueError:
            return RedirectResponse(_with(back, "error", "header row: enter a line number"),
                                    status_code=303)
    try:
        triage.reread_file(fl(request).context, file, choices)
    except (ConfigError, Conflict) as exc:
        return RedirectResponse(_with(back, "error", str(exc)), status_code=303)
    return RedirectResponse(f"/ui/spaces/{file.space_id}?reread={file_id}", status_code=303)


def _with(path: str, key: str, value: str) -> str:
    from urllib.parse import quote

    from feedline.ui.auth import safe_next

    path = safe_next(path)
    return f"{path}{'&' if '?' in path else '?'}{key}={quote(value[:300])}"
