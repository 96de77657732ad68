"""English (en.yaml), deepened: more of the ways American, British, Canadian, Australian,
Indian and South African exports write header words and status values (payroll and HR,
ERPs, banks, carriers' tracking events, shops, CRMs)."""

from __future__ import annotations

import pytest

from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import (
    CUSTOMER_TYPE,
    EDUCATION,
    EMPLOYEE_STATUS,
    PAYMENT_METHOD,
    SHIPMENT_STATUS,
    enum_field,
)

LEGAL_KIND = enum_field("customer_kind", "individual", "company")
PAY_KIND = enum_field("payment_kind", "cheque", "installments", "voucher", "cash")
CHANNEL = enum_field("channel", "online", "in_store", "phone", "referral")
HR_STAGE = enum_field("hr_stage", "active", "probation", "notice_period")
FREQUENCY = enum_field("frequency", "weekly", "biweekly", "monthly", "quarterly", "half_yearly", "yearly")


@pytest.mark.parametrize(("header", "meaning"), [
    ("EIN", ("vat", "number")), ("GSTIN", ("vat", "number")), ("ABN", ("vat", "number")),
    ("VAT Reg No.", ("vat", "number")), ("DOJ", ("hire", "date")), ("Continuous Service Date", ("hire", "date")),
    ("Relieving Date", ("termination", "date")), ("CTC", ("salary",)),
    ("Basic Salary", ("salary",)), ("Contracted Hours", ("working", "hours")), ("FTE %", ("fte",)),
    ("Reporting Manager", ("manager",)), ("Worker Type", ("employment", "type")),
    ("Pay Freq", ("pay", "frequency")), ("Ship Via", ("carrier",)), ("Haulier", ("carrier",)),
    ("Con Note", ("tracking", "number")), ("Despatch Date", ("ship", "date")), ("SOH", ("stock",)),
    ("Qty Available", ("stock",)), ("RRP", ("price",)), ("Ext Price", ("total",)), ("Incl. GST", ("gross",)),
    ("Ex VAT", ("net",)), ("Mode of Payment", ("payment", "method")), ("Tender Type", ("payment", "method")),
    ("Postage & Packing", ("freight",)), ("COGS", ("cost",)), ("Payee", ("counterparty",)),
    ("Closing Balance", ("balance",)), ("Godown", ("warehouse",)), ("Suburb", ("city",)),
    ("State/Province", ("state",)), ("Email ID", ("email",)), ("Sold-To Party", ("customer",)),
    ("Particulars", ("description",)), ("Accepts Marketing", ("opt", "in")), ("Mode of Shipment", ("transport", "mode")),
    ("Mail Class", ("service", "level")), ("CNEE", ("consignee",)),
])
def test_english_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (SHIPMENT_STATUS, "Shipping label created", "label_created"),
    (SHIPMENT_STATUS, "Pickup scan", "picked_up"),
    (PAYMENT_METHOD, "ACH Debit", "direct_debit"), (PAYMENT_METHOD, "Pre-authorized debit", "direct_debit"),
    (PAY_KIND, "Money order", "cheque"), (PAY_KIND, "Afterpay", "installments"), (PAY_KIND, "Gift cert", "voucher"),
    (EMPLOYEE_STATUS, "Furloughed", "on_leave"), (EMPLOYEE_STATUS, "Garden leave", "on_leave"),
    (EMPLOYEE_STATUS, "Long service leave", "on_leave"), (EMPLOYEE_STATUS, "Made redundant", "terminated"),
    (EMPLOYEE_STATUS, "Leaver", "terminated"), (EMPLOYEE_STATUS, "Retrenched", "terminated"),
    (EMPLOYEE_STATUS, "Voluntary resignation", "resigned"),
    (EDUCATION, "GCSE", "high_school"), (EDUCATION, "A levels", "high_school"), (EDUCATION, "TAFE", "vocational"),
    (EDUCATION, "Grade school", "primary_school"),
    (CUSTOMER_TYPE, "Trade customer", "business"), (CUSTOMER_TYPE, "Registered charity", "non_profit"),
    (CUSTOMER_TYPE, "Govt", "government"), (CUSTOMER_TYPE, "Residential", "private"),
    (LEGAL_KIND, "Pty Ltd", "company"), (CHANNEL, "Word of mouth", "referral"), (CHANNEL, "Telesales", "phone"),
    (FREQUENCY, "Every other week", "biweekly"), (FREQUENCY, "Six-monthly", "half_yearly"),
    (FREQUENCY, "Qtrly", "quarterly"), (HR_STAGE, "Probationary", "probation"), (HR_STAGE, "On notice", "notice_period"),
])
def test_english_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason


def test_a_barred_line_is_suspended_and_a_consumer_a_residential_customer():
    line = enum_field("line_status", "active", "suspended", "cancelled", "ported_out")
    customer = enum_field("customer_type", "residential", "business", "government")
    assert {m.value: m.option for m in map_enum_values({"Barred": 2, "Temporarily suspended": 1}, line)} == {
        "Barred": "suspended", "Temporarily suspended": "suspended"}
    assert {m.value: m.option for m in map_enum_values({"Consumer": 2, "SME": 1, "Public Sector": 1}, customer)} == {
        "Consumer": "residential", "SME": "business", "Public Sector": "government"}
