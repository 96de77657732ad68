"""Georgian vocabulary (ka.yaml): header words and enum value words reach their meaning."""

from __future__ import annotations

import pytest

from feedline.blueprint import Field, Option
from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import EMPLOYMENT, GENDER, ORDER_STATUS

DEPARTMENT = Field("department", "Department", type="enum", options=(
    Option("sales", "Sales"), Option("finance", "Finance"), Option("hr", "Human Resources"),
    Option("it", "IT"), Option("management", "Management"),
))


@pytest.mark.parametrize(("header", "meaning"), [
    ("ხელფასი", ("salary",)), ("დეპარტამენტი", ("department",)), ("თანამდებობა", ("job", "title")),
    ("დაქირავების თარიღი", ("hire", "date")), ("ტაბელის ნომერი", ("employee", "id")),
    ("დაბადების თარიღი", ("date", "of", "birth")), ("გვარი", ("last", "name")), ("ელ-ფოსტა", ("email",)),
    ("კლიენტის ნომერი", ("customer", "id")), ("გადახდის მეთოდი", ("payment", "method")),
    ("საიდენტიფიკაციო კოდი", ("vat", "number")), ("პირადი ნომერი", ("social", "security", "number")),
    ("საშემოსავლო გადასახადი", ("income", "tax")), ("ოჯახური მდგომარეობა", ("marital", "status")),
    ("ხელზე ასაღები ხელფასი", ("net", "salary")), ("ტვირთის მიმღები", ("consignee",)),
    ("შეფუთვის ტიპი", ("package", "type")), ("ᲮᲔᲚᲤᲐᲡᲘ", ("salary",)), ("Khelpasi", ("salary",)),
])
def test_business_header_words_of_georgian(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("value", "option"), [
    ("დადასტურებულია", "confirmed"), ("დადასტურებული", "confirmed"), ("მონახაზი", "draft"),
    ("მიმდინარეობს", "in_progress"), ("შეჩერებულია", "on_hold"), ("დასრულებული", "completed"),
    ("დასრულდა", "completed"), ("გაუქმებულია", "canceled"), ("ᲒᲐᲣᲥᲛᲔᲑᲣᲚᲘ", "canceled"),
])
def test_status_words_of_georgian(value, option):
    [mapped] = map_enum_values({value: 1}, ORDER_STATUS)
    assert mapped.option == option, mapped.reason


@pytest.mark.parametrize(("field", "value", "option"), [
    (GENDER, "მამრობითი", "male"), (GENDER, "მდედრობითი", "female"), (GENDER, "ქალი", "female"),
    (GENDER, "კაცი", "male"),
    (EMPLOYMENT, "სრული განაკვეთი", "full_time"), (EMPLOYMENT, "ნახევარი განაკვეთი", "part_time"),
    (EMPLOYMENT, "კონტრაქტორი", "contractor"),
    (DEPARTMENT, "ბუღალტერია", "finance"), (DEPARTMENT, "ადამიანური რესურსები", "hr"),
    (DEPARTMENT, "გაყიდვების დეპარტამენტი", "sales"), (DEPARTMENT, "ხელმძღვანელობა", "management"),
])
def test_enum_values_of_georgian(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason
