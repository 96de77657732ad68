"""Enum values read with the column and the space they come from: misspelt country names,
language names of languages without a vocabulary, codes left to one option, and a
partner's own decided values before another partner's."""

from __future__ import annotations

import pytest

from feedline.blueprint import Field, Option
from feedline.mapping import MappingMemory, map_enum_values
from feedline.mapping.memory import OTHER

COUNTRY = Field("country", "Customer Country", type="enum", options=(
    Option("US", "United States"), Option("CA", "Canada"), Option("MX", "Mexico"),
    Option("LV", "Latvia"), Option("LT", "Lithuania"), Option("GB", "United Kingdom"),
    Option("AT", "Austria"), Option("IT", "Italy")))
LANGUAGE = Field("language", "Language", type="enum", options=(
    Option("en", "English"), Option("es", "Spanish"), Option("fr", "French"), Option("zu", "Zulu")))
SEX = Field("sex", "Sex", type="enum", options=(
    Option("male", "Male"), Option("female", "Female"), Option("male_neutered", "Male Neutered"),
    Option("female_spayed", "Female Spayed")))
PAYMENT = Field("payment_method", "Payment Method", type="enum", options=(
    Option("card", "Credit Card"), Option("cash", "Cash"), Option("invoice", "Invoice")))
CLASS = Field("car_class", "Car Class", type="enum", options=(
    Option("compact", "Compact"), Option("van", "Van"), Option("suv", "SUV")))


def _got(counts: dict[str, int], field: Field, remembered: dict | None = None) -> dict[str, str | None]:
    return {v.value: v.option for v in map_enum_values(counts, field, remembered=remembered)}


@pytest.mark.parametrize(("value", "option"), [
    ("Untied States", "US"), ("Mexcio", "MX"), ("Itallia", "IT"), ("Canadaa", "CA"),
    ("Vacija", None),  # Latvian Vācija without its accent is Germany: not an option here
])
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
    remembered = {"mikro": ("compact", "person", OTHER), "mikroautobuss": ("van", "person"),
                  "apvidus": ("suv", "person")}
    got = _got({"Mikro.": 2, "Mikroautobuss": 5, "Apvidus": 3}, CLASS, remembered)
    assert got == {"Mikro.": "van", "Mikroautobuss": "van", "Apvidus": "suv"}
    # Without a decision of its own, the other partner's spelling is what there is.
    assert _got({"Mikro": 2}, CLASS, {"mikro": ("compact", "person", OTHER)}) == {"Mikro": "compact"}


EMPLOYMENT = Field("employment_type", "Employment Type", type="enum", options=(
    Option("full_time", "Full time"), Option("part_time", "Part time")))


def test_own_initials_go_before_another_spaces_exact_value_through_memory():
    # A French partner's "TP" (temps plein) was decided full time; a Portuguese partner
    # decided "Tempo parcial" part time, and now writes "TP".
    memory = MappingMemory("hr")
    memory.spaces = {
        "fr": {"employees": {**_doc(), "enums": {"employment_type": {
            "tp": {"option": "full_time", "by": "person", "when": "2026-01-01"}}}}},
        "pt": {"employees": {**_doc(), "enums": {"employment_type": {
            "tempo parcial": {"option": "part_time", "by": "person", "when": "2026-01-01"},
            "tempo inteiro": {"option": "full_time", "by": "person", "when": "2026-01-01"}}}}},
    }
    remembered = memory.evidence("pt", "employees", ["Regime"]).enums["employment_type"]
    assert _got({"TP": 5, "TI": 3}, EMPLOYMENT, remembered) == {"TP": "part_time", "TI": "full_time"}
    remembered = memory.evidence("fr", "employees", ["Regime"]).enums["employment_type"]
    assert _got({"TP": 5}, EMPLOYMENT, remembered) == {"TP": "full_time"}


def _doc() -> dict:
    from feedline.mapping.memory import empty_document

    return empty_document()
