"""HTTP API behaviour a client notices: auth, errors, bad input."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from feedline.app import Feedline
from tests.integration.conftest import drain


def test_openapi_and_health_need_no_key(client: TestClient) -> None:
    anon = TestClient(client.app)
    assert anon.get("/healthz").json()["status"] == "ok"
    paths = anon.get("/openapi.json").json()["paths"]
    for p in ("/v1/spaces", "/v1/files", "/v1/jobs/{job_id}/plan", "/v1/events",
              "/v1/spaces/{space_id}/plans/latest", "/v1/sheets/{sheet_id}/records"):
        assert p in paths


def test_every_route_needs_a_valid_key(client: TestClient) -> None:
    anon = TestClient(client.app)
    resp = anon.get("/v1/spaces")
    assert resp.status_code == 401 and resp.json()["error"]["code"] == "unauthorized"
    bad = anon.get("/v1/jobs", headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401 and bad.json()["error"]["message"] == "invalid or revoked API key"


def test_errors_are_json_with_the_right_status(client: TestClient) -> None:
    missing = client.get("/v1/spaces/sp_nope")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not-found"
    unknown_feed = client.post("/v1/spaces", json={"name": "x", "feed": "nofeed"})
    assert unknown_feed.status_code == 404 and "nofeed" in unknown_feed.json()["error"]["message"]
    invalid = client.post("/v1/spaces", json={"name": ""})
    assert invalid.status_code == 422 and invalid.json()["error"]["code"] == "invalid-request"
    client.post("/v1/spaces", json={"name": "dup", "feed": "crm"})
    dup = client.post("/v1/spaces", json={"name": "dup", "feed": "crm"})
    assert dup.status_code == 409
    no_file = client.post("/v1/files", data={"space_id": "sp_x"})
    assert no_file.status_code == 422
    bad_filter = client.get("/v1/sheets/sh_x/records", params={"filter": "weird"})
    assert bad_filter.status_code == 422


def _upload(client: TestClient, space_id: str, name: str, data: bytes) -> dict:
    resp = client.post("/v1/files", data={"space_id": space_id}, files={"file": (name, data)})
    assert resp.status_code == 201, resp.text
    return resp.json()


def test_bad_files_fail_their_job_with_a_reason_and_keep_bytes(app: Feedline, client: TestClient) -> None:
    space = client.post("/v1/spaces", json={"name": "bad", "feed": "crm"}).json()
    cases = {
        "contacts.png": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "image"),
        "contacts_empty.csv": (b"", "empty"),
        "contacts_header.csv": (b"Email,First Name,Last Name\n", "no data rows"),
    }
    uploaded = {name: _upload(client, space["id"], name, data) for name, (data, _) in cases.items()}
    drain(app)
    for name, (data, reason) in cases.items():
        f = uploaded[name]
        jobs = client.get("/v1/jobs", params={"file_id": f["id"]}).json()["data"]
        assert [j["operation"] for j in jobs] == ["extract"], name
        assert jobs[0]["status"] == "failed"
        assert reason in jobs[0]["outcome"]["message"], (name, jobs[0]["outcome"])
        assert "\n" not in jobs[0]["outcome"]["message"]
        now = client.get(f"/v1/files/{f['id']}").json()
        assert now["status"] == "failed" and reason in now["error"]
        blob = Path(app.settings.blob_dir / "files" / f["sha256"][:2] / f["sha256"])
        assert blob.read_bytes() == data
    workbooks = client.get("/v1/workbooks", params={"space_id": space["id"]}).json()["data"]
    assert workbooks == []  # nothing half-written


def test_unrouted_file_fails_map_with_reason(app: Feedline, client: TestClient) -> None:
    space = client.post("/v1/spaces", json={"name": "r", "feed": "crm"}).json()
    f = _upload(client, space["id"], "inventory.csv", b"a,b\n1,2\n")
    drain(app)
    jobs = {j["operation"]: j for j in client.get("/v1/jobs", params={"file_id": f["id"]}).json()["data"]}
    assert jobs["extract"]["status"] == "complete"
    assert jobs["map"]["status"] == "failed"
    assert "no route" in jobs["map"]["outcome"]["message"]


def test_plan_edits_are_checked(app: Feedline, client: TestClient) -> None:
    space = client.post("/v1/spaces", json={"name": "p", "feed": "crm"}).json()
    f = _upload(client, space["id"], "contacts.csv", b"foo,bar\nDoe,2020-01-01\n")
    drain(app)
    job = next(j for j in client.get("/v1/jobs", params={"file_id": f["id"]}).json()["data"] if j["operation"] == "map")
    assert job["status"] == "needs_review"
    assert any("required" in r for r in job["outcome"]["reasons"])
    bad = client.put(f"/v1/jobs/{job['id']}/plan", json={"fields": [{"source": "Nope", "destination": "email"}]})
    assert bad.status_code == 422
    twice = client.put(f"/v1/jobs/{job['id']}/plan", json={"fields": [
        {"source": "Surname", "destination": "email"}, {"source": "Mail", "destination": "email"}]})
    assert twice.status_code == 422
    unknown = client.put(f"/v1/jobs/{job['id']}/plan", json={"fields": [{"source": "foo", "destination": "nope"}]})
    assert unknown.status_code == 422
    # A plan that leaves required fields unmapped cannot run.
    ok = client.put(f"/v1/jobs/{job['id']}/plan", json={"fields": [{"source": "foo", "destination": "last_name"}]})
    assert ok.status_code == 200
    refused = client.post(f"/v1/jobs/{job['id']}/execute")
    assert refused.status_code == 422 and "email" in refused.json()["error"]["message"]
    client.post(f"/v1/jobs/{job['id']}/cancel")
    late = client.put(f"/v1/jobs/{job['id']}/plan", json={"fields": []})
    assert late.status_code == 409
