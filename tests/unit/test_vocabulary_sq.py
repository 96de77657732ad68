"""Albanian (sq.yaml): header words and status words an Albanian export writes."""

from __future__ import annotations

import pytest

from feedline.blueprint import Field, Option
from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import GENDER, ORDER_STATUS

PAYMENT_STATUS = Field("payment_status", "Payment Status", type="enum", options=(
    Option("pending", "Pending"), Option("paid", "Paid"), Option("unpaid", "Unpaid"), Option("refunded", "Refunded"),
))


@pytest.mark.parametrize(("header", "meaning"), [
    ("Emri", ("name",)), ("Mbiemri", ("last", "name")), ("Data e lindjes", ("date", "of", "birth")),
    ("Numri i punonjësit", ("employee", "id")), ("Departamenti", ("department",)),
    ("Data e punësimit", ("hire", "date")), ("Data e punesimit", ("hire", "date")),
    ("Paga neto", ("net", "salary")), ("Gjendja civile", ("marital", "status")),
    ("Mënyra e pagesës", ("payment", "method")), ("NIPT", ("vat", "number")), ("Kodi postar", ("zip",)),
    ("Numri personal", ("social", "security", "number")), ("Tatimi mbi të ardhurat", ("income", "tax")),
    ("Marrësi", ("consignee",)), ("Lloji i paketimit", ("package", "type")),
])
def test_albanian_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("value", "option"), [
    ("E konfirmuar", "confirmed"), ("Skicë", "draft"), ("Në proces", "in_progress"), ("Në pauzë", "on_hold"),
    ("E përfunduar", "completed"), ("E anuluar", "canceled"), ("Anuluar", "canceled"),
])
def test_albanian_order_status_words(value, option):
    [mapped] = map_enum_values({value: 1}, ORDER_STATUS)
    assert mapped.option == option, mapped.reason


@pytest.mark.parametrize(("value", "option"), [
    ("E paguar", "paid"), ("E papaguar", "unpaid"), ("Në pritje", "pending"), ("E rimbursuar", "refunded"),
])
def test_albanian_payment_status_words(value, option):
    [mapped] = map_enum_values({value: 1}, PAYMENT_STATUS)
    assert mapped.option == option, mapped.reason


def test_albanian_gender_values():
    values = ["Mashkull", "Femër", "Meshkuj", "Femra"]
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(values, 1), GENDER)}
    assert got == dict(zip(values, ["male", "female"] * 2, strict=True))
