"""Tenant isolation: two environments, every route tried with the other's key and ids
answers 404 (never data); lists show only the caller's own resources; memory and keys are
per environment (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from feedline.app import Feedline
from feedline.store import repo
from tests.conftest import manifest_entry
from tests.integration.conftest import drain
from tests.integration.test_pipeline import jobs_of, upload

OWN = {("post", "/v1/spaces"), ("post", "/v1/keys"), ("get", "/v1/keys")}


def test_every_route_refuses_another_environments_ids(app: Feedline, client: TestClient,
                                                       partner_fixtures) -> None:
    root, manifest = partner_fixtures
    with app.begin() as conn:
        other = repo.create_environment(conn, "other tenant")
        other_key = repo.create_api_key(conn, other, name="tenant B")
    space = client.post("/v1/spaces", json={"name": "a-only", "feed": "crm"}).json()
    file = upload(client, space["id"], Path(root) / manifest_entry(manifest, "northwind", "d1")["path"])
    drain(app)
    jobs = jobs_of(client, file["id"])
    sheet = jobs["map"]["outcome"]["sheet_id"]
    record = client.get(f"/v1/sheets/{sheet}/records", params={"limit": 1}).json()["data"][0]
    key_a = client.get("/v1/keys").json()["data"][0]["id"]
    ids: dict[str, Any] = {"space_id": space["id"], "file_id": file["id"], "job_id": jobs["map"]["id"],
                           "sheet_id": sheet, "record_id": record["id"], "key_id": key_a,
                           "letter_id": 1}
    secret_ids = {str(v) for k, v in ids.items() if k not in ("record_id", "letter_id")}
    intruder = TestClient(client.app, headers={"Authorization": f"Bearer {other_key}"})
    bodies = {"/v1/jobs/{job_id}/plan": {"fields": []}, "/v1/jobs/{job_id}/execute": {},
              "/v1/sheets/{sheet_id}/records": [{"id": record["id"], "values": {}}],
              "/v1/sheets/{sheet_id}/egress": {}, "/v1/files/{file_id}/extract": {}}
    tried = 0
    for path, item in client.get("/openapi.json").json()["paths"].items():
        if not path.startswith("/v1/"):
            continue
        for method in item:
            if (method, path) in OWN:
                continue
            url = re.sub(r"\{(\w+)\}", lambda m: str(ids[m.group(1)]), path)
            params = {k: ids[k] for k in ("space_id", "file_id", "sheet_id")
                      if k in json.dumps(item[method].get("parameters", []))
                      and "{" + k + "}" not in path}
            if path.endswith("/plans/latest"):
                params["sheet"] = "contacts"
            if method == "post" and path == "/v1/files":
                resp = intruder.post(url, data={"space_id": space["id"]},
                                     files={"file": ("x.csv", b"a,b\n1,2\n")})
            elif method == "delete" and path.endswith("/records"):
                resp = intruder.delete(url, params={"ids": record["id"]})
            else:
                resp = intruder.request(method.upper(), url, params=params, json=bodies.get(path))
            tried += 1
            where = f"{method.upper()} {path}"
            if resp.status_code < 300:  # only lists of the intruder's own (empty) things
                assert method == "get" and not any(i in resp.text for i in secret_ids), (where, resp.text)
            else:
                assert resp.status_code in (403, 404), (where, resp.status_code, resp.text)
                sent = {i for i in secret_ids if i in url or i in params.values()
                        or (path == "/v1/files" and i == space["id"])}
                assert not any(i in resp.text for i in secret_ids - sent), where  # only echoes
    assert tried >= 25
    # Nothing of A changed: its records, plan and key are as they were.
    assert client.get(f"/v1/sheets/{sheet}/records", params={"limit": 1}).json()["data"][0] == record
    assert [k["revoked_at"] for k in client.get("/v1/keys").json()["data"]] == [None]
    with app.read() as conn:
        assert repo.list_spaces(conn, other) == []


def test_keys_are_hashed_shown_once_and_revocable(app: Feedline, client: TestClient) -> None:
    made = client.post("/v1/keys", json={"name": "ci"})
    assert made.status_code == 201
    key, key_id = made.json()["key"], made.json()["id"]
    assert all("key" not in k for k in client.get("/v1/keys").json()["data"])  # never again
    with app.read() as conn:
        stored = conn.exec_driver_sql("SELECT key_hash FROM api_keys").scalars().all()
    assert key not in stored and all(len(h) == 64 for h in stored)
    other = TestClient(client.app, headers={"Authorization": f"Bearer {key}"})
    assert other.get("/v1/spaces").status_code == 200
    mine = client.get("/v1/keys").json()["data"]
    own = next(k for k in mine if k["id"] != key_id)
    refused = other.delete(f"/v1/keys/{key_id}")  # the key this request uses
    assert refused.status_code == 409
    assert client.delete(f"/v1/keys/{key_id}").json()["revoked_at"]
    assert other.get("/v1/spaces").status_code == 401
    assert own["revoked_at"] is None
