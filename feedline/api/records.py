"""Record edits: change, add and delete records of a destination sheet.

Every change is versioned (``record_versions``: who, when, the old values), re-validated
(the changed records in full, with hooks; uniqueness and in-sheet references against the
stored sheet, reading only the records that share a key with the edit, see
:mod:`feedline.validate.revalidate`) and a ``records:updated`` event is emitted, all in
one transaction. An edit costs what it touches, not the sheet's size.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Body, Query, Request

from feedline.api.deps import ApiError, App, Env
from feedline.blueprint.model import SheetSpec
from feedline.events import model as topics
from feedline.feeds import Feed
from feedline.store import records as store
from feedline.store import repo
from feedline.store import tables as t
from feedline.validate.revalidate import adjust_counts, revalidate

router = APIRouter(prefix="/v1/sheets/{sheet_id}/records", tags=["records"])
MAX_BATCH = 10_000


def actor(request: Request) -> str:
    """Who made the change: the API key's public prefix (never the key)."""
    key = request.headers.get("authorization", "").partition(" ")[2].strip()
    return f"api-key:{key[:6]}" if key else "api"


def _context(conn: sa.Connection, app: App, env: str, sheet_id: str) -> tuple[
        dict[str, Any], SheetSpec, dict[str, Any], Feed]:
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
    return sheet, feed.blueprint.sheet(sheet["slug"]), ctx, feed


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
                ctx: dict[str, Any], feed: Feed, who: str, changed: list[dict[str, Any]],
                payload: dict[str, Any], kind: str = "update",
                deleted: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
    """Re-validate ``changed`` records (``old`` = their stored state, None when new) and
    what ``changed`` and ``deleted`` do to the rest of the sheet; store, count, emit."""
    result = revalidate(spec, changed, store.SheetKeys(conn, sheet["id"]), deleted,
                        app.listener.hooks_for(spec.slug, feed.name), feed.decimal_separator)
    edited = {r["id"] for r in changed}
    store.write_changes(conn, sheet["id"], result.changes, who, edited, kind)
    counts = sheet["metadata"].get("counts")
    if counts is None:  # a sheet stored before counts were kept: count once
        counts = adjust_counts({}, [], store.message_rows(conn, sheet["id"]))
    else:
        counts = adjust_counts(
            counts,
            [*((c["old_messages"], c["old_valid"]) for c in result.changes
               if c["old_messages"] is not None),
             *((r["messages"], r["valid"]) for r in deleted)],
            [(c["messages"], c["valid"]) for c in result.changes])
    repo.update_sheet(conn, sheet["id"], row_count=counts["rows"],
                      metadata={**sheet["metadata"], "counts": counts})
    hook_failures = [f.to_dict() for f in result.hook_failures]
    others = [c["id"] for c in result.changes if c["id"] not in edited]
    app.emit(conn, topics.RECORDS_UPDATED, ctx, {
        "sheet": spec.slug, **payload, "revalidated": len(others), "valid": counts["valid"],
        "invalid": counts["invalid"], "actor": who, "hook_failures": hook_failures})
    data = [{"id": c["id"], "row": c["row"], "values": c["values"], "messages": c["messages"],
             "valid": c["valid"], "version": c["version"] + (kind != "create")}
            for c in result.changes if c["id"] in edited]
    return {"data": data, "revalidated": others, "counts": counts,
            "hook_failures": hook_failures}


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
        changed = [{**r, "values": {**r["values"], **edits[r["id"]]},
                    "old": {"values": r["values"], "messages": r["messages"], "valid": r["valid"]}}
                   for r in store.load_records(conn, sheet_id, edits)]
        return _revalidate(app, conn, sheet, spec, ctx, feed, who, changed,
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
        changed = [{**r, "old": None} for r in store.load_records(conn, sheet_id, ids)]
        return _revalidate(app, conn, sheet, spec, ctx, feed, who, changed,
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
            gone = store.load_records(conn, sheet_id, set(ids))
        else:
            gone = store.load_by_validity(conn, sheet_id, filter == "valid")
        store.delete_records(conn, sheet_id, gone, who)
        deleted = sorted(r["id"] for r in gone)
        result = _revalidate(app, conn, sheet, spec, ctx, feed, who, [], {"deleted": deleted},
                             deleted=gone)
        return {**result, "deleted": deleted}


@router.get("/{record_id}/versions")
def record_versions(sheet_id: str, record_id: int, app: App, env: Env) -> dict[str, Any]:
    """The history of one record, oldest first (kept after a delete)."""
    with app.engine.connect() as conn:
        repo.get_sheet(conn, sheet_id, env)
        data = store.versions(conn, sheet_id, record_id)
    if not data:
        raise ApiError(404, "not-found", f"record {record_id} has no history in sheet {sheet_id}")
    return {"data": data}
