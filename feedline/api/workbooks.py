"""Workbooks, sheets and pages of their records."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Query

from feedline.api.deps import ApiError, App, Env
from feedline.records.schema import to_records
from feedline.records.view import Query as RecordQuery
from feedline.records.view import SheetView
from feedline.store import repo

router = APIRouter(tags=["workbooks"])
MAX_CURSOR = 2**62


@router.get("/v1/workbooks")
def list_workbooks(space_id: str, app: App, env: Env, file_id: str | None = None,
                   kind: Literal["source", "destination"] | None = None) -> dict[str, Any]:
    with app.read() as conn:
        repo.get_space(conn, space_id, env)
        data = repo.list_workbooks(conn, space_id, file_id)
    if kind:
        data = [w for w in data if w.kind == kind]
    return {"data": [w.model_dump() for w in data], "next_cursor": None}


@router.get("/v1/sheets/{sheet_id}")
def get_sheet(sheet_id: str, app: App, env: Env) -> dict[str, Any]:
    with app.read() as conn:
        sheet = repo.get_sheet(conn, sheet_id, env)
    counts = sheet.metadata.get("counts") or {}
    return {**sheet.model_dump(),
            "counts": {"total": int(counts.get("rows", sheet.row_count)),
                       "valid": int(counts.get("valid", 0)),
                       "invalid": int(counts.get("invalid", 0))},
            # message counts as of the last validation (map job or record edit)
            "messages": {k: counts.get(k, {}) for k in ("by_field", "by_type", "by_level")}}


@router.get("/v1/sheets/{sheet_id}/records")
def list_records(sheet_id: str, app: App, env: Env,
                 filter: Literal["all", "valid", "invalid"] = "all",
                 limit: int = Query(100, ge=1, le=10_000),
                 cursor: int | None = Query(None, ge=0, le=MAX_CURSOR),
                 field: str | None = Query(None, description="Only records with a message on this field."),
                 type: str | None = Query(None, description="Only records with a message of this type."),
                 q: str | None = Query(None, max_length=500, description="Only records containing this text."),
                 search_field: str | None = Query(None, description="Search only this field."),
                 sort: str | None = Query(None, description="Sort by this field (else record order)."),
                 order: Literal["asc", "desc"] = "asc") -> dict[str, Any]:
    """A page of records ``{id, row, values, messages, valid, version}``; pass
    ``next_cursor`` back as ``cursor`` for the next page."""
    with app.read() as conn:
        sheet = repo.get_sheet(conn, sheet_id, env)
        if sheet.blob_key:
            raise ApiError(409, "conflict", f"sheet {sheet_id} holds extracted source data; "
                                            "only destination sheets have records")
        wb = repo.get_workbook(conn, sheet.workbook_id)
        space = repo.get_space(conn, wb.space_id)
        spec = app.feed(space.feed).blueprint.sheet(sheet.slug)
        view = SheetView.open(conn, app.blobs, sheet, spec)
    for name in (field, search_field, sort):
        if name is not None and name not in spec.keys:
            raise ApiError(422, "invalid-request", f"sheet {spec.slug!r} has no field {name!r}")
    query = RecordQuery(filter=filter, field=field, message_type=type, search=q,
                        search_field=search_field, sort=sort, descending=order == "desc")
    frame, nxt = view.page(query, limit, cursor)
    return {"data": to_records(frame, spec), "next_cursor": nxt}
