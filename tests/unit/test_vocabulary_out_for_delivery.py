"""Out for delivery is a shipment status of its own beside in transit, in every language."""

from __future__ import annotations

import pytest

from feedline.blueprint import Field, Option
from feedline.mapping import map_enum_values
from feedline.mapping.enums import SURE
from tests.unit.vocabulary_fields import SHIPMENT

# One partner's status column per language: shipped, in transit, out for delivery, delivered.
COLUMNS = {
    "de": ["Versendet", "Unterwegs", "In Zustellung", "Zugestellt"],
    "fr": ["Expédié", "En cours d'acheminement", "En cours de livraison", "Livré"],
    "es": ["Enviado", "En tránsito", "En reparto", "Entregado"],
    "it": ["Spedito", "In transito", "In consegna", "Consegnato"],
    "pt": ["Expedido", "Em trânsito", "Saiu para entrega", "Entregue"],
    "nl": ["Verzonden", "Onderweg", "In bezorging", "Bezorgd"],
    "pl": ["Wysłane", "W drodze", "Wydano do doręczenia", "Doręczone"],
    "tr": ["Kargoya verildi", "Yolda", "Dağıtımda", "Teslim edildi"],
    "hu": ["Feladva", "Úton", "Kiszállítás alatt", "Kézbesítve"],
    "ru": ["Отправлено", "В пути", "В доставке", "Доставлено"],
    "zh": ["已发货", "运输中", "派送中", "已签收"],
    "ko": ["발송완료", "운송중", "배달중", "배송완료"],
    "vi": ["Đã gửi hàng", "Đang vận chuyển", "Đang giao hàng", "Đã giao hàng"],
}
KINDS = ("shipped", "in_transit", "out_for_delivery", "delivered")
# The six languages written before the split: in transit, out for delivery.
LAST_MILE = {
    "az": ["Yoldadır", "Çatdırılmaya çıxıb"],
    "fa": ["در حال حمل", "در حال توزیع"],
    "cy": ["Ar y ffordd", "Allan i'w ddosbarthu"],
    "th": ["อยู่ระหว่างขนส่ง", "อยู่ระหว่างการนำจ่าย"],
    "bn": ["পরিবহনে", "ডেলিভারির জন্য বের হয়েছে"],
    "sq": ["Në tranzit", "Në shpërndarje"],
}
LAST_MILE_KINDS = ("in_transit", "out_for_delivery")
EVERY_COLUMN = [(column, KINDS) for _, column in sorted(COLUMNS.items())] + [
    (column, LAST_MILE_KINDS) for _, column in sorted(LAST_MILE.items())]


@pytest.mark.parametrize(("column", "kinds"), EVERY_COLUMN, ids=sorted(COLUMNS) + sorted(LAST_MILE))
def test_each_shipment_status_of_a_column_reaches_its_own_option(column, kinds):
    got = {m.value: (m.option, m.confidence) for m in map_enum_values(dict.fromkeys(column, 5), SHIPMENT)}
    assert {v: o for v, (o, _) in got.items()} == dict(zip(column, kinds, strict=True))
    assert all(c >= SURE for _, c in got.values())


@pytest.mark.parametrize("language", sorted(LAST_MILE))
def test_each_last_mile_word_alone_reaches_its_option(language):
    for value, option in zip(LAST_MILE[language], LAST_MILE_KINDS, strict=True):
        [mapped] = map_enum_values({value: 1}, SHIPMENT)
        assert mapped.option == option, mapped.reason


@pytest.mark.parametrize(("value", "option"), [
    ("OFD", "out_for_delivery"), ("With courier", "out_for_delivery"), ("On vehicle for delivery", "out_for_delivery"),
    ("In delivery", "out_for_delivery"), ("En route", "in_transit"), ("On the way", "in_transit"),
    ("Dispatched", "shipped"), ("Em entrega", "out_for_delivery"), ("Unterwegs", "in_transit"),
    ("In Auslieferung", "out_for_delivery"), ("Ausgeliefert", "delivered"), ("En livraison", "out_for_delivery"),
])
def test_english_and_other_words_of_the_last_mile(value, option):
    [mapped] = map_enum_values({value: 1}, SHIPMENT)
    assert mapped.option == option, mapped.reason


def test_each_status_of_the_field_names_itself_only():
    # The vocabulary lists out for delivery as a kind of in transit and in transit as a kind
    # of shipped: beside each other, every option keeps its own name and its own words.
    got = {v.value: v.option for v in map_enum_values({o.label: 1 for o in SHIPMENT.options}, SHIPMENT)}
    assert got == {o.label: o.value for o in SHIPMENT.options}
    [trn] = map_enum_values({"TRN": 1}, SHIPMENT)
    assert trn.option == "in_transit", trn.reason


GENERAL = Field("status", "Status", type="enum", options=(
    Option("pending", "Pending"), Option("in_transit", "In transit"), Option("delivered", "Delivered")))


@pytest.mark.parametrize(("value", "option"), [
    ("In Zustellung", "in_transit"), ("En reparto", "in_transit"), ("Out for delivery", "in_transit"),
    ("On hold", "pending"), ("En suspens", "pending"),
])
def test_a_specific_status_reads_as_the_general_one_where_the_field_has_only_that(value, option):
    [mapped] = map_enum_values({value: 1}, GENERAL)
    assert mapped.option == option, mapped.reason


TICKET = Field("status", "Status", type="enum", options=(
    Option("open", "Open"), Option("pending", "Pending"), Option("in_progress", "In progress"),
    Option("on_hold", "On hold"), Option("closed", "Closed")))
PAYMENT = Field("status", "Payment Status", type="enum", options=(
    Option("pending", "Pending"), Option("paid", "Paid"), Option("failed", "Failed")))
ORDER = Field("status", "Order Status", type="enum", options=(
    Option("delivered", "Delivered"), Option("returned", "Returned"), Option("refunded", "Refunded")))
PRIORITY = Field("priority", "Priority", type="enum", options=(
    Option("low", "Low"), Option("normal", "Normal"), Option("high", "High"), Option("urgent", "Urgent")))


@pytest.mark.parametrize(("field", "value", "option"), [
    (TICKET, "Ausstehend", "pending"), (TICKET, "In afwachting", "pending"), (TICKET, "Awaiting", "pending"),
    (TICKET, "Offen", "open"), (TICKET, "In Bearbeitung", "in_progress"), (TICKET, "En suspens", "on_hold"),
    # a word of both reads as pending where the field has no more specific status
    (PAYMENT, "Offen", "pending"), (PAYMENT, "In Bearbeitung", "pending"), (PAYMENT, "en cours", "pending"),
    (ORDER, "Erstattet", "refunded"), (ORDER, "Reembolsado", "refunded"), (ORDER, "Devuelto", "returned"),
    (ORDER, "Retoure", "returned"),
    (PRIORITY, "Hoch", "high"), (PRIORITY, "Élevée", "high"), (PRIORITY, "Dringend", "urgent"),
    (PRIORITY, "Urgente", "urgent"),
])
def test_a_general_status_beside_a_specific_one_of_the_same_field(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason
