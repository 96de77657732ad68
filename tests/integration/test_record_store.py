"""Records at rest: Parquet parts plus the edit overlay, read back whole and in order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
import pytest
from fastapi.testclient import TestClient

from feedline.app import Feedline
from feedline.records.view import Query, SheetView
from feedline.store import repo
from tests.conftest import manifest_entry
from tests.integration.conftest import drain
from tests.integration.test_pipeline import all_records, jobs_of, upload


@pytest.fixture
def small_chunks(app: Feedline) -> Feedline:
    object.__setattr__(app.settings, "chunk_rows", 17)  # many parts from a small file
    return app


def open_view(app: Feedline, sheet_id: str) -> SheetView:
    with app.read() as conn:
        sheet = repo.get_sheet(conn, sheet_id)
        spec = app.feed("crm").blueprint.sheet(sheet.slug)
        return SheetView.open(conn, app.blobs, sheet, spec)


def delivered(app: Feedline, client: TestClient, partner_fixtures: Any) -> tuple[dict[str, Any], str]:
    """Northwind's first delivery through the pipeline: its manifest entry and its sheet."""
    root, manifest = partner_fixtures
    item = manifest_entry(manifest, "northwind", "d1")
    space = client.post("/v1/spaces", json={"name": "nw", "feed": "crm"}).json()
    file = upload(client, space["id"], Path(root) / item["path"])
    drain(app)
    return item, jobs_of(client, file["id"])["map"]["outcome"]["sheet_id"]


def test_parts_and_edits_read_back_every_record_once_in_order(
        small_chunks: Feedline, client: TestClient, partner_fixtures) -> None:
    app = small_chunks
    item, sheet_id = delivered(app, client, partner_fixtures)
    view = open_view(app, sheet_id)
    assert view.segment.parts == -(-item["row_count"] // 17)

    before = all_records(client, sheet_id)
    middle = before[len(before) // 2]
    edited = client.patch(f"/v1/sheets/{sheet_id}/records",
                          json=[{"id": middle["id"], "values": {"job_title": "Chief Tester"}}])
    assert edited.status_code == 200, edited.text
    added = client.post(f"/v1/sheets/{sheet_id}/records", json=[{"values": {
        "contact_id": "NEW-1", "first_name": "Ada", "last_name": "Lovelace",
        "email": "ada@example.com"}}])
    assert added.status_code == 201, added.text
    gone = before[3]["id"]
    assert client.delete(f"/v1/sheets/{sheet_id}/records", params={"ids": gone}).status_code == 200

    view = open_view(app, sheet_id)
    batches = list(view.iter_batches())
    assert len(batches) >= view.segment.parts
    ids = pl.concat([b["_id"] for b in batches]).to_list()
    expected = sorted({r["id"] for r in before} - {gone} | {added.json()["data"][0]["id"]})
    assert ids == expected  # every record once, in id order, the deleted one gone
    whole = pl.concat(batches)
    assert whole.filter(pl.col("_id") == middle["id"])["job_title"].item() == "Chief Tester"
    assert whole.filter(pl.col("_id") == middle["id"])["_version"].item() == 2
    api = {r["id"]: r for r in all_records(client, sheet_id)}
    assert set(api) == set(expected)
    assert view.count(Query(filter="invalid")) == sum(not r["valid"] for r in api.values())
    # Sheet-wide checks (a duplicate email) are merged into the parts they concern.
    dup = next(e for e in item["errors"] if e["kind"] == "duplicate_unique")
    row = next(r for r in api.values() if r["row"] == dup["row"])
    assert not row["valid"] and [m["type"] for m in row["messages"]] == ["unique"]


def test_sorted_and_filtered_pages(app: Feedline, client: TestClient, partner_fixtures) -> None:
    _, sheet_id = delivered(app, client, partner_fixtures)
    everything = all_records(client, sheet_id)

    pages, cursor = [], None
    while True:
        params = {"sort": "email", "order": "desc", "limit": 40, **({"cursor": cursor} if cursor else {})}
        body = client.get(f"/v1/sheets/{sheet_id}/records", params=params).json()
        pages += body["data"]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    emails = [r["values"]["email"] for r in pages]
    present = [e for e in emails if e is not None]
    assert present == sorted(present, reverse=True) and len(pages) == len(everything)

    field_errors = client.get(f"/v1/sheets/{sheet_id}/records",
                              params={"field": "email", "limit": 1000}).json()["data"]
    expected = {r["id"] for r in everything if any(m["field"] == "email" for m in r["messages"])}
    assert {r["id"] for r in field_errors} == expected and expected
    needle = everything[5]["values"]["last_name"]
    found = client.get(f"/v1/sheets/{sheet_id}/records",
                       params={"q": needle.upper(), "search_field": "last_name"}).json()["data"]
    assert everything[5]["id"] in {r["id"] for r in found}
    assert all(needle.lower() in r["values"]["last_name"].lower() for r in found)
    bad = client.get(f"/v1/sheets/{sheet_id}/records", params={"sort": "nope"})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid-request"


def test_edits_are_compacted_into_a_new_segment_version(
        small_chunks: Feedline, client: TestClient, partner_fixtures, monkeypatch) -> None:
    from feedline.records import compact

    app = small_chunks
    monkeypatch.setattr(compact, "MIN_EDITS", 5)
    item, sheet_id = delivered(app, client, partner_fixtures)
    records = all_records(client, sheet_id)
    dup = next(e for e in item["errors"] if e["kind"] == "duplicate_unique" and e["field"] == "email")
    first = next(r for r in records if r["row"] == dup["duplicate_of"])
    for r in records[:6]:
        resp = client.patch(f"/v1/sheets/{sheet_id}/records",
                            json=[{"id": r["id"], "values": {"job_title": f"Title {r['id']}"}}])
        assert resp.status_code == 200, resp.text
    before = all_records(client, sheet_id)
    drain(app)  # records:updated → compact job
    compacts = client.get("/v1/jobs", params={"operation": "compact"}).json()["data"]
    assert compacts and all(j["status"] == "complete" for j in compacts)
    view = open_view(app, sheet_id)
    assert view.segment.version == 2 and view.edited.height == 0
    assert all_records(client, sheet_id) == before  # same records, messages and versions
    # Keys are still found after compaction: taking the first duplicate's email flags us.
    target = next(r for r in before if r["valid"] and r["row"] > first["row"])
    resp = client.patch(f"/v1/sheets/{sheet_id}/records", json=[
        {"id": target["id"], "values": {"email": first["values"]["email"]}}]).json()
    assert [m["type"] for m in resp["data"][0]["messages"]] == ["unique"]
    history = client.get(f"/v1/sheets/{sheet_id}/records/{records[0]['id']}/versions").json()
    assert [v["change"] for v in history["data"]] == ["update"]


def test_records_by_id_come_from_whichever_part_holds_them(
        small_chunks: Feedline, client: TestClient, partner_fixtures) -> None:
    app = small_chunks
    _, sheet_id = delivered(app, client, partner_fixtures)
    every = {r["id"]: r for r in all_records(client, sheet_id)}
    view = open_view(app, sheet_id)
    assert view.segment.parts >= 3
    # The first and last record of the sheet, both edges of a part, one id that is not there.
    wanted = [min(every), 17, 18, 35, max(every), max(every) + 5]
    got = {r["id"]: r for r in view.records(wanted)}
    assert sorted(got) == [i for i in wanted if i in every]
    for rid, record in got.items():
        assert record["values"] == every[rid]["values"] and record["row"] == every[rid]["row"]
    # After an edit the view reads the edited version, and the others from their parts.
    changed = client.patch(f"/v1/sheets/{sheet_id}/records",
                           json=[{"id": 18, "values": {"job_title": "Part Boundary"}}])
    assert changed.status_code == 200, changed.text
    again = {r["id"]: r for r in open_view(app, sheet_id).records([17, 18, 35])}
    assert again[18]["values"]["job_title"] == "Part Boundary" and again[18]["version"] == 2
    assert again[17]["values"] == every[17]["values"] and again[35]["values"] == every[35]["values"]


def test_a_view_kept_between_reads_sees_an_edit_committed_behind_the_newest(
        app: Feedline, client: TestClient, partner_fixtures) -> None:
    """Views keep the frames of their pending edits between reads; an edit whose number is
    below the newest one (PostgreSQL commits them out of order) must still show."""
    import sqlalchemy as sa

    from feedline.store import tables as t

    _item, sheet_id = delivered(app, client, partner_fixtures)
    records = all_records(client, sheet_id)
    first, second = records[0], records[1]

    def edit(record: dict[str, Any], title: str) -> None:
        resp = client.patch(f"/v1/sheets/{sheet_id}/records",
                            json=[{"id": record["id"], "values": {"job_title": title}}])
        assert resp.status_code == 200, resp.text

    def title(record_id: int) -> str:
        view = open_view(app, sheet_id)
        return str(view.records([record_id])[0]["values"]["job_title"])

    edit(first, "Newest")
    with app.begin() as conn:  # the newest edit gets a number far ahead of the next ones
        newest = conn.execute(sa.select(sa.func.max(t.record_edits.c.id))).scalar_one()
        conn.execute(t.record_edits.update().where(t.record_edits.c.id == newest)
                     .values(id=newest + 1000))
    assert title(first["id"]) == "Newest"  # read: the view's frames are kept now
    edit(second, "Committed late")  # on PostgreSQL numbered below the newest one
    assert title(second["id"]) == "Committed late"
    assert title(first["id"]) == "Newest"


def test_a_kept_view_brought_up_to_date_equals_one_built_from_every_edit(
        app: Feedline, client: TestClient, partner_fixtures) -> None:
    """After an edit a view reads only the edits after those it kept and lays them over its
    frames: edits, additions and deletions, one after another, read the same as a view
    built from all pending edits at once."""
    from feedline.records import view as views

    _item, sheet_id = delivered(app, client, partner_fixtures)
    records = all_records(client, sheet_id)

    def both() -> tuple[pl.DataFrame, pl.DataFrame]:
        kept = open_view(app, sheet_id)  # brought up to date from the frames kept before
        views._OVERLAYS.items.clear()
        fresh = open_view(app, sheet_id)
        return kept.all_frame(), fresh.all_frame()

    steps = [
        lambda: client.patch(f"/v1/sheets/{sheet_id}/records", json=[
            {"id": records[0]["id"], "values": {"job_title": "First"}},
            {"id": records[5]["id"], "values": {"email": "not an email"}}]),
        lambda: client.patch(f"/v1/sheets/{sheet_id}/records", json=[
            {"id": records[0]["id"], "values": {"job_title": "First, again"}}]),
        lambda: client.post(f"/v1/sheets/{sheet_id}/records", json=[{"values": {
            "contact_id": "NEW-9", "first_name": "Grace", "last_name": "Hopper",
            "email": "grace@example.com"}}]),
        lambda: client.delete(f"/v1/sheets/{sheet_id}/records",
                              params={"ids": [records[5]["id"], records[7]["id"]]}),
        lambda: client.patch(f"/v1/sheets/{sheet_id}/records", json=[
            {"id": records[9]["id"], "values": {"last_name": "Later"}}]),
    ]
    open_view(app, sheet_id)  # frames kept before any edit
    for step in steps:
        resp = step()
        assert resp.status_code in (200, 201), resp.text
        kept, fresh = both()
        assert kept.equals(fresh)
        assert kept.height == fresh.height
    final = {r["_id"]: r for r in kept.iter_rows(named=True)}
    assert final[records[0]["id"]]["job_title"] == "First, again"
    assert records[5]["id"] not in final and records[7]["id"] not in final
    assert final[records[9]["id"]]["last_name"] == "Later"
    assert any(r["contact_id"] == "NEW-9" for r in final.values())
