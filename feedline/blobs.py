"""File bytes: a content-addressed local folder (uploads are never modified)."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import tempfile
from pathlib import Path
from typing import BinaryIO

from feedline.errors import NotFound

CHUNK = 1 << 20


class LocalBlobs:
    """Blobs under one folder. Uploads are keyed by their sha256 and made read-only."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)

    def path(self, key: str) -> Path:
        p = (self.root / key).resolve()
        if self.root.resolve() not in p.parents:
            raise NotFound(f"blob key {key!r} is outside the blob store")
        if not p.exists():
            raise NotFound(f"blob {key!r} not found")
        return p

    def put_stream(self, stream: BinaryIO, max_bytes: int | None = None) -> tuple[str, str, int]:
        """Store an upload; return ``(key, sha256, size)``. Same bytes, same key."""
        digest = hashlib.sha256()
        size = 0
        tmp_dir = self.root / "tmp"
        tmp_dir.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=tmp_dir)
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := stream.read(CHUNK):
                    size += len(chunk)
                    if max_bytes is not None and size > max_bytes:
                        from feedline.errors import ExtractError

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
        dest = self.root / key
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(source), dest)
        return key

    def scratch(self) -> Path:
        """A temporary folder inside the store (same filesystem, so moves are atomic)."""
        tmp_dir = self.root / "tmp"
        tmp_dir.mkdir(exist_ok=True)
        return Path(tempfile.mkdtemp(dir=tmp_dir))

    def delete(self, key: str) -> None:
        p = self.root / key
        if p.exists() and not key.startswith("files/"):
            p.unlink()
