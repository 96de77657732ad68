"""The HTTP API (FastAPI): one router per resource, bearer-key auth on all but /healthz."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Response

from feedline import __version__
from feedline.api import egress, events, files, jobs, keys, memory, records, spaces, workbooks
from feedline.api.deps import RefuseNul, error_body, install_error_handlers
from feedline.api.observe import AccessLog, install_queue_metrics, metrics
from feedline.api.schemas import ErrorBody, Health
from feedline.app import Feedline
from feedline.runner import Runner
from feedline.store import current_revision, head


def create_app(app: Feedline, *, run_workers: bool = True) -> FastAPI:
    """The ASGI app; with ``run_workers`` the dispatcher and workers live in its lifespan."""

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        runner = Runner(app, app.settings.workers) if run_workers and app.settings.workers else None
        if runner:
            runner.start()
        try:
            yield
        finally:
            if runner:
                runner.stop()

    api = FastAPI(title="feedline", version=__version__, lifespan=lifespan,
                  description="Headless file feeds: upload files, review plans, read records. "
                              "Every /v1 route needs `Authorization: Bearer <API key>`.",
                  docs_url=None, redoc_url=None)  # the UI serves them with local assets
    api.state.feedline = app
    install_error_handlers(api)
    install_queue_metrics(app.engine)
    api.add_middleware(RefuseNul)
    api.add_middleware(AccessLog)

    @api.get("/healthz", tags=["health"])
    def healthz() -> Health:
        """The process answers (no dependency checked)."""
        return Health(status="ok", version=__version__)

    @api.get("/readyz", tags=["health"], response_model=Health,
             responses={503: {"model": ErrorBody, "description": "Not ready: says why."}})
    def readyz() -> Any:
        """Ready to serve: the database answers at the current schema, the blob store writes."""
        checks: dict[str, str] = {}
        try:
            with app.read() as conn:
                rev = current_revision(conn)
            checks["database"] = "ok" if rev == head() else f"schema {rev}, expected {head()}"
        except Exception as exc:
            checks["database"] = f"unavailable: {type(exc).__name__}"
        try:
            app.blobs.check()
            checks["blobs"] = "ok"
        except Exception as exc:
            checks["blobs"] = f"unavailable: {type(exc).__name__}: {exc}"[:200]
        ok = all(v == "ok" for v in checks.values())
        body = Health(status="ok" if ok else "unavailable", version=__version__, checks=checks)
        return body if ok else error_body(503, "unavailable", "; ".join(
            f"{k}: {v}" for k, v in checks.items() if v != "ok"))

    @api.get("/metrics", tags=["health"], response_class=Response,
             responses={200: {"content": {"text/plain": {}}}})
    def prometheus() -> Response:
        """Prometheus metrics: jobs by state, queue depth, event lag, durations, records."""
        body, kind = metrics()
        return Response(body, media_type=kind)

    for module in (spaces, memory, files, jobs, workbooks, records, egress, events, keys):
        api.include_router(module.router)
    from feedline.ui import mount

    mount(api)
    return api


__all__ = ["Runner", "create_app"]
