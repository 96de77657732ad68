"""Built-in step: extract completed → one map job per data sheet: automap a Job Plan,
gate it, execute it (see :mod:`feedline.pipeline.map`).

If the feed's accuracy gate passes, the job executes at once; otherwise it parks in
``needs_review`` until a person edits the plan (``PUT /v1/jobs/{id}/plan``) and executes
it (``POST /v1/jobs/{id}/execute``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from feedline.events import model as topics
from feedline.events.model import Event
from feedline.jobs import queue
from feedline.listener import Listener
from feedline.pipeline.map import run_map
from feedline.pipeline.review import replan_waiting
from feedline.store import repo

if TYPE_CHECKING:
    from feedline.app import Feedline
    from feedline.jobs.worker import JobRun


def on_extract_completed(event: Event, app: Feedline) -> None:
    outcome = event.payload.get("outcome") or {}
    with app.begin() as conn:
        space = repo.get_space(conn, event.context["space"] or "")
        file = repo.get_file(conn, event.context["file"] or "")
        feed = app.feeds.get(space.feed)
        for sheet in outcome.get("sheets", []):
            if not sheet.get("tabular", True):
                continue  # a notes sheet or a hidden sheet: nothing to map
            target = feed.route(file.name) if feed else None
            queue.create_job(
                conn, environment_id=event.context["environment"] or app.environment_id,
                operation="map", space_id=space.id, file_id=file.id,
                input={"source_sheet_id": sheet["id"], "sheet": target},
                dedupe_key=f"map:{sheet['id']}", max_attempts=app.settings.max_attempts,
            )


def run_map_job(run: JobRun) -> dict[str, Any]:
    app, job = run.app, run.job
    with app.read() as conn:
        space = repo.get_space(conn, job.space_id or "")
    feed = app.feed(space.feed)
    hooks = app.listener.hooks_for(job.input.get("sheet") or "", feed.name)
    return run_map(app.context, job, feed, hooks, run.progress)


def _replan(app: Feedline, space_id: str, slug: str, done_job: str) -> None:
    with app.read() as conn:
        space = repo.get_space(conn, space_id)
    feed = app.feeds.get(space.feed)
    if feed is not None:
        replan_waiting(app.context, space, feed, slug, done_job)


def on_map_completed(event: Event, app: Feedline) -> None:
    """A person's plan ran: deliveries of the space waiting for the same sheet follow."""
    outcome = event.payload.get("outcome") or {}
    if outcome.get("accepted_by") != "person" or not outcome.get("sheet"):
        return
    _replan(app, event.context["space"] or "", outcome["sheet"], event.context["job"] or "")


def on_records_updated(event: Event, app: Feedline) -> None:
    """A person fixed enum values in review: deliveries of the space waiting for the same
    sheet are planned again with what that taught."""
    if not event.payload.get("taught") or not event.payload.get("sheet"):
        return
    _replan(app, event.context["space"] or "", event.payload["sheet"], "")


def plugin(listener: Listener) -> None:
    listener.on(topics.JOB_COMPLETED, {"job": "extract"}, on_extract_completed)
    listener.on(topics.JOB_COMPLETED, {"job": "map"}, on_map_completed)
    listener.on(topics.RECORDS_UPDATED, None, on_records_updated)
    listener.job("map", run_map_job)
