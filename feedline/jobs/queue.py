"""The job queue: create, claim with a lease, heartbeat, finish.

A claimed job carries a lease; a worker that dies stops renewing it, and once the lease
expires any worker may claim the job again (up to ``max_attempts``). On Postgres the claim
uses ``FOR UPDATE SKIP LOCKED``; on SQLite the write lock serializes claims.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import sqlalchemy as sa

from feedline.errors import Conflict, NotFound
from feedline.events import model as topics
from feedline.events import wakeup
from feedline.events.log import emit
from feedline.jobs.model import FINAL, TRANSITIONS, Job, Status
from feedline.store import tables as t
from feedline.store.db import iso, new_id, now

J = t.jobs


def _job(row: Any) -> Job:
    return Job(
        id=row.id, environment_id=row.environment_id, space_id=row.space_id,
        file_id=row.file_id, operation=row.operation, status=Status(row.status),
        progress=row.progress, info=row.info, input=row.input or {},
        outcome=row.outcome, attempts=row.attempts, max_attempts=row.max_attempts,
        created_at=iso(row.created_at), updated_at=iso(row.updated_at),
        lease_expires_at=iso(row.lease_expires_at), lease_owner=row.lease_owner,
        worker=row.worker,
    )


def _context(job: Job) -> dict[str, str | None]:
    return {"environment": job.environment_id, "space": job.space_id,
            "file": job.file_id, "job": job.id}


def create_job(conn: sa.Connection, *, environment_id: str, operation: str,
               space_id: str | None = None, file_id: str | None = None,
               input: dict[str, Any] | None = None, status: Status = Status.READY,
               dedupe_key: str | None = None, max_attempts: int = 3, run_after: Any = None) -> Job:
    """Create a job; with ``dedupe_key`` a second create returns the first job (idempotent)."""
    if dedupe_key:
        row = conn.execute(sa.select(J).where(J.c.dedupe_key == dedupe_key)).first()
        if row:
            return _job(row)
    ts = now()
    jid = new_id("job")
    conn.execute(J.insert().values(
        id=jid, environment_id=environment_id, space_id=space_id, file_id=file_id,
        operation=operation, status=status.value, dedupe_key=dedupe_key, progress=0.0,
        input=input or {}, attempts=0, max_attempts=max_attempts, run_after=run_after or ts,
        created_at=ts, updated_at=ts,
    ))
    job = get_job(conn, jid)
    emit(conn, topics.JOB_CREATED, _context(job), {"operation": operation, "status": status.value})
    wakeup.mark(conn)
    if status == Status.READY:
        emit(conn, topics.JOB_READY, _context(job), {"operation": operation})
    return job


def get_job(conn: sa.Connection, job_id: str, env_id: str | None = None) -> Job:
    q = sa.select(J).where(J.c.id == job_id)
    if env_id:
        q = q.where(J.c.environment_id == env_id)
    row = conn.execute(q).first()
    if not row:
        raise NotFound(f"job {job_id!r} not found")
    return _job(row)


def get_plan(conn: sa.Connection, job_id: str) -> dict[str, Any] | None:
    return conn.execute(sa.select(J.c.plan).where(J.c.id == job_id)).scalar_one_or_none()


def set_plan(conn: sa.Connection, job_id: str, plan: dict[str, Any]) -> None:
    conn.execute(J.update().where(J.c.id == job_id).values(plan=plan, updated_at=now()))


def list_jobs(conn: sa.Connection, env_id: str, *, space_id: str | None = None,
              file_id: str | None = None, operation: str | None = None,
              status: str | None = None, limit: int = 100,
              cursor: str | None = None) -> tuple[list[Job], str | None]:
    q = sa.select(J).where(J.c.environment_id == env_id)
    for col, value in ((J.c.space_id, space_id), (J.c.file_id, file_id),
                       (J.c.operation, operation), (J.c.status, status)):
        if value:
            q = q.where(col == value)
    if cursor:
        q = q.where(J.c.id > cursor)
    rows = conn.execute(q.order_by(J.c.id).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    return [_job(r) for r in rows], (rows[-1].id if more else None)


def claim(conn: sa.Connection, worker: str, lease_seconds: float,
          operations: list[str] | None = None, host: str | None = None) -> Job | None:
    """Take the oldest runnable job (ready, or executing with an expired lease)."""
    ts = now()
    runnable = sa.or_(
        J.c.status == Status.READY.value,
        sa.and_(J.c.status == Status.EXECUTING.value, J.c.lease_expires_at < ts),
    )
    q = sa.select(J.c.id, J.c.attempts, J.c.max_attempts).where(runnable, J.c.run_after <= ts)
    if operations:
        q = q.where(J.c.operation.in_(operations))
    q = q.order_by(J.c.created_at, J.c.id).limit(1)
    if conn.dialect.name == "postgresql":
        q = q.with_for_update(skip_locked=True)
    row = conn.execute(q).first()
    if row is None:
        return None
    if row.attempts >= row.max_attempts:
        finish(conn, row.id, Status.FAILED, info="gave up", outcome={"message": (
            f"gave up after {row.attempts} attempts: the worker running it stopped responding")})
        return None
    conn.execute(J.update().where(J.c.id == row.id).values(
        status=Status.EXECUTING.value, lease_owner=worker,
        lease_expires_at=ts + timedelta(seconds=lease_seconds),
        attempts=J.c.attempts + 1, updated_at=ts, worker=host or worker,
    ))
    return get_job(conn, row.id)


def heartbeat(conn: sa.Connection, job_id: str, worker: str, lease_seconds: float) -> bool:
    """Extend the lease; False when the job is no longer ours (canceled, re-claimed)."""
    result = conn.execute(J.update().where(
        (J.c.id == job_id) & (J.c.lease_owner == worker) & (J.c.status == Status.EXECUTING.value)
    ).values(lease_expires_at=now() + timedelta(seconds=lease_seconds)))
    return result.rowcount == 1


def progress(conn: sa.Connection, job_id: str, value: float, info: str | None = None) -> None:
    values: dict[str, Any] = {"progress": max(0.0, min(100.0, value)), "updated_at": now()}
    if info is not None:
        values["info"] = info
    conn.execute(J.update().where(J.c.id == job_id).values(**values))


def finish(conn: sa.Connection, job_id: str, status: Status, *, outcome: dict[str, Any] | None = None,
           info: str | None = None, payload: dict[str, Any] | None = None) -> Job:
    """Move a job to ``complete``, ``failed``, ``canceled`` or ``needs_review`` and emit its event."""
    job = get_job(conn, job_id)
    values: dict[str, Any] = {"status": status.value, "outcome": outcome, "lease_owner": None,
                              "lease_expires_at": None, "updated_at": now()}
    if status == Status.COMPLETE:
        values["progress"] = 100.0
    if info is not None:
        values["info"] = info
    conn.execute(J.update().where(J.c.id == job_id).values(**values))
    topic = {Status.COMPLETE: topics.JOB_COMPLETED, Status.FAILED: topics.JOB_FAILED,
             Status.NEEDS_REVIEW: topics.JOB_NEEDS_REVIEW}.get(status)
    if topic:
        emit(conn, topic, _context(job), {"operation": job.operation, **(payload or {}),
                                          "outcome": outcome})
    return get_job(conn, job_id)


def retry_later(conn: sa.Connection, job_id: str, delay: float, info: str) -> None:
    """Put a job back to ``ready`` after a transient failure."""
    wakeup.mark(conn)
    conn.execute(J.update().where(J.c.id == job_id).values(
        status=Status.READY.value, lease_owner=None, lease_expires_at=None, info=info,
        run_after=now() + timedelta(seconds=delay), updated_at=now()))


def defer(conn: sa.Connection, job_id: str, delay: float, info: str) -> None:
    """Put a job back to ``ready`` for later without counting the attempt it was on."""
    conn.execute(J.update().where(J.c.id == job_id).values(
        status=Status.READY.value, lease_owner=None, lease_expires_at=None, info=info,
        attempts=J.c.attempts - 1, run_after=now() + timedelta(seconds=delay), updated_at=now()))


def transition(conn: sa.Connection, job_id: str, to: Status) -> Job:
    """A person's move (execute a reviewed plan, cancel); refuses moves the state forbids."""
    job = get_job(conn, job_id)
    current = job.status
    if to not in TRANSITIONS[current]:
        raise Conflict(f"job {job_id} is {current.value}; it cannot become {to.value}")
    if to in FINAL:
        return finish(conn, job_id, to)
    conn.execute(J.update().where(J.c.id == job_id).values(
        status=to.value, run_after=now(), updated_at=now()))
    if to == Status.READY:
        emit(conn, topics.JOB_READY, _context(job), {"operation": job.operation})
    return get_job(conn, job_id)

