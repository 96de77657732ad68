"""Ways files enter feedline. Every one ends in :func:`ingest`."""

from __future__ import annotations

from pathlib import Path
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


def ingest_members(app: Feedline, parent: dict[str, Any],
                   members: list[tuple[str, Path]]) -> list[dict[str, Any]]:
    """Store the files unpacked from an archive as files of their own, all or none, and
    mark the archive ``extracted`` in the same transaction.

    Each new member gets ``parent_id`` (the archive's file) and its own ``file:created``;
    bytes already in the space (e.g. a re-run) answer the existing file. Bytes go to the
    blob store first (content-addressed, harmless if the transaction then fails).
    """
    stored = []
    for name, path in members:
        with path.open("rb") as fh:
            stored.append((name, *app.blobs.put_stream(fh)))
    out: list[dict[str, Any]] = []
    with app.begin() as conn:
        space = repo.get_space(conn, parent["space_id"])
        for name, key, sha, size in stored:
            existing = repo.find_file_by_sha(conn, space["id"], sha)
            if existing:
                out.append({**existing, "duplicate": True})
                continue
            created = repo.create_file(conn, space["id"], name, size, sha, key, None,
                                       parent_id=parent["id"])
            app.emit(conn, topics.FILE_CREATED, {"environment": space["environment_id"],
                                                 "space": space["id"], "file": created["id"]},
                     {"name": name, "size": size, "parent": parent["id"]})
            out.append({**created, "duplicate": False})
        repo.set_file_status(conn, parent["id"], "extracted")
    return out
