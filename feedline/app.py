"""The running installation: settings, store, blobs, listener and feeds, passed explicitly."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from feedline.blobs import open_blobs
from feedline.errors import ConfigError, NotFound
from feedline.events.log import emit
from feedline.events.wakeup import Wakeups
from feedline.feeds import Feed, load_feed
from feedline.listener import Listener
from feedline.pipeline.context import Context
from feedline.records.legacy import convert as convert_legacy
from feedline.settings import Settings
from feedline.store import open_engine, reading, repo, writing


class Feedline:
    """One feedline installation. Create it once and hand it to the API, workers and CLI."""

    def __init__(self, settings: Settings, feeds: list[Feed] | None = None,
                 listener: Listener | None = None, builtin: bool = True) -> None:
        self.settings = settings
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        self.engine = open_engine(settings.resolved_database_url)
        self.blobs = open_blobs(settings.blob_url, settings.blob_options, settings.blob_dir,
                                settings.data_dir / "tmp")
        self.feeds: dict[str, Feed] = {}
        for feed in feeds or []:
            if feed.name in self.feeds:
                raise ConfigError(f"two feeds are named {feed.name!r}")
            self.feeds[feed.name] = feed
        self.listener = listener or Listener()
        if builtin:
            from feedline.plugins import headless_feed

            self.listener.use(headless_feed)
        from feedline.validate.loading import install

        for feed in self.feeds.values():
            if feed.hooks:
                base = feed.source_path.parent if feed.source_path else None
                install(self.listener.scoped(feed.name), feed.hooks, base)
        with writing(self.engine) as conn:
            self.environment_id = repo.ensure_environment(conn)
        self.context = Context(self.engine, self.blobs, settings, self.environment_id)
        convert_legacy(self.engine, self.blobs, self.feeds)
        self.wakeups = Wakeups(self.engine)

    @classmethod
    def from_paths(cls, settings: Settings, feed_paths: list[Path]) -> Feedline:
        return cls(settings, [load_feed(p) for p in feed_paths])

    @contextmanager
    def begin(self) -> Iterator[sa.Connection]:
        """A write transaction (keep it short)."""
        with writing(self.engine) as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[sa.Connection]:
        """A read transaction (never blocks the writer)."""
        with reading(self.engine) as conn:
            yield conn

    def feed(self, name: str) -> Feed:
        try:
            return self.feeds[name]
        except KeyError:
            known = ", ".join(sorted(self.feeds)) or "none loaded"
            raise NotFound(f"feed {name!r} is not loaded (feeds: {known})") from None

    def emit(self, conn: sa.Connection, topic: str, context: dict[str, str | None],
             payload: dict[str, Any] | None = None) -> int:
        context = {"environment": self.environment_id, **context}
        return emit(conn, topic, context, payload)

    def close(self) -> None:
        self.wakeups.close()
        self.engine.dispose()
