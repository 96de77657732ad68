"""Czech (cs.yaml), deepened: more of the ways Czech exports write header words and
status values (payroll, banks, carriers, HR, shops, schools)."""

from __future__ import annotations

import pytest

from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import (
    EDUCATION,
    EMPLOYEE_STATUS,
    EMPLOYMENT_TYPE,
    GENDER,
    ORDER_STATUS,
    PAYMENT_STATUS,
    SHIPMENT_STATUS,
    enum_field,
)

PAYMENT_METHOD = enum_field("payment_method", "credit_card", "debit_card", "bank_transfer", "direct_debit", "cash",
                            "invoice", "voucher")


@pytest.mark.parametrize(("header", "meaning"), [
    ("Rodné číslo", ("social", "security", "number")), ("Osobní číslo", ("employee", "id")),
    ("Os. č.", ("employee", "id")), ("IČO", ("vat", "number")),
    ("Č. obj.", ("order", "id")), ("Číslo faktury", ("invoice", "id")),
    ("Datum vystavení", ("invoice", "date")), ("Dat. nar.", ("date", "of", "birth")),
    ("Čistá mzda", ("net", "salary")), ("Záloha na daň", ("income", "tax")),
    ("Hrubá mzda", ("salary",)), ("Číslo popisné", ("house", "number")),
    ("Místo narození", ("birth", "place")), ("Cena za MJ", ("unit", "price")),
    ("Celkem s DPH", ("gross",)), ("Základ daně", ("net",)),
    ("Číslo balíku", ("tracking", "number")), ("Forma studia", ("study", "mode")),
    ("Číslo střediska", ("cost", "center")), ("Zpráva pro příjemce", ("description",)),
    ("Název protiúčtu", ("counterparty",)), ("Kontaktní osoba", ("contact",)),
])
def test_czech_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "Upomínka odeslána", "overdue"), (PAYMENT_STATUS, "Čeká na úhradu", "pending"),
    (PAYMENT_STATUS, "Dobropisováno", "refunded"), (PAYMENT_STATUS, "Proplaceno", "paid"),
    (SHIPMENT_STATUS, "Uloženo ve výdejním místě", "awaiting_collection"),
    (SHIPMENT_STATUS, "Adresát nezastižen", "exception"), (SHIPMENT_STATUS, "Obdržena data k zásilce", "label_created"),
    (SHIPMENT_STATUS, "Předáno kurýrovi", "out_for_delivery"), (SHIPMENT_STATUS, "V třídicím centru", "in_transit"),
    (EMPLOYMENT_TYPE, "HPP", "full_time"), (EMPLOYMENT_TYPE, "DPP", "temporary"),
    (EMPLOYMENT_TYPE, "Dohoda o pracovní činnosti", "part_time"), (EMPLOYMENT_TYPE, "Smlouva o dílo", "contractor"),
    (EMPLOYEE_STATUS, "Na mateřské", "on_leave"), (EMPLOYEE_STATUS, "Výpověď ze strany zaměstnavatele", "terminated"),
    (EMPLOYEE_STATUS, "Na vlastní žádost", "resigned"),
    (PAYMENT_METHOD, "Platba při převzetí", "cash"), (PAYMENT_METHOD, "QR platba", "bank_transfer"),
    (PAYMENT_METHOD, "SIPO", "direct_debit"), (PAYMENT_METHOD, "Stravenky", "voucher"),
    (EDUCATION, "S maturitou", "high_school"), (EDUCATION, "Výuční list", "vocational"),
    (ORDER_STATUS, "Vyřizuje se", "in_progress"), (ORDER_STATUS, "Čeká na zákazníka", "on_hold"),
])
def test_czech_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason


def test_czech_gender_words_name_the_sex():
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(["Dámské", "Pánské", "Ženské", "Mužský"], 1),
                                                      GENDER)}
    assert got == {"Dámské": "female", "Pánské": "male", "Ženské": "female", "Mužský": "male"}
