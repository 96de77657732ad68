"""Egress: deliver a sheet on demand, its delivery runs, and batches that failed for good."""

from __future__ import annotations

import uuid
from typing import Any

import polars as pl
import sqlalchemy as sa
from fastapi import APIRouter, Body, Query

from feedline.api.deps import ApiError, App, Env
from feedline.jobs import queue
from feedline.pipeline.deliver import manifest_key
from feedline.store import repo
from feedline.store import tables as t
from feedline.store.db import iso

router = APIRouter(tags=["egress"])
R, D = t.egress_runs, t.egress_dead_letters


def _destination_sheet(app: App, conn: sa.Connection, env: str, sheet_id: str) -> tuple[Any, Any, Any]:
    sheet = repo.get_sheet(conn, sheet_id, env)
    wb = repo.get_workbook(conn, sheet.workbook_id)
    if wb.kind != "destination":
        raise ApiError(409, "conflict", f"sheet {sheet_id} holds extracted source data; "
                                        "only destination sheets are delivered")
    return sheet, wb, repo.get_space(conn, wb.space_id)


@router.post("/v1/sheets/{sheet_id}/egress", status_code=202)
def deliver_now(sheet_id: str, app: App, env: Env,
                body: dict[str, Any] = Body(default_factory=dict)) -> dict[str, Any]:
    """Deliver the sheet now: ``{"full": false, "destinations": ["name", …]}`` (both
    optional). Sends what no run sent yet (``full``: every record again) → 202 with the job."""
    unknown = sorted(set(body) - {"full", "destinations"})
    if unknown:
        raise ApiError(422, "invalid-request", f"unknown option(s): {', '.join(unknown)}")
    full = body.get("full", False)
    names = body.get("destinations")
    if not isinstance(full, bool):
        raise ApiError(422, "invalid-request", "full: expected true or false")
    if names is not None and (not isinstance(names, list) or not all(isinstance(n, str) for n in names)):
        raise ApiError(422, "invalid-request", "destinations: expected a list of names")
    with app.begin() as conn:
        sheet, wb, space = _destination_sheet(app, conn, env, sheet_id)
        feed = app.feed(space.feed)
        known = {d.name for d in feed.destinations}
        if not known:
            raise ApiError(409, "conflict", f"feed {feed.name!r} has no egress destinations")
        missing = sorted(set(names or ()) - known)
        if missing:
            raise ApiError(422, "invalid-request", f"feed {feed.name!r} has no destination "
                           f"{missing[0]!r} (destinations: {', '.join(sorted(known))})")
        job = queue.create_job(
            conn, environment_id=env, operation="egress", space_id=space.id, file_id=wb.file_id,
            input={"sheet_id": sheet.id, "sheet": sheet.slug, "full": full,
                   "destinations": names, "trigger": "request"},
            dedupe_key=f"egress:{sheet.id}:r{uuid.uuid4().hex}", max_attempts=app.settings.max_attempts)
    return job.model_dump(mode="json")


def _run(row: Any) -> dict[str, Any]:
    return {"id": row.id, "destination": row.destination, "status": row.status,
            "full": row.full, "from_seq": row.from_seq, "upto_seq": row.upto_seq,
            "segment_version": row.segment_version, "job_id": row.job_id, "sent": row.sent,
            "held": row.held, "report": row.report, "error": row.error,
            "created_at": iso(row.created_at), "finished_at": iso(row.finished_at)}


@router.get("/v1/sheets/{sheet_id}/egress")
def list_runs(sheet_id: str, app: App, env: Env, limit: int = Query(100, ge=1, le=1000),
              cursor: str | None = Query(None, max_length=40)) -> dict[str, Any]:
    """The sheet's delivery runs, newest first."""
    with app.read() as conn:
        _destination_sheet(app, conn, env, sheet_id)
        q = sa.select(R).where(R.c.sheet_id == sheet_id)
        if cursor:
            q = q.where(R.c.id < cursor)
        rows = conn.execute(q.order_by(R.c.id.desc()).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    return {"data": [_run(r) for r in rows], "next_cursor": rows[-1].id if more and rows else None}


@router.get("/v1/sheets/{sheet_id}/records/{record_id}/deliveries")
def record_deliveries(sheet_id: str, record_id: int, app: App, env: Env) -> dict[str, Any]:
    """Which run delivered which version of one record, to which destination."""
    with app.read() as conn:
        _destination_sheet(app, conn, env, sheet_id)
        runs = conn.execute(sa.select(R).where(R.c.sheet_id == sheet_id, R.c.status == "committed")
                            .order_by(R.c.created_at)).all()
    out = []
    for run in runs:
        key = manifest_key(sheet_id, run.destination, run.id)
        if not app.blobs.exists(key):
            continue
        hit = app.blobs.read_parquet(key).filter(pl.col("_id") == record_id)
        out += [{"destination": run.destination, "run_id": run.id, "version": int(v),
                 "delivered_at": iso(run.finished_at)} for v in hit["_version"].to_list()]
    return {"data": out}


def _letter(row: Any, payload: bool = False) -> dict[str, Any]:
    out = {"id": row.id, "space_id": row.space_id, "sheet_id": row.sheet_id,
           "run_id": row.run_id, "destination": row.destination, "batch": row.batch,
           "idempotency_key": row.idempotency_key, "records": row.records, "error": row.error,
           "bytes": len(row.payload), "created_at": iso(row.created_at)}
    if payload:
        out["payload"] = bytes(row.payload).decode("utf-8", "replace")
    return out


@router.get("/v1/dead-letters")
def list_dead_letters(app: App, env: Env, space_id: str | None = None,
                      sheet_id: str | None = None, limit: int = Query(100, ge=1, le=1000),
                      cursor: int | None = Query(None, ge=0, le=2**62)) -> dict[str, Any]:
    """Batches a destination refused or never acknowledged, newest first."""
    q = sa.select(D).where(D.c.environment_id == env)
    if space_id:
        q = q.where(D.c.space_id == space_id)
    if sheet_id:
        q = q.where(D.c.sheet_id == sheet_id)
    if cursor is not None:
        q = q.where(D.c.id < cursor)
    with app.read() as conn:
        rows = conn.execute(q.order_by(D.c.id.desc()).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    return {"data": [_letter(r) for r in rows], "next_cursor": rows[-1].id if more and rows else None}


@router.get("/v1/dead-letters/{letter_id}")
def get_dead_letter(letter_id: int, app: App, env: Env) -> dict[str, Any]:
    """One dead letter with the batch it held (the exact body that was sent)."""
    with app.read() as conn:
        row = conn.execute(sa.select(D).where(D.c.id == letter_id, D.c.environment_id == env)).first() \
            if 0 <= letter_id < 2**62 else None
    if row is None:
        raise ApiError(404, "not-found", f"dead letter {letter_id} not found")
    return _letter(row, payload=True)
