"""Egress: deliver a sheet on demand, its delivery runs, and batches that failed for good."""

from __future__ import annotations

import uuid
from typing import Any

import polars as pl
import sqlalchemy as sa
from fastapi import APIRouter, Path, Query

from feedline.api.deps import MAX_INT, ApiError, App, Env, page
from feedline.api.schemas import (
    ERRORS,
    DeadLetter,
    DeliveredList,
    EgressIn,
    EgressRun,
    Job,
    Page,
)
from feedline.jobs import queue
from feedline.pipeline.deliver import manifest_key
from feedline.store import repo
from feedline.store import tables as t
from feedline.store.db import iso

router = APIRouter(tags=["egress"], responses=ERRORS)
R, D = t.egress_runs, t.egress_dead_letters


def _destination_sheet(app: App, conn: sa.Connection, env: str, sheet_id: str) -> tuple[Any, Any, Any]:
    sheet = repo.get_sheet(conn, sheet_id, env)
    wb = repo.get_workbook(conn, sheet.workbook_id)
    if wb.kind != "destination":
        raise ApiError(409, "conflict", f"sheet {sheet_id} holds extracted source data; "
                                        "only destination sheets are delivered")
    return sheet, wb, repo.get_space(conn, wb.space_id)


@router.post("/v1/sheets/{sheet_id}/egress", status_code=202)
def deliver_now(sheet_id: str, app: App, env: Env, body: EgressIn | None = None) -> Job:
    """Deliver the sheet now → 202 with the egress job. Sends what no run sent yet
    (``full``: every record again), to every destination or the ones named."""
    options = body or EgressIn()
    with app.begin() as conn:
        sheet, wb, space = _destination_sheet(app, conn, env, sheet_id)
        feed = app.feed(space.feed)
        known = {d.name for d in feed.destinations}
        if not known:
            raise ApiError(409, "conflict", f"feed {feed.name!r} has no egress destinations")
        missing = sorted(set(options.destinations or ()) - known)
        if missing:
            raise ApiError(422, "invalid-request", f"feed {feed.name!r} has no destination "
                           f"{missing[0]!r} (destinations: {', '.join(sorted(known))})")
        return queue.create_job(
            conn, environment_id=env, operation="egress", space_id=space.id, file_id=wb.file_id,
            input={"sheet_id": sheet.id, "sheet": sheet.slug, "full": options.full,
                   "destinations": options.destinations, "trigger": "request"},
            dedupe_key=f"egress:{sheet.id}:r{uuid.uuid4().hex}", max_attempts=app.settings.max_attempts)


def _run(row: Any) -> EgressRun:
    return EgressRun(**{"id": row.id, "destination": row.destination, "status": row.status,
            "full": row.full, "from_seq": row.from_seq, "upto_seq": row.upto_seq,
            "segment_version": row.segment_version, "job_id": row.job_id, "sent": row.sent,
            "held": row.held, "report": row.report, "error": row.error,
            "created_at": iso(row.created_at), "finished_at": iso(row.finished_at)})


@router.get("/v1/sheets/{sheet_id}/egress")
def list_runs(sheet_id: str, app: App, env: Env, limit: int = Query(100, ge=1, le=1000),
              cursor: str | None = Query(None, max_length=40)) -> Page[EgressRun]:
    """The sheet's delivery runs, newest first."""
    with app.read() as conn:
        _destination_sheet(app, conn, env, sheet_id)
        q = sa.select(R).where(R.c.sheet_id == sheet_id)
        if cursor:
            q = q.where(R.c.id < cursor)
        rows = conn.execute(q.order_by(R.c.id.desc()).limit(limit + 1)).all()
    data, nxt = page(rows, limit, lambda r: r.id)
    return Page[EgressRun](data=[_run(r) for r in data], next_cursor=nxt)


@router.get("/v1/sheets/{sheet_id}/records/{record_id}/deliveries")
def record_deliveries(sheet_id: str, app: App, env: Env,
                      record_id: int = Path(..., ge=1, le=MAX_INT)) -> DeliveredList:
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
    return DeliveredList.model_validate({"data": out})


def _letter(row: Any, payload: bool = False) -> DeadLetter:
    out = {"id": row.id, "space_id": row.space_id, "sheet_id": row.sheet_id,
           "run_id": row.run_id, "destination": row.destination, "batch": row.batch,
           "idempotency_key": row.idempotency_key, "records": row.records, "error": row.error,
           "bytes": len(row.payload), "created_at": iso(row.created_at)}
    if payload:
        out["payload"] = bytes(row.payload).decode("utf-8", "replace")
    return DeadLetter(**out)


@router.get("/v1/dead-letters")
def list_dead_letters(app: App, env: Env, space_id: str | None = None,
                      sheet_id: str | None = None, limit: int = Query(100, ge=1, le=1000),
                      cursor: int | None = Query(None, ge=0, le=MAX_INT)) -> Page[DeadLetter]:
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
    data, nxt = page(rows, limit, lambda r: r.id)
    return Page[DeadLetter](data=[_letter(r) for r in data], next_cursor=nxt)


@router.get("/v1/dead-letters/{letter_id}")
def get_dead_letter(app: App, env: Env,
                    letter_id: int = Path(..., ge=1, le=MAX_INT)) -> DeadLetter:
    """One dead letter with the batch it held (the exact body that was sent)."""
    with app.read() as conn:
        row = conn.execute(sa.select(D).where(D.c.id == letter_id, D.c.environment_id == env)).first()
    if row is None:
        raise ApiError(404, "not-found", f"dead letter {letter_id} not found")
    return _letter(row, payload=True)
