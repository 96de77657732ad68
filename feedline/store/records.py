"""Record writes beyond the basics: bulk insert of pre-encoded JSON, versioned edits, and
the key lookups that let an edit recheck uniqueness without reading the whole sheet."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from datetime import UTC
from typing import Any

import polars as pl
import sqlalchemy as sa

from feedline.blueprint.model import Field
from feedline.errors import NotFound
from feedline.store import tables as t
from feedline.store.db import iso, now

BATCH = 5_000


def insert_record_frame(conn: sa.Connection, sheet_id: str, frame: pl.DataFrame) -> int:
    """Insert records from :meth:`Validated.record_frame` (JSON already encoded by Polars).

    PostgreSQL gets COPY; SQLite the driver's ``executemany`` in the caller's transaction
    (SQLAlchemy's per-row parameter processing costs more than the insert itself).
    """
    ts = now()
    if conn.dialect.name == "postgresql":
        return _copy_record_frame(conn, sheet_id, frame, ts)
    driver = conn.connection.driver_connection
    assert driver is not None
    # The text form SQLAlchemy's SQLite DateTime reads back (naive UTC).
    stamp = ts.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
    sql = ('INSERT INTO records (sheet_id, "row", "values", messages, valid, version, updated_at) '
           "VALUES (?, ?, ?, ?, ?, 1, ?)")
    cur = driver.cursor()
    try:
        for start in range(0, frame.height, BATCH):
            part = frame.slice(start, BATCH)
            cur.executemany(sql, ((sheet_id, r, v, m, int(ok), stamp)
                                  for r, v, m, ok in part.iter_rows()))
    finally:
        cur.close()
    return frame.height


def _copy_record_frame(conn: sa.Connection, sheet_id: str, frame: pl.DataFrame, ts: Any) -> int:
    """PostgreSQL: COPY the rows as CSV that Polars writes, inside the caller's transaction."""
    driver = conn.connection.driver_connection
    assert driver is not None
    sql = ('COPY records (sheet_id, "row", "values", messages, valid, version, updated_at) '
           "FROM STDIN WITH (FORMAT csv)")
    stamp = ts.isoformat()
    with driver.cursor() as cur, cur.copy(sql) as copy:
        for start in range(0, frame.height, BATCH * 10):
            part = frame.slice(start, BATCH * 10).select(
                pl.lit(sheet_id).alias("sheet_id"), "row", "values", "messages", "valid",
                pl.lit(1).alias("version"), pl.lit(stamp).alias("updated_at"))
            copy.write(part.write_csv(include_header=False).encode("utf-8"))
    return frame.height


_COLUMNS = (t.records.c.id, t.records.c.row, t.records.c["values"], t.records.c.messages,
            t.records.c.valid, t.records.c.version)
# Field types stored as JSON text: SQL can compare them with the wanted keys.
TEXT_TYPES = frozenset({"string", "enum", "date", "datetime", "reference"})
IN_CHUNK = 1_000
LIKE_KEYS = 20


def _record(r: Any) -> dict[str, Any]:
    return {"id": r.id, "row": r.row, "values": r.values, "messages": r.messages,
            "valid": r.valid, "version": r.version}


def load_records(conn: sa.Connection, sheet_id: str, ids: Collection[int]) -> list[dict[str, Any]]:
    """The sheet's records with these ids (``id, row, values, messages, valid, version``),
    in id order."""
    wanted = sorted(ids)
    out: list[dict[str, Any]] = []
    for start in range(0, len(wanted), BATCH):
        out += [_record(r) for r in conn.execute(
            sa.select(*_COLUMNS).where(t.records.c.sheet_id == sheet_id,
                                       t.records.c.id.in_(wanted[start:start + BATCH]))
            .order_by(t.records.c.id))]
    return out


def load_by_validity(conn: sa.Connection, sheet_id: str, valid: bool) -> list[dict[str, Any]]:
    """Every valid (or invalid) record of the sheet, in id order."""
    return [_record(r) for r in conn.execute(
        sa.select(*_COLUMNS).where(t.records.c.sheet_id == sheet_id, t.records.c.valid == valid)
        .order_by(t.records.c.id))]


def message_rows(conn: sa.Connection, sheet_id: str) -> Iterator[tuple[list[Any], bool]]:
    """``(messages, valid)`` of every record of the sheet."""
    for r in conn.execute(sa.select(t.records.c.messages, t.records.c.valid)
                          .where(t.records.c.sheet_id == sheet_id)):
        yield r.messages, r.valid


def _verbatim(text: str) -> bool:
    """Whether JSON writes ``text`` as is (printable ASCII, no quote or backslash)."""
    return text.isascii() and text.isprintable() and '"' not in text and "\\" not in text


class SheetKeys:
    """Reads key values of one sheet's stored records with SQL JSON extraction
    (``json_extract`` on SQLite, ``->>`` on PostgreSQL): the lookup behind
    :func:`feedline.validate.sheetwide.recheck`."""

    def __init__(self, conn: sa.Connection, sheet_id: str) -> None:
        self.conn, self.sheet_id = conn, sheet_id

    def find(self, fields: Sequence[Field], keys: Collection[tuple[Any, ...]],
             casefold: bool) -> Iterator[tuple[int, tuple[Any, ...]]]:
        """``(id, values)`` of records whose ``fields`` may hold one of ``keys`` (a
        superset). Text fields are compared in SQL (lowercased when ``casefold``, for
        ASCII keys, as SQLite's ``lower`` only folds ASCII); the other fields are read
        for every record with the first one set, and compared by the caller."""
        values = t.records.c["values"]
        columns = [values[f.key].as_string() if f.type in TEXT_TYPES else values[f.key]
                   for f in fields]
        keyed = list(keys)
        usable = [i for i, f in enumerate(fields) if f.type in TEXT_TYPES and all(
            isinstance(k[i], str) and (not casefold or k[i].isascii()) for k in keyed)]
        base = sa.select(t.records.c.id, *columns).where(t.records.c.sheet_id == self.sheet_id)
        if not usable:
            yield from ((r[0], tuple(r[1:])) for r in self.conn.execute(
                base.where(values[fields[0].key].as_string().is_not(None))))
            return
        for start in range(0, len(keyed), IN_CHUNK):
            chunk = keyed[start:start + IN_CHUNK]
            where = [(sa.func.lower(columns[i]) if casefold else columns[i]).in_(
                sorted({k[i] for k in chunk})) for i in usable]
            yield from ((r[0], tuple(r[1:])) for r in self.conn.execute(
                base.where(*self._prefilter({k[usable[0]] for k in chunk}), *where)))

    def _prefilter(self, texts: set[str]) -> list[sa.ColumnElement[bool]]:
        """SQLite: a ``LIKE`` on the stored JSON text first (case-insensitive for ASCII, a
        superset), about 3x cheaper than ``json_extract`` on every record; only for a few
        keys that JSON writes as they are."""
        if self.conn.dialect.name != "sqlite" or len(texts) > LIKE_KEYS or not all(
                _verbatim(text) for text in texts):
            return []
        values = sa.type_coerce(t.records.c["values"], sa.Text)
        return [sa.or_(*(values.like("%" + re.sub(r"([%_^])", r"^\1", text) + "%", escape="^")
                         for text in sorted(texts)))]

    def load(self, ids: Collection[int]) -> list[dict[str, Any]]:
        return load_records(self.conn, self.sheet_id, ids)


def check_ids(conn: sa.Connection, sheet_id: str, ids: list[int]) -> None:
    found = {r[0] for r in conn.execute(sa.select(t.records.c.id).where(
        t.records.c.sheet_id == sheet_id, t.records.c.id.in_(ids)))}
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFound(f"sheet {sheet_id} has no record {missing[0]}"
                       + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""))


def add_records(conn: sa.Connection, sheet_id: str, values: list[dict[str, Any]],
                actor: str) -> list[int]:
    """Append records after the sheet's last row; :func:`write_changes` with
    ``kind="create"`` then stores them validated, with their first version row."""
    top = conn.execute(sa.select(sa.func.max(t.records.c.row))
                       .where(t.records.c.sheet_id == sheet_id)).scalar()
    start = -1 if top is None else int(top)
    ids = []
    ts = now()
    for i, v in enumerate(values, start=start + 1):
        rid = conn.execute(t.records.insert().values(
            sheet_id=sheet_id, row=i, values=v, messages=[], valid=False, version=1,
            updated_at=ts).returning(t.records.c.id)).scalar_one()
        ids.append(rid)
    return ids


def write_changes(conn: sa.Connection, sheet_id: str, changes: list[dict[str, Any]],
                  actor: str, edited: set[int], kind: str = "update") -> None:
    """Store re-validated records: ``{id, values, messages, valid, version, old_values,
    old_valid}``. Each gets its version bumped and a version row with the old values;
    ``edited`` ids are the ones a person changed (the others changed through validation)."""
    if not changes:
        return
    ts = now()

    def version(c: dict[str, Any]) -> int:
        return int(c["version"]) + (0 if kind == "create" and c["id"] in edited else 1)

    conn.execute(
        t.records.update().where(t.records.c.id == sa.bindparam("b_id")).values(
            values=sa.bindparam("b_values", type_=t.JSON),
            messages=sa.bindparam("b_messages", type_=t.JSON),
            valid=sa.bindparam("b_valid"), version=sa.bindparam("b_version"), updated_at=ts),
        [{"b_id": c["id"], "b_values": c["values"], "b_messages": c["messages"],
          "b_valid": c["valid"], "b_version": version(c)} for c in changes])
    conn.execute(t.record_versions.insert(), [
        {"record_id": c["id"], "sheet_id": sheet_id, "version": version(c),
         "change": kind if c["id"] in edited else "revalidate",
         "actor": actor if c["id"] in edited else f"validation (after {actor})",
         "old_values": None if kind == "create" and c["id"] in edited else c["old_values"],
         "new_values": c["values"],
         "old_valid": None if kind == "create" and c["id"] in edited else c["old_valid"],
         "changed_at": ts} for c in changes])


def delete_records(conn: sa.Connection, sheet_id: str, records: list[dict[str, Any]],
                   actor: str) -> int:
    if not records:
        return 0
    ts = now()
    conn.execute(t.record_versions.insert(), [
        {"record_id": r["id"], "sheet_id": sheet_id, "version": r["version"] + 1,
         "change": "delete", "actor": actor, "old_values": r["values"], "new_values": None,
         "old_valid": r["valid"], "changed_at": ts} for r in records])
    ids = [r["id"] for r in records]
    for start in range(0, len(ids), BATCH):
        conn.execute(t.records.delete().where(t.records.c.id.in_(ids[start:start + BATCH])))
    return len(ids)


def versions(conn: sa.Connection, sheet_id: str, record_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(sa.select(t.record_versions).where(
        t.record_versions.c.sheet_id == sheet_id, t.record_versions.c.record_id == record_id).order_by(t.record_versions.c.id)).all()
    return [{"version": r.version, "change": r.change, "actor": r.actor,
             "old_values": r.old_values, "new_values": r.new_values, "old_valid": r.old_valid,
             "changed_at": iso(r.changed_at)} for r in rows]

