"""Urdu vocabulary: header words and status and enum words of Pakistani exports."""

from __future__ import annotations

import pytest

from feedline.blueprint import Field, Option
from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import GENDER, ORDER_STATUS

FREQUENCY = Field("frequency", "Billing Frequency", type="enum", options=(
    Option("monthly", "Monthly"), Option("quarterly", "Quarterly"), Option("annual", "Annual")))
PAYMENT_STATUS = Field("payment_status", "Payment Status", type="enum", options=(
    Option("paid", "Paid"), Option("unpaid", "Unpaid"), Option("partially_paid", "Partially paid")))


@pytest.mark.parametrize(("header", "meaning"), [
    ("تنخواہ", ("salary",)), ("خالص تنخواہ", ("net", "salary")), ("محکمہ", ("department",)),
    ("عہدہ", ("job", "title")), ("تاریخ پیدائش", ("date", "of", "birth")), ("تاریخِ پیدائش", ("date", "of", "birth")),
    ("تاریخ تقرری", ("hire", "date")), ("ملازم نمبر", ("employee", "id")), ("ملازم کا نام", ("employee", "name")),
    ("شناختی کارڈ نمبر", ("social", "security", "number")), ("CNIC No.", ("social", "security", "number")),
    ("این ٹی این", ("vat", "number")), ("NTN No", ("vat", "number")), ("انکم ٹیکس", ("income", "tax")),
    ("طریقہ ادائیگی", ("payment", "method")), ("طریقۂ ادائیگی", ("payment", "method")),
    ("ازدواجی حیثیت", ("marital", "status")), ("موبائل نمبر", ("mobile",)), ("پوسٹل کوڈ", ("zip",)),
    ("گاہک", ("customer",)), ("وصول کنندہ", ("consignee",)), ("بلٹی نمبر", ("tracking", "number")),
    ("پیکنگ کی قسم", ("package", "type")), ("ملازمین کی تعداد", ("employees",)),
])
def test_business_header_words_of_urdu(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("value", "option"), [
    ("مسودہ", "draft"), ("تصدیق شدہ", "confirmed"), ("کنفرم", "confirmed"), ("جاری ہے", "in_progress"),
    ("زیر عمل", "in_progress"), ("رکا ہوا", "on_hold"), ("ملتوی", "on_hold"), ("مکمل", "completed"),
    ("مکمل ہو گیا", "completed"), ("منسوخ شدہ", "canceled"), ("کینسل", "canceled"),
])
def test_status_words_of_urdu(value, option):
    [mapped] = map_enum_values({value: 1}, ORDER_STATUS)
    assert mapped.option == option, mapped.reason


def test_gender_frequency_and_payment_values_of_urdu():
    values = ["مرد", "عورت", "مذکر", "مؤنث", "لڑکا", "خاتون"]
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(values, 1), GENDER)}
    assert got == dict(zip(values, ["male", "female"] * 3, strict=True))
    values = ["ماہانہ", "سہ ماہی", "سالانہ"]
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(values, 1), FREQUENCY)}
    assert got == dict(zip(values, ["monthly", "quarterly", "annual"], strict=True))
    values = ["ادا شدہ", "غیر ادا شدہ", "جزوی ادائیگی"]
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(values, 1), PAYMENT_STATUS)}
    assert got == dict(zip(values, ["paid", "unpaid", "partially_paid"], strict=True))
