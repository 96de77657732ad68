"""Ways files enter feedline. Every one ends in :func:`ingest`."""

from __future__ import annotations

from typing import Any, BinaryIO

from feedline.app import Feedline
from feedline.events import model as topics
from feedline.store import repo


def ingest(app: Feedline, space_id: str, name: str, stream: BinaryIO,
           content_type: str | None = None) -> dict[str, Any]:
    """Store the bytes and emit ``file:created``; the same bytes again in a space is a no-op.

    Returns the file with ``duplicate`` telling which case happened.
    """
    with app.engine.connect() as conn:
        space = repo.get_space(conn, space_id)
    key, sha, size = app.blobs.put_stream(stream, max_bytes=app.settings.max_upload_bytes)
    with app.begin() as conn:
        existing = repo.find_file_by_sha(conn, space_id, sha)
        if existing:
            return {**existing, "duplicate": True}
        created = repo.create_file(conn, space_id, name, size, sha, key, content_type)
        app.emit(conn, topics.FILE_CREATED, {"environment": space["environment_id"],
                                             "space": space_id, "file": created["id"]},
                 {"name": name, "size": size})
    return {**created, "duplicate": False}
