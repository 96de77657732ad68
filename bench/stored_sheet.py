"""A large stored destination sheet for the record and grid benchmarks.

Builds the messy customer export (``bench/messy/generate.py``) of ``rows`` records into a
fresh feedline data folder through the pipeline's own planning and storing (no HTTP, no
job queue: those are measured by ``bench/e2e.py``) and answers the app, its API client and
the sheet's id. On PostgreSQL it works in a database of its own, dropped afterwards.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

import polars as pl
from fastapi.testclient import TestClient

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.e2e import fresh_postgres  # noqa: E402
from bench.messy.generate import write  # noqa: E402
from feedline.api import create_app  # noqa: E402
from feedline.app import Feedline  # noqa: E402
from feedline.feeds import load_feed  # noqa: E402
from feedline.pipeline.plan import Gate, propose  # noqa: E402
from feedline.pipeline.records import store_records  # noqa: E402
from feedline.settings import Settings  # noqa: E402
from feedline.store import repo  # noqa: E402

FEED = REPO / "bench" / "messy" / "feed.yaml"
KEY = "fl_bench_key_0123456789"


@contextmanager
def stored_sheet(folder: Path, rows: int,
                 database_url: str | None = None) -> Iterator[tuple[Feedline, TestClient, str]]:
    """``(app, client, sheet_id)``: ``rows`` messy customers stored as one sheet."""
    with fresh_postgres(database_url) if database_url else nullcontext(None) as url:
        app, sheet_id = _stored(folder, rows, url)
        try:
            with TestClient(create_app(app, run_workers=False),
                            headers={"Authorization": f"Bearer {KEY}"}) as client:
                yield app, client, sheet_id
        finally:
            app.close()


def _stored(folder: Path, rows: int, database_url: str | None) -> tuple[Feedline, str]:
    source = write(folder / "messy.csv", rows)
    feed = load_feed(FEED)
    app = Feedline(Settings(data_dir=folder / "data", database_url=database_url), [feed])
    spec = feed.blueprint.sheet("customers")
    frame = pl.read_csv(source, infer_schema=False)
    plan = propose(frame, frame.height, spec, Gate(), None, "bench")
    with app.begin() as conn:
        repo.create_api_key(conn, app.environment_id, KEY)
        space = repo.create_space(conn, app.environment_id, "bench", "messy")
        wb = repo.create_workbook(conn, space.id, None, "destination", "messy → customers")
        sheet_id = repo.create_sheet(conn, wb, "customers", "Customers", spec.keys, 0)
    mapped = store_records(app.blobs, sheet_id, frame, frame.height, plan, spec)
    with app.begin() as conn:
        repo.add_segment(conn, mapped.segment)
        repo.update_sheet(conn, sheet_id, row_count=frame.height, next_id=frame.height + 1,
                          metadata={"counts": mapped.counts})
    return app, sheet_id
