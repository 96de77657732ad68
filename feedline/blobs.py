"""File bytes and record segments: a local folder by default.

Uploads are content-addressed (``files/<sha[:2]>/<sha256>``) and never modified; derived
artifacts (extracted source sheets, record segments) live under their own prefixes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import tempfile
from pathlib import Path
from typing import Any, BinaryIO

import polars as pl

from feedline.errors import ExtractError, NotFound


class TooLarge(ExtractError):
    """The file is larger than the limit."""

CHUNK = 1 << 20


class Blobs:
    """Blobs under one local folder (see :class:`LocalBlobs`)."""

    root: Path

    def path(self, key: str) -> Path:
        """The local path of an existing blob."""
        p = self._resolve(key)
        if not p.exists():
            raise NotFound(f"blob {key!r} not found")
        return p

    def _resolve(self, key: str) -> Path:
        p = (self.root / key).resolve()
        if self.root.resolve() not in p.parents:
            raise NotFound(f"blob key {key!r} is outside the blob store")
        return p

    def exists(self, key: str) -> bool:
        return self._resolve(key).exists()

    def put_stream(self, stream: BinaryIO, max_bytes: int | None = None) -> tuple[str, str, int]:
        """Store an upload; return ``(key, sha256, size)``. Same bytes, same key."""
        writer = self.writer(max_bytes)
        try:
            while chunk := stream.read(CHUNK):
                writer.write(chunk)
            return writer.commit()
        finally:
            writer.discard()

    def writer(self, max_bytes: int | None = None) -> UploadWriter:
        """Write an upload piece by piece (hashing as it goes); ``commit`` stores it under
        its sha256, ``discard`` drops it. More than ``max_bytes`` raises at once."""
        return UploadWriter(self, max_bytes)

    def _store_upload(self, tmp: Path, sha: str) -> str:
        key = f"files/{sha[:2]}/{sha}"
        dest = self.root / key
        if dest.exists():
            tmp.unlink()
        else:
            dest.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(tmp, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
            os.replace(tmp, dest)
        return key

    def put_file(self, key: str, source: Path) -> str:
        """Move a derived artifact (e.g. a Parquet sheet) into the store under ``key``."""
        dest = self._resolve(key)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(source), dest)
        return key

    def write_parquet(self, key: str, frame: pl.DataFrame, **options: Any) -> str:
        """Write a frame as Parquet under ``key``, atomically (temp file, then rename)."""
        dest = self._resolve(key)
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".", suffix=".tmp")
        os.close(fd)
        try:
            frame.write_parquet(tmp, **options)
            os.replace(tmp, dest)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return key

    def scan_parquet(self, keys: list[str]) -> pl.LazyFrame:
        return pl.scan_parquet([str(self.path(k)) for k in keys])

    def read_parquet(self, key: str, **options: Any) -> pl.DataFrame:
        return pl.read_parquet(self.path(key), **options)

    def check(self) -> None:
        """Raise when the store cannot be written (for readiness checks)."""
        probe = self._tmp() / ".ready"
        probe.write_bytes(b"ok")
        probe.unlink()

    def scratch(self) -> Path:
        """A temporary local folder (same filesystem as the store, so moves are renames)."""
        return Path(tempfile.mkdtemp(dir=self._tmp()))

    def delete(self, key: str) -> None:
        """Remove a derived blob (uploaded files are never deleted this way)."""
        p = self._resolve(key)
        if key.startswith("files/"):
            return
        if p.is_dir():
            shutil.rmtree(p, ignore_errors=True)
        elif p.exists():
            p.unlink()

    def _tmp(self) -> Path:
        tmp_dir = self.root / "tmp"
        tmp_dir.mkdir(parents=True, exist_ok=True)
        return tmp_dir


class UploadWriter:
    """An upload being written (see :meth:`Blobs.writer`)."""

    def __init__(self, blobs: Blobs, max_bytes: int | None) -> None:
        self.blobs, self.max_bytes = blobs, max_bytes
        fd, name = tempfile.mkstemp(dir=blobs._tmp())
        self.tmp = Path(name)
        self.out: BinaryIO | None = os.fdopen(fd, "wb")
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, chunk: bytes) -> None:
        assert self.out is not None
        self.size += len(chunk)
        if self.max_bytes is not None and self.size > self.max_bytes:
            self.discard()
            raise TooLarge(f"file is larger than the {self.max_bytes} byte limit")
        self.digest.update(chunk)
        self.out.write(chunk)

    def commit(self) -> tuple[str, str, int]:
        """``(key, sha256, size)`` of the stored bytes."""
        assert self.out is not None
        self.out.close()
        self.out = None
        sha = self.digest.hexdigest()
        return self.blobs._store_upload(self.tmp, sha), sha, self.size

    def discard(self) -> None:
        if self.out is not None:
            self.out.close()
            self.out = None
        self.tmp.unlink(missing_ok=True)


class LocalBlobs(Blobs):
    """Blobs under one local folder."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
