"""Galician (gl.yaml): header words and status words a Galician export writes."""

from __future__ import annotations

import pytest

from feedline.blueprint import Field, Option
from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import GENDER, ORDER_STATUS

TICKET_STATUS = Field("ticket", "Ticket Status", type="enum", options=(
    Option("open", "Open"), Option("in_progress", "In Progress"), Option("resolved", "Resolved"), Option("closed", "Closed"),
))
PRIORITY = Field("priority", "Priority", type="enum", options=(
    Option("low", "Low"), Option("medium", "Medium"), Option("high", "High"), Option("urgent", "Urgent"),
))
EMPLOYMENT_STATUS = Field("employment_status", "Employment Status", type="enum", options=(
    Option("employed", "Employed"), Option("unemployed", "Unemployed"), Option("retired", "Retired"),
    Option("self_employed", "Self employed"),
))
WEEKDAY = Field("weekday", "Weekday", type="enum", options=tuple(
    Option(d, d.title()) for d in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")))
PAYMENT_METHOD = Field("payment_method", "Payment Method", type="enum", options=(
    Option("credit_card", "Credit card"), Option("bank_transfer", "Bank transfer"), Option("cash", "Cash"),
    Option("direct_debit", "Direct debit"),
))
STOCK_STATUS = Field("stock_status", "Stock Status", type="enum", options=(
    Option("in_stock", "In stock"), Option("out_of_stock", "Out of stock"), Option("discontinued", "Discontinued"),
))
ABSENCE = Field("absence", "Absence", type="enum", options=(
    Option("sick_leave", "Sick leave"), Option("parental_leave", "Parental leave"), Option("unpaid_leave", "Unpaid leave"),
))


@pytest.mark.parametrize(("header", "meaning"), [
    ("Número de Empregado", ("employee", "id")), ("Data de Nacemento", ("date", "of", "birth")),
    ("Xénero", ("gender",)), ("Enderezo", ("address",)), ("Concello", ("city",)), ("Teléfono Móbil", ("mobile",)),
    ("Lugar de Nacemento", ("birth", "place")), ("Número da Seguridade Social", ("social", "security", "number")),
    ("Posto de Traballo", ("job", "title")), ("Xefe Directo", ("manager",)), ("Xornada", ("employment", "type")),
    ("Data de Incorporación", ("hire", "date")), ("Soldo Base", ("salary",)),
    ("Modalidade de Traballo", ("work", "arrangement")), ("Periodicidade da Nómina", ("pay", "frequency")),
    ("Descrición", ("description",)), ("Cantidade", ("quantity",)), ("Prezo Unitario", ("unit", "price")),
    ("IVE", ("tax",)), ("Tipo de IVE", ("tax", "rate")), ("Data de Vencemento", ("due", "date")),
    ("Provedor", ("supplier",)), ("Lonxitude", ("length",)), ("Mensaxería", ("carrier",)), ("Orixe", ("origin",)),
    ("Tipo de Embalaxe", ("package", "type")),
])
def test_business_header_words_of_galician(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("value", "field", "option"), [
    ("Rematado", ORDER_STATUS, "completed"), ("Rematada", ORDER_STATUS, "completed"), ("Detido", ORDER_STATUS, "on_hold"),
    ("Pechado", TICKET_STATUS, "closed"), ("Pechada", TICKET_STATUS, "closed"), ("Urxente", PRIORITY, "urgent"),
    ("Xubilado", EMPLOYMENT_STATUS, "retired"), ("Xubilada", EMPLOYMENT_STATUS, "retired"),
    ("Luns", WEEKDAY, "monday"), ("Mércores", WEEKDAY, "wednesday"), ("Xoves", WEEKDAY, "thursday"),
    ("Venres", WEEKDAY, "friday"), ("Tarxeta", PAYMENT_METHOD, "credit_card"),
    ("Sen existencias", STOCK_STATUS, "out_of_stock"), ("Baixa por enfermidade", ABSENCE, "sick_leave"),
    ("Permiso sen soldo", ABSENCE, "unpaid_leave"),
])
def test_enum_words_of_galician(value, field, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason


def test_gender_values_of_galician():
    values = ["Muller", "Mulleres", "Femia", "Masculino"]
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(values, 1), GENDER)}
    assert got == dict(zip(values, ["female", "female", "female", "male"], strict=True))
