"""Reads and writes of the store's resources (jobs, events and records have their own)."""

from __future__ import annotations

import hashlib
import secrets
import zlib
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from feedline.errors import Conflict, NotFound
from feedline.store import tables as t
from feedline.store.db import iso, new_id, now
from feedline.store.models import File, Segment, Sheet, Space, Workbook

DEFAULT_ENVIRONMENT = "env_default"


# -- environments and keys ----------------------------------------------------------------

def ensure_environment(conn: sa.Connection, env_id: str = DEFAULT_ENVIRONMENT,
                       name: str = "default") -> str:
    exists = conn.execute(sa.select(t.environments.c.id).where(t.environments.c.id == env_id)).first()
    if not exists:
        conn.execute(t.environments.insert().values(id=env_id, name=name, created_at=now()))
    return env_id


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_api_key(conn: sa.Connection, env_id: str, key: str | None = None, *,
                   name: str = "", source: str = "cli") -> str:
    """Store (the hash of) an API key and return the key in clear, once."""
    key = key or "fl_" + secrets.token_urlsafe(24)
    existing = conn.execute(sa.select(t.api_keys.c.id, t.api_keys.c.revoked_at)
                            .where(t.api_keys.c.key_hash == hash_key(key))).first()
    if existing is None:
        conn.execute(t.api_keys.insert().values(
            id=new_id("key"), environment_id=env_id, key_hash=hash_key(key), prefix=key[:6],
            created_at=now(), name=name, source=source,
        ))
    elif existing.revoked_at is not None:
        raise Conflict(f"API key {existing.id} was revoked; make a new one")
    return key


def key_record(row: Any) -> dict[str, Any]:
    return {"id": row.id, "environment_id": row.environment_id, "name": row.name,
            "prefix": row.prefix, "source": row.source, "created_at": iso(row.created_at),
            "revoked_at": iso(row.revoked_at), "last_used_at": iso(row.last_used_at)}


def key_for_value(conn: sa.Connection, key: str) -> dict[str, Any]:
    """The record of a key given in clear (to report what was just created)."""
    return key_record(conn.execute(sa.select(t.api_keys).where(
        t.api_keys.c.key_hash == hash_key(key))).one())


def list_api_keys(conn: sa.Connection, env_id: str | None = None) -> list[dict[str, Any]]:
    """Keys (never their value or hash), oldest first."""
    q = sa.select(t.api_keys)
    if env_id:
        q = q.where(t.api_keys.c.environment_id == env_id)
    return [key_record(r) for r in conn.execute(q.order_by(t.api_keys.c.created_at, t.api_keys.c.id))]


def key_hash_of(conn: sa.Connection, key_id: str, env_id: str) -> str | None:
    return conn.execute(sa.select(t.api_keys.c.key_hash).where(
        t.api_keys.c.id == key_id, t.api_keys.c.environment_id == env_id)).scalar()


def revoke_api_key(conn: sa.Connection, key_id: str, env_id: str | None = None) -> dict[str, Any]:
    """Revoke a key by id (from now on it is refused); revoking twice is fine."""
    q = sa.select(t.api_keys).where(t.api_keys.c.id == key_id)
    if env_id:
        q = q.where(t.api_keys.c.environment_id == env_id)
    row = conn.execute(q).first()
    if row is None:
        raise NotFound(f"API key {key_id!r} not found")
    if row.revoked_at is None:
        conn.execute(t.api_keys.update().where(t.api_keys.c.id == key_id).values(revoked_at=now()))
    return key_record(conn.execute(sa.select(t.api_keys).where(t.api_keys.c.id == key_id)).one())


def bootstrap_env_key(conn: sa.Connection, env_id: str, key: str) -> None:
    """``FEEDLINE_API_KEY``: that key is valid, and a key an earlier value of the variable
    set is revoked (changing the variable rotates the key)."""
    create_api_key(conn, env_id, key, name="FEEDLINE_API_KEY", source="env")
    conn.execute(t.api_keys.update().where(
        t.api_keys.c.source == "env", t.api_keys.c.key_hash != hash_key(key),
        t.api_keys.c.revoked_at.is_(None)).values(revoked_at=now()))


