"""Danish (da.yaml), deepened: more of the ways Danish exports write header words and
status values (payroll and HR, banks, PostNord and GLS tracking, shops)."""

from __future__ import annotations

import pytest

from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import (
    CUSTOMER_TYPE,
    EMPLOYEE_STATUS,
    EMPLOYMENT,
    ORDER_STATUS,
    PAYMENT_METHOD,
    PAYMENT_STATUS,
    SHIPMENT,
    SHIPMENT_STATUS,
)


@pytest.mark.parametrize(("header", "meaning"), [
    ("CPR-nummer", ("social", "security", "number")), ("Cprnr", ("social", "security", "number")),
    ("Lønnummer", ("employee", "id")), ("Lønnr.", ("employee", "id")), ("Medarb.nr.", ("employee", "id")),
    ("A-skat", ("income", "tax")), ("Indeholdt A-skat", ("income", "tax")),
    ("Løn efter skat", ("net", "salary")), ("Tiltrædelsesdato", ("hire", "date")),
    ("Anciennitetsdato", ("hire", "date")), ("Fratr. dato", ("termination", "date")),
    ("Stillingsprocent", ("fte",)), ("Normtimer", ("working", "hours")), ("Lønterminer", ("pay", "frequency")),
    ("Omk.sted", ("cost", "center")), ("SE-nr.", ("vat", "number")), ("Ekskl. moms", ("net",)),
    ("Stk. pris", ("unit", "price")), ("Vejl. udsalgspris", ("price",)), ("Lev. dato", ("delivery", "date")),
    ("Fragtfører", ("carrier",)), ("Modtagerens navn", ("consignee",)), ("Antal værelser", ("rooms",)),
])
def test_danish_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "Rykker sendt", "overdue"), (PAYMENT_STATUS, "2. rykker", "overdue"),
    (PAYMENT_STATUS, "Udlignet", "paid"),
    (SHIPMENT_STATUS, "Forsendelsen er forhåndsregistreret", "label_created"),
    (SHIPMENT_STATUS, "Indleveret i pakkeshop", "picked_up"),
    (SHIPMENT_STATUS, "Pakken er i GLS netværket", "in_transit"),
    (SHIPMENT_STATUS, "Ude til omdeling", "out_for_delivery"), (SHIPMENT_STATUS, "Omdelt", "delivered"),
    (SHIPMENT_STATUS, "Afleveret i ParcelShop", "awaiting_collection"),
    (SHIPMENT_STATUS, "Retursendt", "returned"),
    (SHIPMENT, "I postbilen", "out_for_delivery"), (SHIPMENT, "Omdeles i dag", "out_for_delivery"),
    (EMPLOYEE_STATUS, "Fratrådt", "terminated"), (EMPLOYEE_STATUS, "Bortvist", "terminated"),
    (EMPLOYEE_STATUS, "Afspadsering", "on_leave"), (EMPLOYEE_STATUS, "Tjenestefri", "on_leave"),
    (PAYMENT_METHOD, "Visa/Dankort", "debit_card"), (PAYMENT_METHOD, "FI-kort", "bank_transfer"),
    (PAYMENT_METHOD, "Leverandørservice", "direct_debit"), (PAYMENT_METHOD, "EAN-faktura", "invoice"),
    (EMPLOYMENT, "Honorarlønnet", "contractor"),
    (ORDER_STATUS, "Effektueret", "completed"), (ORDER_STATUS, "Ordrebekræftelse sendt", "confirmed"),
    (CUSTOMER_TYPE, "Erhvervsdrivende", "business"), (CUSTOMER_TYPE, "Idrætsforening", "non_profit"),
])
def test_danish_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason
