"""Several real feedline processes on one database: an API-only ``feedline serve`` and
``feedline worker`` processes, started, killed and restarted by the tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.acceptance.conftest import API_KEY, free_port


@dataclass
class Cluster:
    """Processes sharing one database and one blob folder."""

    root: Path
    database_url: str
    feed: Path
    env: dict[str, str]
    url: str = ""
    procs: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def _spawn(self, name: str, args: list[str]) -> subprocess.Popen[bytes]:
        with (self.root / f"{name}.log").open("ab") as log:  # the child keeps its own handle
            proc = subprocess.Popen([sys.executable, "-m", "feedline.cli", *args],
                                    stdout=log, stderr=subprocess.STDOUT, env=self.env)
        self.procs[name] = proc
        return proc

    def serve(self, workers: int = 0) -> None:
        port = free_port()
        self._spawn("serve", ["serve", "--data-dir", str(self.root / "data"), "--host",
                              "127.0.0.1", "--port", str(port), "--feed", str(self.feed),
                              "--workers", str(workers)])
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{self.url}/readyz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if self.procs["serve"].poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"feedline serve did not start:\n{self.log('serve')}")
            time.sleep(0.2)

    def worker(self, name: str, threads: int = 1) -> int:
        proc = self._spawn(name, ["worker", "--data-dir", str(self.root / "data"), "--feed",
                                  str(self.feed), "--workers", str(threads)])
        return proc.pid

    def kill(self, name: str) -> None:
        proc = self.procs.pop(name)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)

    def log(self, name: str) -> str:
        path = self.root / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=60,
                            headers={"Authorization": f"Bearer {API_KEY}"})

    def stop(self) -> None:
        for proc in self.procs.values():
            proc.terminate()
        for proc in self.procs.values():
            try:
                proc.wait(timeout=40)
            except subprocess.TimeoutExpired:
                proc.kill()
        self.procs.clear()


def cluster_env(database_url: str, **extra: str) -> dict[str, str]:
    return {**os.environ, "FEEDLINE_API_KEY": API_KEY, "FEEDLINE_DATABASE_URL": database_url,
            "FEEDLINE_POLL_INTERVAL": "1", "FEEDLINE_LEASE_SECONDS": "4", **extra}


@pytest.fixture
def make_cluster(tmp_path: Path) -> Iterator[Any]:
    made: list[Cluster] = []

    def make(database_url: str, feed: Path, **env: str) -> Cluster:
        cluster = Cluster(tmp_path, database_url, feed, cluster_env(database_url, **env))
        made.append(cluster)
        return cluster

    yield make
    for cluster in made:
        cluster.stop()
