"""Record and page benchmark on a large sheet: the server time of one edit and one page.

    python bench/edit_bench.py [--rows 1000000] [--database-url postgresql://…] [--repeat 7]

Stores ``--rows`` messy customers (``bench/stored_sheet.py``), then times requests through
the HTTP API in process (the handler's time, no network): a PATCH that fixes one invalid
email, one that creates a duplicate customer id (its uniqueness rechecked against the
whole sheet), a POST of one record, a DELETE of one record, a POST and a PATCH of the most records one
request may carry (10,000), and record pages: the first,
invalid only, deep in the sheet (the last), sorted by a field, filtered by a field's
messages and by a text search, and the first page read after an edit over the tens of
thousands of edits the batches leave. Prints milliseconds per request (median and worst of
``--repeat``; the batches half as often). Targets: under 100 ms each at 1M records (one
record or one page).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.stored_sheet import stored_sheet  # noqa: E402
from feedline.api.records import MAX_BATCH  # noqa: E402


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    t = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, \
            stored_sheet(Path(tmp), args.rows, args.database_url) as (_app, client, sheet):
        print(f"{args.rows:,} records stored in {time.perf_counter() - t:.1f} s "
              f"({'PostgreSQL' if args.database_url else 'SQLite'})")
        url = f"/v1/sheets/{sheet}/records"

        def ok(resp: Any) -> Any:
            assert resp.status_code < 300, resp.text
            return resp.json()

        invalid = ok(client.get(url, params={"filter": "invalid", "field": "email", "limit": 200}))
        bad = [r for r in invalid["data"] if any(m["type"] == "pattern" for m in r["messages"])]
        first = ok(client.get(url, params={"limit": 2}))["data"]
        fixes = iter(bad)
        counter = iter(range(10**9))
        results: list[tuple[str, float, float]] = []

        def fix() -> None:
            r = next(fixes)
            ok(client.patch(url, json=[{"id": r["id"], "values": {"email": f"fixed{r['id']}@example.com"}}]))

        def duplicate() -> None:
            n = next(counter)
            ok(client.patch(url, json=[{"id": first[1]["id"] + n + 1,
                                        "values": {"customer_id": first[0]["values"]["customer_id"]}}]))

        def add() -> None:
            n = next(counter)
            ok(client.post(url, json=[{"values": {"customer_id": f"NEW{n}", "last_name": "Bench",
                                                  "email": f"new{n}@example.com"}}]))

        def delete() -> None:
            n = next(counter)
            ok(client.delete(url, params={"ids": first[1]["id"] + 100 + n}))

        def add_batch() -> None:  # the most one request may carry
            n = next(counter)
            ok(client.post(url, json=[
                {"values": {"customer_id": f"BULK{n}-{i}", "last_name": "Bench",
                            "email": f"bulk{n}-{i}@example.com"}} for i in range(MAX_BATCH)]))

        def patch_batch() -> None:
            n = next(counter)
            start = first[1]["id"] + 1000 + n * MAX_BATCH
            ok(client.patch(url, json=[{"id": start + i, "values": {"notes": f"checked {n}"}}
                                       for i in range(MAX_BATCH)]))

        for name, fn in [("PATCH fix an email", fix), ("PATCH make a duplicate key", duplicate),
                         ("POST one record", add), ("DELETE one record", delete)]:
            results.append((name, *timed(fn, args.repeat)))
        deep = max(args.rows - 150, 0)
        pages = [
            ("GET first page", {"limit": 100}),
            ("GET invalid only", {"filter": "invalid", "limit": 100}),
            ("GET deep page", {"limit": 100, "cursor": deep}),
            ("GET sorted by email", {"limit": 100, "sort": "email"}),
            ("GET sorted, deep", {"limit": 100, "sort": "last_name", "order": "desc",
                                  "cursor": deep}),
            ("GET email messages", {"field": "email", "limit": 100}),
            ("GET text search", {"q": "o'brien", "search_field": "last_name", "limit": 100}),
        ]
        for name, params in pages:
            results.append((name, *timed(lambda p=params: ok(client.get(url, params=p)), args.repeat)))
        # Last: the batches leave many edits over the segment (no worker compacts them here).
        batches = max(1, args.repeat // 2)
        for name, fn in [(f"POST {MAX_BATCH:,} records", add_batch),
                         (f"PATCH {MAX_BATCH:,} records", patch_batch)]:
            results.append((name, *timed(fn, batches)))
        pending = f"{2 * batches * MAX_BATCH:,} edits not compacted"
        results.append((f"GET first page, {pending}",
                        *timed(lambda: ok(client.get(url, params={"limit": 100})), args.repeat)))
        after_edit = []  # the first read after an edit: the kept edits plus the new one
        for _ in range(args.repeat):
            fix()
            after_edit.append(timed(lambda: ok(client.get(url, params={"limit": 100})), 1)[0])
        results.append((f"GET first page after a PATCH, {pending}",
                        statistics.median(after_edit), max(after_edit)))
        print(f"{'request':<46} {'median ms':>10} {'worst ms':>10}")
        for name, median, worst in results:
            print(f"{name:<46} {median:10.1f} {worst:10.1f}")


if __name__ == "__main__":
    main()
