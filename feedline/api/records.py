"""Records of a destination sheet: read pages, change, add and delete.

Every change is versioned, re-validated (see :mod:`feedline.records.edits`) and a
``records:updated`` event is emitted, in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from fastapi import APIRouter, Body, Path, Query, Request

from feedline.api.deps import MAX_INT, ApiError, App, Env
from feedline.api.schemas import ERRORS, Edited, RecordEdit, RecordNew, VersionList
from feedline.blueprint.model import SheetSpec
from feedline.feeds import Feed
from feedline.pipeline import review
from feedline.records import overlay
from feedline.records.edits import Edited as EditResult
from feedline.records.edits import SheetEditor
from feedline.store import repo
from feedline.store.models import Space, Workbook

router = APIRouter(prefix="/v1/sheets/{sheet_id}/records", tags=["records"], responses=ERRORS)
MAX_BATCH = 10_000
EDITS_BODY: dict[str, Any] = {"requestBody": {"required": True, "content": {"application/json": {
    "schema": {"anyOf": [
        {"type": "array", "items": RecordEdit.model_json_schema(), "maxItems": MAX_BATCH},
        {"type": "object", "properties": {"records": {"type": "array", "items": RecordEdit.model_json_schema()}},
         "required": ["records"]}]}}}}}
NEW_BODY: dict[str, Any] = {"requestBody": {"required": True, "content": {"application/json": {
    "schema": {"anyOf": [
        {"type": "array", "items": RecordNew.model_json_schema(), "maxItems": MAX_BATCH},
        {"type": "object", "properties": {"records": {"type": "array", "items": RecordNew.model_json_schema()}},
         "required": ["records"]}]}}}}}


def actor(request: Request) -> str:
    """Who made the change: the API key's public prefix (never the key)."""
    key = request.headers.get("authorization", "").partition(" ")[2].strip()
    return f"api-key:{key[:6]}" if key else "api"


@dataclass
class Opened:
    """A destination sheet open for edits: its editor, space, feed and workbook."""

    editor: SheetEditor
    space: Space
    feed: Feed
    workbook: Workbook


def open_editor(app: App, conn: Any, env: str, sheet_id: str) -> Opened:
    """An editor for a destination sheet (the sheet row-locked) and what it belongs to."""
    sheet = repo.get_sheet(conn, sheet_id, env)
    wb = repo.get_workbook(conn, sheet.workbook_id)
    if wb.kind != "destination":
        raise ApiError(409, "conflict", f"sheet {sheet_id} holds extracted source data; "
                                        "only destination sheets have editable records")
    space = repo.get_space(conn, wb.space_id)
    feed = app.feed(space.feed)
    spec = feed.blueprint.sheet(sheet.slug)
    editor = SheetEditor(conn, app.blobs, sheet_id, spec,
                         app.listener.hooks_for(spec.slug, feed.name), feed.decimal_separator)
    return Opened(editor, space, feed, wb)


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


def _answer(app: App, conn: Any, opened: Opened, who: str, result: EditResult,
            payload: dict[str, Any]) -> Edited:
    """Teach memory the fixed enum values, emit ``records:updated``, answer what changed."""
    editor = opened.editor
    review.records_edited(app.context, conn, opened.space, opened.feed, opened.workbook,
                          editor.sheet.id, editor.spec.slug, who, result, payload)
    return Edited.model_validate({
        "data": result.data, "revalidated": result.revalidated, "counts": result.counts,
        "hook_failures": result.hook_failures, "deleted": result.deleted,
        "taught": result.taught})


@router.patch("", openapi_extra=EDITS_BODY)
def update_records(sheet_id: str, app: App, env: Env, request: Request,
                   body: Any = Body(..., include_in_schema=False)) -> Edited:
    """Change records: ``[{"id": 1, "values": {"email": "a@b.co"}}, …]`` (fields not sent
    keep their value). Returns the changed records and the ids whose messages changed."""
    who = actor(request)
    with app.begin() as conn:
        opened = open_editor(app, conn, env, sheet_id)
        editor = opened.editor
        edits: dict[int, dict[str, Any]] = {}
        for i, item in enumerate(_items(body)):
            rid = item.get("id") if isinstance(item, dict) else None
            if not isinstance(rid, int) or isinstance(rid, bool) or not 0 < rid < MAX_INT:
                raise ApiError(422, "invalid-request", f"record #{i + 1}: needs an integer 'id'")
            edits.setdefault(rid, {}).update(
                _check_values(editor.spec, item.get("values"), f"record #{i + 1}"))
        result = editor.update(edits, who)
        return _answer(app, conn, opened, who, result, {"updated": sorted(edits)})


@router.post("", status_code=201, openapi_extra=NEW_BODY)
def add_records(sheet_id: str, app: App, env: Env, request: Request,
                body: Any = Body(..., include_in_schema=False)) -> Edited:
    """Add records: ``[{"values": {…}}, …]``; they are validated like any other."""
    who = actor(request)
    with app.begin() as conn:
        opened = open_editor(app, conn, env, sheet_id)
        values = [_check_values(opened.editor.spec, item.get("values") if isinstance(item, dict) else None,
                                f"record #{i + 1}") for i, item in enumerate(_items(body))]
        result = opened.editor.add(values, who)
        return _answer(app, conn, opened, who, result,
                       {"created": [r["id"] for r in result.data]})


@router.delete("")
def delete_records(sheet_id: str, app: App, env: Env, request: Request,
                   ids: list[int] | None = Query(None, max_length=MAX_BATCH),
                   filter: Literal["valid", "invalid"] | None = None) -> Edited:
    """Delete records by ``?ids=1&ids=2`` or by ``?filter=invalid`` (or ``valid``)."""
    if bool(ids) == bool(filter):
        raise ApiError(422, "invalid-request", "pass either ids or filter (valid | invalid)")
    if ids and any(not 0 < i < MAX_INT for i in ids):
        raise ApiError(404, "not-found", f"sheet {sheet_id} has no such record")
    who = actor(request)
    with app.begin() as conn:
        opened = open_editor(app, conn, env, sheet_id)
        result = opened.editor.delete(ids, who, valid=filter == "valid" if filter else None)
        return _answer(app, conn, opened, who, result, {"deleted": result.deleted})


@router.get("/{record_id}/versions")
def record_versions(sheet_id: str, app: App, env: Env,
                    record_id: int = Path(..., ge=1, le=MAX_INT)) -> VersionList:
    """The history of one record, oldest first (kept after a delete)."""
    with app.read() as conn:
        repo.get_sheet(conn, sheet_id, env)
        data = overlay.history(conn, sheet_id, record_id)
    if not data:
        raise ApiError(404, "not-found", f"record {record_id} has no history in sheet {sheet_id}")
    return VersionList.model_validate({"data": data})
