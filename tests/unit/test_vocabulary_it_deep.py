"""Italian vocabulary, deepened (it.yaml): more of the ways Italian exports write a concept
(payroll and ERP headers, abbreviations, carriers' and banks' statuses) reach their meaning."""

from __future__ import annotations

import pytest

from feedline.blueprint import Field, Option
from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import EMPLOYMENT, ORDER_STATUS

DEPARTMENT = Field("department", "Department", type="enum", options=(
    Option("sales", "Sales"), Option("finance", "Finance"), Option("hr", "Human Resources"),
    Option("it", "IT"), Option("management", "Management"), Option("logistics", "Logistics"),
))
PAYMENT = Field("payment", "Payment Method", type="enum", options=(
    Option("card", "Credit Card"), Option("debit_card", "Debit Card"), Option("transfer", "Bank Transfer"),
    Option("direct_debit", "Direct Debit"), Option("cash", "Cash"), Option("cheque", "Cheque"),
))
SHIPMENT = Field("status", "Shipment Status", type="enum", options=(
    Option("label_created", "Label Created"), Option("picked_up", "Picked Up"), Option("in_transit", "In Transit"),
    Option("out_for_delivery", "Out for Delivery"), Option("delivered", "Delivered"),
    Option("exception", "Exception"), Option("awaiting_collection", "Awaiting Collection"),
))


@pytest.mark.parametrize(("header", "meaning"), [
    ("Data fine contratto", ("termination", "date")), ("Data valuta", ("value", "date")),
    ("C.A.P.", ("zip",)), ("Q.tà", ("quantity",)), ("U.M.", ("unit", "of", "measure")),
    ("C.F.", ("vat", "number")), ("Retribuzione netta", ("net", "salary")), ("IRPEF", ("income", "tax")),
])
def test_header_words_of_italian_exports(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (ORDER_STATUS, "In allestimento", "in_progress"), (ORDER_STATUS, "Stand-by", "on_hold"),
    (ORDER_STATUS, "Revocato", "canceled"), (EMPLOYMENT, "Co.co.co.", "contractor"),
    (DEPARTMENT, "CED", "it"), (DEPARTMENT, "AFC", "finance"),
    (PAYMENT, "RiBa", "direct_debit"), (PAYMENT, "Giroconto", "transfer"),
    (SHIPMENT, "Destinatario assente", "exception"), (SHIPMENT, "Affidata al corriere", "picked_up"),
])
def test_enum_values_of_italian_exports(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason
