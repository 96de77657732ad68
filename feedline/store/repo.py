"""Reads and writes of the store's resources (all but jobs and events, which have their own)."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

import sqlalchemy as sa

from feedline.errors import Conflict, NotFound
from feedline.store import tables as t
from feedline.store.db import iso, new_id, now

DEFAULT_ENVIRONMENT = "env_default"


# -- environments and keys ----------------------------------------------------------------

def ensure_environment(conn: sa.Connection, env_id: str = DEFAULT_ENVIRONMENT) -> str:
    exists = conn.execute(sa.select(t.environments.c.id).where(t.environments.c.id == env_id)).first()
    if not exists:
        conn.execute(t.environments.insert().values(id=env_id, name="default", created_at=now()))
    return env_id


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_api_key(conn: sa.Connection, env_id: str, key: str | None = None) -> str:
    """Store (the hash of) an API key and return the key in clear, once."""
    key = key or "fl_" + secrets.token_urlsafe(24)
    existing = conn.execute(sa.select(t.api_keys.c.id).where(t.api_keys.c.key_hash == hash_key(key))).first()
    if not existing:
        conn.execute(t.api_keys.insert().values(
            id=new_id("key"), environment_id=env_id, key_hash=hash_key(key), prefix=key[:6],
            created_at=now(),
        ))
    return key


def count_api_keys(conn: sa.Connection) -> int:
    return conn.execute(sa.select(sa.func.count()).select_from(t.api_keys)).scalar_one()


def environment_for_key(conn: sa.Connection, key: str) -> str | None:
    row = conn.execute(
        sa.select(t.api_keys.c.environment_id).where(t.api_keys.c.key_hash == hash_key(key))
    ).first()
    return row[0] if row else None


# -- spaces -------------------------------------------------------------------------------

def space_dict(row: Any) -> dict[str, Any]:
    return {
        "id": row.id, "environment_id": row.environment_id, "name": row.name, "feed": row.feed,
        "metadata": row.metadata or {}, "created_at": iso(row.created_at),
        "updated_at": iso(row.updated_at),
    }


def create_space(conn: sa.Connection, env_id: str, name: str, feed: str) -> dict[str, Any]:
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


def get_space(conn: sa.Connection, space_id: str, env_id: str | None = None) -> dict[str, Any]:
    q = sa.select(t.spaces).where(t.spaces.c.id == space_id)
    if env_id:
        q = q.where(t.spaces.c.environment_id == env_id)
    row = conn.execute(q).first()
    if not row:
        raise NotFound(f"space {space_id!r} not found")
    return space_dict(row)


def find_space(conn: sa.Connection, env_id: str, name: str) -> dict[str, Any] | None:
    row = conn.execute(sa.select(t.spaces).where(
        t.spaces.c.environment_id == env_id, t.spaces.c.name == name)).first()
    return space_dict(row) if row else None


def list_spaces(conn: sa.Connection, env_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(sa.select(t.spaces).where(t.spaces.c.environment_id == env_id)
                        .order_by(t.spaces.c.created_at))
    return [space_dict(r) for r in rows]


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

def file_dict(row: Any) -> dict[str, Any]:
    return {
        "id": row.id, "space_id": row.space_id, "name": row.name, "size": row.size,
        "sha256": row.sha256, "content_type": row.content_type, "mode": row.mode,
        "status": row.status, "error": row.error, "parent_id": row.parent_id,
        "created_at": iso(row.created_at), "updated_at": iso(row.updated_at),
    }


def create_file(conn: sa.Connection, space_id: str, name: str, size: int, sha256: str,
                blob_key: str, content_type: str | None,
                parent_id: str | None = None) -> dict[str, Any]:
    fid = new_id("fl")
    ts = now()
    conn.execute(t.files.insert().values(
        id=fid, space_id=space_id, name=name, size=size, sha256=sha256, blob_key=blob_key,
        content_type=content_type, mode="import", status="uploaded", created_at=ts, updated_at=ts,
        parent_id=parent_id,
    ))
    return get_file(conn, fid)


def find_file_by_sha(conn: sa.Connection, space_id: str, sha256: str) -> dict[str, Any] | None:
    row = conn.execute(sa.select(t.files).where(
        t.files.c.space_id == space_id, t.files.c.sha256 == sha256)).first()
    return file_dict(row) if row else None


def get_file(conn: sa.Connection, file_id: str, env_id: str | None = None) -> dict[str, Any]:
    q = sa.select(t.files).where(t.files.c.id == file_id)
    if env_id:
        q = q.join(t.spaces, t.spaces.c.id == t.files.c.space_id).where(t.spaces.c.environment_id == env_id)
    row = conn.execute(q).first()
    if not row:
        raise NotFound(f"file {file_id!r} not found")
    return file_dict(row)


def file_blob_key(conn: sa.Connection, file_id: str) -> str:
    return conn.execute(sa.select(t.files.c.blob_key).where(t.files.c.id == file_id)).scalar_one()


def list_files(conn: sa.Connection, space_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(sa.select(t.files).where(t.files.c.space_id == space_id)
                        .order_by(t.files.c.created_at))
    return [file_dict(r) for r in rows]


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
                 metadata: dict[str, Any] | None = None) -> str:
    sid = new_id("sh")
    conn.execute(t.sheets.insert().values(
        id=sid, workbook_id=workbook_id, slug=slug, name=name, columns=columns,
        row_count=row_count, blob_key=blob_key, metadata=metadata or {}, created_at=now(),
    ))
    return sid


def sheet_dict(row: Any) -> dict[str, Any]:
    return {
        "id": row.id, "workbook_id": row.workbook_id, "slug": row.slug, "name": row.name,
        "columns": row.columns, "row_count": row.row_count, "metadata": row.metadata or {},
        "created_at": iso(row.created_at),
    }


def get_sheet(conn: sa.Connection, sheet_id: str, env_id: str | None = None) -> dict[str, Any]:
    q = sa.select(t.sheets).where(t.sheets.c.id == sheet_id)
    if env_id:
        q = (q.join(t.workbooks, t.workbooks.c.id == t.sheets.c.workbook_id)
             .join(t.spaces, t.spaces.c.id == t.workbooks.c.space_id)
             .where(t.spaces.c.environment_id == env_id))
    row = conn.execute(q).first()
    if not row:
        raise NotFound(f"sheet {sheet_id!r} not found")
    return {**sheet_dict(row), "blob_key": row.blob_key}


def update_sheet(conn: sa.Connection, sheet_id: str, **values: Any) -> None:
    conn.execute(t.sheets.update().where(t.sheets.c.id == sheet_id).values(**values))


def list_workbooks(conn: sa.Connection, space_id: str, file_id: str | None = None) -> list[dict[str, Any]]:
    q = sa.select(t.workbooks).where(t.workbooks.c.space_id == space_id)
    if file_id:
        q = q.where(t.workbooks.c.file_id == file_id)
    wbs = conn.execute(q.order_by(t.workbooks.c.created_at, t.workbooks.c.id)).all()
    out = []
    for wb in wbs:
        sheet_rows = conn.execute(sa.select(t.sheets).where(t.sheets.c.workbook_id == wb.id)
                                  .order_by(t.sheets.c.created_at, t.sheets.c.id)).all()
        out.append({
            "id": wb.id, "space_id": wb.space_id, "file_id": wb.file_id, "kind": wb.kind,
            "name": wb.name, "metadata": wb.metadata or {}, "created_at": iso(wb.created_at),
            "sheets": [sheet_dict(s) for s in sheet_rows],
        })
    return out


def delete_workbook(conn: sa.Connection, workbook_id: str) -> None:
    sheet_ids = [r[0] for r in conn.execute(sa.select(t.sheets.c.id).where(t.sheets.c.workbook_id == workbook_id))]
    if sheet_ids:
        conn.execute(t.records.delete().where(t.records.c.sheet_id.in_(sheet_ids)))
        conn.execute(t.sheets.delete().where(t.sheets.c.id.in_(sheet_ids)))
    conn.execute(t.workbooks.delete().where(t.workbooks.c.id == workbook_id))


# -- records ------------------------------------------------------------------------------



def record_dict(row: Any) -> dict[str, Any]:
    return {"id": row.id, "row": row.row, "values": row.values, "messages": row.messages,
            "valid": row.valid, "version": row.version}


def list_records(conn: sa.Connection, sheet_id: str, filter: str = "all", limit: int = 100,
                 cursor: int | None = None) -> tuple[list[dict[str, Any]], int | None]:
    q = sa.select(t.records).where(t.records.c.sheet_id == sheet_id)
    if filter == "valid":
        q = q.where(t.records.c.valid.is_(True))
    elif filter == "invalid":
        q = q.where(t.records.c.valid.is_(False))
    if cursor is not None:
        q = q.where(t.records.c.id > cursor)
    rows = conn.execute(q.order_by(t.records.c.id).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    return [record_dict(r) for r in rows], (rows[-1].id if more and rows else None)




def record_counts(conn: sa.Connection, sheet_id: str) -> dict[str, int]:
    rows = conn.execute(
        sa.select(t.records.c.valid, sa.func.count()).where(t.records.c.sheet_id == sheet_id)
        .group_by(t.records.c.valid)
    ).all()
    valid = sum(n for v, n in rows if v)
    invalid = sum(n for v, n in rows if not v)
    return {"total": valid + invalid, "valid": valid, "invalid": invalid}


# -- mapping memory -----------------------------------------------------------------------

def load_memory_rows(conn: sa.Connection, blueprint: str) -> list[dict[str, Any]]:
    rows = conn.execute(sa.select(t.mapping_memory).where(t.mapping_memory.c.blueprint == blueprint))
    return [{"space_id": r.space_id, "sheet": r.sheet, "document": r.document,
             "updated_at": iso(r.updated_at)} for r in rows]


def save_memory_row(conn: sa.Connection, blueprint: str, space_id: str, sheet: str,
                    document: dict[str, Any]) -> None:
    key = (t.mapping_memory.c.blueprint == blueprint) & (t.mapping_memory.c.space_id == space_id) & (
        t.mapping_memory.c.sheet == sheet)
    updated = conn.execute(t.mapping_memory.update().where(key).values(document=document, updated_at=now()))
    if updated.rowcount == 0:
        conn.execute(t.mapping_memory.insert().values(
            blueprint=blueprint, space_id=space_id, sheet=sheet, document=document, updated_at=now()))

