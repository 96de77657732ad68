"""Learning from people: a person's decision is trusted next time, renames keep their field."""

from __future__ import annotations

import random

import polars as pl
import pytest

from feedline.blueprint import Constraint, Field, Option, SheetSpec
from feedline.mapping import MappingMemory, automap, gate, override, patch, review_items, unread

REQUIRED = (Constraint("required"),)
SHEET = SheetSpec("staff", "Staff", (
    Field("employee_id", "Employee ID", constraints=REQUIRED),
    Field("department", "Department", type="enum", options=(
        Option("sales", "Sales"), Option("finance", "Finance"), Option("it", "IT"))),
    Field("hire_date", "Hire Date", type="date", constraints=REQUIRED),
    Field("grade", "Grade"),
))
# Headers no vocabulary knows, department codes no rule can read, and dates in a shape
# the value profiles do not recognise: only a person can map this file.
CODES = {"S1": "sales", "F2": "finance", "T3": "it"}


def delivery(seed: int, headers: tuple[str, str, str, str] = ("Kz", "Ou", "Wx", "Gr")) -> pl.DataFrame:
    rng = random.Random(seed)
    n = 40
    return pl.DataFrame({
        headers[0]: [f"P{seed}{i:04d}" for i in range(n)],
        headers[1]: [rng.choice(list(CODES)) for _ in range(n)],
        headers[2]: [f"{rng.randrange(2000, 2026)}W{rng.randrange(10, 52)}" for _ in range(n)],
        headers[3]: [rng.choice(["A", "B", "C"]) for _ in range(n)],
    })


def person_executes(memory: MappingMemory, space: str, frame: pl.DataFrame) -> None:
    """A person maps every column and every department code, and executes the plan."""
    plan = automap(frame, SHEET, memory=memory, space=space)
    assert not plan.auto_accept  # nothing here can be mapped without a person
    decided = patch(plan, dict(zip(frame.columns, ("employee_id", "department", "hire_date", "grade"),
                                   strict=True)), {}, SHEET, frame)
    decided = patch(decided, {}, {"department": CODES}, SHEET, frame)
    memory.remember(space, "staff", decided, by="person", when="2026-11-30")


def test_a_persons_decision_runs_alone_in_the_same_space_next_time():
    memory = MappingMemory("hr")
    person_executes(memory, "acme", delivery(1))
    plan = automap(delivery(2), SHEET, memory=memory, space="acme")
    assert plan.auto_accept, plan.review_reasons
    assert plan.mapping() == {"Kz": "employee_id", "Ou": "department", "Wx": "hire_date", "Gr": "grade"}
    for m in plan.fields:
        assert m.certainty == "absolute" and m.reason_code == "remembered"
        assert "a person mapped" in m.reason and "2026-11-30" in m.reason
    assert {v.option for v in plan.enums["department"]} == set(CODES.values())
    assert all("a person chose it" in v.reason for v in plan.enums["department"])


def test_a_persons_decision_in_another_space_is_strong_not_absolute():
    memory = MappingMemory("hr")
    person_executes(memory, "acme", delivery(1))
    plan = automap(delivery(3), SHEET, memory=memory, space="globex")
    for m in plan.fields:
        assert m.reason_code == "remembered" and "another space" in m.reason
        assert m.certainty == "strong", m


def test_a_decision_automap_made_alone_is_weaker_memory_than_a_persons():
    memory = MappingMemory("hr")
    frame = delivery(1, ("Employee ID", "Department", "Hire Date", "Grade"))
    frame = frame.with_columns(pl.col("Department").replace(CODES), pl.lit("2024-05-01").alias("Hire Date"))
    plan = automap(frame, SHEET)
    assert plan.auto_accept
    memory.remember("acme", "staff", plan, by="automap", when="2026-11-02")
    again = automap(frame, SHEET, memory=memory, space="acme")
    person = MappingMemory("hr")
    person.remember("acme", "staff", plan, by="person", when="2026-11-02")
    trusted = automap(frame, SHEET, memory=person, space="acme")
    for a, p in zip(again.fields, trusted.fields, strict=True):
        assert "automap" in a.reason and "a person" in p.reason
        assert a.confidence <= p.confidence
    decision = memory.document("acme", "staff")["decisions"]["employee id"]
    assert (decision["by"], decision["when"]) == ("automap", "2026-11-02")


def test_automap_running_a_persons_plan_keeps_it_a_persons_decision():
    memory = MappingMemory("hr")
    person_executes(memory, "acme", delivery(1))
    plan = automap(delivery(2), SHEET, memory=memory, space="acme")
    memory.remember("acme", "staff", plan, by="automap", when="2026-12-14")
    decision = memory.document("acme", "staff")["decisions"]["kz"]
    assert (decision["by"], decision["when"], decision["confirmed"]) == ("person", "2026-11-30", "2026-12-14")


def test_a_renamed_column_keeps_its_field_through_its_values():
    memory = MappingMemory("hr")
    person_executes(memory, "acme", delivery(1))
    d2 = delivery(2, ("Kz", "Ou", "Datum Eintr. (neu)", "Gr"))
    plan = automap(d2, SHEET, memory=memory, space="acme")
    m = next(f for f in plan.fields if f.source == "Datum Eintr. (neu)")
    assert (m.destination, m.reason_code) == ("hire_date", "renamed")
    assert "a person mapped it" in m.reason
    assert m.certainty == "strong"
    assert plan.drift is not None and plan.drift["renamed"] == {"Wx": "Datum Eintr. (neu)"}


def test_values_that_no_longer_fit_make_a_remembered_decision_doubtful():
    memory = MappingMemory("hr")
    person_executes(memory, "acme", delivery(1))
    changed = delivery(2).with_columns(pl.Series("Wx", [f"{i}.5" for i in range(40)]))
    plan = automap(changed, SHEET, memory=memory, space="acme")
    m = next(f for f in plan.fields if f.source == "Wx")
    assert m.destination == "hire_date" and m.certainty != "absolute"
    assert "values" in m.reason
    assert not plan.auto_accept


def test_a_person_may_leave_a_required_field_unmapped():
    frame = delivery(1)
    plan = override(automap(frame, SHEET), {"Kz": "employee_id", "Ou": None, "Wx": None, "Gr": None},
                    SHEET, frame)
    ok, reasons = gate(plan, SHEET, "any")
    assert not ok and reasons == ['required field "hire_date" (Hire Date) is not mapped']
    assert gate(plan, SHEET, "any", allow_missing_required=True) == (True, [])
    waived = patch(plan, {}, {}, SHEET, accuracy="any", allow_missing_required=True)
    assert waived.auto_accept


def test_enum_values_a_person_states_for_values_not_in_the_file_are_kept_and_learnt():
    memory = MappingMemory("hr")
    frame = delivery(1)
    plan = automap(frame, SHEET)
    plan = patch(plan, {"Kz": "employee_id", "Ou": "department", "Wx": "hire_date", "Gr": "grade"},
                 {"department": {**CODES, "L9": "it", "X0": None}}, SHEET, frame)
    assert plan.taught == {"department": {"L9": "it", "X0": None}}
    assert "L9" not in plan.enum_map()["department"]
    data = plan.to_dict()
    assert data["taught"] == {"department": {"L9": "it", "X0": None}}
    from feedline.mapping import Plan

    assert Plan.from_dict(data, SHEET).taught == plan.taught
    memory.remember("acme", "staff", plan, by="person", when="2026-11-30")
    later = delivery(2).with_columns(pl.Series("Ou", ["L9", "X0", "S1", "F2"] * 10))
    again = automap(later, SHEET, memory=memory, space="acme")
    values = {v.value: v for v in again.enums["department"]}
    assert values["L9"].option == "it" and "a person chose it" in values["L9"].reason
    assert values["X0"].option is None and "invalid" in values["X0"].reason


def test_taught_values_are_checked_against_the_options():
    from feedline.errors import MappingError
    from feedline.mapping import Plan

    plan = automap(delivery(1), SHEET)
    data = plan.to_dict()
    data["taught"] = {"department": {"L9": "nope"}}
    with pytest.raises(MappingError, match="unknown option"):
        Plan.from_dict(data, SHEET)
    with pytest.raises(MappingError, match="unknown option"):
        patch(plan, {}, {"department": {"L9": "nope"}}, SHEET)


def test_two_date_columns_renamed_at_once_keep_their_fields():
    sheet = SheetSpec("e", "E", (
        Field("employee_id", "Employee ID"),
        Field("hire_date", "Hire Date", type="date", constraints=REQUIRED),
        Field("termination_date", "Termination Date", type="date"),
    ))

    def rows(seed: int, hired: str, left: str) -> pl.DataFrame:
        rng = random.Random(seed)
        return pl.DataFrame({
            "Employee ID": [f"E{seed}{i:03d}" for i in range(40)],
            hired: [f"2020-0{rng.randrange(1, 9)}-1{rng.randrange(0, 9)}" for _ in range(40)],
            left: [f"2024-0{rng.randrange(1, 9)}-1{rng.randrange(0, 9)}" if rng.random() < 0.2 else ""
                   for _ in range(40)],
        })

    memory = MappingMemory("hr")
    d1 = rows(1, "Qa", "Qb")
    decided = override(automap(d1, sheet), {"Qa": "hire_date", "Qb": "termination_date"}, sheet, d1)
    memory.remember("acme", "e", decided, by="person", when="2026-11-30")
    plan = automap(rows(2, "Zx", "Zy"), sheet, memory=memory, space="acme")
    assert plan.mapping() == {"Employee ID": "employee_id", "Zx": "hire_date", "Zy": "termination_date"}
    assert all(m.reason_code == "renamed" for m in plan.fields if m.source in ("Zx", "Zy"))
    assert 'column "Qb"' in next(m.reason for m in plan.fields if m.source == "Zy")


def test_a_gone_columns_field_left_empty_beside_a_new_column_like_it_makes_the_plan_wait():
    memory = MappingMemory("hr")
    person_executes(memory, "acme", delivery(1))
    # "Gr" (grade: A, B, C) is gone; "Stufe" writes other grades: too unlike for memory
    # to carry the decision, too alike to drop silently.
    d2 = delivery(2).drop("Gr").with_columns(pl.Series("Stufe", [("K", "L", "M")[i % 3] for i in range(40)]))
    plan = automap(d2, SHEET, memory=memory, space="acme")
    m = next(f for f in plan.fields if f.source == "Stufe")
    assert m.destination is None and m.certainty != "strong"
    assert 'column "Gr" fed field "grade" last time and is gone' in m.reason
    assert not plan.auto_accept
    assert any('"Stufe" is left unmapped' in r for r in plan.review_reasons)


def test_a_column_added_while_no_field_lost_its_column_stays_unmapped_and_the_plan_runs():
    memory = MappingMemory("hr")
    person_executes(memory, "acme", delivery(1))
    d2 = delivery(2).with_columns(pl.Series("Stufe", [("K", "L", "M")[i % 3] for i in range(40)]))
    plan = automap(d2, SHEET, memory=memory, space="acme")
    m = next(f for f in plan.fields if f.source == "Stufe")
    assert m.destination is None and m.certainty == "strong"
    assert plan.auto_accept, plan.review_reasons


def test_a_renamed_column_of_many_repeated_codes_keeps_its_field_though_other_codes_lead_its_values():
    """Store numbers: forty codes, each a few times; which twelve come first is a draw of
    the delivery, not what the column is."""
    sheet = SheetSpec("stock", "Stock", (
        Field("sku", "SKU", constraints=REQUIRED),
        Field("store_id", "Store ID"),
    ))

    def rows(seed: int, store: str) -> pl.DataFrame:
        rng = random.Random(seed)
        return pl.DataFrame({"SKU": [f"K{seed}{i:04d}" for i in range(80)],
                             store: [f"{rng.randrange(100, 140):04d}" for _ in range(80)]})

    memory = MappingMemory("retail")
    d1 = rows(1, "Wq")
    decided = override(automap(d1, sheet), {"SKU": "sku", "Wq": "store_id"}, sheet, d1)
    memory.remember("acme", "stock", decided, by="person", when="2026-11-30")
    plan = automap(rows(2, "Zz"), sheet, memory=memory, space="acme")
    m = next(f for f in plan.fields if f.source == "Zz")
    assert (m.destination, m.reason_code) == ("store_id", "renamed")
    assert plan.auto_accept, plan.review_reasons


CLAIMS = SheetSpec("claims", "Claims", (
    Field("claim_id", "Claim ID", constraints=REQUIRED),
    Field("claim_type", "Claim Type", type="enum", options=(
        Option("consultation", "Consultation"), Option("dental", "Dental"),
        Option("hospital", "Hospital"), Option("pharmacy", "Pharmacy"))),
    Field("note", "Note"),
))
KINDS = ["Consultation", "Dental", "Hospital", "Pharmacy"]


def claims(seed: int, column: str, kinds: list[str]) -> pl.DataFrame:
    rng = random.Random(seed)
    return pl.DataFrame({"Nr": [f"C{seed}{i:04d}" for i in range(60)],
                         column: [rng.choice(kinds) for _ in range(60)]})


