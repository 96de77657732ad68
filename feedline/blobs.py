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
        digest = hashlib.sha256()
        size = 0
        fd, tmp = tempfile.mkstemp(dir=self._tmp())
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := stream.read(CHUNK):
                    size += len(chunk)
                    if max_bytes is not None and size > max_bytes:
                        raise ExtractError(f"file is larger than the {max_bytes} byte limit")
                    digest.update(chunk)
                    out.write(chunk)
            sha = digest.hexdigest()
            key = f"files/{sha[:2]}/{sha}"
            dest = self.root / key
            if dest.exists():
                os.unlink(tmp)
            else:
                dest.parent.mkdir(parents=True, exist_ok=True)
                os.chmod(tmp, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
                os.replace(tmp, dest)
            return key, sha, size
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise

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


class LocalBlobs(Blobs):
    """Blobs under one local folder."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
