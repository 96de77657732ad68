"""Built-in step: egress jobs deliver a sheet's records to the feed's destinations.

When (the feed's ``egress.on``): ``validated`` — after the map job stored the records;
``updated`` — after edits (``records:updated``), debounced so a burst of fixes is one
delivery; ``schedule`` — every ``egress.every`` for sheets with something new (see
:func:`scheduled`). ``POST /v1/sheets/{id}/egress`` delivers on demand whatever the feed says.
"""

from __future__ import annotations

import math
import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from feedline.events import model as topics
from feedline.events.model import Event
from feedline.jobs import queue
from feedline.listener import Listener
from feedline.pipeline.deliver import deliver
from feedline.store import repo
from feedline.store import tables as t

if TYPE_CHECKING:
    from feedline.app import Feedline
    from feedline.jobs.worker import JobRun


def _triggers(app: Feedline, space_id: str | None) -> tuple[Any, tuple[str, ...]]:
    with app.read() as conn:
        space = repo.get_space(conn, space_id or "")
    feed = app.feeds.get(space.feed)
    return feed, (feed.egress.triggers if feed and feed.destinations else ())


def on_records_created(event: Event, app: Feedline) -> None:
    _feed, triggers = _triggers(app, event.context["space"])
    if "validated" not in triggers:
        return
    with app.begin() as conn:
        queue.create_job(
            conn, environment_id=event.context["environment"] or app.environment_id,
            operation="egress", space_id=event.context["space"], file_id=event.context["file"],
            input={"sheet_id": event.context["sheet"], "sheet": event.payload.get("sheet"),
                   "trigger": "validated"},
            dedupe_key=f"egress:{event.context['sheet']}:validated",
            max_attempts=app.settings.max_attempts)


def on_records_updated(event: Event, app: Feedline) -> None:
    """Edits: one egress job per debounce window, starting when the window closes."""
    feed, triggers = _triggers(app, event.context["space"])
    if "updated" not in triggers:
        return
    window = max(feed.egress.debounce_seconds, 0.001)
    bucket = math.ceil((time.time() + feed.egress.debounce_seconds) / window)
    with app.begin() as conn:
        queue.create_job(
            conn, environment_id=event.context["environment"] or app.environment_id,
            operation="egress", space_id=event.context["space"], file_id=event.context["file"],
            input={"sheet_id": event.context["sheet"], "sheet": event.payload.get("sheet"),
                   "trigger": "updated"},
            dedupe_key=f"egress:{event.context['sheet']}:u{bucket}",
            run_after=datetime.fromtimestamp(bucket * window, UTC),
            max_attempts=app.settings.max_attempts)


def scheduled(app: Feedline) -> int:
    """Create the egress jobs the feeds' schedules call for now (idempotent: one per sheet
    per period, from any number of processes); how many were created."""
    made = 0
    for feed in app.feeds.values():
        every = feed.egress.every_seconds
        if "schedule" not in feed.egress.triggers or not every or not feed.destinations:
            continue
        bucket = math.floor(time.time() / every)
        with app.read() as conn:
            rows = conn.execute(
                sa.select(t.sheets.c.id, t.sheets.c.slug, t.workbooks.c.space_id,
                          t.workbooks.c.file_id, t.spaces.c.environment_id)
                .join(t.workbooks, t.workbooks.c.id == t.sheets.c.workbook_id)
                .join(t.spaces, t.spaces.c.id == t.workbooks.c.space_id)
                .where(t.spaces.c.feed == feed.name, t.workbooks.c.kind == "destination",
                       t.sheets.c.segment_version > 0)).all()
        for row in rows:
            with app.begin() as conn:
                key = f"egress:{row.id}:s{bucket}"
                exists = conn.execute(sa.select(t.jobs.c.id).where(t.jobs.c.dedupe_key == key)).first()
                if exists:
                    continue
                queue.create_job(conn, environment_id=row.environment_id, operation="egress",
                                 space_id=row.space_id, file_id=row.file_id,
                                 input={"sheet_id": row.id, "sheet": row.slug, "trigger": "schedule"},
                                 dedupe_key=key, max_attempts=app.settings.max_attempts)
                made += 1
    return made


def run_egress(run: JobRun) -> dict[str, Any]:
    app, job = run.app, run.job
    with app.read() as conn:
        space = repo.get_space(conn, job.space_id or "")
    return deliver(app.context, job, app.feed(space.feed))


def plugin(listener: Listener) -> None:
    listener.on(topics.RECORDS_CREATED, None, on_records_created)
    listener.on(topics.RECORDS_UPDATED, None, on_records_updated)
    listener.job("egress", run_egress)
