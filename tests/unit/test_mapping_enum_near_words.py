"""Enum values that are vocabulary words after a code (``02 - Teilzeit``), or spelt as a
neighbouring language writes a vocabulary word (Afrikaans ``Betaal`` and ``Goedgekeur``,
Dutch ``betaald`` and ``goedgekeurd``)."""

from __future__ import annotations

from feedline.blueprint import Field, Option
from feedline.mapping import map_enum_values

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
    assert _mapped({"Pagad": 2, "Vermutlich": 2}, CLAIM) == {"Pagad": None, "Vermutlich": None}
    # The example was "Pagat" until Catalan had a vocabulary file: it is the Catalan for paid.
    assert _mapped({"Pagat": 2}, CLAIM) == {"Pagat": "paid"}


def test_ks_for_x_is_another_spelling_of_a_label() -> None:
    direction = Field("direction", "Trade Direction", type="enum", options=(
        Option("import", "Import"), Option("export", "Export"), Option("transit", "Transit")))
    assert _mapped({"Eksport": 3, "Tranzyt": 1}, direction) == {"Eksport": "export", "Tranzyt": "transit"}
