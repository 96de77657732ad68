"""Romanian (ro.yaml), deepened: more of the ways Romanian exports write header words and
status values (payroll, banks, invoices, carriers, schools, HR, shops)."""

from __future__ import annotations

import pytest

from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import (
    EMPLOYEE_STATUS,
    EMPLOYMENT_TYPE,
    ORDER_STATUS,
    SHIPMENT_STATUS,
    enum_field,
)

PAYMENT_STATUS = enum_field("payment_status", "pending", "paid", "unpaid", "partially_paid", "overdue", "refunded")
PAYMENT_METHOD = enum_field("payment_method", "credit_card", "debit_card", "bank_transfer", "direct_debit", "cash",
                            "voucher")
FREQUENCY = enum_field("pay_frequency", "weekly", "biweekly", "monthly")
MARITAL_STATUS = enum_field("marital_status", "single", "married", "divorced", "widowed", "separated", "cohabiting")


@pytest.mark.parametrize(("header", "meaning"), [
    ("CNP", ("social", "security", "number")), ("Nr. marcă", ("employee", "id")),
    ("Marcă salariat", ("employee", "id")), ("C.U.I.", ("vat", "number")),
    ("Salariu net", ("net", "salary")), ("Impozit pe venit", ("income", "tax")),
    ("Locul nașterii", ("birth", "place")), ("Data facturii", ("invoice", "date")),
    ("Nr. factură", ("invoice", "id")), ("Nr. comandă", ("order", "id")),
    ("Nume client", ("customer", "name")), ("Clientul", ("customer",)), ("Furnizorul", ("supplier",)),
    ("Număr matricol", ("student", "id")), ("Data valutei", ("value", "date")),
    ("Data tranzacției", ("booking", "date")), ("Persoană de contact", ("contact",)),
    ("Nr. AWB", ("tracking", "number")), ("Total fără TVA", ("net",)), ("Total cu TVA", ("gross",)),
    ("Data scadenței", ("due", "date")), ("Inițiala tatălui", ("middle", "name")),
    ("Cod CAEN", ("industry",)), ("Județ/Sector", ("state",)), ("Stoc minim", ("reorder", "point")),
])
def test_romanian_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "Încasat", "paid"), (PAYMENT_STATUS, "Neîncasată", "unpaid"),
    (PAYMENT_STATUS, "Achitată integral", "paid"), (PAYMENT_STATUS, "Parțial achitată", "partially_paid"),
    (PAYMENT_STATUS, "Somație trimisă", "overdue"),
    (SHIPMENT_STATUS, "AWB emis", "label_created"), (SHIPMENT_STATUS, "Ridicat de curier", "picked_up"),
    (SHIPMENT_STATUS, "Refuzat la livrare", "exception"), (SHIPMENT_STATUS, "În easybox", "awaiting_collection"),
    (SHIPMENT_STATUS, "În hub", "in_transit"),
    (EMPLOYMENT_TYPE, "Contract pe perioadă determinată", "temporary"), (EMPLOYMENT_TYPE, "Zilier", "temporary"),
    (EMPLOYMENT_TYPE, "Drepturi de autor", "contractor"), (EMPLOYMENT_TYPE, "Timp parțial", "part_time"),
    (EMPLOYEE_STATUS, "Concediu de odihnă", "on_leave"), (EMPLOYEE_STATUS, "Încetare CIM", "terminated"),
    (EMPLOYEE_STATUS, "Plecat la cerere", "resigned"),
    (PAYMENT_METHOD, "Plată la livrare", "cash"), (PAYMENT_METHOD, "Chitanță", "cash"),
    (PAYMENT_METHOD, "Tichete de masă", "voucher"), (PAYMENT_METHOD, "Plata cu cardul", "credit_card"),
    (PAYMENT_METHOD, "Debitare directă", "direct_debit"),
    (ORDER_STATUS, "Onorată", "completed"), (ORDER_STATUS, "Pus în așteptare", "on_hold"),
    (FREQUENCY, "Chenzinal", "biweekly"),
])
def test_romanian_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason


def test_romanian_marital_words_name_the_status():
    values = ["Uniune liberă", "Despărțit în fapt", "Necăsătorită", "Văduvi"]
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(values, 1), MARITAL_STATUS)}
    assert got == {"Uniune liberă": "cohabiting", "Despărțit în fapt": "separated", "Necăsătorită": "single",
                   "Văduvi": "widowed"}


def test_romanian_cedilla_and_comma_letters_read_alike():
    # ş/ţ (cedilla, older keyboards) and ș/ț (comma below) fold to the same words
    assert form("Data naşterii").expanded == form("Data nașterii").expanded == ("date", "of", "birth")
    assert form("Impozit reţinut").expanded == form("Impozit reținut").expanded == ("income", "tax")
