"""Workbooks, sheets and pages of their records."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query

from feedline.api.deps import MAX_INT, ApiError, App, Env, page
from feedline.api.schemas import ERRORS, Page, Record, SheetOut, Workbook
from feedline.records.schema import to_records
from feedline.records.view import Query as RecordQuery
from feedline.records.view import SheetView
from feedline.store import repo

router = APIRouter(tags=["workbooks"], responses=ERRORS)


@router.get("/v1/workbooks")
def list_workbooks(app: App, env: Env, space_id: str = Query(..., max_length=40),
                   file_id: str | None = Query(None, max_length=40),
                   kind: Literal["source", "destination"] | None = None,
                   limit: int = Query(100, ge=1, le=1000),
                   cursor: str | None = Query(None, max_length=40)) -> Page[Workbook]:
    """A space's workbooks with their sheets: ``source`` (what extraction read) and
    ``destination`` (records mapped onto the blueprint)."""
    with app.read() as conn:
        repo.get_space(conn, space_id, env)
        rows = repo.list_workbooks(conn, space_id, file_id, kind=kind, limit=limit + 1,
                                   after=cursor)
    data, nxt = page(rows, limit, lambda w: w.id)
    return Page[Workbook](data=data, next_cursor=nxt)


@router.get("/v1/sheets/{sheet_id}")
def get_sheet(sheet_id: str, app: App, env: Env) -> SheetOut:
    """A sheet with its record counts and message counts by field, type and level."""
    with app.read() as conn:
        sheet = repo.get_sheet(conn, sheet_id, env)
    counts = sheet.metadata.get("counts") or {}
    return SheetOut(**sheet.model_dump(),
                    counts={"total": int(counts.get("rows", sheet.row_count)),
                            "valid": int(counts.get("valid", 0)),
                            "invalid": int(counts.get("invalid", 0))},
                    messages={k: counts.get(k, {}) for k in ("by_field", "by_type", "by_level")})


@router.get("/v1/sheets/{sheet_id}/records")
def list_records(sheet_id: str, app: App, env: Env,
                 filter: Literal["all", "valid", "invalid"] = "all",
                 limit: int = Query(100, ge=1, le=10_000),
                 cursor: int | None = Query(None, ge=0, le=MAX_INT),
                 field: str | None = Query(None, max_length=200,
                                           description="Only records with a message on this field."),
                 type: str | None = Query(None, max_length=100,
                                          description="Only records with a message of this type."),
                 q: str | None = Query(None, max_length=500,
                                       description="Only records containing this text (any case)."),
                 search_field: str | None = Query(None, max_length=200,
                                                  description="Search only this field."),
                 sort: str | None = Query(None, max_length=200,
                                          description="Sort by this field (else record order)."),
                 order: Literal["asc", "desc"] = "asc") -> Page[Record]:
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
    return Page[Record](data=[Record(**r) for r in to_records(frame, spec)],
                        next_cursor=str(nxt) if nxt is not None else None)
