"""The real ``feedline run`` remembers a person's plan and reports the next drift."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.acceptance.conftest import feedline
from tests.conftest import manifest_entry

pytestmark = pytest.mark.shared


@pytest.mark.parametrize("partner", ["northwind", "acme"])
def test_run_after_a_persons_plan_maps_d3_and_reports_its_drift(
    partner_fixtures, crm_blueprint_path: Path, tmp_path: Path, partner: str
) -> None:
    root, manifest = partner_fixtures
    d1, d3 = manifest_entry(manifest, partner, "d1"), manifest_entry(manifest, partner, "d3")
    memory = tmp_path / "memory.json"
    maps = [f"--map={src}={dst or ''}" for src, dst in d1["column_mapping"].items()]
    first = feedline("run", str(root / d1["path"]), "--blueprint", str(crm_blueprint_path),
                     "--sheet", d1["target_sheet"], "--memory", str(memory),
                     "--out", str(tmp_path / "d1.csv"), "--json", *maps)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["drift"] is None

    third = feedline("run", str(root / d3["path"]), "--blueprint", str(crm_blueprint_path),
                     "--sheet", d3["target_sheet"], "--memory", str(memory),
                     "--out", str(tmp_path / "d3.csv"), "--json")
    assert third.returncode == 0, third.stdout + third.stderr
    summary = json.loads(third.stdout)
    assert summary["needs_review"] is False
    plan = summary["plan"]
    assert {f["source"]: f["destination"] for f in plan["fields"]} == d3["column_mapping"]
    drift = summary["drift"]
    assert drift == plan["drift"]
    expected = d3["drift"]
    assert drift["changed"] is True
    assert drift["renamed"] == expected["renamed"]
    assert drift["added"] == expected["added"]
    assert drift["removed"] == []
    assert drift["reordered"] is expected["reordered"]
    assert sorted(drift["previous_headers"]) == sorted(d1["column_mapping"])
