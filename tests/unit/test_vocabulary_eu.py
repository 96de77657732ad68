"""Basque (eu.yaml): header words and status words a Basque export writes."""

from __future__ import annotations

import pytest

from feedline.blueprint import Field, Option
from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import EMPLOYMENT, GENDER, ORDER_STATUS, SHIPMENT

PAYMENT_STATUS = Field("payment", "Payment Status", type="enum", options=(
    Option("paid", "Paid"), Option("unpaid", "Unpaid"), Option("overdue", "Overdue"), Option("refunded", "Refunded"),
))


@pytest.mark.parametrize(("header", "meaning"), [
    ("Langile Zenbakia", ("employee", "id")), ("Abizenak", ("last", "name")),
    ("Jaiotze Data", ("date", "of", "birth")), ("Saila", ("department",)), ("Lanpostua", ("job", "title")),
    ("Kontratazio Data", ("hire", "date")), ("Soldata Garbia", ("net", "salary")),
    ("Egoera Zibila", ("marital", "status")),
    ("Gizarte Segurantzako Zenbakia", ("social", "security", "number")), ("IFZ", ("vat", "number")),
    ("PFEZ Atxikipena", ("income", "tax")), ("Posta Kodea", ("zip",)), ("Posta Elektronikoa", ("email",)),
    ("Telefono Zenbakia", ("phone",)), ("Ordainketa Modua", ("payment", "method")), ("Guztira", ("total",)),
    ("Bezeroaren Izena", ("customer", "name")), ("Eskaera Data", ("order", "date")),
    ("Faktura Zk", ("invoice", "id")), ("Kostu Zentroa", ("cost", "center")), ("BEZ Tasa", ("tax", "rate")),
    ("Hartzailea", ("consignee",)), ("Pakete Mota", ("package", "type")),
    ("Jarraipen Zenbakia", ("tracking", "number")),
])
def test_business_header_words_of_basque(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("value", "option"), [
    ("Zirriborroa", "draft"), ("Baieztatua", "confirmed"), ("Baieztatuta", "confirmed"), ("Martxan", "in_progress"),
    ("Abian", "in_progress"), ("Geldituta", "on_hold"), ("Amaitua", "completed"), ("Eginda", "completed"),
    ("Ezeztatua", "canceled"), ("Bertan behera utzia", "canceled"),
])
def test_status_words_of_basque(value, option):
    [mapped] = map_enum_values({value: 1}, ORDER_STATUS)
    assert mapped.option == option, mapped.reason


@pytest.mark.parametrize(("value", "option"), [
    ("Ordaindua", "paid"), ("Ordainduta", "paid"), ("Ordaindu gabe", "unpaid"), ("Atzeratua", "overdue"),
    ("Dirua itzulia", "refunded"),
])
def test_payment_words_of_basque(value, option):
    [mapped] = map_enum_values({value: 1}, PAYMENT_STATUS)
    assert mapped.option == option, mapped.reason


@pytest.mark.parametrize(("value", "option"), [
    ("Lanaldi osoa", "full_time"), ("Lanaldi partziala", "part_time"), ("Kanpoko langilea", "contractor"),
    ("Bidean", "in_transit"), ("Banaketan", "out_for_delivery"), ("Banatuta", "delivered"),
    ("Bidalita", "shipped"),
])
def test_employment_and_shipment_words_of_basque(value, option):
    field = EMPLOYMENT if option in {o.value for o in EMPLOYMENT.options} else SHIPMENT
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason


def test_gender_values_of_basque():
    values = ["Gizonezkoa", "Emakumezkoa", "Gizona", "Emakumea"]
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(values, 1), GENDER)}
    assert got == dict(zip(values, ["male", "female"] * 2, strict=True))