def claims_memory(field: str) -> MappingMemory:
    memory = MappingMemory("insurance")
    d1 = claims(1, "Tq", KINDS)
    decided = override(automap(d1, CLAIMS), {"Nr": "claim_id", "Tq": field}, CLAIMS, d1)
    memory.remember("acme", "claims", decided, by="person", when="2026-11-30")
    return memory


def test_a_renamed_enum_column_with_a_new_spelling_keeps_its_field_when_its_values_fit_it():
    # "Hosp." makes the values too unlike the old column's for a rename on values alone;
    # that they name the field's options stands in for the name.
    plan = automap(claims(2, "Zv", [*KINDS, "Hosp."]), CLAIMS, memory=claims_memory("claim_type"), space="acme")
    m = next(f for f in plan.fields if f.source == "Zv")
    assert (m.destination, m.reason_code, m.certainty) == ("claim_type", "renamed", "strong")
    assert 'column "Tq"' in m.reason and "fit field" in m.reason
    assert plan.auto_accept, plan.review_reasons


def test_values_that_fit_a_field_no_gone_column_fed_still_wait_for_a_person():
    plan = automap(claims(2, "Zv", [*KINDS, "Hosp."]), CLAIMS, memory=claims_memory("note"), space="acme")
    m = next(f for f in plan.fields if f.source == "Zv")
    assert m.reason_code != "renamed"
    assert not plan.auto_accept


def with_new_code(seed: int, code: str, share: float) -> pl.DataFrame:
    """A later delivery whose department column brings a code no one has seen, in
    ``share`` of its rows."""
    frame = delivery(seed)
    n = frame.height
    new = [code if i < round(n * share) else v for i, v in enumerate(frame["Ou"])]
    return frame.with_columns(pl.Series("Ou", new))


def person_mapped(space: str) -> MappingMemory:
    """The memory after a person mapped the first delivery in ``space``."""
    memory = MappingMemory("hr")
    person_executes(memory, space, delivery(1))
    return memory


def test_a_new_value_in_a_column_a_person_mapped_leaves_its_records_for_review():
    memory = person_mapped("acme")
    frame = with_new_code(2, "X9", 0.2)
    plan = automap(frame, SHEET, memory=memory, space="acme")
    assert plan.auto_accept, plan.review_reasons
    assert unread(plan) == {"department": ["X9"]}
    assert next(v for v in plan.enums["department"] if v.value == "X9").option is None


def test_a_feed_that_says_wait_holds_a_delivery_with_a_new_value():
    memory = person_mapped("acme")
    plan = automap(with_new_code(2, "X9", 0.2), SHEET, memory=memory, space="acme", new_values="wait")
    assert not plan.auto_accept
    assert any('"X9"' in r and "limit 5%" in r for r in plan.review_reasons), plan.review_reasons
    items = review_items(plan, SHEET, "confident", new_values="wait")
    assert {"kind": "enum", "destination": "department", "unmatched": ["X9"], "share": 0.2} in items


def test_a_column_a_person_mapped_that_is_mostly_unread_now_waits():
    memory = person_mapped("acme")
    plan = automap(with_new_code(2, "X9", 0.6), SHEET, memory=memory, space="acme")
    assert not plan.auto_accept
    assert any("limit 50% for a column a person mapped" in r for r in plan.review_reasons), plan.review_reasons


def test_a_new_value_where_no_person_settled_the_column_still_waits():
    # The same person's decision seen from another space is strong, not settled here.
    memory = person_mapped("acme")
    plan = automap(with_new_code(2, "X9", 0.2), SHEET, memory=memory, space="globex")
    assert not plan.auto_accept
    assert any('"X9"' in r for r in plan.review_reasons), plan.review_reasons


def test_the_unread_values_a_plan_names_are_the_most_frequent_first_and_bounded():
    memory = person_mapped("acme")
    frame = with_new_code(2, "X9", 0.1)
    frame = frame.with_columns(pl.Series("Ou", ["Y8" if i in (30, 31, 32, 33, 34) else v
                                                for i, v in enumerate(frame["Ou"])]))
    plan = automap(frame, SHEET, memory=memory, space="acme")
    assert unread(plan) == {"department": ["Y8", "X9"]}
    assert unread(plan, limit=1) == {"department": ["Y8"]}