def count_api_keys(conn: sa.Connection) -> int:
    return conn.execute(sa.select(sa.func.count()).select_from(t.api_keys)).scalar_one()


def environment_for_key(conn: sa.Connection, key: str) -> str | None:
    """The environment of a valid (not revoked) key, or None."""
    row = conn.execute(
        sa.select(t.api_keys.c.environment_id).where(
            t.api_keys.c.key_hash == hash_key(key), t.api_keys.c.revoked_at.is_(None))
    ).first()
    return row[0] if row else None


def list_environments(conn: sa.Connection) -> list[dict[str, Any]]:
    return [{"id": r.id, "name": r.name, "created_at": iso(r.created_at)} for r in
            conn.execute(sa.select(t.environments).order_by(t.environments.c.created_at))]


def create_environment(conn: sa.Connection, name: str) -> str:
    taken = conn.execute(sa.select(t.environments.c.id).where(t.environments.c.name == name)).first()
    if taken:
        raise Conflict(f"an environment named {name!r} already exists ({taken[0]})")
    env_id = new_id("env")
    conn.execute(t.environments.insert().values(id=env_id, name=name, created_at=now()))
    return env_id


# -- spaces -------------------------------------------------------------------------------

def _space(row: Any) -> Space:
    return Space(id=row.id, environment_id=row.environment_id, name=row.name, feed=row.feed,
                 metadata=row.metadata or {}, created_at=iso(row.created_at),
                 updated_at=iso(row.updated_at))


def create_space(conn: sa.Connection, env_id: str, name: str, feed: str) -> Space:
    taken = conn.execute(sa.select(t.spaces.c.id).where(
        t.spaces.c.environment_id == env_id, t.spaces.c.name == name)).first()
    if taken:
        raise Conflict(f"a space named {name!r} already exists ({taken[0]})")
    sid = new_id("sp")
    ts = now()
    conn.execute(t.spaces.insert().values(
        id=sid, environment_id=env_id, name=name, feed=feed, metadata={}, created_at=ts, updated_at=ts,
    ))
    return get_space(conn, sid, env_id)


def get_space(conn: sa.Connection, space_id: str, env_id: str | None = None) -> Space:
    q = sa.select(t.spaces).where(t.spaces.c.id == space_id)
    if env_id:
        q = q.where(t.spaces.c.environment_id == env_id)
    row = conn.execute(q).first()
    if not row:
        raise NotFound(f"space {space_id!r} not found")
    return _space(row)


def find_space(conn: sa.Connection, env_id: str, name: str) -> Space | None:
    row = conn.execute(sa.select(t.spaces).where(
        t.spaces.c.environment_id == env_id, t.spaces.c.name == name)).first()
    return _space(row) if row else None


def list_spaces(conn: sa.Connection, env_id: str, *, name: str | None = None,
                limit: int | None = None, after: str | None = None) -> list[Space]:
    """Spaces in id (creation) order; ``after`` an id, ``limit`` how many."""
    q = sa.select(t.spaces).where(t.spaces.c.environment_id == env_id)
    if name is not None:
        q = q.where(t.spaces.c.name == name)
    if after:
        q = q.where(t.spaces.c.id > after)
    q = q.order_by(t.spaces.c.id)
    if limit is not None:
        q = q.limit(limit)
    return [_space(r) for r in conn.execute(q)]


def update_space_metadata(conn: sa.Connection, space_id: str, changes: dict[str, Any]) -> None:
    """Merge ``changes`` into the space's metadata (row-locked on Postgres)."""
    q = sa.select(t.spaces.c.metadata).where(t.spaces.c.id == space_id)
    if conn.dialect.name == "postgresql":
        q = q.with_for_update()
    current = conn.execute(q).scalar_one()
    merged = {**(current or {}), **changes}
    conn.execute(t.spaces.update().where(t.spaces.c.id == space_id)
                 .values(metadata=merged, updated_at=now()))


# -- files --------------------------------------------------------------------------------

def _file(row: Any) -> File:
    return File(id=row.id, space_id=row.space_id, name=row.name, size=row.size,
                sha256=row.sha256, content_type=row.content_type, mode=row.mode,
                status=row.status, error=row.error, parent_id=row.parent_id,
                created_at=iso(row.created_at), updated_at=iso(row.updated_at),
                blob_key=row.blob_key)


def create_file(conn: sa.Connection, space_id: str, name: str, size: int, sha256: str,
                blob_key: str, content_type: str | None, parent_id: str | None = None) -> File:
    fid = new_id("fl")
    ts = now()
    conn.execute(t.files.insert().values(
        id=fid, space_id=space_id, name=name, size=size, sha256=sha256, blob_key=blob_key,
        content_type=content_type, mode="import", status="uploaded", created_at=ts, updated_at=ts,
        parent_id=parent_id,
    ))
    return get_file(conn, fid)


def find_file_by_sha(conn: sa.Connection, space_id: str, sha256: str,
                     name: str | None = None) -> File | None:
    """The space's first file with these bytes (and this name, when given)."""
    q = sa.select(t.files).where(t.files.c.space_id == space_id, t.files.c.sha256 == sha256)
    if name is not None:
        q = q.where(t.files.c.name == name)
    row = conn.execute(q.order_by(t.files.c.created_at)).first()
    return _file(row) if row else None


def get_file(conn: sa.Connection, file_id: str, env_id: str | None = None) -> File:
    q = sa.select(t.files).where(t.files.c.id == file_id)
    if env_id:
        q = q.join(t.spaces, t.spaces.c.id == t.files.c.space_id).where(t.spaces.c.environment_id == env_id)
    row = conn.execute(q).first()
    if not row:
        raise NotFound(f"file {file_id!r} not found")
    return _file(row)


def list_files(conn: sa.Connection, space_id: str, *, limit: int | None = None,
               after: str | None = None) -> list[File]:
    """A space's files in id (arrival) order."""
    q = sa.select(t.files).where(t.files.c.space_id == space_id)
    if after:
        q = q.where(t.files.c.id > after)
    q = q.order_by(t.files.c.id)
    if limit is not None:
        q = q.limit(limit)
    return [_file(r) for r in conn.execute(q)]


def set_file_status(conn: sa.Connection, file_id: str, status: str, error: str | None = None) -> None:
    conn.execute(t.files.update().where(t.files.c.id == file_id)
                 .values(status=status, error=error, updated_at=now()))


# -- workbooks and sheets -----------------------------------------------------------------

def create_workbook(conn: sa.Connection, space_id: str, file_id: str | None, kind: str,
                    name: str, metadata: dict[str, Any] | None = None) -> str:
    wid = new_id("wb")
    conn.execute(t.workbooks.insert().values(
        id=wid, space_id=space_id, file_id=file_id, kind=kind, name=name,
        metadata=metadata or {}, created_at=now(),
    ))
    return wid


def create_sheet(conn: sa.Connection, workbook_id: str, slug: str, name: str,
                 columns: list[str], row_count: int, blob_key: str | None = None,
                 metadata: dict[str, Any] | None = None, sheet_id: str | None = None) -> str:
    sid = sheet_id or new_id("sh")
    conn.execute(t.sheets.insert().values(
        id=sid, workbook_id=workbook_id, slug=slug, name=name, columns=columns,
        row_count=row_count, blob_key=blob_key, metadata=metadata or {}, created_at=now(),
    ))
    return sid


