"""Name tables built from open data (CLDR through Babel, ISO lists through pycountry),
and the parsed vocabulary files, kept on disk between processes.

Building the country and unit name tables of some forty locales takes about half a
second, which every ``feedline run`` and every new worker would pay again before its
first plan (parsing the vocabulary files, about as long again). A table is a pure
function of the installed data (and of the romanization of other scripts) and of this package's
mapping code and vocabulary, so it is written once as JSON in the cache folder
(``FEEDLINE_CACHE_DIR``, else ``$XDG_CACHE_HOME/feedline``, else ``~/.cache/feedline``)
under a name that fingerprints all three. A folder that cannot be written, or a file
that cannot be read, only means the table is built in memory as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")
STALE_AFTER = 7 * 24 * 3600  # seconds a table of another fingerprint is kept
MAPPING = Path(__file__).resolve().parent


def cache_folder() -> Path:
    """Where tables are kept: ``FEEDLINE_CACHE_DIR``, else the user's cache folder."""
    chosen = os.environ.get("FEEDLINE_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "feedline"


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """The versions of the data packages and the bytes of the mapping code and vocabulary."""
    digest = hashlib.sha256()
    for dist in ("babel", "pycountry", "anyascii"):
        digest.update(f"{dist}={metadata.version(dist)}\n".encode())
    for path in sorted([*MAPPING.glob("*.py"), *(MAPPING / "vocabulary").glob("*")]):
        if path.is_file():
            digest.update(path.name.encode() + b"\n" + path.read_bytes())
    return digest.hexdigest()[:16]


def _names(table: object) -> bool:
    return isinstance(table, dict) and all(isinstance(k, str) and isinstance(v, str)
                                           for k, v in table.items())


def kept(name: str, build: Callable[[], T], valid: Callable[[object], bool] = _names) -> T:
    """The table ``name`` as kept on disk for this fingerprint, else ``build()`` (kept
    for the next process; other fingerprints of it removed after a week). A table is a
    dict of names unless ``valid`` checks another JSON shape."""
    folder = cache_folder()
    path = folder / f"{name}-{fingerprint()}.json"
    try:
        table = json.loads(path.read_text(encoding="utf-8"))
        if valid(table):
            return table
    except (OSError, ValueError):
        pass
    table = build()
    try:
        _write(folder, path, table)
    except OSError as exc:
        log.debug("name table %s not kept in %s: %s", name, folder, exc)
    return table


def _write(folder: Path, path: Path, table: object) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.stem}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(table, out, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, path)  # whole or not at all, also when two processes race
    finally:
        Path(tmp).unlink(missing_ok=True)
    # Another fingerprint's table goes once it has not been written for a week: two
    # installations of different versions sharing the folder keep a table each instead of
    # deleting each other's (and building theirs anew every run).
    stem = path.stem.rsplit("-", 1)[0]
    for old in folder.glob(f"{stem}-*.json"):
        with contextlib.suppress(OSError):
            if old != path and time.time() - old.stat().st_mtime > STALE_AFTER:
                old.unlink()


__all__ = ["cache_folder", "fingerprint", "kept"]
