"""Hooks (record, bulk, frame), a raising hook, new constraints, computed fields, records."""

from __future__ import annotations

import inspect
import json
from typing import Any

import polars as pl
import pytest

from feedline.blueprint import parse_blueprint
from feedline.errors import BlueprintError
from feedline.listener import Listener
from feedline.validate import Record, validate

BP = parse_blueprint({"name": "shop", "sheets": [{
    "slug": "orders",
    "fields": [
        {"key": "order_id", "constraints": [{"type": "length", "min": 3, "max": 6}]},
        {"key": "email", "constraints": ["required"]},
        {"key": "qty", "type": "integer"},
        {"key": "price", "type": "number"},
        {"key": "day", "type": "date"},
        {"key": "parent", "type": "reference", "reference": {"sheet": "orders", "field": "order_id"}},
        {"key": "total", "type": "number", "computed": "qty * price"},
    ],
    "constraints": [{"type": "unique", "fields": ["email", "day"], "case_sensitive": False}],
}]})
SHEET = BP.sheet("orders")


def frame(**cols: list[str | None]) -> pl.DataFrame:
    return pl.DataFrame(cols, schema={k: pl.String for k in cols})


DATA = frame(order_id=["A-1", "A-2", "A-3", "TOOLONG1"], email=["x@a.co", "Y@a.co", "y@a.co", "z@a.co"],
             qty=["2", "3", "oops", "1"], price=["$1,234.56", "2", "3", "4"],
             day=["45720", "45721", "45721", "45722"], parent=[None, "A-1", "A-9", None])


def problems(result: Any) -> set[tuple[int, str | None, str]]:
    return {(r, f, t) for r, f, t in result.messages.select("row", "field", "type").iter_rows()}


def test_constraints_computed_fields_and_excel_serials() -> None:
    result = validate(DATA, SHEET)
    assert problems(result) == {
        (3, "order_id", "length"), (2, "qty", "invalid-integer"),
        (2, "email", "unique"), (2, "day", "unique"), (2, "parent", "missing-reference"),
    }
    assert result.values["day"].to_list() == ["2025-03-04", "2025-03-05", "2025-03-05", "2025-03-06"]
    assert result.values["total"].to_list() == [2469.12, 6.0, None, 4.0]
    assert result.valid.to_list() == [True, True, False, False]


def test_record_frame_matches_to_records() -> None:
    result = validate(DATA, SHEET)
    records = result.to_records()
    rf = result.record_frame()
    assert rf["row"].to_list() == list(range(4))
    assert [json.loads(v) for v in rf["values"]] == [r["values"] for r in records]
    assert [json.loads(m) for m in rf["messages"]] == [r["messages"] for r in records]
    assert rf["valid"].to_list() == [r["valid"] for r in records]
    assert records[2]["values"]["qty"] == "oops"  # the partner's text is kept


def test_record_hook_changes_are_cast_and_checked() -> None:
    listener = Listener()

    @listener.record_hook("orders")
    def fix(record: Record) -> Record:
        if record["qty"] == "oops":
            record["qty"] = "7"
        record["email"] = record["email"].lower()
        if record.row == 0:
            record.add_warning("price", "large order")
        return record

    result = validate(DATA, SHEET, hooks=listener.hooks_for("orders"))
    assert result.values["qty"].to_list() == [2, 3, 7, 1]
    assert result.values["total"][2] == 21.0
    assert ("warn", "large order") in set(result.messages.filter(pl.col("row") == 0)
                                          .select("level", "message").iter_rows())
    assert (2, "email", "unique") in problems(result)


def test_bulk_hook_sees_batches() -> None:
    listener, sizes = Listener(), []

    def enrich(records: list[Record]) -> None:
        sizes.append(len(records))
        for r in records:
            r["parent"] = None

    listener.bulk_hook("orders", enrich)
    result = validate(DATA, SHEET, hooks=listener.hooks_for("orders"), batch_size=3)
    assert sizes == [3, 1]
    assert "missing-reference" not in result.messages["type"].to_list()


