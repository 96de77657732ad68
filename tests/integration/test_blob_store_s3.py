"""The blob store on S3: a delivery flows end to end with its bytes, source sheets and
record segments in the bucket (a local S3-compatible server), nothing in the local folder."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import s3fs
from fastapi.testclient import TestClient

from feedline.api import create_app
from feedline.app import Feedline
from feedline.feeds import load_feed
from feedline.settings import Settings
from feedline.store import repo
from tests.conftest import manifest_entry, write_crm_feed
from tests.integration.conftest import drain
from tests.integration.test_pipeline import all_records, jobs_of, upload

KEY = "fl_test_s3_0123456789"


@pytest.fixture
def s3_app(database_url: str, tmp_path: Path, crm_blueprint_path: Path, s3_bucket) -> Feedline:
    bucket, options = s3_bucket
    settings = Settings(data_dir=tmp_path / "data", database_url=database_url,
                        blob_url=f"s3://{bucket}/feedline", blob_options=options, chunk_rows=40)
    app = Feedline(settings, [load_feed(write_crm_feed(tmp_path, crm_blueprint_path))])
    with app.begin() as conn:
        repo.create_api_key(conn, app.environment_id, KEY)
    yield app
    app.close()


def test_a_delivery_flows_with_every_blob_in_the_bucket(s3_app: Feedline, s3_bucket,
                                                        partner_fixtures) -> None:
    bucket, options = s3_bucket
    root, manifest = partner_fixtures
    item = manifest_entry(manifest, "northwind", "d1")
    with TestClient(create_app(s3_app, run_workers=False),
                    headers={"Authorization": f"Bearer {KEY}"}) as client:
        space = client.post("/v1/spaces", json={"name": "nw", "feed": "crm"}).json()
        file = upload(client, space["id"], Path(root) / item["path"])
        drain(s3_app)
        jobs = jobs_of(client, file["id"])
        assert {j["status"] for j in jobs.values()} == {"complete"}, jobs
        sheet = jobs["map"]["outcome"]["sheet_id"]
        records = all_records(client, sheet)
        assert len(records) == item["row_count"]
        bad = next(r for r in records if not r["valid"]
                   and all(m["field"] == "email" for m in r["messages"]))
        fixed = client.patch(f"/v1/sheets/{sheet}/records",
                             json=[{"id": bad["id"], "values": {"email": "fixed@example.com"}}])
        assert fixed.status_code == 200 and fixed.json()["data"][0]["valid"]
        out = Path(jobs["egress"]["outcome"]["destinations"][0]["path"])
        with out.open(encoding="utf-8", newline="") as fh:
            assert len(list(csv.DictReader(fh))) == sum(r["valid"] for r in records)
    fs = s3fs.S3FileSystem(**options, skip_instance_cache=True)
    stored = fs.find(f"{bucket}/feedline")
    assert any("/files/" in k for k in stored)
    assert any("/sheets/" in k and k.endswith(".parquet") for k in stored)
    parts = [k for k in stored if f"/records/{sheet}/v1/part-" in k]
    assert len(parts) == -(-item["row_count"] // 40)
    local = s3_app.settings.data_dir / "blobs"
    assert not local.exists() or not any(p.is_file() for p in local.rglob("*"))
