"""Webhook specifics against a real HTTP receiver on loopback: retries, keys, signatures."""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from feedline.egress.registry import parse_destination
from feedline.egress.runstate import ListDeadLetters, MemoryRunState
from feedline.egress.secrets import SecretResolver
from tests.conftest import REPO
from tests.contract.data import batches, run_info
from tests.contract.receiver import Receiver
from tests.contract.targets import HOOK_SECRET


def recipe() -> dict[str, Any]:
    """The receiver recipe exactly as docs/egress.md prints it, loaded as code."""
    text = (REPO / "docs" / "egress.md").read_text(encoding="utf-8")
    code = re.search(r"<!-- recipe:verify -->\s*```python\n(.*?)```", text, re.S)
    assert code, "docs/egress.md lost its receiver recipe"
    scope: dict[str, Any] = {}
    exec(code.group(1), scope)
    return scope


def hook(receiver: Receiver | str, tmp_path: Path, **settings: Any) -> tuple[Any, ListDeadLetters]:
    url = receiver if isinstance(receiver, str) else receiver.url
    run_id = settings.pop("run_id", "run-hook")
    raw = {"type": "webhook", "url": url, "secret": "${env:HOOK}", "batch_size": 50,
           "backoff": 0.01, "max_backoff": 0.05, "timeout": 2, **settings}
    dest = parse_destination(raw, "destination #1", SecretResolver(env={"HOOK": HOOK_SECRET}))
    letters = ListDeadLetters()
    info = run_info(run_id, tmp_path, MemoryRunState(), letters)
    return dest.open(info), letters


def test_server_errors_are_retried_with_the_same_key_and_accepted_once(
        receiver: Receiver, tmp_path: Path) -> None:
    receiver.script.extend([500, 500, 200])
    run, letters = hook(receiver, tmp_path)
    run.write(batches(30, 30)[0])
    delivery = run.commit()
    assert [r.status for r in receiver.requests] == [500, 500, 200]
    assert {r.key for r in receiver.requests} == {"run-hook-0"}
    assert len({r.body for r in receiver.requests}) == 1  # the same bytes each attempt
    assert len(receiver.accepted) == 1 and len(receiver.records()) == 30
    assert delivery.rows == 30 and delivery.batches == 1 and delivery.dead_letters == 0
    assert letters.letters == []
    verify = recipe()["verify"]
    for r in receiver.requests:
        headers = {"X-Feedline-Timestamp": r.timestamp, "X-Feedline-Signature": r.signature}
        assert verify(HOOK_SECRET, headers, r.body)
        assert not verify("another secret", headers, r.body)
        assert not verify(HOOK_SECRET, headers, r.body.replace(b"R000001", b"R000666"))
        assert abs(int(r.timestamp) - time.time()) < 60


