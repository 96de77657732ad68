"""Built-in step: ``records:updated`` → when a sheet's edits pile up, a compact job folds
them into a new segment version (see :mod:`feedline.records.compact`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from feedline.events import model as topics
from feedline.events.model import Event
from feedline.jobs import queue
from feedline.listener import Listener
from feedline.records.compact import compact, due, pending
from feedline.store import repo

if TYPE_CHECKING:
    from feedline.app import Feedline
    from feedline.jobs.worker import JobRun


def on_records_updated(event: Event, app: Feedline) -> None:
    sheet_id = event.context["sheet"]
    if not sheet_id:
        return
    with app.read() as conn:
        sheet = repo.get_sheet(conn, sheet_id)
        if not sheet.segment_version:
            return
        segment = repo.get_segment(conn, sheet_id, sheet.segment_version)
        waiting = pending(conn, sheet_id, segment.compacted_seq)
    if not due(waiting, sheet.row_count):
        return
    with app.begin() as conn:
        queue.create_job(
            conn, environment_id=event.context["environment"] or app.environment_id,
            operation="compact", space_id=event.context["space"], file_id=event.context["file"],
            input={"sheet_id": sheet_id, "segment_version": segment.version},
            dedupe_key=f"compact:{sheet_id}:{segment.version}",
            max_attempts=app.settings.max_attempts)


def run_compact(run: JobRun) -> dict[str, Any]:
    app, job = run.app, run.job
    sheet_id = job.input["sheet_id"]
    with app.read() as conn:
        sheet = repo.get_sheet(conn, sheet_id)
        space = repo.get_space(conn, job.space_id or "")
    spec = app.feed(space.feed).blueprint.sheet(sheet.slug)
    segment = compact(app.engine, app.blobs, sheet_id, spec)
    if segment is None:
        return {"message": "nothing to compact (already done)"}
    return {"message": f"{segment.rows} records folded into segment version {segment.version}",
            "segment_version": segment.version, "rows": segment.rows}


def plugin(listener: Listener) -> None:
    listener.on(topics.RECORDS_UPDATED, None, on_records_updated)
    listener.job("compact", run_compact)
