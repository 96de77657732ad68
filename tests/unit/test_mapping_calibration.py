"""Calibration: the shipped table, the plan probability gate, and columns not dropped."""

from __future__ import annotations

import polars as pl
import pytest

from feedline.blueprint import Field, SheetSpec
from feedline.mapping import FieldMapping, Plan, automap, gate
from feedline.mapping.calibration import TABLE, calibrate, calibration_group
from feedline.mapping.plan import plan_probability


def test_every_shipped_group_is_a_monotone_probability():
    assert {"exact", "normalized", "fuzzy", "unmapped"} <= set(TABLE)
    for group, points in TABLE.items():
        xs, ps = [x for x, _ in points], [p for _, p in points]
        assert xs == sorted(xs), group
        assert ps == sorted(ps), group
        assert all(0.0 <= p <= 1.0 for p in ps), group


def test_calibrate_interpolates_and_holds_the_ends():
    table = {"g": ((0.5, 0.2), (0.7, 0.6), (0.9, 0.6))}
    assert calibrate(0.6, "g", table) == pytest.approx(0.4)
    assert calibrate(0.1, "g", table) == 0.2
    assert calibrate(1.0, "g", table) == 0.6
    assert calibrate(0.42, None, table) == 0.42  # memory and person decisions stay as is
    assert calibration_group("remembered") is None
    assert calibration_group("fuzzy", ambiguous=True) == "fuzzy-ambiguous"
    assert calibration_group("unmapped", free=False) == "unmapped-full"


@pytest.mark.parametrize(("header", "key"), [
    ("PATIENTID", "patient_id"), ("ORDERID_V2", "order_id"), ("Fiscal year", "fsclr"),
    ("Biodiversity (marker)", "Biodi"),
])
def test_once_silently_dropped_columns_now_map(header, key):
    sheet = SheetSpec("t", "T", (Field(key, key), Field("other_thing", "Other Thing")))
    plan = automap(pl.DataFrame({header: ["a1", "b2", "c3"]}), sheet)
    assert plan.mapping() == {header: key}


def test_a_plan_of_many_doubtful_pairs_needs_a_person():
    sheet = SheetSpec("t", "T", tuple(Field(f"f{i}", f"F{i}") for i in range(5)))
    fields = [FieldMapping(f"c{i}", f"f{i}", 0.9, "strong", "abbreviation", "fuzzy") for i in range(4)]
    plan = Plan("t", fields)
    assert plan_probability(plan) == pytest.approx(0.9**4)
    ok, reasons = gate(plan, sheet, "confident")
    assert not ok
    assert reasons and "whole plan is right with probability 0.66" in reasons[0]
    assert gate(plan, sheet, "any") == (True, [])
    # Memory is evidence with a calibrated probability too: doubtful memory counts ...
    doubtful = Plan("t", [*fields[:2], *(FieldMapping(m.source, m.destination, 0.9, "strong",
                                                      "seen before", "remembered") for m in fields[2:])])
    assert not gate(doubtful, sheet, "confident")[0]
    # ... while a person's earlier decision in this space is as good as certain.
    remembered = Plan("t", [*fields[:1], *(FieldMapping(m.source, m.destination, 0.9996, "absolute",
                                                        "a person mapped this", "remembered")
                                           for m in fields[1:])])
    assert gate(remembered, sheet, "confident") == (True, [])
    reviewed = Plan("t", [*fields, FieldMapping("c4", "f4", 1.0, "absolute", "chosen", "person")])
    assert gate(reviewed, sheet, "confident") == (True, [])  # a person has looked at it
