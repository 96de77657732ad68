"""The bundled example as ``make run`` starts it, followed as the README's tour tells."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.acceptance.conftest import free_port, stop

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "serve_example.py"


def wait_for(check: Any, timeout: float = 60.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := check():
            return result
        time.sleep(0.2)
    pytest.fail("the example did not reach the state the README describes")


def follow_the_tour(api: httpx.Client, data_dir: Path) -> None:
    def maps() -> list[dict[str, Any]]:
        try:
            return list(api.get("/v1/jobs", params={"operation": "map"}).json()["data"])
        except (httpx.HTTPError, KeyError):
            return []

    waiting = wait_for(lambda: len(m := maps()) == 3
                       and all(j["status"] == "needs_review" for j in m) and m)
    assert sorted(j["input"]["sheet"] for j in waiting) == ["customers", "customers", "orders"]
    assert all("probability" in j["outcome"]["reasons"][0] for j in waiting)

    space = api.get("/v1/spaces", params={"name": "example"}).json()["data"][0]["id"]
    files = {f["name"]: f["id"] for f in api.get("/v1/files", params={"space_id": space}).json()["data"]}
    january = api.get("/v1/jobs", params={"file_id": files["acme_customers_2026-01.csv"],
                                          "operation": "map"}).json()["data"][0]
    assert api.post(f"/v1/jobs/{january['id']}/execute").status_code == 200

    def settled() -> dict[str, dict[str, Any]] | None:
        by_file = {j["file_id"]: j for j in maps()}
        return by_file if by_file.get(files["acme_customers_2026-02.csv"], {}).get(
            "status") == "complete" and by_file[january["file_id"]]["status"] == "complete" else None

    by_file = wait_for(settled)
    assert by_file[files["acme_customers_2026-01.csv"]]["outcome"]["accepted_by"] == "person"
    february = by_file[files["acme_customers_2026-02.csv"]]["outcome"]
    assert february["accepted_by"] == "automap" and february["counts"]["invalid"] == 0
    assert by_file[files["acme_orders_2026-01.csv"]]["status"] == "needs_review"

    sheet = by_file[files["acme_customers_2026-01.csv"]]["outcome"]["sheet_id"]
    invalid = api.get(f"/v1/sheets/{sheet}/records", params={"filter": "invalid"}).json()["data"]
    assert len(invalid) == 4 and all(r["messages"] for r in invalid)
    out = data_dir / "out" / "example"
    files_out = wait_for(lambda: len(list(out.glob("customers.*.csv"))) == 2
                         and sorted(out.glob("customers.*.csv")))
    rows = sum(len(p.read_text().splitlines()) - 1 for p in files_out)
    assert rows == 4 + 5  # January's valid records and all of February's


def test_a_person_accepts_january_and_february_follows_alone(tmp_path: Path) -> None:
    port, data_dir = free_port(), tmp_path / ".feedline"
    env = {**os.environ, "FEEDLINE_DATA_DIR": str(data_dir), "FEEDLINE_PORT": str(port),
           "FEEDLINE_POLL_INTERVAL": "0.05"}
    env.pop("FEEDLINE_DATABASE_URL", None)
    env.pop("FEEDLINE_API_KEY", None)
    log = (tmp_path / "example.log").open("w")
    proc = subprocess.Popen([sys.executable, str(EXAMPLE)], env=env, stdout=log,
                            stderr=subprocess.STDOUT)
    try:
        key = wait_for(lambda: (data_dir / "api_key").exists()
                       and (data_dir / "api_key").read_text().strip())
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30,
                          headers={"Authorization": f"Bearer {key}"}) as api:
            follow_the_tour(api, data_dir)
    finally:
        stop(proc)
        log.close()
