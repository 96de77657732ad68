"""What operators watch: an access log line per request, Prometheus metrics, health and
readiness.

``/metrics`` reports the queue from the database (jobs by state, queue depth, the age of
the oldest undelivered event: the same for every process) and this process's own work
(request and job durations, records stored and delivered).
"""

from __future__ import annotations

import logging
import time
from typing import Any

import sqlalchemy as sa
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from feedline.store import tables as t
from feedline.store.db import aware, now

access = logging.getLogger("feedline.access")

REGISTRY = CollectorRegistry()
REQUESTS = Histogram("feedline_http_request_seconds", "HTTP requests by route and status",
                     ["method", "route", "status"], registry=REGISTRY)
JOBS = Histogram("feedline_job_seconds", "Jobs run by this process, by operation and outcome",
                 ["operation", "status"], registry=REGISTRY,
                 buckets=(0.05, 0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800))
RECORDS = Counter("feedline_records_total", "Records stored by map jobs and sent by egress",
                  ["stage"], registry=REGISTRY)


class QueueCollector(Collector):
    """Gauges read from the database at scrape time."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def collect(self) -> Any:
        jobs = GaugeMetricFamily("feedline_jobs", "Jobs by operation and state",
                                 labels=["operation", "status"])
        depth = GaugeMetricFamily("feedline_queue_depth", "Jobs ready to run now")
        lag = GaugeMetricFamily("feedline_event_lag_seconds",
                                "Age of the oldest event not yet handled (0 when none)")
        failed = GaugeMetricFamily("feedline_events_failed", "Events whose handlers gave up")
        with self.engine.connect() as conn:
            for op, status, n in conn.execute(sa.select(t.jobs.c.operation, t.jobs.c.status,
                                                        sa.func.count()).group_by(
                    t.jobs.c.operation, t.jobs.c.status)):
                jobs.add_metric([op, status], n)
            depth.add_metric([], conn.execute(sa.select(sa.func.count()).select_from(t.jobs).where(
                t.jobs.c.status == "ready", t.jobs.c.run_after <= now())).scalar_one())
            oldest = conn.execute(sa.select(sa.func.min(t.events.c.created_at)).select_from(
                t.event_deliveries.join(t.events, t.events.c.id == t.event_deliveries.c.event_id))
                .where(t.event_deliveries.c.status == "pending")).scalar()
            since = aware(oldest)
            lag.add_metric([], max(0.0, (now() - since).total_seconds()) if since else 0.0)
            failed.add_metric([], conn.execute(sa.select(sa.func.count()).select_from(
                t.event_deliveries).where(t.event_deliveries.c.status == "failed")).scalar_one())
        yield from (jobs, depth, lag, failed)


_queue: QueueCollector | None = None


def install_queue_metrics(engine: sa.Engine) -> None:
    global _queue
    if _queue is not None:
        REGISTRY.unregister(_queue)
    _queue = QueueCollector(engine)
    REGISTRY.register(_queue)


def metrics() -> tuple[bytes, str]:
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST


class AccessLog:
    """ASGI middleware: one log line and one histogram sample per HTTP request (the path
    only: query strings may carry signed links)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = {"code": 500}

        async def sending(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            took = time.perf_counter() - start
            route = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            REQUESTS.labels(scope["method"], template, str(status["code"])).observe(took)
            client = scope.get("client")
            access.info("%s %s %d %.1fms", scope["method"], scope["path"], status["code"],
                        took * 1000, extra={
                            "method": scope["method"], "path": scope["path"],
                            "status": status["code"], "duration_ms": round(took * 1000, 1),
                            "client": client[0] if client else None})
