"""Persian (fa.yaml), deepened: more of the ways Iranian and Afghan exports write header
words and status values (payroll and HR, company ids, Iran Post and couriers, card to card
and cash on delivery, telecom lines, schools and shops)."""

from __future__ import annotations

import pytest

from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import (
    EDUCATION,
    EMPLOYEE_STATUS,
    EMPLOYMENT_TYPE,
    LEAVE_TYPE,
    ORDER_STATUS,
    PAYMENT_METHOD,
    PAYMENT_STATUS,
    SHIPMENT_STATUS,
    enum_field,
)

CUSTOMER_TYPE = enum_field("customer_type", "individual", "company", "government", "non_profit")
LINE_TYPE = enum_field("line_type", "prepaid", "postpaid")


@pytest.mark.parametrize(("header", "meaning"), [
    ("کد بیمه تامین اجتماعی", ("social", "security", "number")),
    ("شماره تأمین اجتماعی", ("social", "security", "number")),
    ("شماره کارت ملی", ("social", "security", "number")),
    ("شماره تذکره الکترونیکی", ("social", "security", "number")),
    ("شناسه ملی شرکت", ("vat", "number")), ("کداقتصادی", ("vat", "number")),
    ("نمبر تشخیصیه مالیاتی", ("vat", "number")),
    ("مزد پایه", ("salary",)), ("حقوق و مزایا", ("salary",)), ("معاش اساسی", ("salary",)),
    ("خالص قابل پرداخت", ("net", "salary")), ("مالیه بر عایدات", ("income", "tax")),
    ("مالیات حقوق و دستمزد", ("income", "tax")),
    ("شماره استخدامی", ("employee", "id")), ("کدپرسنلی", ("employee", "id")),
    ("تاریخ بکارگیری", ("hire", "date")), ("تاریخ تقرر", ("hire", "date")),
    ("تاریخ خاتمه همکاری", ("termination", "date")), ("تاریخ انفکاک", ("termination", "date")),
    ("نوع رابطه استخدامی", ("employment", "type")), ("ساعات موظفی", ("working", "hours")),
    ("حالت مدنی", ("marital", "status")), ("شماره مبایل", ("mobile",)), ("تلیفون همراه", ("mobile",)),
    ("شماره دورنگار", ("fax",)), ("کد شبا", ("iban",)), ("کد مشترک", ("customer", "id")),
    ("فی واحد", ("unit", "price")), ("مبلغ قابل پرداخت", ("total",)),
    ("تاریخ صدور فاکتور", ("invoice", "date")), ("سریال فاکتور", ("invoice", "id")),
    ("نحوه تسویه", ("payment", "method")), ("کد رهگیری پستی", ("tracking", "number")),
    ("نحوه آشنایی", ("source",)), ("عرضه کننده", ("supplier",)), ("پلاک", ("house", "number")),
    ("شماره دانش آموزی", ("student", "id")), ("کد پستی ده رقمی", ("zip",)),
])
def test_persian_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "وصول شده", "paid"), (PAYMENT_STATUS, "پرداخت شد", "paid"),
    (PAYMENT_STATUS, "پرداخت نگردیده", "unpaid"), (PAYMENT_STATUS, "معوقات", "overdue"),
    (PAYMENT_STATUS, "منتظر تایید", "pending"), (PAYMENT_STATUS, "بازپرداخت شده", "refunded"),
    (PAYMENT_METHOD, "کارتبهکارت", "bank_transfer"), (PAYMENT_METHOD, "فیش واریزی", "bank_transfer"),
    (PAYMENT_METHOD, "پرداخت در محل تحویل", "cash"), (PAYMENT_METHOD, "کارت شتاب", "debit_card"),
    (PAYMENT_METHOD, "برداشت خودکار", "direct_debit"),
    (SHIPMENT_STATUS, "در مرکز مبادلات", "in_transit"), (SHIPMENT_STATUS, "تحویل به موزع", "out_for_delivery"),
    (SHIPMENT_STATUS, "قبول مرسوله", "picked_up"), (SHIPMENT_STATUS, "تحویل گیرنده شد", "delivered"),
    (SHIPMENT_STATUS, "گیرنده حضور نداشت", "exception"), (SHIPMENT_STATUS, "برگشت به فرستنده", "returned"),
    (SHIPMENT_STATUS, "قابل دریافت در باجه", "awaiting_collection"),
    (SHIPMENT_STATUS, "ثبت اطلاعات مرسوله", "label_created"),
    (EMPLOYMENT_TYPE, "پیمانی", "contractor"), (EMPLOYMENT_TYPE, "قرارداد کار معین", "temporary"),
    (EMPLOYMENT_TYPE, "تماموقت", "full_time"), (EMPLOYMENT_TYPE, "کارورزی", "intern"),
    (EMPLOYEE_STATUS, "بازخرید", "terminated"), (EMPLOYEE_STATUS, "مستعفی شده", "resigned"),
    (EMPLOYEE_STATUS, "مرخصی استحقاقی", "on_leave"),
    (LEAVE_TYPE, "مرخصی استحقاقی", "vacation"), (LEAVE_TYPE, "مرخصی پزشکی", "sick_leave"),
    (LEAVE_TYPE, "مرخصی بی حقوق", "unpaid_leave"),
    (LINE_TYPE, "دائمی", "postpaid"), (LINE_TYPE, "سیم کارت اعتباری", "prepaid"),
    (EDUCATION, "لیسانس ناپیوسته", "bachelor"), (EDUCATION, "دیپلمه", "high_school"),
    (EDUCATION, "کاردانش", "vocational"), (EDUCATION, "فوق‌لیسانس", "master"),
    (ORDER_STATUS, "در حال آماده سازی", "in_progress"), (ORDER_STATUS, "لغو توسط مشتری", "canceled"),
    (ORDER_STATUS, "به اتمام رسید", "completed"), (ORDER_STATUS, "ملغی شده", "canceled"),
    (PAYMENT_STATUS, "وصول نگردیده", "unpaid"), (EDUCATION, "پیش دانشگاهی", "high_school"),
    (CUSTOMER_TYPE, "اشخاص حقیقی", "individual"), (CUSTOMER_TYPE, "مشتری حقوقی", "company"),
    (CUSTOMER_TYPE, "سازمان مردم نهاد", "non_profit"),
])
def test_persian_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason
