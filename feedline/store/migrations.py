"""Versioned schema migrations. Each step runs once, in order, inside a transaction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import sqlalchemy as sa

from feedline.store import tables as t

Migration = tuple[int, str, Callable[[sa.Connection], None]]


def _v1_initial(conn: sa.Connection) -> None:
    v1 = [
        t.environments, t.api_keys, t.spaces, t.files, t.workbooks, t.sheets, t.records,
        t.jobs, t.events, t.listener_cursors, t.mapping_memory,
    ]
    t.metadata.create_all(conn, tables=v1)


def _v2_record_versions(conn: sa.Connection) -> None:
    """Every record edit keeps the old values: who or what changed it, and when."""
    t.metadata.create_all(conn, tables=[t.record_versions])


def _v3_file_parent(conn: sa.Connection) -> None:
    """A file unpacked from an archive points at the archive's file (``files.parent_id``)."""
    inspector = sa.inspect(conn)
    if "parent_id" not in {c["name"] for c in inspector.get_columns("files")}:
        conn.execute(sa.text("ALTER TABLE files ADD COLUMN parent_id VARCHAR(40)"))
    if "ix_files_parent_id" not in {i["name"] for i in inspector.get_indexes("files")}:
        conn.execute(sa.text("CREATE INDEX ix_files_parent_id ON files (parent_id)"))


MIGRATIONS: list[Migration] = [
    (1, "initial schema", _v1_initial),
    (2, "record versions", _v2_record_versions),
    (3, "file parent (archive members)", _v3_file_parent),
]


def migrate(engine: sa.Engine) -> list[int]:
    """Apply every migration the database has not seen; return the versions applied."""
    applied: list[int] = []
    with engine.begin() as conn:
        t.metadata.create_all(conn, tables=[t.schema_migrations])
        if conn.dialect.name == "postgresql":
            # One migrator at a time across processes.
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(724301)"))
        done = {row[0] for row in conn.execute(sa.select(t.schema_migrations.c.version))}
        for version, name, step in MIGRATIONS:
            if version in done:
                continue
            step(conn)
            conn.execute(
                t.schema_migrations.insert().values(
                    version=version, name=name, applied_at=datetime.now(UTC)
                )
            )
            applied.append(version)
    return applied


def current_version(engine: sa.Engine) -> int:
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table("schema_migrations"):
            return 0
        return conn.execute(sa.select(sa.func.max(t.schema_migrations.c.version))).scalar() or 0
