"""Chinese (zh.yaml), deepened: more of the ways Mainland, Taiwan and Hong Kong exports
write header words and status values (payroll, banks, carriers, shops, HR), in Simplified
and Traditional characters."""

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
    PAYMENT_STATUS,
    SHIPMENT,
    enum_field,
)


@pytest.mark.parametrize(("header", "meaning"), [
    ("身分證字號", ("social", "security", "number")), ("实发工资", ("net", "salary")),
    ("個人所得稅", ("income", "tax")), ("入司日期", ("hire", "date")),
    ("出生年月", ("date", "of", "birth")), ("幣別", ("currency",)),
    ("料號", ("product", "id")), ("统编", ("vat", "number")),
    ("籍贯", ("birth", "place")), ("门牌号", ("house", "number")),
    ("价税合计", ("gross",)), ("異動日期", ("updated",)),
    ("收件者", ("consignee",)), ("材積", ("volume",)),
])
def test_chinese_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (ORDER_STATUS, "已完结", "completed"), (ORDER_STATUS, "搁置", "on_hold"),
    (ORDER_STATUS, "草拟", "draft"),
    (SHIPMENT, "在途", "in_transit"), (SHIPMENT, "已妥投", "delivered"),
    (SHIPMENT, "投递中", "out_for_delivery"), (SHIPMENT, "已出貨", "shipped"),
    (EMPLOYMENT, "钟点工", "part_time"), (EMPLOYMENT, "劳务派遣", "contractor"),
    (EMPLOYMENT, "專職", "full_time"),
    (PAYMENT_STATUS, "已结清", "paid"), (PAYMENT_STATUS, "欠费", "overdue"),
    (PAYMENT_STATUS, "待付款", "pending"),
    (EMPLOYEE_STATUS, "请假中", "on_leave"), (EMPLOYEE_STATUS, "被裁员", "terminated"),
    (EMPLOYEE_STATUS, "主动离职", "resigned"),
    (PAYMENT_METHOD, "货到付款", "cash"), (PAYMENT_METHOD, "储蓄卡", "debit_card"),
    (PAYMENT_METHOD, "电汇", "bank_transfer"), (PAYMENT_METHOD, "自动扣费", "direct_debit"),
    (PAYMENT_METHOD, "月結", "invoice"),
])
def test_chinese_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason


def test_chinese_clothing_words_name_the_sex():
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(["男装", "女款"], 1), GENDER)}
    assert got == {"男装": "male", "女款": "female"}


def test_a_last_mile_word_reads_as_in_transit_where_the_field_has_no_last_mile():
    field = enum_field("shipment_status", "in_transit", "delivered")
    [mapped] = map_enum_values({"投遞中": 1}, field)
    assert mapped.option == "in_transit", mapped.reason
