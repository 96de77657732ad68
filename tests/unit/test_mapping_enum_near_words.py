"""Enum values that are vocabulary words after a code (``02 - Teilzeit``), or spelt as a
neighbouring language writes a vocabulary word (Afrikaans ``Betaal`` and ``Goedgekeur``,
Dutch ``betaald`` and ``goedgekeurd``)."""

from __future__ import annotations

from feedline.blueprint import Field, Option
from feedline.mapping import map_enum_values
from feedline.mapping.plan import guessed

EMPLOYMENT = Field("employment", "Employment Type", type="enum", options=(
    Option("full_time", "Full time"), Option("part_time", "Part time"), Option("contractor", "Contractor")))
CLAIM = Field("status", "Claim Status", type="enum", options=(
    Option("submitted", "Submitted"), Option("approved", "Approved"), Option("paid", "Paid"),
    Option("denied", "Denied")))


def _mapped(counts: dict[str, int], field: Field) -> dict[str, str | None]:
    return {v.value: v.option for v in map_enum_values(counts, field)}


def test_a_vocabulary_word_after_a_code_or_number_is_read_without_it() -> None:
    got = _mapped({"01 - Vollzeit": 5, "02 - Teilzeit": 3, "3 Freiberufler": 2}, EMPLOYMENT)
    assert got == {"01 - Vollzeit": "full_time", "02 - Teilzeit": "part_time", "3 Freiberufler": "contractor"}


def test_words_after_a_number_that_name_no_option_stay_unread() -> None:
    assert _mapped({"2 Wochen": 4, "A1 Teilzeit": 1}, EMPLOYMENT) == {"2 Wochen": None, "A1 Teilzeit": "part_time"}


def test_a_word_spelt_as_a_neighbouring_language_writes_it() -> None:
    got = _mapped({"Goedgekeur": 4, "Betaal": 3}, CLAIM)
    assert got == {"Goedgekeur": "approved", "Betaal": "paid"}
    [mapped] = map_enum_values({"Goedgekeur": 1}, CLAIM)
    assert "goedgekeurd" in mapped.reason


def test_a_short_or_unlike_word_is_not_read_as_a_vocabulary_word() -> None:
    got = {v.value: v for v in map_enum_values({"Pagad": 2, "Vermutlich": 2}, CLAIM)}
    assert got["Vermutlich"].option is None
    # Five letters that begin Spanish "pagado" are at most a guess a person confirms.
    assert got["Pagad"].option == "paid" and guessed(got["Pagad"])
    # The example was "Pagat" until Catalan had a vocabulary file: it is the Catalan for paid.
    assert _mapped({"Pagat": 2}, CLAIM) == {"Pagat": "paid"}


def test_ks_for_x_is_another_spelling_of_a_label() -> None:
    direction = Field("direction", "Trade Direction", type="enum", options=(
        Option("import", "Import"), Option("export", "Export"), Option("transit", "Transit")))
    assert _mapped({"Eksport": 3, "Tranzyt": 1}, direction) == {"Eksport": "export", "Tranzyt": "transit"}


FORM = Field("form", "Dosage Form", type="enum", options=(
    Option("tablet", "Tablet"), Option("capsule", "Capsule"), Option("syrup", "Syrup"),
    Option("cream", "Cream")))


def test_a_word_cut_short_in_the_plural_names_its_option() -> None:
    got = _mapped({"TABS": 5, "Caps": 3, "Syrs": 1}, FORM)
    assert got == {"TABS": "tablet", "Caps": "capsule", "Syrs": "syrup"}


def test_a_plural_that_begins_two_options_or_is_too_short_stays_unread() -> None:
    two = Field("form", "Form", type="enum", options=(
        Option("tablet", "Tablet"), Option("table", "Table"), Option("cream", "Cream")))
    assert _mapped({"Tabs": 2}, two) == {"Tabs": None}
    assert _mapped({"Crs": 2, "Class": 1}, FORM) == {"Crs": None, "Class": None}


def test_a_word_that_only_ends_in_s_is_no_cut_plural() -> None:
    field = Field("plan", "Plan", type="enum", options=(
        Option("plumbing", "Plumbing"), Option("atlantic", "Atlantic"), Option("basic", "Basic")))
    assert _mapped({"Plus": 3, "Atlas": 2}, field) == {"Plus": None, "Atlas": None}


def test_a_final_stop_after_a_code_or_label_changes_nothing() -> None:
    unit = Field("unit", "Unit", type="enum", options=(
        Option("kwh", "Kilowatt Hour"), Option("m3", "Cubic Metre")))
    assert _mapped({"kWh.": 9, "m3;": 2}, unit) == {"kWh.": "kwh", "m3;": "m3"}
    assert _mapped({"Part time.": 3}, EMPLOYMENT) == {"Part time.": "part_time"}
