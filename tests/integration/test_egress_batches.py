"""Egress reads record values in batches (keyset on SQLite, COPY on PostgreSQL)."""

from __future__ import annotations

import json

import polars as pl
from fastapi.testclient import TestClient

from feedline.app import Feedline
from feedline.egress.csvfile import value_batches
from feedline.store import repo
from tests.conftest import manifest_entry
from tests.integration.conftest import drain
from tests.integration.test_pipeline import jobs_of, upload


def test_batches_cover_every_record_once_in_order(app: Feedline, client: TestClient,
                                                  partner_fixtures) -> None:
    root, manifest = partner_fixtures
    space = client.post("/v1/spaces", json={"name": "nw", "feed": "crm"}).json()
    file = upload(client, space["id"], root / manifest_entry(manifest, "northwind", "d1")["path"])
    drain(app)
    sheet_id = jobs_of(client, file["id"])["map"]["outcome"]["sheet_id"]
    with app.engine.connect() as conn:
        stored, _ = repo.list_records(conn, sheet_id, "valid", limit=10_000)
        batches = list(value_batches(conn, sheet_id, valid_only=True, batch=7))
        everything = pl.concat(list(value_batches(conn, sheet_id, valid_only=False, batch=1000)))
    assert len(batches) > 1  # split, yet nothing lost or repeated:
    decoded = [json.loads(v) for b in batches for v in b.to_list()]
    assert decoded == [r["values"] for r in stored]
    assert everything.len() == manifest_entry(manifest, "northwind", "d1")["row_count"]
