"""Bulgarian (bg.yaml), deepened: more of the ways Bulgarian exports write header words and
status values (definite forms, ЕГН/ЕИК/ДДС abbreviations, payroll and HR, insurance,
Econt/Speedy style carrier statuses, school grades)."""

from __future__ import annotations

import pytest

from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import (
    EMPLOYEE_STATUS,
    EMPLOYMENT_TYPE,
    ORDER_STATUS,
    PAYMENT_METHOD,
    PAYMENT_STATUS,
    SHIPMENT_STATUS,
    enum_field,
)

GRADE = enum_field("grade", "excellent", "merit", "good", "fair", "poor")
CLAIM_STATUS = enum_field("claim_status", "claim_open", "claim_settled", "claim_rejected")


@pytest.mark.parametrize(("header", "meaning"), [
    ("Номер на клиента", ("customer", "id")), ("Име на служителя", ("employee", "name")),
    ("Служебен номер", ("employee", "id")), ("ЕГН/ЛНЧ", ("social", "security", "number")),
    ("ЕИК/БУЛСТАТ", ("vat", "number")), ("Данък общ доход", ("income", "tax")),
    ("Сума за получаване", ("net", "salary")), ("Факултетен номер", ("student", "id")),
    ("Ед. цена", ("unit", "price")), ("Мярка", ("unit", "of", "measure")),
    ("Дата на фактурата", ("invoice", "date")), ("Номер на фактура", ("invoice", "id")),
    ("Номер на товарителницата", ("tracking", "number")), ("Данъчна основа", ("net",)),
    ("Общо с ДДС", ("gross",)), ("Дата на постъпване на работа", ("hire", "date")),
    ("Пряк ръководител", ("manager",)), ("Код по НКПД", ("job", "title")),
    ("Щатна бройка", ("fte",)), ("Форма на обучение", ("study", "mode")),
    ("Застраховано лице", ("insured",)), ("Номер на щета", ("claim",)),
    ("Клиентът", ("customer",)), ("Поръчката", ("order",)), ("Табелен номер", ("employee", "id")),
])
def test_bulgarian_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "Разплатена", "paid"), (PAYMENT_STATUS, "Изпратено напомняне", "overdue"),
    (PAYMENT_STATUS, "Непогасена", "unpaid"), (PAYMENT_STATUS, "Дължима", "unpaid"),
    (PAYMENT_STATUS, "Възстановена сума", "refunded"),
    (SHIPMENT_STATUS, "Пристигнала в офис", "awaiting_collection"),
    (SHIPMENT_STATUS, "До поискване", "awaiting_collection"), (SHIPMENT_STATUS, "На разнос", "out_for_delivery"),
    (SHIPMENT_STATUS, "Куриерът е на път", "out_for_delivery"), (SHIPMENT_STATUS, "Пратката пътува", "in_transit"),
    (SHIPMENT_STATUS, "Предадена на получателя", "delivered"), (SHIPMENT_STATUS, "Недоставена", "exception"),
    (SHIPMENT_STATUS, "Получателят отсъства", "exception"),
    (SHIPMENT_STATUS, "Очаква предаване на куриер", "label_created"),
    (SHIPMENT_STATUS, "Приета в офис", "picked_up"),
    (EMPLOYMENT_TYPE, "На хонорар", "contractor"), (EMPLOYMENT_TYPE, "Хоноруван", "contractor"),
    (EMPLOYMENT_TYPE, "Непълен работен ден", "part_time"), (EMPLOYMENT_TYPE, "По заместване", "temporary"),
    (EMPLOYEE_STATUS, "По собствено желание", "resigned"), (EMPLOYEE_STATUS, "Съкратен", "terminated"),
    (PAYMENT_METHOD, "По банков път", "bank_transfer"), (PAYMENT_METHOD, "Платежно нареждане", "bank_transfer"),
    (PAYMENT_METHOD, "Пряк дебит", "direct_debit"),
    (ORDER_STATUS, "Замразена", "on_hold"), (ORDER_STATUS, "Комплектова се", "in_progress"),
    (ORDER_STATUS, "Финализирана", "completed"), (ORDER_STATUS, "Приета поръчка", "confirmed"),
    (CLAIM_STATUS, "Образувана щета", "claim_open"), (CLAIM_STATUS, "Отхвърлена претенция", "claim_rejected"),
])
def test_bulgarian_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason


def test_bulgarian_school_grades_name_the_grade():
    values = ["Отличен 6", "Много добър 5", "Добър 4", "Среден 3", "Слаб 2"]
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(values, 1), GRADE)}
    assert got == dict(zip(values, ["excellent", "merit", "good", "fair", "poor"], strict=True))
