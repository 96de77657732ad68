"""Slovak (sk.yaml), deepened: more of the ways Slovak exports write header words and
status values (payroll and HR, banks, carriers, shops, schools, pharmacy)."""

from __future__ import annotations

import pytest

from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import (
    EDUCATION,
    EMPLOYMENT_TYPE,
    GENDER,
    ORDER_STATUS,
    PAYMENT_METHOD,
    PAYMENT_STATUS,
    SHIPMENT_STATUS,
    enum_field,
)

EMPLOYEE_STATUS = enum_field("employee_status", "active", "on_leave", "sick_leave", "terminated", "resigned")
DISPENSING = enum_field("dispensing", "prescription", "over_the_counter")


@pytest.mark.parametrize(("header", "meaning"), [
    ("Rodné číslo", ("social", "security", "number")), ("Rod. č.", ("social", "security", "number")),
    ("Os. č.", ("employee", "id")), ("Osobné číslo", ("employee", "id")), ("IČO", ("vat", "number")),
    ("Č. faktúry", ("invoice", "id")), ("Číslo objednávky", ("order", "id")),
    ("Dátum vystavenia", ("invoice", "date")), ("Čistá mzda", ("net", "salary")),
    ("Preddavok na daň", ("income", "tax")), ("Miesto narodenia", ("birth", "place")),
    ("Súpisné číslo", ("house", "number")), ("VÚC", ("state",)), ("Meno zamestnanca", ("employee", "name")),
    ("Číslo zákazníka", ("customer", "id")), ("Názov odberateľa", ("customer", "name")),
    ("Cena za MJ", ("unit", "price")), ("Základ dane", ("net",)), ("Poistná udalosť", ("claim",)),
    ("Poistenec", ("insured",)), ("Dátum zúčtovania", ("booking", "date")), ("Forma štúdia", ("study", "mode")),
    ("Nákladný list", ("tracking", "number")), ("Kontaktná osoba", ("contact",)),
])
def test_slovak_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "Upomienka odoslaná", "overdue"), (PAYMENT_STATUS, "Po lehote splatnosti", "overdue"),
    (PAYMENT_STATUS, "Dobropisované", "refunded"), (PAYMENT_STATUS, "Čaká na úhradu", "pending"),
    (SHIPMENT_STATUS, "Uložená na výdajnom mieste", "awaiting_collection"),
    (SHIPMENT_STATUS, "V Z-BOXe", "awaiting_collection"), (SHIPMENT_STATUS, "Adresát nezastihnutý", "exception"),
    (SHIPMENT_STATUS, "V triediacom centre", "in_transit"),
    (EMPLOYMENT_TYPE, "Dohoda o vykonaní práce", "temporary"), (EMPLOYMENT_TYPE, "DoBPŠ", "temporary"),
    (EMPLOYMENT_TYPE, "Na živnosť", "contractor"), (EMPLOYMENT_TYPE, "Absolventská prax", "intern"),
    (EMPLOYMENT_TYPE, "HPP", "full_time"),
    (EMPLOYEE_STATUS, "Na PN", "sick_leave"), (EMPLOYEE_STATUS, "Ošetrovné", "on_leave"),
    (EMPLOYEE_STATUS, "Vlastná výpoveď", "resigned"), (EMPLOYEE_STATUS, "Skončenie dohodou", "terminated"),
    (PAYMENT_METHOD, "Platobný príkaz", "bank_transfer"), (PAYMENT_METHOD, "Pay by Square", "bank_transfer"),
    (PAYMENT_METHOD, "Debetnou kartou", "debit_card"), (PAYMENT_METHOD, "Fakturou", "invoice"),
    (EDUCATION, "Vysokoškolské I. stupňa", "bachelor"), (EDUCATION, "Vyučený bez maturity", "vocational"),
    (ORDER_STATUS, "Vybavuje sa", "in_progress"), (DISPENSING, "Bez lekárskeho predpisu", "over_the_counter"),
])
def test_slovak_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason


def test_slovak_gender_words_name_the_sex():
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(["Mužské", "Pánske", "Chlapec", "Dievča"], 1),
                                                      GENDER)}
    assert got == {"Mužské": "male", "Pánske": "male", "Chlapec": "male", "Dievča": "female"}
