"""Polish (pl.yaml), deepened: more of the ways Polish exports write header words (genitive
phrases, abbreviations, payroll and bank terms) and status values (feminine and neuter
participles, carriers', payroll and ERP terms)."""

from __future__ import annotations

import pytest

from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import (
    EMPLOYEE_STATUS,
    EMPLOYMENT_TYPE,
    GENDER,
    ORDER_STATUS,
    PAYMENT_METHOD,
    SHIPMENT_STATUS,
    enum_field,
)

PAYMENT_STATUS = enum_field("payment_status", "pending", "paid", "unpaid", "partially_paid", "overdue", "refunded")


@pytest.mark.parametrize(("header", "meaning"), [
    ("Nr zamówienia", ("order", "id")), ("Numer klienta", ("customer", "id")),
    ("PESEL", ("social", "security", "number")), ("NIP nabywcy", ("vat", "number")),
    ("Data wysłania", ("ship", "date")), ("Wynagrodzenie netto", ("net", "salary")),
    ("Zaliczka na podatek dochodowy", ("income", "tax")), ("Miejsce urodzenia", ("birth", "place")),
    ("Tel. kom.", ("mobile",)),
    ("Nr ewidencyjny", ("employee", "id")), ("Tytuł przelewu", ("description",)),
    ("Numer albumu", ("student", "id")),
])
def test_polish_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "Nieuregulowana", "unpaid"), (PAYMENT_STATUS, "W windykacji", "overdue"),
    (PAYMENT_STATUS, "Niedopłata", "partially_paid"),
    (SHIPMENT_STATUS, "Umieszczona w paczkomacie", "awaiting_collection"),
    (SHIPMENT_STATUS, "Przekazano kurierowi do doręczenia", "out_for_delivery"),
    (SHIPMENT_STATUS, "Odmowa przyjęcia", "exception"),
    (EMPLOYMENT_TYPE, "Umowa B2B", "contractor"), (EMPLOYMENT_TYPE, "1/2 etatu", "part_time"),
    (EMPLOYEE_STATUS, "Za porozumieniem stron", "terminated"), (EMPLOYEE_STATUS, "Na własną prośbę", "resigned"),
    (EMPLOYEE_STATUS, "L4", "on_leave"),
    (PAYMENT_METHOD, "Express Elixir", "bank_transfer"), (PAYMENT_METHOD, "Płatność przy odbiorze", "cash"),
    (ORDER_STATUS, "W buforze", "draft"),
    (ORDER_STATUS, "W kompletacji", "in_progress"),
])
def test_polish_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason


def test_polish_clothing_words_name_the_sex():
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(["Damskie", "Męskie"], 1), GENDER)}
    assert got == {"Damskie": "female", "Męskie": "male"}
