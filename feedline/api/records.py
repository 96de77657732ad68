"""Record edits: change, add and delete records of a destination sheet.

Every change is versioned (``record_versions``: who, when, the old values), the sheet is
re-validated (hooks on the changed records, uniqueness against the whole sheet) and a
``records:updated`` event is emitted, all in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Body, Query, Request

from feedline.api.deps import ApiError, App, Env
from feedline.blueprint.model import SheetSpec
from feedline.events import model as topics
from feedline.store import records as store
from feedline.store import repo
from feedline.store import tables as t
from feedline.validate.revalidate import revalidate

router = APIRouter(prefix="/v1/sheets/{sheet_id}/records", tags=["records"])
MAX_BATCH = 10_000


def actor(request: Request) -> str:
    """Who made the change: the API key's public prefix (never the key)."""
    key = request.headers.get("authorization", "").partition(" ")[2].strip()
    return f"api-key:{key[:6]}" if key else "api"


def _context(conn: sa.Connection, app: App, env: str, sheet_id: str) -> tuple[
        dict[str, Any], SheetSpec, dict[str, Any], str]:
    sheet = repo.get_sheet(conn, sheet_id, env)
    wb = conn.execute(sa.select(t.workbooks).where(t.workbooks.c.id == sheet["workbook_id"])).one()
    if wb.kind != "destination":
        raise ApiError(409, "conflict", f"sheet {sheet_id} holds extracted source data; "
                                        "only destination sheets have editable records")
    space = repo.get_space(conn, wb.space_id)
    feed = app.feed(space["feed"])
    if conn.dialect.name == "postgresql":  # one editor per sheet at a time
        conn.execute(sa.select(t.sheets.c.id).where(t.sheets.c.id == sheet_id).with_for_update())
    ctx = {"space": wb.space_id, "file": wb.file_id, "workbook": wb.id, "sheet": sheet_id}
    return sheet, feed.blueprint.sheet(sheet["slug"]), ctx, feed.name


def _check_values(spec: SheetSpec, values: Any, where: str) -> dict[str, Any]:
    if not isinstance(values, dict):
        raise ApiError(422, "invalid-request", f"{where}: 'values' must be an object")
    for key in values:
        if key not in spec.keys:
            raise ApiError(422, "invalid-request", f"{where}: sheet {spec.slug!r} has no field "
                                                   f"{key!r}")
        if spec.field(key).is_computed:
            raise ApiError(422, "invalid-request", f"{where}: {key!r} is computed and cannot be set")
    return values


def _items(body: Any) -> list[Any]:
    items = body.get("records") if isinstance(body, dict) else body
    if not isinstance(items, list) or not items:
        raise ApiError(422, "invalid-request", "send a non-empty list of records")
    if len(items) > MAX_BATCH:
        raise ApiError(422, "invalid-request", f"at most {MAX_BATCH} records per request")
    return items


def _revalidate(app: App, conn: sa.Connection, sheet: dict[str, Any], spec: SheetSpec,
                ctx: dict[str, Any], feed: str, who: str, edited: set[int],
                change: Callable[[list[dict[str, Any]]], list[dict[str, Any]]],
                payload: dict[str, Any], kind: str = "update") -> dict[str, Any]:
    records = change(store.load_sheet(conn, sheet["id"]))
    changed, failures, counts = revalidate(spec, records, edited, app.listener.hooks_for(
        spec.slug, feed))
    store.write_changes(conn, sheet["id"], changed, who, edited, kind)
    repo.update_sheet(conn, sheet["id"], row_count=len(records),
                      metadata={**sheet["metadata"], "counts": counts})
    hook_failures = [f.to_dict() for f in failures]
    app.emit(conn, topics.RECORDS_UPDATED, ctx, {
        "sheet": spec.slug, **payload, "revalidated": len(changed) - len(edited & {
            c["id"] for c in changed}), "valid": counts["valid"], "invalid": counts["invalid"],
        "actor": who, "hook_failures": hook_failures})
    by_id = {c["id"]: c for c in changed}
    data = [{"id": r["id"], "row": r["row"], "values": by_id[r["id"]]["values"],
             "messages": by_id[r["id"]]["messages"], "valid": by_id[r["id"]]["valid"],
             "version": r["version"] + (kind != "create")} for r in records if r["id"] in edited]
    return {"data": data, "revalidated": [c["id"] for c in changed if c["id"] not in edited],
            "counts": counts, "hook_failures": hook_failures}


@router.patch("")
def update_records(sheet_id: str, app: App, env: Env, request: Request,
                   body: Any = Body(...)) -> dict[str, Any]:
    """Change records: ``[{"id": 1, "values": {"email": "a@b.co"}}, …]`` (fields not sent
    keep their value). Returns the changed records and the ids whose messages changed."""
    who = actor(request)
    with app.begin() as conn:
        sheet, spec, ctx, feed = _context(conn, app, env, sheet_id)
        edits: dict[int, dict[str, Any]] = {}
        for i, item in enumerate(_items(body)):
            if not isinstance(item, dict) or not isinstance(item.get("id"), int):
                raise ApiError(422, "invalid-request", f"record #{i + 1}: needs an integer 'id'")
            edits.setdefault(item["id"], {}).update(
                _check_values(spec, item.get("values"), f"record #{i + 1}"))
        store.check_ids(conn, sheet_id, list(edits))

        def change(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
            for r in records:
                if r["id"] in edits:
                    r["old"] = {"values": r["values"], "valid": r["valid"]}
                    r["values"] = {**r["values"], **edits[r["id"]]}
            return records

        return _revalidate(app, conn, sheet, spec, ctx, feed, who, set(edits), change,
                           {"updated": sorted(edits)})


@router.post("", status_code=201)
def add_records(sheet_id: str, app: App, env: Env, request: Request,
                body: Any = Body(...)) -> dict[str, Any]:
    """Add records: ``[{"values": {…}}, …]``; they are validated like any other."""
    who = actor(request)
    with app.begin() as conn:
        sheet, spec, ctx, feed = _context(conn, app, env, sheet_id)
        values = [_check_values(spec, item.get("values") if isinstance(item, dict) else None,
                                f"record #{i + 1}") for i, item in enumerate(_items(body))]
        full = [{k: v.get(k) for k in spec.keys} for v in values]
        ids = store.add_records(conn, sheet_id, full, who)
        return _revalidate(app, conn, sheet, spec, ctx, feed, who, set(ids), lambda r: r,
                           {"created": ids}, kind="create")


@router.delete("")
def delete_records(sheet_id: str, app: App, env: Env, request: Request,
                   ids: list[int] | None = Query(None),
                   filter: Literal["valid", "invalid"] | None = None) -> dict[str, Any]:
    """Delete records by ``?ids=1&ids=2`` or by ``?filter=invalid`` (or ``valid``)."""
    if bool(ids) == bool(filter):
        raise ApiError(422, "invalid-request", "pass either ids or filter (valid | invalid)")
    who = actor(request)
    with app.begin() as conn:
        sheet, spec, ctx, feed = _context(conn, app, env, sheet_id)
        if ids:
            store.check_ids(conn, sheet_id, ids)
        gone: list[dict[str, Any]] = []
        payload: dict[str, Any] = {"deleted": []}

        def change(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
            wanted = set(ids or [])
            keep: list[dict[str, Any]] = []
            for r in records:
                hit = r["id"] in wanted if ids else r["valid"] == (filter == "valid")
                (gone if hit else keep).append(r)
            store.delete_records(conn, sheet_id, gone, who)
            payload["deleted"] = sorted(r["id"] for r in gone)
            return keep

        result = _revalidate(app, conn, sheet, spec, ctx, feed, who, set(), change, payload)
        return {**result, "deleted": sorted(r["id"] for r in gone)}


@router.get("/{record_id}/versions")
def record_versions(sheet_id: str, record_id: int, app: App, env: Env) -> dict[str, Any]:
    """The history of one record, oldest first (kept after a delete)."""
    with app.engine.connect() as conn:
        repo.get_sheet(conn, sheet_id, env)
        data = store.versions(conn, sheet_id, record_id)
    if not data:
        raise ApiError(404, "not-found", f"record {record_id} has no history in sheet {sheet_id}")
    return {"data": data}
