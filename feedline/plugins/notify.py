"""Built-in step: tell people what needs them (see :mod:`feedline.notify`).

Events that a feed's ``notify`` section selects become one ``notify`` job per channel,
keyed by the event id (``notify:<event>:<channel>``), so a redelivered event never makes
a second message and a failing channel retries on its own without holding up the feed
or the other channels. The job runs after the pipeline's transaction committed; its
attempts, last error and receipt are the delivery log.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING, Any

from feedline.errors import NotFound, TerminalError
from feedline.events import model as topics
from feedline.events.log import read
from feedline.events.model import Event
from feedline.jobs import queue
from feedline.listener import Listener
from feedline.notify.channels import send
from feedline.notify.compose import compose, kind_of, link_for
from feedline.notify.links import load_secret
from feedline.store import repo

if TYPE_CHECKING:
    from feedline.app import Feedline
    from feedline.jobs.worker import JobRun

log = logging.getLogger("feedline.notify")
PUBLIC_URL_ENV = "FEEDLINE_PUBLIC_URL"
TOPICS = (topics.JOB_NEEDS_REVIEW, topics.RECORDS_CREATED, topics.JOB_FAILED,
          topics.EGRESS_COMPLETED)


def public_url(app: Feedline, configured: str | None) -> str:
    """Where people reach the UI: the feed's ``link_base``, ``FEEDLINE_PUBLIC_URL``, or
    the address ``feedline serve`` listens on."""
    return (configured or os.environ.get(PUBLIC_URL_ENV)
            or f"http://{app.settings.host}:{app.settings.port}").rstrip("/")


def on_event(event: Event, app: Feedline) -> None:
    """Queue one notify job per channel that wants this event (idempotent)."""
    kind = kind_of(event)
    if kind is None or not event.context.get("space"):
        return
    with app.read() as conn:
        try:
            space = repo.get_space(conn, event.context["space"] or "")
        except NotFound:
            return
    feed = app.feeds.get(space.feed)
    channels = feed.notify.channels_for(kind) if feed and feed.notify else []
    if not channels:
        return
    with app.begin() as conn:
        for channel in channels:
            queue.create_job(
                conn, environment_id=space.environment_id, operation="notify",
                space_id=space.id, file_id=event.context.get("file"),
                input={"event_id": event.id, "kind": kind, "channel": channel.name,
                       "type": channel.type},
                dedupe_key=f"notify:{event.id}:{channel.name}", max_attempts=channel.attempts)


def run_notify(run: JobRun) -> dict[str, Any]:
    """Compose the message from the stored event and send it on one channel."""
    app, job = run.app, run.job
    event_id = int(job.input["event_id"])
    with app.read() as conn:
        found = read(conn, after=event_id - 1, limit=1)
        if not found or found[0].id != event_id:
            raise TerminalError(f"event {event_id} is no longer in the log")
        event = found[0]
        space = repo.get_space(conn, job.space_id or "")
    feed = app.feed(space.feed)
    notify = feed.notify
    channel = notify.channel(job.input["channel"]) if notify else None
    if notify is None or channel is None:
        raise TerminalError(f"feed {feed.name!r} has no notify channel "
                            f"{job.input['channel']!r} any more")
    kind = job.input["kind"]
    link, expires = link_for(load_secret(app.settings.data_dir), public_url(app, notify.link_base),
                             event, kind, notify.link_ttl_seconds, space.environment_id)
    with app.read() as conn:
        note = compose(conn, event, kind, link, expires)
    run.progress(50, f"sending on {channel.name}")
    receipt = send(channel, note)
    log.info("notified %s of event %s (%s): %s", channel.name, event_id, kind, receipt)
    return {"message": receipt, "channel": channel.name, "kind": kind, "event_id": event_id,
            "summary": note.summary}


def plugin(listener: Listener) -> None:
    for topic in TOPICS:
        listener.on(topic, None, on_event)
    listener.job("notify", run_notify)
