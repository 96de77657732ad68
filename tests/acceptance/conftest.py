"""Real processes: the ``feedline`` CLI and a ``feedline serve`` on a loopback port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import write_crm_feed

API_KEY = "fl_acceptance_key_42"


def feedline(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
             timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run the real ``feedline`` command."""
    return subprocess.run([sys.executable, "-m", "feedline.cli", *args], capture_output=True,
                          text=True, cwd=cwd, env={**os.environ, **(env or {})}, timeout=timeout)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def stop(proc: subprocess.Popen[Any]) -> None:
    """Stop a server process as an operator would (SIGTERM), killing it if it hangs."""
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()


@dataclass
class Server:
    url: str
    data_dir: Path
    log: Path

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30,
                            headers={"Authorization": f"Bearer {API_KEY}"})


@pytest.fixture
def server(tmp_path: Path, crm_blueprint_path: Path, database_url: str) -> Iterator[Server]:
    data_dir = tmp_path / "data"
    feed = write_crm_feed(tmp_path, crm_blueprint_path)
    port = free_port()
    log = tmp_path / "server.log"
    env = {**os.environ, "FEEDLINE_API_KEY": API_KEY, "FEEDLINE_DATABASE_URL": database_url,
           "FEEDLINE_POLL_INTERVAL": "0.05"}
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "feedline.cli", "serve", "--data-dir", str(data_dir),
             "--host", "127.0.0.1", "--port", str(port), "--feed", str(feed)],
            stdout=out, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"feedline serve did not start:\n{log.read_text()}")
        time.sleep(0.2)
    try:
        yield Server(url, data_dir, log)
    finally:
        stop(proc)
