"""The SQL destination: any SQLAlchemy URL, one transaction per run, exactly once.

    - type: sql
      url: postgresql://loader:${env:WAREHOUSE_PASSWORD}@db/warehouse
      table: staging.orders                # a plain identifier, optionally schema-qualified
      mode: upsert                         # insert | upsert | replace
      key: [order_id]                      # upsert's conflict columns

The table is created from the blueprint when missing. Every run writes its rows and a
row of ``feedline_egress_runs`` in one transaction, so a run that crashed left nothing
and a run that committed is never loaded again (``committed()`` reads that ledger).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, ClassVar

import polars as pl
import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from feedline.egress import frames
from feedline.egress.base import Delivery, RunInfo, check_batch, reserved_keys
from feedline.egress.secrets import REDACTED, REFERENCE, SecretResolver
from feedline.egress.sqlload import Loader, loader
from feedline.egress.sqlschema import (
    LEDGER,
    Columns,
    check_table_name,
    ensure_tables,
    ledger_table,
)
from feedline.errors import ConfigError, TerminalError, TransientError

KEYS = {"type", "url", "table", "mode", "key"}
MODES = ("insert", "upsert", "replace")
UPSERT_DRIVERS = {("postgresql", "psycopg"), ("sqlite", "pysqlite")}
SECRET_QUERY = ("password", "secret", "token", "key")


@dataclass(frozen=True)
class SqlDestination:
    """A configured SQL destination (see the module docstring)."""

    type: ClassVar[str] = "sql"
    url: sa.URL = field(repr=False, compare=False)
    shown_url: str
    schema: str | None
    table: str
    mode: str = "insert"
    key: tuple[str, ...] = ()
    secrets: SecretResolver = field(default_factory=SecretResolver, repr=False, compare=False)

    @property
    def qualified(self) -> str:
        return f"{self.schema}.{self.table}" if self.schema else self.table

    @classmethod
    def parse(cls, raw: dict[str, Any], where: str, secrets: SecretResolver) -> SqlDestination:
        """Check a ``{type: sql, …}`` config."""
        unknown = sorted(set(raw) - KEYS)
        if unknown:
            raise ConfigError(f"{where}: unknown setting {unknown[0]!r} (known: "
                              f"{', '.join(sorted(KEYS))})")
        url, shown = _url(raw.get("url"), where, secrets)
        schema, table = check_table_name(raw.get("table"), where)
        mode = raw.get("mode", "insert")
        if mode not in MODES:
            raise ConfigError(f"{where}: mode must be one of {', '.join(MODES)}")
        key = raw.get("key") or []
        if isinstance(key, str):
            key = [key]
        if not isinstance(key, list) or not all(isinstance(k, str) and k for k in key):
            raise ConfigError(f"{where}: key must be a list of field names")
        if mode == "upsert" and not key:
            raise ConfigError(f"{where}: mode upsert needs key: [field, …]")
        if key and mode != "upsert":
            raise ConfigError(f"{where}: key applies only to mode upsert")
        if mode == "upsert" and (url.get_backend_name(), url.get_driver_name()) not in UPSERT_DRIVERS:
            raise ConfigError(f"{where}: mode upsert works on PostgreSQL (psycopg) and SQLite, "
                              f"not {url.drivername}")
        return cls(url=url, shown_url=shown, schema=schema, table=table, mode=mode,
                   key=tuple(key), secrets=secrets)

    def describe(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "sql", "url": self.shown_url, "table": self.qualified,
                               "mode": self.mode}
        if self.key:
            out["key"] = list(self.key)
        return out

    def open(self, run: RunInfo) -> SqlRun:
        reserved_keys(run)
        cols = Columns.of(run.spec, run.with_validity)
        missing = [k for k in self.key if k not in cols.names]
        if missing:
            raise TerminalError(f"sql destination {self.qualified}: key field {missing[0]!r} is "
                                f"not a field of sheet {run.sheet!r}")
        return SqlRun(self, run, cols)


def _url(raw: object, where: str, secrets: SecretResolver) -> tuple[sa.URL, str]:
    """The resolved URL and how ``describe()`` shows it (password and secret query values
    as ``***``). References inside parts are resolved after parsing, so a password from
    ``${env:…}`` needs no URL escaping."""
    if not isinstance(raw, str) or not raw.strip():
        raise ConfigError(f"{where}: 'url' must be a SQLAlchemy URL")
    whole = REFERENCE.fullmatch(raw.strip()) is not None
    try:
        url = sa.make_url(secrets.resolve(raw, f"{where}: url") if whole else raw)
    except (sa.exc.ArgumentError, ValueError):
        raise ConfigError(f"{where}: 'url' is not a SQLAlchemy URL (driver://user@host/db)") from None
    shown = url.set(query={k: (REDACTED if any(w in k.lower() for w in SECRET_QUERY) else v)
                           for k, v in url.query.items()})
    if not whole:
        part = f"{where}: url"
        url = url.set(
            username=secrets.resolve(url.username, part) if url.username else None,
            password=secrets.secret(url.password, part) if url.password else None,
            host=secrets.resolve(url.host, part) if url.host else None,
            database=secrets.resolve(url.database, part) if url.database else None,
            query={k: (secrets.secret if any(w in k.lower() for w in SECRET_QUERY)
                       else secrets.resolve)(v, part) if isinstance(v, str) else v
                   for k, v in url.query.items()})
    elif url.password:
        secrets.remember(url.password)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url, shown.render_as_string(hide_password=True).replace("%2A%2A%2A", REDACTED)


class SqlRun:
    """One run's transaction against the destination database."""

    def __init__(self, dest: SqlDestination, run: RunInfo, cols: Columns) -> None:
        self.dest, self.run, self.cols = dest, run, cols
        args = {"timeout": 30} if dest.url.get_backend_name() == "sqlite" else {}
        try:
            self.engine = sa.create_engine(dest.url, poolclass=NullPool, connect_args=args)
        except (ImportError, sa.exc.ArgumentError) as exc:
            raise TerminalError(f"sql destination {dest.qualified}: cannot use "
                                f"{dest.url.drivername}: {dest.secrets.scrub(str(exc))}") from None
        self.location = f"{dest.shown_url}#{dest.qualified}"
        self.conn: sa.Connection | None = None
        self.tx: sa.RootTransaction | None = None
        self.loader: Loader | None = None
        self.ledger: sa.Table | None = None
        self.rows = self.batches = 0

    def committed(self) -> Delivery | None:
        try:
            with self.engine.connect() as conn:
                if not sa.inspect(conn).has_table(LEDGER):
                    return None
                return self._lookup(conn)
        except sa.exc.SQLAlchemyError as exc:
            raise self._fail(exc) from None

    def _lookup(self, conn: sa.Connection) -> Delivery | None:
        ledger = self.ledger if self.ledger is not None else ledger_table(sa.MetaData())
        row = conn.execute(sa.select(ledger.c.rows, ledger.c.batches).where(
            ledger.c.run_id == self.run.run_id, ledger.c.table_name == self.dest.qualified)).first()
        if row is None:
            return None
        return Delivery(destination="sql", location=self.location, rows=row[0], batches=row[1],
                        run_id=self.run.run_id)

    def _begin(self) -> tuple[sa.Connection, Loader]:
        if self.conn is None or self.loader is None:
            table, self.ledger = ensure_tables(
                self.engine, self.dest.schema, self.dest.table, self.cols,
                list(self.dest.key) if self.dest.mode == "upsert" else [])
            self.conn = self.engine.connect()
            self.tx = self.conn.begin()
            if self.dest.mode == "replace":
                self.conn.execute(table.delete())
            self.loader = loader(self.conn, table, self.cols,
                                 list(self.dest.key) if self.dest.mode == "upsert" else [])
        return self.conn, self.loader

    def write(self, batch: pl.DataFrame) -> None:
        check_batch(batch, self.run)
        if batch.height == 0:
            return
        try:
            _, load = self._begin()
            load.write(frames.values(batch, self.run.spec, self.run.with_validity))
        except sa.exc.SQLAlchemyError as exc:
            self.abort()
            raise self._fail(exc) from None
        self.rows += batch.height
        self.batches += 1

    def commit(self) -> Delivery:
        try:
            conn, load = self._begin()
            done = self._lookup(conn)
            if done is not None:
                self.abort()
                return done
            load.finish()
            assert self.ledger is not None and self.tx is not None
            conn.execute(self.ledger.insert().values(
                run_id=self.run.run_id, table_name=self.dest.qualified, rows=self.rows,
                batches=self.batches, committed_at=datetime.now(UTC)))
            self.tx.commit()
        except sa.exc.IntegrityError as exc:
            self.abort()
            done = self.committed()  # a concurrent attempt of this run committed first
            if done is not None:
                return done
            raise self._fail(exc) from None
        except sa.exc.SQLAlchemyError as exc:
            self.abort()
            raise self._fail(exc) from None
        self._close()
        return Delivery(destination="sql", location=self.location, rows=self.rows,
                        batches=self.batches, run_id=self.run.run_id)

    def abort(self) -> None:
        if self.tx is not None and self.tx.is_active:
            with contextlib.suppress(sa.exc.SQLAlchemyError):  # a lost connection lost it too
                self.tx.rollback()
        self._close()

    def _close(self) -> None:
        if self.conn is not None:
            self.conn.close()
        self.conn = self.tx = self.loader = None
        self.engine.dispose()

    def _fail(self, exc: sa.exc.SQLAlchemyError) -> Exception:
        """A one-line error without SQL, parameters or secrets; transient when the
        database was unreachable or busy."""
        orig = getattr(exc, "orig", None) or exc
        text = (str(orig).strip().splitlines() or [type(orig).__name__])[0]
        text = self.dest.secrets.scrub(text)
        message = f"sql destination {self.dest.qualified}: {text}"
        if isinstance(exc, sa.exc.OperationalError | sa.exc.InterfaceError | sa.exc.TimeoutError) \
                or getattr(exc, "connection_invalidated", False):
            return TransientError(message)
        return TerminalError(message)
