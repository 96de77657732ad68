"""Hooks in the map job, record edits through the API, re-validation (SQLite and Postgres)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from feedline.app import Feedline
from feedline.validate import Record
from tests.conftest import manifest_entry as entry
from tests.integration.conftest import drain
from tests.integration.test_pipeline import all_records, jobs_of, upload


def load_northwind(app: Feedline, client: TestClient, partner_fixtures: Any) -> tuple[str, dict[str, Any]]:
    root, manifest = partner_fixtures
    space = client.post("/v1/spaces", json={"name": "northwind", "feed": "crm"}).json()
    item = entry(manifest, "northwind", "d1")
    file = upload(client, space["id"], Path(root) / item["path"])
    drain(app)
    return jobs_of(client, file["id"])["map"]["outcome"]["sheet_id"], item


def by_row(client: TestClient, sheet_id: str) -> dict[int, dict[str, Any]]:
    return {r["row"]: r for r in all_records(client, sheet_id)}


def test_hooks_run_in_the_map_job_and_a_raising_one_is_reported(
        app: Feedline, client: TestClient, partner_fixtures: Any) -> None:
    @app.listener.record_hook("contacts")
    def shout(record: Record) -> None:
        record["job_title"] = (record["job_title"] or "").upper() or None

    @app.listener.bulk_hook("contacts")
    def broken(records: list[Record]) -> None:
        if any(r.row == 5 for r in records):
            raise ValueError("enrichment API timed out")

    sheet_id, item = load_northwind(app, client, partner_fixtures)
    records = by_row(client, sheet_id)
    assert len(records) == item["row_count"]
    titles = [r["values"]["job_title"] for r in records.values() if r["values"]["job_title"]]
    assert titles and all(t == t.upper() for t in titles)
    hooked = {row for row, r in records.items() for m in r["messages"] if m["type"] == "hook"}
    assert hooked == set(records)  # the batch that raised is every row of this small file
    assert all(not r["valid"] for r in records.values())
    job = client.get("/v1/jobs", params={"operation": "map"}).json()["data"][0]
    assert f"broken failed on {item['row_count']} records" in job["outcome"]["message"]
    assert job["outcome"]["hook_failures"][0]["message"].endswith("enrichment API timed out")
    sheet = client.get(f"/v1/sheets/{sheet_id}").json()
    assert sheet["messages"]["by_type"]["hook"] == item["row_count"]


def test_an_edit_that_fixes_a_unique_error_and_one_that_breaks_it(
        app: Feedline, client: TestClient, partner_fixtures: Any) -> None:
    sheet_id, item = load_northwind(app, client, partner_fixtures)
    dup = next(e for e in item["errors"] if e["kind"] == "duplicate_unique" and e["field"] == "email")
    records = by_row(client, sheet_id)
    second, first = records[dup["row"]], records[dup["duplicate_of"]]
    assert [m["type"] for m in second["messages"]] == ["unique"]

    fixed = client.patch(f"/v1/sheets/{sheet_id}/records",
                         json=[{"id": second["id"], "values": {"email": "fresh@example.com"}}])
    assert fixed.status_code == 200, fixed.text
    body = fixed.json()["data"][0]
    assert body["valid"] is True and body["messages"] == [] and body["version"] == 2

    clean = next(r for r in records.values() if r["valid"] and r["row"] > first["row"])
    broken = client.patch(f"/v1/sheets/{sheet_id}/records", json={"records": [
        {"id": clean["id"], "values": {"email": first["values"]["email"].upper()}}]}).json()
    assert broken["data"][0]["valid"] is False
    assert [m["type"] for m in broken["data"][0]["messages"]] == ["unique"]
    assert f"row {first['row']} " in broken["data"][0]["messages"][0]["message"]

    # Changing the first occurrence frees the later one: it is re-validated too.
    freed = client.patch(f"/v1/sheets/{sheet_id}/records",
                         json=[{"id": first["id"], "values": {"email": "other@example.com"}}]).json()
    assert clean["id"] in freed["revalidated"]
    assert by_row(client, sheet_id)[clean["row"]]["valid"] is True

    history = client.get(f"/v1/sheets/{sheet_id}/records/{second['id']}/versions").json()["data"]
    assert history[0]["change"] == "update" and history[0]["actor"].startswith("api-key:")
    assert history[0]["old_values"]["email"] == second["values"]["email"]
    assert history[0]["new_values"]["email"] == "fresh@example.com"
    events = client.get("/v1/events", params={"topic": "records:updated"}).json()["data"]
    assert [e["payload"]["updated"] for e in events] == [[second["id"]], [clean["id"]], [first["id"]]]


def test_edits_are_revalidated_and_update_hooks_see_only_changed_records(
        app: Feedline, client: TestClient, partner_fixtures: Any) -> None:
    sheet_id, _ = load_northwind(app, client, partner_fixtures)
    seen: list[int] = []

    @app.listener.record_hook("contacts")
    def lower(record: Record) -> None:
        seen.append(record.id or -1)
        record["email"] = (record["email"] or "").lower() or None

    target = next(r for r in by_row(client, sheet_id).values() if r["valid"])
    resp = client.patch(f"/v1/sheets/{sheet_id}/records", json=[
        {"id": target["id"], "values": {"email": "New.Person@Example.COM", "signup_date": "2024-02-30",
                                        "lifetime_value": "$1,234.50", "opt_in": "ja"}}]).json()
    rec = resp["data"][0]
    assert seen == [target["id"]]
    assert rec["values"]["email"] == "new.person@example.com"
    assert rec["values"]["lifetime_value"] == 1234.5 and rec["values"]["opt_in"] is True
    assert rec["values"]["signup_date"] == "2024-02-30"  # kept as sent, flagged
    assert [(m["field"], m["type"]) for m in rec["messages"]] == [("signup_date", "invalid-date")]
    sheet = client.get(f"/v1/sheets/{sheet_id}").json()
    assert sheet["messages"]["by_field"]["signup_date"]["invalid-date"] >= 1

    bad = client.patch(f"/v1/sheets/{sheet_id}/records", json=[{"id": target["id"], "values": {"nope": 1}}])
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid-request"
    missing = client.patch(f"/v1/sheets/{sheet_id}/records", json=[{"id": 10**9, "values": {}}])
    assert missing.status_code == 404


def test_add_and_delete_records(app: Feedline, client: TestClient, partner_fixtures: Any) -> None:
    sheet_id, item = load_northwind(app, client, partner_fixtures)
    existing = next(r for r in by_row(client, sheet_id).values() if r["valid"])
    added = client.post(f"/v1/sheets/{sheet_id}/records", json=[
        {"values": {"last_name": "Doe", "email": "jane.doe@example.com", "status": "Active"}},
        {"values": {"last_name": "Dup", "email": existing["values"]["email"]}}])
    assert added.status_code == 201, added.text
    new, dup = added.json()["data"]
    assert new["valid"] is True and new["values"]["status"] == "active"
    assert new["row"] == item["row_count"]
    assert [m["type"] for m in dup["messages"]] == ["unique"]

    invalid_before = client.get(f"/v1/sheets/{sheet_id}").json()["counts"]["invalid"]
    gone = client.delete(f"/v1/sheets/{sheet_id}/records", params={"filter": "invalid"}).json()
    assert len(gone["deleted"]) == invalid_before
    assert client.get(f"/v1/sheets/{sheet_id}").json()["counts"] == {
        "total": item["row_count"] + 2 - invalid_before, "valid": item["row_count"] + 2 - invalid_before,
        "invalid": 0}
    gone = client.delete(f"/v1/sheets/{sheet_id}/records", params={"ids": [new["id"]]}).json()
    assert gone["deleted"] == [new["id"]]
    history = client.get(f"/v1/sheets/{sheet_id}/records/{new['id']}/versions").json()["data"]
    assert [h["change"] for h in history] == ["create", "delete"]
    assert client.delete(f"/v1/sheets/{sheet_id}/records").status_code == 422
