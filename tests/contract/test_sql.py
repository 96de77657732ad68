"""SQL destination specifics on real SQLite and PostgreSQL: types, modes, ledger, errors."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polars as pl
import pytest
import sqlalchemy as sa

from feedline.egress.base import Delivery
from feedline.egress.registry import parse_destination
from feedline.egress.runstate import ListDeadLetters, MemoryRunState
from feedline.egress.secrets import SecretResolver
from feedline.errors import ConfigError, TerminalError, TransientError
from tests.contract.data import batches, run_info


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'dest.db'}"
    else:
        yield request.getfixturevalue("pg_url")


def engine_of(url: str) -> sa.Engine:
    return sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))


def load(url: str, frames: list[pl.DataFrame], *, run_id: str = "r1", mode: str = "insert",
         table: str = "orders", key: list[str] | None = None, policy: str = "valid-only",
         secrets: SecretResolver | None = None) -> Delivery:
    raw: dict[str, Any] = {"type": "sql", "url": url, "table": table, "mode": mode}
    if key:
        raw["key"] = key
    dest = parse_destination(raw, "destination #1", secrets)
    run = dest.open(run_info(run_id, Path("."), MemoryRunState(), ListDeadLetters(), policy=policy))
    for frame in frames:
        run.write(frame)
    return run.commit()


def rows(url: str, sql: str) -> list[tuple[Any, ...]]:
    engine = engine_of(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.exec_driver_sql(sql).all()]
    finally:
        engine.dispose()


def test_a_missing_table_is_created_with_real_types(db_url: str) -> None:
    load(db_url, batches(10, 10, "all"), policy="all")
    engine = engine_of(db_url)
    try:
        with engine.connect() as conn:
            columns = {c["name"]: c["type"] for c in sa.inspect(conn).get_columns("orders")}
    finally:
        engine.dispose()
    kinds = {name: type(t).__name__.upper() for name, t in columns.items()}
    assert list(columns) == ["code", "name", "amount", "qty", "active", "day", "at", "tags",
                             "kind", "valid", "messages"]
    assert kinds["qty"] == "BIGINT" and kinds["active"] == "BOOLEAN" and kinds["day"] == "DATE"
    assert kinds["amount"] in ("DOUBLE", "DOUBLE_PRECISION")
    assert kinds["messages"] == "TEXT" and kinds["code"] == "TEXT"
    if db_url.startswith("postgresql"):
        assert kinds["at"] == "TIMESTAMP" and columns["at"].timezone  # type: ignore[attr-defined]
        assert kinds["tags"] == "ARRAY"
        assert rows(db_url, "SELECT tags FROM orders WHERE code = 'R000003'") == [(["ü", "x y"],)]
    else:
        assert kinds["at"] == "DATETIME" and kinds["tags"] == "TEXT"
        [(tags,)] = rows(db_url, "SELECT tags FROM orders WHERE code = 'R000003'")
        assert json.loads(tags) == ["ü", "x y"]


def test_upsert_inserts_new_keys_and_updates_known_ones(db_url: str) -> None:
    load(db_url, batches(50, 20), mode="upsert", key=["code"], run_id="r1")
    changed = batches(50, 25, start=25)  # R000026 … R000075
    changed = [f.with_columns(pl.lit("second run").alias("name")) for f in changed]
    # the same key twice within one run: the later record wins
    dup = changed[0].head(1).with_columns(pl.lit("latest").alias("name"))
    delivery = load(db_url, [*changed, dup], mode="upsert", key=["code"], run_id="r2")
    assert delivery.rows == 51
    got = dict(rows(db_url, "SELECT code, name FROM orders"))
    assert len(got) == 75
    assert got["R000025"] != "second run" and got["R000027"] == "second run"
    assert got["R000026"] == "latest"
    engine = engine_of(db_url)
    try:
        with engine.connect() as conn:
            indexes = sa.inspect(conn).get_indexes("orders")
    finally:
        engine.dispose()
    assert any(i["unique"] and i["column_names"] == ["code"] for i in indexes)


def test_replace_swaps_all_rows_in_one_transaction(db_url: str) -> None:
    load(db_url, batches(30, 10), mode="replace", run_id="r1")
    load(db_url, batches(5, 10, start=100), mode="replace", run_id="r2")
    assert [r[0] for r in rows(db_url, "SELECT code FROM orders ORDER BY code")] == \
        [f"R{i:06d}" for i in range(101, 106)]
    load(db_url, [], mode="replace", run_id="r3")
    assert rows(db_url, "SELECT count(*) FROM orders") == [(0,)]


def test_each_committed_run_has_a_ledger_row(db_url: str) -> None:
    load(db_url, batches(30, 10), run_id="r1")
    load(db_url, [], run_id="r-empty")
    ledger = rows(db_url, "SELECT run_id, table_name, rows, batches FROM feedline_egress_runs "
                          "ORDER BY run_id")
    assert ledger == [("r-empty", "orders", 0, 0), ("r1", "orders", 30, 3)]


def test_an_existing_table_must_have_every_field(db_url: str) -> None:
    engine = engine_of(db_url)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE orders (code TEXT, name TEXT)")
    finally:
        engine.dispose()
    with pytest.raises(TerminalError, match=r"table orders has no column 'amount'"):
        load(db_url, batches(3, 3))
    with pytest.raises(TerminalError, match=r"no unique index on \(code\)"):
        load(db_url, batches(3, 3), mode="upsert", key=["code"], table="orders")


def test_a_key_that_is_not_a_field_is_refused(db_url: str) -> None:
    with pytest.raises(TerminalError, match="key field 'nope' is not a field"):
        load(db_url, batches(3, 3), mode="upsert", key=["nope"])


@pytest.mark.parametrize("table", ["orders; drop table x", "a.b.c", "1orders", "or-ders",
                                   '"orders"', "x" * 64])
def test_table_names_must_be_plain_identifiers(table: str) -> None:
    with pytest.raises(ConfigError, match=r"destination #1: table .* must be a plain identifier"):
        parse_destination({"type": "sql", "url": "sqlite://", "table": table}, "destination #1")


def test_a_schema_qualified_table(pg_url: str) -> None:
    engine = engine_of(pg_url)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE SCHEMA staging")
    finally:
        engine.dispose()
    load(pg_url, batches(7, 7), table="staging.orders")
    assert rows(pg_url, "SELECT count(*) FROM staging.orders") == [(7,)]
    assert rows(pg_url, "SELECT table_name FROM feedline_egress_runs") == [("staging.orders",)]


def test_the_password_stays_out_of_describe_and_errors(tmp_path: Path) -> None:
    secrets = SecretResolver(env={"WAREHOUSE_PW": "pw-#@/very-secret"})
    raw = {"type": "sql", "url": "postgresql://loader:${env:WAREHOUSE_PW}@127.0.0.1:9/warehouse",
           "table": "orders"}
    dest = parse_destination(raw, "destination #1", secrets)
    assert "very-secret" not in json.dumps(dest.describe())
    assert dest.describe()["url"] == "postgresql://loader:***@127.0.0.1:9/warehouse"
    run = dest.open(run_info("r1", tmp_path, MemoryRunState(), ListDeadLetters()))
    with pytest.raises(TransientError) as err:  # nobody listens on port 9: retry later
        run.write(batches(3, 3)[0])
    assert "very-secret" not in str(err.value) and "\n" not in str(err.value)
    assert str(err.value).startswith("sql destination orders: ")


def test_a_password_from_env_reaches_the_database(pg_url: str) -> None:
    url = sa.make_url(pg_url)
    secrets = SecretResolver(env={"PGPW": "any:thing@/#"})  # needs no URL escaping
    templated = url.set(password="${env:PGPW}").render_as_string(hide_password=False)
    templated = templated.replace("%24%7Benv%3APGPW%7D", "${env:PGPW}")
    delivery = load(templated, batches(4, 4), secrets=secrets)
    assert delivery.rows == 4 and "any:thing" not in delivery.location
