"""Out for delivery beside in transit in the six languages written before the split (az, fa, cy, th, bn, sq)."""

from __future__ import annotations

import pytest

from feedline.blueprint import Field, Option
from feedline.mapping import map_enum_values
from feedline.mapping.enums import SURE

SHIPMENT = Field("status", "Shipment Status", type="enum", options=(
    Option("in_transit", "In transit"), Option("out_for_delivery", "Out for delivery"),
    Option("delivered", "Delivered"), Option("shipped", "Shipped")))

# One partner's status column per language: in transit, out for delivery.
COLUMNS = {
    "az": ["Yoldadır", "Çatdırılmaya çıxıb"],
    "fa": ["در حال حمل", "در حال توزیع"],
    "cy": ["Ar y ffordd", "Allan i'w ddosbarthu"],
    "th": ["อยู่ระหว่างขนส่ง", "อยู่ระหว่างการนำจ่าย"],
    "bn": ["পরিবহনে", "ডেলিভারির জন্য বের হয়েছে"],
    "sq": ["Në tranzit", "Në shpërndarje"],
}
KINDS = ("in_transit", "out_for_delivery")


@pytest.mark.parametrize("language", sorted(COLUMNS))
def test_in_transit_and_out_for_delivery_reach_their_own_options(language):
    column = COLUMNS[language]
    got = {m.value: (m.option, m.confidence) for m in map_enum_values(dict.fromkeys(column, 5), SHIPMENT)}
    assert {v: o for v, (o, _) in got.items()} == dict(zip(column, KINDS, strict=True))
    assert all(c >= SURE for _, c in got.values())


@pytest.mark.parametrize("language", sorted(COLUMNS))
def test_each_word_alone_reaches_its_option(language):
    for value, option in zip(COLUMNS[language], KINDS, strict=True):
        [mapped] = map_enum_values({value: 1}, SHIPMENT)
        assert mapped.option == option, mapped.reason
