"""Scale-out: one API-only ``feedline serve`` and three ``feedline worker`` processes on
PostgreSQL. Thirty deliveries uploaded at once are each extracted, mapped and delivered
exactly once; a worker killed with SIGKILL mid-job leaves it to another once its lease
runs out. With SQLite, one process takes twenty uploads at once."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import polars as pl
import pytest

from bench.messy.generate import write
from tests.conftest import postgres_base_url

REPO = Path(__file__).resolve().parents[2]
FEED = REPO / "bench" / "messy" / "feed.yaml"
SETTLED = {"complete", "failed", "canceled", "needs_review"}


def jobs_of(http: httpx.Client, file_id: str) -> list[dict[str, Any]]:
    return list(http.get("/v1/jobs", params={"file_id": file_id, "limit": 100}).json()["data"])


def wait_delivered(http: httpx.Client, file_ids: list[str], timeout: float = 300) -> dict[str, list[dict[str, Any]]]:
    deadline = time.monotonic() + timeout
    while True:
        state = {f: jobs_of(http, f) for f in file_ids}
        done = all({j["operation"] for j in jobs} >= {"extract", "map", "egress"}
                   and all(j["status"] in SETTLED for j in jobs) for jobs in state.values())
        if done:
            return state
        assert time.monotonic() < deadline, {f: [(j["operation"], j["status"]) for j in jobs]
                                              for f, jobs in state.items()}
        time.sleep(0.5)


def upload_all(http: httpx.Client, space: str, paths: list[Path]) -> list[str]:
    def one(path: Path) -> str:
        with path.open("rb") as fh:
            resp = http.post("/v1/files", data={"space_id": space}, files={"file": (path.name, fh)})
        assert resp.status_code == 201, resp.text
        return str(resp.json()["id"])

    with ThreadPoolExecutor(8) as pool:
        return list(pool.map(one, paths))


def check_exactly_once(http: httpx.Client, state: dict[str, list[dict[str, Any]]],
                       rows: dict[str, int]) -> set[str]:
    """Each file: one complete job of each step, one committed delivery with its valid
    records; returns the workers (host:pid) that ran them."""
    workers = set()
    for file_id, jobs in state.items():
        ops = sorted(j["operation"] for j in jobs)
        assert ops == ["egress", "extract", "map"], (file_id, ops)
        assert all(j["status"] == "complete" for j in jobs), [(j["operation"], j["outcome"]) for j in jobs]
        workers |= {j["worker"] for j in jobs}
        map_job = next(j for j in jobs if j["operation"] == "map")
        sheet = map_job["outcome"]["sheet_id"]
        runs = http.get(f"/v1/sheets/{sheet}/egress").json()["data"]
        assert [r["status"] for r in runs] == ["committed"], runs
        counts = map_job["outcome"]["counts"]
        assert counts["rows"] == rows[file_id]
        assert runs[0]["sent"] == counts["valid"]
        out = pl.read_csv(runs[0]["report"]["location"], infer_schema=False)
        assert out.height == counts["valid"]
        assert out["customer_id"].n_unique() == out.height  # no record twice
    return workers


@pytest.mark.postgres
def test_three_workers_process_thirty_deliveries_once_and_survive_a_kill(
        make_cluster, tmp_path: Path) -> None:
    import uuid

    import sqlalchemy as sa

    from feedline.settings import Settings

    base = Settings(database_url=postgres_base_url()).resolved_database_url
    name = "fl_cluster_" + uuid.uuid4().hex[:10]
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sa.make_url(base).set(database=name).render_as_string(hide_password=False)
    try:
        cluster = make_cluster(url, FEED)
        cluster.serve(workers=0)
        pids = {cluster.worker(f"worker-{i}") for i in range(3)}
        files = [write(tmp_path / f"customers_{i:02d}.csv", 300, seed=i) for i in range(30)]
        with cluster.client() as http:
            space = http.post("/v1/spaces", json={"name": "many", "feed": "messy"}).json()["id"]
            ids = upload_all(http, space, files)
            state = wait_delivered(http, ids)
            workers = check_exactly_once(http, state, dict.fromkeys(ids, 300))
            assert len({w.rsplit(":", 1)[-1] for w in workers}) >= 2, workers  # shared out

            # A long map job; its worker dies with SIGKILL while it runs.
            big = write(tmp_path / "customers_big.csv", 400_000, seed=99)
            (file_id,) = upload_all(http, space, [big])
            deadline = time.monotonic() + 120
            while True:
                running = [j for j in jobs_of(http, file_id)
                           if j["operation"] == "map" and j["status"] == "executing"]
                if running and running[0]["progress"] >= 30:
                    break
                assert time.monotonic() < deadline, jobs_of(http, file_id)
                time.sleep(0.1)
            victim = running[0]["worker"]
            name_of = {p.pid: n for n, p in cluster.procs.items()}
            cluster.kill(name_of[int(victim.rsplit(":", 1)[-1])])
            state = wait_delivered(http, [file_id], timeout=300)
            check_exactly_once(http, state, {file_id: 400_000})
            redone = next(j for j in state[file_id] if j["operation"] == "map")
            assert redone["attempts"] == 2 and redone["worker"] != victim
            assert int(redone["worker"].rsplit(":", 1)[-1]) in pids
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def test_one_sqlite_process_takes_twenty_uploads_at_once(make_cluster, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'feedline.db'}"
    cluster = make_cluster(url, FEED)
    cluster.serve(workers=2)
    files = [write(tmp_path / f"customers_{i:02d}.csv", 200, seed=100 + i) for i in range(20)]
    with cluster.client() as http:
        space = http.post("/v1/spaces", json={"name": "many", "feed": "messy"}).json()["id"]
        ids = upload_all(http, space, files)
        state = wait_delivered(http, ids)
        check_exactly_once(http, state, dict.fromkeys(ids, 200))
        assert http.get("/healthz").status_code == 200