def test_frame_hook_changes_values_and_attaches_messages() -> None:
    listener = Listener()

    @listener.frame_hook("*")
    def tidy(df: pl.DataFrame) -> pl.DataFrame:
        return df.with_columns(
            qty=pl.col("qty").fill_null(1),
            **{"warn:price": pl.when(pl.col("price") > 1000).then(pl.lit("large order")),
               "error:": pl.when(pl.col("order_id") == "A-2").then(pl.lit("blocked"))})

    result = validate(DATA, SHEET, hooks=listener.hooks_for("orders"))
    assert result.values["qty"].to_list() == [2, 3, 1, 1]
    assert "invalid-integer" not in result.messages["type"].to_list()
    msgs = set(result.messages.select("row", "field", "level", "message").iter_rows())
    assert {(0, "price", "warn", "large order"), (1, None, "error", "blocked")} <= msgs
    assert result.valid.to_list()[:2] == [True, False]


@pytest.mark.parametrize("kind", ["record", "bulk", "frame"])
def test_a_raising_hook_marks_its_batch_and_loses_nothing_else(kind: str) -> None:
    listener = Listener()

    def boom(arg: Any) -> Any:
        if kind == "record" and arg["order_id"] != "A-2":
            arg["email"] = "changed@a.co"
            return arg
        if kind == "bulk":
            arg[0]["email"] = "changed@a.co"
        raise RuntimeError("service down")

    getattr(listener, f"{kind}_hook")("orders", boom)
    result = validate(DATA, SHEET, hooks=listener.hooks_for("orders"), batch_size=2)
    hooked = result.messages.filter(pl.col("type") == "hook")
    expected_rows = [1] if kind == "record" else [0, 1, 2, 3]
    assert hooked["row"].to_list() == expected_rows
    assert all("service down" in m for m in hooked["message"])
    assert result.hook_failures[0].records == len(expected_rows)
    assert result.values["email"][1] == "Y@a.co"  # the failed record's change is dropped
    if kind == "record":
        assert result.values["email"][0] == "changed@a.co"  # the others keep theirs


@pytest.mark.parametrize(("patch", "problem"), [
    ({"constraints": [{"type": "length"}]}, "needs 'min' and/or 'max'"),
    ({"constraints": [{"type": "length", "min": 5, "max": 2}]}, "min > max"),
    ({"computed": "qty *"}, "does not parse as SQL"),
    ({"computed": "__import__('os')"}, r"calls __import__\(\), which is not an allowed function"),
])
def test_loader_refuses_malformed_fields(patch: dict[str, Any], problem: str) -> None:
    data = {"name": "b", "sheets": [{"slug": "s", "fields": [{"key": "qty"}, {"key": "f", **patch}]}]}
    with pytest.raises(BlueprintError, match=problem) as info:
        parse_blueprint(data)
    assert "sheet 's', field 'f'" in str(info.value)


def test_loader_refuses_a_composite_unique_on_unknown_fields() -> None:
    data = {"name": "b", "sheets": [{"slug": "s", "fields": [{"key": "a"}],
                                     "constraints": [{"type": "unique", "fields": ["a", "zz"]}]}]}
    with pytest.raises(BlueprintError, match="sheet 's', constraint #1, field 'zz'"):
        parse_blueprint(data)


def test_computed_fields_are_not_offered_to_mapping() -> None:
    assert "total" not in SHEET.for_mapping().keys


def test_every_public_listener_method_is_documented() -> None:
    public = [m for name, m in inspect.getmembers(Listener, inspect.isfunction)
              if not name.startswith("_")]
    assert {"record_hook", "bulk_hook", "frame_hook"} <= {m.__name__ for m in public}
    undocumented = [m.__name__ for m in public if len((inspect.getdoc(m) or "").strip()) < 20]
    assert undocumented == []
