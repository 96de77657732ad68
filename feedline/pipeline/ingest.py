"""Storing delivered files: bytes to the blob store, a file row and its `file:created` event."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from feedline.events import model as topics
from feedline.extract.names import safe_filename
from feedline.pipeline.context import Context
from feedline.store import repo
from feedline.store.models import File


def ingest(ctx: Context, space_id: str, name: str, stream: BinaryIO,
           content_type: str | None = None) -> tuple[File, bool]:
    """Store the bytes and register the delivery (see :func:`register`)."""
    with ctx.read() as conn:
        repo.get_space(conn, space_id)
    key, sha, size = ctx.blobs.put_stream(stream, max_bytes=ctx.settings.max_upload_bytes)
    return register(ctx, space_id, name, key, sha, size, content_type)


def register(ctx: Context, space_id: str, name: str, key: str, sha: str, size: int,
             content_type: str | None = None) -> tuple[File, bool]:
    """A file of stored bytes and its ``file:created``; returns it and whether it was a
    duplicate. The same bytes under the same name again are the same delivery (a retried
    upload: nothing new happens); under a new name they are a new delivery."""
    name = safe_filename(name)
    with ctx.write() as conn:
        space = repo.get_space(conn, space_id)
        existing = repo.find_file_by_sha(conn, space_id, sha, name=name)
        if existing:
            return existing, True
        created = repo.create_file(conn, space_id, name, size, sha, key, content_type)
        ctx.emit(conn, topics.FILE_CREATED, {"environment": space.environment_id,
                                             "space": space_id, "file": created.id},
                 {"name": name, "size": size})
    return created, False


def ingest_members(ctx: Context, parent: File,
                   members: list[tuple[str, Path]]) -> list[tuple[File, bool]]:
    """Store the files unpacked from an archive as files of their own, all or none, and
    mark the archive ``extracted`` in the same transaction.

    Each new member gets ``parent_id`` (the archive's file) and its own ``file:created``;
    bytes already in the space (e.g. a re-run) answer the existing file. Bytes go to the
    blob store first (content-addressed, harmless if the transaction then fails).
    """
    stored = []
    for name, path in members:
        with path.open("rb") as fh:
            stored.append((name, *ctx.blobs.put_stream(fh)))
    out: list[tuple[File, bool]] = []
    with ctx.write() as conn:
        space = repo.get_space(conn, parent.space_id)
        for name, key, sha, size in stored:
            existing = repo.find_file_by_sha(conn, space.id, sha, name=name)
            if existing:
                out.append((existing, True))
                continue
            created = repo.create_file(conn, space.id, name, size, sha, key, None,
                                       parent_id=parent.id)
            ctx.emit(conn, topics.FILE_CREATED, {"environment": space.environment_id,
                                                 "space": space.id, "file": created.id},
                     {"name": name, "size": size, "parent": parent.id})
            out.append((created, False))
        repo.set_file_status(conn, parent.id, "extracted")
    return out
