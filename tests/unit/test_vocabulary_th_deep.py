"""Thai (th.yaml), deepened: more of the ways Thai exports write header words and status
values (payroll and HR, social security and withholding tax, Kerry/Flash/Thailand Post
tracking, PromptPay and cash on delivery, telecom, construction, schools, customer types)."""

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
    SHIPMENT_STATUS,
    TICKET_STATUS,
    enum_field,
)

CUSTOMER_TYPE = enum_field("customer_type", "private", "business", "individual", "company", "government",
                           "non_profit")
LEAVE_TYPE = enum_field("leave_type", "sick_leave", "vacation", "parental_leave", "unpaid_leave")
PLAN_TYPE = enum_field("plan_type", "prepaid", "postpaid")
SUBSCRIPTION_STATUS = enum_field("subscription_status", "active", "suspended", "churned", "expired")


@pytest.mark.parametrize(("header", "meaning"), [
    ("เลขบัตรประจำตัวประชาชน", ("social", "security", "number")),
    ("เลขผู้ประกันตน", ("social", "security", "number")),
    ("เลขประจำตัวผู้เสียภาษี 13 หลัก", ("vat", "number")), ("เลขผู้เสียภาษีอากร", ("vat", "number")),
    ("หัก ณ ที่จ่าย", ("income", "tax")), ("ภาษีหักณที่จ่าย", ("income", "tax")),
    ("เงินได้พึงประเมิน", ("income",)), ("รายได้สุทธิ", ("net", "salary")),
    ("ค่าจ้างรายวัน", ("salary",)), ("รวมเงินได้", ("gross",)),
    ("รอบการจ่ายค่าจ้าง", ("pay", "frequency")), ("วันที่เริ่มปฏิบัติงาน", ("hire", "date")),
    ("วันที่สิ้นสุดสัญญาจ้าง", ("termination", "date")), ("รหัสพนง", ("employee", "id")),
    ("ชื่อ-สกุล", ("full", "name")), ("หัวหน้าแผนก", ("manager",)),
    ("สถานที่ปฏิบัติงาน", ("location",)), ("ไซต์งาน", ("location",)),
    ("อัตรากำลัง", ("fte",)), ("เลขที่บัญชีเงินฝาก", ("iban",)),
    ("วันที่ออกใบกำกับภาษี", ("invoice", "date")), ("เลขที่ใบเสร็จรับเงิน", ("invoice", "id")),
    ("รวมเป็นเงิน", ("total",)), ("ราคา/หน่วย", ("unit", "price")),
    ("เลขแทรค", ("tracking", "number")), ("ขนส่งโดย", ("carrier",)), ("ค่าส่งพัสดุ", ("freight",)),
    ("ชื่อผู้รับปลายทาง", ("consignee",)), ("ชื่อผู้ฝากส่ง", ("consignor",)),
    ("ค่ายมือถือ", ("network",)), ("จุดสั่งซื้อ", ("reorder", "point")),
    ("ประเภทอสังหาริมทรัพย์", ("property", "type")), ("วันที่เข้าศึกษา", ("enrolment", "date")),
    ("ระดับการศึกษาสูงสุด", ("degree",)), ("เขต/อำเภอ", ("city",)), ("รหัสสมาชิก", ("customer", "id")),
])
def test_thai_header_words_deepened(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "โอนเงินแล้ว", "paid"), (PAYMENT_STATUS, "รอโอนเงิน", "pending"),
    (PAYMENT_STATUS, "ค้างจ่าย", "unpaid"), (PAYMENT_STATUS, "ผิดนัดชำระ", "overdue"),
    (PAYMENT_STATUS, "คืนเงินเรียบร้อยแล้ว", "refunded"),
    (PAYMENT_METHOD, "โอนผ่านพร้อมเพย์", "bank_transfer"), (PAYMENT_METHOD, "สแกนคิวอาร์โค้ด", "bank_transfer"),
    (PAYMENT_METHOD, "เก็บปลายทาง", "cash"), (PAYMENT_METHOD, "หักบัญชีธนาคาร", "direct_debit"),
    (SHIPMENT_STATUS, "รอพนักงานเข้ารับ", "label_created"), (SHIPMENT_STATUS, "รับฝากพัสดุแล้ว", "picked_up"),
    (SHIPMENT_STATUS, "พัสดุถึงศูนย์คัดแยก", "in_transit"), (SHIPMENT_STATUS, "ออกนำจ่าย", "out_for_delivery"),
    (SHIPMENT_STATUS, "ผู้รับได้รับพัสดุแล้ว", "delivered"), (SHIPMENT_STATUS, "เซ็นรับแล้ว", "delivered"),
    (SHIPMENT_STATUS, "รอรับที่ที่ทำการไปรษณีย์", "awaiting_collection"),
    (SHIPMENT_STATUS, "ติดต่อผู้รับไม่ได้", "exception"), (SHIPMENT_STATUS, "ส่งคืนต้นทาง", "returned"),
    (EMPLOYMENT_TYPE, "พนักงานรายวัน", "temporary"), (EMPLOYMENT_TYPE, "ผู้รับเหมาช่วง", "contractor"),
    (EMPLOYMENT_TYPE, "นักศึกษาฝึกประสบการณ์", "intern"), (EMPLOYMENT_TYPE, "พนักงานประจำเต็มเวลา", "full_time"),
    (EMPLOYEE_STATUS, "ลาบวช", "on_leave"), (EMPLOYEE_STATUS, "ยื่นใบลาออก", "resigned"),
    (EMPLOYEE_STATUS, "ไม่ผ่านทดลองงาน", "terminated"),
    (LEAVE_TYPE, "ลาพักร้อน", "vacation"), (LEAVE_TYPE, "ลาพักผ่อนประจำปี", "vacation"),
    (LEAVE_TYPE, "ลาป่วยมีใบรับรองแพทย์", "sick_leave"), (LEAVE_TYPE, "ลาไม่ได้รับค่าจ้าง", "unpaid_leave"),
    (PLAN_TYPE, "ซิมเติมเงิน", "prepaid"), (PLAN_TYPE, "แพ็กเกจรายเดือน", "postpaid"),
    (SUBSCRIPTION_STATUS, "ย้ายค่าย", "churned"), (SUBSCRIPTION_STATUS, "ระงับสัญญาณ", "suspended"),
    (TICKET_STATUS, "ปิดเคสแล้ว", "closed"), (TICKET_STATUS, "แก้ไขปัญหาแล้ว", "resolved"),
    (ORDER_STATUS, "อยู่ระหว่างก่อสร้าง", "in_progress"), (ORDER_STATUS, "งานแล้วเสร็จ", "completed"),
    (ORDER_STATUS, "คอนเฟิร์มแล้ว", "confirmed"),
    (EDUCATION, "ปวส.", "vocational"), (EDUCATION, "มัธยมศึกษาปีที่ 6", "high_school"),
    (CUSTOMER_TYPE, "หจก", "company"), (CUSTOMER_TYPE, "ผู้มีเงินได้บุคคลธรรมดา", "individual"),
    (CUSTOMER_TYPE, "ส่วนราชการ", "government"), (CUSTOMER_TYPE, "ลูกค้าปลีก", "private"),
])
def test_thai_status_and_kind_words_deepened(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason
