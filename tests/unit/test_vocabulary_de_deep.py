"""German (de.yaml), deepened: more of the ways German, Austrian and Swiss exports write
header words and status values (payroll, banks, carriers, HR)."""

from __future__ import annotations

import pytest

from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import (
    EMPLOYEE_STATUS,
    EMPLOYMENT_TYPE,
    GENDER,
    PAYMENT_METHOD,
    PAYMENT_STATUS,
    SHIPMENT_STATUS,
)


@pytest.mark.parametrize(("header", "meaning"), [
    ("Zahlungsempfänger", ("counterparty",)), ("Verwendungszweck", ("description",)),
    ("Zivilstand", ("marital", "status")), ("AHV-Nr.", ("social", "security", "number")),
    ("UID-Nummer", ("vat", "number")), ("Staatsbürgerschaft", ("nationality",)),
    ("Wochenarbeitszeit", ("working", "hours")), ("Dienstnehmer", ("employee",)),
    ("Zahlbar bis", ("due", "date")), ("Kunde seit", ("signup", "date")),
    ("Sendungsnr.", ("tracking", "number")),
    # the first list of job title words, lost while the key was written twice
    ("Berufsbezeichnung", ("job", "title")),
])
def test_german_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "Mahnstufe 2", "overdue"), (PAYMENT_STATUS, "In Klärung", "pending"),
    (SHIPMENT_STATUS, "Beim Nachbarn abgegeben", "delivered"), (SHIPMENT_STATUS, "Rückläufer", "returned"),
    (SHIPMENT_STATUS, "Hinterlegt", "awaiting_collection"),
    (EMPLOYMENT_TYPE, "Minijob", "part_time"), (EMPLOYMENT_TYPE, "Honorarkraft", "contractor"),
    (EMPLOYMENT_TYPE, "Lehrling", "intern"),
    (EMPLOYEE_STATUS, "Aufhebungsvertrag", "terminated"), (EMPLOYEE_STATUS, "Auf eigenen Wunsch", "resigned"),
    (PAYMENT_METHOD, "Erlagschein", "bank_transfer"), (PAYMENT_METHOD, "Bankomatkarte", "debit_card"),
    (PAYMENT_METHOD, "ELV", "direct_debit"),
])
def test_german_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason


def test_german_clothing_words_name_the_sex():
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(["Damen", "Herren"], 1), GENDER)}
    assert got == {"Damen": "female", "Herren": "male"}
