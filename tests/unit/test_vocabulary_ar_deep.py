"""Arabic (ar.yaml), deepened: more of the ways Arabic exports of the Gulf, the Levant,
Egypt and the Maghreb write header words and status values (payroll and HR, national ids
and tax ids, banks and mada, Aramex/SMSA-style tracking events, shops, schools)."""

from __future__ import annotations

import pytest

from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import (
    EDUCATION,
    EMPLOYEE_STATUS,
    EMPLOYMENT_TYPE,
    ORDER_STATUS,
    PAYMENT_METHOD,
    PAYMENT_STATUS,
    PLAN,
    SHIPMENT_STATUS,
    enum_field,
)

CUSTOMER_TYPE = enum_field("customer_type", "private", "business", "individual", "government", "non_profit")
CONTRACT = enum_field("contract", "permanent", "temporary")
LEAVE = enum_field("leave", "vacation", "sick_leave", "unpaid_leave")
CHANNEL = enum_field("channel", "online", "in_store", "phone", "mobile_app")
FUEL = enum_field("fuel", "petrol", "diesel", "electric", "hybrid")
DEPARTMENT = enum_field("department", "finance", "human_resources", "information_technology", "sales")


@pytest.mark.parametrize(("header", "meaning"), [
    ("رقم الهوية", ("social", "security", "number")), ("الرقم الوطني", ("social", "security", "number")),
    ("الرقم القومي", ("social", "security", "number")), ("رقم الإقامة", ("social", "security", "number")),
    ("رقم التأمينات الاجتماعية", ("social", "security", "number")),
    ("رقم الضمان الاجتماعي", ("social", "security", "number")), ("الحالة العائلية", ("marital", "status")),
    ("الرقم الضريبى", ("vat", "number")), ("رقم التعريف الجبائي", ("vat", "number")),
    ("رقم البطاقة الضريبية", ("vat", "number")), ("ضريبة كسب العمل", ("income", "tax")),
    ("الضريبة على الدخل", ("income", "tax")), ("المرتب", ("salary",)), ("صافي المرتب", ("net", "salary")),
    ("صافى الراتب", ("net", "salary")), ("تاريخ الازدياد", ("date", "of", "birth")),
    ("مكان الازدياد", ("birth", "place")), ("الاسم العائلي", ("last", "name")), ("النسب", ("last", "name")),
    ("اسم الأب", ("middle", "name")), ("الاسم واللقب", ("full", "name")), ("الهاتف النقال", ("mobile",)),
    ("رقم الخلوي", ("mobile",)), ("تاريخ الفاتورة", ("invoice", "date")), ("تاريخ التوظيف", ("hire", "date")),
    ("تاريخ نهاية الخدمة", ("termination", "date")), ("رقم الأجير", ("employee", "id")),
    ("شامل الضريبة", ("gross",)), ("المبلغ قبل الضريبة", ("net",)), ("الحسم", ("discount",)),
    ("السعر الإفرادي", ("unit", "price")), ("رقم الإرسالية", ("tracking", "number")),
    ("رقم الملف الضريبي", ("vat", "number")), ("رقم أمر الشراء", ("order", "id")), ("التخصص", ("programme",)),
    ("وحدة القياس", ("unit", "of", "measure")), ("رقم الأعمال", ("revenue",)), ("الرقم الجامعي", ("student", "id")),
    ("الصافي للدفع", ("net", "salary")), ("جهة الاتصال", ("contact",)),
])
def test_arabic_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_METHOD, "مدى", "debit_card"), (PAYMENT_METHOD, "حوالة", "bank_transfer"),
    (PAYMENT_METHOD, "الدفع عند التسليم", "cash"), (PAYMENT_METHOD, "على الفاتورة", "invoice"),
    (PAYMENT_METHOD, "اقتطاع مباشر", "direct_debit"), (PAYMENT_STATUS, "مسدد", "paid"), (PAYMENT_STATUS, "مؤدى", "paid"),
    (PAYMENT_STATUS, "لم يتم السداد", "unpaid"), (PAYMENT_STATUS, "فات موعد الاستحقاق", "overdue"),
    (PAYMENT_STATUS, "تم استرداد المبلغ", "refunded"),
    (SHIPMENT_STATUS, "تم إنشاء البوليصة", "label_created"), (SHIPMENT_STATUS, "تم التقاط الشحنة", "picked_up"),
    (SHIPMENT_STATUS, "غادرت مركز الفرز", "in_transit"), (SHIPMENT_STATUS, "خرجت مع المندوب", "out_for_delivery"),
    (SHIPMENT_STATUS, "تم تسليم الشحنة", "delivered"), (SHIPMENT_STATUS, "في مكتب البريد", "awaiting_collection"),
    (SHIPMENT_STATUS, "تعذر التوصيل", "exception"), (SHIPMENT_STATUS, "مرجوع", "returned"),
    (EMPLOYEE_STATUS, "على رأس العمل", "active"), (EMPLOYEE_STATUS, "مجاز", "on_leave"),
    (EMPLOYEE_STATUS, "منتهي الخدمة", "terminated"), (EMPLOYEE_STATUS, "استقالة", "resigned"),
    (EMPLOYMENT_TYPE, "عقد محدد المدة", "temporary"), (EMPLOYMENT_TYPE, "تدريب تعاوني", "intern"),
    (EMPLOYMENT_TYPE, "متربص", "intern"), (EMPLOYMENT_TYPE, "نصف دوام", "part_time"),
    (EDUCATION, "البكالوريا", "high_school"), (EDUCATION, "التوجيهي", "high_school"), (EDUCATION, "ماستر", "master"),
    (ORDER_STATUS, "قيد التجهيز", "in_progress"), (ORDER_STATUS, "تحت التنفيذ", "in_progress"),
    (CUSTOMER_TYPE, "فردي", "individual"), (CUSTOMER_TYPE, "القطاع العام", "government"),
    (CONTRACT, "عقد غير محدد المدة", "permanent"), (PLAN, "باقة مفوترة", "postpaid"),
    (LEAVE, "إجازة سنوية", "vacation"), (LEAVE, "رخصة مرضية", "sick_leave"), (CHANNEL, "في الفرع", "in_store"),
    (FUEL, "سولار", "diesel"), (DEPARTMENT, "شئون العاملين", "human_resources"),
])
def test_arabic_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason
