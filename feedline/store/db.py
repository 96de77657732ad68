"""The database: an engine tuned per dialect, migrated on open."""

from __future__ import annotations

import secrets
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from feedline.errors import ConfigError
from feedline.store.migrations import migrate


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


def open_engine(url: str) -> sa.Engine:
    """Create the engine for ``url`` and bring its schema up to date."""
    kwargs: dict[str, Any] = {}
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # Autocommit at the driver; we issue BEGIN IMMEDIATE ourselves so that two
        # writers queue on the lock instead of failing with "database is locked".
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
        sa.event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
    try:
        migrate(engine)
    except sa.exc.OperationalError as exc:
        raise ConfigError(f"cannot open database: {str(exc.orig).splitlines()[0]}") from None
    return engine


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()
