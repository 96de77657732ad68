"""Ukrainian (uk.yaml), deepened: more of the ways Ukrainian exports write header words and
status values (payroll and HR, tax ids, banks, Нова пошта and Укрпошта statuses, schools)."""

from __future__ import annotations

import pytest

from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import (
    EDUCATION,
    EMPLOYEE_STATUS,
    EMPLOYMENT_TYPE,
    PAYMENT_METHOD,
    PAYMENT_STATUS,
    SHIPMENT_STATUS,
    enum_field,
)

GRADE = enum_field("grade", "excellent", "good", "fair", "poor")


@pytest.mark.parametrize(("header", "meaning"), [
    ("Код за ЄДРПОУ", ("vat", "number")), ("УНЗР", ("social", "security", "number")),
    ("Табельний №", ("employee", "id")), ("ПІБ працівника", ("employee", "name")),
    ("До виплати", ("net", "salary")), ("ПДФО", ("income", "tax")), ("Посадовий оклад", ("salary",)),
    ("№ замовлення", ("order", "id")), ("К-сть", ("quantity",)), ("Ціна за од.", ("unit", "price")),
    ("Сума, грн", ("amount",)), ("Разом до сплати", ("total",)), ("Од. виміру", ("unit",)),
    ("Номер ЕН", ("tracking", "number")), ("Експрес-накладна", ("tracking", "number")),
    ("Місце народження", ("birth", "place")), ("Дата народж.", ("date", "of", "birth")),
    ("Форма навчання", ("study", "mode")), ("№ залікової книжки", ("student", "id")),
    ("Код клієнта", ("customer", "id")), ("Дата рахунку", ("invoice", "date")),
    ("Номер рахунку-фактури", ("invoice", "id")), ("Номер будинку", ("house", "number")),
    ("Стать працівника", ("gender",)), ("КВЕД", ("industry",)), ("Мін. залишок", ("reorder", "point")),
])
def test_ukrainian_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "Заборгованість", "unpaid"),
    (SHIPMENT_STATUS, "Нова пошта очікує надходження від відправника", "label_created"),
    (SHIPMENT_STATUS, "Прийнято у відділенні", "picked_up"), (SHIPMENT_STATUS, "Прямує до міста", "in_transit"),
    (SHIPMENT_STATUS, "Надійшло до сортувального центру", "in_transit"),
    (SHIPMENT_STATUS, "Передано курʼєру", "out_for_delivery"), (SHIPMENT_STATUS, "Адресна доставка", "out_for_delivery"),
    (SHIPMENT_STATUS, "У поштоматі", "awaiting_collection"), (SHIPMENT_STATUS, "Відправлення отримано", "delivered"),
    (SHIPMENT_STATUS, "Відмова отримувача", "exception"),
    (EMPLOYMENT_TYPE, "За сумісництвом", "part_time"), (EMPLOYMENT_TYPE, "Пів ставки", "part_time"),
    (EMPLOYMENT_TYPE, "Основне місце роботи", "full_time"),
    (EMPLOYEE_STATUS, "Працює", "active"), (EMPLOYEE_STATUS, "Мобілізований", "on_leave"),
    (EMPLOYEE_STATUS, "За згодою сторін", "terminated"),
    (EMPLOYEE_STATUS, "Звільнення за власним бажанням", "resigned"),
    (PAYMENT_METHOD, "Накладений платіж", "cash"), (PAYMENT_METHOD, "Післяплата", "cash"),
    (PAYMENT_METHOD, "Платіжна інструкція", "bank_transfer"), (PAYMENT_METHOD, "Безготівкова оплата", "bank_transfer"),
    (EDUCATION, "Фаховий молодший бакалавр", "vocational"), (EDUCATION, "Базова вища освіта", "bachelor"),
    (GRADE, "Достатній рівень", "good"),
])
def test_ukrainian_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason
