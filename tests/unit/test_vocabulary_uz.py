"""Uzbek (uz.yaml): header words and status words an Uzbek export writes, in Latin and Cyrillic."""

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
    ("Tabel raqami", ("employee", "id")), ("F.I.Sh.", ("full", "name")),
    ("Tug‘ilgan sana", ("date", "of", "birth")), ("Туғилган сана", ("date", "of", "birth")),
    ("Bo‘lim", ("department",)), ("Lavozimi", ("job", "title")), ("Ishga qabul qilingan sana", ("hire", "date")),
    ("Ish haqi", ("salary",)), ("Иш ҳақи", ("salary",)), ("Qo‘lga beriladigan summa", ("net", "salary")),
    ("JShDS", ("income", "tax")), ("Oilaviy holati", ("marital", "status")),
    ("JShShIR", ("social", "security", "number")), ("STIR", ("vat", "number")),
    ("To‘lov usuli", ("payment", "method")), ("Yuk oluvchi", ("consignee",)),
])
def test_business_header_words_of_uzbek(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("value", "option"), [
    ("Qoralama", "draft"), ("Tasdiqlangan", "confirmed"), ("To‘xtatib turilgan", "on_hold"),
    ("Bajarildi", "completed"), ("Бекор қилинди", "canceled"),
])
def test_status_words_of_uzbek(value, option):
    [mapped] = map_enum_values({value: 1}, ORDER_STATUS)
    assert mapped.option == option, mapped.reason


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "To‘langan", "paid"), (PAYMENT_STATUS, "Muddati o‘tgan", "overdue"),
    (GENDER, "Erkak", "male"), (GENDER, "Аёл", "female"),
    (EMPLOYMENT, "Yarim stavka", "part_time"), (EMPLOYMENT, "Pudratchi", "contractor"),
    (SHIPMENT, "Yo‘lda", "in_transit"), (SHIPMENT, "Yetkazilmoqda", "out_for_delivery"),
    (SHIPMENT, "Jo‘natildi", "shipped"),
])
def test_enum_values_of_uzbek(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason
