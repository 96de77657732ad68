"""Enum values with a qualifier in brackets (``A (91-100)`` is grade A, ``EUR (Euro)`` is
the euro; a value whose two parts name two options names none), and values cut short
from a label as another language spells it (``sir``, Slovak for syrup)."""

from __future__ import annotations

from feedline.blueprint import Field, Option
from feedline.mapping import map_enum_values

GRADE = Field(
    "grade",
    "Grade",
    type="enum",
    options=(
        Option("A", "Excellent"),
        Option("B", "Very Good"),
        Option("C", "Good"),
        Option("F", "Fail"),
    ),
)
CURRENCY = Field(
    "currency",
    "Currency",
    type="enum",
    options=(Option("EUR", "Euro"), Option("USD", "US Dollar")),
)
ROOM = Field(
    "room",
    "Room Type",
    type="enum",
    options=(Option("single", "Single"), Option("double", "Double")),
)


def _mapped(counts: dict[str, int], field: Field) -> dict[str, str | None]:
    return {v.value: v.option for v in map_enum_values(counts, field)}


def test_a_grade_letter_with_its_score_range_is_the_grade() -> None:
    got = _mapped({"A (91-100)": 9, "B (81-90)": 7, "C (71-80)": 5, "F (0-50)": 2}, GRADE)
    assert got == {"A (91-100)": "A", "B (81-90)": "B", "C (71-80)": "C", "F (0-50)": "F"}


def test_a_code_with_its_name_in_brackets_and_a_name_with_its_code() -> None:
    assert _mapped({"EUR (Euro)": 4, "US Dollar [USD]": 3}, CURRENCY) == {
        "EUR (Euro)": "EUR", "US Dollar [USD]": "USD"}


def test_a_label_with_a_remark_in_brackets_is_the_label() -> None:
    assert _mapped({"Single (shared bath)": 3, "Double (sea view)": 2}, ROOM) == {
        "Single (shared bath)": "single", "Double (sea view)": "double"}


def test_two_options_named_in_one_value_name_none() -> None:
    got = _mapped({"A (Fail)": 2, "Good (B)": 1}, GRADE)
    assert got == {"A (Fail)": None, "Good (B)": None}


def test_an_unknown_code_with_a_score_range_waits() -> None:
    assert _mapped({"Q (91-100)": 2}, GRADE) == {"Q (91-100)": None}


FORM = Field(
    "form",
    "Dosage Form",
    type="enum",
    options=(
        Option("tablet", "Tablet"),
        Option("syrup", "Syrup"),
        Option("cream", "Cream"),
        Option("injection", "Injection"),
    ),
)


def test_a_value_cut_short_as_another_language_spells_the_label() -> None:
    # ``sir`` (Slovak sirup), ``Kre`` (German Creme): cut short, spelt with i for y, k for c
    assert _mapped({"sir": 3, "Kre": 2}, FORM) == {"sir": "syrup", "Kre": "cream"}


def test_a_cut_that_respelt_begins_no_label_waits() -> None:
    assert _mapped({"Pom": 3}, FORM) == {"Pom": None}


INCOTERM = Field("incoterm", "Incoterm", type="enum", options=tuple(
    Option(code, label) for code, label in (("EXW", "Ex Works"), ("FOB", "Free On Board"),
                                            ("CIF", "Cost Insurance and Freight"), ("DAP", "Delivered At Place"))))


def test_a_code_with_its_named_place_is_the_code():
    found = {m.value: m.option for m in map_enum_values(
        {"CIF Rotterdam": 3, "FOB - Shanghai": 2, "EXW Hamburg": 1, "FOB or CIF": 1,
         "cif rotterdam": 1, "XYZ Hamburg": 1, "DAP not agreed": 1}, INCOTERM)}
    assert found == {"CIF Rotterdam": "CIF", "FOB - Shanghai": "FOB", "EXW Hamburg": "EXW",
                     "FOB or CIF": None,  # two codes name no one option
                     "cif rotterdam": None,  # not written as the codes are
                     "XYZ Hamburg": None, "DAP not agreed": None}


CONTRACT = Field("contract", "Contract Type", type="enum", options=(
    Option("permanent", "Permanent"), Option("fixed_term", "Fixed term")))


def test_initials_written_with_stops_are_the_initials_a_person_decided():
    remembered = {"cdi": ("permanent", "person"), "cdd": ("fixed_term", "person")}
    found = {m.value: m.option for m in map_enum_values({"C.D.I.": 2, "C.D.D.": 1, "C D I": 1}, CONTRACT,
                                                         remembered=remembered)}
    assert found["C.D.I."] == "permanent" and found["C.D.D."] == "fixed_term"
    assert found["C D I"] is None  # letters apart without stops are no abbreviation


SHIPMENT = Field("status", "Shipment Status", type="enum", options=(
    Option("in_transit", "In Transit"), Option("out_for_delivery", "Out for Delivery"),
    Option("delivered", "Delivered")))


def test_a_cut_of_a_partners_value_that_also_cuts_another_options_label_is_not_the_partners():
    # this partner decided "Delivery ke liye nikla" (out for delivery); another partner of
    # the blueprint decided "Zugestellt" (delivered): "Deliv." cuts short both the first and
    # the label Delivered, so the partner's own value does not settle it alone
    remembered = {"delivery ke liye nikla": ("out_for_delivery", "person"),
                  "zugestellt": ("delivered", "person", "other")}
    [found] = map_enum_values({"Deliv.": 1}, SHIPMENT, remembered=remembered)
    assert found.option != "out_for_delivery"
    [found] = map_enum_values({"Delivery k.": 1}, SHIPMENT, remembered=remembered)
    assert found.option == "out_for_delivery"  # cuts short no other option's label


def test_a_currency_written_in_any_language_or_as_its_own_word() -> None:
    field = Field("currency", "Currency", type="enum", options=(
        Option("KZT", "Kazakhstani Tenge"), Option("PLN", "Polish Zloty"), Option("USD", "US Dollar"),
        Option("VND", "Vietnamese Dong"), Option("HUF", "Hungarian Forint")))
    got = _mapped({"АҚШ доллары": 5, "тенге": 4, "złoty": 3, "Đồng Việt Nam": 2, "forint": 2,
                   "рубль": 1}, field)
    assert got == {"АҚШ доллары": "USD", "тенге": "KZT", "złoty": "PLN", "Đồng Việt Nam": "VND",
                   "forint": "HUF", "рубль": None}  # no option is a rouble


def test_a_code_joined_from_parts_is_the_option_one_part_names() -> None:
    field = Field("employment_type", "Employment Type", type="enum", options=(
        Option("full_time", "Full time"), Option("part_time", "Part time"),
        Option("contractor", "Contractor")))
    got = _mapped({"FT-HRLY": 5, "PT_SAL": 4, "FT-PT": 2, "EX-FT": 1, "E-FT": 1}, field)
    # two parts naming two options, a part that turns it round, a lone letter: none
    assert got == {"FT-HRLY": "full_time", "PT_SAL": "part_time", "FT-PT": None, "EX-FT": None,
                   "E-FT": None}
