"""Spanish (es.yaml), deepened: more ways a Spanish or Latin American export writes a header or a status."""

from __future__ import annotations

import pytest

from feedline.blueprint import Field, Option
from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import ORDER_STATUS

EMPLOYMENT = Field("employment_type", "Employment Type", type="enum", options=(
    Option("full_time", "Full time"), Option("part_time", "Part time"), Option("temporary", "Temporary"),
    Option("permanent", "Permanent"), Option("contractor", "Contractor"),
))
HR_STATUS = Field("status", "Employee Status", type="enum", options=(
    Option("active", "Active"), Option("sick_leave", "Sick leave"), Option("parental_leave", "Parental leave"),
    Option("unpaid_leave", "Unpaid leave"), Option("terminated", "Terminated"), Option("resigned", "Resigned"),
))
PAYMENT_METHOD = Field("payment_method", "Payment Method", type="enum", options=(
    Option("card", "Credit card"), Option("transfer", "Bank transfer"), Option("cash", "Cash"),
    Option("cheque", "Cheque"), Option("direct_debit", "Direct debit"),
))
SHIPMENT = Field("status", "Shipment Status", type="enum", options=(
    Option("label_created", "Label created"), Option("picked_up", "Picked up"), Option("in_transit", "In transit"),
    Option("out_for_delivery", "Out for delivery"), Option("delivered", "Delivered"),
    Option("exception", "Exception"), Option("awaiting_collection", "Awaiting collection"),
    Option("returned", "Returned"),
))
DEPARTMENT = Field("department", "Department", type="enum", options=(
    Option("sales", "Sales"), Option("finance", "Finance"), Option("hr", "Human Resources"),
    Option("customer_service", "Customer Service"), Option("purchasing", "Purchasing"),
))
CUSTOMER_TYPE = Field("customer_type", "Customer Type", type="enum", options=(
    Option("individual", "Individual"), Option("company", "Company"), Option("government", "Government"),
))


@pytest.mark.parametrize(("header", "meaning"), [
    ("Nº de empleado", ("employee", "id")), ("Legajo", ("employee", "id")),
    ("Fecha de antigüedad", ("hire", "date")), ("Líquido a percibir", ("net", "salary")),
    ("Retención IRPF", ("income", "tax")), ("CUIT", ("vat", "number")),
    ("Código de rastreo", ("tracking", "number")), ("Fecha Vto.", ("due", "date")),
])
def test_spanish_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (EMPLOYMENT, "Obra y servicio", "temporary"), (EMPLOYMENT, "Medio tiempo", "part_time"),
    (HR_STATUS, "Baja laboral", "sick_leave"), (HR_STATUS, "Desvinculado", "terminated"),
    (PAYMENT_METHOD, "Talón", "cheque"), (PAYMENT_METHOD, "SPEI", "transfer"),
    (SHIPMENT, "Pendiente de admisión", "label_created"), (ORDER_STATUS, "Servido", "completed"),
    (DEPARTMENT, "RR.HH.", "hr"), (CUSTOMER_TYPE, "Persona moral", "company"),
])
def test_spanish_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason
