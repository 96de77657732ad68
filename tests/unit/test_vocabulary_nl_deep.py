"""Dutch (nl.yaml), deepened: more of the ways Dutch and Flemish exports write a status,
a contract or leave type, a payment method and a header."""

from __future__ import annotations

import pytest

from feedline.blueprint import Field, Option
from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form


def _field(name: str, *labels: str) -> Field:
    return Field(name, name.replace("_", " ").title(), type="enum",
                 options=tuple(Option(label.lower().replace(" ", "_"), label) for label in labels))


ORDER_STATUS = _field("status", "Draft", "Confirmed", "In Progress", "On Hold", "Completed", "Canceled")
PAYMENT_STATUS = _field("payment_status", "Pending", "Paid", "Unpaid", "Overdue", "Refunded")
SHIPMENT_STATUS = _field("shipment_status", "Label created", "Picked up", "In transit", "Out for delivery",
                         "Delivered", "Exception", "Returned")
EMPLOYMENT = _field("employment_type", "Full time", "Part time", "Contractor", "Temporary", "Intern")
HR_STATUS = _field("hr_status", "Active", "On leave", "Sick leave", "Parental leave", "Terminated", "Resigned")
HR_GENERAL = _field("hr_status", "Active", "On leave", "Terminated")
PAYMENT_METHOD = _field("payment_method", "Credit card", "Debit card", "Bank transfer", "Cash", "Direct debit",
                        "Invoice", "Voucher")
MARITAL = _field("marital_status", "Single", "Married", "Divorced", "Widowed", "Separated",
                 "Registered partnership", "Cohabiting")
PROPERTY = _field("property_type", "Apartment", "House", "Townhouse", "Land")


@pytest.mark.parametrize(("field", "value", "option"), [
    (ORDER_STATUS, "Afgewerkt", "completed"), (ORDER_STATUS, "Stilgelegd", "on_hold"),
    (ORDER_STATUS, "Geschrapt", "canceled"),
    (PAYMENT_STATUS, "Aanmaning", "overdue"), (PAYMENT_STATUS, "Teruggestort", "refunded"),
    (SHIPMENT_STATUS, "Voorgemeld", "label_created"), (SHIPMENT_STATUS, "Bij de buren bezorgd", "delivered"),
    (SHIPMENT_STATUS, "Ontvanger niet thuis", "exception"),
    (EMPLOYMENT, "Nulurencontract", "temporary"), (EMPLOYMENT, "Halftijds", "part_time"),
    (HR_STATUS, "Ziekteverzuim", "sick_leave"), (HR_STATUS, "Ontslag op eigen verzoek", "resigned"),
    (PAYMENT_METHOD, "iDEAL", "bank_transfer"), (PAYMENT_METHOD, "Doorlopende machtiging", "direct_debit"),
    (PAYMENT_METHOD, "Maaltijdcheque", "voucher"),
    (MARITAL, "Wettelijk samenwonend", "registered_partnership"), (MARITAL, "Uit de echt gescheiden", "divorced"),
    (PROPERTY, "Eengezinswoning", "house"), (PROPERTY, "Hoekwoning", "townhouse"),
])
def test_dutch_values_reach_their_option(field, value, option):
    [mapped] = map_enum_values({value: 3}, field)
    assert mapped.option == option, mapped.reason


@pytest.mark.parametrize("value", ["Ouderschapsverlof", "Partnerverlof"])
def test_a_parental_leave_word_is_parental_leave_and_on_leave_where_the_field_has_only_that(value):
    assert map_enum_values({value: 3}, HR_STATUS)[0].option == "parental_leave"
    assert map_enum_values({value: 3}, HR_GENERAL)[0].option == "on_leave"


@pytest.mark.parametrize(("header", "meaning"), [
    ("Tussenvoegsel", ("middle", "name")), ("Werktijdfactor", ("fte",)), ("Loonheffing", ("income", "tax")),
    ("Bedrijfsvoorheffing", ("income", "tax")), ("Rijksregisternummer", ("social", "security", "number")),
    ("Saldo na mutatie", ("balance",)), ("Rentedatum", ("value", "date")), ("Ondernemingsnummer", ("vat", "number")),
    ("Verzendkosten", ("freight",)), ("Track & Trace", ("tracking", "number")), ("Bijzonderheden", ("notes",)),
    ("Burgerlijke stand", ("marital", "status")), ("Arbeidsduur", ("working", "hours")),
    ("Betalingstermijn", ("payment", "terms")), ("Vervaldag", ("due", "date")),
])
def test_dutch_header_words(header, meaning):
    assert form(header).expanded == meaning
