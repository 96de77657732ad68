"""Files: upload (multipart, streamed straight to the blob store) and look-up.

An upload is checked before its body is read: the API key, then the declared
``Content-Length`` against the limit. The body is then parsed as it arrives, the file part
written to the blob store while it is hashed, and refused the moment it passes the limit
(a body without a length is capped the same way); nothing is kept of a refused upload.
"""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Query, Request, Response
from python_multipart.multipart import MultipartParser, parse_options_header

from feedline.api.deps import ApiError, App, Env, page
from feedline.api.schemas import ERRORS, ExtractIn, FileOut, Job, Page
from feedline.blobs import TooLarge, UploadWriter
from feedline.jobs import queue
from feedline.pipeline.ingest import register
from feedline.store import repo

router = APIRouter(prefix="/v1/files", tags=["files"], responses=ERRORS)
FORM_OVERHEAD = 64 * 1024  # multipart boundaries and the space_id field around the file
MAX_FIELD = 1024

UPLOAD_BODY: dict[str, Any] = {"requestBody": {"required": True, "content": {
    "multipart/form-data": {"schema": {
        "type": "object", "required": ["space_id", "file"],
        "properties": {"space_id": {"type": "string", "maxLength": 40},
                       "file": {"type": "string", "format": "binary"}}}}}}}


class _Form:
    """Receives the multipart parts: ``space_id`` as text, ``file`` into a blob writer."""

    def __init__(self, app: App, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes
        self.fields: dict[str, bytearray] = {}
        self.header_name = b""
        self.header_value = b""
        self.headers: dict[bytes, bytes] = {}
        self.current: str | None = None
        self.filename: str | None = None
        self.content_type: str | None = None
        self.writer: UploadWriter | None = None
        self.error: ApiError | None = None

    def callbacks(self) -> dict[str, Any]:
        def on_header_field(data: bytes, start: int, end: int) -> None:
            self.header_name += data[start:end]

        def on_header_value(data: bytes, start: int, end: int) -> None:
            self.header_value += data[start:end]

        def on_header_end() -> None:
            self.headers[self.header_name.lower()] = self.header_value
            self.header_name = self.header_value = b""

        def on_headers_finished() -> None:
            _, options = parse_options_header(self.headers.get(b"content-disposition", b""))
            name = options.get(b"name", b"").decode("utf-8", "replace")
            self.current = name
            if name == "file":
                if self.writer is not None:
                    raise ApiError(422, "invalid-request", "send one file per upload")
                raw = options.get(b"filename")
                self.filename = raw.decode("utf-8", "replace") if raw is not None else None
                ctype = self.headers.get(b"content-type")
                self.content_type = ctype.decode("latin-1")[:200] if ctype else None
                self.writer = self.app.blobs.writer(self.max_bytes)
            else:
                self.fields.setdefault(name, bytearray())

        def on_part_data(data: bytes, start: int, end: int) -> None:
            if self.current == "file" and self.writer is not None:
                self.writer.write(data[start:end])
            elif self.current is not None:
                field = self.fields[self.current]
                field += data[start:end]
                if len(field) > MAX_FIELD:
                    raise ApiError(422, "invalid-request", f"{self.current}: too long")

        def on_part_end() -> None:
            self.current = None
            self.headers = {}

        return {"on_header_field": on_header_field, "on_header_value": on_header_value,
                "on_header_end": on_header_end, "on_headers_finished": on_headers_finished,
                "on_part_data": on_part_data, "on_part_end": on_part_end}

    def discard(self) -> None:
        if self.writer is not None:
            self.writer.discard()


@router.post("", status_code=201, openapi_extra=UPLOAD_BODY, responses={
    200: {"model": FileOut, "description": "The same bytes under the same name again: the "
                                          "existing delivery (nothing new happens)."}})
async def upload(request: Request, response: Response, app: App, env: Env) -> FileOut:
    """Upload a delivery: multipart ``space_id`` and ``file`` → 201 with the file. The
    same bytes under the same name again are the same delivery: 200, ``duplicate: true``,
    nothing new happens. Refused up front: no key (401), a declared size over the limit
    (413)."""
    limit = app.settings.max_upload_bytes
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise ApiError(422, "invalid-request", "Content-Length must be a number")
        if int(declared) > limit + FORM_OVERHEAD:
            raise ApiError(413, "too-large", f"the upload is {int(declared)} bytes; files may be "
                                             f"at most {limit} bytes")
    ctype, options = parse_options_header(request.headers.get("content-type", ""))
    boundary = options.get(b"boundary")
    if ctype != b"multipart/form-data" or not boundary:
        raise ApiError(422, "invalid-request", "send multipart/form-data with space_id and file")
    form = _Form(app, limit)
    parser = MultipartParser(boundary, form.callbacks(),  # type: ignore[arg-type]
                             max_size=limit + FORM_OVERHEAD)
    try:
        async for chunk in request.stream():
            parser.write(chunk)
        parser.finalize()
        space_id = bytes(form.fields.get("space_id", b"")).decode("utf-8", "replace").strip()
        if not space_id:
            raise ApiError(422, "invalid-request", "space_id: required")
        if form.writer is None:
            raise ApiError(422, "invalid-request", "file: required")
        if not (form.filename or "").strip():
            raise ApiError(422, "invalid-request", "file: the upload needs a file name")
        with app.read() as conn:
            repo.get_space(conn, space_id, env)
        key, sha, size = form.writer.commit()
    except TooLarge as exc:
        raise ApiError(413, "too-large", str(exc)) from None
    except ValueError as exc:  # a malformed multipart body
        raise ApiError(422, "invalid-request", f"not a valid multipart body: {exc}"[:200]) from None
    finally:
        form.discard()
    created, duplicate = register(app.context, space_id, form.filename or "", key, sha, size,
                                  form.content_type)
    if duplicate:
        response.status_code = 200
    return FileOut(**created.model_dump(), duplicate=duplicate)


@router.get("")
def list_files(app: App, env: Env, space_id: str = Query(..., max_length=40),
               limit: int = Query(100, ge=1, le=1000),
               cursor: str | None = Query(None, max_length=40)) -> Page[FileOut]:
    """A space's files in arrival order."""
    with app.read() as conn:
        repo.get_space(conn, space_id, env)
        rows = repo.list_files(conn, space_id, limit=limit + 1, after=cursor)
    data, nxt = page(rows, limit, lambda f: f.id)
    return Page[FileOut](data=[FileOut(**f.model_dump()) for f in data], next_cursor=nxt)


@router.get("/{file_id}")
def get_file(file_id: str, app: App, env: Env) -> FileOut:
    with app.read() as conn:
        return FileOut(**repo.get_file(conn, file_id, env).model_dump())


@router.post("/{file_id}/extract", status_code=202)
def re_extract(file_id: str, app: App, env: Env, body: ExtractIn | None = None) -> Job:
    """A person corrects extraction: ``{"header_row": 3}``, ``{"sheet_name": "Orders"}`` or
    ``{"record_path": "accounts"}``; a new extract job re-reads the untouched bytes."""
    choices = (body or ExtractIn()).model_dump(exclude_none=True)
    with app.begin() as conn:
        file = repo.get_file(conn, file_id, env)
        return queue.create_job(
            conn, environment_id=env, operation="extract", space_id=file.space_id,
            file_id=file_id, input=choices, dedupe_key=f"extract:{file_id}:{uuid.uuid4().hex}",
            max_attempts=app.settings.max_attempts)
