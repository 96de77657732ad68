"""Egress exactly once through real processes (SQLite and PostgreSQL): a worker killed with
SIGKILL in the middle of a file (append), an SQL and a webhook delivery; after a new worker
takes over, every record is in each destination exactly once. Then a person fixes a held
record: it follows on its own, once, and ``last_synced_at`` moves forward."""

from __future__ import annotations

import json
import random
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import polars as pl
import sqlalchemy as sa
import yaml

from bench.messy.generate import write
from feedline.egress import signing

REPO = Path(__file__).resolve().parents[2]
BLUEPRINT = REPO / "bench" / "messy" / "blueprint.yaml"
SECRET = "s3cret-for-the-hook"
ROWS = 30_000


class SlowReceiver:
    """A webhook receiver that takes its time per batch, checks each signature, and keeps
    a batch once per idempotency key (as a careful receiver does)."""

    def __init__(self, pace: float) -> None:
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        self.pace, self.lock = pace, threading.Lock()
        self.accepted: dict[str, dict[str, Any]] = {}
        self.attempts: dict[str, int] = {}
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                expected = signing.signature(SECRET, int(self.headers["X-Feedline-Timestamp"]), body)
                assert self.headers["X-Feedline-Signature"] == expected
                key = self.headers["Idempotency-Key"]
                time.sleep(receiver.pace)
                with receiver.lock:
                    receiver.attempts[key] = receiver.attempts.get(key, 0) + 1
                    receiver.accepted.setdefault(key, json.loads(body))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                """Quiet."""

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def ids(self) -> list[int]:
        with self.lock:
            return [r["id"] for b in self.accepted.values() for r in b["records"]]


def feed_file(folder: Path, sql_url: str, hook: str) -> Path:
    path = folder / "feed.yaml"
    path.write_text(yaml.safe_dump({
        "name": "messy", "blueprint": str(BLUEPRINT),
        "routes": [{"match": "*.csv", "sheet": "customers"}],
        "egress": {"policy": "valid-only", "debounce": "1s", "destinations": [
            # A file for a database load: no formula escaping ('+1 555…' stays as sent).
            {"name": "appended", "type": "file", "path": "out/{space}/all.csv", "mode": "append",
             "escape_formulas": False},
            {"name": "db", "type": "sql", "url": "${env:DEST_DB}", "table": "customers",
             "mode": "insert"},
            {"name": "hook", "type": "webhook", "url": hook, "secret": "${env:HOOK_SECRET}",
             "batch_size": 250}]},
    }), encoding="utf-8")
    return path


def runs(http: httpx.Client, sheet: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for r in http.get(f"/v1/sheets/{sheet}/egress").json()["data"]:
        out.setdefault(r["destination"], []).append(r)
    return out


def destination_ids(root: Path, sql_url: str, receiver: SlowReceiver) -> dict[str, list[str]]:
    csv = pl.read_csv(root / "data" / "out" / "egress" / "all.csv", infer_schema=False) \
        if (root / "data" / "out" / "egress" / "all.csv").exists() else None
    engine = sa.create_engine(sql_url)
    with engine.connect() as conn:
        db = [r[0] for r in conn.execute(sa.text("SELECT customer_id FROM customers"))]
    engine.dispose()
    return {"appended": csv["customer_id"].to_list() if csv is not None else [], "db": db,
            "hook": [str(i) for i in receiver.ids()]}


def test_killed_mid_delivery_then_a_fix_follows_once(make_cluster, database_url: str,
                                                     tmp_path: Path) -> None:
    if database_url.startswith("sqlite"):
        sql_url = f"sqlite:///{tmp_path / 'destination.db'}"
    else:
        sql_url = database_url  # a table in the test's own PostgreSQL database
    receiver = SlowReceiver(pace=0.03)
    feed = feed_file(tmp_path, sql_url, receiver.url)
    cluster = make_cluster(database_url, feed, DEST_DB=sql_url, HOOK_SECRET=SECRET,
                           FEEDLINE_CHUNK_ROWS="1000", FEEDLINE_MAX_ATTEMPTS="6")
    cluster.serve(workers=0)
    cluster.worker("w0")
    source = write(tmp_path / "customers.csv", ROWS, seed=5)
    rng = random.Random(7)
    with cluster.client() as http:
        space = http.post("/v1/spaces", json={"name": "egress", "feed": "messy"}).json()["id"]
        with source.open("rb") as fh:
            file_id = http.post("/v1/files", data={"space_id": space},
                                files={"file": (source.name, fh)}).json()["id"]
        sheet = None
        deadline = time.monotonic() + 240
        for n, dest in enumerate(("appended", "db", "hook")):
            while True:  # kill the worker while this destination's run is under way
                jobs = {j["operation"]: j for j in http.get("/v1/jobs", params={"file_id": file_id}).json()["data"]}
                if "map" in jobs and jobs["map"]["status"] == "complete":
                    sheet = jobs["map"]["outcome"]["sheet_id"]
                    current = runs(http, sheet).get(dest, [])
                    if current:
                        break
                assert time.monotonic() < deadline, jobs
                time.sleep(0.02)
            time.sleep(rng.uniform(0, 0.3))
            cluster.kill(f"w{n}")
            cluster.worker(f"w{n + 1}")
        assert sheet is not None
        while True:
            jobs = {j["operation"]: j for j in http.get("/v1/jobs", params={"file_id": file_id}).json()["data"]}
            if jobs["egress"]["status"] == "complete":
                break
            assert jobs["egress"]["status"] != "failed", jobs["egress"]
            assert time.monotonic() < deadline, jobs["egress"]
            time.sleep(0.2)
        valid = http.get(f"/v1/sheets/{sheet}").json()["counts"]["valid"]
        got = destination_ids(tmp_path, sql_url, receiver)
        for name, ids in got.items():
            assert len(ids) == valid and len(set(ids)) == len(ids), (name, len(ids), valid)
        synced = http.get(f"/v1/spaces/{space}").json()["metadata"]["last_synced_at"]

        # A person fixes one held record: it follows on its own, to each destination once.
        held = http.get(f"/v1/sheets/{sheet}/records", params={
            "filter": "invalid", "field": "email", "limit": 50}).json()["data"]
        bad = next(r for r in held if all(m["field"] == "email" for m in r["messages"]))
        fixed = http.patch(f"/v1/sheets/{sheet}/records", json=[
            {"id": bad["id"], "values": {"email": "fixed.person@example.com"}}])
        assert fixed.status_code == 200 and fixed.json()["data"][0]["valid"]
        while True:
            latest = runs(http, sheet)
            if all(len(latest[d]) >= 2 and latest[d][0]["status"] == "committed"
                   for d in ("appended", "db", "hook")):
                break
            assert time.monotonic() < deadline + 120, latest
            time.sleep(0.3)
        assert all(latest[d][0]["sent"] == 1 for d in latest)
        got = destination_ids(tmp_path, sql_url, receiver)
        for name, ids in got.items():
            assert len(ids) == valid + 1 and len(set(ids)) == len(ids), name
            if name != "hook":
                assert bad["values"]["customer_id"] in ids, name
        assert bad["id"] in receiver.ids()
        later = http.get(f"/v1/spaces/{space}").json()["metadata"]["last_synced_at"]
        assert later > synced
        delivered = http.get(f"/v1/sheets/{sheet}/records/{bad['id']}/deliveries").json()["data"]
        assert sorted(d["destination"] for d in delivered) == ["appended", "db", "hook"]
        assert {d["version"] for d in delivered} == {2}
    assert max(receiver.attempts.values()) >= 1
    if sql_url.startswith("postgresql"):  # the CSV loads into PostgreSQL as it is
        from feedline.settings import Settings

        engine = sa.create_engine(Settings(database_url=sql_url).resolved_database_url)
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE csv_copy (LIKE customers)")
            # A list is one "a;b" cell in CSV: it loads as text where the table keeps an array.
            conn.exec_driver_sql("ALTER TABLE csv_copy ALTER COLUMN tags TYPE text")
            driver = conn.connection.driver_connection
            assert driver is not None
            with driver.cursor() as cur, cur.copy(
                    "COPY csv_copy FROM STDIN WITH (FORMAT csv, HEADER)") as copy:
                copy.write((tmp_path / "data" / "out" / "egress" / "all.csv").read_bytes())
            columns = [r[0] for r in conn.exec_driver_sql(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'customers' "
                "ORDER BY ordinal_position")]
            typed = ", ".join("array_to_string(tags, ';')" if c == "tags" else f'"{c}"' for c in columns)
            plain = ", ".join(f'"{c}"' for c in columns)
            same = conn.exec_driver_sql(
                f"SELECT count(*) FROM (SELECT {plain} FROM csv_copy EXCEPT "
                f"SELECT {typed} FROM customers) x").scalar()
            total = conn.exec_driver_sql("SELECT count(*) FROM csv_copy").scalar()
        engine.dispose()
        assert total == valid + 1 and same == 0
