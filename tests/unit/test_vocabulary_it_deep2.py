"""Italian (it.yaml), deepened again: more of the ways Italian exports write header words
and status values (payroll and HR with INPS/INAIL terms, e-invoicing and RiBa, Poste, BRT
and GLS tracking, construction sites, the public administration and the third sector)."""

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
    SHIPMENT_STATUS,
    enum_field,
)

LEAVE = enum_field("leave", "on_leave", "vacation", "sick_leave", "parental_leave")
PRIORITY = enum_field("priority", "low", "medium", "high", "urgent", "critical")


@pytest.mark.parametrize(("header", "meaning"), [
    ("Codice cliente", ("customer", "id")), ("N. ordine", ("order", "id")), ("Numero fattura", ("invoice", "id")),
    ("Data fattura", ("invoice", "date")), ("Nome cliente", ("customer", "name")),
    ("Nominativo dipendente", ("employee", "name")),
    ("Codice fiscale dipendente", ("social", "security", "number")),
    ("Tessera sanitaria", ("social", "security", "number")),
    ("Busta paga", ("salary",)), ("Cedolino", ("salary",)), ("Netto in busta paga", ("net", "salary")),
    ("Addizionale regionale", ("income", "tax")), ("Livello retributivo", ("level",)), ("Liv. CCNL", ("level",)),
    ("Qualifica INPS", ("job", "title")), ("Data presa servizio", ("hire", "date")),
    ("Data cessazione rapporto", ("termination", "date")), ("Codice badge", ("employee", "id")),
    ("Ore settimanali contrattuali", ("working", "hours")), ("Tipo paga", ("pay", "frequency")),
    ("Cantiere", ("location",)), ("Scorta minima", ("reorder", "point")),
    ("Tipologia immobile", ("property", "type")), ("Vani", ("rooms",)), ("Mq", ("area",)),
    ("Numero sinistro", ("claim",)), ("Reddito annuo", ("income",)), ("Struttura sanitaria", ("provider",)),
    ("Data immatricolazione", ("enrolment", "date")), ("Matricola universitaria", ("student", "id")),
    ("Segnacollo", ("tracking", "number")), ("Numero AWB", ("tracking", "number")),
    ("Data di recapito", ("delivery", "date")), ("Imponibile IVA", ("net",)), ("IVA inclusa", ("gross",)),
    ("Codice IVA", ("tax", "rate")), ("Totale documento", ("total",)), ("Modalità di incasso", ("payment", "method")),
    ("Ragione sociale fornitore", ("supplier",)), ("Come ci ha conosciuto", ("source",)),
])
def test_italian_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "Riba insoluta", "unpaid"),
    (PAYMENT_STATUS, "Secondo sollecito", "overdue"), (PAYMENT_STATUS, "In recupero crediti", "overdue"),
    (PAYMENT_STATUS, "Fattura saldata", "paid"),
    (PAYMENT_METHOD, "Bonifico 30 gg DF", "bank_transfer"), (PAYMENT_METHOD, "Rimessa diretta", "bank_transfer"),
    (PAYMENT_METHOD, "RiBa 60 gg", "direct_debit"),
    (PAYMENT_METHOD, "Contrassegno contanti", "cash"), (PAYMENT_METHOD, "Fattura elettronica", "invoice"),
    (EMPLOYEE_STATUS, "In CIG", "on_leave"), (EMPLOYEE_STATUS, "Cassa integrazione straordinaria", "on_leave"),
    (EMPLOYEE_STATUS, "Ferie godute", "on_leave"),
    (EMPLOYEE_STATUS, "Licenziamento per giusta causa", "terminated"),
    (EMPLOYEE_STATUS, "Dimissioni telematiche", "resigned"),
    (LEAVE, "Ferie", "vacation"), (LEAVE, "Ferie godute", "vacation"), (LEAVE, "Infortunio INAIL", "sick_leave"),
    (LEAVE, "Maternità anticipata", "parental_leave"),
    (EMPLOYMENT_TYPE, "Contratto a chiamata", "temporary"), (EMPLOYMENT_TYPE, "TD", "temporary"),
    (EMPLOYMENT_TYPE, "Apprendistato di primo livello", "intern"),
    (SHIPMENT_STATUS, "Accettata presso l ufficio postale", "picked_up"),
    (SHIPMENT_STATUS, "In lavorazione presso il centro di smistamento", "in_transit"),
    (SHIPMENT_STATUS, "Affidata al portalettere", "out_for_delivery"),
    (SHIPMENT_STATUS, "In giacenza presso ufficio postale", "awaiting_collection"),
    (SHIPMENT_STATUS, "BRT Fermopoint", "awaiting_collection"),
    (SHIPMENT_STATUS, "Destinatario trasferito", "exception"), (SHIPMENT_STATUS, "Borderò", "label_created"),
    (ORDER_STATUS, "Lavori ultimati", "completed"), (ORDER_STATUS, "Cantiere sospeso", "on_hold"),
    (CUSTOMER_TYPE, "Utenza domestica", "private"), (CUSTOMER_TYPE, "P.A.", "government"),
    (CUSTOMER_TYPE, "ASD", "non_profit"), (CUSTOMER_TYPE, "PMI", "business"),
    (EDUCATION, "Terza media", "high_school"), (EDUCATION, "Qualifica triennale", "vocational"),
    (PRIORITY, "Fermo produzione", "critical"),
])
def test_italian_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason
