"""Norwegian Bokmål (nb.yaml), deepened: more of the ways Norwegian exports write header
words and status values (payroll, banks, carriers, shops, HR)."""

from __future__ import annotations

import pytest

from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import (
    CUSTOMER_TYPE,
    EMPLOYEE_STATUS,
    EMPLOYMENT,
    GENDER,
    ORDER_STATUS,
    PAYMENT_METHOD,
    PAYMENT_STATUS,
    SHIPMENT,
    SHIPMENT_STATUS,
)


@pytest.mark.parametrize(("header", "meaning"), [
    ("Stillingsgrad", ("fte",)), ("Stillingsbrøk", ("fte",)),
    ("Fødselsnummer", ("social", "security", "number")), ("Fødested", ("birth", "place")),
    ("Nærmeste leder", ("manager",)), ("Tiltredelsesdato", ("hire", "date")),
    ("Skattetrekk", ("income", "tax")), ("Org.enhet", ("department",)),
    ("Betalingsfrist", ("due", "date")), ("Medlem siden", ("signup", "date")),
    ("Fraktfører", ("carrier",)), ("Á-pris", ("unit", "price")),
    ("Koststed", ("cost", "center")), ("Sendingsnr.", ("tracking", "number")),
    ("Eks. mva", ("net",)), ("Inkl. mva", ("gross",)), ("Antall rom", ("rooms",)),
])
def test_norwegian_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "Purring sendt", "overdue"), (PAYMENT_STATUS, "Utlignet", "paid"),
    (SHIPMENT_STATUS, "Klar til utlevering", "awaiting_collection"),
    (SHIPMENT_STATUS, "Ligger i pakkeautomat", "awaiting_collection"),
    (SHIPMENT_STATUS, "Mottaker ikke truffet", "exception"),
    (SHIPMENT_STATUS, "Innlevert hos transportør", "picked_up"),
    (SHIPMENT_STATUS, "Forhåndsvarslet", "label_created"), (SHIPMENT_STATUS, "Tilbakesendt", "returned"),
    (SHIPMENT, "Til utkjøring", "out_for_delivery"), (SHIPMENT, "Med bud", "out_for_delivery"),
    (EMPLOYEE_STATUS, "Avspasering", "on_leave"), (EMPLOYEE_STATUS, "Nedbemannet", "terminated"),
    (EMPLOYEE_STATUS, "Etter eget ønske", "resigned"),
    (PAYMENT_METHOD, "BankAxept", "debit_card"), (PAYMENT_METHOD, "Oppkrav", "cash"),
    (PAYMENT_METHOD, "Nettbank", "bank_transfer"),
    (CUSTOMER_TYPE, "Næringskunde", "business"), (CUSTOMER_TYPE, "Stiftelse", "non_profit"),
    (CUSTOMER_TYPE, "Forbruker", "private"),
    (ORDER_STATUS, "Ferdigstilt", "completed"), (ORDER_STATUS, "Avbestilt", "canceled"),
    (ORDER_STATUS, "Under plukking", "in_progress"), (ORDER_STATUS, "Satt i bero", "on_hold"),
    (ORDER_STATUS, "Ordrebekreftelse", "confirmed"),
    (EMPLOYMENT, "Heltidsansatt", "full_time"),
])
def test_norwegian_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason


def test_norwegian_clothing_words_name_the_sex():
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(["Dame", "Herre"], 1), GENDER)}
    assert got == {"Dame": "female", "Herre": "male"}
