"""Bulk loads into a SQL table inside the run's transaction.

PostgreSQL gets ``COPY … FROM STDIN (FORMAT csv)`` with cells built by Polars (an upsert
copies into a temp stage, then one ``INSERT … SELECT … ON CONFLICT``); SQLite gets one
``executemany`` per batch with values already in SQLAlchemy's storage format; any other
database goes through SQLAlchemy's ``executemany``.
"""

from __future__ import annotations

import io
import uuid
from typing import Any, Protocol

import polars as pl
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from feedline.egress import frames
from feedline.egress.sqlschema import Columns


class Loader(Protocol):
    def write(self, frame: pl.DataFrame) -> None: ...

    def finish(self) -> None: ...


def _q(conn: sa.Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote(name)


def _table(conn: sa.Connection, table: sa.Table) -> str:
    return conn.dialect.identifier_preparer.format_table(table)


def _json_lists(frame: pl.DataFrame, cols: Columns, arrays: set[str]) -> pl.DataFrame:
    """Lists that are not array columns, and messages, as JSON text."""
    changes = [frames.json_text(n) for n, k in zip(cols.names, cols.kinds, strict=True)
               if (k == "string-list" and n not in arrays) or k == "json"]
    return frame.with_columns(changes) if changes else frame


def pg_array(column: str) -> pl.Expr:
    """A list column as PostgreSQL array literals (``{"a","b \\"q\\""}``)."""
    el = pl.element()
    quoted = (pl.lit('"') + el.str.replace_all("\\", "\\\\", literal=True)
              .str.replace_all('"', '\\"', literal=True) + pl.lit('"'))
    inner = pl.col(column).list.eval(
        pl.when(el.is_null()).then(pl.lit("NULL")).otherwise(quoted)).list.join(",")
    return (pl.when(pl.col(column).is_null()).then(None)
            .otherwise(pl.lit("{") + inner + pl.lit("}")).alias(column))


def pg_csv(frame: pl.DataFrame, cols: Columns, arrays: set[str]) -> bytes:
    """The frame as CSV for ``COPY … (FORMAT csv)``: nulls unquoted-empty, ``""`` empty text."""
    frame = _json_lists(frame, cols, arrays)
    changes = [pg_array(n) for n in arrays]
    changes += [frames.iso_datetime(pl.col(n)).alias(n)
                for n, k in zip(cols.names, cols.kinds, strict=True) if k == "datetime"]
    if changes:
        frame = frame.with_columns(changes)
    buf = io.BytesIO()
    frame.write_csv(buf, include_header=False)
    return buf.getvalue()


def array_columns(table: sa.Table, cols: Columns) -> set[str]:
    """The string-list columns the table stores as arrays (others get JSON text)."""
    return {n for n, k in zip(cols.names, cols.kinds, strict=True)
            if k == "string-list" and isinstance(table.c[n].type, sa.ARRAY | postgresql.ARRAY)}


class PgCopyLoader:
    """COPY each batch straight into the table (insert and replace)."""

    def __init__(self, conn: sa.Connection, table: sa.Table, cols: Columns) -> None:
        self.conn, self.cols = conn, cols
        self.arrays = array_columns(table, cols)
        names = ", ".join(_q(conn, n) for n in cols.names)
        self.sql = f"COPY {_table(conn, table)} ({names}) FROM STDIN (FORMAT csv)"

    def _copy(self, sql: str, frame: pl.DataFrame) -> None:
        driver = self.conn.connection.driver_connection
        assert driver is not None
        with driver.cursor() as cur, cur.copy(sql) as copy:
            copy.write(pg_csv(frame, self.cols, self.arrays))

    def write(self, frame: pl.DataFrame) -> None:
        self._copy(self.sql, frame)

    def finish(self) -> None:
        """Every batch is already in."""


class PgUpsertLoader(PgCopyLoader):
    """COPY into a temp stage; at the end one INSERT … ON CONFLICT (last record wins)."""

    def __init__(self, conn: sa.Connection, table: sa.Table, cols: Columns, key: list[str]) -> None:
        super().__init__(conn, table, cols)
        self.target, self.key = _table(conn, table), key
        self.stage = _q(conn, f"feedline_stage_{uuid.uuid4().hex[:12]}")
        names = ", ".join(_q(conn, n) for n in cols.names)
        conn.exec_driver_sql(f"CREATE TEMP TABLE {self.stage} ON COMMIT DROP AS "
                             f"SELECT {names} FROM {self.target} WITH NO DATA")
        conn.exec_driver_sql(f"ALTER TABLE {self.stage} ADD COLUMN _feedline_ord BIGSERIAL")
        self.sql = f"COPY {self.stage} ({names}) FROM STDIN (FORMAT csv)"

    def finish(self) -> None:
        q = self.conn
        names = ", ".join(_q(q, n) for n in self.cols.names)
        keys = ", ".join(_q(q, k) for k in self.key)
        null_key = " OR ".join(f"{_q(q, k)} IS NULL" for k in self.key)
        rest = [n for n in self.cols.names if n not in self.key]
        action = ("DO UPDATE SET " + ", ".join(f"{_q(q, n)} = EXCLUDED.{_q(q, n)}" for n in rest)
                  if rest else "DO NOTHING")
        q.exec_driver_sql(
            f"INSERT INTO {self.target} ({names}) SELECT {names} FROM ("
            f"SELECT DISTINCT ON ({keys}) {names}, _feedline_ord FROM {self.stage} "
            f"WHERE NOT ({null_key}) ORDER BY {keys}, _feedline_ord DESC) AS latest "
            f"ORDER BY _feedline_ord ON CONFLICT ({keys}) {action}")
        # A record without a key cannot match one: it is added as it is.
        q.exec_driver_sql(f"INSERT INTO {self.target} ({names}) SELECT {names} FROM "
                          f"{self.stage} WHERE {null_key} ORDER BY _feedline_ord")


class SqliteLoader:
    """executemany with dates, datetimes and lists already as SQLAlchemy stores them."""

    def __init__(self, conn: sa.Connection, table: sa.Table, cols: Columns, key: list[str]) -> None:
        self.conn, self.cols = conn, cols
        names = ", ".join(_q(conn, n) for n in cols.names)
        marks = ", ".join("?" for _ in cols.names)
        sql = f"INSERT INTO {_table(conn, table)} ({names}) VALUES ({marks})"
        if key:
            rest = [n for n in cols.names if n not in key]
            action = ("DO UPDATE SET " + ", ".join(f"{_q(conn, n)} = excluded.{_q(conn, n)}"
                                                   for n in rest) if rest else "DO NOTHING")
            sql += f" ON CONFLICT ({', '.join(_q(conn, k) for k in key)}) {action}"
        self.sql = sql

    def write(self, frame: pl.DataFrame) -> None:
        frame = _json_lists(frame, self.cols, set())
        changes = []
        for n, k in zip(self.cols.names, self.cols.kinds, strict=True):
            if k == "date":
                changes.append(pl.col(n).dt.to_string("%Y-%m-%d"))
            elif k == "datetime":
                changes.append(pl.col(n).dt.to_string("%Y-%m-%d %H:%M:%S%.6f"))
        if changes:
            frame = frame.with_columns(changes)
        self.conn.exec_driver_sql(self.sql, frame.rows())

    def finish(self) -> None:
        """Every batch is already in."""


class GenericLoader:
    """SQLAlchemy executemany (any other database); upsert is refused before we get here."""

    def __init__(self, conn: sa.Connection, table: sa.Table, cols: Columns) -> None:
        self.conn, self.table, self.cols = conn, table, cols
        self.arrays = array_columns(table, cols)

    def write(self, frame: pl.DataFrame) -> None:
        rows: list[dict[str, Any]] = _json_lists(frame, self.cols, self.arrays).to_dicts()
        self.conn.execute(self.table.insert(), rows)

    def finish(self) -> None:
        """Every batch is already in."""


def loader(conn: sa.Connection, table: sa.Table, cols: Columns, key: list[str]) -> Loader:
    """The bulk loader for this connection's database (``key`` given only for upsert)."""
    dialect = conn.dialect.name
    if dialect == "postgresql" and conn.dialect.driver == "psycopg":
        return PgUpsertLoader(conn, table, cols, key) if key else PgCopyLoader(conn, table, cols)
    if dialect == "sqlite":
        return SqliteLoader(conn, table, cols, key)
    return GenericLoader(conn, table, cols)
