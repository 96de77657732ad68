"""Swahili (sw.yaml), deepened: more of the ways Kenyan, Tanzanian and Ugandan exports
write header words and status values (KRA PIN, NSSF, NIDA, payroll and leave, M-Pesa,
carriers, schools, telecom, banks and shops)."""

from __future__ import annotations

import pytest

from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import (
    CUSTOMER_TYPE,
    EDUCATION,
    EMPLOYEE_STATUS,
    EMPLOYMENT_TYPE,
    GENDER,
    LEAVE_TYPE,
    ORDER_STATUS,
    PAYMENT_METHOD,
    PAYMENT_STATUS,
    SHIPMENT_STATUS,
    enum_field,
)

TICKET_STATUS = enum_field("ticket_status", "new", "open", "in_progress", "on_hold", "resolved", "closed")
SUBSCRIPTION = enum_field("subscription", "prepaid", "postpaid")
APPLICATION = enum_field("application_status", "submitted", "pending", "approved", "denied")


@pytest.mark.parametrize(("header", "meaning"), [
    ("KRA PIN", ("vat", "number")), ("PIN ya KRA", ("vat", "number")), ("Namba ya TIN", ("vat", "number")),
    ("Namba ya NSSF", ("social", "security", "number")), ("NSSF", ("social", "security", "number")),
    ("Namba ya NIDA", ("social", "security", "number")), ("Huduma Namba", ("social", "security", "number")),
    ("Kitambulisho cha Taifa", ("social", "security", "number")),
    ("Mshahara Halisi", ("net", "salary")), ("Mshahara baada ya Makato", ("net", "salary")),
    ("Kodi ya Mshahara", ("income", "tax")), ("Lipa Kadiri Unavyopata", ("income", "tax")),
    ("Ubini", ("last", "name")), ("Jina la Pili", ("middle", "name")), ("Majina Matatu", ("full", "name")),
    ("Namba ya Rununu", ("mobile",)), ("Akaunti ya Benki", ("iban",)), ("Tarehe ya Ankara", ("invoice", "date")),
    ("Namba ya Mwanafunzi", ("student", "id")), ("Tarehe ya Kudahiliwa", ("enrolment", "date")),
    ("Ufadhili wa Masomo", ("scholarship",)), ("Mmiliki", ("owner",)), ("Mtoa Huduma", ("provider",)),
    ("Mwenye Bima", ("insured",)), ("Kiasi Kilicholipwa", ("paid",)), ("Kaunti", ("state",)),
    ("Uzani", ("weight",)), ("Bohari", ("warehouse",)), ("Masaa ya Kazi", ("working", "hours")),
    ("Tarehe ya Kustaafu", ("termination", "date")), ("Tarehe ya Kuanza Ajira", ("hire", "date")),
    ("Masharti ya Ajira", ("employment", "type")), ("Namba ya Kufuatilia", ("tracking", "number")),
    ("Bei ya Kununua", ("cost",)), ("Kipato", ("income",)), ("Sanduku la Posta", ("address",)),
    ("Namba ya Bili", ("invoice", "id")), ("Mzabuni", ("supplier",)),
])
def test_swahili_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_METHOD, "M-Pesa", "bank_transfer"), (PAYMENT_METHOD, "Lipa na M-Pesa", "bank_transfer"),
    (PAYMENT_METHOD, "Tigo Pesa", "bank_transfer"), (PAYMENT_METHOD, "Keshi", "cash"),
    (PAYMENT_METHOD, "Makato ya Mshahara", "direct_debit"),
    (PAYMENT_STATUS, "Amelipa", "paid"),
    (PAYMENT_STATUS, "Hajalipa", "unpaid"), (PAYMENT_STATUS, "Malipo Yamechelewa", "overdue"),
    (PAYMENT_STATUS, "Inangoja", "pending"), (PAYMENT_STATUS, "Amerudishiwa Pesa", "refunded"),
    (SHIPMENT_STATUS, "Mzigo umetumwa", "in_transit"), (SHIPMENT_STATUS, "Mzigo uko njiani", "in_transit"),
    (SHIPMENT_STATUS, "Umefika", "delivered"), (SHIPMENT_STATUS, "Imekabidhiwa kwa mpokeaji", "delivered"),
    (SHIPMENT_STATUS, "Mzigo umechukuliwa", "picked_up"),
    (SHIPMENT_STATUS, "Tayari kwa kuchukuliwa", "awaiting_collection"),
    (SHIPMENT_STATUS, "Mpokeaji hakupatikana", "exception"), (SHIPMENT_STATUS, "Imerudi", "returned"),
    (ORDER_STATUS, "Agizo limeghairiwa", "canceled"),
    (ORDER_STATUS, "Inachakatwa", "in_progress"), (ORDER_STATUS, "Imetekelezwa", "completed"),
    (TICKET_STATUS, "Tatizo limetatuliwa", "resolved"), (TICKET_STATUS, "Tiketi imefungwa", "closed"),
    (APPLICATION, "Ombi limekataliwa", "denied"), (APPLICATION, "Limeidhinishwa", "approved"),
    (EMPLOYEE_STATUS, "Amefutwa kazi", "terminated"), (EMPLOYEE_STATUS, "Likizo ya mwaka", "on_leave"),
    (EMPLOYEE_STATUS, "Anafanya kazi", "active"),
    (EMPLOYMENT_TYPE, "Mkataba", "contractor"), (EMPLOYMENT_TYPE, "Ajira ya muda mfupi", "temporary"),
    (EMPLOYMENT_TYPE, "Mafunzo kwa vitendo", "intern"),
    (LEAVE_TYPE, "Likizo ya mwaka", "vacation"), (LEAVE_TYPE, "Likizo ya kujifungua", "parental_leave"),
    (SUBSCRIPTION, "Malipo kabla", "prepaid"), (SUBSCRIPTION, "Malipo ya baadae", "postpaid"),
    (GENDER, "Mwanamume", "male"),
    (EDUCATION, "KCSE", "high_school"), (EDUCATION, "Darasa la saba", "primary_school"),
    (CUSTOMER_TYPE, "Wizara", "government"), (CUSTOMER_TYPE, "Asasi za kiraia", "non_profit"),
])
def test_swahili_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason
