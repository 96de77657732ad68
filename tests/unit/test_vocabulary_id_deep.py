"""Indonesian (id.yaml), deepened: more of the ways Indonesian exports write header words
and status values (national ids and tax, payroll and HR, carriers, shops, schools)."""

from __future__ import annotations

import pytest

from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import (
    EMPLOYEE_STATUS,
    EMPLOYMENT_TYPE,
    GENDER,
    ORDER_STATUS,
    PAYMENT_STATUS,
    SHIPMENT_STATUS,
    enum_field,
)

PAYMENT_METHOD = enum_field("payment_method", "credit_card", "debit_card", "bank_transfer", "direct_debit", "cash",
                            "invoice", "installments")
EDUCATION = enum_field("education_level", "no_education", "primary_school", "high_school", "vocational", "bachelor",
                       "master", "doctorate")


@pytest.mark.parametrize(("header", "meaning"), [
    ("NIK", ("social", "security", "number")), ("No. KTP", ("social", "security", "number")),
    ("No BPJS Ketenagakerjaan", ("social", "security", "number")), ("NIK Karyawan", ("employee", "id")),
    ("Nomor Induk Pegawai", ("employee", "id")), ("Tempat Lahir", ("birth", "place")),
    ("Gaji Bersih", ("net", "salary")), ("Tgl Masuk", ("hire", "date")), ("Tgl Jatuh Tempo", ("due", "date")),
    ("No. Faktur", ("invoice", "id")), ("Tgl Faktur", ("invoice", "date")), ("No Pesanan", ("order", "id")),
    ("Nama Pelanggan", ("customer", "name")), ("ID Pelanggan", ("customer", "id")), ("NISN", ("student", "id")),
    ("NIM", ("student", "id")), ("No AWB", ("tracking", "number")), ("DPP", ("net",)),
    ("Termasuk PPN", ("gross",)), ("Hrg Sat", ("unit", "price")), ("Kab/Kota", ("city",)),
    ("Stok Minimum", ("reorder", "point")), ("Kd Brg", ("sku",)), ("HPP", ("cost",)),
    ("Waktu Pesanan Dibuat", ("order", "date")), ("Nomor Rumah", ("house", "number")),
])
def test_indonesian_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "Telat Bayar", "overdue"), (PAYMENT_STATUS, "Tunggakan", "overdue"),
    (PAYMENT_STATUS, "Dana Telah Dikembalikan", "refunded"),
    (SHIPMENT_STATUS, "Resi Terbit", "label_created"), (SHIPMENT_STATUS, "Diserahkan ke Kurir", "picked_up"),
    (SHIPMENT_STATUS, "Diberangkatkan", "in_transit"), (SHIPMENT_STATUS, "Kurir Menuju Alamat", "out_for_delivery"),
    (SHIPMENT_STATUS, "Paket Telah Diterima", "delivered"), (SHIPMENT_STATUS, "Selesai Antar", "delivered"),
    (SHIPMENT_STATUS, "Penerima Tidak Ditemukan", "exception"),
    (SHIPMENT_STATUS, "Siap Diambil di Agen", "awaiting_collection"),
    (EMPLOYMENT_TYPE, "Harian Lepas", "temporary"), (EMPLOYMENT_TYPE, "PKL", "intern"),
    (EMPLOYEE_STATUS, "Dirumahkan", "on_leave"), (EMPLOYEE_STATUS, "Di PHK", "terminated"),
    (EMPLOYEE_STATUS, "Dipecat", "terminated"),
    (PAYMENT_METHOD, "Virtual Account", "bank_transfer"), (PAYMENT_METHOD, "Paylater", "installments"),
    (PAYMENT_METHOD, "Bayar Tempo", "invoice"), (PAYMENT_METHOD, "Kartu ATM", "debit_card"),
    (EDUCATION, "Tidak/Belum Sekolah", "no_education"), (EDUCATION, "Tamat SD/Sederajat", "primary_school"),
    (EDUCATION, "Belum Tamat SD/Sederajat", "no_education"), (EDUCATION, "Madrasah Aliyah", "high_school"),
    (ORDER_STATUS, "Ditunda", "on_hold"), (ORDER_STATUS, "Telah Dikonfirmasi", "confirmed"),
])
def test_indonesian_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason


def test_indonesian_school_words_name_the_sex():
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(["Putra", "Putri"], 1), GENDER)}
    assert got == {"Putra": "male", "Putri": "female"}
