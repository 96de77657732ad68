"""Which edits of records are a person's enum value decisions (they teach mapping memory)."""

from __future__ import annotations

from typing import Any

from feedline.blueprint import Field, Option, SheetSpec
from feedline.mapping import MappingMemory
from feedline.records.edits import taught_values

SPEC = SheetSpec(slug="people", name="People", fields=[
    Field(key="name", label="Name"),
    Field(key="contract", label="Contract", type="enum",
          options=[Option(value="full_time", label="Full time"), Option(value="contractor", label="Contractor")]),
])
UNREAD = [{"field": "contract", "type": "invalid-option", "level": "error", "message": "..."}]


def change(rid: int, old: dict[str, Any], messages: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": rid, "old": {"values": old, "messages": messages, "valid": not messages}}


def stored(rid: int, values: dict[str, Any], messages: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"id": rid, "values": values, "messages": messages or []}


def test_an_unread_value_set_to_an_option_is_taught() -> None:
    changed = [change(1, {"name": "a", "contract": " X7 "}, UNREAD), change(2, {"name": "b", "contract": "X7"}, UNREAD)]
    now = [stored(1, {"name": "a", "contract": "contractor"}), stored(2, {"name": "b", "contract": "contractor"})]
    assert taught_values(SPEC, changed, now) == {"contract": {"X7": "contractor"}}


def test_edits_that_say_nothing_about_a_value_teach_nothing() -> None:
    # one text fixed to two options; a cell that was read already; a cell still unread;
    # an unread cell emptied
    torn = [change(1, {"contract": "X7"}, UNREAD), change(2, {"contract": "X7"}, UNREAD)]
    assert taught_values(SPEC, torn, [stored(1, {"contract": "contractor"}),
                                      stored(2, {"contract": "full_time"})]) == {}
    read = [change(3, {"contract": "full_time"}, [])]
    assert taught_values(SPEC, read, [stored(3, {"contract": "contractor"})]) == {}
    still = [change(4, {"contract": "X7"}, UNREAD)]
    assert taught_values(SPEC, still, [stored(4, {"contract": "Y8"}, UNREAD)]) == {}
    assert taught_values(SPEC, still, [stored(4, {"contract": None})]) == {}


def test_a_taught_value_is_a_persons_decision_automap_keeps() -> None:
    memory = MappingMemory("people")
    memory.teach("werk", "people", {"contract": {"X7": "contractor"}}, when="2026-12-01")
    entry = memory.document("werk", "people")["enums"]["contract"]["x7"]
    assert entry == {"option": "contractor", "by": "person", "when": "2026-12-01"}
