"""End to end: one N-row contacts delivery through extract → map → validate → egress.

    python bench/pipeline_bench.py [--rows 1000000] [--database-url URL]

Builds the file from the northwind fixture (``../shared/fixtures``), repeated with unique
emails and contact ids, runs the real plugins in process (dispatcher and one worker, no
HTTP) on a fresh SQLite file (or the given PostgreSQL URL) and prints each job's time, the
total, rows/s and peak RSS. No assertions: these machines are noisy.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import polars as pl
import sqlalchemy as sa

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from feedline.app import Feedline  # noqa: E402
from feedline.events.dispatch import Dispatcher  # noqa: E402
from feedline.feeds import load_feed  # noqa: E402
from feedline.ingress import ingest  # noqa: E402
from feedline.jobs import queue  # noqa: E402
from feedline.jobs.worker import Worker  # noqa: E402
from feedline.settings import Settings  # noqa: E402
from feedline.store import repo  # noqa: E402
from tests.conftest import write_crm_feed  # noqa: E402

SHARED = REPO.parent / "shared"


def build_file(rows: int, out: Path) -> Path:
    fx = out / "fixtures"
    subprocess.run([sys.executable, str(SHARED / "fixtures" / "make_fixtures.py"), str(fx)],
                   check=True, capture_output=True)
    base = pl.read_csv(next((fx / "northwind" / "d1").glob("*.csv")), infer_schema=False)
    reps = -(-rows // base.height)
    frame = pl.concat([base] * reps).head(rows).with_row_index("i")
    frame = frame.with_columns(
        ("NW-" + pl.col("i").cast(pl.String)).alias("Contact ID"),
        (pl.col("i").cast(pl.String) + "." + pl.col("Email")).alias("Email"),
    ).drop("i")
    path = out / f"bench_contacts_{rows}.csv"
    frame.write_csv(path)
    return path


@contextmanager
def fresh_database(url: str | None) -> Iterator[str | None]:
    """``None`` (SQLite in the data folder), or a new database on the PostgreSQL server."""
    if not url:
        yield None
        return
    admin_url = Settings(database_url=url).resolved_database_url
    name = f"feedline_bench_{os.getpid()}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield sa.make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, fresh_database(args.database_url) as db_url:
        work = Path(tmp)
        t0 = time.perf_counter()
        path = build_file(args.rows, work)
        print(f"file: {args.rows:,} rows, {path.stat().st_size / 2**20:.0f} MiB "
              f"(built in {time.perf_counter() - t0:.1f} s)")
        feed = load_feed(write_crm_feed(work, SHARED / "fixtures" / "blueprints" / "crm.yaml"))
        app = Feedline(Settings(data_dir=work / "data", database_url=db_url,
                                poll_interval=0.01), [feed])
        with app.begin() as conn:
            space = repo.create_space(conn, app.environment_id, "bench", "crm")
        start = time.perf_counter()
        with path.open("rb") as fh:
            file = ingest(app, space["id"], path.name, fh)
        dispatcher, worker = Dispatcher(app), Worker(app, name="bench")
        timings: dict[str, float] = {"upload": time.perf_counter() - start}
        while True:
            dispatcher.run_once()
            with app.engine.connect() as conn:
                ready, _ = queue.list_jobs(conn, app.environment_id, file_id=file["id"], status="ready")
            if not ready:
                if not dispatcher.run_once():
                    break
                continue
            t = time.perf_counter()
            worker.run_once()
            timings[ready[0]["operation"]] = time.perf_counter() - t
        total = time.perf_counter() - start
        with app.engine.connect() as conn:
            jobs, _ = queue.list_jobs(conn, app.environment_id, file_id=file["id"])
        for job in jobs:
            print(f"  {job['operation']:<8} {job['status']:<9} {timings.get(job['operation'], 0):6.2f} s  "
                  f"{(job['outcome'] or {}).get('message', '')}")
        print(f"  upload   {timings['upload']:6.2f} s")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"total {total:.2f} s, {args.rows / total:,.0f} rows/s end to end, peak RSS {peak:.0f} MiB")
        app.close()


if __name__ == "__main__":
    main()
