"""The records grid: server-side pages, filters and sort over the sheet's columnar
records; inline edits re-validated at once; find and replace; delete; send."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from feedline.blueprint.model import SheetSpec
from feedline.errors import ConfigError, Conflict, NotFound
from feedline.jobs import queue
from feedline.pipeline import review
from feedline.records.edits import Edited, SheetEditor
from feedline.records.paging import matching_ids, page_at
from feedline.records.replace import find_replace
from feedline.records.schema import to_records
from feedline.records.view import Query, SheetView
from feedline.store import repo
from feedline.store.models import Sheet, Space, Workbook
from feedline.ui.auth import Session, check_csrf, check_space, require
from feedline.ui.pages import fl
from feedline.ui.render import _ENV, page

router = APIRouter(include_in_schema=False)
SIZES = (25, 50, 100, 200)
MAX_PAGE = 10**7


@dataclass
class SheetContext:
    sheet: Sheet
    workbook: Workbook
    space: Space
    spec: SheetSpec


def load(request: Request, session: Session, sheet_id: str) -> SheetContext:
    app = fl(request)
    with app.read() as conn:
        sheet = repo.get_sheet(conn, sheet_id, session.environment)
        wb = repo.get_workbook(conn, sheet.workbook_id)
        check_space(session, wb.space_id)
        if wb.kind != "destination":
            raise Conflict(f"sheet {sheet_id} holds extracted source data; "
                           "only destination sheets have records")
        space = repo.get_space(conn, wb.space_id)
    return SheetContext(sheet, wb, space, app.feed(space.feed).blueprint.sheet(sheet.slug))


def parse_query(spec: SheetSpec, params: dict[str, str]) -> tuple[Query, int, int]:
    """The grid's query string as a records query, a page number and a page size."""
    def field(name: str) -> str | None:
        value = params.get(name) or None
        return value if value in spec.keys else None

    filter_ = params.get("filter") if params.get("filter") in ("all", "valid", "invalid") else "all"
    query = Query(filter=filter_ or "all", field=field("field"),
                  message_type=(params.get("type") or None),
                  search=(params.get("q") or "").strip()[:200] or None,
                  search_field=field("in"), sort=field("sort"),
                  descending=params.get("order") == "desc")
    try:
        number = min(max(int(params.get("page") or 1), 1), MAX_PAGE)
    except ValueError:
        number = 1
    try:
        size = int(params.get("size") or 50)
    except ValueError:
        size = 50
    return query, number, size if size in SIZES else 50


def total(sheet: Sheet, view: SheetView, query: Query) -> int:
    """How many records match: the sheet's counts when only validity filters, else counted."""
    counts = sheet.metadata.get("counts") or {}
    if not (query.field or query.message_type or query.search) and "valid" in counts:
        return int(counts["rows"] if query.filter == "all" else counts[query.filter])
    return view.count(query)


def rows_for(records: list[dict[str, Any]], spec: SheetSpec) -> list[dict[str, Any]]:
    """Records with their messages grouped per field (record-wide ones under None)."""
    out = []
    for r in records:
        per: dict[str | None, list[dict[str, Any]]] = {}
        for m in r["messages"]:
            per.setdefault(m.get("field") if m.get("field") in spec.keys else None, []).append(m)
        out.append({**r, "per": per})
    return out


