"""The OpenAPI document is the contract: typed, secured, and changed on purpose only.

Regenerate the snapshot after an intended change with
``FEEDLINE_UPDATE_OPENAPI=1 make test`` (then review the diff of tests/data/openapi.json).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

SNAPSHOT = Path(__file__).resolve().parents[1] / "data" / "openapi.json"
OPEN = {"/healthz", "/readyz", "/metrics"}


def document(client: TestClient) -> dict[str, Any]:
    return dict(client.get("/openapi.json").json())


def test_openapi_matches_its_snapshot(client: TestClient) -> None:
    doc = document(client)
    text = json.dumps(doc, indent=1, sort_keys=True) + "\n"
    if os.environ.get("FEEDLINE_UPDATE_OPENAPI"):
        SNAPSHOT.write_text(text, encoding="utf-8")
    assert SNAPSHOT.exists(), "no snapshot: run with FEEDLINE_UPDATE_OPENAPI=1"
    assert json.loads(SNAPSHOT.read_text(encoding="utf-8")) == json.loads(text), (
        "the HTTP contract changed: if on purpose, rerun with FEEDLINE_UPDATE_OPENAPI=1")


def test_every_operation_is_typed_secured_and_documents_its_errors(client: TestClient) -> None:
    doc = document(client)
    assert doc["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    for path, item in doc["paths"].items():
        for method, op in item.items():
            where = f"{method.upper()} {path}"
            if path not in OPEN and path.startswith("/v1/"):
                assert op.get("security") == [{"HTTPBearer": []}], where
                for status in ("401", "404", "422"):
                    ref = op["responses"][status]["content"]["application/json"]["schema"]["$ref"]
                    assert ref.endswith("/ErrorBody"), where
            ok = next(s for s in op["responses"] if s.startswith("2"))
            content = op["responses"][ok].get("content", {})
            if "application/json" in content:
                schema = content["application/json"]["schema"]
                assert schema.get("$ref") or schema.get("type") not in (None, "object") or \
                    schema.get("properties"), f"{where} answers an untyped object"
            if method == "get" and path.startswith("/v1/") and "Page_" in json.dumps(content):
                name = content["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
                props = doc["components"]["schemas"][name]["properties"]
                assert {"data", "next_cursor"} <= set(props), where


def test_validation_errors_have_the_documented_shape(client: TestClient) -> None:
    resp = client.get("/v1/jobs", params={"limit": 0})
    assert resp.status_code == 422
    assert set(resp.json()) == {"error"} and set(resp.json()["error"]) == {"code", "message"}
    huge = client.get("/v1/sheets/sh_x/records/999999999999999999999/versions")
    assert huge.status_code == 422 and huge.json()["error"]["code"] == "invalid-request"
    broken = client.post("/v1/spaces", content=b"{not json", headers={"Content-Type": "application/json"})
    assert broken.status_code in (400, 422) and set(broken.json()["error"]) == {"code", "message"}


def test_a_nul_character_in_the_url_is_a_bad_request_on_every_database(client: TestClient) -> None:
    for url in ("/v1/dead-letters?sheet_id=sh%00x", "/v1/events?space_id=%00",
                "/v1/sheets/sh%00x/records", "/v1/jobs?space_id=a%00b&status=running"):
        resp = client.get(url)
        assert resp.status_code == 400, url
        assert resp.json() == {"error": {"code": "bad-request",
                                         "message": "the URL holds a NUL character (%00)"}}
    assert client.get("/v1/dead-letters", params={"sheet_id": "sh_x"}).json()["data"] == []


def test_a_nul_character_in_a_name_is_refused_the_same_on_every_database(client: TestClient) -> None:
    resp = client.post("/v1/spaces", json={"name": "nul \u0000 inside", "feed": "crm"})
    assert resp.status_code == 422, resp.text
    assert resp.json()["error"] == {"code": "invalid-request",
                                    "message": "name: Value error, must not contain a NUL character"}
    assert client.get("/v1/spaces").json()["data"] == []
