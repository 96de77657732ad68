"""Who is looking: an operator signed in with an API key, or a person holding a signed
link to one space. Both are a signed session cookie carrying a CSRF token; every page
checks the session and every resource's space against its scope.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from feedline.notify.links import LinkError, Signer, load_secret

COOKIE = "feedline_session"
PRE_COOKIE = "feedline_signin"
OPERATOR_HOURS = 12


@dataclass(frozen=True)
class Session:
    """A signed-in operator (``space`` None: every space of ``environment``) or a link
    holder (``space``: that space only), until ``expires_at``."""

    environment: str
    role: str
    space: str | None
    csrf: str
    expires_at: int

    @property
    def operator(self) -> bool:
        return self.role == "operator"

    def allows(self, space_id: str) -> bool:
        return self.space is None or self.space == space_id


class SignInRequired(Exception):
    """No valid session: pages redirect to sign-in, data requests answer 401."""

    def __init__(self, expired: bool = False) -> None:
        super().__init__("sign in first")
        self.expired = expired


class Refused(Exception):
    """The session may not see this (another space, a bad CSRF token, a bad link)."""

    def __init__(self, status: int, title: str, message: str) -> None:
        super().__init__(message)
        self.status, self.title, self.message = status, title, message


def signer(request: Request) -> Signer:
    """The installation's signer, made once per app."""
    state = request.app.state
    if getattr(state, "ui_signer", None) is None:
        state.ui_signer = Signer(load_secret(state.feedline.settings.data_dir))
    return state.ui_signer


def current(request: Request) -> Session | None:
    """The request's session, if its cookie is valid."""
    token = request.cookies.get(COOKIE)
    if not token:
        return None
    try:
        data = signer(request).loads(token, "session")
    except LinkError:
        return None
    return Session(environment=str(data["e"]), role=str(data["r"]), space=data.get("s"),
                   csrf=str(data["c"]), expires_at=int(data["x"]))


def require(request: Request) -> Session:
    """The session, or :class:`SignInRequired` (the expired flag set when a cookie was
    there but no longer valid)."""
    session = current(request)
    if session is None:
        raise SignInRequired(expired=COOKIE in request.cookies)
    return session


def check_space(session: Session, space_id: str) -> None:
    """Refuse a resource outside the session's space."""
    if not session.allows(space_id):
        raise Refused(403, "Not part of your link",
                      "The link you opened gives access to one space only, and this page "
                      "belongs to another. Ask for a link to that space, or sign in.")


async def check_csrf(request: Request, session: Session) -> dict[str, Any]:
    """The submitted form (or JSON body), after checking its CSRF token."""
    if request.headers.get("content-type", "").startswith("application/json"):
        try:
            body: Any = await request.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):
            raise Refused(400, "That request was not understood", "Send a JSON object.")
        token = request.headers.get("x-csrf-token", "")
    else:
        form = await request.form()
        body = {k: form.getlist(k) if len(form.getlist(k)) > 1 else form.get(k) for k in form}
        token = str(form.get("csrf") or request.headers.get("x-csrf-token", ""))
    if not token or not secrets.compare_digest(token, session.csrf):
        raise Refused(403, "This form has expired",
                      "The page you sent this from is too old or came from elsewhere. "
                      "Go back, reload the page and try again.")
    return body


def start(request: Request, response: Response, environment: str, role: str,
          space: str | None, expires_at: float) -> None:
    """Set a new session cookie on ``response``."""
    token = signer(request).dumps({"e": environment, "r": role, "s": space,
                                   "c": secrets.token_urlsafe(24)}, "session", expires_at)
    response.set_cookie(COOKIE, token, max_age=max(1, int(expires_at - time.time())),
                        httponly=True, samesite="lax", path="/",
                        secure=request.url.scheme == "https")


def operator_expiry() -> float:
    return time.time() + OPERATOR_HOURS * 3600


def safe_next(value: str | None, default: str = "/ui/") -> str:
    """Only paths inside the UI are followed after sign-in (no open redirects)."""
    if value and value.startswith("/ui/") and "//" not in value and "\\" not in value:
        return value
    return default


def to_sign_in(request: Request, expired: bool = False) -> RedirectResponse:
    path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    url = f"/ui/sign-in?next={quote(safe_next(path), safe='')}" + ("&expired=1" if expired else "")
    response = RedirectResponse(url, status_code=303)
    if expired:
        response.delete_cookie(COOKIE, path="/")
    return response
