"""Enum values read with the column and the space they come from: misspelt country names,
language names of languages without a vocabulary, codes left to one option, and a
partner's own decided values before another partner's."""

from __future__ import annotations

import polars as pl
import pytest

from feedline.blueprint import Constraint, Field, Option, SheetSpec
from feedline.mapping import MappingMemory, automap, gate, map_enum_values, patch
from feedline.mapping.memory import OTHER
from feedline.mapping.plan import review_items

COUNTRY = Field(
    "country",
    "Customer Country",
    type="enum",
    options=(
        Option("US", "United States"),
        Option("CA", "Canada"),
        Option("MX", "Mexico"),
        Option("LV", "Latvia"),
        Option("LT", "Lithuania"),
        Option("GB", "United Kingdom"),
        Option("AT", "Austria"),
        Option("IT", "Italy"),
    ),
)
LANGUAGE = Field(
    "language",
    "Language",
    type="enum",
    options=(
        Option("en", "English"),
        Option("es", "Spanish"),
        Option("fr", "French"),
        Option("zu", "Zulu"),
    ),
)
SEX = Field(
    "sex",
    "Sex",
    type="enum",
    options=(
        Option("male", "Male"),
        Option("female", "Female"),
        Option("male_neutered", "Male Neutered"),
        Option("female_spayed", "Female Spayed"),
    ),
)
PAYMENT = Field(
    "payment_method",
    "Payment Method",
    type="enum",
    options=(Option("card", "Credit Card"), Option("cash", "Cash"), Option("invoice", "Invoice")),
)
CLASS = Field(
    "car_class",
    "Car Class",
    type="enum",
    options=(Option("compact", "Compact"), Option("van", "Van"), Option("suv", "SUV")),
)


def _got(
    counts: dict[str, int], field: Field, remembered: dict | None = None
) -> dict[str, str | None]:
    return {v.value: v.option for v in map_enum_values(counts, field, remembered=remembered)}


@pytest.mark.parametrize(
    ("value", "option"),
    [
        ("Untied States", "US"),
        ("Mexcio", "MX"),
        ("Itallia", "IT"),
        ("Canadaa", "CA"),
        ("Vacija", None),  # Latvian Vācija without its accent is Germany: not an option here
    ],
)
def test_a_country_name_a_letter_away_from_one_countrys_names_is_that_country(value, option):
    assert _got({value: 3}, COUNTRY)[value] == option


def test_a_misspelt_name_as_near_two_countries_stays_unread():
    # "Austrai" is one edit from Austria and from Australia (Spanish "Australi..."): no guess.
    assert _got({"Austrai": 3}, COUNTRY)["Austrai"] is None


def test_a_country_name_that_only_begins_like_an_option_is_no_peoples_adjective():
    # Latvian Lielbritānija (Great Britain) shares "Lie" with Lietuva, and is no adjective of it.
    assert _got({"Lielbritānija": 2}, COUNTRY)["Lielbritānija"] != "LT"


def test_language_names_of_languages_without_a_vocabulary():
    got = _got({"Gaztelania": 4, "Frantsesa": 2, "Engels": 3, "Zoeloe": 1}, LANGUAGE)
    assert got == {"Gaztelania": "es", "Frantsesa": "fr", "Engels": "en", "Zoeloe": "zu"}


def test_a_code_whose_initial_begins_options_other_codes_name_takes_the_one_left():
    got = _got({"MN": 9, "FS": 8, "MI": 4, "FI": 3}, SEX)
    assert got == {"MN": "male_neutered", "FS": "female_spayed", "MI": "male", "FI": "female"}
    got = _got({"CC": 9, "CA": 4, "DB": 1}, PAYMENT)
    assert got == {"CC": "card", "CA": "cash", "DB": None}


def test_no_option_left_by_other_codes_when_none_are_read():
    # Alone, "MI" begins Male and Male Neutered alike: nothing decides between them.
    assert _got({"MI": 4, "FI": 3}, SEX) == {"MI": None, "FI": None}


def test_this_partners_own_decisions_go_before_another_partners_same_spelling():
    # A Greek partner's "Mikro" was decided compact; this Latvian partner's "Mikroautobuss"
    # is a van, and its "Mikro." cuts short its own word.
    remembered = {
        "mikro": ("compact", "person", OTHER),
        "mikroautobuss": ("van", "person"),
        "apvidus": ("suv", "person"),
    }
    got = _got({"Mikro.": 2, "Mikroautobuss": 5, "Apvidus": 3}, CLASS, remembered)
    assert got == {"Mikro.": "van", "Mikroautobuss": "van", "Apvidus": "suv"}
    # Without a decision of its own, the other partner's spelling is what there is.
    assert _got({"Mikro": 2}, CLASS, {"mikro": ("compact", "person", OTHER)}) == {
        "Mikro": "compact"
    }


EMPLOYMENT = Field(
    "employment_type",
    "Employment Type",
    type="enum",
    options=(Option("full_time", "Full time"), Option("part_time", "Part time")),
)


def test_own_initials_go_before_another_spaces_exact_value_through_memory():
    # A French partner's "TP" (temps plein) was decided full time; a Portuguese partner
    # decided "Tempo parcial" part time, and now writes "TP".
    memory = MappingMemory("hr")
    memory.spaces = {
        "fr": {
            "employees": {
                **_doc(),
                "enums": {
                    "employment_type": {
                        "tp": {"option": "full_time", "by": "person", "when": "2026-01-01"}
                    }
                },
            }
        },
        "pt": {
            "employees": {
                **_doc(),
                "enums": {
                    "employment_type": {
                        "tempo parcial": {
                            "option": "part_time",
                            "by": "person",
                            "when": "2026-01-01",
                        },
                        "tempo inteiro": {
                            "option": "full_time",
                            "by": "person",
                            "when": "2026-01-01",
                        },
                    }
                },
            }
        },
    }
    remembered = memory.evidence("pt", "employees", ["Regime"]).enums["employment_type"]
    assert _got({"TP": 5, "TI": 3}, EMPLOYMENT, remembered) == {
        "TP": "part_time",
        "TI": "full_time",
    }
    remembered = memory.evidence("fr", "employees", ["Regime"]).enums["employment_type"]
    assert _got({"TP": 5}, EMPLOYMENT, remembered) == {"TP": "full_time"}


