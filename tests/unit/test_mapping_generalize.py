"""First deliveries from partners nobody taught: cognates, value shapes, code lists."""

from __future__ import annotations

import polars as pl
import pytest

from feedline.blueprint import Field, Option, SheetSpec
from feedline.blueprint.model import Constraint
from feedline.mapping import automap, map_enum_values, review_items
from feedline.mapping.calibration import calibrate
from feedline.mapping.cognates import related
from feedline.mapping.evidence import column_shape, date_ages, eliminate
from feedline.mapping.scorers import profile_column, score_columns
from feedline.mapping.vocabulary import languages


@pytest.mark.parametrize(("word", "english"), [
    ("departamento", "department"), ("salario", "salary"), ("kategorie", "category"),
    ("tranzactie", "transaction"), ("prioriteit", "priority"), ("prioritet", "priority"),
    ("descrizione", "description"), ("adresse", "address"), ("pacjent", "patient"),
    ("elektrisch", "electric"), ("kritikus", "critical"), ("referenz", "reference"),
    ("confirmado", "confirmed"), ("cancelado", "cancelled"), ("estimada", "estimated"),
])
def test_words_european_languages_share_are_cognates(word, english):
    assert related(word, english) >= 0.8


@pytest.mark.parametrize(("word", "english"), [
    ("monto", "month"), ("kost", "cost"), ("data", "date"), ("contact", "contract"),
    ("customer", "costume"), ("account", "accountant"), ("name", "nombre"),
])
def test_short_keys_and_other_words_are_no_cognates(word, english):
    assert related(word, english) == 0.0


def test_cognates_rarely_point_at_the_wrong_word_of_the_vocabulary():
    """Against the shipped vocabulary (a bilingual dictionary): a foreign word and every
    canonical English word; what the cognate test accepts is nearly always its meaning."""
    pairs, english = set(), set()
    for lang in languages():
        for phrase, target in lang.headers.items():
            english.update(target)
            if lang.code != "en" and len(phrase) == 1 and len(target) == 1:
                pairs.add((phrase[0], target[0]))
    right = wrong = 0
    for foreign, meaning in pairs:
        for e in english:
            if related(foreign, e) >= 0.8:
                right += e == meaning
                wrong += e != meaning
    assert right >= 40
    assert right / (right + wrong) >= 0.9


TICKETS = SheetSpec("tickets", "Tickets", (
    Field("ticket_id", "Ticket ID"),
    Field("priority", "Priority"),
    Field("opened", "Opened", type="date"),
    Field("location", "Location"),
))


def test_a_cognate_header_is_a_suggestion_a_person_confirms():
    # an invented spelling: prioritet (Swedish, Danish, Russian, Serbian, ...) is vocabulary now
    frame = pl.DataFrame({"Prioritos": ["hög", "låg", "hög"], "Ärende": ["T1", "T2", "T3"]})
    plan = automap(frame, TICKETS)
    m = next(f for f in plan.fields if f.source == "Prioritos")
    assert (m.destination, m.reason_code) == ("priority", "cognate")
    assert "prioritos=priority" in m.reason
    # Calibrated on its own (leave-one-out translations of the public cases' headers),
    # and a plan does not run alone on it: false friends exist.
    assert m.group == "cognate" and m.confidence == calibrate(m.score or 0.0, "cognate")
    assert not plan.auto_accept
    assert any('"Prioritos" -> "priority" rests on no name' in r for r in plan.review_reasons)
    assert "Prioritos" in {i["source"] for i in review_items(plan, TICKETS, "confident")}


def test_a_cognate_id_of_the_sheets_own_entity_is_a_full_match():
    sheet = SheetSpec("transactions", "Transactions", (Field("transaction_id", "Transaction ID"),
                                                        Field("amount", "Amount", type="number")))
    cands = score_columns(["ID transaktie"], sheet)[0]
    assert cands["transaction_id"].reason_code == "cognate"


CLAIMS = SheetSpec("claims", "Claims", (
    Field("claim_id", "Claim ID"),
    Field("birth_date", "Patient Date of Birth", type="date"),
    Field("service_date", "Date of Service", type="date"),
    Field("amount", "Amount", type="number"),
    Field("visits", "Visits", type="integer"),
))


def _frame() -> pl.DataFrame:
    return pl.DataFrame({
        "Qwe": ["12.03.1961", "01.07.1984", "23.11.1990", "05.05.1975"],
        "Rty": ["02.02.2025", "14.06.2025", "30.01.2026", "11.11.2025"],
        "Uio": ["12,50", "7,25", "100,00", "3,99"],
    })


