"""Automap through the API: review, PATCH, memory, drift on later deliveries."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from feedline.app import Feedline
from tests.integration.conftest import drain


def _entry(manifest: dict[str, Any], partner: str, delivery: str) -> dict[str, Any]:
    return next(f for f in manifest["files"] if f["partner"] == partner and f["delivery"] == delivery)


def _deliver(client: TestClient, app: Feedline, space_id: str, path: Path) -> dict[str, Any]:
    """Upload a file, run the pipeline, return its map job."""
    with path.open("rb") as fh:
        resp = client.post("/v1/files", data={"space_id": space_id}, files={"file": (path.name, fh)})
    assert resp.status_code in (200, 201), resp.text
    drain(app)
    jobs = client.get("/v1/jobs", params={"file_id": resp.json()["id"]}).json()["data"]
    return next(j for j in jobs if j["operation"] == "map")


def test_globex_correction_once_then_drift_runs_unattended(app: Feedline, client: TestClient,
                                                          partner_fixtures) -> None:
    root, manifest = partner_fixtures
    space = client.post("/v1/spaces", json={"name": "globex", "feed": "crm"}).json()

    d1 = _deliver(client, app, space["id"], root / _entry(manifest, "globex", "d1")["path"])
    assert d1["status"] == "needs_review"
    needs = d1["outcome"]["needs"]
    assert [(n["kind"], n["source"], n["destination"]) for n in needs] == [("column", "Newsletter", "opt_in")]
    assert d1["outcome"]["drift"] is None

    plan = client.get(f"/v1/jobs/{d1['id']}/plan").json()
    before = {f["source"]: f for f in plan["fields"]}
    # PATCH changes only what is listed: first a wrong choice, then the right one.
    wrong = client.patch(f"/v1/jobs/{d1['id']}/plan", json={"fields": [{"source": "Newsletter", "destination": None}]})
    assert wrong.status_code == 200, wrong.text
    fixed = client.patch(f"/v1/jobs/{d1['id']}/plan", json={
        "fields": [{"source": "Newsletter", "destination": "opt_in"}],
        "enums": {"status": {v["value"]: v["option"] for v in plan["enums"]["status"][:1]}},
    }).json()
    after = {f["source"]: f for f in fixed["fields"]}
    assert after["Newsletter"]["reason_code"] == "person"
    assert {k: v for k, v in after.items() if k != "Newsletter"} == {
        k: v for k, v in before.items() if k != "Newsletter"}
    assert fixed["enums"]["status"][0]["reason"] == "set by a person"
    assert fixed["enums"]["status"][1:] == plan["enums"]["status"][1:]
    bad = client.patch(f"/v1/jobs/{d1['id']}/plan", json={"enums": {"status": {"Aktiv": "nope"}}})
    assert bad.status_code == 422
    assert client.post(f"/v1/jobs/{d1['id']}/execute").status_code == 200
    drain(app)
    assert client.get(f"/v1/jobs/{d1['id']}").json()["status"] == "complete"

    memory = client.get(f"/v1/spaces/{space['id']}/memory").json()["data"]
    assert [(m["sheet"], m["headers"]["newsletter"]) for m in memory] == [("contacts", "opt_in")]

    d2 = _deliver(client, app, space["id"], root / _entry(manifest, "globex", "d2")["path"])
    assert d2["status"] == "complete", d2["outcome"]
    assert d2["outcome"]["drift"]["changed"] is False

    item = _entry(manifest, "globex", "d3")
    d3 = _deliver(client, app, space["id"], root / item["path"])
    assert d3["status"] == "complete", d3["outcome"]
    drift = d3["outcome"]["drift"]
    assert drift["renamed"] == item["drift"]["renamed"]
    assert drift["added"] == item["drift"]["added"]
    assert "renamed" in d3["outcome"]["drift_summary"]
    got = client.get(f"/v1/jobs/{d3['id']}/plan").json()
    assert {f["source"]: f["destination"] for f in got["fields"]} == item["column_mapping"]
    latest = client.get(f"/v1/spaces/{space['id']}/plans/latest", params={"sheet": "contacts"}).json()
    assert latest["job_id"] == d3["id"] and latest["drift"] == drift

    gone = client.delete(f"/v1/spaces/{space['id']}/memory").json()
    assert gone == {"forgotten": 1}
    assert client.get(f"/v1/spaces/{space['id']}/memory").json()["data"] == []


def test_a_forgotten_space_needs_review_again(app: Feedline, client: TestClient, partner_fixtures) -> None:
    root, manifest = partner_fixtures
    space = client.post("/v1/spaces", json={"name": "globex", "feed": "crm"}).json()
    d1 = _deliver(client, app, space["id"], root / _entry(manifest, "globex", "d1")["path"])
    client.patch(f"/v1/jobs/{d1['id']}/plan", json={"fields": [{"source": "Newsletter", "destination": "opt_in"}]})
    client.post(f"/v1/jobs/{d1['id']}/execute")
    drain(app)
    assert client.delete(f"/v1/spaces/{space['id']}/memory", params={"sheet": "contacts"}).json() == {"forgotten": 1}
    d2 = _deliver(client, app, space["id"], root / _entry(manifest, "globex", "d2")["path"])
    assert d2["status"] == "needs_review"
    assert d2["outcome"]["drift"] is None
