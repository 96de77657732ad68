"""Azerbaijani vocabulary (az.yaml): header words and enum value words reach their meaning."""

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
    ("Əmək haqqı", ("salary",)), ("Struktur bölmə", ("department",)), ("Vəzifəsi", ("job", "title")),
    ("İşə qəbul tarixi", ("hire", "date")), ("Tabel nömrəsi", ("employee", "id")),
    ("Doğum tarixi", ("date", "of", "birth")), ("Soyadı", ("last", "name")), ("E-poçt ünvanı", ("email",)),
    ("Müştəri nömrəsi", ("customer", "id")), ("Ödəniş üsulu", ("payment", "method")),
    ("VÖEN", ("vat", "number")), ("Gəlir vergisi", ("income", "tax")), ("Ailə vəziyyəti", ("marital", "status")),
    ("Xalis əmək haqqı", ("net", "salary")), ("Yükalan", ("consignee",)), ("Qablaşdırma növü", ("package", "type")),
])
def test_business_header_words_of_azerbaijani(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("value", "option"), [
    ("Təsdiqlənib", "confirmed"), ("Qaralama", "draft"), ("İcra olunur", "in_progress"),
    ("Təxirə salınıb", "on_hold"), ("Tamamlanıb", "completed"), ("Ləğv edilib", "canceled"),
    ("LƏĞV OLUNUB", "canceled"), ("Davam edir", "in_progress"),
])
def test_status_words_of_azerbaijani(value, option):
    [mapped] = map_enum_values({value: 1}, ORDER_STATUS)
    assert mapped.option == option, mapped.reason


@pytest.mark.parametrize(("field", "value", "option"), [
    (GENDER, "Kişi", "male"), (GENDER, "Qadın", "female"),
    (EMPLOYMENT, "Tam ştat", "full_time"), (EMPLOYMENT, "Natamam iş günü", "part_time"),
    (EMPLOYMENT, "Podratçı", "contractor"),
    (DEPARTMENT, "Mühasibatlıq", "finance"), (DEPARTMENT, "İnsan resursları", "hr"),
    (DEPARTMENT, "Satış şöbəsi", "sales"), (DEPARTMENT, "Rəhbərlik", "management"),
])
def test_enum_values_of_azerbaijani(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason
