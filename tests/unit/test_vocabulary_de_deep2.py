"""German (de.yaml), deepened a second time: more of the ways German, Austrian and Swiss
exports write header words (personnel, payroll and tax ids, order, invoice and product
ids, property, school and insurance words) and status values (DHL, Hermes, GLS and Post
tracking, dunning, SEPA, leave, education, customer types)."""

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
    SHIPMENT,
    SHIPMENT_STATUS,
    enum_field,
)

INVOICE_STATUS = enum_field("invoice_status", "draft", "paid", "partially_paid", "unpaid", "overdue", "failed")
CATEGORY = enum_field("category", "apparel", "electronics", "grocery", "toys", "beauty", "home")


@pytest.mark.parametrize(("header", "meaning"), [
    ("Personalnr.", ("employee", "id")), ("MA-Nr.", ("employee", "id")), ("Dienstnummer", ("employee", "id")),
    ("Name des Mitarbeiters", ("employee", "name")), ("Kd.-Nr.", ("customer", "id")),
    ("Debitorennummer", ("customer", "id")), ("Name des Kunden", ("customer", "name")),
    ("Best.-Nr.", ("order", "id")), ("Auftragsnr.", ("order", "id")), ("Re.-Nr.", ("invoice", "id")),
    ("Rg.-Datum", ("invoice", "date")), ("Artikelbez.", ("product", "name")), ("Produkt-ID", ("product", "id")),
    ("Anz.", ("quantity",)), ("Mengeneinheit", ("unit", "of", "measure")), ("Meldebestand", ("reorder", "point")),
    ("Lohnsteuer", ("income", "tax")), ("Quellensteuer", ("income", "tax")), ("Nettolohn", ("net", "salary")),
    ("Auszahlungsbetrag", ("net", "salary")), ("Bruttomonatsgehalt", ("salary",)), ("Salär", ("salary",)),
    ("Eintr.-Datum", ("hire", "date")), ("Beschäftigt seit", ("hire", "date")),
    ("Ende des Arbeitsverhältnisses", ("termination", "date")), ("Befristung", ("employment", "type")),
    ("Kostenstellen-Nr.", ("cost", "center")), ("Personenstand", ("marital", "status")),
    ("AHVN13", ("social", "security", "number")), ("UID CHE", ("vat", "number")),
    ("Anzahl Zimmer", ("rooms",)), ("Objektart", ("property", "type")), ("Liegenschaft", ("property",)),
    ("Schülername", ("student",)), ("Immatrikulationsdatum", ("enrolment", "date")),
    ("Versicherte Person", ("insured",)), ("Schadenfall", ("claim",)), ("Vertriebskanal", ("channel",)),
    ("Filialname", ("store",)), ("Zahlbed.", ("payment", "terms")), ("Inkl. MwSt.", ("gross",)),
    ("Einkaufspreis", ("cost",)), ("Lieferland", ("destination",)),
])
def test_german_header_words_deepened(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (SHIPMENT_STATUS, "Die Auftragsdaten zu dieser Sendung wurden vom Absender elektronisch an DHL übermittelt.",
     "label_created"),
    (SHIPMENT_STATUS, "Die Sendung wurde vom Absender in der Filiale eingeliefert.", "picked_up"),
    (SHIPMENT_STATUS, "Aufgegeben", "picked_up"),
    (SHIPMENT_STATUS, "Die Sendung wurde im Start-Paketzentrum bearbeitet.", "in_transit"),
    (SHIPMENT_STATUS, "Das Paket ist im GLS-Netz.", "in_transit"),
    (SHIPMENT_STATUS, "Die Sendung hat das Logistikzentrum verlassen", "in_transit"),
    (SHIPMENT_STATUS, "Die Sendung wurde in das Zustellfahrzeug geladen.", "out_for_delivery"),
    (SHIPMENT_STATUS, "Im GLS PaketShop zugestellt", "awaiting_collection"),
    (SHIPMENT_STATUS, "Abholungseinladung", "awaiting_collection"),
    (SHIPMENT_STATUS, "Die Sendung konnte nicht zugestellt werden", "exception"),
    (SHIPMENT_STATUS, "Die Sendung wird an den Absender zurückgesandt.", "returned"),
    (SHIPMENT, "Das Paket wird voraussichtlich heute zugestellt", "out_for_delivery"),
    (SHIPMENT, "An DHL übergeben", "shipped"),
    (INVOICE_STATUS, "Rücklastschrift", "failed"), (INVOICE_STATUS, "2. Mahnstufe", "overdue"),
    (INVOICE_STATUS, "In Betreibung", "overdue"), (INVOICE_STATUS, "Teilbetrag erhalten", "partially_paid"),
    (INVOICE_STATUS, "Rechnung beglichen", "paid"), (INVOICE_STATUS, "Vorerfasst", "draft"),
    (PAYMENT_METHOD, "Kontoeinzug", "direct_debit"), (PAYMENT_METHOD, "Zahlschein", "bank_transfer"),
    (PAYMENT_METHOD, "QR-Rechnung", "invoice"), (PAYMENT_METHOD, "Mit Girocard", "debit_card"),
    (PAYMENT_METHOD, "Zahlung bei Abholung", "cash"),
    (EMPLOYEE_STATUS, "Dienstgeberkündigung", "terminated"),
    (EMPLOYEE_STATUS, "Einvernehmliche Auflösung", "terminated"),
    (EMPLOYEE_STATUS, "Arbeitnehmerseitige Kündigung", "resigned"),
    (EMPLOYEE_STATUS, "Pflegekarenz", "on_leave"), (EMPLOYEE_STATUS, "Zeitausgleich", "on_leave"),
    (EMPLOYMENT_TYPE, "Werkstudent", "intern"),
    (ORDER_STATUS, "Wird verpackt", "in_progress"), (ORDER_STATUS, "Wartet auf Lieferant", "on_hold"),
    (ORDER_STATUS, "Bestellung abgewickelt", "completed"),
    (CUSTOMER_TYPE, "Körperschaft des öffentlichen Rechts", "government"),
    (CUSTOMER_TYPE, "Gemeinnütziger Verein", "non_profit"), (CUSTOMER_TYPE, "Verbraucherin", "private"),
    (LEAVE_TYPE, "Urlaub", "vacation"), (LEAVE_TYPE, "Resturlaub", "vacation"),
    (LEAVE_TYPE, "Kinderkrankentag", "sick_leave"), (LEAVE_TYPE, "Elterngeld", "parental_leave"),
    (EDUCATION, "Fachabi", "high_school"), (EDUCATION, "Eidgenössischer Fachausweis", "vocational"),
    (EDUCATION, "Lic. phil.", "master"), (EDUCATION, "Dr. rer. pol.", "doctorate"),
    (CATEGORY, "Spielwaren", "toys"), (CATEGORY, "Unterhaltungselektronik", "electronics"),
])
def test_german_status_and_kind_words_deepened(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason
