"""The database: an engine tuned per dialect, migrated on open, and the two ways to use it.

:func:`reading` runs a deferred transaction (on SQLite in WAL mode readers never wait for
the writer, nor the writer for them); :func:`writing` takes the write lock at once
(``BEGIN IMMEDIATE`` on SQLite, so two writers queue instead of failing). Keep writes
short: compute first, then write.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from feedline.errors import ConfigError

WRITE = "feedline_write"


def now() -> datetime:
    return datetime.now(UTC)


def new_id(prefix: str) -> str:
    """A prefixed identifier that sorts by creation time, e.g. ``sp_19a3f0c2b7e4d1a2b3c4``."""
    return f"{prefix}_{time.time_ns() // 1_000_000:012x}{secrets.token_hex(4)}"


def aware(value: datetime | None) -> datetime | None:
    """SQLite hands datetimes back naive; they were stored as UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def iso(value: datetime | None) -> str | None:
    value = aware(value)
    return value.isoformat().replace("+00:00", "Z") if value else None


@contextmanager
def writing(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A write transaction, committed when the block ends without an error."""
    with engine.connect() as conn:
        conn.execution_options(**{WRITE: True})
        with conn.begin():
            yield conn


@contextmanager
def reading(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A read transaction: one consistent snapshot, no write lock."""
    with engine.connect() as conn, conn.begin():
        yield conn


def open_engine(url: str) -> sa.Engine:
    """Create the engine for ``url`` and bring its schema up to date."""
    from feedline.store.migrations import migrate

    kwargs: dict[str, Any] = {}
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # Autocommit at the driver: we issue BEGIN (reads) or BEGIN IMMEDIATE (writes).
        kwargs["connect_args"] = {"timeout": 30, "check_same_thread": False, "isolation_level": None}
    elif url.startswith("postgresql"):
        kwargs["pool_size"] = 10
        kwargs["pool_pre_ping"] = True
    else:
        raise ConfigError(f"unsupported database URL {url.split(':', 1)[0]!r}: use sqlite or postgresql")
    try:
        engine = sa.create_engine(url, **kwargs)
    except Exception as exc:  # bad URL syntax, missing driver
        raise ConfigError(f"cannot use database URL: {exc}") from None
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        sa.event.listen(engine, "begin", _sqlite_begin)
    try:
        migrate(engine)
    except sa.exc.OperationalError as exc:
        raise ConfigError(f"cannot open database: {str(exc.orig).splitlines()[0]}") from None
    return engine


def _sqlite_begin(conn: sa.Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()