def _sheet(row: Any) -> Sheet:
    return Sheet(id=row.id, workbook_id=row.workbook_id, slug=row.slug, name=row.name,
                 columns=list(row.columns or []), row_count=row.row_count,
                 metadata=row.metadata or {}, created_at=iso(row.created_at),
                 blob_key=row.blob_key, segment_version=row.segment_version,
                 next_id=row.next_id)


def get_sheet(conn: sa.Connection, sheet_id: str, env_id: str | None = None,
              lock: bool = False) -> Sheet:
    """A sheet; ``lock`` row-locks it on PostgreSQL (one writer of its records at a time)."""
    q = sa.select(t.sheets).where(t.sheets.c.id == sheet_id)
    if env_id:
        q = (q.join(t.workbooks, t.workbooks.c.id == t.sheets.c.workbook_id)
             .join(t.spaces, t.spaces.c.id == t.workbooks.c.space_id)
             .where(t.spaces.c.environment_id == env_id))
    if lock and conn.dialect.name == "postgresql":
        q = q.with_for_update(of=t.sheets)
    row = conn.execute(q).first()
    if not row:
        raise NotFound(f"sheet {sheet_id!r} not found")
    return _sheet(row)


def get_workbook(conn: sa.Connection, workbook_id: str) -> Workbook:
    row = conn.execute(sa.select(t.workbooks).where(t.workbooks.c.id == workbook_id)).first()
    if not row:
        raise NotFound(f"workbook {workbook_id!r} not found")
    return _workbook(conn, row)


def update_sheet(conn: sa.Connection, sheet_id: str, **values: Any) -> None:
    conn.execute(t.sheets.update().where(t.sheets.c.id == sheet_id).values(**values))


def _workbook(conn: sa.Connection, wb: Any) -> Workbook:
    sheet_rows = conn.execute(sa.select(t.sheets).where(t.sheets.c.workbook_id == wb.id)
                              .order_by(t.sheets.c.created_at, t.sheets.c.id)).all()
    return Workbook(id=wb.id, space_id=wb.space_id, file_id=wb.file_id, kind=wb.kind,
                    name=wb.name, metadata=wb.metadata or {}, created_at=iso(wb.created_at),
                    sheets=[_sheet(s) for s in sheet_rows])


def list_workbooks(conn: sa.Connection, space_id: str, file_id: str | None = None, *,
                   kind: str | None = None, limit: int | None = None,
                   after: str | None = None) -> list[Workbook]:
    """A space's workbooks (with their sheets) in id order."""
    q = sa.select(t.workbooks).where(t.workbooks.c.space_id == space_id)
    if file_id:
        q = q.where(t.workbooks.c.file_id == file_id)
    if kind:
        q = q.where(t.workbooks.c.kind == kind)
    if after:
        q = q.where(t.workbooks.c.id > after)
    q = q.order_by(t.workbooks.c.id)
    if limit is not None:
        q = q.limit(limit)
    return [_workbook(conn, wb) for wb in conn.execute(q).all()]


def delete_workbook(conn: sa.Connection, workbook_id: str) -> list[str]:
    """Delete a workbook, its sheets and their edits; returns the blob prefixes and keys the
    caller may delete once the transaction committed."""
    rows = conn.execute(sa.select(t.sheets.c.id, t.sheets.c.blob_key)
                        .where(t.sheets.c.workbook_id == workbook_id)).all()
    sheet_ids = [r.id for r in rows]
    blobs = [r.blob_key for r in rows if r.blob_key]
    if sheet_ids:
        blobs += [r[0] for r in conn.execute(sa.select(t.sheet_segments.c.prefix)
                                              .where(t.sheet_segments.c.sheet_id.in_(sheet_ids)))]
        conn.execute(t.record_edits.delete().where(t.record_edits.c.sheet_id.in_(sheet_ids)))
        conn.execute(t.sheet_segments.delete().where(t.sheet_segments.c.sheet_id.in_(sheet_ids)))
        conn.execute(t.sheets.delete().where(t.sheets.c.id.in_(sheet_ids)))
    conn.execute(t.workbooks.delete().where(t.workbooks.c.id == workbook_id))
    return blobs


