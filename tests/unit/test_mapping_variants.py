"""Later deliveries spell decided values differently; codes, cognates, cut-short headers."""

from __future__ import annotations

import random

import polars as pl

from feedline.blueprint import Constraint, Field, Option, SheetSpec
from feedline.mapping import MappingMemory, automap, patch, unread
from feedline.mapping.enums import map_enum_values, match_value
from feedline.mapping.normalize import form
from feedline.mapping.scorers import profile_column
from feedline.mapping.vocabulary import words

REQUIRED = (Constraint("required"),)
STATUS = Field("status", "Status", type="enum", options=(
    Option("submitted", "Submitted"), Option("approved", "Approved"), Option("denied", "Denied"),
    Option("inpatient", "Inpatient")))
SHEET = SheetSpec("claims", "Claims", (
    Field("claim_id", "Claim ID", constraints=REQUIRED),
    STATUS,
    Field("amount", "Amount", type="number"),
))
# The partner's words for the options, which no vocabulary holds: a person decides them.
D1 = {"Esitatud": "submitted", "Kinnitatud": "approved", "Tühistatud": "denied",
      "Haiglaravi": "inpatient"}


def delivery(seed: int, spellings: list[str]) -> pl.DataFrame:
    rng = random.Random(seed)
    n = 60
    return pl.DataFrame({
        "Claim ID": [f"C{seed}{i:05d}" for i in range(n)],
        "Status": [spellings[i % len(spellings)] for i in range(n)],
        "Amount": [f"{rng.uniform(1, 900):.2f}" for _ in range(n)],
    })


def person_executes(memory: MappingMemory, frame: pl.DataFrame, values: dict[str, str | None]) -> None:
    plan = automap(frame, SHEET, memory=memory, space="lyon")
    decided = patch(plan, {}, {"status": values}, SHEET, frame)
    memory.remember("lyon", "claims", decided, by="person", when="2026-11-02")


def test_a_later_delivery_writing_decided_values_differently_runs_alone():
    memory = MappingMemory("claims")
    first = delivery(1, list(D1))
    assert not automap(first, SHEET, memory=memory, space="lyon").auto_accept
    person_executes(memory, first, D1)
    # Case, accents, a trailing dot and a truncation of what the person decided.
    later = delivery(2, ["ESITATUD", "kinnitatud.", "Tuhistatud", "Haiglar."])
    plan = automap(later, SHEET, memory=memory, space="lyon")
    assert plan.auto_accept, plan.review_reasons
    assert plan.enum_map()["status"] == {"ESITATUD": "submitted", "kinnitatud.": "approved",
                                         "Tuhistatud": "denied", "Haiglar.": "inpatient"}


def test_a_new_word_is_left_to_a_person():
    # The person's column runs; the new word's records wait in record review, or, when the
    # feed says so, the whole delivery waits.
    memory = MappingMemory("claims")
    first = delivery(1, list(D1))
    person_executes(memory, first, D1)
    later = delivery(2, [*D1, "Classé sans suite"])
    plan = automap(later, SHEET, memory=memory, space="lyon")
    assert plan.auto_accept, plan.review_reasons
    assert unread(plan) == {"status": ["Classé sans suite"]}
    held = automap(later, SHEET, memory=memory, space="lyon", new_values="wait")
    assert not held.auto_accept
    assert any("Classé sans suite" in r for r in held.review_reasons)


def test_a_value_that_qualifies_a_decided_one_takes_its_option():
    memory = MappingMemory("claims")
    first = delivery(1, ["W trakcie", "Zgłoszona"])
    person_executes(memory, first, {"W trakcie": "submitted", "Zgłoszona": "approved"})
    plan = automap(delivery(2, ["W trakcie", "w trakcie oceny", "Zgłoszona"]), SHEET,
                   memory=memory, space="lyon")
    assert plan.enum_map()["status"]["w trakcie oceny"] == "submitted"
    assert plan.auto_accept, plan.review_reasons
    assert match_value("Denied after appeal", STATUS)[0] == "denied"
    # Too short a start, or one two options share, decides nothing.
    assert match_value("In progress", STATUS) is None


def test_a_value_a_person_called_invalid_does_not_stop_the_next_delivery():
    memory = MappingMemory("claims")
    values = [*D1, "Inconnu"]
    first = delivery(1, values)
    person_executes(memory, first, {**D1, "Inconnu": None})
    plan = automap(delivery(2, values), SHEET, memory=memory, space="lyon")
    assert plan.auto_accept, plan.review_reasons
    assert plan.enum_map()["status"]["Inconnu"] is None  # its records fail validation


