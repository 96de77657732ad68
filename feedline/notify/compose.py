"""Turn a stored event into the notification a person reads (or None: nothing to say)."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from feedline.errors import NotFound
from feedline.events import model as topics
from feedline.events.model import Event
from feedline.jobs import queue
from feedline.notify.links import sign_link
from feedline.notify.message import Notification
from feedline.store import repo

MAX_DETAILS = 6


def kind_of(event: Event) -> str | None:
    """Which notification kind an event is, if any."""
    operation = event.payload.get("operation")
    if event.topic == topics.JOB_NEEDS_REVIEW and operation == "map":
        return "needs-review"
    if event.topic == topics.RECORDS_CREATED and int(event.payload.get("invalid") or 0) > 0:
        return "invalid"
    if event.topic == topics.JOB_FAILED and operation not in (None, "notify"):
        return "failed"
    if event.topic == topics.EGRESS_COMPLETED and any(
            d.get("status") == "delivered" for d in event.payload.get("destinations") or []):
        return "delivered"
    return None


def review_path(event: Event, kind: str) -> str:
    """Where in the UI the reader acts on this event."""
    ctx = event.context
    if kind == "needs-review" and ctx.get("job"):
        return f"/ui/jobs/{ctx['job']}/review"
    if kind == "invalid" and ctx.get("sheet"):
        return f"/ui/sheets/{ctx['sheet']}?filter=invalid"
    return f"/ui/spaces/{ctx.get('space')}"


def link_for(secret: bytes, base: str, event: Event, kind: str, ttl: float,
             env: str) -> tuple[str, str]:
    """A signed link for the event's space that lands on :func:`review_path`, and when
    it expires (ISO)."""
    from urllib.parse import quote

    space = event.context.get("space") or ""
    token = sign_link(secret, space, env, ttl)
    expires = datetime.fromtimestamp(time.time() + ttl, UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"{base.rstrip('/')}/ui/l/{token}?next={quote(review_path(event, kind), safe='')}", expires


def compose(conn: sa.Connection, event: Event, kind: str, link: str | None = None,
            expires: str | None = None) -> Notification:
    """The notification for ``event`` (of ``kind``), read from the store."""
    ctx, payload = event.context, event.payload
    space = repo.get_space(conn, ctx.get("space") or "")
    file_name = None
    if ctx.get("file"):
        try:
            file_name = repo.get_file(conn, ctx["file"] or "").name
        except NotFound:
            file_name = None
    outcome: dict[str, Any] = payload.get("outcome") or {}
    details: list[str] = []
    counts: dict[str, int] = {}
    if kind == "needs-review":
        reasons = outcome.get("reasons") or []
        summary = (f"The mapping of {file_name or 'a file'} needs a person: "
                   f"{len(reasons)} open question(s).")
        details = [_plain(r) for r in reasons]
        if outcome.get("drift_summary") and outcome.get("drift"):
            details.append(f"Columns changed since last time: {outcome['drift_summary']}")
    elif kind == "invalid":
        counts = {k: int(payload.get(k) or 0) for k in ("count", "valid", "invalid")}
        summary = (f"{counts['invalid']} of {counts['count']} records are invalid and held "
                   f"until someone fixes them; {counts['valid']} are valid.")
        details = [f'{key}: values no option reads yet, to say once what each means: '
                   + ", ".join(f'"{v}"' for v in values[:5]) + (", …" if len(values) > 5 else "")
                   for key, values in (payload.get("unread_values") or {}).items()]
        details += _top_problems(conn, ctx.get("sheet"))
    elif kind == "failed":
        operation = payload.get("operation") or "a"
        summary = f"The {operation} job of {file_name or 'this space'} failed."
        if outcome.get("message"):
            details = [str(outcome["message"])]
        job = queue.get_job(conn, ctx["job"] or "") if ctx.get("job") else None
        if job is not None:
            details.append(f"Tried {job.attempts} time(s).")
    else:
        sent, held = int(payload.get("sent") or 0), int(payload.get("held") or 0)
        counts = {"sent": sent, "held": held}
        summary = f"Delivered {sent} record(s) of {file_name or 'the space'}; {held} held."
        for d in payload.get("destinations") or []:
            details.append(f"{d.get('name')}: {d.get('status')}, {d.get('sent', 0)} sent"
                           + (f" to {d['location']}" if d.get("location") else ""))
    return Notification(
        event_id=event.id, kind=kind, space_id=space.id, space=space.name, feed=space.feed,
        summary=summary, file=file_name, details=details[:MAX_DETAILS], counts=counts,
        link=link, link_expires_at=expires)


def _plain(reason: str) -> str:
    return reason.replace(" -> ", " → ")


def _top_problems(conn: sa.Connection, sheet_id: str | None) -> list[str]:
    """The most frequent messages of a sheet, per field (``email: 3 × pattern``)."""
    if not sheet_id:
        return []
    try:
        sheet = repo.get_sheet(conn, sheet_id)
    except NotFound:
        return []
    by_field = (sheet.metadata.get("counts") or {}).get("by_field") or {}
    items = sorted(((n, f, t) for f, kinds in by_field.items() for t, n in kinds.items()),
                   reverse=True)
    return [f"{f}: {n} × {t}" for n, f, t in items[:MAX_DETAILS]]