def test_a_date_of_birth_decades_before_the_other_date_column_pairs_both():
    frame = _frame().drop("Uio")
    profiles = [profile_column(frame.get_column(h)) for h in frame.columns]
    ages = date_ages(profiles)
    assert [column_shape(p, h, ages) for p, h in zip(profiles, frame.columns, strict=True)] == [
        "date-old", "date-new"]
    found = eliminate(frame.columns, profiles, [None, None], CLAIMS, [{}, {}])
    assert {frame.columns[i]: c.field for i, c in found.items()} == {
        "Qwe": "birth_date", "Rty": "service_date"}
    assert all(c.reason_code == "eliminated" for c in found.values())


def test_two_recent_date_columns_for_two_date_fields_are_left_to_a_person():
    frame = pl.DataFrame({"Qwe": ["02.02.2025", "14.06.2025", "30.01.2026"],
                          "Rty": ["03.02.2025", "15.06.2025", "31.01.2026"]})
    sheet = SheetSpec("s", "S", (Field("a", "Booked", type="date"), Field("b", "Valued", type="date")))
    profiles = [profile_column(frame.get_column(h)) for h in frame.columns]
    assert eliminate(frame.columns, profiles, [None, None], sheet, [{}, {}]) == {}


def test_decimals_fit_an_amount_and_never_a_count():
    frame = _frame()
    plan = automap(frame, CLAIMS)
    got = plan.mapping()
    assert got.get("Uio") == "amount"
    assert got.get("Qwe") == "birth_date" and got.get("Rty") == "service_date"
    assert not plan.auto_accept  # value shapes alone: a person confirms once


def test_an_unreadable_file_does_not_drop_columns_strongly():
    """Most headers name nothing: "no field resembles it" says little about a column a
    free field's value shape fits (unmapped-foreign), so nothing is dropped unasked."""
    frame = pl.DataFrame({
        "Zxq": ["4", "9", "2", "7"],
        "Wvb": ["a", "b", "c", "d"],
        "Claim ID": ["C1", "C2", "C3", "C4"],
    })
    plan = automap(frame, CLAIMS)
    m = next(f for f in plan.fields if f.source == "Zxq")  # whole numbers: visits or amount
    assert (m.destination, m.group) == (None, "unmapped-foreign")
    assert m.certainty not in ("strong", "absolute")
    assert not plan.auto_accept
    # A readable file with the same column: no free field is named, the shape still fits.
    readable = frame.rename({"Wvb": "Date of Service"}).with_columns(
        pl.Series("Date of Service", ["02.02.2025", "14.06.2025", "30.01.2026", "11.11.2025"]))
    m = next(f for f in automap(readable, CLAIMS).fields if f.source == "Zxq")
    assert (m.destination, m.group) == (None, "unmapped-open")


def test_values_only_enum_suggestions_are_calibrated_on_their_own():
    sheet = SheetSpec("s", "S", (Field("status", "Status", type="enum", options=(
        Option("open", "Open"), Option("closed", "Closed"), Option("pending", "Pending"))),))
    frame = pl.DataFrame({"Xyz": ["Open", "Closed", "Pending", "Open"]})
    m = automap(frame, sheet).fields[0]
    assert (m.destination, m.reason_code, m.group) == ("status", "values", "values-enum")
    assert "3 options found among the values" in m.reason
    assert m.confidence == calibrate(m.score or 0.0, "values-enum")


UNIT = Field("unit", "Unit", type="enum", options=(
    Option("kwh", "Kilowatt Hour"), Option("m3", "Cubic Metre"), Option("kg", "Kilogram")))


def test_units_of_measure_are_read_in_any_language_through_cldr():
    got = {m.value: m.option for m in map_enum_values(
        {"kWh": 1, "m³": 1, "m3": 1, "Kilogramm": 1, "kilogrammaa": 1, "kgx": 1}, UNIT)}
    assert got["kWh"] == "kwh" and got["m³"] == "m3" and got["m3"] == "m3"
    assert got["Kilogramm"] == "kg" and got["kilogrammaa"] == "kg"  # German, Finnish
    assert got["kgx"] is None  # no CLDR spelling: asked, not guessed


def test_country_names_of_languages_without_a_vocabulary():
    field = Field("country", "Country", type="enum", options=(
        Option("FR", "France"), Option("DE", "Germany"), Option("SE", "Sweden")))
    got = {m.value: m.option for m in map_enum_values({"Frankrike": 1, "Tyskland": 1, "Ruotsi": 1},
                                                      field)}
    assert got == {"Frankrike": "FR", "Tyskland": "DE", "Ruotsi": "SE"}


def test_values_carrying_an_options_number_map_to_it():
    priority = Field("priority", "Priority", type="enum", options=(
        Option("p1", "Critical"), Option("p2", "High"), Option("p3", "Low")))
    terms = Field("terms", "Payment Terms", type="enum", options=(
        Option("net30", "Net 30"), Option("net60", "Net 60"), Option("cod", "Cash on Delivery")))
    got = {m.value: m.option for m in map_enum_values({"1 - Zeer hoog": 1, "3 - Laag": 1, "7": 1},
                                                      priority)}
    assert got == {"1 - Zeer hoog": "p1", "3 - Laag": "p3", "7": None}
    got = {m.value: m.option for m in map_enum_values({"Netto 30 Tage": 1, "60 dni": 1}, terms)}
    assert got == {"Netto 30 Tage": "net30", "60 dni": "net60"}


def test_iso_sex_codes_and_cognate_options():
    sex = Field("sex", "Sex", type="enum", options=(
        Option("male", "Male"), Option("female", "Female"), Option("unknown", "Unknown")))
    got = {m.value: m.option for m in map_enum_values({"1": 1, "2": 1, "9": 1, "5": 1}, sex)}
    assert got == {"1": "male", "2": "female", "9": "unknown", "5": None}
    flag = Field("flag", "Flag", type="enum", options=(
        Option("normal", "Normal"), Option("critical", "Critical"), Option("electric", "Electric")))
    got = {m.value: m.option for m in map_enum_values({"Kritisch": 1, "Elektrisk": 1}, flag)}
    assert got == {"Kritisch": "critical", "Elektrisk": "electric"}


def test_whole_numbers_and_decimals_are_told_apart():
    assert profile_column(pl.Series(["12", "1 234", "7"])).integer == 1.0
    assert profile_column(pl.Series(["12,50", "7.25", "3"])).integer < 0.5
    assert profile_column(pl.Series(["12.03.1961", "01.07.1984", "23.11.1990"])).year == 1984


def test_a_header_in_the_unit_only_one_field_is_in_points_at_it():
    sheet = SheetSpec("w", "W", (Field("weight", "Weight (kg)", type="number"),
                                 Field("hours", "Labour Hours", type="number"),
                                 Field("area", "Floor Area (m²)", type="number"),
                                 Field("cost", "Cost", type="number")))
    headers = ["Pesha kg", "Hodiny práce", "Rozloha m2", "Pris"]
    got = {h: {k: c.reason_code for k, c in cands.items() if c.confidence >= 0.5}
           for h, cands in zip(headers, score_columns(headers, sheet), strict=True)}
    assert got == {"Pesha kg": {"weight": "cognate"}, "Hodiny práce": {"hours": "cognate"},
                   "Rozloha m2": {"area": "cognate"}, "Pris": {}}


def test_inflected_forms_of_vocabulary_words_meet_them():
    """``Lieferanten`` (plural, and the compound's first part) is the vocabulary's
    ``Lieferant``: a cognate-grade suggestion, not a normalized match."""
    sheet = SheetSpec("po", "Purchase Orders", (Field("supplier_id", "Supplier ID"),
                                                Field("invoice", "Invoice Number")))
    headers = ["Lieferanten-Nr.", "Rechnungen Nr"]
    got = score_columns(headers, sheet)
    assert got[0]["supplier_id"].reason_code == "cognate"
    assert "lieferanten=supplier" in got[0]["supplier_id"].reason
    assert got[1]["invoice"].reason_code == "cognate"


def test_a_cognate_the_values_confirm_is_calibrated_as_the_values():
    sheet = SheetSpec("s", "S", (Field("currency", "Currency", type="enum", options=(
        Option("EUR", "Euro"), Option("PLN", "Polish Zloty"), Option("USD", "US Dollar"))),))
    # Albanian: no vocabulary file holds it (Russian and Ukrainian now hold "Valyuta")
    frame = pl.DataFrame({"Valutë": ["PLN", "EUR", "PLN", "USD"]})
    m = automap(frame, sheet).fields[0]
    assert (m.destination, m.reason_code, m.group) == ("currency", "values", "values-enum")
    assert "valute=currency" in m.reason


def test_a_mostly_empty_date_column_does_not_feed_the_required_date_field():
    sheet = SheetSpec("employees", "Employees", (
        Field("hired", "Hire Date", type="date", constraints=(Constraint("required"),)),
        Field("left", "Termination Date", type="date")))
    frame = pl.DataFrame({"Qwe": ["", "", "03.05.2024", "", "", "11.01.2025", "", "09.09.2025"],
                          "Rty": ["01.02.2019", "14.06.2021", "30.01.2020", "11.11.2022",
                                  "02.03.2018", "07.07.2023", "05.05.2017", "08.08.2016"]})
    profiles = [profile_column(frame.get_column(h)) for h in frame.columns]
    assert profiles[0].blank == pytest.approx(5 / 8)
    found = eliminate(frame.columns, profiles, [None, None], sheet, [{}, {}])
    assert {frame.columns[i]: c.field for i, c in found.items()} == {"Qwe": "left", "Rty": "hired"}
