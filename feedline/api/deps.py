"""Request plumbing: the app, bearer-key authentication, error bodies, pagination."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import Depends, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException as StarletteHTTPException

from feedline.app import Feedline
from feedline.errors import Conflict, FeedlineError, NotFound, TransientError
from feedline.store import repo

log = logging.getLogger("feedline.api")
MAX_INT = 2**62  # larger ids and cursors cannot exist (PostgreSQL BIGINT)
bearer = HTTPBearer(auto_error=False, description="An API key: `Authorization: Bearer <key>`.")


class ApiError(Exception):
    """An error answered as ``{"error": {"code", "message"}}`` with ``status``."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def get_app(request: Request) -> Feedline:
    return request.app.state.feedline


def environment(request: Request, app: Annotated[Feedline, Depends(get_app)],
                credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> str:
    """The caller's environment, from ``Authorization: Bearer <key>``."""
    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials.strip():
        raise ApiError(401, "unauthorized", "missing API key: send 'Authorization: Bearer <key>'")
    env = key_environment(app, credentials.credentials.strip())
    if env is None:
        raise ApiError(401, "unauthorized", "invalid or revoked API key")
    request.state.environment = env
    request.state.key_hash = repo.hash_key(credentials.credentials.strip())
    return env


def key_environment(app: Feedline, key: str) -> str | None:
    if len(key) > 500:
        return None
    with app.read() as conn:
        return repo.environment_for_key(conn, key)


App = Annotated[Feedline, Depends(get_app)]
Env = Annotated[str, Depends(environment)]


def page(rows: Sequence[Any], limit: int, cursor_of: Any) -> tuple[list[Any], str | None]:
    """The first ``limit`` of ``limit + 1`` fetched rows and the next cursor (or None)."""
    more = len(rows) > limit
    kept = list(rows[:limit])
    return kept, (str(cursor_of(kept[-1])) if more and kept else None)


class RefuseNul:
    """ASGI middleware: a path or query string holding a NUL character is answered 400
    before any route runs (PostgreSQL text cannot hold one, and no id or name has one)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http" and ("\x00" in scope.get("path", "")
                                        or _has_nul(scope.get("query_string", b""))):
            response = error_body(400, "bad-request", "the URL holds a NUL character (%00)")
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


def _has_nul(query: bytes) -> bool:
    return b"\x00" in query or b"%00" in query


def error_body(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def install_error_handlers(api: Any) -> None:
    @api.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return error_body(exc.status, exc.code, exc.message)

    @api.exception_handler(FeedlineError)
    async def _feedline_error(_: Request, exc: FeedlineError) -> JSONResponse:
        if isinstance(exc, NotFound):
            return error_body(404, "not-found", str(exc))
        if isinstance(exc, Conflict):
            return error_body(409, "conflict", str(exc))
        if isinstance(exc, TransientError):
            return error_body(503, "unavailable", str(exc))
        return error_body(422, "invalid", str(exc))

    @api.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        message = str(first.get("msg", "invalid request")).splitlines()[0]
        return error_body(422, "invalid-request", f"{where}: {message}" if where else message)

    @api.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {400: "bad-request", 404: "not-found", 405: "method-not-allowed"}.get(
            exc.status_code, "http-error")
        return error_body(exc.status_code, code, str(exc.detail))

    @api.exception_handler(sa.exc.OperationalError)
    async def _database(_: Request, exc: sa.exc.OperationalError) -> JSONResponse:
        log.warning("database unavailable: %s", str(exc.orig).splitlines()[0] if exc.orig else exc)
        return error_body(503, "unavailable", "the database is unavailable; retry shortly")

    @api.exception_handler(sa.exc.DataError)
    async def _unstorable(_: Request, exc: sa.exc.DataError) -> JSONResponse:
        reason = str(exc.orig).splitlines()[0] if exc.orig else "a value the database cannot hold"
        return error_body(422, "invalid-request", f"the database refused a value: {reason}"[:300])

    @api.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return error_body(500, "internal", f"internal error: {type(exc).__name__}")
