"""Mapping memory as rows: one document per (space, sheet), version 1 files still load."""

from __future__ import annotations

import json

import polars as pl
import pytest

from feedline.blueprint import Field, Option, SheetSpec
from feedline.errors import MappingError
from feedline.mapping import MappingMemory, automap, override

SHEET = SheetSpec("people", "People", (
    Field("email", "Email"),
    Field("status", "Status", type="enum", options=(Option("active", "Active"), Option("lead", "Lead"))),
))
OTHER = SheetSpec("orders", "Orders", (Field("order_id", "Order ID"),))


def frame(status: str = "Aktiv") -> pl.DataFrame:
    return pl.DataFrame({"E-Mail": ["a@x.io", "b@y.io", "c@z.io"], "Stand": [status, "Lead", status]})


def test_two_spaces_remembered_independently_give_two_documents_that_round_trip():
    memory = MappingMemory("crm")
    plan = automap(frame(), SHEET)
    memory.remember("acme", "people", override(plan, {"Stand": "status"}, SHEET, frame()),
                    by="person", when="2026-11-30")
    before = memory.document("acme", "people")
    memory.remember("globex", "people", plan, by="automap", when="2026-12-01")
    assert memory.document("acme", "people") == before  # the other row is untouched
    rows = memory.rows()
    assert [(s, sh) for s, sh, _ in rows] == [("acme", "people"), ("globex", "people")]
    stored = [(s, sh, json.loads(json.dumps(doc))) for s, sh, doc in rows]  # as a JSON column
    again = MappingMemory.from_rows("crm", stored)
    assert again.to_json() == memory.to_json()
    acme = again.document("acme", "people")
    assert acme["decisions"]["stand"] == {"field": "status", "by": "person", "when": "2026-11-30",
                                          "header": "Stand", "signature": plan.signatures["Stand"]}
    globex = again.document("globex", "people")["decisions"]["stand"]
    assert (globex["by"], globex["when"]) == ("automap", "2026-12-01")
    assert again.document("nowhere", "people")["decisions"] == {}


def test_remember_changes_only_its_own_document():
    memory = MappingMemory("crm")
    memory.remember("acme", "orders", automap(pl.DataFrame({"Order ID": ["1", "2"]}), OTHER))
    orders = memory.document("acme", "orders")
    memory.remember("acme", "people", automap(frame(), SHEET))
    assert memory.document("acme", "orders") == orders
    memory.document("acme", "people")["decisions"].clear()  # a copy: memory is untouched
    assert memory.document("acme", "people")["decisions"]


def test_enum_values_remember_who_chose_them():
    memory = MappingMemory("crm")
    plan = override(automap(frame(), SHEET), {"Stand": "status"}, SHEET, frame())
    memory.remember("acme", "people", plan, by="person", when="2026-11-30")
    enums = memory.document("acme", "people")["enums"]["status"]
    assert enums["aktiv"] == {"option": "active", "by": "person", "when": "2026-11-30"}
    # automap running later never overwrites a person's value decision
    other = automap(frame(), SHEET)
    assert other.mapping()["Stand"] == "status"
    other.enums["status"][0].option = "lead"
    memory.remember("acme", "people", other, by="automap", when="2026-12-01")
    assert memory.document("acme", "people")["enums"]["status"]["aktiv"]["option"] == "active"


def test_a_version_1_memory_file_still_loads(tmp_path):
    path = tmp_path / "memory.json"
    path.write_text(json.dumps({"version": 1, "blueprint": "crm", "spaces": {"acme": {"people": {
        "plans": {}, "headers": {"e mail": {"email": 2}, "stand": {"status": 1}},
        "enums": {"status": {"aktiv": "active"}}, "rejected": {}, "signatures": {}, "last": None,
    }}}}), encoding="utf-8")
    memory = MappingMemory.load(path)
    plan = automap(frame(), SHEET, memory=memory, space="acme")
    assert plan.mapping() == {"E-Mail": "email", "Stand": "status"}
    assert all(m.reason_code == "remembered" for m in plan.fields)
    assert plan.enum_map()["status"]["Aktiv"] == "active"
    memory.save(path)
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 2


def test_bad_rows_and_deciders_get_clear_errors():
    with pytest.raises(MappingError, match="is not an object"):
        MappingMemory.from_rows("crm", [("acme", "people", ["not", "a", "document"])])  # type: ignore[list-item]
    with pytest.raises(MappingError, match="unknown decider"):
        MappingMemory("crm").remember("acme", "people", automap(frame(), SHEET), by="robot")
    with pytest.raises(MappingError, match="unknown version"):
        MappingMemory.from_json({"version": 9, "spaces": {}})
