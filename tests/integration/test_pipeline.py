"""The headless flow end to end, in process, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from feedline.app import Feedline
from tests.conftest import KIND_TO_TYPE, manifest_entry
from tests.integration.conftest import drain


def upload(client: TestClient, space_id: str, path: Path) -> dict[str, Any]:
    with path.open("rb") as fh:
        resp = client.post("/v1/files", data={"space_id": space_id}, files={"file": (path.name, fh)})
    assert resp.status_code in (200, 201), resp.text
    return resp.json()


def jobs_of(client: TestClient, file_id: str) -> dict[str, dict[str, Any]]:
    return {j["operation"]: j for j in client.get("/v1/jobs", params={"file_id": file_id}).json()["data"]}


def all_records(client: TestClient, sheet_id: str, filter: str = "all") -> list[dict[str, Any]]:
    out, cursor = [], None
    while True:
        params: dict[str, Any] = {"filter": filter, "limit": 250}
        if cursor:
            params["cursor"] = cursor
        page = client.get(f"/v1/sheets/{sheet_id}/records", params=params).json()
        out += page["data"]
        cursor = page["next_cursor"]
        if cursor is None:
            return out


def test_northwind_delivery_flows_to_egress(app: Feedline, client: TestClient, partner_fixtures) -> None:
    root, manifest = partner_fixtures
    space = client.post("/v1/spaces", json={"name": "northwind", "feed": "crm"}).json()
    item = manifest_entry(manifest, "northwind", "d1")
    file = upload(client, space["id"], root / item["path"])
    drain(app)

    jobs = jobs_of(client, file["id"])
    assert {op: j["status"] for op, j in jobs.items()} == {
        "extract": "complete", "map": "complete", "egress": "complete"}
    assert client.get(f"/v1/files/{file['id']}").json()["status"] == "extracted"

    plan = client.get(f"/v1/jobs/{jobs['map']['id']}/plan").json()
    assert plan["accepted_by"] == "automap"
    assert {f["source"]: f["destination"] for f in plan["fields"]} == item["column_mapping"]

    sheet_id = jobs["map"]["outcome"]["sheet_id"]
    records = all_records(client, sheet_id)
    assert len(records) == item["row_count"]
    flagged = {(r["row"], m["field"]) for r in records for m in r["messages"] if m["level"] == "error"}
    expected = {(e["row"], e["field"]) for e in item["errors"]}
    assert flagged == expected
    by_row = {r["row"]: r for r in records}
    for e in item["errors"]:
        types = {m["type"] for m in by_row[e["row"]]["messages"] if m["field"] == e["field"]}
        assert KIND_TO_TYPE[e["kind"]] in types, e

    out = Path(jobs["egress"]["outcome"]["destinations"][0]["path"])
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    valid = all_records(client, sheet_id, "valid")
    assert len(rows) == len(valid) == item["row_count"] - len({e["row"] for e in item["errors"]})
    assert [r["email"] for r in rows] == [v["values"]["email"] for v in valid]

    space_now = client.get(f"/v1/spaces/{space['id']}").json()
    assert space_now["metadata"]["last_synced_at"]

    latest = client.get(f"/v1/spaces/{space['id']}/plans/latest", params={"sheet": "contacts"})
    assert latest.status_code == 200 and latest.json()["job_id"] == jobs["map"]["id"]

    topics = [e["topic"] for e in client.get("/v1/events", params={"space_id": space["id"]}).json()["data"]]
    for topic in ("file:created", "job:completed", "records:created", "workbook:created"):
        assert topic in topics


def test_reupload_of_same_bytes_is_a_noop(app: Feedline, client: TestClient, partner_fixtures) -> None:
    root, manifest = partner_fixtures
    space = client.post("/v1/spaces", json={"name": "nw", "feed": "crm"}).json()
    path = root / manifest_entry(manifest, "northwind", "d1")["path"]
    first = upload(client, space["id"], path)
    with path.open("rb") as fh:
        again = client.post("/v1/files", data={"space_id": space["id"]}, files={"file": (path.name, fh)})
    assert again.status_code == 200 and again.json()["id"] == first["id"] and again.json()["duplicate"]
    drain(app)
    assert len(client.get("/v1/jobs", params={"space_id": space["id"], "operation": "extract"}).json()["data"]) == 1


def test_unsure_plan_waits_for_a_person_then_runs(app: Feedline, client: TestClient, partner_fixtures) -> None:
    root, manifest = partner_fixtures
    space = client.post("/v1/spaces", json={"name": "acme", "feed": "crm"}).json()
    item = manifest_entry(manifest, "acme", "d1")
    file = upload(client, space["id"], root / item["path"])
    drain(app)
    jobs = jobs_of(client, file["id"])
    plan = client.get(f"/v1/jobs/{jobs['map']['id']}/plan").json()
    proposed = {f["source"]: f["destination"] for f in plan["fields"]}
    if jobs["map"]["status"] == "complete":
        assert proposed == item["column_mapping"]  # never a wrong mapping executed silently
        return
    assert jobs["map"]["status"] == "needs_review"
    assert jobs["map"]["outcome"]["reasons"]
    assert "egress" not in jobs

    fields = [{"source": s, "destination": d} for s, d in item["column_mapping"].items()]
    put = client.put(f"/v1/jobs/{jobs['map']['id']}/plan", json={"fields": fields})
    assert put.status_code == 200, put.text
    executed = client.post(f"/v1/jobs/{jobs['map']['id']}/execute")
    assert executed.status_code == 200 and executed.json()["status"] == "ready"
    drain(app)
    jobs = jobs_of(client, file["id"])
    assert jobs["map"]["status"] == "complete" and jobs["egress"]["status"] == "complete"
    assert jobs["map"]["outcome"]["accepted_by"] == "person"
    records = all_records(client, jobs["map"]["outcome"]["sheet_id"])
    flagged = {(r["row"], m["field"]) for r in records for m in r["messages"]}
    assert flagged == {(e["row"], e["field"]) for e in item["errors"]}

    # The person's plan is remembered: the next delivery maps without anyone.
    d2 = manifest_entry(manifest, "acme", "d2")
    file2 = upload(client, space["id"], root / d2["path"])
    drain(app)
    jobs2 = jobs_of(client, file2["id"])
    assert jobs2["map"]["status"] == "complete"
    plan2 = client.get(f"/v1/jobs/{jobs2['map']['id']}/plan").json()
    assert {f["source"]: f["destination"] for f in plan2["fields"]} == d2["column_mapping"]
