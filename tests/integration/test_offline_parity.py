"""``feedline run`` and the server share one pipeline: for every shared fixture delivery
they give the same records, the same messages and the same output file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from feedline.app import Feedline
from feedline.pipeline.offline import run_file
from tests.integration.conftest import drain
from tests.integration.test_pipeline import all_records, jobs_of, upload


def server_side(app: Feedline, client: TestClient, space: str, path: Path,
                mapping: dict[str, str | None]) -> tuple[list[dict[str, Any]], bytes]:
    """The server's records and egress file for one delivery (a person's plan when the
    automatic one waits)."""
    file = upload(client, space, path)
    drain(app)
    job = jobs_of(client, file["id"])["map"]
    if job["status"] == "needs_review":
        fields = [{"source": s, "destination": d} for s, d in mapping.items()]
        assert client.put(f"/v1/jobs/{job['id']}/plan", json={"fields": fields}).status_code == 200
        assert client.post(f"/v1/jobs/{job['id']}/execute").status_code == 200
        drain(app)
    jobs = jobs_of(client, file["id"])
    assert jobs["egress"]["status"] == "complete", jobs
    out = Path(jobs["egress"]["outcome"]["destinations"][0]["path"])
    return all_records(client, jobs["map"]["outcome"]["sheet_id"]), out.read_bytes()


def test_offline_and_server_give_the_same_records_and_output(
        app: Feedline, client: TestClient, partner_fixtures, crm_blueprint_path: Path,
        tmp_path: Path) -> None:
    root, manifest = partner_fixtures
    spaces: dict[str, str] = {}
    for item in manifest["files"]:
        partner = item["partner"]
        if partner not in spaces:
            spaces[partner] = client.post("/v1/spaces", json={"name": partner, "feed": "crm"}).json()["id"]
        path = Path(root) / item["path"]
        records, server_csv = server_side(app, client, spaces[partner], path, item["column_mapping"])

        out, rejects = tmp_path / "out.csv", tmp_path / "rejects.jsonl"
        result = run_file(path, crm_blueprint_path, sheet=item["target_sheet"], out=out,
                          rejects=rejects, decisions=item["column_mapping"])
        where = f"{partner} {item['delivery']}"
        assert not result["needs_review"], where
        assert out.read_bytes() == server_csv, where
        invalid = [{"row": r["row"], "values": r["values"], "messages": r["messages"]}
                   for r in records if not r["valid"]]
        offline = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
        assert offline == invalid, where
        assert result["valid"] == sum(r["valid"] for r in records), where
        assert result["invalid"] == len(invalid), where
