"""The HTTP API (FastAPI): one router per resource, bearer-key auth on all but /healthz."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI

from feedline import __version__
from feedline.api import egress, events, files, jobs, memory, records, spaces, workbooks
from feedline.api.deps import install_error_handlers
from feedline.app import Feedline
from feedline.events.dispatch import Dispatcher
from feedline.jobs.worker import Worker

log = logging.getLogger("feedline.serve")


class Scheduler:
    """Creates the egress jobs the feeds' schedules call for (``egress.every``)."""

    def __init__(self, app: Feedline, interval: float = 5.0) -> None:
        self.app, self.interval = app, interval
        self.stopping = threading.Event()

    def run_forever(self) -> None:
        from feedline.plugins.egress import scheduled

        while not self.stopping.wait(self.interval):
            try:
                scheduled(self.app)
            except Exception:
                log.exception("scheduling egress failed; will retry")


class Runner:
    """The background side of ``feedline serve``: one dispatcher, N workers, the scheduler."""

    def __init__(self, app: Feedline, workers: int) -> None:
        self.dispatcher = Dispatcher(app)
        self.workers = [Worker(app, name=f"{threading.get_ident()}-{i}") for i in range(workers)]
        self.scheduler = Scheduler(app)
        self.threads: list[threading.Thread] = []

    def start(self) -> None:
        loops = [self.dispatcher.run_forever, self.scheduler.run_forever] + [
            w.run_forever for w in self.workers]
        for loop in loops:
            th = threading.Thread(target=loop, daemon=True)
            th.start()
            self.threads.append(th)

    def stop(self) -> None:
        self.dispatcher.stopping.set()
        self.scheduler.stopping.set()
        for w in self.workers:
            w.stopping.set()
        for th in self.threads:
            th.join(timeout=30)


def create_app(app: Feedline, *, run_workers: bool = True) -> FastAPI:
    """The ASGI app; with ``run_workers`` the dispatcher and workers live in its lifespan."""

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        runner = Runner(app, app.settings.workers) if run_workers else None
        if runner:
            runner.start()
        try:
            yield
        finally:
            if runner:
                runner.stop()

    api = FastAPI(title="feedline", version=__version__, lifespan=lifespan,
                  description="Headless file feeds: upload files, review plans, read records.",
                  docs_url=None, redoc_url=None)  # the UI serves them with local assets
    api.state.feedline = app
    install_error_handlers(api)

    @api.get("/healthz", tags=["health"])
    def healthz() -> dict[str, Any]:
        with app.read() as conn:
            conn.exec_driver_sql("SELECT 1")
        return {"status": "ok", "version": __version__}

    for module in (spaces, memory, files, jobs, workbooks, records, egress, events):
        api.include_router(module.router)
    from feedline.ui import mount

    mount(api)
    return api


__all__ = ["Runner", "create_app"]
