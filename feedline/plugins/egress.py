"""Built-in step: ``records:created`` → egress job → the feed's destinations."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from feedline.events import model as topics
from feedline.events.model import Event
from feedline.jobs import queue
from feedline.listener import Listener
from feedline.pipeline.deliver import deliver
from feedline.store import repo

if TYPE_CHECKING:
    from feedline.app import Feedline
    from feedline.jobs.worker import JobRun


def on_records_created(event: Event, app: Feedline) -> None:
    with app.begin() as conn:
        queue.create_job(
            conn, environment_id=event.context["environment"] or app.environment_id,
            operation="egress", space_id=event.context["space"], file_id=event.context["file"],
            input={"sheet_id": event.context["sheet"], "sheet": event.payload.get("sheet")},
            dedupe_key=f"egress:{event.context['sheet']}", max_attempts=app.settings.max_attempts,
        )


def run_egress(run: JobRun) -> dict[str, Any]:
    app, job = run.app, run.job
    with app.read() as conn:
        space = repo.get_space(conn, job.space_id or "")
    return deliver(app.context, job, app.feed(space.feed))


def plugin(listener: Listener) -> None:
    listener.on(topics.RECORDS_CREATED, None, on_records_created)
    listener.job("egress", run_egress)
