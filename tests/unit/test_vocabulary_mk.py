"""Macedonian (mk.yaml): header words and status words a Macedonian export writes."""

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
    ("Шифра на вработен", ("employee", "id")), ("Датум на вработување", ("hire", "date")),
    ("Работно место", ("job", "title")), ("Брачен статус", ("marital", "status")),
    ("ЕМБГ", ("social", "security", "number")), ("ЕДБ", ("vat", "number")), ("Датум на раѓање", ("date", "of", "birth")),
    ("Број на нарачка", ("order", "id")), ("Датум на испорака", ("delivery", "date")),
    ("Начин на плаќање", ("payment", "method")), ("Поштенски број", ("zip",)), ("Добавувач", ("supplier",)),
    ("Број за следење", ("tracking", "number")), ("Примач", ("consignee",)), ("Испраќач", ("consignor",)),
    ("Вид на пакување", ("package", "type")), ("Датум на книжење", ("booking", "date")),
    ("Датум на валута", ("value", "date")),
])
def test_business_header_words_of_macedonian(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("value", "option"), [
    ("Во тек", "in_progress"), ("Стопирано", "on_hold"), ("Комплетирано", "completed"),
])
def test_status_words_of_macedonian(value, option):
    [mapped] = map_enum_values({value: 1}, ORDER_STATUS)
    assert mapped.option == option, mapped.reason


@pytest.mark.parametrize(("value", "option"), [
    ("Наплатено", "paid"), ("Задоцнето", "overdue"), ("Вратени пари", "refunded"),
])
def test_payment_words_of_macedonian(value, option):
    [mapped] = map_enum_values({value: 1}, PAYMENT_STATUS)
    assert mapped.option == option, mapped.reason


@pytest.mark.parametrize(("value", "option"), [
    ("Испорачано", "delivered"), ("Кај курирот", "out_for_delivery"), ("На пат", "in_transit"),
])
def test_shipment_words_of_macedonian(value, option):
    [mapped] = map_enum_values({value: 1}, SHIPMENT)
    assert mapped.option == option, mapped.reason


@pytest.mark.parametrize(("value", "option"), [
    ("Скратено работно време", "part_time"), ("Договор за дело", "contractor"),
])
def test_employment_words_of_macedonian(value, option):
    [mapped] = map_enum_values({value: 1}, EMPLOYMENT)
    assert mapped.option == option, mapped.reason


def test_gender_value_of_macedonian():
    [mapped] = map_enum_values({"Маж": 1}, GENDER)
    assert mapped.option == "male", mapped.reason
