"""Automap with memory over every delivery of the six shared partners, in order.

The guarantees: an auto-executed plan is never wrong; a first delivery maps >= 90% of its
columns unattended; after one person corrects ``d1``, ``d2`` and ``d3`` run unattended and
right, and ``d3``'s drift (renamed, added, reordered columns) is reported.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from feedline.blueprint import Blueprint, load_blueprint
from feedline.errors import FeedlineError
from feedline.mapping import MappingMemory, Plan, automap, override

pytestmark = pytest.mark.shared

PARTNERS = ("northwind", "globex", "initech", "umbrella", "acme", "hooli")
PASSING = ("absolute", "strong")


def _flatten(obj: Any, prefix: str, out: dict[str, str]) -> None:
    if isinstance(obj, dict):
        for k, v in obj.items():
            _flatten(v, f"{prefix}.{k}" if prefix else k, out)
    elif obj is not None:
        out[prefix] = obj if isinstance(obj, str) else json.dumps(obj)


def _frame(rows: list[dict[str, str]]) -> pl.DataFrame:
    cols: list[str] = []
    for r in rows:
        cols += [c for c in r if c not in cols]
    return pl.DataFrame({c: [r.get(c) for r in rows] for c in cols}, schema=dict.fromkeys(cols, pl.String))


def _read_ourselves(path: Path, f: dict[str, Any]) -> pl.DataFrame:
    """Read a delivery per its manifest entry (used while extract cannot read the format)."""
    if f["format"] in ("csv", "tsv"):
        text = path.read_bytes().decode(f["encoding"])
        return pl.read_csv(text.encode(), separator=f["delimiter"], infer_schema=False,
                           empty_string_is_null=False, skip_rows=f["header_row"] or 0)
    if f["format"] == "json":
        data = json.loads(path.read_text(encoding="utf-8"))
        rows: list[dict[str, str]] = []
        for rec in data[f["record_path"].strip("/").split("/")[-1]]:
            out: dict[str, str] = {}
            _flatten(rec, "", out)
            rows.append(out)
        return _frame(rows)
    if f["format"] == "xml":
        rows = []
        for el in ET.parse(path).getroot().iter(f["record_path"].strip("/").split("/")[-1]):
            row = {f"@{k}": v for k, v in el.attrib.items()}
            for child in el:
                if child.text and child.text.strip():
                    row[child.tag] = child.text
                row.update({f"{child.tag}/@{k}": v for k, v in child.attrib.items()})
            rows.append(row)
        return _frame(rows)
    frame = pl.read_excel(path, sheet_name=f["sheet_name"], engine="calamine",
                          read_options={"header_row": f["header_row"]}, infer_schema_length=0)
    return frame.select(pl.all().cast(pl.String))


def read_delivery(root: Path, f: dict[str, Any]) -> pl.DataFrame:
    """The delivery's source table: feedline's extractor when it reads the format."""
    from feedline.extract import extract

    path = root / f["path"]
    try:
        tables = extract(path, path.name).tables
    except FeedlineError:
        return _read_ourselves(path, f)
    for table in tables:
        if set(table.frame.columns) == set(f["column_mapping"]):
            return table.frame
    return _read_ourselves(path, f)


@pytest.fixture(scope="module")
def crm(crm_blueprint_path: Path) -> Blueprint:
    return load_blueprint(crm_blueprint_path)


def deliveries(fixtures: tuple[Path, dict[str, Any]], partner: str) -> list[dict[str, Any]]:
    _, manifest = fixtures
    files = [f for f in manifest["files"] if f["partner"] == partner]
    return sorted(files, key=lambda f: f["delivery"])


def auto_mapped_share(plan: Plan, truth: dict[str, str | None]) -> float:
    """Share of columns the plan decided right, sure enough to run without a person."""
    right = [m for m in plan.fields if m.destination == truth[m.source] and m.certainty in PASSING]
    return len(right) / len(plan.fields)


def person_corrects(plan: Plan, truth: dict[str, str | None], sheet: Any, frame: pl.DataFrame) -> tuple[Plan, dict[str, str | None]]:
    """A person fixes (or confirms) every column the plan got wrong or was unsure of."""
    decisions = {m.source: truth[m.source] for m in plan.fields
                 if m.destination != truth[m.source] or m.certainty not in PASSING}
    fixed = override(plan, decisions, sheet, frame) if decisions else plan
    return fixed, {s: d for s, d in decisions.items() if plan.mapping().get(s) != d}


@pytest.fixture(scope="module")
def runs(partner_fixtures: tuple[Path, dict[str, Any]], crm: Blueprint) -> dict[tuple[str, str], Plan]:
    """Every delivery of every partner, in order, with one shared memory; d1 corrected."""
    root, _ = partner_fixtures
    memory = MappingMemory(crm.name)
    plans: dict[tuple[str, str], Plan] = {}
    for delivery in ("d1", "d2", "d3"):
        for partner in PARTNERS:
            f = next(x for x in deliveries(partner_fixtures, partner) if x["delivery"] == delivery)
            sheet = crm.sheet(f["target_sheet"])
            frame = read_delivery(root, f)
            plan = automap(frame, sheet, memory=memory, space=partner)
            plans[(partner, delivery)] = plan
            executed, corrected = plan, {}
            if not plan.auto_accept:
                executed, corrected = person_corrects(plan, f["column_mapping"], sheet, frame)
            memory.remember(partner, sheet.slug, executed, corrected=corrected or None)
            memory = MappingMemory.from_json(json.loads(json.dumps(memory.to_json())))
    return plans


@pytest.mark.parametrize("partner", PARTNERS)
def test_no_auto_executed_plan_is_wrong(runs, partner_fixtures, partner):
    for f in deliveries(partner_fixtures, partner):
        plan = runs[(partner, f["delivery"])]
        if plan.auto_accept:
            assert {m.source: m.destination for m in plan.fields} == f["column_mapping"]
            assert plan.enum_map() == f["enum_mapping"]
        else:
            assert plan.review_reasons


@pytest.mark.parametrize("partner", PARTNERS)
def test_first_delivery_maps_most_columns_unattended(runs, partner_fixtures, partner):
    f = deliveries(partner_fixtures, partner)[0]
    plan = runs[(partner, "d1")]
    assert auto_mapped_share(plan, f["column_mapping"]) >= 0.9, plan.review_reasons
    assert plan.drift is None  # nothing to compare with yet


@pytest.mark.parametrize("partner", PARTNERS)
def test_after_one_correction_later_deliveries_run_unattended(runs, partner_fixtures, partner):
    for f in deliveries(partner_fixtures, partner)[1:]:
        plan = runs[(partner, f["delivery"])]
        assert plan.auto_accept, (f["delivery"], plan.review_reasons)
        assert {m.source: m.destination for m in plan.fields} == f["column_mapping"]
        assert plan.enum_map() == f["enum_mapping"]


@pytest.mark.parametrize("partner", PARTNERS)
def test_d3_drift_is_reported(runs, partner_fixtures, partner):
    d2, d3 = deliveries(partner_fixtures, partner)[1:]
    assert runs[(partner, "d2")].drift is not None
    assert runs[(partner, "d2")].drift["changed"] is False
    drift = runs[(partner, "d3")].drift
    assert drift is not None
    expected = d3["drift"]
    assert drift["renamed"] == expected["renamed"]
    assert drift["added"] == expected["added"]
    assert drift["removed"] == []
    assert drift["reordered"] is expected["reordered"]
    assert sorted(drift["previous_headers"]) == sorted(d2["column_mapping"])
    plan = runs[(partner, "d3")]
    new = next(iter(expected["renamed"].values()))
    renamed = next(m for m in plan.fields if m.source == new)
    assert renamed.destination == d3["column_mapping"][new]
    assert plan.to_dict()["drift"] == drift