# -- record segments ----------------------------------------------------------------------

def add_segment(conn: sa.Connection, segment: Segment) -> None:
    """Record a new segment version and make it the sheet's current one."""
    conn.execute(t.sheet_segments.insert().values(
        sheet_id=segment.sheet_id, version=segment.version, prefix=segment.prefix,
        parts=segment.parts, rows=segment.rows, compacted_seq=segment.compacted_seq,
        created_at=now()))
    conn.execute(t.sheets.update().where(t.sheets.c.id == segment.sheet_id)
                 .values(segment_version=segment.version))


def get_segment(conn: sa.Connection, sheet_id: str, version: int) -> Segment:
    row = conn.execute(sa.select(t.sheet_segments).where(
        t.sheet_segments.c.sheet_id == sheet_id, t.sheet_segments.c.version == version)).first()
    if row is None:
        raise NotFound(f"sheet {sheet_id!r} has no records segment version {version}")
    return Segment(sheet_id=row.sheet_id, version=row.version, prefix=row.prefix,
                   parts=row.parts, rows=row.rows, compacted_seq=row.compacted_seq)


# -- mapping memory -----------------------------------------------------------------------

def load_memory_rows(conn: sa.Connection, env_id: str,
                     blueprint: str) -> list[tuple[str, str, dict[str, Any]]]:
    """``(space, sheet, document)`` of every memory row of a blueprint in an environment."""
    m = t.mapping_memory
    rows = conn.execute(sa.select(m.c.space_id, m.c.sheet, m.c.document).where(
        m.c.environment_id == env_id, m.c.blueprint == blueprint)
        .order_by(m.c.space_id, m.c.sheet))
    return [(r.space_id, r.sheet, r.document) for r in rows]


def get_memory_row(conn: sa.Connection, env_id: str, blueprint: str, space_id: str,
                   sheet: str) -> dict[str, Any] | None:
    m = t.mapping_memory
    return conn.execute(sa.select(m.c.document).where(
        m.c.environment_id == env_id, m.c.blueprint == blueprint, m.c.space_id == space_id,
        m.c.sheet == sheet)).scalar()


def lock_memory_row(conn: sa.Connection, env_id: str, blueprint: str, space_id: str,
                    sheet: str) -> None:
    """Serialize read-modify-write of one memory row across processes (PostgreSQL; SQLite's
    write transaction already does)."""
    if conn.dialect.name == "postgresql":
        key = zlib.crc32(f"{env_id}\x1f{blueprint}\x1f{space_id}\x1f{sheet}".encode())
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:a, :b)"), {"a": 724302, "b": key - 2**31})


def save_memory_row(conn: sa.Connection, env_id: str, blueprint: str, space_id: str,
                    sheet: str, document: dict[str, Any]) -> None:
    """Insert or replace one memory row (an upsert: never fails on a concurrent insert)."""
    m = t.mapping_memory
    values = {"environment_id": env_id, "blueprint": blueprint, "space_id": space_id,
              "sheet": sheet, "document": document, "updated_at": now()}
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(m).values(**values)
    conn.execute(stmt.on_conflict_do_update(
        index_elements=[m.c.environment_id, m.c.blueprint, m.c.space_id, m.c.sheet],
        set_={"document": stmt.excluded.document, "updated_at": stmt.excluded.updated_at}))


def delete_memory_rows(conn: sa.Connection, env_id: str, blueprint: str, space_id: str,
                       sheet: str | None = None) -> int:
    m = t.mapping_memory
    q = m.delete().where(m.c.environment_id == env_id, m.c.blueprint == blueprint,
                         m.c.space_id == space_id)
    if sheet is not None:
        q = q.where(m.c.sheet == sheet)
    return int(conn.execute(q).rowcount or 0)
