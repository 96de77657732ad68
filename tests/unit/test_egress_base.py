"""The egress interface's guards: batch shape, reserved keys, secret scrubbing."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import polars as pl
import pytest

from feedline.blueprint import Field, SheetSpec
from feedline.egress import frames
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


@pytest.mark.parametrize("stamps", [
    ["2024-01-05T13:45:00", None, "2024-01-05T13:45:00Z"],           # whole seconds only
    ["2024-01-05T13:45:00", "2024-01-05T13:45:00.5Z", "2024-02-30T00:00:00"],  # one fraction
])
def test_stored_stamps_become_the_same_utc_datetimes_with_or_without_a_fraction(
        stamps: list[str | None]) -> None:
    spec = SheetSpec("s", "S", (Field("at", "At", "datetime"), Field("on", "On", "date")))
    stored = pl.DataFrame({"_id": [1, 2, 3], "_version": [1, 1, 1], "at": stamps,
                           "on": ["2024-01-05", None, "2024-13-01"]})
    typed = frames.typed_batch(stored, spec, "valid-only")
    by_format = (pl.Series(stamps, dtype=pl.String).str.strip_suffix("Z")
                 .str.to_datetime("%Y-%m-%dT%H:%M:%S%.f", time_unit="us", strict=False)
                 .dt.replace_time_zone("UTC"))
    assert typed["at"].dtype == pl.Datetime("us", "UTC")
    assert typed["at"].to_list() == by_format.to_list()
    assert typed["at"][0] == datetime(2024, 1, 5, 13, 45, tzinfo=UTC)
    assert typed["on"].to_list() == [date(2024, 1, 5), None, None]
    if stamps[1] is not None:  # a fraction is kept, an impossible day is no stamp
        assert typed["at"][1] == datetime(2024, 1, 5, 13, 45, 0, 500000, tzinfo=UTC)
        assert typed["at"][2] is None
