"""Workbooks, sheets and their records."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Query

from feedline.api.deps import App, Env
from feedline.store import repo

router = APIRouter(tags=["workbooks"])


@router.get("/v1/workbooks")
def list_workbooks(space_id: str, app: App, env: Env, file_id: str | None = None,
                   kind: Literal["source", "destination"] | None = None) -> dict[str, Any]:
    with app.engine.connect() as conn:
        repo.get_space(conn, space_id, env)
        data = repo.list_workbooks(conn, space_id, file_id)
    if kind:
        data = [w for w in data if w["kind"] == kind]
    return {"data": data, "next_cursor": None}


@router.get("/v1/sheets/{sheet_id}")
def get_sheet(sheet_id: str, app: App, env: Env) -> dict[str, Any]:
    with app.engine.connect() as conn:
        sheet = repo.get_sheet(conn, sheet_id, env)
        sheet.pop("blob_key", None)
        validation = sheet["metadata"].get("counts") or {}
        return {**sheet, "counts": repo.record_counts(conn, sheet_id),
                # message counts as of the last validation (map job or record edit)
                "messages": {k: validation.get(k, {}) for k in ("by_field", "by_type", "by_level")}}


@router.get("/v1/sheets/{sheet_id}/records")
def list_records(sheet_id: str, app: App, env: Env,
                 filter: Literal["all", "valid", "invalid"] = "all",
                 limit: int = Query(100, ge=1, le=10_000),
                 cursor: int | None = Query(None, ge=0)) -> dict[str, Any]:
    with app.engine.connect() as conn:
        repo.get_sheet(conn, sheet_id, env)
        data, nxt = repo.list_records(conn, sheet_id, filter, limit, cursor)
    return {"data": data, "next_cursor": nxt}
