"""Automap and memory against the generated partner deliveries (CSV/TSV partners)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
import pytest

from feedline.blueprint import Blueprint, load_blueprint
from feedline.mapping import MappingMemory, automap, map_enum_values, override

pytestmark = pytest.mark.shared

TEXT_DELIVERIES = [
    (partner, delivery)
    for partner in ("northwind", "globex", "acme")
    for delivery in ("d1", "d2", "d3")
]


@pytest.fixture(scope="session")
def crm(crm_blueprint_path: Path) -> Blueprint:
    return load_blueprint(crm_blueprint_path)


def entry(fixtures: tuple[Path, dict[str, Any]], partner: str, delivery: str) -> dict[str, Any]:
    _, manifest = fixtures
    return next(
        f for f in manifest["files"] if f["partner"] == partner and f["delivery"] == delivery
    )


def read_delivery(fixtures: tuple[Path, dict[str, Any]], partner: str, delivery: str) -> pl.DataFrame:
    """Read a CSV/TSV delivery as an all-string table, decoding its declared encoding."""
    root, _ = fixtures
    f = entry(fixtures, partner, delivery)
    text = (root / f["path"]).read_bytes().decode(f["encoding"])
    return pl.read_csv(
        text.encode("utf-8"),
        separator=f["delimiter"],
        infer_schema=False,
        empty_string_is_null=False,
        skip_rows=f["header_row"] or 0,
    )


def test_northwind_d1_auto_accepts_with_the_manifest_mapping(partner_fixtures, crm):
    f = entry(partner_fixtures, "northwind", "d1")
    plan = automap(read_delivery(partner_fixtures, "northwind", "d1"), crm.sheet("contacts"))

    assert plan.auto_accept, plan.review_reasons
    assert plan.review_reasons == []
    assert {m.source: m.destination for m in plan.fields} == f["column_mapping"]
    assert plan.enum_map() == f["enum_mapping"]
    country = plan.enum_map()["country"]
    assert {country[v] for v in country if v.strip().upper() == "UK"} == {"GB"}


@pytest.mark.parametrize(("partner", "delivery"), TEXT_DELIVERIES)
def test_a_plan_never_auto_accepts_a_wrong_mapping(partner_fixtures, crm, partner, delivery):
    f = entry(partner_fixtures, partner, delivery)
    plan = automap(read_delivery(partner_fixtures, partner, delivery), crm.sheet(f["target_sheet"]))
    got = {m.source: m.destination for m in plan.fields}
    print(partner, delivery, "auto_accept", plan.auto_accept, plan.review_reasons)

    if plan.auto_accept:
        assert got == f["column_mapping"]
        assert plan.enum_map() == f["enum_mapping"]
    else:
        assert plan.review_reasons
        wrong = {s: d for s, d in got.items() if d != f["column_mapping"][s]}
        for source in wrong:  # anything wrong must be what sent the plan to review
            assert any(f'"{source}"' in r for r in plan.review_reasons) or wrong[source] is None


def test_acme_shouting_headers_map_and_notes_stay_unmapped(partner_fixtures, crm):
    plan = automap(read_delivery(partner_fixtures, "acme", "d1"), crm.sheet("contacts"))
    got = {m.source: m.destination for m in plan.fields}
    assert got["NOTES"] is None
    assert "NOTES" in plan.unmapped_source
    email = next(m for m in plan.fields if m.source == "EMAIL_ADDR")
    assert "addr=" in email.reason  # the abbreviation is named in the reason


def test_globex_newsletter_needs_a_person(partner_fixtures, crm):
    """A header no lexicon knows is suggested from its yes/no values, never auto-run."""
    plan = automap(read_delivery(partner_fixtures, "globex", "d1"), crm.sheet("contacts"))
    newsletter = next(m for m in plan.fields if m.source == "Newsletter")
    assert newsletter.destination == "opt_in"
    assert newsletter.reason_code == "values"
    assert not plan.auto_accept
    assert any('"Newsletter" -> "opt_in" rests on no name' in r for r in plan.review_reasons)


def test_enum_values_of_every_delivery_map_like_the_manifest(partner_fixtures, crm):
    _, manifest = partner_fixtures
    for f in manifest["files"]:
        sheet = crm.sheet(f["target_sheet"])
        for key, expected in f["enum_mapping"].items():
            got = map_enum_values(dict.fromkeys(expected, 1), sheet.field(key))
            assert {m.value: m.option for m in got} == expected, (f["partner"], f["delivery"], key)


def test_memory_makes_acme_d2_and_d3_run_unattended(partner_fixtures, crm, tmp_path):
    sheet = crm.sheet("contacts")
    d1 = read_delivery(partner_fixtures, "acme", "d1")
    truth = entry(partner_fixtures, "acme", "d1")["column_mapping"]
    auto = automap(d1, sheet)
    decided = override(auto, truth, sheet, d1)
    corrected = {s: d for s, d in truth.items() if auto.mapping().get(s) != d}
    memory = MappingMemory("CRM")
    memory.remember("acme", "contacts", decided, corrected=corrected)

    path = tmp_path / "memory.json"
    memory.save(path)
    memory = MappingMemory.load(path)

    for delivery in ("d2", "d3"):
        f = entry(partner_fixtures, "acme", delivery)
        plan = automap(read_delivery(partner_fixtures, "acme", delivery), sheet, memory=memory, space="acme")
        assert {m.source: m.destination for m in plan.fields} == f["column_mapping"]
        assert plan.auto_accept, plan.review_reasons
        assert plan.enum_map() == f["enum_mapping"]
    d3 = automap(read_delivery(partner_fixtures, "acme", "d3"), sheet, memory=memory, space="acme")
    by_source = {m.source: m for m in d3.fields}
    assert by_source["FIRST_NM"].destination == "first_name"
    assert by_source["INT_REF"].destination is None
    assert by_source["LNAME"].reason_code == "remembered"
    assert by_source["NOTES"].reason_code == "remembered"


def test_a_confirmed_globex_plan_is_reused_for_the_next_delivery(partner_fixtures, crm):
    sheet = crm.sheet("contacts")
    d1 = read_delivery(partner_fixtures, "globex", "d1")
    plan = override(automap(d1, sheet), {"Newsletter": "opt_in"}, sheet, d1)
    assert plan.auto_accept
    memory = MappingMemory("CRM")
    memory.remember("globex", "contacts", plan)

    d2 = automap(read_delivery(partner_fixtures, "globex", "d2"), sheet, memory=memory, space="globex")
    assert d2.auto_accept, d2.review_reasons
    assert d2.mapping() == {
        s: d for s, d in entry(partner_fixtures, "globex", "d2")["column_mapping"].items() if d
    }
    assert all(m.reason_code == "remembered" and m.confidence >= 0.99 for m in d2.fields)

    elsewhere = automap(d1, sheet, memory=memory, space="another-partner")
    newsletter = next(m for m in elsewhere.fields if m.source == "Newsletter")
    assert newsletter.reason_code == "remembered"
    assert "another space" in newsletter.reason
    assert newsletter.certainty == "strong" and newsletter.confidence < 0.99  # never absolute
