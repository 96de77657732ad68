"""Welsh (cy.yaml): header words and status words a Welsh export writes."""

from __future__ import annotations

import pytest

from feedline.blueprint import Field, Option
from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import GENDER, ORDER_STATUS

PAYMENT_STATUS = Field("payment", "Payment Status", type="enum", options=(
    Option("paid", "Paid"), Option("unpaid", "Unpaid"), Option("overdue", "Overdue"), Option("refunded", "Refunded"),
))


@pytest.mark.parametrize(("header", "meaning"), [
    ("Rhif Gweithiwr", ("employee", "id")), ("Enw Cyntaf", ("first", "name")), ("Cyfenw", ("last", "name")),
    ("Dyddiad Geni", ("date", "of", "birth")), ("Adran", ("department",)), ("Teitl Swydd", ("job", "title")),
    ("Dyddiad Dechrau", ("hire", "date")), ("Cyflog Gros", ("salary", "gross")),
    ("Statws Priodasol", ("marital", "status")), ("Rhif Yswiriant Gwladol", ("social", "security", "number")),
    ("Rhif TAW", ("vat", "number")), ("Cod Post", ("zip",)), ("Cyfeiriad E-bost", ("email",)),
    ("Rhif Ffôn", ("phone",)), ("Dull Talu", ("payment", "method")), ("Cyfanswm", ("total",)),
    ("Derbynnydd", ("consignee",)), ("Math o Becyn", ("package", "type")),
])
def test_business_header_words_of_welsh(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("value", "option"), [
    ("Drafft", "draft"), ("Wedi'i gadarnhau", "confirmed"), ("Wedi’i chadarnhau", "confirmed"),
    ("Cadarnhawyd", "confirmed"), ("Ar y gweill", "in_progress"), ("Ar saib", "on_hold"),
    ("Wedi'i gwblhau", "completed"), ("Cwblhawyd", "completed"), ("Wedi'i ganslo", "canceled"),
    ("Canslwyd", "canceled"),
])
def test_status_words_of_welsh(value, option):
    [mapped] = map_enum_values({value: 1}, ORDER_STATUS)
    assert mapped.option == option, mapped.reason


@pytest.mark.parametrize(("value", "option"), [
    ("Wedi'i dalu", "paid"), ("Talwyd", "paid"), ("Heb ei dalu", "unpaid"), ("Gorddyledus", "overdue"),
    ("Wedi'i ad-dalu", "refunded"),
])
def test_payment_words_of_welsh(value, option):
    [mapped] = map_enum_values({value: 1}, PAYMENT_STATUS)
    assert mapped.option == option, mapped.reason


def test_gender_values_of_welsh():
    values = ["Gwryw", "Benyw", "Gwrywaidd", "Benywaidd"]
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(values, 1), GENDER)}
    assert got == dict(zip(values, ["male", "female"] * 2, strict=True))