def grid_page(request: Request, sheet_id: str) -> dict[str, Any]:
    """The grid's data: what the template and the benchmark both use."""
    session = require(request)
    sc = load(request, session, sheet_id)
    params = dict(request.query_params)
    query, number, size = parse_query(sc.spec, params)
    app = fl(request)
    with app.read() as conn:
        view = SheetView.open(conn, app.blobs, sc.sheet, sc.spec)
    offset = (number - 1) * size
    if query.sort or not (query.field or query.message_type or query.search):
        frame = page_at(view, query, offset, size)
        matching = total(sc.sheet, view, query)
    else:  # one pass finds the matching ids: the count and every page come from them
        ids = matching_ids(view, query)
        matching = ids.len()
        frame = view.frame(ids.slice(offset, size).to_list())
    counts = sc.sheet.metadata.get("counts") or {}
    unread = view.unread() if (counts.get("by_type") or {}).get("invalid-option") else {}
    return {"session": session, "unread": unread, "sc": sc, "query": query, "page": number, "size": size,
            "rows": rows_for(to_records(frame, sc.spec), sc.spec), "total": matching,
            "pages": max(1, -(-matching // size)), "counts": counts,
            "by_field": {k: sum(v.values()) for k, v in (counts.get("by_field") or {}).items()},
            "types": sorted((counts.get("by_type") or {}).items()), "params": params,
            "egress": sc.sheet.metadata.get("egress") or {},
            "destinations": [d.name for d in app.feed(sc.space.feed).destinations],
            "editable": [f.key for f in sc.spec.fields if not f.is_computed]}


@router.get("/ui/sheets/{sheet_id}")
def grid(request: Request, sheet_id: str) -> Response:
    data = grid_page(request, sheet_id)

    def link(**changes: Any) -> str:
        merged = {**data["params"], **{k: v for k, v in changes.items()}}
        if "page" not in changes:
            merged.pop("page", None)
        return f"/ui/sheets/{sheet_id}?" + urlencode({k: v for k, v in merged.items()
                                                      if v not in (None, "")})

    return page(request, "grid.html", link=link, **data)


def _editor(request: Request, conn: Any, sc: SheetContext) -> SheetEditor:
    app = fl(request)
    feed = app.feed(sc.space.feed)
    return SheetEditor(conn, app.blobs, sc.sheet.id, sc.spec,
                       app.listener.hooks_for(sc.spec.slug, feed.name), feed.decimal_separator)


def _emitted(request: Request, conn: Any, sc: SheetContext, actor: str, result: Edited,
             payload: dict[str, Any]) -> None:
    """What follows every edit: fixed enum values teach memory, ``records:updated``."""
    app = fl(request)
    review.records_edited(app.context, conn, sc.space, app.feed(sc.space.feed), sc.workbook,
                          sc.sheet.id, sc.spec.slug, actor, result, payload)


def actor(session: Session) -> str:
    return "ui:operator" if session.operator else f"ui:link:{session.space}"


@router.post("/ui/sheets/{sheet_id}/cells")
async def edit_cell(request: Request, sheet_id: str) -> Response:
    """One cell changed: ``{"id", "field", "value"}`` → the re-rendered rows that changed
    (the edited one and any whose uniqueness it settled or broke) and the new counts."""
    session = require(request)
    body = await check_csrf(request, session)
    sc = load(request, session, sheet_id)
    rid, key, value = body.get("id"), body.get("field"), body.get("value")
    if not isinstance(rid, int) or isinstance(rid, bool) or not 0 < rid < 2**62:
        return JSONResponse({"error": {"message": "id: expected a record id"}}, status_code=422)
    if key not in sc.spec.keys or sc.spec.field(str(key)).is_computed:
        return JSONResponse({"error": {"message": f"{key!r} cannot be edited"}}, status_code=422)
    if value is not None and not isinstance(value, str):
        return JSONResponse({"error": {"message": "value: expected text"}}, status_code=422)
    text = value.strip() if isinstance(value, str) else None
    app = fl(request)
    who = actor(session)
    with app.begin() as conn:
        editor = _editor(request, conn, sc)
        result = editor.update({rid: {str(key): text or None}}, who)
        _emitted(request, conn, sc, who, result, {"updated": [rid]})
    ids = [rid, *result.revalidated]
    with app.read() as conn:
        sheet = repo.get_sheet(conn, sheet_id)
        records = SheetView.open(conn, app.blobs, sheet, sc.spec).records(ids)
    template = _ENV.get_template("_row.html")
    editable = [f.key for f in sc.spec.fields if not f.is_computed]
    rows = {r["id"]: template.render(row=r, spec=sc.spec, editable=editable)
            for r in rows_for(records, sc.spec)}
    return JSONResponse({"rows": rows, "counts": result.counts,
                         "hook_failures": result.hook_failures, "taught": result.taught})


def _back(form: dict[str, Any], sheet_id: str, **note: Any) -> str:
    back = str(form.get("back") or "")
    if not back.startswith(f"/ui/sheets/{sheet_id}"):
        back = f"/ui/sheets/{sheet_id}"
    extra = urlencode({k: v for k, v in note.items() if v is not None})
    return f"{back}{'&' if '?' in back else '?'}{extra}" if extra else back


@router.post("/ui/sheets/{sheet_id}/delete")
async def delete_selected(request: Request, sheet_id: str) -> Response:
    session = require(request)
    form = await check_csrf(request, session)
    sc = load(request, session, sheet_id)
    raw = form.get("ids") or []
    raw = raw if isinstance(raw, list) else [raw]
    try:
        ids = sorted({int(i) for i in raw})
    except ValueError:
        ids = []
    if not ids:
        return RedirectResponse(_back(form, sheet_id, error="select records to delete first"),
                                status_code=303)
    who = actor(session)
    try:
        with fl(request).begin() as conn:
            editor = _editor(request, conn, sc)
            result = editor.delete(ids, who)
            _emitted(request, conn, sc, who, result, {"deleted": result.deleted})
    except NotFound as exc:
        return RedirectResponse(_back(form, sheet_id, error=str(exc)), status_code=303)
    return RedirectResponse(_back(form, sheet_id, deleted=len(result.deleted)), status_code=303)


@router.post("/ui/sheets/{sheet_id}/replace")
async def replace(request: Request, sheet_id: str) -> Response:
    session = require(request)
    form = await check_csrf(request, session)
    sc = load(request, session, sheet_id)
    who = actor(session)
    try:
        with fl(request).begin() as conn:
            editor = _editor(request, conn, sc)
            done = find_replace(editor, str(form.get("field") or ""), str(form.get("find") or ""),
                                str(form.get("replace") or ""), who,
                                whole=str(form.get("whole") or "") in ("1", "on"))
            if done.edited is not None:
                _emitted(request, conn, sc, who, done.edited,
                         {"updated": [r["id"] for r in done.edited.data], "replace": True})
    except ConfigError as exc:
        return RedirectResponse(_back(form, sheet_id, error=str(exc)), status_code=303)
    taught = sum(map(len, done.edited.taught.values())) if done.edited is not None else 0
    return RedirectResponse(_back(form, sheet_id, replaced=done.cells, taught=taught or None),
                            status_code=303)


@router.post("/ui/sheets/{sheet_id}/send")
async def send(request: Request, sheet_id: str) -> Response:
    """Deliver what no run sent yet to the feed's destinations (an egress job)."""
    session = require(request)
    form = await check_csrf(request, session)
    sc = load(request, session, sheet_id)
    app = fl(request)
    if not app.feed(sc.space.feed).destinations:
        return RedirectResponse(_back(form, sheet_id, error=f"feed {sc.space.feed!r} has no "
                                      "destinations to send to"), status_code=303)
    with app.begin() as conn:
        job = queue.create_job(
            conn, environment_id=sc.space.environment_id, operation="egress",
            space_id=sc.space.id, file_id=sc.workbook.file_id,
            input={"sheet_id": sc.sheet.id, "sheet": sc.sheet.slug, "full": False,
                   "destinations": None, "trigger": "request"},
            dedupe_key=f"egress:{sc.sheet.id}:r{uuid.uuid4().hex}",
            max_attempts=app.settings.max_attempts)
    return RedirectResponse(_back(form, sheet_id, sent=job.id), status_code=303)
