"""File bytes and record segments: a local folder by default, any fsspec URL at scale.

Uploads are content-addressed (``files/<sha[:2]>/<sha256>``) and never modified; derived
artifacts (extracted source sheets, record segments, delivery manifests) live under their
own prefixes. Several processes on several hosts share one store: a folder on a shared
filesystem, or an object store (``s3://bucket/prefix``, tested against an S3-compatible
server). Work files stay local (``scratch``); record segments are read by Polars straight
from the store, by column and row group.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, BinaryIO

import polars as pl

from feedline.errors import ConfigError, ExtractError, NotFound, TransientError

CHUNK = 1 << 20


class TooLarge(ExtractError):
    """The file is larger than the limit."""


class Blobs:
    """The blob store interface (see :class:`LocalBlobs` and :class:`RemoteBlobs`)."""

    work: Path
    """A local folder for work files (same filesystem as a local store)."""

    # -- what each store implements ----------------------------------------------------

    def exists(self, key: str) -> bool:
        raise NotImplementedError

    def delete(self, key: str) -> None:
        """Remove a derived blob or a whole prefix (uploaded files are never deleted)."""
        raise NotImplementedError

    def put_file(self, key: str, source: Path) -> str:
        """Move a local file (a Parquet sheet, say) into the store under ``key``."""
        raise NotImplementedError

    @contextmanager
    def local(self, key: str) -> Iterator[Path]:
        """A local path holding the blob's bytes for the block (a download if remote)."""
        raise NotImplementedError
        yield Path()

    def scan_parquet(self, keys: list[str]) -> pl.LazyFrame:
        raise NotImplementedError

    def _store_upload(self, tmp: Path, sha: str) -> str:
        raise NotImplementedError

    # -- shared ------------------------------------------------------------------------

    def read_parquet(self, key: str) -> pl.DataFrame:
        return self.scan_parquet([key]).collect()

    def write_parquet(self, key: str, frame: pl.DataFrame, **options: Any) -> str:
        """Write a frame as Parquet under ``key`` (whole or not at all)."""
        return self._put_written(key, lambda tmp: frame.write_parquet(tmp, **options))

    def sink_parquet(self, key: str, frame: pl.LazyFrame, **options: Any) -> str:
        """Write a lazy frame as Parquet under ``key`` with Polars' streaming engine."""
        return self._put_written(key, lambda tmp: frame.sink_parquet(tmp, **options))

    def _put_written(self, key: str, write: Callable[[Path], object]) -> str:
        """Store under ``key`` the Parquet file ``write`` makes in a temporary file."""
        tmp = self._temp(".parquet")
        try:
            write(tmp)
            return self.put_file(key, tmp)
        finally:
            tmp.unlink(missing_ok=True)

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

    def check(self) -> None:
        """Raise when the store cannot be written (for readiness checks)."""
        probe = self._temp(".ready")
        probe.write_bytes(b"ok")
        key = f"tmp/ready-{uuid.uuid4().hex}"
        try:
            self.put_file(key, probe)
        finally:
            probe.unlink(missing_ok=True)
        self.delete(key)

    def scratch(self) -> Path:
        """A temporary local folder for one job's work files."""
        self.work.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(dir=self.work))

    def _temp(self, suffix: str = "") -> Path:
        self.work.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=self.work, prefix=".", suffix=suffix)
        os.close(fd)
        return Path(name)


class UploadWriter:
    """An upload being written (see :meth:`Blobs.writer`)."""

    def __init__(self, blobs: Blobs, max_bytes: int | None) -> None:
        self.blobs, self.max_bytes = blobs, max_bytes
        self.tmp = blobs._temp()
        self.out: BinaryIO | None = self.tmp.open("wb")
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


def upload_key(sha: str) -> str:
    return f"files/{sha[:2]}/{sha}"


class LocalBlobs(Blobs):
    """Blobs under one local (or shared) folder."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.resolved_root = self.root.resolve()
        self.work = self.root / "tmp"

    def path(self, key: str) -> Path:
        """The local path of an existing blob."""
        p = self._resolve(key)
        if not p.exists():
            raise NotFound(f"blob {key!r} not found")
        return p

    def _resolve(self, key: str) -> Path:
        # Lexically, without a system call per key: keys are paths relative to the root,
        # and none may climb out of it.
        p = Path(os.path.normpath(self.resolved_root / key))
        if self.resolved_root not in p.parents:
            raise NotFound(f"blob key {key!r} is outside the blob store")
        return p

    def exists(self, key: str) -> bool:
        return self._resolve(key).exists()

    @contextmanager
    def local(self, key: str) -> Iterator[Path]:
        yield self.path(key)

    def put_file(self, key: str, source: Path) -> str:
        dest = self._resolve(key)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(source), dest)  # a rename within the store's filesystem
        return key

    def _store_upload(self, tmp: Path, sha: str) -> str:
        key = upload_key(sha)
        dest = self.root / key
        if dest.exists():
            tmp.unlink()
        else:
            dest.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(tmp, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
            os.replace(tmp, dest)
        return key

    def scan_parquet(self, keys: list[str]) -> pl.LazyFrame:
        return pl.scan_parquet([str(self.path(k)) for k in keys])

    def delete(self, key: str) -> None:
        if key.startswith("files/"):
            return
        p = self._resolve(key)
        if p.is_dir():
            shutil.rmtree(p, ignore_errors=True)
        elif p.exists():
            p.unlink()


class RemoteBlobs(Blobs):
    """Blobs under an fsspec URL (``s3://bucket/prefix``); work files in a local folder.

    ``options`` are fsspec's storage options (``endpoint_url``, ``key``, ``secret``,
    ``client_kwargs``…); without them the usual environment (``AWS_*``) applies.
    """

    def __init__(self, url: str, options: dict[str, Any], work: Path) -> None:
        import fsspec

        self.url = url.rstrip("/")
        self.protocol = url.split("://", 1)[0]
        try:
            self.fs = fsspec.filesystem(self.protocol, **options)
        except (ImportError, ValueError) as exc:
            raise ConfigError(f"blob store {self.protocol}:// cannot be used: {exc}") from None
        self.options = options
        self.work = Path(work)

    def _url(self, key: str) -> str:
        if key.startswith("/") or ".." in key.split("/"):
            raise NotFound(f"blob key {key!r} is outside the blob store")
        return f"{self.url}/{key}"

    def _call(self, what: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
        """Run a store call; a network failure is transient (the job is retried)."""
        try:
            return fn(*args, **kwargs)
        except FileNotFoundError:
            raise
        except (OSError, TimeoutError) as exc:
            raise TransientError(f"blob store: {what} failed: {type(exc).__name__}: {exc}"
                                 .splitlines()[0]) from exc

    def exists(self, key: str) -> bool:
        return bool(self._call("exists", self.fs.exists, self._url(key)))

    @contextmanager
    def local(self, key: str) -> Iterator[Path]:
        tmp = self._temp()
        try:
            try:
                self._call("download", self.fs.get_file, self._url(key), str(tmp))
            except FileNotFoundError:
                raise NotFound(f"blob {key!r} not found") from None
            yield tmp
        finally:
            tmp.unlink(missing_ok=True)

    def put_file(self, key: str, source: Path) -> str:
        self._call("upload", self.fs.put_file, str(source), self._url(key))
        source.unlink(missing_ok=True)
        return key

    def _store_upload(self, tmp: Path, sha: str) -> str:
        key = upload_key(sha)
        if not self.exists(key):
            self._call("upload", self.fs.put_file, str(tmp), self._url(key))
        tmp.unlink(missing_ok=True)
        return key

    def scan_parquet(self, keys: list[str]) -> pl.LazyFrame:
        return pl.scan_parquet([self._url(k) for k in keys], storage_options=self.polars_options())

    def delete(self, key: str) -> None:
        if key.startswith("files/"):
            return
        with suppress(FileNotFoundError):
            self._call("delete", self.fs.rm, self._url(key.rstrip("/")), recursive=True)

    def polars_options(self) -> dict[str, str] | None:
        """fsspec's S3 options in the names Polars' object store reads."""
        if self.protocol not in ("s3", "s3a"):
            return None
        o = dict(self.options)
        client = o.get("client_kwargs") or {}
        out = {"aws_access_key_id": o.get("key"), "aws_secret_access_key": o.get("secret"),
               "aws_session_token": o.get("token"),
               "aws_endpoint_url": o.get("endpoint_url") or client.get("endpoint_url"),
               "aws_region": o.get("region") or client.get("region_name")}
        if str(out["aws_endpoint_url"] or "").startswith("http://"):
            out["aws_allow_http"] = "true"
        return {k: str(v) for k, v in out.items() if v} or None


def open_blobs(url: str | None, options: dict[str, Any], default: Path, work: Path) -> Blobs:
    """The blob store a process uses: ``url`` (a folder or an fsspec URL) or ``default``."""
    if not url:
        return LocalBlobs(default)
    if "://" not in url or url.startswith("file://"):
        return LocalBlobs(Path(url.removeprefix("file://")))
    return RemoteBlobs(url, options, work)
