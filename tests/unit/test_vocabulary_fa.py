"""Persian vocabulary: header words and status and enum words of Iranian and Afghan exports."""

from __future__ import annotations

import pytest

from feedline.blueprint import Field, Option
from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import GENDER, ORDER_STATUS

FREQUENCY = Field("frequency", "Billing Frequency", type="enum", options=(
    Option("monthly", "Monthly"), Option("quarterly", "Quarterly"), Option("annual", "Annual")))


@pytest.mark.parametrize(("header", "meaning"), [
    ("نام خانوادگی", ("last", "name")), ("نام‌خانوادگی", ("last", "name")), ("تخلص", ("last", "name")),
    ("تاریخ تولد", ("date", "of", "birth")), ("شماره پرسنلی", ("employee", "id")),
    ("حقوق پایه", ("salary",)), ("معاش", ("salary",)), ("خالص حقوق", ("net", "salary")),
    ("تاریخ استخدام", ("hire", "date")), ("وضعیت تأهل", ("marital", "status")),
    ("تلفن همراه", ("mobile",)), ("پست الکترونیکی", ("email",)), ("کد پستی", ("zip",)),
    ("روش پرداخت", ("payment", "method")), ("شماره شبا", ("iban",)), ("کد اقتصادی", ("vat", "number")),
    ("کد ملی", ("social", "security", "number")), ("كد ملي", ("social", "security", "number")),
    ("مالیات بر درآمد", ("income", "tax")), ("گیرنده", ("consignee",)), ("نوع بسته‌بندی", ("package", "type")),
])
def test_business_header_words_of_persian(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("value", "option"), [
    ("تأیید شده", "confirmed"), ("تاییدشده", "confirmed"), ("پیش‌نویس", "draft"), ("پیش نویس", "draft"),
    ("در حال انجام", "in_progress"), ("متوقف شده", "on_hold"), ("تکمیل شده", "completed"),
    ("انجام‌شده", "completed"), ("لغو شده", "canceled"), ("کنسل", "canceled"),
])
def test_status_words_of_persian(value, option):
    [mapped] = map_enum_values({value: 1}, ORDER_STATUS)
    assert mapped.option == option, mapped.reason


def test_gender_and_frequency_values_of_persian():
    values = ["مرد", "زن", "مذکر", "مؤنث"]
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(values, 1), GENDER)}
    assert got == dict(zip(values, ["male", "female"] * 2, strict=True))
    values = ["ماهانه", "سه ماهه", "سالانه"]
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(values, 1), FREQUENCY)}
    assert got == dict(zip(values, ["monthly", "quarterly", "annual"], strict=True))
