"""Egress throughput: one typed N-row frame through every destination, next to plain Polars.

    python bench/egress_bench.py [--rows 1000000] [--database-url postgresql://…]

Generates a deterministic frame of 20 mixed-type columns and delivers it in batches of
100k through each destination (CSV, JSONL, Parquet; XLSX and webhook at 100k rows, their
records/s scaled; SQL on SQLite, and on PostgreSQL when ``--database-url`` or
FEEDLINE_TEST_DATABASE_URL is set). Each measurement runs in a fresh process so its peak
RSS is its own (sampled while delivering); the baselines (Polars ``write_csv``,
``write_parquet`` and ``write_excel`` of the same frame, psycopg's ``COPY`` of it) run the
same way, in the same invocation. No assertions.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
import sqlalchemy as sa

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from feedline.blueprint import Field, SheetSpec  # noqa: E402
from feedline.egress.base import RunInfo, batch_schema  # noqa: E402
from feedline.egress.registry import parse_destination  # noqa: E402
from feedline.egress.runstate import ListDeadLetters, MemoryRunState  # noqa: E402
from feedline.egress.secrets import SecretResolver  # noqa: E402

BATCH = 100_000
SCALED = 100_000  # XLSX and webhook run on this many rows
TYPES = (["string"] * 6 + ["enum"] + ["number"] * 4 + ["integer"] * 3 + ["boolean"] * 2
         + ["date"] * 2 + ["datetime"] + ["string-list"])
SPEC = SheetSpec("bench", "Bench", tuple(Field(f"c{i:02d}_{t.replace('-', '_')}", f"C{i}", t)
                                         for i, t in enumerate(TYPES)))
CITIES = ["Zürich", "Lyon", "Köln", "Porto", "Gdańsk", "Tallinn", "Oslo", "Bilbao"]


def frame(rows: int) -> pl.DataFrame:
    """The benchmark frame, shaped like an egress batch: ``_id``, ``_version``, 20 fields
    (about 5% nulls in each field but the first)."""
    rng = np.random.default_rng(42)
    raw = pl.DataFrame({f"r{i}": rng.integers(0, 1_000_000, rows) for i in range(len(TYPES))})
    base = datetime(2020, 1, 1, tzinfo=UTC)
    exprs = [pl.int_range(1, rows + 1, dtype=pl.Int64).alias("_id"),
             pl.lit(1, pl.Int64).alias("_version")]
    for i, f in enumerate(SPEC.fields):
        r = pl.col(f"r{i}")
        text = r.cast(pl.String)
        expr = {
            "string": [pl.lit("ID-") + text, pl.lit("Zoë ") + text, text + pl.lit("@example.com"),
                       pl.lit('note, "quoted" ') + text, pl.lit("-") + text, text][i % 6],
            "enum": r.mod(len(CITIES)).replace_strict(dict(enumerate(CITIES)),
                                                      return_dtype=pl.String),
            "number": r.cast(pl.Float64) / 100 - 2500,
            "integer": r - 1000,
            "boolean": r.mod(2) == 0,
            "date": pl.lit(date(2019, 1, 1)) + pl.duration(days=r.mod(3650)),
            "datetime": pl.lit(base) + pl.duration(seconds=r * 97),
            "string-list": pl.concat_list(pl.lit("tag") + r.mod(4).cast(pl.String), pl.lit("x")),
        }[f.type]
        if i:
            expr = pl.when(pl.col(f"r{(i + 1) % len(TYPES)}").mod(20) == 0).then(None).otherwise(expr)
        exprs.append(expr.alias(f.key))
    return raw.select(exprs).cast(batch_schema(SPEC, "valid-only"))  # type: ignore[arg-type]


def rss_mb() -> float:
    """The process's resident memory now, in MB."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2**20


class PeakRss:
    """Samples resident memory every 5 ms while a measurement runs."""

    def __enter__(self) -> PeakRss:
        self.peak = rss_mb()
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()
        return self

    def _sample(self) -> None:
        while not self.done.wait(0.005):
            self.peak = max(self.peak, rss_mb())

    def __exit__(self, *exc: object) -> None:
        self.done.set()
        self.thread.join()
        self.peak = max(self.peak, rss_mb())


def run_info(root: Path) -> RunInfo:
    return RunInfo(run_id=uuid.uuid4().hex, space="bench", space_id="sp", sheet="bench",
                   sheet_id="sh", file="bench", file_id=None, started_at=datetime.now(UTC),
                   spec=SPEC, policy="valid-only", root=root, state=MemoryRunState(),
                   dead_letters=ListDeadLetters())


def deliver(raw: dict[str, Any], data: pl.DataFrame, root: Path) -> float:
    dest = parse_destination(raw, "bench", SecretResolver(env={"BENCH_HOOK": "bench-secret"}))
    start = time.perf_counter()
    run = dest.open(run_info(root))
    for offset in range(0, data.height, BATCH):
        run.write(data.slice(offset, BATCH))
    delivery = run.commit()
    seconds = time.perf_counter() - start
    assert delivery.rows == data.height, delivery
    return seconds


