"""Hindi (hi.yaml), deepened: more of the ways Hindi and Hinglish exports write header words
and status values (payroll and HR, GST invoices, India Post and courier tracking, UPI, schools)."""

from __future__ import annotations

import pytest

from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import (
    CUSTOMER_TYPE,
    EDUCATION,
    EMPLOYEE_STATUS,
    EMPLOYMENT_TYPE,
    LEAVE_TYPE,
    ORDER_STATUS,
    PAYMENT_METHOD,
    PAYMENT_STATUS,
    SHIPMENT_STATUS,
    TICKET_STATUS,
    enum_field,
)

VISIT_TYPE = enum_field("visit_type", "inpatient", "outpatient", "emergency")


@pytest.mark.parametrize(("header", "meaning"), [
    ("UAN No.", ("social", "security", "number")), ("PF Number", ("social", "security", "number")),
    ("ESIC No", ("social", "security", "number")), ("आधार कार्ड संख्या", ("social", "security", "number")),
    ("GSTIN No.", ("vat", "number")), ("पैन नंबर", ("vat", "number")),
    ("In Hand", ("net", "salary")), ("Shuddh Vetan", ("net", "salary")),
    ("वेतन", ("salary",)), ("Majdoori", ("salary",)), ("पारिश्रमिक", ("salary",)),
    ("आयकर कटौती", ("income", "tax")), ("CGST", ("tax",)), ("MRP", ("price",)),
    ("कर्मचारी का नाम", ("employee", "name")), ("कर्मचारी कोड", ("employee", "id")),
    ("कार्यभार ग्रहण तिथि", ("hire", "date")), ("सेवामुक्ति तिथि", ("termination", "date")),
    ("बिल दिनांक", ("invoice", "date")), ("Bijak Sankhya", ("invoice", "id")),
    ("मकान नंबर", ("house", "number")), ("Sthayi Pata", ("address",)),
    ("जन्म की तारीख", ("date", "of", "birth")), ("जन्म स्थान", ("birth", "place")),
    ("Bilty No", ("tracking", "number")), ("प्राप्तकर्ता का नाम", ("consignee",)),
    ("बैंक खाता संख्या", ("iban",)), ("Anukramank", ("student", "id")),
    ("प्रवेश तिथि", ("enrolment", "date")), ("छात्रवृत्ति", ("scholarship",)),
    ("मरीज का नाम", ("patient",)), ("बीमाधारक", ("insured",)), ("क्षेत्रफल", ("area",)),
    ("कमरों की संख्या", ("rooms",)), ("ग्राहक का नाम", ("customer", "name")),
])
def test_hindi_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "भुगतान हो गया", "paid"), (PAYMENT_STATUS, "Bhugtan baki", "unpaid"),
    (PAYMENT_STATUS, "रिफंड हो गया", "refunded"),
    (PAYMENT_METHOD, "UPI", "bank_transfer"), (PAYMENT_METHOD, "नेट बैंकिंग", "bank_transfer"),
    (PAYMENT_METHOD, "RuPay Card", "debit_card"), (PAYMENT_METHOD, "नकद भुगतान", "cash"),
    (PAYMENT_METHOD, "e mandate", "direct_debit"),
    (SHIPMENT_STATUS, "Item Booked", "label_created"), (SHIPMENT_STATUS, "Item Bagged", "in_transit"),
    (SHIPMENT_STATUS, "पिकअप हो गया", "picked_up"), (SHIPMENT_STATUS, "वितरण हेतु निकला", "out_for_delivery"),
    (SHIPMENT_STATUS, "पहुँच गया", "delivered"), (SHIPMENT_STATUS, "डिलीवरी प्रयास विफल", "exception"),
    (SHIPMENT_STATUS, "RTO Initiated", "returned"),
    (ORDER_STATUS, "रद्द किया गया", "canceled"), (ORDER_STATUS, "पुष्टि हो गई", "confirmed"),
    (ORDER_STATUS, "होल्ड पर", "on_hold"),
    (TICKET_STATUS, "हल हो गया", "resolved"), (TICKET_STATUS, "Pragati mein", "in_progress"),
    (EMPLOYEE_STATUS, "छुट्टी पर", "on_leave"), (EMPLOYEE_STATUS, "नौकरी से निकाला", "terminated"),
    (EMPLOYEE_STATUS, "इस्तीफा दिया", "resigned"),
    (EMPLOYMENT_TYPE, "ठेकेदार", "contractor"), (EMPLOYMENT_TYPE, "Dihadi majdoor", "temporary"),
    (EMPLOYMENT_TYPE, "शिक्षु", "intern"),
    (LEAVE_TYPE, "अर्जित अवकाश", "vacation"), (LEAVE_TYPE, "Loss of Pay", "unpaid_leave"),
    (EDUCATION, "दसवीं पास", "high_school"), (EDUCATION, "Graduate", "bachelor"),
    (EDUCATION, "पॉलिटेक्निक", "vocational"), (EDUCATION, "M.Com", "master"),
    (CUSTOMER_TYPE, "व्यापारी", "business"), (CUSTOMER_TYPE, "खुदरा ग्राहक", "private"),
    (CUSTOMER_TYPE, "धर्मार्थ संस्था", "non_profit"), (CUSTOMER_TYPE, "सरकारी विभाग", "government"),
    (VISIT_TYPE, "OPD", "outpatient"), (VISIT_TYPE, "IPD", "inpatient"),
])
def test_hindi_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason
