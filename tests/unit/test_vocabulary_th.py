"""Thai vocabulary: header words and enum values as Thai exports write them (no spaces)."""

from __future__ import annotations

import pytest

from feedline.blueprint import Field, Option
from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import GENDER, ORDER_STATUS

PAYMENT_STATUS = Field("payment_status", "Payment Status", type="enum", options=(
    Option("paid", "Paid"), Option("unpaid", "Unpaid"), Option("overdue", "Overdue"), Option("refunded", "Refunded"),
))


@pytest.mark.parametrize(("header", "meaning"), [
    ("รหัสพนักงาน", ("employee", "id")), ("ชื่อ-นามสกุล", ("full", "name")), ("นามสกุล", ("last", "name")),
    ("แผนก", ("department",)), ("ตำแหน่ง", ("job", "title")), ("วันเริ่มงาน", ("hire", "date")),
    ("วันที่ลาออก", ("termination", "date")), ("วันเกิด", ("date", "of", "birth")),
    ("เงินเดือนสุทธิ", ("net", "salary")), ("ภาษีหัก ณ ที่จ่าย", ("income", "tax")),
    ("เลขประจำตัวผู้เสียภาษี", ("vat", "number")), ("เลขประกันสังคม", ("social", "security", "number")),
    ("วิธีการชำระเงิน", ("payment", "method")), ("เลขที่ใบกำกับภาษี", ("invoice", "id")),
    ("รหัสไปรษณีย์", ("zip",)), ("ชื่อผู้รับ", ("consignee",)), ("เลขพัสดุ", ("tracking", "number")),
])
def test_business_header_words_of_thai(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("header", "meaning"), [
    # written without spaces, a header splits into the words the vocabulary knows
    ("ที่อยู่ลูกค้า", ("address", "customer")), ("เบอร์โทรลูกค้า", ("phone", "customer")),
    ("สถานะคำสั่งซื้อ", ("status", "order")),
])
def test_thai_headers_written_without_spaces_split_into_their_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("value", "option"), [
    ("ร่าง", "draft"), ("ฉบับร่าง", "draft"), ("ยืนยันแล้ว", "confirmed"), ("กำลังดำเนินการ", "in_progress"),
    ("อยู่ระหว่างดำเนินการ", "in_progress"), ("พักไว้", "on_hold"), ("เสร็จสิ้น", "completed"),
    ("เรียบร้อยแล้ว", "completed"), ("ยกเลิก", "canceled"), ("ยกเลิกแล้ว", "canceled"),
])
def test_status_words_of_thai(value, option):
    [mapped] = map_enum_values({value: 1}, ORDER_STATUS)
    assert mapped.option == option, mapped.reason


@pytest.mark.parametrize(("value", "option"), [
    ("ชำระแล้ว", "paid"), ("ยังไม่ชำระ", "unpaid"), ("เกินกำหนดชำระ", "overdue"), ("คืนเงินแล้ว", "refunded"),
])
def test_payment_status_words_of_thai(value, option):
    [mapped] = map_enum_values({value: 1}, PAYMENT_STATUS)
    assert mapped.option == option, mapped.reason


def test_gender_values_of_thai():
    values = ["ชาย", "หญิง", "เพศชาย", "เพศหญิง"]
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(values, 1), GENDER)}
    assert got == dict(zip(values, ["male", "female"] * 2, strict=True))
