"""Lithuanian (lt.yaml), deepened: more of the ways Lithuanian exports write header words and
status values (genitive headers, abbreviations, payroll and HR, banks, Omniva, LP Express and DPD
tracking, shops)."""

from __future__ import annotations

import pytest

from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import (
    CUSTOMER_TYPE,
    EDUCATION,
    EMPLOYEE_STATUS,
    EMPLOYMENT_TYPE,
    GENDER,
    ORDER_STATUS,
    PAYMENT_METHOD,
    PAYMENT_STATUS,
    SHIPMENT,
    SHIPMENT_STATUS,
)


@pytest.mark.parametrize(("header", "meaning"), [
    ("Kliento numeris", ("customer", "id")), ("Kliento Nr.", ("customer", "id")),
    ("Užsakymo Nr.", ("order", "id")), ("Asmens kodas", ("social", "security", "number")),
    ("a.k.", ("social", "security", "number")), ("Sodros numeris", ("social", "security", "number")),
    ("Įm. k.", ("vat", "number")), ("Įmonės kodas", ("vat", "number")), ("PVM mok. kodas", ("vat", "number")),
    ("Kiek.", ("quantity",)), ("Vnt. kaina", ("unit", "price")), ("Suma su PVM", ("total",)),
    ("GPM", ("income", "tax")), ("Atlyginimas neatskaičius mokesčių", ("salary",)),
    ("Atlyginimas atskaičius mokesčius", ("net", "salary")), ("Į rankas", ("net", "salary")),
    ("Tabelio Nr.", ("employee", "id")), ("Darbuotojo vardas, pavardė", ("employee", "name")),
    ("SF Nr.", ("invoice", "id")), ("Sąskaitos faktūros data", ("invoice", "date")),
    ("Siuntos Nr.", ("tracking", "number")), ("Mato vnt.", ("unit", "of", "measure")),
    ("Namo Nr.", ("house", "number")), ("Gim. data", ("date", "of", "birth")),
    ("Priėmimo į darbą data", ("hire", "date")), ("PVM proc.", ("tax", "rate")), ("Apmokėti iki", ("due", "date")),
    ("Studento pažymėjimo numeris", ("student", "id")), ("Nekilnojamojo turto tipas", ("property", "type")),
    ("Kontaktinis asmuo", ("contact",)), ("Tiesioginis vadovas", ("manager",)),
    ("Pareigybės pavadinimas", ("job", "title")), ("Darbo sutarties tipas", ("employment", "type")),
    ("Minimalus likutis", ("reorder", "point")), ("Mokėjimo paskirtis", ("description",)),
    ("Prekės pav.", ("product", "name")), ("Gimimo vieta", ("birth", "place")),
])
def test_lithuanian_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "Pradelstos", "overdue"), (PAYMENT_STATUS, "Perduota išieškojimui", "overdue"),
    (PAYMENT_STATUS, "Pilnai apmokėta", "paid"), (PAYMENT_STATUS, "Neapmokėtos", "unpaid"),
    (PAYMENT_STATUS, "Laukia apmokėjimo", "pending"), (PAYMENT_STATUS, "Pinigų grąžinimas", "refunded"),
    (SHIPMENT_STATUS, "Siuntos duomenys gauti", "label_created"), (SHIPMENT_STATUS, "Siunta priimta", "picked_up"),
    (SHIPMENT_STATUS, "Siunta rūšiavimo centre", "in_transit"), (SHIPMENT_STATUS, "Kurjeris veža", "out_for_delivery"),
    (SHIPMENT_STATUS, "Siunta įteikta", "delivered"), (SHIPMENT_STATUS, "Pristatyta į paštomatą", "awaiting_collection"),
    (SHIPMENT_STATUS, "Nepavyko įteikti", "exception"), (SHIPMENT_STATUS, "Grąžinama siuntėjui", "returned"),
    (SHIPMENT, "Perduota kurjeriui pristatymui", "out_for_delivery"), (SHIPMENT, "Perduota kurjeriui", "shipped"),
    (EMPLOYEE_STATUS, "Atleistas iš darbo", "terminated"), (EMPLOYEE_STATUS, "Atleistas savo prašymu", "resigned"),
    (EMPLOYEE_STATUS, "Kasmetinės atostogos", "on_leave"), (EMPLOYEE_STATUS, "Nedarbingumo pažymėjimas", "on_leave"),
    (EMPLOYEE_STATUS, "Nebedirba", "terminated"),
    (EMPLOYMENT_TYPE, "Terminuota darbo sutartis", "temporary"), (EMPLOYMENT_TYPE, "Autorinė sutartis", "contractor"),
    (EMPLOYMENT_TYPE, "Praktikantė", "intern"), (EMPLOYMENT_TYPE, "Nepilnas etatas", "part_time"),
    (EMPLOYMENT_TYPE, "Visas darbo laikas", "full_time"),
    (PAYMENT_METHOD, "Banko pavedimas", "bank_transfer"), (PAYMENT_METHOD, "Grynaisiais pinigais", "cash"),
    (PAYMENT_METHOD, "Debetinė kortelė", "debit_card"), (PAYMENT_METHOD, "Pagal sąskaitą faktūrą", "invoice"),
    (ORDER_STATUS, "Komplektuojamas", "in_progress"), (ORDER_STATUS, "Užsakymas įvykdytas", "completed"),
    (ORDER_STATUS, "Atšauktos", "canceled"), (ORDER_STATUS, "Pristabdytas", "on_hold"),
    (CUSTOMER_TYPE, "Juridiniai asmenys", "business"), (CUSTOMER_TYPE, "Biudžetinė įstaiga", "government"),
    (CUSTOMER_TYPE, "Viešoji įstaiga", "non_profit"), (CUSTOMER_TYPE, "Privatus asmuo", "private"),
    (EDUCATION, "Brandos atestatas", "high_school"), (EDUCATION, "Magistro laipsnis", "master"),
    (GENDER, "Moteriškos lyties", "female"),
])
def test_lithuanian_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason
