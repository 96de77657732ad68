"""French (fr.yaml), deepened a second time: more of the ways French, Belgian, Swiss,
Quebec and African exports write header words (payroll, company and tax ids, invoices,
carriers, schools, property) and status values (Colissimo and Chronopost events, SEPA
payments, contract types, leave, customer types, education levels)."""

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
    PLAN,
    SHIPMENT,
    SHIPMENT_STATUS,
    enum_field,
)

LEGAL_FORM = enum_field("customer_kind", "individual", "company")
CONTRACT = enum_field("contract", "permanent", "temporary", "intern", "contractor")
SUBSCRIPTION = enum_field("subscription_status", "active", "suspended", "cancelled", "expired")


@pytest.mark.parametrize(("header", "meaning"), [
    ("Mle", ("employee", "id")), ("N° de matricule", ("employee", "id")),
    ("NAS", ("social", "security", "number")), ("N° AVS13", ("social", "security", "number")),
    ("Numéro CNSS", ("social", "security", "number")),
    ("TVA intracom", ("vat", "number")), ("N° RCS", ("vat", "number")), ("NEQ", ("vat", "number")),
    ("Numéro BCE", ("vat", "number")), ("N° IFU", ("vat", "number")),
    ("Code NACE", ("industry",)), ("Code NOGA", ("industry",)),
    ("Net mensuel", ("net", "salary")), ("Montant net social", ("net", "salary")),
    ("Salaire de base brut", ("salary",)), ("Date d'entrée en fonction", ("hire", "date")),
    ("Date de cessation d'emploi", ("termination", "date")), ("Supérieur immédiat", ("manager",)),
    ("Nature de contrat", ("employment", "type")), ("Horaire hebdo", ("working", "hours")),
    ("Code client", ("customer", "id")), ("N° abonné", ("customer", "id")),
    ("Raison sociale client", ("customer", "name")), ("N° cde", ("order", "id")),
    ("Réf. facture", ("invoice", "id")), ("Date de facturation", ("invoice", "date")),
    ("Cond. rglt", ("payment", "terms")), ("Mode rglt", ("payment", "method")),
    ("Sous-total HT", ("net",)), ("TPS", ("tax",)), ("Total à régler", ("total",)),
    ("N° civique", ("house", "number")), ("Municipalité", ("city",)), ("Cellulaire", ("mobile",)),
    ("Natel", ("mobile",)), ("N° CMR", ("tracking", "number")), ("Code permanent", ("student", "id")),
    ("Revenu fiscal de référence", ("income",)), ("N° sinistre", ("claim",)),
    ("Surface Carrez", ("area",)), ("Capital restant dû", ("balance",)),
])
def test_french_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (SHIPMENT_STATUS, "Votre colis est livré", "delivered"),
    (SHIPMENT_STATUS, "Livré en boîte aux lettres", "delivered"),
    (SHIPMENT_STATUS, "Remis en main propre", "delivered"),
    (SHIPMENT_STATUS, "Colis retiré", "delivered"),
    (SHIPMENT, "Remis à La Poste", "shipped"),
    (PAYMENT_STATUS, "Facture réglée", "paid"), (PAYMENT_STATUS, "Lettrée", "paid"),
    (PAYMENT_STATUS, "2e relance", "overdue"), (PAYMENT_STATUS, "Mise en demeure", "overdue"),
    (PAYMENT_STATUS, "Chèque impayé", "unpaid"), (PAYMENT_STATUS, "Recrédité", "refunded"),
    (PAYMENT_METHOD, "Prlv SEPA core", "direct_debit"), (PAYMENT_METHOD, "DPA", "direct_debit"),
    (PAYMENT_METHOD, "Virement Interac", "bank_transfer"), (PAYMENT_METHOD, "Dépôt direct", "bank_transfer"),
    (PAYMENT_METHOD, "Réglé par CB", "credit_card"), (PAYMENT_METHOD, "Carte Maestro", "debit_card"),
    (PAYMENT_METHOD, "Paiement en espèces", "cash"), (PAYMENT_METHOD, "30 jours fin de mois", "invoice"),
    (CONTRACT, "CDD de remplacement", "temporary"), (CONTRACT, "CDI de chantier", "permanent"),
    (CONTRACT, "Employé régulier", "permanent"), (CONTRACT, "Convention de stage", "intern"),
    (CONTRACT, "Pigiste", "contractor"), (EMPLOYMENT_TYPE, "Mi-temps thérapeutique", "part_time"),
    (EMPLOYMENT_TYPE, "Contrat de travail temporaire", "temporary"),
    (EMPLOYEE_STATUS, "Abandon de poste", "resigned"), (EMPLOYEE_STATUS, "Congédiement", "terminated"),
    (EMPLOYEE_STATUS, "Licenciement pour inaptitude", "terminated"), (EMPLOYEE_STATUS, "Repos compensateur", "on_leave"),
    (LEAVE_TYPE, "Congés payés", "vacation"), (LEAVE_TYPE, "Congé RQAP", "parental_leave"),
    (LEAVE_TYPE, "Congé sans traitement", "unpaid_leave"), (LEAVE_TYPE, "Accident de trajet", "sick_leave"),
    (ORDER_STATUS, "Annulé par le vendeur", "canceled"), (ORDER_STATUS, "Réservation confirmée", "confirmed"),
    (CUSTOMER_TYPE, "ASBL", "non_profit"), (CUSTOMER_TYPE, "PME", "business"),
    (CUSTOMER_TYPE, "Collectivité territoriale", "government"), (CUSTOMER_TYPE, "Résidentiel", "private"),
    (LEGAL_FORM, "SPRL", "company"), (LEGAL_FORM, "À titre individuel", "individual"),
    (PLAN, "Forfait avec engagement", "postpaid"), (PLAN, "Carte rechargeable", "prepaid"),
    (SUBSCRIPTION, "Abonnement résilié", "cancelled"), (SUBSCRIPTION, "Ligne suspendue", "suspended"),
    (EDUCATION, "Maturité gymnasiale", "high_school"), (EDUCATION, "CFC", "vocational"),
    (EDUCATION, "Baccalauréat universitaire", "bachelor"), (EDUCATION, "M2", "master"),
])
def test_french_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason
