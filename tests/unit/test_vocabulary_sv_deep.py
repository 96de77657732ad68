"""Swedish (sv.yaml), deepened: more of the ways Swedish and Finland-Swedish exports write
header words and status values (payroll, banks, carriers, HR, shops)."""

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
    ("Personnummer", ("social", "security", "number")), ("Anst.nr", ("employee", "id")),
    ("Län", ("state",)), ("Org.nr", ("vat", "number")), ("à-pris", ("unit", "price")),
    ("Lev.datum", ("delivery", "date")), ("Förfallodag", ("due", "date")),
    ("Nettolön", ("net", "salary")), ("Prel. skatt", ("income", "tax")),
    ("Födelseort", ("birth", "place")), ("Ansvarsställe", ("cost", "center")),
    ("Exkl. moms", ("net",)), ("Fakt.nr", ("invoice", "id")), ("Boarea", ("area",)),
])
def test_swedish_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "Påminnelse skickad", "overdue"), (PAYMENT_STATUS, "Kravbrev", "overdue"),
    (PAYMENT_STATUS, "Utestående", "unpaid"),
    (SHIPMENT_STATUS, "I paketskåp", "awaiting_collection"), (SHIPMENT_STATUS, "Uthämtad", "delivered"),
    (SHIPMENT_STATUS, "Mottagare ej anträffad", "exception"), (SHIPMENT_STATUS, "Förannonserad", "label_created"),
    (EMPLOYMENT_TYPE, "Timanställd", "temporary"), (EMPLOYMENT_TYPE, "Behovsanställd", "temporary"),
    (EMPLOYMENT_TYPE, "Heltidsanställd", "full_time"),
    (EMPLOYEE_STATUS, "Permitterad", "on_leave"), (EMPLOYEE_STATUS, "Egen uppsägning", "resigned"),
    (EMPLOYEE_STATUS, "Arbetsbrist", "terminated"),
    (PAYMENT_METHOD, "Postförskott", "cash"), (PAYMENT_METHOD, "Inbetalningskort", "bank_transfer"),
    (PAYMENT_METHOD, "Efterkrav", "cash"), (PAYMENT_METHOD, "Direktdebitering", "direct_debit"),
    (ORDER_STATUS, "Lagd på is", "on_hold"), (ORDER_STATUS, "Verkställd", "completed"),
])
def test_swedish_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason


def test_swedish_gender_words_name_the_sex():
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(["Kvinnlig", "Manlig", "Damer", "Herrar"], 1),
                                                      GENDER)}
    assert got == {"Kvinnlig": "female", "Manlig": "male", "Damer": "female", "Herrar": "male"}
