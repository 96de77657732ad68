"""Temp files that name their run, hold an flock while written, and never outlive a crash.

A writer creates ``.<name>.<run>.feedline-tmp`` beside its target with the process umask
(not mkstemp's 0600) and keeps an exclusive flock on it until it renames or removes it.
The kernel drops the lock when a process dies, so :func:`sweep` can tell an abandoned
temp (lock free) from one being written (lock held) and remove only the former.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from feedline.egress.paths import encode
from feedline.errors import TransientError

SUFFIX = ".feedline-tmp"
LOCK_NAME = ".lock"
STALE_AFTER = 10.0
"""Seconds a temp must be old before a sweep may remove it: covers the instant between
its creation and its writer taking the lock."""


def temp_name(stem: str, run_id: str, kind: str = "") -> str:
    """``.<stem>.<run>[.<kind>].feedline-tmp`` (the run id encoded like a path value)."""
    return f".{stem}.{encode(run_id)}{'.' + kind if kind else ''}{SUFFIX}"


def create_file(path: Path, flags: int = 0) -> int:
    """Create ``path`` (which must not exist) with the umask's permissions; return its fd."""
    return os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC | flags, 0o666)


class LockedTemp:
    """A temp file (or folder, ``folder=True``) beside a target, flocked until done."""

    def __init__(self, directory: Path, name: str, *, folder: bool = False) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / name
        self.folder = folder
        try:
            self._fd = self._create()
        except FileExistsError:
            # An earlier attempt of this run left it: take it over once its writer is gone.
            if not _remove_if_abandoned(self.path, min_age=0.0):
                raise TransientError(f"another attempt of this run is still writing "
                                     f"{self.path.name}") from None
            self._fd = self._create()
        self.fh: IO[bytes] = os.fdopen(self._fd, "r+b", closefd=True)

    def _create(self) -> int:
        if not self.folder:
            fd = create_file(self.path)
        else:
            self.path.mkdir()
            fd = create_file(self.path / LOCK_NAME)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # pragma: no cover - a sweeper won a race for a fresh file
            os.close(fd)
            raise TransientError(f"{self.path.name} is locked by another process") from None
        return fd

    def sync(self) -> None:
        self.fh.flush()
        os.fsync(self.fh.fileno())

    def rename(self, target: Path) -> None:
        """Put the finished file in place atomically (then unlock it)."""
        self.sync()
        os.replace(self.path, target)
        fsync_dir(target.parent)
        self.fh.close()

    def discard(self) -> None:
        """Remove the temp (and unlock it); safe to call twice."""
        if self.folder:
            shutil.rmtree(self.path, ignore_errors=True)
        else:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
        if not self.fh.closed:
            self.fh.close()


def sweep(directory: Path, *, min_age: float = STALE_AFTER) -> list[Path]:
    """Remove the feedline temps in ``directory`` whose writer is gone; return them."""
    removed = []
    for entry in _temps(directory):
        if _remove_if_abandoned(entry, min_age=min_age):
            removed.append(entry)
    return removed


def drop_own(directory: Path, stem: str, run_id: str) -> None:
    """Remove what an earlier, dead attempt of this run left for ``stem`` (no age wait:
    a live writer of the same run still holds its lock and is left alone)."""
    for kind in ("", "append", "parts"):
        _remove_if_abandoned(directory / temp_name(stem, run_id, kind), min_age=0.0)


def _temps(directory: Path) -> Iterator[Path]:
    try:
        names = os.listdir(directory)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in names:
        if name.startswith(".") and name.endswith(SUFFIX):
            yield directory / name


def _remove_if_abandoned(path: Path, *, min_age: float) -> bool:
    """Remove ``path`` if no process holds its lock and it is older than ``min_age``."""
    lock_path = path / LOCK_NAME if path.is_dir() else path
    try:
        if min_age and time.time() - lock_path.stat().st_mtime < min_age:
            return False
        fd = os.open(lock_path, os.O_RDONLY | os.O_CLOEXEC)
    except FileNotFoundError:
        return not path.exists()
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        return True
    finally:
        os.close(fd)


def fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` durable."""
    fd = os.open(directory, os.O_RDONLY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def locked(path: Path) -> Iterator[int]:
    """An exclusive flock on ``path`` (created with the umask's permissions if missing)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield fd
    finally:
        os.close(fd)