def test_the_signature_also_verifies_with_openssl(receiver: Receiver, tmp_path: Path) -> None:
    if shutil.which("openssl") is None:
        pytest.skip("openssl not installed")
    run, _ = hook(receiver, tmp_path)
    run.write(batches(5, 5)[0])
    run.commit()
    sent = receiver.requests[0]
    body = tmp_path / "body.json"
    body.write_bytes(sent.body)
    out = subprocess.run(
        ["sh", "-c", "printf '%s.' \"$TIMESTAMP\" | cat - body.json | "
                     "openssl dgst -sha256 -hmac \"$SECRET\" -hex"],
        cwd=tmp_path, env={"TIMESTAMP": sent.timestamp, "SECRET": HOOK_SECRET,
                           "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, check=True).stdout
    assert "sha256=" + out.split()[-1] == sent.signature


def test_a_refused_batch_is_not_retried_and_goes_to_the_dead_letters(
        receiver: Receiver, tmp_path: Path) -> None:
    receiver.script.extend([200, 422])
    run, letters = hook(receiver, tmp_path)
    for frame in batches(130, 40):
        run.write(frame)
    delivery = run.commit()
    assert [r.status for r in receiver.requests] == [200, 422, 200]  # batch 1 tried once
    assert delivery.batches == 3 and delivery.dead_letters == 1 and delivery.rows == 80
    [letter] = letters.letters
    assert (letter.batch, letter.idempotency_key, letter.records) == (1, "run-hook-1", 50)
    assert letter.error.startswith("HTTP 422")
    assert letter.payload == receiver.requests[1].body
    assert json.loads(letter.payload)["records"][0]["values"]["code"] == "R000051"


@pytest.mark.parametrize("status", [408, 429, 503])
def test_retryable_statuses_give_up_after_max_attempts(receiver: Receiver, tmp_path: Path,
                                                       status: int) -> None:
    receiver.script.extend([status] * 3)
    run, letters = hook(receiver, tmp_path, max_attempts=3)
    run.write(batches(10, 10)[0])
    delivery = run.commit()
    assert [r.status for r in receiver.requests] == [status] * 3
    assert delivery.dead_letters == 1 and delivery.rows == 0
    assert letters.letters[0].error.endswith("(after 3 attempts)")


def test_a_timeout_is_retried(receiver: Receiver, tmp_path: Path) -> None:
    receiver.delays.append(1.0)
    run, letters = hook(receiver, tmp_path, timeout=0.3)
    run.write(batches(10, 10)[0])
    delivery = run.commit()
    assert len(receiver.requests) == 2 and receiver.requests[1].status == 200
    assert delivery.rows == 10 and letters.letters == []


def test_a_connection_error_is_retried_then_dead_lettered(tmp_path: Path) -> None:
    with socket.socket() as s:  # a loopback port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    run, letters = hook(f"http://127.0.0.1:{port}/hook?token=tok-secret-123", tmp_path,
                        max_attempts=2)
    run.write(batches(10, 10)[0])
    delivery = run.commit()
    assert delivery.dead_letters == 1
    assert "ConnectError" in letters.letters[0].error
    assert "tok-secret-123" not in letters.letters[0].error
    assert "tok-secret-123" not in delivery.location


def test_batches_do_not_depend_on_how_the_records_were_chunked(receiver: Receiver,
                                                               tmp_path: Path) -> None:
    first, _ = hook(receiver, tmp_path, run_id="run-same")
    for frame in batches(170, 40):
        first.write(frame)
    first.commit()
    by_key = {r.key: r.body for r in receiver.requests}
    receiver.requests.clear()
    second, _ = hook(receiver, tmp_path, run_id="run-same")  # fresh state: sends everything
    for frame in batches(170, 70):
        second.write(frame)
    second.commit()
    assert {r.key: r.body for r in receiver.requests} == by_key
    assert sorted(by_key) == ["run-same-0", "run-same-1", "run-same-2", "run-same-3"]
    assert len(receiver.records()) == 170  # the receiver kept each key once


def test_acknowledged_batches_are_skipped_on_retry(receiver: Receiver, tmp_path: Path) -> None:
    raw = {"type": "webhook", "url": receiver.url, "secret": "${env:HOOK}", "batch_size": 50,
           "backoff": 0.01}
    dest = parse_destination(raw, "destination #1", SecretResolver(env={"HOOK": HOOK_SECRET}))
    state = MemoryRunState()
    run = dest.open(run_info("run-retry", tmp_path, state, ListDeadLetters()))
    for frame in batches(120, 60):
        run.write(frame)
    run.abort()  # the worker died: 2 batches acknowledged, 20 records never sent
    assert [r.key for r in receiver.requests] == ["run-retry-0", "run-retry-1"]
    retry = dest.open(run_info("run-retry", tmp_path, state, ListDeadLetters()))
    for frame in batches(120, 60):
        retry.write(frame)
    delivery = retry.commit()
    assert [r.key for r in receiver.requests] == ["run-retry-0", "run-retry-1", "run-retry-2"]
    assert delivery.rows == 120 and delivery.batches == 3
    assert [r["values"]["code"] for r in receiver.records()] == [f"R{i:06d}" for i in range(1, 121)]
