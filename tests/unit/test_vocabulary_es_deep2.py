"""Spanish (es.yaml), deepened again: Latin American beside Spanish national terms (RFC, CURP,
CUIT, RUC, cédula, ISR, alcance líquido), carrier statuses (Correos, SEUR, Estafeta), telecom,
construction, health and school words."""

from __future__ import annotations

import pytest

from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import (
    EDUCATION,
    EMPLOYEE_STATUS,
    EMPLOYMENT_TYPE,
    ORDER_STATUS,
    PAYMENT_METHOD,
    PAYMENT_STATUS,
    PLAN,
    SHIPMENT_STATUS,
    enum_field,
)

CUSTOMER_TYPE = enum_field("customer_type", "individual", "company", "government", "non_profit")
LEAVE = enum_field("leave_type", "sick_leave", "parental_leave", "unpaid_leave", "vacation")
LINE_STATUS = enum_field("line_status", "active", "suspended", "churned")
WORK = enum_field("work_arrangement", "office", "remote", "hybrid")
VISIT = enum_field("visit_type", "consultation", "follow_up", "emergency", "surgery")
FUEL = enum_field("fuel", "petrol", "diesel", "electric", "hybrid")
STUDY = enum_field("study_status", "enrolled", "graduated", "deferred", "withdrawn")


@pytest.mark.parametrize(("header", "meaning"), [
    ("CURP", ("social", "security", "number")), ("Nº CUIL", ("social", "security", "number")),
    ("Registro Federal de Contribuyentes", ("vat", "number")), ("RUC", ("vat", "number")),
    ("Cédula de ciudadanía", ("vat", "number")), ("Nro. CUIT", ("vat", "number")),
    ("Número de nómina", ("employee", "id")), ("Clave de empleado", ("employee", "id")),
    ("Nro. Legajo", ("employee", "id")), ("Alcance líquido", ("net", "salary")),
    ("Neto a cobrar", ("net", "salary")), ("Retención de ISR", ("income", "tax")),
    ("Retefuente", ("income", "tax")), ("Salario diario integrado", ("salary",)),
    ("Fecha de vinculación", ("hire", "date")), ("Fecha de retiro", ("termination", "date")),
    ("Ap. paterno", ("last", "name")), ("Fecha de emisión", ("invoice", "date")),
    ("Folio de factura", ("invoice", "id")), ("Clave de producto", ("product", "id")),
    ("Punto de pedido", ("reorder", "point")),
    ("Fecha de matrícula", ("enrolment", "date")),
    ("Nivel de estudios", ("degree",)), ("Tipo de inmueble", ("property", "type")),
    ("Cantidad de ambientes", ("rooms",)), ("Nombre del asegurado", ("insured",)),
    ("Cuadro médico", ("network",)), ("Siniestro", ("claim",)), ("Boleta de venta", ("invoice",)),
    ("Importe sin IVA", ("net",)), ("Cód. divisa", ("currency",)), ("Giro del negocio", ("industry",)),
    ("Ingresos familiares", ("income",)), ("CCI", ("iban",)),
])
def test_spanish_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (SHIPMENT_STATUS, "Envío grabado", "label_created"), (SHIPMENT_STATUS, "Admitido", "picked_up"),
    (SHIPMENT_STATUS, "En centro de tratamiento", "in_transit"),
    (SHIPMENT_STATUS, "Con el cartero", "out_for_delivery"),
    (SHIPMENT_STATUS, "Entregado en domicilio", "delivered"),
    (SHIPMENT_STATUS, "Disponible en oficina de Correos", "awaiting_collection"),
    (SHIPMENT_STATUS, "Entrega en Ocurre", "awaiting_collection"),
    (SHIPMENT_STATUS, "Destinatario desconocido", "exception"),
    (SHIPMENT_STATUS, "Regresado al remitente", "returned"),
    (PAYMENT_STATUS, "Pago acreditado", "paid"), (PAYMENT_STATUS, "Factura impagada", "unpaid"),
    (PAYMENT_STATUS, "Nota de crédito emitida", "refunded"),
    (PAYMENT_METHOD, "Bizum", "bank_transfer"), (PAYMENT_METHOD, "Consignación bancaria", "bank_transfer"),
    (PAYMENT_METHOD, "Efvo.", "cash"),
    (EMPLOYMENT_TYPE, "Por temporada", "temporary"), (EMPLOYMENT_TYPE, "Boleta de honorarios", "contractor"),
    (EMPLOYMENT_TYPE, "Prácticas profesionales", "intern"),
    (EMPLOYEE_STATUS, "Rescisión de contrato", "terminated"),
    (LEAVE, "Descanso médico", "sick_leave"),
    (LEAVE, "Licencia sin goce", "unpaid_leave"), (LEAVE, "Feriado legal", "vacation"),
    (LINE_STATUS, "Línea suspendida", "suspended"), (LINE_STATUS, "Portabilidad saliente", "churned"),
    (PLAN, "Línea pospago", "postpaid"),
    (ORDER_STATUS, "Obra paralizada", "on_hold"), (ORDER_STATUS, "En obra", "in_progress"),
    (CUSTOMER_TYPE, "Persona humana", "individual"), (CUSTOMER_TYPE, "Ayuntamiento", "government"),
    (WORK, "Modalidad mixta", "hybrid"), (VISIT, "Reconsulta", "follow_up"),
    (FUEL, "ACPM", "diesel"),
    (EDUCATION, "Educación media superior", "high_school"), (EDUCATION, "Carrera técnica", "vocational"),
    (STUDY, "Alumno regular", "enrolled"), (STUDY, "Baja temporal", "deferred"),
    (STUDY, "Deserción escolar", "withdrawn"),
])
def test_spanish_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason
