"""Deliver a sheet's records to its feed's destinations, each record version exactly once.

Every delivery of a sheet to one destination is an egress *run*, a row of
``egress_runs``: its id (the destination's idempotency key, the same on every retry), and
the edits it covers, ``(from_seq, upto_seq]`` of one segment version. A run reads that
snapshot only, so a retry after a crash sends the same records in the same batches, and
the destination commits them once. A later run starts where the last one that sent
stopped: it sends what was edited, added or re-validated since (a record a person fixed
follows on its own), unless a full resend is asked for.

Which records go depends on the feed's policy: ``valid-only`` sends the valid ones and
holds the rest (they go once fixed), ``all`` sends every record with its messages, and
``all-or-nothing`` sends nothing while any record of the sheet is invalid.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath
from typing import Any

import polars as pl
import sqlalchemy as sa

from feedline.blueprint.model import SheetSpec
from feedline.egress import frames
from feedline.egress.base import RunInfo
from feedline.errors import TerminalError
from feedline.events import model as topics
from feedline.feeds import Feed, FeedDestination
from feedline.jobs import queue
from feedline.jobs.model import FINAL, Defer, Job
from feedline.pipeline.context import Context
from feedline.records import overlay
from feedline.records.view import Query, SheetView
from feedline.store import repo
from feedline.store import tables as t
from feedline.store.db import aware, iso, new_id, now
from feedline.store.models import Sheet

R = t.egress_runs
RUNNING, COMMITTED, HELD, FAILED = "running", "committed", "held", "failed"


@dataclass(frozen=True)
class Run:
    """One egress run (see the module docstring)."""

    id: str
    destination: str
    status: str
    full: bool
    segment_version: int
    from_seq: int
    upto_seq: int
    job_id: str | None
    state: dict[str, Any]
    created_at: datetime

    @classmethod
    def of(cls, row: Any) -> Run:
        return cls(row.id, row.destination, row.status, row.full, row.segment_version,
                   row.from_seq, row.upto_seq, row.job_id, dict(row.state or {}),
                   aware(row.created_at) or now())


class StoredState:
    """A run's key/value state in its ``egress_runs`` row, saved on every ``set``."""

    def __init__(self, ctx: Context, run: Run) -> None:
        self.ctx, self.run_id, self.data = ctx, run.id, dict(run.state)

    def get(self, key: str) -> Any:
        return self.data.get(key)

    def set(self, key: str, value: Any) -> None:
        self.data[key] = value
        with self.ctx.write() as conn:
            conn.execute(R.update().where(R.c.id == self.run_id).values(state=dict(self.data)))


class StoredDeadLetters:
    """Batches a destination gave up on, kept in ``egress_dead_letters`` for the API."""

    def __init__(self, ctx: Context, run: Run, sheet: Sheet, space_id: str, env: str) -> None:
        self.ctx, self.run, self.sheet_id = ctx, run, sheet.id
        self.space_id, self.env = space_id, env
        self.count = 0

    def add(self, *, batch: int, idempotency_key: str, records: int, error: str,
            payload: bytes) -> None:
        with self.ctx.write() as conn:
            conn.execute(t.egress_dead_letters.insert().values(
                environment_id=self.env, space_id=self.space_id, sheet_id=self.sheet_id,
                run_id=self.run.id, destination=self.run.destination, batch=batch,
                idempotency_key=idempotency_key, records=records, error=error,
                payload=payload, created_at=now()))
        self.count += 1


def deliver(ctx: Context, job: Job, feed: Feed) -> dict[str, Any]:
    """Run the sheet's delivery to each of the feed's destinations (those named in the
    job's input, or all); the job's outcome."""
    sheet_id = job.input["sheet_id"]
    full = bool(job.input.get("full"))
    wanted = job.input.get("destinations")
    with ctx.read() as conn:
        space = repo.get_space(conn, job.space_id or "")
        sheet = repo.get_sheet(conn, sheet_id)
        wb = repo.get_workbook(conn, sheet.workbook_id)
        file = repo.get_file(conn, wb.file_id) if wb.file_id else None
    spec = feed.blueprint.sheet(sheet.slug)
    unknown = sorted(set(wanted or ()) - {d.name for d in feed.destinations})
    if unknown:
        raise TerminalError(f"feed {feed.name!r} has no destination {unknown[0]!r}")
    results: list[dict[str, Any]] = []
    for dest in feed.destinations:
        if wanted and dest.name not in wanted:
            continue
        run = claim_run(ctx, job, sheet, dest.name, full)
        if run is None:
            results.append({"name": dest.name, "type": dest.type, "status": "up to date",
                            "sent": 0, "held": 0})
            continue
        results.append(run_once(ctx, run, dest, spec, feed.policy, sheet, space.name,
                                space.id, space.environment_id,
                                PurePath(file.name).stem if file else "records", wb.file_id))
    return _finish(ctx, job, sheet, space.id, space.environment_id, results)


def claim_run(ctx: Context, job: Job, sheet: Sheet, destination: str, full: bool) -> Run | None:
    """The run this job is to do for one destination: an unfinished one it may take over,
    or a new one covering every edit since the last run that sent; None when nothing is
    new. Another job's live run makes this one wait (:class:`Defer`)."""
    with ctx.write() as conn:
        current = repo.get_sheet(conn, sheet.id, lock=True)  # edits wait: no seq slips by
        open_row = conn.execute(sa.select(R).where(
            R.c.sheet_id == sheet.id, R.c.destination == destination, R.c.status == RUNNING)
            .order_by(R.c.created_at)).first()
        if open_row is not None:
            owner = open_row.job_id
            if owner and owner != job.id and not _finished(conn, owner):
                raise Defer(2.0, f"job {owner} is delivering sheet {sheet.id} to {destination}")
            conn.execute(R.update().where(R.c.id == open_row.id).values(job_id=job.id))
            return Run.of(open_row)
        if not current.segment_version:
            return None
        last = conn.execute(sa.select(R.c.upto_seq).where(
            R.c.sheet_id == sheet.id, R.c.destination == destination, R.c.status == COMMITTED)
            .order_by(R.c.upto_seq.desc()).limit(1)).scalar()
        upto = overlay.max_seq(conn, sheet.id)
        start = -1 if full or last is None else int(last)
        if start >= 0 and upto <= start:
            return None
        rid = new_id("run")
        conn.execute(R.insert().values(
            id=rid, environment_id=job.environment_id, space_id=job.space_id or "",
            sheet_id=sheet.id, destination=destination, status=RUNNING, full=full,
            segment_version=current.segment_version, from_seq=start, upto_seq=upto,
            job_id=job.id, state={}, created_at=now()))
        return Run.of(conn.execute(sa.select(R).where(R.c.id == rid)).one())


def _finished(conn: sa.Connection, job_id: str) -> bool:
    try:
        return queue.get_job(conn, job_id).status in FINAL
    except TerminalError:
        return True


def run_once(ctx: Context, run: Run, dest: FeedDestination, spec: SheetSpec, policy: str,
             sheet: Sheet, space: str, space_id: str, env: str, file: str,
             file_id: str | None) -> dict[str, Any]:
    """Deliver one run's records to its destination (idempotent by the run's id)."""
    with ctx.read() as conn:
        view = SheetView.open(conn, ctx.blobs, sheet, spec, upto=run.upto_seq,
                              version=run.segment_version)
    letters = StoredDeadLetters(ctx, run, sheet, space_id, env)
    info = RunInfo(run_id=run.id, space=space, space_id=space_id, sheet=sheet.slug,
                   sheet_id=sheet.id, file=file, file_id=file_id, started_at=run.created_at,
                   spec=spec, policy=policy, root=ctx.settings.data_dir,
                   state=StoredState(ctx, run), dead_letters=letters)
    if policy == "all-or-nothing" and view.count(Query(filter="invalid")):
        held = sum(b.height for b in _changed(view, run, messages=False))
        _close(ctx, run, HELD, sent=0, held=held, report=None)
        return {"name": dest.name, "type": dest.type, "status": "held", "sent": 0,
                "held": held, "run_id": run.id,
                "reason": "records of the sheet are invalid (policy all-or-nothing)"}
    target = dest.destination.open(info)
    sent_ids: list[pl.DataFrame] = []
    held = 0
    try:
        delivery = target.committed()
        for batch in _changed(view, run, messages=policy == "all"):
            if policy == "valid-only":
                held += int((~batch["_valid"]).sum())
                batch = batch.filter(pl.col("_valid"))
            sent_ids.append(batch.select("_id", "_version"))
            if delivery is None:
                target.write(frames.typed_batch(batch, spec, policy))
        if delivery is None:
            delivery = target.commit()
    except BaseException as exc:
        target.abort()
        if isinstance(exc, TerminalError):
            _close(ctx, run, FAILED, sent=0, held=held, report=None, error=str(exc))
        raise
    manifest = pl.concat(sent_ids) if sent_ids else pl.DataFrame(
        schema={"_id": pl.Int64, "_version": pl.Int64})
    ctx.blobs.write_parquet(manifest_key(sheet.id, dest.name, run.id), manifest)
    _close(ctx, run, COMMITTED, sent=manifest.height, held=held, report=delivery.to_json())
    return {"name": dest.name, "type": dest.type, "status": "delivered",
            "location": delivery.location, "path": delivery.location if dest.type == "file" else None,
            "sent": manifest.height, "held": held, "rows": delivery.rows,
            "dead_letters": delivery.dead_letters, "run_id": run.id}


def _changed(view: SheetView, run: Run, messages: bool) -> Iterator[pl.DataFrame]:
    """The run's records: those edited (or created) within its range, in id order."""
    for batch in view.iter_batches(messages=messages):
        if run.from_seq >= 0:
            batch = batch.filter(pl.col("_seq") > run.from_seq)
        if batch.height:
            yield batch


def manifest_key(sheet_id: str, destination: str, run_id: str) -> str:
    """Which record versions a run delivered (``_id``, ``_version``)."""
    return f"egress/{sheet_id}/{destination}/{run_id}.parquet"


def _close(ctx: Context, run: Run, status: str, *, sent: int, held: int,
           report: dict[str, Any] | None, error: str | None = None) -> None:
    with ctx.write() as conn:
        conn.execute(R.update().where(R.c.id == run.id).values(
            status=status, sent=sent, held=held, report=report, error=error,
            finished_at=now()))


def _finish(ctx: Context, job: Job, sheet: Sheet, space_id: str, env: str,
            results: list[dict[str, Any]]) -> dict[str, Any]:
    """Record when the sheet and its space last synced, emit ``egress:completed``."""
    sent = sum(r["sent"] for r in results)
    held = max((r["held"] for r in results), default=0)
    delivered = [r for r in results if r["status"] == "delivered"]
    synced = iso(now()) if delivered else None
    with ctx.write() as conn:
        current = repo.get_sheet(conn, sheet.id, lock=True)
        per = dict(current.metadata.get("egress") or {})
        for r in results:
            if r["status"] != "up to date":
                per[r["name"]] = {k: r.get(k) for k in ("status", "sent", "held", "run_id",
                                                        "location")} | {"at": iso(now())}
        meta = {**current.metadata, "egress": per}
        if synced:
            meta["last_synced_at"] = synced
        repo.update_sheet(conn, sheet.id, metadata=meta)
        if synced:
            repo.update_space_metadata(conn, space_id, {
                "last_synced_at": synced,
                "last_egress": {"job_id": job.id, "sheet": sheet.slug, "destinations": results}})
        ctx.emit(conn, topics.EGRESS_COMPLETED,
                 {"environment": env, "space": space_id, "file": job.file_id,
                  "workbook": sheet.workbook_id, "sheet": sheet.id, "job": job.id},
                 {"sheet": sheet.slug, "sent": sent, "held": held, "destinations": results})
    counts = current.metadata.get("counts") or {}
    return {
        "message": (f"delivered {sent} records to {len(delivered)} destination(s); "
                    f"{held} held" + (", the rest up to date" if len(delivered) < len(results) else "")),
        "destinations": results, "sent": sent, "held": held,
        "invalid_left": int(counts.get("invalid", 0)), "last_synced_at": synced,
    }


__all__ = ["Run", "claim_run", "deliver", "manifest_key", "run_once"]
