"""Deliver stored events to the in-process listener, at least once, in log order."""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from feedline.events.log import advance_cursor, get_cursor, read

if TYPE_CHECKING:
    from feedline.app import Feedline

log = logging.getLogger("feedline.events")
CURSOR = "in-process"


class Dispatcher:
    """Reads the event log after this listener's cursor and calls matching handlers.

    Handlers run before the cursor moves, so a crash means redelivery, never loss; the
    built-in handlers are idempotent. Several processes may dispatch at once: the cursor
    moves by compare-and-set and duplicate job creation is absorbed by dedupe keys.
    """

    def __init__(self, app: Feedline, batch: int = 200) -> None:
        self.app = app
        self.batch = batch
        self.stopping = threading.Event()

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
        with self.app.begin() as conn:
            position = get_cursor(conn, CURSOR)
            events = read(conn, after=position, limit=self.batch)
        if not events:
            return 0
        for event in events:
            for handler in self.app.listener.handlers_for(event):
                try:
                    handler(event, self.app)
                except Exception:
                    log.exception("handler %s failed on event %s (%s)",
                                  getattr(handler, "__name__", handler), event.id, event.topic)
        with self.app.begin() as conn:
            advance_cursor(conn, CURSOR, position, events[-1].id)
        return len(events)
