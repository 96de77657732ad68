"""Bengali vocabulary: header words and status words as Bangladeshi and Indian Bengali exports write them."""

from __future__ import annotations

import pytest

from feedline.blueprint import Field, Option
from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from feedline.mapping.vocabulary import header_lexicon, words
from tests.unit.vocabulary_fields import GENDER, ORDER_STATUS

PAYMENT_STATUS = Field("payment_status", "Payment Status", type="enum", options=(
    Option("pending", "Pending"), Option("paid", "Paid"), Option("unpaid", "Unpaid"),
    Option("partially_paid", "Partially paid"), Option("refunded", "Refunded"),
))
ACTIVE = Field("active", "Active", type="enum", options=(Option("active", "Active"), Option("inactive", "Inactive")))
MARITAL = Field("marital_status", "Marital Status", type="enum", options=(
    Option("single", "Single"), Option("married", "Married"), Option("divorced", "Divorced"), Option("widowed", "Widowed"),
))


@pytest.mark.parametrize(("header", "meaning"), [
    ("বেতন", ("salary",)), ("বিভাগ", ("department",)), ("কর্মচারী আইডি", ("employee", "id")),
    ("যোগদানের তারিখ", ("hire", "date")), ("জন্ম তারিখ", ("date", "of", "birth")), ("ঠিকানা", ("address",)),
    ("মোবাইল নম্বর", ("mobile",)), ("পরিশোধ পদ্ধতি", ("payment", "method")), ("নিট বেতন", ("net", "salary")),
    ("আয়কর", ("income", "tax")), ("বৈবাহিক অবস্থা", ("marital", "status")), ("একক মূল্য", ("unit", "price")),
    ("প্রাপক", ("consignee",)), ("জাতীয় পরিচয়পত্র নম্বর", ("social", "security", "number")),
    ("গ্রাহকের নাম", ("customer", "name")), ("সরবরাহকারী", ("supplier",)), ("গুদাম", ("warehouse",)),
])
def test_business_header_words_of_bengali(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("value", "option"), [
    ("নিশ্চিত", "confirmed"), ("খসড়া", "draft"), ("চলমান", "in_progress"), ("প্রক্রিয়াধীন", "in_progress"),
    ("স্থগিত", "on_hold"), ("সম্পন্ন", "completed"), ("বাতিল", "canceled"), ("বাতিল করা হয়েছে", "canceled"),
])
def test_status_words_of_bengali(value, option):
    [mapped] = map_enum_values({value: 1}, ORDER_STATUS)
    assert mapped.option == option, mapped.reason


@pytest.mark.parametrize(("value", "option"), [
    ("পরিশোধিত", "paid"), ("অপরিশোধিত", "unpaid"), ("আংশিক পরিশোধিত", "partially_paid"),
    ("অপেক্ষমাণ", "pending"), ("টাকা ফেরত", "refunded"),
])
def test_payment_status_words_of_bengali(value, option):
    [mapped] = map_enum_values({value: 1}, PAYMENT_STATUS)
    assert mapped.option == option, mapped.reason


def test_gender_and_marital_status_values_of_bengali():
    gender = ["পুরুষ", "মহিলা", "নারী"]
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(gender, 1), GENDER)}
    assert got == dict(zip(gender, ["male", "female", "female"], strict=True))
    marital = ["অবিবাহিত", "বিবাহিত", "বিবাহিতা", "তালাকপ্রাপ্ত", "বিধবা"]
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(marital, 1), MARITAL)}
    assert got == dict(zip(marital, ["single", "married", "married", "divorced", "widowed"], strict=True))


@pytest.mark.parametrize(("value", "option"), [
    ("সক্রিয়", "active"), ("নিষ্ক্রিয়", "inactive"), ("সক্রিয় নয়", "inactive"), ("চালু নয়", "inactive"),
])
def test_a_bengali_negation_after_the_word_is_not_the_word(value, option):
    # the negation follows the word (সক্রিয় নয় = not active): never the option it negates
    [mapped] = map_enum_values({value: 1}, ACTIVE)
    assert mapped.option == option, mapped.reason


def test_bengali_words_that_romanize_to_another_meaning_are_left_out():
    # মোট (total) romanizes to "meat", লিঙ্গ (gender) to "ling" (Billing = bil + ling): kept
    # only inside the phrases they begin
    assert words("মোট") == ["meat"] and ("meat",) not in header_lexicon()
    assert words("লিঙ্গ") == ["ling"] and ("ling",) not in header_lexicon()
    assert form("মোট বেতন").expanded == ("salary",) and form("সর্বমোট").expanded == ("total",)
