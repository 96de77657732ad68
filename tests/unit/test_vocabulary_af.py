"""Afrikaans (af.yaml): header words and status words an Afrikaans export writes."""

from __future__ import annotations

import pytest

from feedline.blueprint import Field, Option
from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import EMPLOYMENT, GENDER, ORDER_STATUS, SHIPMENT

PAYMENT_STATUS = Field("payment_status", "Payment Status", type="enum", options=(
    Option("paid", "Paid"), Option("unpaid", "Unpaid"), Option("overdue", "Overdue"), Option("refunded", "Refunded"),
))


@pytest.mark.parametrize(("header", "meaning"), [
    ("Werknemernommer", ("employee", "id")), ("ID-nommer", ("social", "security", "number")),
    ("Selfoonnommer", ("mobile",)), ("E-posadres", ("email",)), ("Poskode", ("zip",)),
    ("Posbenaming", ("job", "title")), ("Huwelikstatus", ("marital", "status")),
    ("Aanstellingsdatum", ("hire", "date")), ("Betaalmetode", ("payment", "method")),
    ("BTW-nommer", ("vat", "number")), ("Kliëntnommer", ("customer", "id")), ("Faktuurnommer", ("invoice", "id")),
    ("Afleweringsdatum", ("delivery", "date")), ("Verskaffer", ("supplier",)), ("Strepieskode", ("barcode",)),
    ("Eenheidsprys", ("unit", "price")), ("Inkomstebelasting", ("income", "tax")), ("Geslag", ("gender",)),
    ("Ouderdom", ("age",)), ("Verpakkingstipe", ("package", "type")),
])
def test_afrikaans_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("value", "option"), [
    ("Konsepweergawe", "draft"), ("Aan die gang", "in_progress"), ("Besig", "in_progress"), ("Op wag", "on_hold"),
    ("Gepouseer", "on_hold"), ("Tydelik gestaak", "on_hold"), ("Gekanselleer", "canceled"), ("Kansellasie", "canceled"),
])
def test_afrikaans_order_status_words(value, option):
    [mapped] = map_enum_values({value: 1}, ORDER_STATUS)
    assert mapped.option == option, mapped.reason


@pytest.mark.parametrize(("value", "option"), [
    ("Ten volle betaal", "paid"), ("Nie betaal nie", "unpaid"), ("Nog nie betaal nie", "unpaid"),
    ("Verskuldig", "unpaid"), ("In agterstand", "overdue"), ("Geld terugbetaal", "refunded"),
])
def test_afrikaans_payment_words(value, option):
    [mapped] = map_enum_values({value: 1}, PAYMENT_STATUS)
    assert mapped.option == option, mapped.reason


@pytest.mark.parametrize(("value", "option"), [
    ("Op pad", "in_transit"), ("Uit vir aflewering", "out_for_delivery"), ("Afgelewer", "delivered"),
    ("Gestuur", "shipped"),
])
def test_afrikaans_shipment_words(value, option):
    [mapped] = map_enum_values({value: 1}, SHIPMENT)
    assert mapped.option == option, mapped.reason


@pytest.mark.parametrize(("field", "value", "option"), [
    (GENDER, "Manlik", "male"), (GENDER, "Vroulik", "female"), (EMPLOYMENT, "Voltyds", "full_time"),
    (EMPLOYMENT, "Heeltyds", "full_time"), (EMPLOYMENT, "Deeltydse", "part_time"), (EMPLOYMENT, "Halfdag", "part_time"),
    (EMPLOYMENT, "Vryskut", "contractor"), (EMPLOYMENT, "Kontrakwerker", "contractor"),
])
def test_afrikaans_gender_and_employment_values(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason
