"""Shared test helpers: the ../shared folder, generated partner fixtures, databases."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
# Name tables the tests' processes build are kept apart from the user's cache.
os.environ.setdefault("FEEDLINE_CACHE_DIR", tempfile.mkdtemp(prefix="feedline-test-cache-"))

# The fixture manifest's injected error kinds and the message type that reports each.
KIND_TO_TYPE = {
    "invalid_email": "pattern",
    "missing_required": "required",
    "duplicate_unique": "unique",
    "invalid_date": "invalid-date",
    "invalid_enum": "invalid-option",
    "negative_value": "min",
    "below_min": "min",
}


def shared_dir() -> Path:
    """The project's ``shared/`` folder beside the repo; in CI a missing one fails the test."""
    path = REPO.parent / "shared"
    if not path.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: CI must provide shared/ beside the repo")
        pytest.skip(f"{path} not present")
    return path


@pytest.fixture(scope="session")
def shared() -> Path:
    return shared_dir()


@pytest.fixture(scope="session")
def crm_blueprint_path(shared: Path) -> Path:
    return shared / "fixtures" / "blueprints" / "crm.yaml"


@pytest.fixture(scope="session")
def partner_fixtures(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """Generated partner deliveries (``--rows 120``) and their manifest."""
    out = tmp_path_factory.mktemp("fixtures")
    subprocess.run(
        [sys.executable, str(shared / "fixtures" / "make_fixtures.py"), str(out), "--rows", "120"],
        check=True,
        capture_output=True,
    )
    return out, json.loads((out / "manifest.json").read_text(encoding="utf-8"))


# -- databases ----------------------------------------------------------------------------

def postgres_base_url() -> str:
    """The Postgres URL CI provides; outside CI the Postgres variants skip without it."""
    url = os.environ.get("FEEDLINE_TEST_DATABASE_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("FEEDLINE_TEST_DATABASE_URL is not set: CI must test on PostgreSQL")
        pytest.skip("FEEDLINE_TEST_DATABASE_URL not set")
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    """A fresh, empty database per test: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'feedline.db'}"
        return
    import uuid

    import sqlalchemy as sa

    from feedline.settings import Settings

    base = postgres_base_url()
    admin_url = Settings(database_url=base).resolved_database_url
    name = "fl_test_" + uuid.uuid4().hex[:12]
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sa.make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def write_crm_feed(folder: Path, blueprint: Path, **overrides: Any) -> Path:
    """A feed config for the shared CRM blueprint with file egress."""
    import yaml

    feed = {
        "name": "crm",
        "blueprint": str(blueprint),
        "routes": [
            {"match": "*contacts*", "sheet": "contacts"},
            {"match": "*kontakte*", "sheet": "contacts"},
            {"match": "*orders*", "sheet": "orders"},
            {"match": "*accounts*", "sheet": "accounts"},
        ],
        "automap": {"accuracy": "confident"},
        "egress": {"policy": "valid-only",
                   "destinations": [{"type": "file", "path": "out/{space}/{sheet}/{file}.csv"}]},
    }
    feed.update(overrides)
    path = folder / "crm-feed.yaml"
    path.write_text(yaml.safe_dump(feed), encoding="utf-8")
    return path


def manifest_entry(manifest: dict[str, Any], partner: str, delivery: str) -> dict[str, Any]:
    """The manifest's description of one partner delivery."""
    return next(f for f in manifest["files"] if f["partner"] == partner and f["delivery"] == delivery)


@pytest.fixture(scope="session")
def s3_server() -> Any:
    """A local S3-compatible server (moto) on 127.0.0.1 with an ephemeral port:
    ``{"endpoint_url", "key", "secret"}`` (fsspec's storage options)."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield {"endpoint_url": f"http://{host}:{port}", "key": "testing", "secret": "testing"}
    server.stop()


@pytest.fixture
def s3_bucket(s3_server: dict[str, str]) -> Any:
    """A fresh bucket on the local S3 server: ``(name, storage options)``."""
    import uuid

    import s3fs

    name = f"feedline-{uuid.uuid4().hex[:12]}"
    fs = s3fs.S3FileSystem(**s3_server, skip_instance_cache=True)
    fs.mkdir(name)
    yield name, dict(s3_server)
