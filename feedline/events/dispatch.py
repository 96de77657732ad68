"""Deliver stored events to the in-process listener, at least once, never skipping one.

A dispatcher claims a batch of its consumer's pending delivery rows (oldest events first;
``FOR UPDATE SKIP LOCKED`` on PostgreSQL, so several processes share the work), leases
them, runs the matching handlers outside any transaction, and deletes the rows of the
events handled. A handler that raises leaves its event for a later try, with backoff;
after :data:`MAX_TRIES` the row is kept as ``failed`` (and logged) and the log moves on.
A dispatcher that dies mid-batch leaves leased rows: others take them once the lease
runs out. Built-in handlers are idempotent (jobs carry dedupe keys).
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from datetime import timedelta
from typing import TYPE_CHECKING

import sqlalchemy as sa

from feedline.events.log import event_of
from feedline.store import tables as t
from feedline.store.db import now

if TYPE_CHECKING:
    from feedline.app import Feedline
    from feedline.events.model import Event

log = logging.getLogger("feedline.events")
CONSUMER = "in-process"
MAX_TRIES = 5
LEASE = timedelta(seconds=60)
D = t.event_deliveries


class Dispatcher:
    """Runs the in-process listener's handlers for pending events."""

    def __init__(self, app: Feedline, batch: int = 100, name: str | None = None) -> None:
        self.app = app
        self.batch = batch
        self.name = name or f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"
        self.stopping = threading.Event()

    def run_forever(self) -> None:
        while not self.stopping.is_set():
            try:
                delivered = self.run_once()
            except Exception:
                log.exception("event dispatch failed; will retry")
                delivered = 0
            if not delivered:
                self.app.wakeups.wait(self.stopping, self.app.settings.poll_interval)

    def claim(self) -> list[Event]:
        """Lease a batch of pending events (oldest first) for this dispatcher."""
        ts = now()
        with self.app.begin() as conn:
            q = (sa.select(D.c.event_id).where(
                D.c.consumer == CONSUMER, D.c.status == "pending",
                sa.or_(D.c.locked_until.is_(None), D.c.locked_until < ts))
                .order_by(D.c.event_id).limit(self.batch))
            if conn.dialect.name == "postgresql":
                q = q.with_for_update(skip_locked=True)
            ids = [r[0] for r in conn.execute(q)]
            if not ids:
                return []
            conn.execute(D.update().where(D.c.consumer == CONSUMER, D.c.event_id.in_(ids))
                         .values(locked_until=ts + LEASE, owner=self.name,
                                 attempts=D.c.attempts + 1))
            rows = conn.execute(sa.select(t.events).where(t.events.c.id.in_(ids))
                                .order_by(t.events.c.id)).all()
            attempts = dict(conn.execute(sa.select(D.c.event_id, D.c.attempts).where(
                D.c.consumer == CONSUMER, D.c.event_id.in_(ids))).all())
        self._attempts = attempts
        return [event_of(r) for r in rows]

    def run_once(self) -> int:
        """Deliver one batch; returns how many events were handled."""
        events = self.claim()
        done: list[int] = []
        for event in events:
            error = self._deliver(event)
            if error is None:
                done.append(event.id)
            else:
                self._retry(event, error)
        if done:
            with self.app.begin() as conn:
                conn.execute(D.delete().where(D.c.consumer == CONSUMER, D.c.event_id.in_(done)))
        return len(done)

    def _deliver(self, event: Event) -> str | None:
        for handler in self.app.listener.handlers_for(event):
            try:
                handler(event, self.app)
            except Exception as exc:
                name = getattr(handler, "__name__", repr(handler))
                log.warning("handler %s failed on event %s (%s), try %d of %d", name, event.id,
                            event.topic, self._attempts.get(event.id, 1), MAX_TRIES, exc_info=True)
                return f"{name}: {type(exc).__name__}: {exc}".splitlines()[0]
        return None

    def _retry(self, event: Event, error: str) -> None:
        tries = self._attempts.get(event.id, 1)
        with self.app.begin() as conn:
            if tries >= MAX_TRIES:
                log.error("event %s (%s) failed %d times; left as failed: %s", event.id,
                          event.topic, tries, error)
                conn.execute(D.update().where(D.c.consumer == CONSUMER, D.c.event_id == event.id)
                             .values(status="failed", error=error, locked_until=None))
            else:
                backoff = timedelta(seconds=min(60.0, 0.5 * 2 ** (tries - 1)))
                conn.execute(D.update().where(D.c.consumer == CONSUMER, D.c.event_id == event.id)
                             .values(error=error, locked_until=now() + backoff))
