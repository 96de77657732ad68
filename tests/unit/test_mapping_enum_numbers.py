"""Enum values that carry an option's number: the number alone is not enough when letters
glued to it name something else."""

from __future__ import annotations

import pytest

from feedline.blueprint import Field, Option
from feedline.mapping import map_enum_values

GRADE = Field("grade", "Grade", type="enum", options=(
    Option("grade_1", "Grade 1"), Option("grade_2", "Grade 2"), Option("feed", "Feed"),
    Option("rejected", "Rejected")))
PRIORITY = Field("priority", "Priority", type="enum", options=(Option("p1", "Critical"), Option("p2", "High")))


def _option(field: Field, value: str) -> str | None:
    return map_enum_values({value: 1}, field)[0].option


@pytest.mark.parametrize(("field", "value", "option"), [
    (GRADE, "GR1", "grade_1"), (GRADE, "Klasse 2", "grade_2"), (GRADE, "2", "grade_2"),
    (PRIORITY, "1 - Kritiek", "p1"), (PRIORITY, "Prio2", "p2"),
])
def test_a_number_alone_or_with_the_options_letters_names_the_option(field, value, option):
    assert _option(field, value) == option


@pytest.mark.parametrize(("field", "value"), [(GRADE, "FD1"), (GRADE, "XQ2"), (PRIORITY, "X2")])
def test_a_number_glued_to_other_letters_names_no_option(field, value):
    assert _option(field, value) is None


REGISTER = Field("register", "Register", type="enum", options=(
    Option("single", "Single Rate"), Option("day", "Day"), Option("night", "Night")))


def test_the_only_value_left_names_the_only_option_left():
    got = {v.value: v.option for v in map_enum_values({"Day": 9, "Night": 7, "Qorvath": 5}, REGISTER)}
    assert got == {"Day": "day", "Night": "night", "Qorvath": "single"}


@pytest.mark.parametrize("counts", [
    {"Day": 9, "Night": 7, "Qorvath": 1},  # written once: a slip as likely as an option
    {"Day": 9, "Night": 7, "Qorvath": 5, "Zzz": 3},  # more values than options
    {"Day": 9, "Qorvath": 5, "Zzz": 3},  # two values left
])
def test_no_last_value_when_the_column_does_not_pair_values_and_options_one_to_one(counts):
    got = {v.value: v.option for v in map_enum_values(counts, REGISTER)}
    assert got["Qorvath"] is None


FREQUENCY = Field("frequency", "Frequency", type="enum", options=(
    Option("one_off", "One-off"), Option("monthly", "Monthly"), Option("annual", "Annual")))
TRAVEL = Field("travel_class", "Travel Class", type="enum", options=(
    Option("first", "First Class"), Option("second", "Second Class")))


@pytest.mark.parametrize(("field", "value", "option"), [
    (FREQUENCY, "1-off", "one_off"), (FREQUENCY, "1 off", "one_off"), (GRADE, "Grade one", "grade_1"),
    (GRADE, "grade two", "grade_2"), (TRAVEL, "1st class", "first"), (TRAVEL, "2nd Class", "second"),
])
def test_a_number_written_as_a_digit_or_a_word_names_the_option_written_the_other_way(field, value, option):
    assert _option(field, value) == option


@pytest.mark.parametrize(("field", "value"), [(FREQUENCY, "2-off"), (GRADE, "Grade three"), (TRAVEL, "3rd class")])
def test_another_number_names_no_option(field, value):
    assert _option(field, value) is None


def test_a_remembered_spelling_with_a_number_carries_to_the_number_written_as_a_word():
    remembered = {"2 weekly": ("monthly", "person")}
    got = map_enum_values({"Two weekly": 4}, FREQUENCY, remembered=remembered)[0]
    assert got.option == "monthly"


EMPLOYMENT = Field("employment_type", "Employment Type", type="enum", options=(
    Option("full_time", "Full time"), Option("part_time", "Part time"), Option("intern", "Intern")))
FUEL = Field("fuel_type", "Fuel Type", type="enum", options=(
    Option("petrol", "Petrol"), Option("diesel", "Diesel"), Option("lpg", "LPG")))


def test_a_code_that_is_the_initials_of_the_partners_own_decided_value_goes_before_another_languages_word():
    # French "TP" (temps plein) is full time; this partner wrote "Tempo parcial" for part time.
    remembered = {"tempo parcial": ("part_time", "person"), "tempo inteiro": ("full_time", "person")}
    got = map_enum_values({"TP": 5, "TI": 4}, EMPLOYMENT, remembered=remembered)
    assert {v.value: v.option for v in got} == {"TP": "part_time", "TI": "full_time"}
    assert "a value decided before" in got[0].reason


def test_a_word_cut_short_that_begins_two_decided_values_names_no_option():
    # "Gasol." may be Gasóleo (diesel) or Gasolina (petrol): no cognate decides it.
    remembered = {"gasóleo": ("diesel", "person"), "gasolina": ("petrol", "person")}
    assert map_enum_values({"Gasol.": 3}, FUEL, remembered=remembered)[0].option is None
    assert map_enum_values({"Gasóleo": 3}, FUEL, remembered=remembered)[0].option == "diesel"


STATUS = Field("status", "Status", type="enum", options=(
    Option("open", "Open"), Option("closed", "Closed"), Option("cancelled", "Cancelled")))


@pytest.mark.parametrize(("field", "value", "option"), [
    (STATUS, "01 Open", "open"), (STATUS, "3 - Closed", "closed"), (STATUS, "10. Cancelled", "cancelled"),
    (STATUS, "7/Closed", "closed"), (PRIORITY, "1 Critical", "p1"),
])
def test_a_number_code_then_words_names_the_option_of_the_words(field, value, option):
    assert _option(field, value) == option


@pytest.mark.parametrize(("field", "value"), [
    (FREQUENCY, "2-off"),  # "off" alone reads as "One-off", an option of another number
    (STATUS, "12 Qorvath"),
])
def test_a_number_code_whose_words_or_number_disagree_names_no_option(field, value):
    assert _option(field, value) is None