def _doc() -> dict:
    from feedline.mapping.memory import empty_document

    return empty_document()


SEX_SHEET = SheetSpec(
    "visits",
    "Visits",
    (
        Field("visit_id", "Visit ID", constraints=(Constraint("required"),)),
        Field("sex", "Sex", type="enum", options=SEX.options),
    ),
)


def _sex_frame() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "Visit ID": [f"V{i}" for i in range(40)],
            "Sex": ["MN"] * 15 + ["FS"] * 15 + ["MI"] * 5 + ["FI"] * 5,
        }
    )


def test_values_guessed_from_the_column_as_a_whole_wait_for_a_person():
    plan = automap(_sex_frame(), SEX_SHEET)
    assert plan.enum_map()["sex"]["MI"] == "male"
    ok, reasons = gate(plan, SEX_SHEET, "confident")
    assert not ok and any(
        'of "sex" values are guessed' in r and '"MI" -> "male"' in r for r in reasons
    )
    assert any(
        sorted(item.get("guessed", [])) == ["FI", "MI"]
        for item in review_items(plan, SEX_SHEET, "confident")
    )
    assert gate(plan, SEX_SHEET, "any") == (True, [])


def test_once_a_person_confirmed_them_the_next_delivery_runs_alone():
    memory = MappingMemory("vet")
    first = automap(_sex_frame(), SEX_SHEET, memory=memory, space="p")
    fixed = patch(first, {}, {"sex": {"MI": "male", "FI": "female"}}, SEX_SHEET, _sex_frame())
    memory.remember("p", SEX_SHEET.slug, fixed, by="person")
    again = automap(_sex_frame(), SEX_SHEET, memory=memory, space="p")
    assert again.auto_accept, again.review_reasons


def test_a_letter_that_begins_a_value_decided_before_is_no_guess():
    direction = Field(
        "direction",
        "Direction",
        type="enum",
        options=(Option("debit", "Debit"), Option("credit", "Credit")),
    )
    remembered = {"dr": ("debit", "person"), "cr": ("credit", "person")}
    got = map_enum_values({"D": 5, "C": 4}, direction, remembered=remembered)
    assert [(v.option, v.confidence >= 0.8) for v in got] == [("debit", True), ("credit", True)]


LOANS = SheetSpec(
    "loans",
    "Loans",
    (
        Field("loan_id", "Loan ID", constraints=(Constraint("required"),)),
        Field(
            "item_type",
            "Item Type",
            type="enum",
            options=(Option("book", "Book"), Option("dvd", "DVD"), Option("magazine", "Magazine")),
        ),
        Field(
            "status",
            "Loan Status",
            type="enum",
            options=(Option("on_loan", "On Loan"), Option("returned", "Returned")),
        ),
    ),
)


def test_a_column_of_a_few_unread_words_is_not_dropped_surely_while_an_enum_field_is_free():
    frame = pl.DataFrame(
        # invented words: the Vietnamese book and magazine words are vocabulary now
        {"Loan ID": [f"L{i}" for i in range(30)], "Loại tài liệu": ["Vrelk", "Tamboz", "Quisp"] * 10}
    )
    left = {m.source: m for m in automap(frame, LOANS).fields}["Loại tài liệu"]
    assert left.destination is None and left.certainty == "moderate"
    assert "is free" in left.reason
    # Its words spread over every row (no word repeats): free text, no enum options.
    frame = frame.with_columns(pl.Series("Loại tài liệu", [f"ghi chú {i}" for i in range(30)]))
    assert {m.source: m for m in automap(frame, LOANS).fields}[
        "Loại tài liệu"
    ].certainty != "moderate"


EMPLOYMENT_FULL = Field(
    "employment_type",
    "Employment Type",
    type="enum",
    options=(
        Option("full_time", "Full time"),
        Option("part_time", "Part time"),
        Option("contractor", "Contractor"),
    ),
)
SHIPMENT = Field(
    "status",
    "Shipment Status",
    type="enum",
    options=(
        Option("in_transit", "In Transit"),
        Option("delivered", "Delivered"),
        Option("returned", "Returned"),
        Option("exception", "Exception"),
    ),
)


@pytest.mark.parametrize(
    ("field", "value", "option"),
    [
        (EMPLOYMENT_FULL, "FT - Full time", "full_time"),
        (EMPLOYMENT_FULL, "01 Full time", "full_time"),
        (SHIPMENT, "Delivery exception", "exception"),
        (SHIPMENT, "Not delivered", None),  # a negation before a label is no qualifier
        (SHIPMENT, "Returned / Delivered", None),  # two options named: no guess
    ],
)
def test_a_label_after_a_code_or_a_qualifier_names_its_option(field, value, option):
    assert _got({value: 3}, field)[value] == option


def test_names_of_every_latin_script_cldr_language():
    # Swahili and Vietnamese are no vocabulary languages, nor among the first extra locales.
    assert _got({"Marekani": 3, "Uingereza": 2}, COUNTRY) == {"Marekani": "US", "Uingereza": "GB"}
    assert _got({"Tiếng Anh": 4, "Tiếng Pháp": 2}, LANGUAGE) == {
        "Tiếng Anh": "en",
        "Tiếng Pháp": "fr",
    }
