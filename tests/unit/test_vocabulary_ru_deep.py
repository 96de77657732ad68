"""Russian (ru.yaml), deepened: more of the ways Russian, Belarusian and Kazakh exports write
header words and status values (1C-style payroll and HR, banks, carriers, shops)."""

from __future__ import annotations

import pytest

from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import (
    EMPLOYEE_STATUS,
    EMPLOYMENT,
    GENDER,
    ORDER_STATUS,
    PAYMENT_METHOD,
    SHIPMENT_STATUS,
    enum_field,
)

PAYMENT_STATUS = enum_field("payment_status", "pending", "paid", "unpaid", "overdue", "partially_paid", "refunded")


@pytest.mark.parametrize(("header", "meaning"), [
    ("Табельный номер", ("employee", "id")), ("СНИЛС", ("social", "security", "number")),
    ("НДФЛ", ("income", "tax")), ("Дата рег.", ("signup", "date")), ("Ф.И.О.", ("full", "name")),
    ("ШПИ", ("tracking", "number")), ("Сумма, руб.", ("amount",)), ("Вес нетто", ("weight",)),
    ("Место рождения", ("birth", "place")), ("Контактное лицо", ("contact",)),
    ("Форма обучения", ("study", "mode")), ("Дата увол.", ("termination", "date")),
    ("Назначение платежа", ("description",)), ("ИИК", ("iban",)),
    ("Кол-во ставок", ("fte",)), ("Дата списания", ("booking", "date")), ("Номер заказа", ("order", "id")),
])
def test_russian_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "Погашено", "paid"), (PAYMENT_STATUS, "В просрочке", "overdue"),
    (PAYMENT_STATUS, "Оплачено частично", "partially_paid"),
    (SHIPMENT_STATUS, "Прибыло в место вручения", "awaiting_collection"),
    (SHIPMENT_STATUS, "Неудачная попытка вручения", "exception"),
    (SHIPMENT_STATUS, "Покинуло сортировочный центр", "in_transit"),
    (SHIPMENT_STATUS, "Передано курьеру", "out_for_delivery"),
    (EMPLOYMENT, "Внешнее совместительство", "part_time"), (EMPLOYMENT, "Аутсорсинг", "contractor"),
    (EMPLOYMENT, "Полставки", "part_time"),
    (EMPLOYEE_STATUS, "Сокращение штата", "terminated"),
    (EMPLOYEE_STATUS, "Отгул", "on_leave"),
    (PAYMENT_METHOD, "Оплата при получении", "cash"), (PAYMENT_METHOD, "СБП", "bank_transfer"),
    (PAYMENT_METHOD, "Оплата через ЕРИП", "bank_transfer"),
    (ORDER_STATUS, "Комплектуется", "in_progress"), (ORDER_STATUS, "На сборке", "in_progress"),
])
def test_russian_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason


def test_russian_animal_sex_words_name_the_sex():
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(["Самка", "Самец"], 1), GENDER)}
    assert got == {"Самка": "female", "Самец": "male"}