def pg_copy(data: pl.DataFrame, url: str) -> float:
    """Plain psycopg: the frame as Polars CSV, one COPY into a typed table."""
    import psycopg

    types = {"string": "text", "enum": "text", "number": "double precision",
             "integer": "bigint", "boolean": "boolean", "date": "date",
             "datetime": "timestamptz", "string-list": "text[]"}
    table = f"bench_copy_{uuid.uuid4().hex[:8]}"
    start = time.perf_counter()
    body = data.drop("_id", "_version").with_columns(
        ("{" + pl.col(f.key).list.join(",") + "}").alias(f.key)
        for f in SPEC.fields if f.type == "string-list")
    with psycopg.connect(url) as conn, conn.cursor() as cur:
        cur.execute(f"CREATE TABLE {table} ("
                    + ", ".join(f"{f.key} {types[f.type]}" for f in SPEC.fields) + ")")
        with cur.copy(f"COPY {table} FROM STDIN (FORMAT csv)") as copy:
            for offset in range(0, body.height, BATCH):
                copy.write(body.slice(offset, BATCH).write_csv(include_header=False))
        conn.commit()
        seconds = time.perf_counter() - start
        cur.execute(f"DROP TABLE {table}")
        conn.commit()
    return seconds


def receiver() -> None:
    """A loopback webhook receiver (its own process): reads each body, answers 200."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()  # until the parent closes our stdin


def one(name: str, rows: int, pg_url: str | None) -> dict[str, Any]:
    """Measure one destination or baseline in this (fresh) process."""
    n = min(rows, SCALED) if name in ("xlsx", "polars-xlsx", "webhook") else rows
    data = frame(n)
    gc.collect()
    base_rss = rss_mb()
    with tempfile.TemporaryDirectory() as tmp, PeakRss() as peak:
        root = Path(tmp)
        if name == "polars-csv":
            start = time.perf_counter()
            data.drop("_id", "_version").with_columns(
                pl.col(f.key).list.join(";") for f in SPEC.fields if f.type == "string-list"
            ).write_csv(root / "x.csv")
            seconds = time.perf_counter() - start
        elif name == "polars-xlsx":
            start = time.perf_counter()
            data.drop("_id", "_version").with_columns(
                [pl.col(f.key).list.join(";") for f in SPEC.fields if f.type == "string-list"]
                + [pl.col(f.key).dt.replace_time_zone(None) for f in SPEC.fields
                   if f.type == "datetime"]
            ).write_excel(root / "x.xlsx")
            seconds = time.perf_counter() - start
        elif name == "polars-parquet":
            start = time.perf_counter()
            data.drop("_id", "_version").write_parquet(root / "x.parquet")
            seconds = time.perf_counter() - start
        elif name == "psycopg-copy":
            assert pg_url
            seconds = pg_copy(data, pg_url.replace("postgresql+psycopg://", "postgresql://"))
        elif name in ("csv", "jsonl", "parquet", "xlsx"):
            seconds = deliver({"type": "file", "path": f"out/{{sheet}}.{name}", "mode": "replace"},
                              data, root)
        elif name == "sqlite":
            seconds = deliver({"type": "sql", "url": f"sqlite:///{root / 'bench.db'}",
                               "table": "bench"}, data, root)
        elif name == "postgres":
            assert pg_url
            seconds = deliver({"type": "sql", "url": pg_url,
                               "table": f"bench_{uuid.uuid4().hex[:8]}"}, data, root)
        else:
            with subprocess.Popen([sys.executable, __file__, "--receiver"], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True) as proc:
                assert proc.stdout is not None and proc.stdin is not None
                port = int(proc.stdout.readline())
                seconds = deliver({"type": "webhook", "url": f"http://127.0.0.1:{port}/hook",
                                   "secret": "${env:BENCH_HOOK}", "batch_size": 1000}, data, root)
                proc.stdin.close()
    return {"name": name, "rows": n, "seconds": seconds, "rps": n / seconds,
            "base_rss_mb": base_rss, "peak_rss_mb": peak.peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--database-url", default=os.environ.get("FEEDLINE_TEST_DATABASE_URL"))
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--receiver", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.receiver:
        receiver()
        return
    if args.one:
        print(json.dumps(one(args.one, args.rows, args.database_url)))
        return
    with scratch_database(args.database_url) as url:
        compare(args.rows, url)


@contextmanager
def scratch_database(base: str | None) -> Iterator[str | None]:
    """A new PostgreSQL database for this run (dropped at the end), or None."""
    if not base:
        yield None
        return
    admin = sa.create_engine(sa.make_url(base).set(drivername="postgresql+psycopg"),
                             isolation_level="AUTOCOMMIT")
    name = f"fl_egress_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield sa.make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def compare(rows: int, database_url: str | None) -> None:
    """Run every destination and baseline, each in its own process, and print the table."""
    names = ["polars-csv", "polars-parquet", "polars-xlsx", "csv", "jsonl", "parquet", "xlsx",
             "sqlite", "webhook"]
    if database_url:
        names[2:2] = ["psycopg-copy"]
        names.insert(names.index("sqlite") + 1, "postgres")
    print(f"egress of a {rows:,}-row frame, 20 columns, batches of {BATCH:,} "
          f"(xlsx and webhook: {min(rows, SCALED):,} rows)")
    print("RSS: resident memory with the frame built, and the peak while delivering it")
    print(f"{'destination':<16}{'rows':>11}{'seconds':>10}{'records/s':>13}"
          f"{'RSS before':>12}{'peak RSS':>10}")
    for name in names:
        out = subprocess.run([sys.executable, __file__, "--one", name, "--rows", str(rows)]
                             + (["--database-url", database_url] if database_url else []),
                             capture_output=True, text=True, check=False)
        if out.returncode:
            print(f"{name:<16} failed: {out.stderr.strip().splitlines()[-1]}")
            continue
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{name:<16}{r['rows']:>11,}{r['seconds']:>10.2f}{r['rps']:>13,.0f}"
              f"{r['base_rss_mb']:>10.0f}MB{r['peak_rss_mb']:>8.0f}MB")
    if not database_url:
        print("(PostgreSQL skipped: set FEEDLINE_TEST_DATABASE_URL or --database-url)")


if __name__ == "__main__":
    main()
