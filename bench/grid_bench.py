"""Records grid benchmark: the server time of the review UI's grid page on a large sheet.

    python bench/grid_bench.py [--rows 1000000] [--database-url postgresql://…] [--repeat 7]

Stores ``--rows`` messy customers (``bench/stored_sheet.py``), signs in to the UI and
times ``GET /ui/sheets/{id}`` in process (the handler's time and the page's rendering,
no network): the first page, invalid only, sorted by a field (the first sort of a
snapshot builds its order, later pages reuse it: both are shown), a page deep in the
sheet, and deep in the sorted order. Beside each, plain Polars over the same Parquet
parts doing the same cut (no overlay, no messages merged, no HTML) as the baseline.
Target: under 200 ms each at 1M records.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.stored_sheet import KEY, stored_sheet  # noqa: E402
from feedline.records.segment import part_keys  # noqa: E402
from feedline.store import repo  # noqa: E402

SIZE = 50


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, float, float]:
    """(first, median, worst) milliseconds."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return times[0], statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    t = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, \
            stored_sheet(Path(tmp), args.rows, args.database_url) as (app, client, sheet_id):
        print(f"{args.rows:,} records stored in {time.perf_counter() - t:.1f} s "
              f"({'PostgreSQL' if args.database_url else 'SQLite'})")
        form = client.get("/ui/sign-in")
        token = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
        signed = client.post("/ui/sign-in", data={"csrf": token, "api_key": KEY},
                             follow_redirects=False)
        assert signed.status_code == 303, signed.text
        with app.read() as conn:
            sheet = repo.get_sheet(conn, sheet_id)
            segment = repo.get_segment(conn, sheet_id, sheet.segment_version)
        parts = [str(app.blobs.path(k)) for k in part_keys(segment)]
        last = max(1, -(-args.rows // SIZE))
        deep = max(1, last - 2)

        def page(params: dict[str, Any]) -> Callable[[], None]:
            def get() -> None:
                resp = client.get(f"/ui/sheets/{sheet_id}", params=params)
                assert resp.status_code == 200, resp.text[:500]
                assert resp.text.count("<tr data-id=") > 0
            return get

        def polars(fn: Callable[[pl.LazyFrame], pl.LazyFrame]) -> Callable[[], None]:
            return lambda: fn(pl.scan_parquet(parts)).collect()

        cases = [
            ("first page", {"size": SIZE}, polars(lambda lf: lf.head(SIZE))),
            ("invalid only", {"filter": "invalid", "size": SIZE},
             polars(lambda lf: lf.filter(~pl.col("_valid")).head(SIZE))),
            ("sorted by last name", {"sort": "last_name", "size": SIZE},
             polars(lambda lf: lf.sort("last_name", "_id").head(SIZE))),
            (f"deep page ({deep:,} of {last:,})", {"page": deep, "size": SIZE},
             polars(lambda lf: lf.slice((deep - 1) * SIZE, SIZE))),
            ("sorted, deep", {"sort": "last_name", "order": "desc", "page": deep, "size": SIZE},
             polars(lambda lf: lf.sort("last_name", "_id", descending=[True, False])
                    .slice((deep - 1) * SIZE, SIZE))),
            ("email problems", {"field": "email", "filter": "invalid", "size": SIZE},
             polars(lambda lf: lf.filter(pl.col("_messages").list.eval(
                 pl.element().struct.field("field") == "email").list.any()).head(SIZE))),
        ]
        print(f"{'grid page (' + str(SIZE) + ' rows)':<34} {'first ms':>9} {'median ms':>10} "
              f"{'worst ms':>9} {'polars ms':>10}")
        for name, params, baseline in cases:
            first, median, worst = timed(page(params), args.repeat)
            _bf, base, _bw = timed(baseline, args.repeat)
            print(f"{name:<34} {first:9.1f} {median:10.1f} {worst:9.1f} {base:10.1f}")


if __name__ == "__main__":
    main()
