"""Sign-in, signed links, the feeds overview and a space's timeline."""

from __future__ import annotations

import secrets
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from feedline.app import Feedline
from feedline.errors import NotFound
from feedline.jobs import queue
from feedline.notify.links import LinkError, verify_link
from feedline.store import repo
from feedline.ui import data
from feedline.ui.auth import (
    COOKIE,
    PRE_COOKIE,
    check_csrf,
    check_space,
    current,
    operator_expiry,
    require,
    safe_next,
    signer,
    start,
)
from feedline.ui.render import page, refused

router = APIRouter(include_in_schema=False)


def fl(request: Request) -> Feedline:
    return request.app.state.feedline


@router.get("/")
def root() -> RedirectResponse:
    return RedirectResponse("/ui/", status_code=307)


@router.get("/ui")
def ui_root() -> RedirectResponse:
    return RedirectResponse("/ui/", status_code=307)


@router.get("/ui/sign-in")
def sign_in_form(request: Request, next: str | None = None, expired: int = 0,
                 error: str | None = None) -> Response:
    token = request.cookies.get(PRE_COOKIE) or secrets.token_urlsafe(24)
    resp = page(request, "sign_in.html", session=None, next=safe_next(next), signin_token=token,
                expired=bool(expired), error=error)
    resp.set_cookie(PRE_COOKIE, token, httponly=True, samesite="strict", path="/ui/",
                    secure=request.url.scheme == "https")
    return resp


@router.post("/ui/sign-in")
async def sign_in(request: Request) -> Response:
    form = await request.form()
    expected = request.cookies.get(PRE_COOKIE, "")
    sent = str(form.get("csrf") or "")
    nxt = safe_next(str(form.get("next") or ""))
    if not expected or not secrets.compare_digest(expected, sent):
        return refused(request, 403, "This form has expired",
                       "The sign-in page was too old or came from elsewhere. Reload it and try again.")
    key = str(form.get("api_key") or "").strip()
    with fl(request).read() as conn:
        env = repo.environment_for_key(conn, key) if key else None
    if env is None:
        return sign_in_form(request, nxt, error="That API key is not valid. Check it and try again.")
    resp = RedirectResponse(nxt, status_code=303)
    start(request, resp, env, "operator", None, operator_expiry())
    resp.delete_cookie(PRE_COOKIE, path="/ui/")
    return resp


@router.post("/ui/sign-out")
async def sign_out(request: Request) -> Response:
    session = require(request)
    await check_csrf(request, session)
    resp = RedirectResponse("/ui/sign-in", status_code=303)
    resp.delete_cookie(COOKIE, path="/")
    return resp


@router.get("/ui/l/{token}")
def open_link(request: Request, token: str, next: str | None = None) -> Response:
    """A signed link: opens its one space (a session scoped to it) until it expires."""
    app = fl(request)
    try:
        link = verify_link(signer(request).secret, token)
    except LinkError as exc:
        if exc.reason == "expired":
            return refused(request, 410, "This link has expired",
                           "Links in notifications work for a limited time. Ask for a new one, "
                           "or sign in with an API key to see the feed.")
        return refused(request, 403, "This link is not valid",
                       "It was not issued by this feedline, or it was changed on the way. "
                       "Open the link from the notification again, or sign in.")
    try:
        with app.read() as conn:
            space = repo.get_space(conn, link.space_id, link.environment_id)
    except NotFound:
        return refused(request, 404, "This space is gone",
                       "The space the link points to no longer exists.")
    target = safe_next(next, f"/ui/spaces/{space.id}")
    resp = RedirectResponse(target, status_code=303)
    session = current(request)
    if session and session.operator and session.environment == space.environment_id:
        return resp  # an operator keeps their wider session
    start(request, resp, space.environment_id, "link", space.id, link.expires_at)
    return resp


@router.get("/ui/")
def overview(request: Request) -> Response:
    session = require(request)
    if session.space is not None:
        return RedirectResponse(f"/ui/spaces/{session.space}", status_code=303)
    app = fl(request)
    with app.read() as conn:
        rows = data.overview(conn, session.environment)
    return page(request, "overview.html", session=session, rows=rows,
                feeds=sorted(app.feeds))


@router.get("/ui/spaces/{space_id}")
def space_page(request: Request, space_id: str) -> Response:
    session = require(request)
    check_space(session, space_id)
    app = fl(request)
    with app.read() as conn:
        space = repo.get_space(conn, space_id, session.environment)
        summary = data.overview(conn, session.environment, only=space_id)[0]
        deliveries = data.timeline(conn, space)
    return page(request, "space.html", session=session, space=space, summary=summary,
                deliveries=deliveries, feed=app.feeds.get(space.feed),
                live=any(d.live for d in deliveries))


@router.get("/ui/spaces/{space_id}/status.json")
def space_status(request: Request, space_id: str) -> dict[str, Any]:
    session = require(request)
    check_space(session, space_id)
    with fl(request).read() as conn:
        repo.get_space(conn, space_id, session.environment)
        return data.status(conn, space_id)


@router.get("/ui/jobs/{job_id}.json")
def job_status(request: Request, job_id: str) -> Response:
    session = require(request)
    with fl(request).read() as conn:
        job = queue.get_job(conn, job_id, session.environment)
    check_space(session, job.space_id or "")
    return JSONResponse({"id": job.id, "status": job.status.value, "progress": job.progress,
                         "info": job.info, "outcome": job.outcome, "final": job.final})

