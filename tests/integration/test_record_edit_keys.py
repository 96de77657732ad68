"""Record edits recheck keys against the stored sheet without re-reading it: unique,
case-insensitive and composite keys, in-sheet references, the feed's locale. After every
edit the stored sheet must equal a full validation of it (SQLite and Postgres)."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polars as pl
import pytest
import yaml
from fastapi.testclient import TestClient

from feedline.api import create_app
from feedline.app import Feedline
from feedline.feeds import load_feed
from feedline.mapping import FieldMapping, Plan
from feedline.pipeline.records import store_records
from feedline.settings import Settings
from feedline.store import repo
from feedline.validate import validate
from feedline.validate.base import to_text
from tests.integration.test_pipeline import all_records

KEY = "fl_test_keys_0123456789"
BLUEPRINT = {
    "name": "Keys",
    "sheets": [{
        "slug": "items", "name": "Items",
        "fields": [
            {"key": "code", "label": "Code", "constraints": [
                "required", {"type": "unique", "case_sensitive": False}]},
            {"key": "num", "label": "Number", "type": "integer", "constraints": ["unique"]},
            {"key": "region", "label": "Region"},
            {"key": "sku", "label": "SKU"},
            {"key": "parent", "label": "Parent", "type": "reference",
             "reference": {"sheet": "items", "field": "code"}},
            {"key": "price", "label": "Price", "type": "number"},
        ],
        "constraints": [{"type": "unique", "fields": ["region", "sku"]}],
    }],
}
ROWS = {
    "code": ["A1", "a1", "B2", "Zoë", "C3", "D4", "E5", "F6"],
    "num": ["1", "2", "2", "3", "4", "5", "x", "7"],
    "region": ["eu", "eu", "us", "eu", "us", None, "us", "eu"],
    "sku": ["S-1", "S-2", "S-1", "S-1", "S-1", "S-9", "S-3", "S-4"],
    "parent": [None, "A1", "B2", "nope", "C3", None, "Zoë", "G7"],
    "price": ["1.5", "2", "3", "4", "5", "6", "7", "8"],
}


def make_app(database_url: str, folder: Path, **feed: Any) -> Feedline:
    (folder / "keys.yaml").write_text(yaml.safe_dump(BLUEPRINT), encoding="utf-8")
    (folder / "feed.yaml").write_text(yaml.safe_dump(
        {"name": "keys", "blueprint": "keys.yaml", **feed}), encoding="utf-8")
    app = Feedline(Settings(data_dir=folder / "data", database_url=database_url),
                   [load_feed(folder / "feed.yaml")])
    with app.begin() as conn:
        repo.create_api_key(conn, app.environment_id, KEY)
    return app


@pytest.fixture
def keyed(database_url: str, tmp_path: Path) -> Iterator[tuple[Feedline, TestClient, str]]:
    app = make_app(database_url, tmp_path)
    spec = app.feed("keys").blueprint.sheet("items")
    sheet_id = store_sheet(app, spec, pl.DataFrame(ROWS), chunk_rows=3)
    with TestClient(create_app(app, run_workers=False),
                    headers={"Authorization": f"Bearer {KEY}"}) as client:
        yield app, client, sheet_id
    app.close()


def store_sheet(app: Feedline, spec: Any, frame: pl.DataFrame, chunk_rows: int = 100) -> str:
    """A destination sheet holding ``frame`` (columns named as the fields), stored by the
    pipeline in chunks of ``chunk_rows`` records."""
    plan = Plan(sheet=spec.slug, fields=[FieldMapping(k, k, 1.0, "absolute", "", "person")
                                         for k in frame.columns])
    with app.begin() as conn:
        space = repo.create_space(conn, app.environment_id, "keys", "keys")
        wb = repo.create_workbook(conn, space.id, None, "destination", "items")
        sheet_id = repo.create_sheet(conn, wb, "items", "Items", spec.keys, 0)
    mapped = store_records(app.blobs, sheet_id, frame, frame.height, plan, spec,
                           chunk_rows=chunk_rows)
    with app.begin() as conn:
        repo.add_segment(conn, mapped.segment)
        repo.update_sheet(conn, sheet_id, row_count=frame.height, next_id=frame.height + 1,
                          metadata={"counts": mapped.counts})
    return sheet_id


def assert_like_full_validation(app: Feedline, client: TestClient, sheet_id: str) -> None:
    """Each stored record's messages and validity, and the sheet's counts, are what
    validating the whole stored sheet at once gives."""
    spec = app.feed("keys").blueprint.sheet("items")
    records = sorted(all_records(client, sheet_id), key=lambda r: (r["row"], r["id"]))
    text = pl.DataFrame({k: pl.Series([to_text(r["values"][k]) for r in records], dtype=pl.String)
                         for k in spec.keys})
    full = validate(text, spec)
    rows = [r["row"] for r in records]

    def stored_rows(message: str) -> str:  # the engine names positions; records name rows
        return re.sub(r"as row (\d+) \(0-based\)",
                      lambda m: f"as row {rows[int(m.group(1))]} (0-based)", message)

    for r, f in zip(records, full.to_records(), strict=True):
        expected = [{**m, "message": stored_rows(m["message"])} for m in f["messages"]]
        assert (r["messages"], r["valid"]) == (expected, f["valid"]), r
    sheet = client.get(f"/v1/sheets/{sheet_id}").json()
    counts = full.counts()
    assert sheet["counts"] == {"total": counts["rows"], "valid": counts["valid"],
                               "invalid": counts["invalid"]}
    assert sheet["messages"]["by_field"] == counts["by_field"]
    assert sheet["messages"]["by_type"] == counts["by_type"]


def by_code(client: TestClient, sheet_id: str) -> dict[str, dict[str, Any]]:
    return {r["values"]["code"]: r for r in all_records(client, sheet_id)}


def patch(client: TestClient, sheet_id: str, rid: int, **values: Any) -> dict[str, Any]:
    resp = client.patch(f"/v1/sheets/{sheet_id}/records", json=[{"id": rid, "values": values}])
    assert resp.status_code == 200, resp.text
    return dict(resp.json())


def test_stored_sheet_starts_like_a_full_validation(keyed: tuple[Feedline, TestClient, str]) -> None:
    app, client, sheet_id = keyed
    assert_like_full_validation(app, client, sheet_id)
    recs = by_code(client, sheet_id)
    assert [m["type"] for m in recs["a1"]["messages"]] == ["unique"]  # case-insensitive
    assert ("parent", "missing-reference") in {(m["field"], m["type"])
                                               for m in recs["Zoë"]["messages"]}


def test_unique_edits_free_and_flag_other_records(keyed: tuple[Feedline, TestClient, str]) -> None:
    app, client, sheet_id = keyed
    recs = by_code(client, sheet_id)
    # Fixing the later duplicate clears it; nothing else changes.
    body = patch(client, sheet_id, recs["a1"]["id"], code="A9")
    assert body["data"][0]["valid"] is True and body["revalidated"] == []
    assert_like_full_validation(app, client, sheet_id)
    # An earlier row taking a later row's code stays valid and flags the later one.
    body = patch(client, sheet_id, recs["A1"]["id"], code="c3")
    assert body["data"][0]["messages"] == []
    assert recs["C3"]["id"] in body["revalidated"]
    later = by_code(client, sheet_id)["C3"]
    assert (later["messages"][0]["field"], later["messages"][0]["message"]) == (
        "code", "same value as row 0 (0-based)")
    assert_like_full_validation(app, client, sheet_id)
    # Giving it back frees C3 again; E5's parent "Zoë" is still missing its way.
    body = patch(client, sheet_id, recs["A1"]["id"], code="A1")
    assert recs["C3"]["id"] in body["revalidated"]
    assert [m["field"] for m in by_code(client, sheet_id)["C3"]["messages"]] == ["region", "sku"]
    assert_like_full_validation(app, client, sheet_id)


def test_integer_non_ascii_and_composite_keys(keyed: tuple[Feedline, TestClient, str]) -> None:
    app, client, sheet_id = keyed
    recs = by_code(client, sheet_id)
    patch(client, sheet_id, recs["A1"]["id"], num="2")        # now first of three 2s
    assert_like_full_validation(app, client, sheet_id)
    patch(client, sheet_id, recs["F6"]["id"], code="ZOË")      # non-ASCII, case-insensitive
    assert [m["type"] for m in by_code(client, sheet_id)["ZOË"]["messages"]] == [
        "unique", "missing-reference"]
    assert_like_full_validation(app, client, sheet_id)
    patch(client, sheet_id, recs["D4"]["id"], region="EU", sku="s-1")  # composite is case-sensitive
    assert_like_full_validation(app, client, sheet_id)
    body = patch(client, sheet_id, recs["D4"]["id"], region="eu", sku="S-4")
    assert body["data"][0]["valid"] is True  # row 5 comes before F6's eu + S-4 (row 7)…
    assert recs["F6"]["id"] in body["revalidated"]  # …which is flagged now
    assert_like_full_validation(app, client, sheet_id)
    body = patch(client, sheet_id, recs["A1"]["id"], sku="S-0")  # Zoë's eu + S-1 is first now
    assert recs["Zoë"]["id"] in body["revalidated"]
    assert_like_full_validation(app, client, sheet_id)


def test_references_add_and_delete(keyed: tuple[Feedline, TestClient, str]) -> None:
    app, client, sheet_id = keyed
    recs = by_code(client, sheet_id)
    # Renaming a referenced code breaks the records pointing at it…
    body = patch(client, sheet_id, recs["B2"]["id"], code="B3")  # B2 is its own parent
    assert body["revalidated"] == []
    assert any(m["type"] == "missing-reference" for m in body["data"][0]["messages"])
    assert_like_full_validation(app, client, sheet_id)
    # …and adding the missing code mends Zoë's parent "nope".
    added = client.post(f"/v1/sheets/{sheet_id}/records", json=[
        {"values": {"code": "nope", "num": 9, "region": "eu", "sku": "S-1"}}]).json()
    assert recs["Zoë"]["id"] in added["revalidated"]
    assert [m["type"] for m in added["data"][0]["messages"]] == ["unique", "unique"]
    assert_like_full_validation(app, client, sheet_id)
    # Deleting the first "A1" frees "a1"; deleting every invalid record keeps counts true.
    gone = client.delete(f"/v1/sheets/{sheet_id}/records", params={"ids": [recs["A1"]["id"]]})
    assert recs["a1"]["id"] in gone.json()["revalidated"]
    assert_like_full_validation(app, client, sheet_id)
    gone = client.delete(f"/v1/sheets/{sheet_id}/records", params={"filter": "invalid"})
    assert gone.status_code == 200 and gone.json()["deleted"]
    assert_like_full_validation(app, client, sheet_id)


@pytest.mark.parametrize(("feed", "expected"), [
    ({"locale": "de-DE"}, [1234.0, 12.5]), ({}, [1.234, 12.5]),
    ({"locale": "de-DE", "decimal": "."}, [1.234, 12.5])])
def test_record_edits_read_numbers_the_feed_locale_way(
        database_url: str, tmp_path: Path, feed: dict[str, str], expected: list[float]) -> None:
    app = make_app(database_url, tmp_path, **feed)
    with app.begin() as conn:
        space = repo.create_space(conn, app.environment_id, "s", "keys")
        wb = repo.create_workbook(conn, space.id, None, "destination", "items")
        sheet_id = repo.create_sheet(conn, wb, "items", "Items", [], 0)
    with TestClient(create_app(app, run_workers=False),
                    headers={"Authorization": f"Bearer {KEY}"}) as client:
        added = client.post(f"/v1/sheets/{sheet_id}/records", json=[
            {"values": {"code": "P1", "price": "1.234"}}]).json()
        body = patch(client, sheet_id, added["data"][0]["id"], price="12,5")
        assert [added["data"][0]["values"]["price"], body["data"][0]["values"]["price"]] == expected
    app.close()


@pytest.mark.parametrize("chunk_rows", [37, 1000])
def test_many_repeats_across_chunks_are_found_as_one_validation_would(
        database_url: str, tmp_path: Path, chunk_rows: int) -> None:
    """Keys repeat within and across chunks (case-insensitively, as composites, as bad
    integers and empty cells): the stored checks are those of one whole validation."""
    rng = random.Random(7)
    n = 600

    def pick(options: list[str | None]) -> list[str | None]:
        return [rng.choice(options) for _ in range(n)]

    codes = [f"{rng.choice('AaBbCc')}{rng.randrange(120)}" if rng.random() > 0.05 else None
             for _ in range(n)]
    frame = pl.DataFrame({
        "code": codes,
        "num": [str(rng.randrange(400)) if rng.random() > 0.1 else "x" for _ in range(n)],
        "region": pick(["eu", "us", None]), "sku": [f"S-{rng.randrange(40)}" for _ in range(n)],
        "parent": [rng.choice(codes) if rng.random() > 0.2 else "nope" for _ in range(n)],
        "price": pick(["1.5", "2", "abc"]),
    })
    app = make_app(database_url, tmp_path)
    spec = app.feed("keys").blueprint.sheet("items")
    sheet_id = store_sheet(app, spec, frame, chunk_rows=chunk_rows)
    with TestClient(create_app(app, run_workers=False),
                    headers={"Authorization": f"Bearer {KEY}"}) as client:
        counts = client.get(f"/v1/sheets/{sheet_id}").json()["messages"]["by_type"]
        assert counts["unique"] > 100 and counts["missing-reference"] > 50  # the case is real
        assert_like_full_validation(app, client, sheet_id)
    app.close()
