"""Request plumbing: the app, authentication, error bodies."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from feedline.app import Feedline
from feedline.errors import Conflict, FeedlineError, NotFound, TransientError
from feedline.store import repo


class ApiError(Exception):
    """An error answered as ``{"error": {"code", "message"}}`` with ``status``."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def get_app(request: Request) -> Feedline:
    return request.app.state.feedline


def environment(request: Request, app: Annotated[Feedline, Depends(get_app)]) -> str:
    """The caller's environment, from ``Authorization: Bearer <key>``."""
    header = request.headers.get("authorization", "")
    scheme, _, key = header.partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        raise ApiError(401, "unauthorized", "missing API key: send 'Authorization: Bearer <key>'")
    with app.read() as conn:
        env = repo.environment_for_key(conn, key.strip())
    if env is None:
        raise ApiError(401, "unauthorized", "invalid API key")
    return env


App = Annotated[Feedline, Depends(get_app)]
Env = Annotated[str, Depends(environment)]


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
        return error_body(422, "invalid-request", f"{where}: {first.get('msg', 'invalid request')}")

    @api.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not-found", 405: "method-not-allowed"}.get(exc.status_code, "http-error")
        return error_body(exc.status_code, code, str(exc.detail))