def test_one_letter_codes_read_as_a_scheme():
    field = Field("status", "Status", type="enum", options=(
        Option("enrolled", "Enrolled"), Option("deferred", "Deferred"),
        Option("withdrawn", "Withdrawn"), Option("graduated", "Graduated")))
    got = {v.value: v.option for v in map_enum_values({"E": 9, "D": 3, "W": 2, "G": 5}, field)}
    assert got == {"E": "enrolled", "D": "deferred", "W": "withdrawn", "G": "graduated"}


def test_a_letter_two_options_start_with_stays_unmapped():
    field = Field("status", "Status", type="enum", options=(
        Option("submitted", "Submitted"), Option("sold", "Sold"), Option("open", "Open")))
    got = {v.value: v.option for v in map_enum_values({"S": 4, "O": 3}, field)}
    assert got == {"S": None, "O": "open"}


def test_two_letter_abbreviations_and_country_codes():
    uom = Field("uom", "Unit", type="enum", options=(
        Option("each", "Each"), Option("box", "Box"), Option("pack", "Pack")))
    got = {v.value: v.option for v in map_enum_values({"EA": 5, "BX": 2, "PK": 1}, uom)}
    assert got == {"EA": "each", "BX": "box", "PK": "pack"}
    country = Field("country", "Country", type="enum", options=(
        Option("DE", "Germany"), Option("FR", "France")))
    assert {v.value: v.option for v in map_enum_values({"D": 3, "F": 2}, country)} == {"D": None, "F": None}


def test_labels_spelt_alike_across_languages():
    field = Field("category", "Category", type="enum", options=(
        Option("electronics", "Electronics"), Option("technology", "Technology"),
        Option("pharmacy", "Pharmacy")))
    assert match_value("Elektronik", field)[0] == "electronics"
    assert match_value("Technologie", field)[0] == "technology"
    assert match_value("Pharmacie", field)[0] == "pharmacy"
    assert match_value("Pharmazeut", field) is None


def test_an_exact_header_over_unknown_enum_words_stays_strong_and_the_values_wait():
    frame = pl.DataFrame({"Claim ID": [f"C{i}" for i in range(30)],
                          "Status": ["Til salg", "Solgt", "Trukket"] * 10})
    plan = automap(frame, SHEET)
    status = next(m for m in plan.fields if m.source == "Status")
    assert status.destination == "status" and status.certainty in ("strong", "absolute")
    assert not plan.auto_accept
    assert any('"status" values match no option' in r for r in plan.review_reasons)


def test_headers_cut_short_and_number_compounds():
    assert form("DT_NAISS").expanded == ("date", "of", "birth")
    assert form("Sagsnr.").expanded == ("sags", "id")
    assert form("Tositenr").expanded == ("tosite", "id")
    assert words("Beløb Rækkehus Płeć") == ["belob", "raekkehus", "plec"]


def test_a_sort_code_is_no_date():
    assert profile_column(pl.Series(["20-00-00", "40-11-62", "30-00-12"])).date == 0.0
    assert profile_column(pl.Series(["03/04/2025", "31.12.2024", "1-2-25"])).date == 1.0


CITIZENSHIP = Field("citizenship", "Citizenship", type="enum", options=tuple(
    Option(code, name) for code, name in (("DE", "Germany"), ("FR", "France"), ("PL", "Poland"),
                                          ("IN", "India"), ("CN", "China"), ("ES", "Spain"))))


def test_a_peoples_adjective_names_its_country():
    got = {v: (m[0] if (m := match_value(v, CITIZENSHIP)) else None)
           for v in ("deutsch", "polnisch", "Chinese", "indisch", "española", "België", "Dutch")}
    # A country the options lack (België) and an adjective no name begins (Dutch) map nowhere.
    assert got == {"deutsch": "DE", "polnisch": "PL", "Chinese": "CN", "indisch": "IN",
                   "española": "ES", "België": None, "Dutch": None}


def test_the_words_of_a_label_in_another_order():
    channel = Field("channel", "Channel", type="enum", options=(
        Option("direct_debit", "Direct Debit"), Option("standing_order", "Standing Order")))
    assert match_value("Debit direct", channel)[0] == "direct_debit"
    assert match_value("ORDER STANDING", channel)[0] == "standing_order"


def test_of_numbered_look_alikes_the_first_takes_the_field():
    from feedline.mapping.assign import assign
    from feedline.mapping.scorers import Candidate

    def tie() -> dict[str, Candidate]:
        return {"description": Candidate("description", 0.72, "fuzzy", "resembles")}

    for headers in (["NARRATIVE_2", "NARRATIVE_1"], ["NARRATIVE_1", "NARRATIVE_2"]):
        got = assign([tie(), tie()], ["description"], headers)
        mapped = [h for h, c in zip(headers, got, strict=True) if c is not None]
        assert mapped == ["NARRATIVE_1"]
    # A year is no ordinal: "Q4 2026" and "2026" do not count as numbered.
    got = assign([tie(), tie()], ["description"], ["Note 2026", "Note 3"])
    assert [c is not None for c in got] == [True, False]
