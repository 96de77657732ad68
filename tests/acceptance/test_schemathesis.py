"""The HTTP contract holds against a real ``feedline serve``: schemathesis generates
requests from the OpenAPI document (bounded examples, real ids of a seeded delivery) and
checks that nothing answers 5xx and every response matches its declared status, content
type and schema."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.acceptance.conftest import API_KEY, Server
from tests.acceptance.test_serve import settle, upload
from tests.conftest import manifest_entry

CHECKS = "not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance"


def test_the_api_holds_its_contract_under_generated_requests(server: Server, partner_fixtures,
                                                            tmp_path: Path) -> None:
    root, manifest = partner_fixtures
    with server.client() as http:
        space = http.post("/v1/spaces", json={"name": "fuzzed", "feed": "crm"}).json()["id"]
        file = upload(http, space, root / manifest_entry(manifest, "northwind", "d1")["path"])
        jobs = settle(http, file["id"], {"extract", "map", "egress"})
        other = http.post("/v1/keys", json={"name": "to revoke"}).json()["id"]
        sheet = jobs["map"]["outcome"]["sheet_id"]
    config = tmp_path / "schemathesis.toml"
    ids = {"space_id": space, "file_id": file["id"], "job_id": jobs["map"]["id"],
           "sheet_id": sheet, "key_id": other, "record_id": 3}
    config.write_text("[parameters]\n" + "".join(
        f'"path.{k}" = {v if isinstance(v, int) else repr(str(v))}\n' for k, v in ids.items())
                      + "".join(f'"query.{k}" = "{v}"\n' for k, v in ids.items()
                                if k in ("space_id", "file_id")), encoding="utf-8")
    st = Path(sys.executable).parent / "st"
    result = subprocess.run(
        [str(st), "--config-file", str(config), "run", f"{server.url}/openapi.json",
         "-H", f"Authorization: Bearer {API_KEY}", "--checks", CHECKS, "--max-examples", "12",
         "--phases", "examples,coverage,fuzzing", "--seed", "42", "--no-color",
         # a contract test, not a stopwatch: a generated POST of ten thousand records may
         # take over the default 10 s on a busy machine, and a timeout is no contract failure
         "--request-timeout", "300"],
        capture_output=True, text=True, timeout=900, env={**os.environ, "NO_COLOR": "1"})
    failures = result.stdout.split("FAILURES")[-1].split("SUMMARY")[0] if "FAILURES" in result.stdout else ""
    tail = failures[:4000] + "\n".join(result.stdout.splitlines()[-30:])
    assert result.returncode == 0, tail
    assert "failures" not in tail.split("SUMMARY")[-1].lower() or " 0 failures" in tail, tail
    with server.client() as http:
        assert http.get("/readyz").status_code == 200
