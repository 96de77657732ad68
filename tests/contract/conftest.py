"""Fixtures of the destination contract suite: a target per destination, real servers."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from feedline.egress.secrets import SecretResolver
from tests.conftest import postgres_base_url
from tests.contract import receiver as hooks
from tests.contract.targets import (
    HOOK_SECRET,
    S3_BUCKET,
    S3_ENV,
    FileTarget,
    S3Target,
    SqlTarget,
    Target,
    WebhookTarget,
)

ENV = {**S3_ENV, "FEEDLINE_TEST_HOOK": HOOK_SECRET}

TARGETS = [
    "csv", "csv-replace", "csv-append", "jsonl", "jsonl-append", "parquet", "xlsx", "s3-csv",
    "sqlite", "sqlite-upsert", "sqlite-replace",
    pytest.param("postgres", marks=pytest.mark.postgres),
    pytest.param("postgres-upsert", marks=pytest.mark.postgres),
    "webhook",
]


@pytest.fixture
def secrets() -> SecretResolver:
    """Secret references resolve from the test's own variables."""
    return SecretResolver(env=ENV)


@pytest.fixture
def subprocess_env() -> dict[str, str]:
    return {**os.environ, **ENV}


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    """moto's S3 server on 127.0.0.1 with an ephemeral port, and the contract bucket."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    import s3fs

    fs = s3fs.S3FileSystem(endpoint_url=endpoint, key=S3_ENV["FEEDLINE_TEST_S3_KEY"],
                           secret=S3_ENV["FEEDLINE_TEST_S3_SECRET"], skip_instance_cache=True)
    fs.mkdir(S3_BUCKET)
    yield endpoint
    server.stop()


@pytest.fixture
def receiver() -> Iterator[hooks.Receiver]:
    r = hooks.start(HOOK_SECRET)
    yield r
    hooks.stop(r)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database (skips without FEEDLINE_TEST_DATABASE_URL)."""
    base = sa.make_url(postgres_base_url()).set(drivername="postgresql+psycopg")
    name = "fl_egress_" + uuid.uuid4().hex[:12]
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield base.set(drivername="postgresql", database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def make_target(kind: str, root: Path, request: pytest.FixtureRequest) -> Target:
    """The target ``kind`` writing under ``root`` (servers and databases from fixtures)."""
    if kind in ("csv", "jsonl", "parquet", "xlsx"):
        return FileTarget(kind, root, format=kind, lossy_empty_text=kind == "xlsx")
    if kind.endswith(("-replace", "-append")) and kind.split("-")[0] in ("csv", "jsonl"):
        fmt, mode = kind.split("-")
        return FileTarget(kind, root, format=fmt, mode=mode)
    if kind == "s3-csv":
        endpoint: str = request.getfixturevalue("moto_endpoint")
        return S3Target(f"{kind}-{uuid.uuid4().hex[:8]}", root, endpoint=endpoint)
    if kind.startswith("sqlite"):
        mode = kind.split("-")[1] if "-" in kind else "insert"
        return SqlTarget(kind, root, url=f"sqlite:///{root / 'dest.db'}", mode=mode)
    if kind.startswith("postgres"):
        mode = kind.split("-")[1] if "-" in kind else "insert"
        return SqlTarget(kind, root, url=request.getfixturevalue("pg_url"), mode=mode)
    assert kind == "webhook"
    return WebhookTarget(kind, root, receiver=request.getfixturevalue("receiver"))


@pytest.fixture(params=TARGETS)
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Target:
    root = tmp_path / "data"
    root.mkdir()
    return make_target(request.param, root, request)
