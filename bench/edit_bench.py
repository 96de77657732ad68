"""Record-edit benchmark: PATCH one record of a large destination sheet.

    python bench/edit_bench.py [--rows 200000] [--database-url postgresql://…] [--repeat 5]

Builds a ``contacts`` sheet of the shared CRM blueprint (``unique`` contact ids and
case-insensitive ``unique`` emails, 0.5 % repeated emails) straight into a fresh
database through the validation engine and the map job's bulk insert, then times, in
process through the HTTP API: a PATCH that changes one record's phone (no key touched),
one that creates a duplicate email, one that fixes it again, a POST of one record and a
DELETE of one record. Prints milliseconds per request (median of ``--repeat``).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import polars as pl
from fastapi.testclient import TestClient
from feedline.store.records import insert_record_frame

from feedline.api import create_app
from feedline.app import Feedline
from feedline.feeds import load_feed
from feedline.settings import Settings
from feedline.store import repo
from feedline.validate import validate

REPO = Path(__file__).resolve().parents[1]
BLUEPRINT = REPO.parent / "shared" / "fixtures" / "blueprints" / "crm.yaml"
KEY = "fl_bench_key_0123456789"


def contacts(n: int) -> pl.DataFrame:
    """``n`` contacts as source text; every 200th repeats an earlier email in capitals."""
    i = pl.int_range(0, n).alias("i")
    email = pl.when(i % 200 == 199).then(pl.format("PERSON{}@EXAMPLE.COM", i - 7)).otherwise(
        pl.format("person{}@example.com", i))
    return pl.select(
        contact_id=pl.format("C{}", i), first_name=pl.format("First{}", i % 977),
        last_name=pl.format("Last{}", i % 1999), email=email,
        phone=pl.format("+1 555 {}", i % 10_000), job_title=pl.lit("Buyer"),
        status=pl.lit("active"), signup_date=pl.lit("2024-03-04"), opt_in=pl.lit("yes"),
        lifetime_value=pl.format("{}.50", i % 5000),
    ).select(pl.all().cast(pl.String))


def build(app: Feedline, rows: int) -> str:
    """A destination sheet of ``rows`` validated contacts; returns its id."""
    spec = app.feed("crm").blueprint.sheet("contacts")
    validated = validate(contacts(rows), spec)
    with app.begin() as conn:
        space = repo.create_space(conn, app.environment_id, "bench", "crm")
        wb = repo.create_workbook(conn, space["id"], None, "destination", "bench → contacts")
        sheet_id = repo.create_sheet(conn, wb, "contacts", "Contacts", spec.keys, rows,
                                     metadata={"counts": validated.counts()})
        insert_record_frame(conn, sheet_id, validated.record_frame())
    return sheet_id


def timed(fn: Any, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        url = args.database_url or f"sqlite:///{folder / 'bench.db'}"
        feed_path = folder / "feed.yaml"
        feed_path.write_text(f"name: crm\nblueprint: {BLUEPRINT}\n", encoding="utf-8")
        app = Feedline(Settings(data_dir=folder / "data", database_url=url),
                       [load_feed(feed_path)])
        with app.begin() as conn:
            repo.create_api_key(conn, app.environment_id, KEY)
        start = time.perf_counter()
        sheet_id = build(app, args.rows)
        print(f"{app.engine.dialect.name}: {args.rows:,} records stored in "
              f"{time.perf_counter() - start:.1f} s")
        url_ = f"/v1/sheets/{sheet_id}/records"
        with TestClient(create_app(app, run_workers=False),
                        headers={"Authorization": f"Bearer {KEY}"}) as client:
            page = client.get(url_[: -len("/records")] + "/records",
                              params={"limit": 20}).json()["data"]
            target, other = page[10], page[3]

            def patch(values: dict[str, Any]) -> Any:
                resp = client.patch(url_, json=[{"id": target["id"], "values": values}])
                assert resp.status_code == 200, resp.text
                return resp.json()

            phones = iter(range(10**6))
            results = {
                "PATCH 1 record (phone)": timed(lambda: patch({"phone": f"+1 {next(phones)}"}),
                                                args.repeat),
                "PATCH 1 record (duplicate email)": timed(
                    lambda: patch({"email": other["values"]["email"].upper()}), args.repeat),
                "PATCH 1 record (fix the duplicate)": timed(
                    lambda: patch({"email": target["values"]["email"]}), args.repeat),
            }
            assert patch({"email": target["values"]["email"]})["data"][0]["valid"] is True
            made: list[int] = []

            def post() -> None:
                resp = client.post(url_, json=[{"values": {"last_name": "New", "email":
                                                           f"new{len(made)}@example.com"}}])
                made.append(resp.json()["data"][0]["id"])

            results["POST 1 record"] = timed(post, args.repeat)
            results["DELETE 1 record"] = timed(
                lambda: client.delete(url_, params={"ids": [made.pop()]}), args.repeat)
        for name, ms in results.items():
            print(f"{name:<36} {ms:>9.1f} ms")
        app.close()


if __name__ == "__main__":
    main()
