"""Workbook, JSON and XML uploads flow through the extract job; bad bytes stay untouched."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from fastapi.testclient import TestClient

from feedline.app import Feedline
from feedline.store import repo
from tests.integration.conftest import drain

pytestmark = pytest.mark.shared


def upload(client: TestClient, space_id: str, name: str, data: bytes) -> dict[str, Any]:
    resp = client.post("/v1/files", data={"space_id": space_id}, files={"file": (name, data)})
    assert resp.status_code == 201, resp.text
    return resp.json()


def source_sheets(client: TestClient, space_id: str, file_id: str) -> list[dict[str, Any]]:
    books = client.get("/v1/workbooks", params={"space_id": space_id}).json()["data"]
    (book,) = [b for b in books if b["file_id"] == file_id and b["kind"] == "source"]
    return [client.get(f"/v1/sheets/{s['id']}").json() for s in book["sheets"]]


def test_xlsx_json_xml_uploads(app: Feedline, client: TestClient,
                               partner_fixtures: tuple[Path, dict[str, Any]]) -> None:
    out, manifest = partner_fixtures
    space = client.post("/v1/spaces", json={"name": "mixed", "feed": "crm"}).json()
    files = {}
    for partner in ("initech", "umbrella", "hooli"):
        entry = next(f for f in manifest["files"]
                     if (f["partner"], f["delivery"]) == (partner, "d1"))
        path = out / entry["path"]
        files[partner] = (entry, upload(client, space["id"], path.name, path.read_bytes()))
    drain(app)
    for partner, (entry, file) in files.items():
        assert client.get(f"/v1/files/{file['id']}").json()["status"] == "extracted", partner
        sheets = source_sheets(client, space["id"], file["id"])
        data = [s for s in sheets if s["metadata"]["tabular"]]
        assert len(data) == 1, partner
        assert data[0]["row_count"] == entry["row_count"]
        assert data[0]["metadata"]["header_row"] == (entry["header_row"] or 0)
        assert set(entry["column_mapping"]) <= set(data[0]["columns"])
        assert data[0]["metadata"]["profile"]
        maps = [j for j in client.get("/v1/jobs", params={"file_id": file["id"]}).json()["data"]
                if j["operation"] == "map"]
        # one map job, for the data sheet only: initech's Notes sheet is not mapped
        assert [j["input"]["source_sheet_id"] for j in maps] == [data[0]["id"]], partner
        assert maps[0]["input"]["sheet"] == entry["target_sheet"]
    initech = source_sheets(client, space["id"], files["initech"][1]["id"])
    assert {s["name"]: s["metadata"]["tabular"] for s in initech} == {"Orders": True,
                                                                      "Notes": False}


def test_corrupt_xlsx_fails_and_keeps_bytes(app: Feedline, client: TestClient,
                                            partner_fixtures: tuple[Path, dict[str, Any]]) -> None:
    out, _manifest = partner_fixtures
    good = next((out / "initech" / "d1").glob("*.xlsx")).read_bytes()
    broken = good[: len(good) // 2]
    space = client.post("/v1/spaces", json={"name": "initech", "feed": "crm"}).json()
    file = upload(client, space["id"], "initech_orders_broken.xlsx", broken)
    drain(app)
    got = client.get(f"/v1/files/{file['id']}").json()
    assert got["status"] == "failed"
    assert got["error"].startswith("not a readable Excel workbook")
    (job,) = client.get("/v1/jobs", params={"file_id": file["id"]}).json()["data"]
    assert job["status"] == "failed"
    books = client.get("/v1/workbooks", params={"space_id": space["id"]}).json()["data"]
    assert books == []
    with app.begin() as conn:
        stored = app.blobs.path(repo.get_file(conn, file["id"]).blob_key).read_bytes()
    assert stored == broken  # the original bytes are kept, untouched


def test_header_row_override_via_api(app: Feedline, client: TestClient) -> None:
    space = client.post("/v1/spaces", json={"name": "nw", "feed": "crm"}).json()
    data = b"Contact ID,Email\nid,email\nC1,a@x.io\n"
    file = upload(client, space["id"], "nw_contacts.csv", data)
    drain(app)
    (sheet,) = source_sheets(client, space["id"], file["id"])
    assert (sheet["metadata"]["header_row"], sheet["row_count"]) == (0, 2)
    resp = client.post(f"/v1/files/{file['id']}/extract", json={"header_row": 1})
    assert resp.status_code == 202, resp.text
    drain(app)
    (sheet,) = source_sheets(client, space["id"], file["id"])
    assert (sheet["metadata"]["header_row"], sheet["columns"], sheet["row_count"]) == (
        1, ["id", "email"], 1)
    bad = client.post(f"/v1/files/{file['id']}/extract", json={"header_row": "3"})
    assert bad.status_code == 422


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_zip_members_become_files_of_their_own(app: Feedline, client: TestClient) -> None:
    space = client.post("/v1/spaces", json={"name": "bundle", "feed": "crm"}).json()
    archive = upload(client, space["id"], "delivery.zip", _zip({
        "2025/acme_contacts.csv": b"Email,First Name\na@x.io,Ann\nb@x.io,Bob\n",
        "2025/acme_orders.csv": b"Order ID,Total\nO1,9.50\nO2,3.00\n",
        "__MACOSX/._acme_orders.csv": b"\x00\x05junk",
        ".DS_Store": b"\x00junk",
    }))
    drain(app)
    got = client.get(f"/v1/files/{archive['id']}").json()
    assert (got["status"], got["parent_id"]) == ("extracted", None)
    (job,) = client.get("/v1/jobs", params={"file_id": archive["id"]}).json()["data"]
    assert job["status"] == "complete"
    books = client.get("/v1/workbooks", params={"space_id": space["id"]}).json()["data"]
    assert not [b for b in books if b["file_id"] == archive["id"]]  # no workbook of its own
    files = client.get("/v1/files", params={"space_id": space["id"]}).json()["data"]
    members = {f["name"]: f for f in files if f["parent_id"] == archive["id"]}
    assert set(members) == {"2025/acme_contacts.csv", "2025/acme_orders.csv"}
    assert sorted(m["file_id"] for m in job["outcome"]["members"]) == sorted(
        f["id"] for f in members.values())
    for name, target in (("2025/acme_contacts.csv", "contacts"), ("2025/acme_orders.csv", "orders")):
        member = members[name]
        assert member["status"] == "extracted"
        jobs = client.get("/v1/jobs", params={"file_id": member["id"]}).json()["data"]
        assert sorted(j["operation"] for j in jobs) == ["extract", "map"]
        (map_job,) = [j for j in jobs if j["operation"] == "map"]
        assert map_job["input"]["sheet"] == target
        (sheet,) = source_sheets(client, space["id"], member["id"])
        assert sheet["row_count"] == 2


def test_zip_bomb_fails_without_members(app: Feedline, client: TestClient) -> None:
    space = client.post("/v1/spaces", json={"name": "bomb", "feed": "crm"}).json()
    archive = upload(client, space["id"], "bomb.zip", _zip({
        "a_contacts.csv": b"Email\na@x.io\n",
        "b_orders.csv": b"Order ID\n" + b"0" * 50_000_000,
    }))
    drain(app)
    got = client.get(f"/v1/files/{archive['id']}").json()
    assert got["status"] == "failed"
    assert "zip bomb" in got["error"]
    files = client.get("/v1/files", params={"space_id": space["id"]}).json()["data"]
    assert [f["id"] for f in files] == [archive["id"]]  # not even the harmless first member


def test_large_csv_streams_through_the_pipeline(app: Feedline, client: TestClient,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from feedline.extract import stream

    monkeypatch.setattr(stream, "CHUNK_BYTES", 256 * 1024)
    app.settings.extract_stream_bytes = 1024
    rows = 60_000
    body = "".join(f"c{i}@x.io,Name {i},\"multi\nline {i}\"\n" for i in range(rows))
    data = ("Export of contacts\n\nEmail,First Name,Note\n" + body).encode()
    assert len(data) > 2 * 1024 * 1024  # several chunks
    space = client.post("/v1/spaces", json={"name": "big", "feed": "crm"}).json()
    file = upload(client, space["id"], "big_contacts.csv", data)
    drain(app)
    (sheet,) = source_sheets(client, space["id"], file["id"])
    assert (sheet["row_count"], sheet["metadata"]["header_row"]) == (rows, 2)
    profile = sheet["metadata"]["profile"]
    assert profile["Email"]["kind"] == "email"
    assert profile["Note"]["non_empty"] == rows
    (job,) = [j for j in client.get("/v1/jobs", params={"file_id": file["id"]}).json()["data"]
              if j["operation"] == "extract"]
    assert job["status"] == "complete"
    with app.begin() as conn:
        stored = pl.read_parquet(app.blobs.path(repo.get_sheet(conn, sheet["id"]).blob_key))
    assert stored.row(rows - 1) == (f"c{rows - 1}@x.io", f"Name {rows - 1}",
                                    f"multi\nline {rows - 1}")


def test_re_extraction_cancels_waiting_map_jobs(app: Feedline, client: TestClient) -> None:
    space = client.post("/v1/spaces", json={"name": "redo", "feed": "crm"}).json()
    file = upload(client, space["id"], "x_contacts.csv", b"Foo,Bar\n1,2\n3,4\n")
    drain(app)
    (old,) = [j for j in client.get("/v1/jobs", params={"file_id": file["id"]}).json()["data"]
              if j["operation"] == "map"]
    assert old["status"] == "needs_review"  # nothing in Foo/Bar maps with confidence
    client.post(f"/v1/files/{file['id']}/extract", json={"header_row": 1})
    drain(app)
    old = client.get(f"/v1/jobs/{old['id']}").json()
    assert old["status"] == "canceled"
    assert "extracted again" in old["info"]
