"""Wake idle dispatchers and workers as soon as there is work, instead of polling fast.

A transaction that emits an event or makes a job runnable marks itself (:func:`mark`);
when it commits, waiters in this process wake at once, and on PostgreSQL ``NOTIFY`` (sent
inside the transaction, delivered at commit) wakes those of every other process, which
``LISTEN`` on a connection of their own. Polling stays as the fallback (a lost
notification, SQLite shared by several processes).
"""

from __future__ import annotations

import logging
import threading
from typing import Any

import sqlalchemy as sa

log = logging.getLogger("feedline.wakeup")
CHANNEL = "feedline_wake"
_MARK = "feedline_wake"


def mark(conn: sa.Connection) -> None:
    """Wake waiters when ``conn``'s transaction commits."""
    conn.info[_MARK] = True
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_notify(:c, '')"), {"c": CHANNEL})


class Wakeups:
    """Where idle loops wait; woken by local commits and PostgreSQL notifications."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self._cond = threading.Condition()
        self._generation = 0
        self._closed = threading.Event()
        self._listener: threading.Thread | None = None
        sa.event.listen(engine, "commit", self._on_commit)

    def _on_commit(self, conn: sa.Connection) -> None:
        if conn.info.pop(_MARK, False):
            self.wake()

    def wake(self) -> None:
        with self._cond:
            self._generation += 1
            self._cond.notify_all()

    def wait(self, stopping: threading.Event, timeout: float) -> None:
        """Sleep up to ``timeout`` seconds, less when woken or when ``stopping`` is set."""
        self.listen()
        with self._cond:
            start = self._generation
            self._cond.wait_for(lambda: self._generation != start or stopping.is_set(), timeout)

    def listen(self) -> None:
        """On PostgreSQL, start (once) the thread that turns notifications into wake-ups."""
        if self.engine.dialect.name != "postgresql" or self._listener is not None:
            return
        with self._cond:
            if self._listener is None:
                self._listener = threading.Thread(target=self._listen, name="feedline-listen",
                                                  daemon=True)
                self._listener.start()

    def _listen(self) -> None:
        import psycopg

        url = self.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        while not self._closed.is_set():
            try:
                with psycopg.connect(url, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    while not self._closed.is_set():
                        for _ in conn.notifies(timeout=1.0):
                            self.wake()
            except Exception:  # the database went away: retry, polling covers the gap
                log.warning("LISTEN connection lost; retrying", exc_info=True)
                self._closed.wait(2.0)

    def close(self) -> None:
        self._closed.set()
        self.wake()

    def __getstate__(self) -> Any:  # never pickled with the app
        raise TypeError("Wakeups cannot be pickled")
