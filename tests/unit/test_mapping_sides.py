"""A party of a shipment names its side where a place is said of it: the consignee's
(receiver's, ``Empfänger``, ``ontvanger``) country is the destination country, the
consignor's (sender's) the origin country, in headers and in field labels alike."""

from __future__ import annotations

import polars as pl
import pytest

from feedline.blueprint import Field, SheetSpec
from feedline.mapping import automap
from feedline.mapping.normalize import form

SHIPMENTS = SheetSpec("shipments", "Shipments", (
    Field("tracking_no", "Tracking Number"),
    Field("origin_country", "Origin Country"),
    Field("destination_country", "Destination Country"),
    Field("destination_city", "Destination City"),
))


@pytest.mark.parametrize(("header", "expanded"), [
    ("ontvanger.land", ("destination", "country")), ("afzender.land", ("origin", "country")),
    ("Empfänger PLZ", ("destination", "zip")), ("Recipient City", ("destination", "city")),
    ("Consignee Country", ("destination", "country")),
    ("Consignee Name", ("consignee",)),  # no place: the party itself
])
def test_a_party_with_a_place_names_its_side(header: str, expanded: tuple[str, ...]) -> None:
    assert form(header).expanded == expanded


def test_sender_and_receiver_countries_map_to_their_sides() -> None:
    frame = pl.DataFrame({
        "zending.nummer": [f"3S{i:08d}" for i in range(12)],
        "afzender.land": ["NL", "BE", "DE"] * 4,
        "ontvanger.land": ["FR", "ES", "IT", "PL"] * 3,
        "ontvanger.plaats": ["Parijs", "Madrid", "Rome", "Warschau"] * 3,
    })
    plan = automap(frame, SHIPMENTS)
    got = plan.mapping()
    assert got["afzender.land"] == "origin_country"
    assert got["ontvanger.land"] == "destination_country"
    assert got["ontvanger.plaats"] == "destination_city"
