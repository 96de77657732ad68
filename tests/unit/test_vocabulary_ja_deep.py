"""Japanese (ja.yaml), deepened: more of the ways Japanese exports write header words and
status values (payroll, banks, carriers, shops, HR), in kanji, kana and mixed forms."""

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

PAYMENT_STATUS = enum_field("payment_status", "pending", "paid", "unpaid", "overdue", "partially_paid", "refunded")


@pytest.mark.parametrize(("header", "meaning"), [
    ("勘定日", ("value", "date")), ("計上日", ("booking", "date")),
    ("差引支給額", ("net", "salary")), ("源泉所得税", ("income", "tax")),
    ("マイナンバー", ("social", "security", "number")), ("学籍番号", ("student", "id")),
    ("問い合わせ番号", ("tracking", "number")), ("お届け先氏名", ("consignee",)),
    ("ご依頼主名", ("consignor",)), ("振込依頼人名", ("counterparty",)),
    ("入社年月日", ("hire", "date")), ("ＪＡＮコード", ("barcode",)),
    ("支払サイト", ("payment", "terms")), ("ご担当者名", ("contact",)),
    ("給与形態", ("pay", "frequency")), ("物件種別", ("property", "type")),
    ("専有面積", ("area",)),
])
def test_japanese_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "入金確認済み", "paid"), (PAYMENT_STATUS, "未収", "unpaid"),
    (PAYMENT_STATUS, "督促中", "overdue"), (PAYMENT_STATUS, "一部入金済み", "partially_paid"),
    (SHIPMENT_STATUS, "営業所止め", "awaiting_collection"), (SHIPMENT_STATUS, "持ち出し中", "out_for_delivery"),
    (SHIPMENT_STATUS, "宅配ボックス投函", "delivered"), (SHIPMENT_STATUS, "転居先不明", "returned"),
    (SHIPMENT_STATUS, "伝票発行済み", "label_created"), (SHIPMENT_STATUS, "不在持戻り", "exception"),
    (EMPLOYMENT_TYPE, "ﾊﾟｰﾄ", "part_time"), (EMPLOYMENT_TYPE, "業務委託契約", "contractor"),
    (EMPLOYMENT_TYPE, "嘱託社員", "temporary"), (EMPLOYMENT_TYPE, "技能実習生", "intern"),
    (EMPLOYEE_STATUS, "有給休暇中", "on_leave"), (EMPLOYEE_STATUS, "懲戒解雇", "terminated"),
    (EMPLOYEE_STATUS, "依願退職", "resigned"),
    (PAYMENT_METHOD, "代引き", "cash"), (PAYMENT_METHOD, "口座引き落とし", "direct_debit"),
    (PAYMENT_METHOD, "クレカ", "credit_card"), (PAYMENT_METHOD, "掛売り", "invoice"),
    (PAYMENT_METHOD, "Jデビット", "debit_card"),
    (ORDER_STATUS, "受注確定", "confirmed"), (ORDER_STATUS, "作業中", "in_progress"),
    (ORDER_STATUS, "対応完了", "completed"), (ORDER_STATUS, "注文キャンセル", "canceled"),
])
def test_japanese_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason


def test_japanese_clothing_words_name_the_sex():
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(["レディース", "メンズ"], 1), GENDER)}
    assert got == {"レディース": "female", "メンズ": "male"}
