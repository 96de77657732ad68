"""The destination contract: every destination passes the same tests.

Each test delivers the deterministic records of ``data.py`` through the public interface
(``parse_destination`` → ``open`` → ``write``… → ``commit``) and reads back what arrived
with the destination's own tools (``targets.py``).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import polars as pl
from polars.testing import assert_frame_equal

from feedline.egress.base import Delivery, DestinationRun, empty_batch
from feedline.egress.registry import parse_destination
from feedline.egress.runstate import JsonFileRunState, ListDeadLetters, MemoryRunState
from feedline.egress.secrets import SecretResolver
from tests.conftest import REPO
from tests.contract.data import SPEC, batches, expected, run_info
from tests.contract.targets import Target


def open_run(target: Target, secrets: SecretResolver, run_id: str, *, policy: str = "valid-only",
             state: MemoryRunState | JsonFileRunState | None = None) -> DestinationRun:
    dest = parse_destination(target.config(), "destination #1", secrets)
    info = run_info(run_id, target.root, state if state is not None else MemoryRunState(),
                    ListDeadLetters(), policy=policy)
    return dest.open(info)


def deliver(target: Target, secrets: SecretResolver, run_id: str, frames: list[pl.DataFrame], *,
            policy: str = "valid-only", state: MemoryRunState | None = None) -> Delivery:
    run = open_run(target, secrets, run_id, policy=policy, state=state)
    for frame in frames:
        run.write(frame)
    return run.commit()


def assert_holds(target: Target, total: int, policy: str = "valid-only") -> None:
    """The destination holds records 1…total, each exactly once, with the right values."""
    got = target.read(policy)
    counts = got.group_by("code").len().filter(pl.col("len") > 1)
    assert counts.height == 0, f"delivered more than once: {counts.head(5).to_dicts()}"
    assert_frame_equal(target.normalize(got.sort("code")),
                       target.normalize(expected(total, policy).sort("code")))


def test_rows_arrive_with_their_types_nulls_and_unicode(target: Target,
                                                       secrets: SecretResolver) -> None:
    frames = batches(130, 40)
    frames.insert(2, empty_batch(SPEC, "valid-only"))
    delivery = deliver(target, secrets, "run-types", frames)
    assert delivery.rows == 130 and delivery.run_id == "run-types"
    assert delivery.destination == target.config()["type"]
    assert_holds(target, 130)
    assert target.leftovers() == []


def test_policy_all_delivers_valid_flag_and_messages(target: Target,
                                                      secrets: SecretResolver) -> None:
    deliver(target, secrets, "run-all", batches(60, 25, "all"), policy="all")
    assert_holds(target, 60, "all")
    got = target.read("all").sort("code")
    assert got["valid"].to_list().count(False) == 15
    assert got.filter(~pl.col("valid"))["messages"][0][0]["type"] == "min"


def test_an_empty_run_still_commits(target: Target, secrets: SecretResolver) -> None:
    state = MemoryRunState()
    delivery = deliver(target, secrets, "run-empty", [empty_batch(SPEC, "valid-only")],
                       state=state)
    assert delivery.rows == 0
    assert target.read("valid-only").height == 0
    again = open_run(target, secrets, "run-empty", state=state)
    assert again.committed() == delivery  # the run is recorded even with nothing in it


def test_commit_is_idempotent(target: Target, secrets: SecretResolver) -> None:
    state = MemoryRunState()
    run = open_run(target, secrets, "run-twice", state=state)
    for frame in batches(90, 30):
        run.write(frame)
    first = run.commit()
    assert run.commit() == first
    # The worker crashed after committing and the run is retried: nothing new arrives.
    retry = open_run(target, secrets, "run-twice", state=state)
    assert retry.committed() == first
    for frame in batches(90, 30):
        retry.write(frame)
    assert retry.commit() == first
    assert_holds(target, 90)


def test_an_aborted_run_leaves_nothing(target: Target, secrets: SecretResolver) -> None:
    state = MemoryRunState()
    run = open_run(target, secrets, "run-abort", state=state)
    for frame in batches(80, 40):
        run.write(frame)
    run.abort()
    got = target.read("valid-only")
    if target.can_unsend:
        assert got.height == 0
    else:  # a webhook cannot take back a batch the receiver acknowledged; nothing more went
        assert got.height == 50
    assert target.leftovers() == []
    # The same run tried again delivers every record once.
    retry = open_run(target, secrets, "run-abort", state=state)
    assert retry.committed() is None
    for frame in batches(80, 40):
        retry.write(frame)
    assert retry.commit().rows in (80, 30)  # a webhook counts what this attempt sent
    assert_holds(target, 80)
    assert target.leftovers() == []


def test_a_run_killed_mid_write_and_retried_delivers_each_record_once(
        target: Target, secrets: SecretResolver, subprocess_env: dict[str, str],
        tmp_path: Path) -> None:
    state_path = tmp_path / "run-state.json"
    args = {"config": target.config(), "root": str(target.root), "state": str(state_path),
            "run_id": "run-kill", "total": 400, "size": 40, "delay": 0.1}
    with subprocess.Popen([sys.executable, "-m", "tests.contract.worker", json.dumps(args)],
                          cwd=REPO, env=subprocess_env, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        wrote = 0
        for line in proc.stdout:
            wrote += line.startswith("wrote")
            if wrote == 3:
                os.kill(proc.pid, signal.SIGKILL)
                break
        proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL, proc.stderr.read()
    assert wrote == 3
    before = target.read("valid-only").height
    assert before == (0 if target.can_unsend else 100)  # a webhook had sent 2 batches of 50

    retry = open_run(target, secrets, "run-kill", state=JsonFileRunState(state_path))
    assert retry.committed() is None
    for frame in batches(400, 40):
        retry.write(frame)
    retry.commit()
    assert_holds(target, 400)
    assert target.leftovers() == []
