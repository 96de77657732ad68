"""A feed config's ``hooks:`` list runs inside the server pipeline (map job and record
edits), from a module beside the feed file (SQLite and Postgres)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from feedline.api import create_app
from feedline.app import Feedline
from feedline.feeds import load_feed
from feedline.settings import Settings
from feedline.store import repo
from tests.conftest import manifest_entry, write_crm_feed
from tests.integration.conftest import API_KEY, drain
from tests.integration.test_pipeline import all_records, jobs_of, upload

HOOKS = '''
import polars as pl

from feedline.validate import Hook


def register(listener):
    @listener.record_hook("contacts")
    def shout(record):
        record["last_name"] = (record["last_name"] or "").upper() or None

    @listener.frame_hook("contacts")
    def no_phone(df):
        return df.with_columns(pl.when(pl.col("phone").is_null())
                               .then(pl.lit("no phone")).alias("warn:phone"))


def _enrich(records):
    if any((r["email"] or "").endswith("@down.example") for r in records):
        raise ConnectionError("CRM is down")


ENRICH = Hook("bulk", "contacts", _enrich)
'''


@pytest.fixture
def hooked(database_url: str, tmp_path: Path,
           crm_blueprint_path: Path) -> Iterator[tuple[Feedline, TestClient]]:
    module = f"feed_hooks_{uuid.uuid4().hex[:8]}"  # a fresh import per test
    (tmp_path / f"{module}.py").write_text(HOOKS, encoding="utf-8")
    feed = write_crm_feed(tmp_path, crm_blueprint_path,
                          hooks=[f"{module}:register", f"{module}:ENRICH"])
    app = Feedline(Settings(data_dir=tmp_path / "data", database_url=database_url,
                            poll_interval=0.01), [load_feed(feed)])
    with app.begin() as conn:
        repo.create_api_key(conn, app.environment_id, API_KEY)
    with TestClient(create_app(app, run_workers=False),
                    headers={"Authorization": f"Bearer {API_KEY}"}) as client:
        yield app, client
    app.close()


def test_feed_hooks_change_records_in_the_map_job_and_on_edits(
        hooked: tuple[Feedline, TestClient], partner_fixtures: Any) -> None:
    app, client = hooked
    root, manifest = partner_fixtures
    item = manifest_entry(manifest, "northwind", "d1")
    space = client.post("/v1/spaces", json={"name": "nw", "feed": "crm"}).json()
    file = upload(client, space["id"], Path(root) / item["path"])
    drain(app)
    job = jobs_of(client, file["id"])["map"]
    assert job["status"] == "complete" and job["outcome"]["hook_failures"] == []
    records = all_records(client, job["outcome"]["sheet_id"])
    names = [r["values"]["last_name"] for r in records if r["values"]["last_name"]]
    assert names and all(n == n.upper() for n in names)
    no_phone = [r for r in records if r["values"]["phone"] is None]
    assert no_phone and all({"field": "phone", "type": "hook", "level": "warn",
                             "message": "no phone"} in r["messages"] for r in no_phone)

    # The feed's hooks run on edited records too; a raising one rejects its batch.
    target = next(r for r in records if r["valid"])
    url = f"/v1/sheets/{job['outcome']['sheet_id']}/records"
    body = client.patch(url, json=[{"id": target["id"], "values": {"last_name": "smith"}}]).json()
    assert body["data"][0]["values"]["last_name"] == "SMITH" and body["data"][0]["valid"]
    body = client.patch(url, json=[{"id": target["id"], "values": {
        "email": "x@down.example", "last_name": "jones"}}]).json()
    assert body["data"][0]["valid"] is False
    assert body["hook_failures"][0]["message"] == "_enrich failed: ConnectionError: CRM is down"
    assert {"field": None, "type": "hook", "level": "error",
            "message": "_enrich failed: ConnectionError: CRM is down"} in body["data"][0]["messages"]


def test_a_raising_feed_hook_is_reported_by_the_map_job(
        hooked: tuple[Feedline, TestClient], tmp_path: Path) -> None:
    app, client = hooked
    data = tmp_path / "contacts.csv"
    data.write_text("Last Name,Email,Phone\nAda,ada@down.example,1\nBob,bob@ok.example,2\n",
                    encoding="utf-8")
    space = client.post("/v1/spaces", json={"name": "down", "feed": "crm"}).json()
    file = upload(client, space["id"], data)
    drain(app)
    job = jobs_of(client, file["id"])["map"]
    assert job["status"] == "complete"
    assert "hook _enrich failed on 2 records" in job["outcome"]["message"]
    records = all_records(client, job["outcome"]["sheet_id"])
    assert [r["values"]["last_name"] for r in records] == ["ADA", "BOB"]  # other hooks kept
    assert all(not r["valid"] and [m["type"] for m in r["messages"]] == ["hook"]
               for r in records)
