"""Renamed-column inference, drift, abbreviations, the unmapped-column gate and patch."""

from __future__ import annotations

import polars as pl
import pytest

from feedline.blueprint import Field, Option, SheetSpec
from feedline.errors import MappingError
from feedline.mapping import MappingMemory, automap, patch, review_items
from feedline.mapping.abbrev import abbreviates
from feedline.mapping.calibration import calibrate

SHEET = SheetSpec("orders", "Orders", (
    Field("order_id", "Order ID"),
    Field("buyer_email", "Buyer Email"),
    Field("placed_on", "Placed On", type="date"),
    Field("status", "Status", type="enum", options=(Option("paid", "Paid"), Option("open", "Open"))),
))
ROWS = 6


def frame(**cols: list[str]) -> pl.DataFrame:
    return pl.DataFrame({k: (v * ROWS)[:ROWS] for k, v in cols.items()})


def remembered(first: pl.DataFrame) -> MappingMemory:
    memory = MappingMemory("bp")
    memory.remember("s", "orders", automap(first, SHEET))
    return memory


D1 = frame(**{"Order ID": ["A1", "A2", "A3"], "Buyer Email": ["a@x.io", "b@y.io", "c@z.io"],
              "Placed On": ["2024-01-02", "2024-02-03", "2024-03-04"], "Status": ["paid", "open"]})


def test_a_renamed_column_with_alike_values_and_names_maps_strongly_and_is_reported():
    d2 = D1.rename({"Buyer Email": "Bill-To Email"}).with_columns(pl.lit("W1").alias("Warehouse"))
    plan = automap(d2, SHEET, memory=remembered(D1), space="s")
    m = next(f for f in plan.fields if f.source == "Bill-To Email")
    assert (m.destination, m.reason_code, m.certainty) == ("buyer_email", "renamed", "strong")
    assert plan.auto_accept, plan.review_reasons
    assert plan.drift is not None
    assert plan.drift["renamed"] == {"Buyer Email": "Bill-To Email"}
    assert plan.drift["added"] == ["Warehouse"] and plan.drift["removed"] == []


def test_a_rename_the_names_do_not_support_carries_over_through_its_values():
    d2 = D1.rename({"Buyer Email": "Zq"})
    plan = automap(d2, SHEET, memory=remembered(D1), space="s")
    m = next(f for f in plan.fields if f.source == "Zq")
    assert (m.destination, m.reason_code) == ("buyer_email", "renamed")
    assert "names have nothing in common" in m.reason
    assert m.certainty == "strong" and m.confidence < 0.99  # calibrated, never certain


def test_a_vanished_column_without_a_look_alike_is_reported_removed():
    d2 = D1.drop("Placed On")
    plan = automap(d2, SHEET, memory=remembered(D1), space="s")
    assert plan.drift is not None and plan.drift["removed"] == ["Placed On"]
    assert plan.drift["renamed"] == {}


def test_the_only_date_column_is_suggested_for_the_only_free_date_field():
    d1 = D1.rename({"Placed On": "Xyzzy"})
    plan = automap(d1, SHEET)
    m = next(f for f in plan.fields if f.source == "Xyzzy")
    assert (m.destination, m.reason_code) == ("placed_on", "eliminated")
    assert "only unmapped date column" in m.reason and "only free date field" in m.reason
    # Its probability is the calibrated one of the "eliminated" evidence; whatever its
    # certainty, a plan does not run alone on a column no name supports.
    assert m.confidence == pytest.approx(calibrate(m.score or 0.0, "eliminated"), abs=1e-4)
    assert not plan.auto_accept
    assert any('"Xyzzy" -> "placed_on" rests on no name' in r for r in plan.review_reasons)
    items = review_items(plan, SHEET, "confident")
    assert [i["source"] for i in items if i["kind"] == "column"] == ["Xyzzy"]


def test_an_unmapped_column_whose_values_fit_a_free_field_blocks_the_gate():
    sheet = SheetSpec("orders", "Orders", (*SHEET.fields, Field("shipped_on", "Shipped On", type="date")))
    d1 = D1.rename({"Placed On": "Xyzzy"})  # two free date fields: no elimination
    plan = automap(d1, sheet)
    m = next(f for f in plan.fields if f.source == "Xyzzy")
    assert m.destination is None and m.certainty in ("moderate", "weak")
    assert not plan.auto_accept
    assert any('"Xyzzy" is left unmapped' in r for r in plan.review_reasons)


@pytest.mark.parametrize(("short", "long", "ok"), [
    (["crtd", "b"], ["curated", "by"], True),
    (["asct"], ["assay", "cell", "type"], True),
    (["sec", "per"], ["sector", "percent"], True),
    (["xyz"], ["assay", "cell", "type"], False),
    (["cell"], ["cell"], False),
])
def test_abbreviations(short, long, ok):
    assert abbreviates(short, long) is ok


def test_patch_changes_only_listed_entries():
    plan = automap(D1, SHEET)
    new = patch(plan, {"Order ID": None}, {"status": {"open": "paid"}}, SHEET, D1)
    assert new.mapping() == {k: v for k, v in plan.mapping().items() if k != "Order ID"}
    assert new.enum_map()["status"] == {"open": "paid", "paid": "paid"}
    assert plan.enum_map()["status"]["open"] == "open"  # the original is untouched
    with pytest.raises(MappingError, match="unknown option"):
        patch(plan, {}, {"status": {"open": "nope"}}, SHEET)
    with pytest.raises(MappingError, match='no enum field "order_id"'):
        patch(plan, {}, {"order_id": {"A1": "paid"}}, SHEET)
