"""The egress interface's guards: batch shape, reserved keys, secret scrubbing."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from feedline.blueprint import Field, SheetSpec
from feedline.egress.registry import parse_destination
from feedline.egress.runstate import JsonFileRunState, ListDeadLetters, MemoryRunState
from feedline.egress.secrets import SecretResolver, shown
from feedline.errors import TerminalError
from tests.contract.data import rows, run_info


def test_a_batch_of_another_shape_is_refused(tmp_path: Path) -> None:
    dest = parse_destination({"type": "file", "path": "out/{sheet}.csv"}, "destination #1")
    run = dest.open(run_info("r1", tmp_path, MemoryRunState(), ListDeadLetters()))
    with pytest.raises(TerminalError, match="do not match the sheet 'orders'"):
        run.write(rows(0, 3).drop("kind"))
    with pytest.raises(TerminalError, match="column 'qty' is String, expected Int64"):
        run.write(rows(0, 3).with_columns(pl.col("qty").cast(pl.String)))
    run.abort()
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_policy_all_refuses_fields_named_like_its_own_columns(tmp_path: Path) -> None:
    spec = SheetSpec("s", "S", (Field("valid", "Valid", "boolean"),))
    info = run_info("r1", tmp_path, MemoryRunState(), ListDeadLetters(), policy="all")
    info = type(info)(**{**info.__dict__, "spec": spec})
    dest = parse_destination({"type": "file", "path": "out/{sheet}.csv"}, "destination #1")
    with pytest.raises(TerminalError, match="field named 'valid'"):
        dest.open(info)


def test_scrub_replaces_every_secret_it_resolved() -> None:
    secrets = SecretResolver(env={"A": "alpha-secret", "B": "plain-value"})
    assert secrets.secret("${env:A}", "d") == "alpha-secret"
    assert secrets.resolve("x-${env:B}", "d") == "x-plain-value"  # not a secret setting
    assert secrets.scrub("failed with alpha-secret and plain-value") == \
        "failed with *** and plain-value"
    assert shown("${env:A}") == "${env:A}" and shown("pre-${env:A}") == "***"
    assert shown("clear") == "***" and shown("") == ""


def test_a_json_file_run_state_survives_the_process(tmp_path: Path) -> None:
    JsonFileRunState(tmp_path / "s.json").set("k", {"done": 3})
    assert JsonFileRunState(tmp_path / "s.json").get("k") == {"done": 3}
    assert [p.name for p in tmp_path.iterdir()] == ["s.json"]
