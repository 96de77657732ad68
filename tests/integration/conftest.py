"""An in-process feedline on a fresh database, driven step by step (no threads)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from feedline.api import create_app
from feedline.app import Feedline
from feedline.events.dispatch import Dispatcher
from feedline.feeds import load_feed
from feedline.jobs.worker import Worker
from feedline.settings import Settings
from feedline.store import repo
from tests.conftest import write_crm_feed

API_KEY = "fl_test_key_0123456789"


@pytest.fixture
def app(database_url: str, tmp_path: Path, crm_blueprint_path: Path) -> Iterator[Feedline]:
    settings = Settings(data_dir=tmp_path / "data", database_url=database_url,
                        poll_interval=0.01, lease_seconds=30)
    feed = load_feed(write_crm_feed(tmp_path, crm_blueprint_path))
    fl = Feedline(settings, [feed])
    with fl.begin() as conn:
        repo.create_api_key(conn, fl.environment_id, API_KEY)
    yield fl
    fl.close()


def drain(app: Feedline, limit: int = 200) -> int:
    """Deliver events and run jobs until nothing is left; returns the steps taken."""
    dispatcher, worker = Dispatcher(app), Worker(app, name="test-worker")
    for steps in range(limit):
        delivered = dispatcher.run_once()
        ran = worker.run_once()
        if not delivered and not ran:
            return steps
    raise AssertionError(f"pipeline did not settle within {limit} steps")


@pytest.fixture
def client(app: Feedline) -> Iterator[TestClient]:
    with TestClient(create_app(app, run_workers=False),
                    headers={"Authorization": f"Bearer {API_KEY}"}) as c:
        yield c
