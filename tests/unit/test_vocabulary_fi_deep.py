"""Finnish (fi.yaml), deepened: more of the ways Finnish exports write header words and
status values (case forms such as asiakkaan and tilauksen, payroll and HR, banks, Posti
and other carriers, shops, schools)."""

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

PAYMENT_STATUS = enum_field("payment_status", "pending", "paid", "unpaid", "overdue", "refunded", "partially_paid")


@pytest.mark.parametrize(("header", "meaning"), [
    ("Henkilötunnus", ("social", "security", "number")), ("Hetu", ("social", "security", "number")),
    ("Ennakonpidätys", ("income", "tax")), ("Käteen jäävä palkka", ("net", "salary")),
    ("Asiakkaan nimi", ("customer", "name")), ("Tilauksen numero", ("order", "id")),
    ("Laskun pvm", ("invoice", "date")), ("Työntekijän nimi", ("employee", "name")),
    ("As.nro", ("customer", "id")), ("Syntymäpaikka", ("birth", "place")),
    ("Lähiosoite", ("street",)), ("Talon nro", ("house", "number")),
    ("Kust.paikka", ("cost", "center")), ("Alv 0 %", ("net",)), ("Sis. alv", ("gross",)),
    ("à-hinta", ("unit", "price")), ("Hälytysraja", ("reorder", "point")),
    ("Ytunnus", ("vat", "number")), ("Oppijanumero", ("student", "id")),
    ("Opiskelumuoto", ("study", "mode")), ("Seurantatunnus", ("tracking", "number")),
    ("Työsuhteen alkamispäivä", ("hire", "date")), ("Viimeinen työpäivä", ("termination", "date")),
    ("Yhteyshenkilö", ("contact",)),
])
def test_finnish_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "Perinnässä", "overdue"), (PAYMENT_STATUS, "Maksumuistutus lähetetty", "overdue"),
    (PAYMENT_STATUS, "Osasuoritus", "partially_paid"), (PAYMENT_STATUS, "Hyvityslasku", "refunded"),
    (PAYMENT_STATUS, "Maksu vastaanotettu", "paid"),
    (SHIPMENT_STATUS, "Pakettiautomaatissa", "awaiting_collection"),
    (SHIPMENT_STATUS, "Noutoilmoitus lähetetty", "awaiting_collection"),
    (SHIPMENT_STATUS, "Lunastamaton", "returned"), (SHIPMENT_STATUS, "Vastaanottajaa ei tavoitettu", "exception"),
    (SHIPMENT_STATUS, "Lajittelukeskuksessa", "in_transit"), (SHIPMENT_STATUS, "Jätetty postiin", "picked_up"),
    (SHIPMENT_STATUS, "Luovutettu vastaanottajalle", "delivered"),
    (EMPLOYMENT_TYPE, "Sijainen", "temporary"), (EMPLOYMENT_TYPE, "Keikkatyö", "contractor"),
    (EMPLOYMENT_TYPE, "Kesäharjoittelija", "intern"), (EMPLOYMENT_TYPE, "Osa-aikatyö", "part_time"),
    (EMPLOYEE_STATUS, "Lomautettu", "on_leave"), (EMPLOYEE_STATUS, "Vuorotteluvapaalla", "on_leave"),
    (EMPLOYEE_STATUS, "Omasta pyynnöstä", "resigned"),
    (PAYMENT_METHOD, "Postiennakko", "cash"), (PAYMENT_METHOD, "Suoraveloitus", "direct_debit"),
    (PAYMENT_METHOD, "Verkkopankki", "bank_transfer"), (PAYMENT_METHOD, "Verkkolasku", "invoice"),
    (ORDER_STATUS, "Keräilyssä", "in_progress"), (ORDER_STATUS, "Pantu jäihin", "on_hold"),
])
def test_finnish_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason


def test_finnish_gender_words_name_the_sex():
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(["Naispuolinen", "Miespuolinen"], 1), GENDER)}
    assert got == {"Naispuolinen": "female", "Miespuolinen": "male"}
