"""Deliver stored events to the in-process listener, at least once, in log order."""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from feedline.events.log import advance_cursor, get_cursor, read

if TYPE_CHECKING:
    from feedline.app import Feedline
    from feedline.events.model import Event

log = logging.getLogger("feedline.events")
CURSOR = "in-process"
MAX_TRIES = 5


class Dispatcher:
    """Reads the event log after this listener's cursor and calls matching handlers.

    Handlers run before the cursor moves, so a crash means redelivery, never loss; the
    built-in handlers are idempotent. When a handler raises, the cursor stops before that
    event and delivery is tried again on the next poll, up to ``MAX_TRIES`` times; after
    that the event is logged as dropped and the log moves on. Several processes may
    dispatch at once: the cursor moves by compare-and-set and duplicate job creation is
    absorbed by dedupe keys.
    """

    def __init__(self, app: Feedline, batch: int = 200) -> None:
        self.app = app
        self.batch = batch
        self.stopping = threading.Event()
        self.failures: dict[int, int] = {}

    def run_forever(self) -> None:
        while not self.stopping.is_set():
            try:
                delivered = self.run_once()
            except Exception:
                log.exception("event dispatch failed; will retry")
                delivered = 0
            if not delivered:
                self.stopping.wait(self.app.settings.poll_interval)

    def run_once(self) -> int:
        """Deliver one batch; returns how many events the cursor moved past."""
        with self.app.begin() as conn:
            position = get_cursor(conn, CURSOR)
            events = read(conn, after=position, limit=self.batch)
        done = position
        for event in events:
            if not self._deliver(event):
                break
            done = event.id
        if done == position:
            return 0
        with self.app.begin() as conn:
            advance_cursor(conn, CURSOR, position, done)
        return sum(1 for e in events if e.id <= done)

    def _deliver(self, event: Event) -> bool:
        for handler in self.app.listener.handlers_for(event):
            try:
                handler(event, self.app)
            except Exception:
                tries = self.failures.get(event.id, 0) + 1
                self.failures[event.id] = tries
                name = getattr(handler, "__name__", repr(handler))
                if tries < MAX_TRIES:
                    log.warning("handler %s failed on event %s (%s), try %d of %d", name,
                                event.id, event.topic, tries, MAX_TRIES, exc_info=True)
                    return False
                log.error("handler %s failed on event %s (%s) %d times; skipping it", name,
                          event.id, event.topic, tries, exc_info=True)
        self.failures.pop(event.id, None)
        return True
