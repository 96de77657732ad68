"""Files: upload (multipart) and look-up. Bytes go to the blob store, never modified."""

from __future__ import annotations

from pathlib import PurePath
from typing import Annotated, Any

from fastapi import APIRouter, Body, File, Form, Response, UploadFile

from feedline.api.deps import ApiError, App, Env
from feedline.errors import ExtractError
from feedline.ingress import ingest
from feedline.store import repo

router = APIRouter(prefix="/v1/files", tags=["files"])


@router.post("", status_code=201)
def upload(
    app: App, env: Env, response: Response,
    space_id: Annotated[str, Form()],
    file: Annotated[UploadFile, File()],
) -> dict[str, Any]:
    """Store the bytes and emit ``file:created``. The same bytes twice in a space is a no-op
    that answers the existing file with status 200."""
    name = PurePath((file.filename or "").replace("\\", "/")).name
    if not name:
        raise ApiError(422, "invalid-request", "file: the upload needs a file name")
    with app.read() as conn:
        repo.get_space(conn, space_id, env)
    try:
        created, duplicate = ingest(app.context, space_id, name, file.file, file.content_type)
    except ExtractError as exc:
        raise ApiError(413, "too-large", str(exc)) from None
    if duplicate:
        response.status_code = 200
    return {**created.model_dump(), "duplicate": duplicate}


@router.get("")
def list_files(space_id: str, app: App, env: Env) -> dict[str, Any]:
    with app.read() as conn:
        repo.get_space(conn, space_id, env)
        return {"data": [f.model_dump() for f in repo.list_files(conn, space_id)],
                "next_cursor": None}


@router.get("/{file_id}")
def get_file(file_id: str, app: App, env: Env) -> dict[str, Any]:
    with app.read() as conn:
        return repo.get_file(conn, file_id, env).model_dump()


@router.post("/{file_id}/extract", status_code=202)
def re_extract(file_id: str, app: App, env: Env,
               body: dict[str, Any] = Body(default_factory=dict)) -> dict[str, Any]:
    """A person corrects extraction: ``{"header_row": 3}``, ``{"sheet_name": "Orders"}`` or
    ``{"record_path": "accounts"}``; a new extract job re-reads the untouched bytes."""
    import uuid

    from feedline.jobs import queue

    allowed: dict[str, type] = {"header_row": int, "sheet_name": str, "record_path": str}
    unknown = sorted(set(body) - set(allowed))
    if unknown:
        raise ApiError(422, "invalid-request", f"unknown option(s): {', '.join(unknown)}")
    for key, value in body.items():
        if value is not None and (not isinstance(value, allowed[key]) or isinstance(value, bool)
                                  or (isinstance(value, int) and value < 0)):
            raise ApiError(422, "invalid-request", f"{key}: expected a "
                           f"{'non-negative integer' if key == 'header_row' else 'string'}")
    with app.begin() as conn:
        file = repo.get_file(conn, file_id, env)
        job = queue.create_job(
            conn, environment_id=env, operation="extract", space_id=file.space_id,
            file_id=file_id, input={k: v for k, v in body.items() if v is not None},
            dedupe_key=f"extract:{file_id}:{uuid.uuid4().hex}",
            max_attempts=app.settings.max_attempts)
    return job.model_dump()
