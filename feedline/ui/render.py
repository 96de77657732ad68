"""Templates (Jinja2, shipped in the package), the words they use, and error pages."""

from __future__ import annotations

import inspect
from datetime import UTC, datetime
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from feedline import __version__
from feedline.errors import Conflict, FeedlineError, NotFound
from feedline.ui.auth import Refused, Session, SignInRequired, current, to_sign_in

_ENV = Environment(loader=PackageLoader("feedline.ui", "templates"),
                   autoescape=select_autoescape(["html"]), trim_blocks=True,
                   lstrip_blocks=True)


def ago(value: str | None) -> str:
    """``3 min ago`` from an ISO time (UTC)."""
    if not value:
        return "never"
    try:
        then = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    seconds = (datetime.now(UTC) - then).total_seconds()
    if seconds < 60:
        return "just now"
    for size, unit in ((86400, "day"), (3600, "hour"), (60, "min")):
        if seconds >= size:
            n = int(seconds // size)
            return f"{n} {unit}{'s' if n > 1 and unit != 'min' else ''} ago"
    return value


def when(value: str | None) -> str:
    """``2026-01-03 14:05 UTC`` from an ISO time."""
    if not value:
        return ""
    return value.replace("T", " ")[:16] + " UTC"


def sure(confidence: float | None, certainty: str | None) -> str:
    """A confidence in plain words."""
    pct = f"{round((confidence or 0) * 100)}%"
    return {"absolute": f"Certain ({pct})", "strong": f"Very likely ({pct})",
            "moderate": f"Probably ({pct}) — please check",
            "weak": f"Unsure ({pct}) — please check"}.get(certainty or "", pct)


def number(value: Any) -> str:
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return str(value)


_ENV.filters.update(ago=ago, when=when, sure=sure, number=number)


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render a page with the session, its CSRF token and the version."""
    session: Session | None = context.pop("session", None) or current(request)
    html = _ENV.get_template(template).render(
        request=request, session=session, csrf=session.csrf if session else "",
        version=__version__, path=request.url.path, **context)
    return HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store"})


def refused(request: Request, status: int, title: str, message: str) -> HTMLResponse:
    return page(request, "refused.html", status=status, title=title, message=message)


def wants_json(request: Request) -> bool:
    return request.url.path.endswith(".json") or "application/json" in request.headers.get(
        "accept", "") or request.headers.get("content-type", "").startswith("application/json")


def install(api: FastAPI) -> None:
    """UI error pages: HTML under ``/ui/`` (JSON for the UI's data requests); the API's
    own handlers everywhere else."""
    api_feedline = api.exception_handlers.get(FeedlineError)
    api_http = api.exception_handlers.get(StarletteHTTPException)

    @api.exception_handler(SignInRequired)
    async def _sign_in(request: Request, exc: SignInRequired) -> Response:
        if wants_json(request):
            return JSONResponse({"error": {"code": "unauthorized", "message": "sign in first"}},
                                status_code=401)
        return to_sign_in(request, exc.expired)

    @api.exception_handler(Refused)
    async def _refused(request: Request, exc: Refused) -> Response:
        if wants_json(request):
            return JSONResponse({"error": {"code": "forbidden", "message": exc.message}},
                                status_code=exc.status)
        return refused(request, exc.status, exc.title, exc.message)

    @api.exception_handler(FeedlineError)
    async def _feedline(request: Request, exc: FeedlineError) -> Response:
        if request.url.path.startswith("/ui/") and api_feedline is not None and not wants_json(request):
            status = 404 if isinstance(exc, NotFound) else 409 if isinstance(exc, Conflict) else 422
            title = {404: "Not found", 409: "That cannot be done now"}.get(status, "That did not work")
            return refused(request, status, title, str(exc))
        if request.url.path.startswith("/ui/"):
            status = 404 if isinstance(exc, NotFound) else 409 if isinstance(exc, Conflict) else 422
            return JSONResponse({"error": {"code": "invalid", "message": str(exc)}}, status_code=status)
        assert api_feedline is not None
        return await _call(api_feedline, request, exc)

    @api.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/ui/") and not wants_json(request):
            return refused(request, exc.status_code, "Not found" if exc.status_code == 404
                           else "That did not work", "There is no page at this address."
                           if exc.status_code == 404 else str(exc.detail))
        assert api_http is not None
        return await _call(api_http, request, exc)


async def _call(handler: Any, request: Request, exc: Exception) -> Response:
    """Run an exception handler that may be sync or async."""
    result = handler(request, exc)
    if inspect.isawaitable(result):
        result = await result
    return result
