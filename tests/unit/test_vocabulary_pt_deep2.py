"""Portuguese (pt.yaml), deepened a second time: more of the ways Brazil's and Portugal's
exports write header words and status values (payroll and eSocial terms, NF-e and boleto,
Pix, Correios and CTT tracking events, telecom plans, CLT and PJ contracts, recibos verdes,
NIF and NISS, shop categories and property types)."""

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
    TICKET_STATUS,
    enum_field,
)

PERSON_TYPE = enum_field("person_type", "individual", "company")
CONTRACT = enum_field("contract", "permanent", "temporary", "contractor", "intern")
CATEGORY = enum_field("category", "apparel", "beauty", "electronics", "grocery", "home", "toys")
PROPERTY_TYPE = enum_field("property_type", "apartment", "house", "land", "commercial")
SUBSCRIPTION_STATUS = enum_field("subscription_status", "trial", "active", "suspended", "cancelled", "expired")
SERVICE_LEVEL = enum_field("service_level", "standard", "express", "economy", "same_day", "next_day")
LISTING_STATUS = enum_field("listing_status", "available", "under_offer", "sold", "withdrawn")
COVERAGE = enum_field("coverage", "health_insurance", "dental", "life_insurance")


@pytest.mark.parametrize(("header", "meaning"), [
    ("Salário Líquido", ("net", "salary")), ("Líquido a Receber", ("net", "salary")),
    ("Total de Proventos", ("gross",)), ("Ilíquido", ("gross",)),
    ("Nome Fantasia", ("company",)), ("Nº de Contribuinte", ("vat", "number")), ("NIF/NIPC", ("vat", "number")),
    ("Nº PIS", ("social", "security", "number")), ("Número do NIS", ("social", "security", "number")),
    ("Número de Inscrição na Segurança Social", ("social", "security", "number")),
    ("CBO", ("job", "title")), ("Categoria do Trabalhador", ("employment", "type")),
    ("Tipo de Salário", ("pay", "frequency")), ("Dt. Vcto", ("due", "date")),
    ("Data de Emissão da NF", ("invoice", "date")), ("Número da NF-e", ("invoice", "id")),
    ("Data de Inclusão", ("created",)),
    ("Estoque Mínimo", ("reorder", "point")), ("Ponto de Encomenda", ("reorder", "point")),
    ("ID do Produto", ("product", "id")), ("Nº de Rastreio", ("tracking", "number")),
    ("Prestador de Saúde", ("provider",)), ("Rede Credenciada", ("network",)), ("Título do Anúncio", ("listing",)),
    ("Área Útil", ("area",)), ("Valor sem IVA", ("net",)), ("Cód. Cliente", ("customer", "id")),
    ("Nº Encomenda", ("order", "id")), ("Número de Polícia", ("house", "number")),
    ("Habilitações Literárias", ("degree",)), ("Favorecido", ("counterparty",)),
    ("Como nos conheceu", ("source",)), ("CAE Principal", ("industry",)),
    ("Data de Embarque", ("ship", "date")), ("Nome do Doente", ("patient",)), ("IRS Retido", ("income", "tax")),
    ("Alíquota ICMS", ("tax", "rate")), ("Centro de Resultado", ("cost", "center")),
])
def test_portuguese_header_words_deepened(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "Boleto pago", "paid"), (PAYMENT_STATUS, "Boleto vencido", "overdue"),
    (PAYMENT_STATUS, "Aguardando compensação", "pending"), (PAYMENT_STATUS, "Estorno realizado", "refunded"),
    (PAYMENT_METHOD, "Pix Copia e Cola", "bank_transfer"), (PAYMENT_METHOD, "Bloqueto", "invoice"),
    (PAYMENT_METHOD, "Débito automático", "direct_debit"), (PAYMENT_METHOD, "Mastercard", "credit_card"),
    (PAYMENT_METHOD, "Cartão MB", "debit_card"),
    (SHIPMENT_STATUS, "Objeto recebido pelos Correios", "picked_up"),
    (SHIPMENT_STATUS, "Objeto em transferência entre unidades", "in_transit"),
    (SHIPMENT_STATUS, "Entrega em curso", "out_for_delivery"), (SHIPMENT_STATUS, "Entrega conseguida", "delivered"),
    (SHIPMENT_STATUS, "Entrega não conseguida", "exception"),
    (SHIPMENT_STATUS, "Disponível no cacifo", "awaiting_collection"),
    (SHIPMENT_STATUS, "Devolvido à origem", "returned"), (SHIPMENT_STATUS, "Etiqueta de envio criada", "label_created"),
    (EMPLOYEE_STATUS, "Caducidade do contrato", "terminated"), (EMPLOYEE_STATUS, "Denúncia do contrato", "resigned"),
    (EMPLOYEE_STATUS, "Férias coletivas", "on_leave"),
    (EMPLOYMENT_TYPE, "PJ", "contractor"), (EMPLOYMENT_TYPE, "Avençado", "contractor"),
    (EMPLOYMENT_TYPE, "Estágio remunerado", "intern"),
    (CONTRACT, "Regime CLT", "permanent"), (CONTRACT, "Estatutário", "permanent"),
    (CUSTOMER_TYPE, "PME", "business"), (CUSTOMER_TYPE, "Câmara Municipal", "government"),
    (PERSON_TYPE, "PF", "individual"), (PERSON_TYPE, "Jurídica", "company"),
    (PLAN, "Tarifário pós-pago", "postpaid"), (CATEGORY, "Perfumaria", "beauty"),
    (PROPERTY_TYPE, "Ponto comercial", "commercial"), (TICKET_STATUS, "Chamado encerrado", "closed"),
    (SUBSCRIPTION_STATUS, "Linha suspensa", "suspended"), (SERVICE_LEVEL, "Sedex 10", "express"),
    (SERVICE_LEVEL, "Mini Envios", "economy"), (LISTING_STATUS, "CPCV assinado", "under_offer"),
    (COVERAGE, "Plano odontológico", "dental"), (ORDER_STATUS, "Em faturamento", "in_progress"),
    (EDUCATION, "Colegial", "high_school"),
])
def test_portuguese_status_and_kind_words_deepened(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason
