"""A real ``feedline serve`` receives real partner deliveries over HTTP."""

from __future__ import annotations

import csv
import time
from pathlib import Path
from typing import Any

import httpx

from tests.acceptance.conftest import API_KEY, Server, feedline
from tests.conftest import manifest_entry

SETTLED = {"complete", "failed", "canceled", "needs_review"}


def upload(http: httpx.Client, space_id: str, path: Path, name: str | None = None) -> dict[str, Any]:
    resp = http.post("/v1/files", data={"space_id": space_id},
                     files={"file": (name or path.name, path.read_bytes())})
    assert resp.status_code == 201, resp.text
    return resp.json()


def settle(http: httpx.Client, file_id: str, want: set[str], timeout: float = 180) -> dict[str, dict[str, Any]]:
    """Poll the file's jobs until the operations in ``want`` exist and all jobs settled."""
    deadline = time.monotonic() + timeout
    while True:
        jobs = {j["operation"]: j for j in http.get("/v1/jobs", params={"file_id": file_id}).json()["data"]}
        if want <= set(jobs) and all(j["status"] in SETTLED for j in jobs.values()):
            return jobs
        if any(j["status"] in {"failed", "needs_review"} for j in jobs.values()) and all(
                j["status"] in SETTLED for j in jobs.values()):
            return jobs
        assert time.monotonic() < deadline, f"file {file_id} did not settle: {jobs}"
        time.sleep(0.2)


def records(http: httpx.Client, sheet_id: str, filter: str = "all") -> list[dict[str, Any]]:
    out, cursor = [], None
    while True:
        params: dict[str, Any] = {"filter": filter, "limit": 1000}
        if cursor is not None:
            params["cursor"] = cursor
        page = http.get(f"/v1/sheets/{sheet_id}/records", params=params).json()
        out += page["data"]
        if (cursor := page["next_cursor"]) is None:
            return out


def test_northwind_deliveries_travel_end_to_end(server: Server, partner_fixtures) -> None:
    root, manifest = partner_fixtures
    with server.client() as http:
        space = http.post("/v1/spaces", json={"name": "northwind", "feed": "crm"}).json()
        for delivery in ("d1", "d2"):
            item = manifest_entry(manifest, "northwind", delivery)
            file = upload(http, space["id"], root / item["path"])
            jobs = settle(http, file["id"], {"extract", "map", "egress"})
            assert {op: j["status"] for op, j in jobs.items()} == {
                "extract": "complete", "map": "complete", "egress": "complete"}, jobs
            assert jobs["map"]["outcome"]["accepted_by"] == "automap"  # no person involved

            sheet_id = jobs["map"]["outcome"]["sheet_id"]
            recs = records(http, sheet_id)
            assert len(recs) == item["row_count"]
            flagged = {(r["row"], m["field"]) for r in recs for m in r["messages"] if m["level"] == "error"}
            assert flagged == {(e["row"], e["field"]) for e in item["errors"]}

            out = Path(jobs["egress"]["outcome"]["destinations"][0]["path"])
            assert out.is_relative_to(server.data_dir.resolve())
            with out.open(encoding="utf-8", newline="") as fh:
                egressed = list(csv.DictReader(fh))
            valid = records(http, sheet_id, "valid")
            bad_rows = {e["row"] for e in item["errors"]}
            assert len(egressed) == len(valid) == item["row_count"] - len(bad_rows)
            assert {r["row"] for r in valid}.isdisjoint(bad_rows)
            assert [r["email"] for r in egressed] == [v["values"]["email"] for v in valid]

        synced = http.get(f"/v1/spaces/{space['id']}").json()["metadata"]["last_synced_at"]
        assert synced and synced.endswith("Z")


def test_abbreviated_headers_never_map_wrongly_in_silence(server: Server, partner_fixtures) -> None:
    root, manifest = partner_fixtures
    item = manifest_entry(manifest, "acme", "d1")
    with server.client() as http:
        space = http.post("/v1/spaces", json={"name": "acme", "feed": "crm"}).json()
        file = upload(http, space["id"], root / item["path"])
        jobs = settle(http, file["id"], {"extract", "map"})
        plan = http.get(f"/v1/jobs/{jobs['map']['id']}/plan").json()
        mapping = {f["source"]: f["destination"] for f in plan["fields"]}
        if jobs["map"]["status"] == "complete":
            assert mapping == item["column_mapping"]
        else:
            assert jobs["map"]["status"] == "needs_review"
            assert jobs["map"]["outcome"]["reasons"], jobs["map"]


def test_bad_input_fails_with_a_reason_and_keeps_the_bytes(server: Server, tmp_path: Path) -> None:
    cases = {
        "contacts.pdf": (b"%PDF-1.7\n" + bytes(range(256)) * 8, "PDF"),
        "contacts_empty.csv": (b"", "empty"),
        "contacts_header_only.csv": (b"First Name,Last Name,Email\r\n", "no data rows"),
    }
    with server.client() as http:
        space = http.post("/v1/spaces", json={"name": "bad", "feed": "crm"}).json()
        for name, (data, reason) in cases.items():
            path = tmp_path / name
            path.write_bytes(data)
            file = upload(http, space["id"], path)
            jobs = settle(http, file["id"], {"extract"})
            assert set(jobs) == {"extract"} and jobs["extract"]["status"] == "failed"
            assert reason in jobs["extract"]["outcome"]["message"]
            f = http.get(f"/v1/files/{file['id']}").json()
            assert f["status"] == "failed" and reason in f["error"]
            blob = server.data_dir / "blobs" / "files" / f["sha256"][:2] / f["sha256"]
            assert blob.read_bytes() == data
        anon = httpx.get(f"{server.url}/v1/spaces")
        assert anon.status_code == 401 and anon.json()["error"]["code"] == "unauthorized"


def test_push_command_uploads_and_waits(server: Server, partner_fixtures) -> None:
    root, manifest = partner_fixtures
    path = root / manifest_entry(manifest, "northwind", "d3")["path"]
    result = feedline("push", str(path), "--space", "pushed", "--feed", "crm", "--server", server.url,
                      "--api-key", API_KEY, "--wait")
    assert result.returncode == 0, result.stderr
    assert "egress complete" in result.stderr
    again = feedline("push", str(path), "--space", "pushed", "--server", server.url, "--api-key", API_KEY)
    assert again.returncode == 0 and "already uploaded" in again.stderr
    missing = feedline("push", str(path), "--space", "nowhere", "--server", server.url, "--api-key", API_KEY)
    assert missing.returncode == 2 and "--feed" in missing.stderr


def test_push_wait_follows_the_members_of_an_archive(server: Server, partner_fixtures,
                                                     tmp_path: Path) -> None:
    import zipfile

    root, manifest = partner_fixtures
    archive = tmp_path / "delivery.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for partner in ("northwind", "acme"):
            item = manifest_entry(manifest, partner, "d2")
            zf.write(root / item["path"], arcname=Path(item["path"]).name)
    start = time.monotonic()
    result = feedline("push", str(archive), "--space", "zipped", "--feed", "crm", "--server",
                      server.url, "--api-key", API_KEY, "--wait", "--timeout", "120")
    took = time.monotonic() - start
    assert result.returncode in (0, 3), result.stderr  # 3: a member's plan waits for a person
    assert took < 110  # it follows the members instead of waiting for the archive's egress
    names = [Path(manifest_entry(manifest, p, "d2")["path"]).name for p in ("northwind", "acme")]
    for name in names:
        assert f"delivery.zip/{name}: extract complete" in result.stderr, result.stderr
    assert "delivery.zip/" + names[0] + ": egress complete" in result.stderr
