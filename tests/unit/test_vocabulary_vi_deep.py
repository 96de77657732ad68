"""Vietnamese (vi.yaml), deepened: more of the ways Vietnamese exports write header words
and status values (payroll and HR contracts, banks, carriers, shops, schools), with and
without diacritics, and the usual abbreviations (SĐT, MST, CMND/CCCD, HĐ, NV, KH)."""

from __future__ import annotations

import pytest

from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import (
    EDUCATION,
    EMPLOYEE_STATUS,
    GENDER,
    PAYMENT_METHOD,
    PAYMENT_STATUS,
    SHIPMENT_STATUS,
    enum_field,
)

EMPLOYMENT_TYPE = enum_field("employment_type", "full_time", "part_time", "contractor", "temporary", "intern",
                             "permanent")


@pytest.mark.parametrize(("header", "meaning"), [
    ("Số CCCD", ("social", "security", "number")), ("CMND/CCCD", ("social", "security", "number")),
    ("MST", ("vat", "number")), ("Mã số doanh nghiệp", ("vat", "number")),
    ("MSSV", ("student", "id")), ("Mã SV", ("student", "id")),
    ("Lương NET", ("net", "salary")), ("TNCN", ("income", "tax")),
    ("Loại HĐLĐ", ("employment", "type")), ("Ngày ký HĐLĐ", ("hire", "date")),
    ("Ngày hết hạn HĐ", ("termination", "date")), ("Họ tên NV", ("employee", "name")),
    ("manv", ("employee", "id")), ("Số TK ngân hàng", ("iban",)),
    ("ĐVVC", ("carrier",)), ("Mã bưu gửi", ("tracking", "number")), ("Phí ship", ("freight",)),
    ("Tên tỉnh", ("state",)), ("Quan huyen", ("city",)),
    ("Ngày HĐ", ("invoice", "date")), ("Số HĐĐT", ("invoice", "id")), ("HTTT", ("payment", "method")),
    ("Chưa VAT", ("net",)), ("Đã gồm VAT", ("gross",)),
    ("Ngày nhập học", ("enrolment", "date")), ("He dao tao", ("study", "mode")),
])
def test_vietnamese_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "Đã CK", "paid"), (PAYMENT_STATUS, "Chưa thu tiền", "unpaid"),
    (PAYMENT_STATUS, "Nợ quá hạn", "overdue"),
    (SHIPMENT_STATUS, "Đang trung chuyển", "in_transit"), (SHIPMENT_STATUS, "Đang đi giao", "out_for_delivery"),
    (SHIPMENT_STATUS, "Phát thành công", "delivered"), (SHIPMENT_STATUS, "Hẹn giao lại", "exception"),
    (SHIPMENT_STATUS, "Khách bom hàng", "exception"), (SHIPMENT_STATUS, "Lưu kho chờ phát", "awaiting_collection"),
    (EMPLOYMENT_TYPE, "Hợp đồng mùa vụ", "temporary"), (EMPLOYMENT_TYPE, "HĐ khoán việc", "contractor"),
    (EMPLOYMENT_TYPE, "Làm theo ca", "part_time"), (EMPLOYMENT_TYPE, "HĐ KXĐTH", "permanent"),
    (EMPLOYEE_STATUS, "Tạm hoãn HĐLĐ", "on_leave"), (EMPLOYEE_STATUS, "Buộc thôi việc", "terminated"),
    (EMPLOYEE_STATUS, "Nghỉ ngang", "resigned"),
    (PAYMENT_METHOD, "Thu hộ", "cash"), (PAYMENT_METHOD, "Quẹt thẻ", "credit_card"),
    (PAYMENT_METHOD, "Ủy nhiệm chi", "bank_transfer"), (PAYMENT_METHOD, "Thẻ Napas", "debit_card"),
    (EDUCATION, "12/12", "high_school"), (EDUCATION, "BTVH", "high_school"),
    (EDUCATION, "Sau đại học", "master"), (EDUCATION, "Kĩ sư", "bachelor"),
])
def test_vietnamese_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason


def test_vietnamese_gender_words_name_the_sex():
    values = ["Giới tính nam", "Phái nữ", "Con trai", "Con gái"]
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(values, 1), GENDER)}
    assert got == {"Giới tính nam": "male", "Phái nữ": "female", "Con trai": "male", "Con gái": "female"}
