"""Hebrew (he.yaml), deepened: more of the ways Israeli exports write header words and
status values (construct forms and abbreviations such as מס' לקוח, ת.ז., ח.פ., payroll,
bank, carriers, HR and schools)."""

from __future__ import annotations

import pytest

from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import (
    EDUCATION,
    EMPLOYEE_STATUS,
    EMPLOYMENT_TYPE,
    GENDER,
    ORDER_STATUS,
    PAYMENT_METHOD,
    PAYMENT_STATUS,
    SHIPMENT_STATUS,
)


@pytest.mark.parametrize(("header", "meaning"), [
    ("מס' לקוח", ("customer", "id")), ("ת.ז.", ("social", "security", "number")),
    ("מספר זהות", ("social", "security", "number")), ("מס' ח.פ.", ("vat", "number")),
    ("מס' עוסק מורשה", ("vat", "number")), ("נטו לתשלום", ("net", "salary")), ("שכר יסוד", ("salary",)),
    ("ניכוי מס במקור", ("income", "tax")), ("ת. לידה", ("date", "of", "birth")), ('מק"ט', ("sku",)),
    ('סה"כ לתשלום', ("total",)), ('לפני מע"מ', ("net",)), ('כולל מע"מ', ("gross",)),
    ("תאריך ערך", ("value", "date")), ("שטר מטען", ("tracking", "number")), ("מספר בית", ("house", "number")),
    ("שם המשפחה", ("last", "name")), ('דוא"ל', ("email",)), ("פלאפון", ("mobile",)), ("חלקיות משרה", ("fte",)),
    ("מספר תלמיד", ("student", "id")), ("מגמה", ("programme",)), ("ת. פירעון", ("due", "date")),
    ("תאריך כניסה לעבודה", ("hire", "date")), ("מחיר ליח'", ("unit", "price")), ("מקום לידה", ("birth", "place")),
])
def test_hebrew_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "נפרע", "paid"), (PAYMENT_STATUS, "חוב פתוח", "unpaid"),
    (PAYMENT_STATUS, "עבר מועד התשלום", "overdue"), (PAYMENT_STATUS, "הועבר לגבייה", "overdue"),
    (PAYMENT_STATUS, "בוצע זיכוי", "refunded"),
    (SHIPMENT_STATUS, "נאסף על ידי השליח", "picked_up"), (SHIPMENT_STATUS, "בלוקר", "awaiting_collection"),
    (SHIPMENT_STATUS, "הנמען לא נמצא", "exception"), (SHIPMENT_STATUS, "השליח בדרך", "out_for_delivery"),
    (SHIPMENT_STATUS, "נוצרה תווית", "label_created"), (SHIPMENT_STATUS, "במרכז מיון", "in_transit"),
    (SHIPMENT_STATUS, "הושאר ליד הדלת", "delivered"),
    (EMPLOYMENT_TYPE, "חצי משרה", "part_time"), (EMPLOYMENT_TYPE, "עובד חברת כוח אדם", "contractor"),
    (EMPLOYMENT_TYPE, "משרת סטודנט", "intern"), (EMPLOYMENT_TYPE, "חוזה לתקופה קצובה", "temporary"),
    (EMPLOYEE_STATUS, 'חל"ד', "on_leave"), (EMPLOYEE_STATUS, "במילואים", "on_leave"),
    (EMPLOYEE_STATUS, 'חל"ת', "on_leave"), (EMPLOYEE_STATUS, "עזב מרצונו", "resigned"),
    (PAYMENT_METHOD, 'הו"ק', "direct_debit"), (PAYMENT_METHOD, "הרשאה לחיוב חשבון", "direct_debit"),
    (PAYMENT_METHOD, "גוביינא", "cash"), (PAYMENT_METHOD, "ישראכרט", "credit_card"),
    (PAYMENT_METHOD, "שוטף +30", "invoice"), (PAYMENT_METHOD, "חיוב מיידי", "debit_card"),
    (ORDER_STATUS, "בליקוט", "in_progress"), (ORDER_STATUS, "הוקפאה", "on_hold"),
    (EDUCATION, "תעודת בגרות", "high_school"), (EDUCATION, "הנדסאי", "vocational"), (EDUCATION, "מוסמך", "master"),
])
def test_hebrew_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason


def test_hebrew_plural_gender_words_name_the_sex():
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(["גברים", "נשים", "בנים", "בנות"], 1), GENDER)}
    assert got == {"גברים": "male", "נשים": "female", "בנים": "male", "בנות": "female"}
