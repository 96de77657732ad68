"""Schema migrations with Alembic (``feedline/store/alembic``), on SQLite and PostgreSQL.

A database made by feedline 0.1's own migrator (table ``schema_migrations``, versions
1-3) is stamped as Alembic revision ``0001`` first, then upgraded like any other.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

SCRIPTS = Path(__file__).with_name("alembic")
PRE_ALEMBIC = "0001"  # the schema of the old migrator's version 3
_LOCK = 724301  # PostgreSQL advisory lock: one migrator at a time across processes


def _config(conn: sa.Connection) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPTS))
    cfg.attributes["connection"] = conn
    return cfg


def head() -> str:
    """The newest revision this code knows."""
    rev = ScriptDirectory.from_config(_config(None)).get_current_head()  # type: ignore[arg-type]
    assert rev is not None
    return rev


def current_revision(conn: sa.Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: sa.Engine) -> str:
    """Bring the schema to the newest revision; returns it."""
    with engine.connect() as conn:
        conn = conn.execution_options(feedline_write=True)
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK})
            tables = set(sa.inspect(conn).get_table_names())
            if "alembic_version" not in tables and "schema_migrations" in tables:
                command.stamp(_config(conn), PRE_ALEMBIC)
                conn.execute(sa.text("DROP TABLE schema_migrations"))
            if current_revision(conn) != head():
                command.upgrade(_config(conn), "head")
        return current_revision(conn) or ""


__all__ = ["current_revision", "head", "migrate"]
