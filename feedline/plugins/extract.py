"""Built-in step: ``file:created`` → extract job → source workbook (Parquet sheets)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from feedline.events import model as topics
from feedline.events.model import Event
from feedline.jobs import queue
from feedline.listener import Listener
from feedline.pipeline.extract import CHOICES, extract_file, options_for
from feedline.store import repo

if TYPE_CHECKING:
    from feedline.app import Feedline
    from feedline.jobs.worker import JobRun


def on_file_created(event: Event, app: Feedline) -> None:
    with app.begin() as conn:
        queue.create_job(
            conn, environment_id=event.context["environment"] or app.environment_id,
            operation="extract", space_id=event.context["space"], file_id=event.context["file"],
            dedupe_key=f"extract:{event.context['file']}", max_attempts=app.settings.max_attempts,
        )


def run_extract(run: JobRun) -> dict[str, Any]:
    """A person's choices (job input, from the API) over the feed route's, then extract."""
    app, job = run.app, run.job
    with app.read() as conn:
        space = repo.get_space(conn, job.space_id or "")
        file = repo.get_file(conn, job.file_id or "")
    chosen: dict[str, Any] = {}
    feed = app.feeds.get(space.feed)
    if feed is not None:
        chosen.update(feed.extract_options(file.name))
    chosen.update({k: v for k, v in job.input.items() if k in CHOICES and v is not None})
    return extract_file(app.context, job, options_for(app.context, chosen), run.progress)


def plugin(listener: Listener) -> None:
    listener.on(topics.FILE_CREATED, None, on_file_created)
    listener.job("extract", run_extract)
