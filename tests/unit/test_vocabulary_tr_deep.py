"""Turkish (tr.yaml), deepened: more of the ways Turkish exports write header words and
status values (payroll and HR, banks and e-invoices, carriers, shops), written with the
Turkish letters or without them (ı, ş, ğ, ç, ö, ü typed as i, s, g, c, o, u)."""

from __future__ import annotations

import pytest

from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import (
    EMPLOYEE_STATUS,
    EMPLOYMENT,
    GENDER,
    ORDER_STATUS,
    PAYMENT_METHOD,
    PAYMENT_STATUS,
    SHIPMENT,
    SHIPMENT_STATUS,
)


@pytest.mark.parametrize(("header", "meaning"), [
    ("T.C. Kimlik No", ("social", "security", "number")), ("Sicil No", ("employee", "id")),
    ("Cep Tel", ("mobile",)), ("Döviz Cinsi", ("currency",)), ("İlgili Kişi", ("contact",)),
    ("Ölçü Birimi", ("unit", "of", "measure")), ("Net Ele Geçen", ("net", "salary")),
    ("KDV Hariç Tutar", ("net",)), ("Plasiyer", ("owner",)), ("Soyisim", ("last", "name")),
    ("Kargo Takip Kodu", ("tracking", "number")),
    # typed without the Turkish letters (İşe Başlangıç Tarihi)
    ("Ise Baslangic Tarihi", ("hire", "date")),
])
def test_turkish_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (ORDER_STATUS, "Hazırlanmakta", "in_progress"), (ORDER_STATUS, "Onay Alındı", "confirmed"),
    (EMPLOYMENT, "Kısmi Süreli", "part_time"), (EMPLOYMENT, "Taşeron", "contractor"),
    (SHIPMENT, "Teslimata Çıktı", "out_for_delivery"), (SHIPMENT, "Aktarma Merkezinde", "in_transit"),
    (SHIPMENT, "Sevk Edilmiş", "shipped"),
    (SHIPMENT_STATUS, "Kargo Şubesinde Bekliyor", "awaiting_collection"),
    (SHIPMENT_STATUS, "Kuryeye Verildi", "picked_up"),
    (PAYMENT_STATUS, "Vade Aşımı", "overdue"), (PAYMENT_STATUS, "Tahsil Edilmemiş", "unpaid"),
    (PAYMENT_METHOD, "Kapıda Ödeme", "cash"), (PAYMENT_METHOD, "Sanal POS", "credit_card"),
    (PAYMENT_METHOD, "Acik Hesap", "invoice"),
    (EMPLOYEE_STATUS, "İş Akdi Feshedildi", "terminated"), (EMPLOYEE_STATUS, "Kendi İsteğiyle Ayrıldı", "resigned"),
    (EMPLOYEE_STATUS, "Mazeret Izni", "on_leave"),
])
def test_turkish_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason


def test_turkish_gender_initials():
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(["E", "K"], 1), GENDER)}
    assert got == {"E": "male", "K": "female"}
