"""Catalan (ca.yaml), deepened: more of the ways Catalan exports write header words and
status values (payroll and HR, invoices, Correos and SEUR tracking, schools, telecom)."""

from __future__ import annotations

import pytest

from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import (
    CUSTOMER_TYPE,
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

LEAVE = enum_field("leave_type", "sick_leave", "vacation", "parental_leave", "unpaid_leave")


@pytest.mark.parametrize(("header", "meaning"), [
    ("Núm. afiliació", ("social", "security", "number")), ("Sou net", ("net", "salary")),
    ("Líquid a percebre", ("net", "salary")), ("Sou brut", ("salary",)), ("Retenció IRPF", ("income", "tax")),
    ("Data d'incorporació", ("hire", "date")), ("Núm. empleat", ("employee", "id")),
    ("Nom del treballador", ("employee", "name")), ("Codi client", ("customer", "id")),
    ("Núm. comanda", ("order", "id")), ("Núm. fra.", ("invoice", "id")), ("Data d'emissió", ("invoice", "date")),
    ("Base imposable", ("net",)), ("Quota IVA", ("tax",)), ("Tipus IVA", ("tax", "rate")),
    ("Preu/u", ("unit", "price")), ("Data de naix.", ("date", "of", "birth")), ("Tel.", ("phone",)),
    ("Núm. de seguiment", ("tracking", "number")), ("Albarà", ("shipment",)), ("Cognoms i nom", ("full", "name")),
    ("Categoria professional", ("job", "title")), ("Data de fi del contracte", ("termination", "date")),
    ("NIF/CIF", ("vat", "number")), ("CCC", ("iban",)), ("Coeficient de parcialitat", ("fte",)),
    ("IDALU", ("student", "id")), ("Data de matrícula", ("enrolment", "date")),
    ("Lloc de naixement", ("birth", "place")), ("Quadre mèdic", ("network",)), ("Sinistre", ("claim",)),
    ("Tipus d'immoble", ("property", "type")), ("Estoc mínim", ("reorder", "point")), ("Família", ("category",)),
    ("Despeses de transport", ("freight",)), ("Cap directe", ("manager",)), ("Domicili fiscal", ("address",)),
    ("Persona de contacte", ("contact",)),
])
def test_catalan_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "Cobrades", "paid"), (PAYMENT_STATUS, "Rebut retornat", "unpaid"),
    (PAYMENT_STATUS, "Morós", "overdue"), (PAYMENT_STATUS, "Reemborsament", "refunded"),
    (ORDER_STATUS, "Cancel·lades", "canceled"), (ORDER_STATUS, "Anul·lats", "canceled"),
    (ORDER_STATUS, "Cancellats", "canceled"), (ORDER_STATUS, "En preparació", "in_progress"),
    (ORDER_STATUS, "Servida", "completed"), (ORDER_STATUS, "Retinguda", "on_hold"),
    (SHIPMENT_STATUS, "Preadmissió", "label_created"), (SHIPMENT_STATUS, "Admès", "picked_up"),
    (SHIPMENT_STATUS, "En procés de lliurament", "out_for_delivery"),
    (SHIPMENT_STATUS, "Disponible a l'oficina", "awaiting_collection"),
    (SHIPMENT_STATUS, "Destinatari absent", "exception"), (SHIPMENT_STATUS, "Retornat a origen", "returned"),
    (SHIPMENT_STATUS, "Enviament lliurat", "delivered"),
    (EMPLOYEE_STATUS, "Acomiadament disciplinari", "terminated"), (EMPLOYEE_STATUS, "Dimissió", "resigned"),
    (EMPLOYEE_STATUS, "En excedència", "on_leave"), (EMPLOYEE_STATUS, "Fi de contracte", "terminated"),
    (PAYMENT_METHOD, "Bizum", "bank_transfer"), (PAYMENT_METHOD, "Metàl·lic", "cash"),
    (PAYMENT_METHOD, "Càrrec en compte", "direct_debit"),
    (EMPLOYMENT_TYPE, "Obra i servei", "temporary"), (EMPLOYMENT_TYPE, "Contracte en pràctiques", "intern"),
    (EMPLOYMENT_TYPE, "Jornada reduïda", "part_time"), (EMPLOYMENT_TYPE, "Interina", "temporary"),
    (EDUCATION, "CFGS", "vocational"), (EDUCATION, "Grau universitari", "bachelor"),
    (EDUCATION, "Postgrau", "master"), (EDUCATION, "Graduat en ESO", "high_school"),
    (CUSTOMER_TYPE, "Particulars", "private"), (CUSTOMER_TYPE, "Ajuntament", "government"),
    (CUSTOMER_TYPE, "Fundacions", "non_profit"),
    (PLAN, "De contracte", "postpaid"), (PLAN, "Postpagament", "postpaid"),
    (LEAVE, "Incapacitat temporal", "sick_leave"), (LEAVE, "Permís per naixement", "parental_leave"),
    (LEAVE, "Permís sense retribució", "unpaid_leave"),
])
def test_catalan_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason
