"""Croatian (hr.yaml), deepened: more of the ways Croatian exports write header words and
status values (payroll and HR, invoices and banks, carriers and customs, schools)."""

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
    PAYMENT_STATUS,
    SHIPMENT_STATUS,
)


@pytest.mark.parametrize(("header", "meaning"), [
    ("OIB kupca", ("vat", "number")), ("Br. narudžbe", ("order", "id")), ("Šifra kupca", ("customer", "id")),
    ("JMBAG", ("student", "id")), ("Broj indeksa", ("student", "id")), ("Kućni broj", ("house", "number")),
    ("Mjesto rođenja", ("birth", "place")), ("Neto za isplatu", ("net", "salary")),
    ("Porez na dohodak i prirez", ("income", "tax")), ("Datum računa", ("invoice", "date")),
    ("Broj fakture", ("invoice", "id")), ("MPC", ("price",)), ("Jed. mjere", ("unit", "of", "measure")),
    ("Iznos bez PDV-a", ("net",)), ("Iznos s PDV-om", ("gross",)), ("Poštarina", ("freight",)),
    ("Kat. br.", ("sku",)), ("Ustrojstvena jedinica", ("department",)), ("Nadnevak", ("date",)),
    ("Pošt. br.", ("zip",)), ("Datum zasnivanja radnog odnosa", ("hire", "date")),
    ("Šifra zaposlenika", ("employee", "id")), ("Broj tovarnog lista", ("tracking", "number")),
    ("Stopa PDV-a", ("tax", "rate")),
])
def test_croatian_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "Opomena poslana", "overdue"), (PAYMENT_STATUS, "Utuženo", "overdue"),
    (PAYMENT_STATUS, "Uplata zaprimljena", "paid"),
    (SHIPMENT_STATUS, "Obavijest o prispijeću", "awaiting_collection"),
    (SHIPMENT_STATUS, "Primatelj nije pronađen", "exception"),
    (SHIPMENT_STATUS, "Na dostavnom vozilu", "out_for_delivery"), (SHIPMENT_STATUS, "U sortirnom centru", "in_transit"),
    (SHIPMENT_STATUS, "Kurir preuzeo pošiljku", "picked_up"),
    (SHIPMENT_STATUS, "Pošiljka vraćena pošiljatelju", "returned"),
    (EMPLOYMENT_TYPE, "Stručno osposobljavanje za rad", "intern"), (EMPLOYMENT_TYPE, "Student servis", "intern"),
    (EMPLOYMENT_TYPE, "Puno RV", "full_time"), (EMPLOYMENT_TYPE, "Nepuno RV", "part_time"),
    (EMPLOYEE_STATUS, "Sporazumni prestanak", "resigned"), (EMPLOYEE_STATUS, "Dao ostavku", "resigned"),
    (PAYMENT_METHOD, "Po predračunu", "bank_transfer"), (PAYMENT_METHOD, "SEPA izravno terećenje", "direct_debit"),
    (PAYMENT_METHOD, "Debitnom karticom", "debit_card"),
    (ORDER_STATUS, "U komisioniranju", "in_progress"), (ORDER_STATUS, "Kupac odustao", "canceled"),
])
def test_croatian_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason


def test_croatian_gender_words_name_the_sex():
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(["Muškarac", "Djevojčica", "Dječak"], 1),
                                                      GENDER)}
    assert got == {"Muškarac": "male", "Djevojčica": "female", "Dječak": "male"}
