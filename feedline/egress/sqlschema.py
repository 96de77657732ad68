"""SQL tables for a sheet: real column types, the table created when missing, the run ledger.

Field types become DATE, TIMESTAMP WITH TIME ZONE, DOUBLE PRECISION, BIGINT, BOOLEAN and
TEXT; a ``string-list`` is a TEXT[] array on PostgreSQL and JSON text elsewhere. Policy
``all`` adds ``valid`` (BOOLEAN) and ``messages`` (JSON text). The ledger table
``feedline_egress_runs`` records each committed run in the same transaction as its rows.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from feedline.blueprint import SheetSpec
from feedline.errors import ConfigError, TerminalError

IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
LEDGER = "feedline_egress_runs"


def check_table_name(name: object, where: str) -> tuple[str | None, str]:
    """``(schema, table)`` from ``table`` or ``schema.table``; plain identifiers only."""
    if not isinstance(name, str):
        raise ConfigError(f"{where}: 'table' must be a table name")
    parts = name.split(".")
    if len(parts) > 2 or not all(IDENTIFIER.match(p) for p in parts):
        raise ConfigError(f"{where}: table {name!r} must be a plain identifier (letters, digits, "
                          "_; optionally schema.table)")
    return (parts[0], parts[1]) if len(parts) == 2 else (None, parts[0])


def column_type(kind: str, dialect: str) -> sa.types.TypeEngine[Any]:
    """The SQL type of a blueprint field type (``json`` for the messages column)."""
    types: dict[str, sa.types.TypeEngine[Any]] = {
        "number": sa.Double(), "integer": sa.BigInteger(), "boolean": sa.Boolean(),
        "date": sa.Date(), "datetime": sa.DateTime(timezone=True),
    }
    if kind == "string-list" and dialect == "postgresql":
        return postgresql.ARRAY(sa.Text())
    return types.get(kind, sa.Text())


@dataclass(frozen=True)
class Columns:
    """The output columns of a sheet, in order, with their blueprint kinds."""

    names: list[str]
    kinds: list[str]

    @classmethod
    def of(cls, spec: SheetSpec, with_validity: bool) -> Columns:
        names, kinds = spec.keys, [f.type for f in spec.fields]
        if with_validity:
            names, kinds = [*names, "valid", "messages"], [*kinds, "boolean", "json"]
        return cls(list(names), list(kinds))


def ledger_table(metadata: sa.MetaData) -> sa.Table:
    return sa.Table(
        LEDGER, metadata,
        sa.Column("run_id", sa.Text, primary_key=True),
        sa.Column("table_name", sa.Text, primary_key=True),
        sa.Column("rows", sa.BigInteger, nullable=False),
        sa.Column("batches", sa.BigInteger, nullable=False),
        sa.Column("committed_at", sa.DateTime(timezone=True), nullable=False),
    )


def key_index_name(table: str, key: list[str]) -> str:
    digest = hashlib.sha256(("\0".join([table, *key])).encode()).hexdigest()[:8]
    return f"{table[:40]}_feedline_key_{digest}"


def ensure_tables(engine: sa.Engine, schema: str | None, name: str, cols: Columns,
                  key: list[str]) -> tuple[sa.Table, sa.Table]:
    """The target table (created from the blueprint when missing, else reflected and
    checked) and the ledger table (created when missing)."""
    dialect = engine.dialect.name
    metadata = sa.MetaData()
    ledger = ledger_table(metadata)
    for attempt in range(2):
        try:
            with engine.begin() as conn:
                ledger.create(conn, checkfirst=True)
                if not sa.inspect(conn).has_table(name, schema=schema):
                    table = sa.Table(name, metadata, *[
                        sa.Column(n, column_type(k, dialect)) for n, k in zip(cols.names, cols.kinds, strict=True)
                    ], schema=schema)
                    if key:
                        sa.Index(key_index_name(name, key), *[table.c[k] for k in key], unique=True)
                    table.create(conn)
                    return table, ledger
                table = sa.Table(name, metadata, schema=schema, autoload_with=conn)
                if key and not _has_unique(conn, schema, name, key):
                    raise TerminalError(
                        f"table {name} has no unique index on ({', '.join(key)}), which upsert "
                        "needs: create one, or let feedline create the table")
        except (sa.exc.IntegrityError, sa.exc.ProgrammingError, sa.exc.OperationalError):
            if attempt:  # a concurrent run created it first: look again once
                raise
            metadata = sa.MetaData()
            ledger = ledger_table(metadata)
            continue
        break
    missing = [n for n in cols.names if n not in table.c]
    if missing:
        shown = f"{schema}.{name}" if schema else name
        raise TerminalError(f"table {shown} has no column {missing[0]!r} (it has "
                            f"{', '.join(table.c.keys())})")
    return table, ledger


def _has_unique(conn: sa.Connection, schema: str | None, name: str, key: list[str]) -> bool:
    """Whether a primary key, unique constraint or unique index covers exactly ``key``."""
    inspector = sa.inspect(conn)
    wanted: set[str | None] = set(key)
    sets: list[set[str | None]] = [
        set(inspector.get_pk_constraint(name, schema=schema).get("constrained_columns") or [])]
    sets += [set(u["column_names"]) for u in inspector.get_unique_constraints(name, schema=schema)]
    sets += [set(i["column_names"]) for i in inspector.get_indexes(name, schema=schema)
             if i.get("unique")]
    return wanted in sets
