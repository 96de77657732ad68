"""Korean (ko.yaml), deepened: more of the ways Korean ERPs, payroll, banks, carriers and
shops write header words and status values (Hangul, spaced and unspaced)."""

from __future__ import annotations

import pytest

from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import (
    EMPLOYEE_STATUS,
    EMPLOYMENT_TYPE,
    GENDER,
    ORDER_STATUS,
    PAYMENT_METHOD,
    SHIPMENT_STATUS,
    enum_field,
)

PAYMENT_STATUS = enum_field("payment_status", "pending", "paid", "unpaid", "overdue", "refunded", "partially_paid")


@pytest.mark.parametrize(("header", "meaning"), [
    ("실수령액", ("net", "salary")), ("차인지급액", ("net", "salary")), ("갑근세", ("income", "tax")),
    ("주민등록번호", ("social", "security", "number")), ("사업자 등록번호", ("vat", "number")),
    ("적요", ("description",)), ("기산일", ("value", "date")), ("전기일", ("booking", "date")),
    ("입출구분", ("direction",)), ("학번", ("student", "id")), ("출생지", ("birth", "place")),
    ("받는사람", ("consignee",)), ("판매경로", ("channel",)), ("근무처", ("location",)),
    # the number on a carrier's waybill, not an invoice number
    ("송장번호", ("tracking", "number")),
])
def test_korean_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "입금대기", "pending"), (PAYMENT_STATUS, "체납", "overdue"), (PAYMENT_STATUS, "완납", "paid"),
    (PAYMENT_STATUS, "부분입금", "partially_paid"), (PAYMENT_STATUS, "환급완료", "refunded"),
    (SHIPMENT_STATUS, "상품이동중", "in_transit"), (SHIPMENT_STATUS, "집하대기", "label_created"),
    (SHIPMENT_STATUS, "상품인수", "picked_up"), (SHIPMENT_STATUS, "편의점보관", "awaiting_collection"),
    (SHIPMENT_STATUS, "수취인부재", "exception"), (SHIPMENT_STATUS, "반품접수", "returned"),
    (EMPLOYMENT_TYPE, "기간제", "temporary"), (EMPLOYMENT_TYPE, "위촉직", "contractor"),
    (EMPLOYMENT_TYPE, "단시간근로자", "part_time"), (EMPLOYMENT_TYPE, "현장실습생", "intern"),
    (EMPLOYEE_STATUS, "권고사직", "terminated"), (EMPLOYEE_STATUS, "자진퇴사", "resigned"),
    (EMPLOYEE_STATUS, "재직중", "active"),
    (PAYMENT_METHOD, "가상계좌", "bank_transfer"), (PAYMENT_METHOD, "자동출금", "direct_debit"),
    (PAYMENT_METHOD, "외상", "invoice"), (PAYMENT_METHOD, "삼성카드", "credit_card"),
    (ORDER_STATUS, "발주확인", "confirmed"), (ORDER_STATUS, "상품준비중", "in_progress"),
    (ORDER_STATUS, "구매확정", "completed"), (ORDER_STATUS, "출고보류", "on_hold"),
])
def test_korean_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason


def test_korean_clothing_words_name_the_sex():
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(["여성용", "남성용"], 1), GENDER)}
    assert got == {"여성용": "female", "남성용": "male"}
