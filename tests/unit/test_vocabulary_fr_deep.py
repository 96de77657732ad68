"""French (fr.yaml), deepened: more of the ways French exports write headers and values
(payroll, invoices, bank statements, carriers' tracking events, contract types)."""

from __future__ import annotations

import pytest

from feedline.blueprint import Field, Option
from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form


def _field(name: str, *options: str) -> Field:
    return Field(name, name.title(), type="enum",
                 options=tuple(Option(o, o.replace("_", " ").capitalize()) for o in options))


CONTRACT = _field("contract", "permanent", "temporary", "intern", "contractor")
HR_STATUS = _field("status", "active", "on_leave", "terminated", "resigned")
PAYMENT_STATUS = _field("payment_status", "pending", "paid", "unpaid", "partially_paid", "refunded")
SHIPMENT = _field("shipment_status", "label_created", "picked_up", "in_transit", "out_for_delivery",
                  "delivered", "exception", "awaiting_collection", "returned")
PAYMENT_METHOD = _field("payment_method", "credit_card", "bank_transfer", "direct_debit", "cheque", "cash", "voucher")
ORDER_STATUS = _field("order_status", "draft", "confirmed", "in_progress", "on_hold", "completed", "canceled")
EDUCATION = _field("education", "no_education", "high_school", "vocational", "bachelor", "master", "doctorate")


@pytest.mark.parametrize(("header", "meaning"), [
    ("Nom Prénom", ("full", "name")), ("N° TVA intracommunautaire", ("vat", "number")),
    ("Total HT", ("net",)), ("Frais de port", ("freight",)), ("Qté commandée", ("quantity",)),
    ("Date de valeur", ("value", "date")), ("Date d'opération", ("booking", "date")),
    ("Lettre de voiture", ("tracking", "number")), ("Prélèvement à la source", ("income", "tax")),
    ("Date d'ancienneté", ("hire", "date")), ("NIR", ("social", "security", "number")),
])
def test_french_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (CONTRACT, "CDD d'usage", "temporary"), (CONTRACT, "Contrat de professionnalisation", "intern"),
    (HR_STATUS, "Rupture conventionnelle", "terminated"), (HR_STATUS, "Départ volontaire", "resigned"),
    (PAYMENT_STATUS, "Encaissé", "paid"), (PAYMENT_STATUS, "Acompte versé", "partially_paid"),
    (SHIPMENT, "Avisé", "awaiting_collection"), (SHIPMENT, "Distribué", "delivered"),
    (SHIPMENT, "Destinataire absent", "exception"),
    (PAYMENT_METHOD, "PRLV SEPA", "direct_debit"), (PAYMENT_METHOD, "Titre restaurant", "voucher"),
    (ORDER_STATUS, "Validée", "confirmed"), (ORDER_STATUS, "En préparation", "in_progress"),
    (EDUCATION, "Bac+5", "master"), (EDUCATION, "DUT", "vocational"),
])
def test_french_values_reach_their_option(field, value, option):
    [mapped] = map_enum_values({value: 3}, field)
    assert mapped.option == option, mapped.reason
