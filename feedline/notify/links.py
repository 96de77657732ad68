"""Signed, expiring links into the review UI, each scoped to one space.

A link is ``/ui/l/<token>``: the token is the payload (space, environment, purpose,
expiry) and its HMAC-SHA256 with the installation's secret. Anyone holding it may open
that one space until it expires; nothing else. The same :class:`Signer` signs the UI's
session cookies (with another purpose, so one can never stand in for the other).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from feedline.errors import FeedlineError

SECRET_FILE = "secret_key"
SECRET_ENV = "FEEDLINE_SECRET_KEY"
REVIEW = "review"


class LinkError(FeedlineError):
    """The link or session is not valid (``reason``: ``expired`` or ``invalid``)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def load_secret(data_dir: Path) -> bytes:
    """The installation's signing secret: ``FEEDLINE_SECRET_KEY`` when set (every process
    of a deployment must share it), else ``<data_dir>/secret_key``, created once (0600)."""
    value = os.environ.get(SECRET_ENV)
    if value:
        return value.encode()
    path = data_dir / SECRET_FILE
    data_dir.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        for _ in range(50):  # another process may be writing it right now
            text = path.read_text(encoding="ascii").strip()
            if text:
                return text.encode()
            time.sleep(0.02)
        raise LinkError("invalid", f"{path} is empty: delete it to make a new secret") from None
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(secrets.token_urlsafe(48) + "\n")
    return path.read_text(encoding="ascii").strip().encode()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Signer:
    """Signs small JSON payloads with an expiry; ``purpose`` separates their uses."""

    def __init__(self, secret: bytes) -> None:
        self.secret = secret

    def _mac(self, purpose: str, body: str) -> str:
        key = hmac.new(self.secret, f"feedline:{purpose}".encode(), hashlib.sha256).digest()
        return _b64(hmac.new(key, body.encode(), hashlib.sha256).digest())

    def dumps(self, payload: dict[str, Any], purpose: str, expires_at: float) -> str:
        body = _b64(json.dumps({**payload, "x": int(expires_at)}, separators=(",", ":"),
                               sort_keys=True).encode())
        return f"{body}.{self._mac(purpose, body)}"

    def loads(self, token: str, purpose: str, now: float | None = None) -> dict[str, Any]:
        """The payload; :class:`LinkError` when forged, for another purpose, or expired."""
        body, _, mac = (token or "").partition(".")
        if not body or not mac or not hmac.compare_digest(mac, self._mac(purpose, body)):
            raise LinkError("invalid", "this link was not issued by this feedline")
        try:
            payload = json.loads(_unb64(body))
        except (ValueError, UnicodeDecodeError):
            raise LinkError("invalid", "this link is damaged") from None
        if not isinstance(payload, dict) or not isinstance(payload.get("x"), int):
            raise LinkError("invalid", "this link is damaged")
        if payload["x"] <= (time.time() if now is None else now):
            raise LinkError("expired", "this link has expired")
        return payload


@dataclass(frozen=True)
class Link:
    """What a verified link grants: one space of one environment, until ``expires_at``."""

    space_id: str
    environment_id: str
    purpose: str
    expires_at: int


def sign_link(secret: bytes, space_id: str, environment_id: str, ttl_seconds: float,
              purpose: str = REVIEW, now: float | None = None) -> str:
    """A token that opens ``space_id`` for ``ttl_seconds``."""
    start = time.time() if now is None else now
    return Signer(secret).dumps({"s": space_id, "e": environment_id, "p": purpose},
                                "link", start + ttl_seconds)


def verify_link(secret: bytes, token: str, now: float | None = None) -> Link:
    """The grant of a link token; :class:`LinkError` when forged or expired."""
    payload = Signer(secret).loads(token, "link", now)
    if not isinstance(payload.get("s"), str) or not isinstance(payload.get("e"), str):
        raise LinkError("invalid", "this link is damaged")
    return Link(payload["s"], payload["e"], str(payload.get("p") or REVIEW), payload["x"])
