"""API keys of the caller's environment: list, create (shown once), revoke."""

from __future__ import annotations

from fastapi import APIRouter, Request

from feedline.api.deps import ApiError, App, Env
from feedline.api.schemas import ERRORS, KeyIn, KeyOut, NewKey, Page
from feedline.store import repo

router = APIRouter(prefix="/v1/keys", tags=["keys"], responses=ERRORS)


@router.get("")
def list_keys(app: App, env: Env) -> Page[KeyOut]:
    """Your environment's keys: id, name, first characters, created, revoked, last used."""
    with app.read() as conn:
        return Page[KeyOut](data=[KeyOut(**k) for k in repo.list_api_keys(conn, env)])


@router.post("", status_code=201)
def create_key(app: App, env: Env, body: KeyIn | None = None) -> NewKey:
    """A new key for your environment; the response holds it once (only a hash is kept)."""
    with app.begin() as conn:
        key = repo.create_api_key(conn, env, name=(body or KeyIn()).name, source="api")
        return NewKey(**repo.key_for_value(conn, key), key=key)


@router.delete("/{key_id}")
def revoke_key(key_id: str, request: Request, app: App, env: Env) -> KeyOut:
    """Revoke a key of your environment: it is refused from now on (409 for the key this
    request uses: revoke it with another one)."""
    with app.begin() as conn:
        if repo.key_hash_of(conn, key_id, env) == getattr(request.state, "key_hash", None):
            raise ApiError(409, "conflict", "this request uses that key: revoke it with another key")
        return KeyOut(**repo.revoke_api_key(conn, key_id, env))
