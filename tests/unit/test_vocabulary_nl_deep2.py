"""Dutch (nl.yaml), deepened again: more of the ways Dutch and Flemish exports write header
words (ERP and webshop ids, payroll and HR, BSN and rijksregisternummer, KBO) and status
values (PostNL, DHL and bpost tracking, dunning, iDEAL and incasso, contracts and leave,
telecom, schools, insurers, shops)."""

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

TICKET_STATUS = enum_field("ticket_status", "new", "open", "in_progress", "pending", "resolved", "closed")
CATEGORY = enum_field("category", "apparel", "beauty", "electronics", "grocery", "home", "toys")
ACCOUNT_STATUS = enum_field("account_status", "active", "inactive", "suspended", "blocked")


@pytest.mark.parametrize(("header", "meaning"), [
    ("Klantnummer", ("customer", "id")), ("Debiteurnr.", ("customer", "id")), ("Relatienummer", ("customer", "id")),
    ("Klantnaam", ("customer", "name")), ("Naam medewerker", ("employee", "name")),
    ("Ordernummer", ("order", "id")), ("Bestelnr.", ("order", "id")), ("Factuurnummer", ("invoice", "id")),
    ("Factuurdatum", ("invoice", "date")), ("Productnaam", ("product", "name")),
    ("Bruto inkomen", ("income",)), ("Naam verzekerde", ("insured",)), ("Schadedossier", ("claim",)),
    ("Bestelpunt", ("reorder", "point")), ("Minimumvoorraad", ("reorder", "point")),
    ("Rijksregister nr.", ("social", "security", "number")), ("Burgerservicenr", ("social", "security", "number")),
    ("KBO-nr.", ("vat", "number")), ("Btw-idnummer", ("vat", "number")), ("Kamer van Koophandel nummer", ("vat", "number")),
    ("Salarisnummer", ("employee", "id")), ("Ingehouden loonheffing", ("income", "tax")),
    ("Personenbelasting", ("income", "tax")), ("Netto uitbetaald", ("net", "salary")),
    ("Bruto maandloon", ("salary",)), ("Maandwedde", ("salary",)),
    ("Anciënniteitsdatum", ("hire", "date")), ("Datum einde arbeidsovereenkomst", ("termination", "date")),
    ("Soort arbeidsovereenkomst", ("employment", "type")), ("Loontijdvak", ("pay", "frequency")),
    ("Tewerkstellingsgraad", ("fte",)), ("Kostenplaatsnr.", ("cost", "center")),
    ("Verwachte leverdatum", ("delivery", "date")), ("Track & Trace nummer", ("tracking", "number")),
    ("Btw-bedrag", ("tax",)), ("Totaal excl. btw", ("net",)), ("Adviesverkoopprijs", ("price",)),
    ("Brutogewicht", ("weight",)), ("Mutatiedatum", ("updated",)), ("Transactiedatum", ("booking", "date")),
])
def test_dutch_header_words_deeper(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "Tweede herinnering", "overdue"), (PAYMENT_STATUS, "Ingebrekestelling", "overdue"),
    (PAYMENT_STATUS, "Overgedragen aan incassobureau", "overdue"), (PAYMENT_STATUS, "Factuur voldaan", "paid"),
    (PAYMENT_STATUS, "Nog te innen", "unpaid"), (PAYMENT_STATUS, "Bedrag teruggestort", "refunded"),
    (SHIPMENT_STATUS, "Verzendetiket aangemaakt", "label_created"),
    (SHIPMENT_STATUS, "Afgegeven bij PostNL-punt", "picked_up"),
    (SHIPMENT_STATUS, "Aangekomen in sorteercentrum", "in_transit"),
    (SHIPMENT_STATUS, "Ontvanger niet aangetroffen", "exception"),
    (SHIPMENT_STATUS, "Ligt klaar in pakketautomaat", "awaiting_collection"),
    (SHIPMENT_STATUS, "Retour onbestelbaar", "returned"),
    (SHIPMENT, "De bezorger is onderweg", "out_for_delivery"), (SHIPMENT, "Bij de buren afgeleverd", "delivered"),
    (PAYMENT_METHOD, "Betaald via iDEAL", "bank_transfer"), (PAYMENT_METHOD, "Eenmalige incasso", "direct_debit"),
    (PAYMENT_METHOD, "Bankkaart", "debit_card"), (PAYMENT_METHOD, "Betaling bij aflevering", "cash"),
    (PAYMENT_METHOD, "Betalen op factuur", "invoice"),
    (EMPLOYMENT_TYPE, "Op oproepbasis", "temporary"), (EMPLOYMENT_TYPE, "Vervangingscontract", "temporary"),
    (EMPLOYMENT_TYPE, "Onderaannemer", "contractor"), (EMPLOYMENT_TYPE, "Leerovereenkomst", "intern"),
    (EMPLOYEE_STATUS, "Vaststellingsovereenkomst", "terminated"), (EMPLOYEE_STATUS, "Zelf opgestapt", "resigned"),
    (EMPLOYEE_STATUS, "Loopbaanonderbreking", "on_leave"),
    (LEAVE_TYPE, "Snipperdag", "vacation"), (LEAVE_TYPE, "In de Ziektewet", "sick_leave"),
    (ORDER_STATUS, "Conceptorder", "draft"), (ORDER_STATUS, "Wordt ingepakt", "in_progress"),
    (ORDER_STATUS, "Geconfirmeerd", "confirmed"), (ORDER_STATUS, "Gecanceld", "canceled"),
    (TICKET_STATUS, "Melding afgesloten", "closed"), (TICKET_STATUS, "Storing opgelost", "resolved"),
    (EDUCATION, "MBO niveau 4", "vocational"), (EDUCATION, "HBO-opleiding", "bachelor"),
    (CUSTOMER_TYPE, "KMO", "business"), (CUSTOMER_TYPE, "OCMW", "government"),
    (CATEGORY, "Speelgoed", "toys"), (CATEGORY, "Huis en tuin", "home"),
    (PLAN, "Sim only abonnement", "postpaid"), (ACCOUNT_STATUS, "Orderstop", "blocked"),
])
def test_dutch_status_and_kind_words_deeper(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason
