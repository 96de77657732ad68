"""Malay (ms.yaml), deepened: more of the ways Malaysian, Bruneian and Singaporean exports
write header words and status values (payroll and HR, Pos Laju and J&T tracking, FPX and
DuitNow, schools, telecom, property)."""

from __future__ import annotations

import pytest

from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import (
    EDUCATION,
    EMPLOYEE_STATUS,
    EMPLOYMENT_TYPE,
    LEAVE_TYPE,
    ORDER_STATUS,
    PAYMENT_METHOD,
    PAYMENT_STATUS,
    SHIPMENT,
    SHIPMENT_STATUS,
    TICKET_STATUS,
    enum_field,
)

CUSTOMER_TYPE = enum_field("customer_type", "private", "company", "government", "non_profit")
MARITAL_STATUS = enum_field("marital_status", "single", "married", "divorced", "widowed")
CONTRACT = enum_field("contract", "permanent", "contractor", "temporary")
SUBSCRIPTION = enum_field("subscription_status", "trial", "active", "suspended", "expired")


@pytest.mark.parametrize(("header", "meaning"), [
    ("No. KP", ("social", "security", "number")), ("No. MyKad", ("social", "security", "number")),
    ("No. Kad Pengenalan", ("social", "security", "number")), ("No. KWSP", ("social", "security", "number")),
    ("PCB", ("income", "tax")),
    ("Potongan Cukai Bulanan", ("income", "tax")), ("Gaji Bersih", ("net", "salary")),
    ("No. SSM", ("vat", "number")), ("No. Pendaftaran Syarikat", ("vat", "number")),
    ("No. Pekerja", ("employee", "id")), ("Nama Kakitangan", ("employee", "name")),
    ("Tkh. Lahir", ("date", "of", "birth")), ("Tarikh Lapor Diri", ("hire", "date")),
    ("Tarikh Peletakan Jawatan", ("termination", "date")), ("No. H/P", ("mobile",)),
    ("No. Tel. Bimbit", ("mobile",)), ("No. Invois", ("invoice", "id")), ("Tarikh Invois", ("invoice", "date")),
    ("No. Pesanan", ("order", "id")), ("Nama Pelanggan", ("customer", "name")),
    ("No. Pelanggan", ("customer", "id")), ("Bil. Bilik", ("rooms",)), ("Bil. Pekerja", ("employees",)),
    ("No. Konsainan", ("tracking", "number")), ("Caj Kurier", ("freight",)), ("Jumlah Besar", ("total",)),
    ("Termasuk SST", ("gross",)), ("Tempat Lahir", ("birth", "place")), ("No. Matrik", ("student", "id")),
    ("Mod Pengajian", ("study", "mode")), ("Jenis Hartanah", ("property", "type")),
    ("Orang Untuk Dihubungi", ("contact",)), ("Tarikh Kemas Kini", ("updated",)), ("Butiran", ("description",)),
    ("Ketua Jabatan", ("manager",)), ("Jenis Lantikan", ("employment", "type")), ("Stok Minimum", ("reorder", "point")),
    ("Tarikh Urus Niaga", ("booking", "date")), ("Tempoh Kredit", ("payment", "terms")),
])
def test_malay_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "Telah Dijelaskan", "paid"), (PAYMENT_STATUS, "Belum Bayar", "unpaid"),
    (PAYMENT_STATUS, "Melepasi Tarikh Akhir", "overdue"), (PAYMENT_STATUS, "Wang Dikembalikan", "refunded"),
    (SHIPMENT_STATUS, "Tiba di Hab", "in_transit"), (SHIPMENT_STATUS, "Sedang Diproses di Hab", "in_transit"),
    (SHIPMENT_STATUS, "Dibawa oleh Kurier", "out_for_delivery"),
    (SHIPMENT_STATUS, "Penghantaran Berjaya", "delivered"), (SHIPMENT_STATUS, "Telah Dipungut", "picked_up"),
    (SHIPMENT_STATUS, "Maklumat Penghantaran Diterima", "label_created"),
    (SHIPMENT_STATUS, "Sedia untuk Dipungut", "awaiting_collection"),
    (SHIPMENT_STATUS, "Penerima Tiada di Rumah", "exception"),
    (SHIPMENT_STATUS, "Dipulangkan kepada Penghantar", "returned"),
    (SHIPMENT, "Kurier Dalam Perjalanan", "out_for_delivery"), (SHIPMENT, "Telah Dipos", "shipped"),
    (PAYMENT_METHOD, "FPX", "bank_transfer"), (PAYMENT_METHOD, "DuitNow", "bank_transfer"),
    (PAYMENT_METHOD, "Bayar Semasa Terima", "cash"), (PAYMENT_METHOD, "MyDebit", "debit_card"),
    (PAYMENT_METHOD, "Arahan Debit Terus", "direct_debit"),
    (EMPLOYEE_STATUS, "Ditamatkan Perkhidmatan", "terminated"), (EMPLOYEE_STATUS, "Penamatan Kontrak", "terminated"),
    (EMPLOYMENT_TYPE, "Pekerja Sambilan", "part_time"), (EMPLOYMENT_TYPE, "Lantikan Sementara", "temporary"),
    (EMPLOYMENT_TYPE, "Latihan Amali", "intern"), (CONTRACT, "Pekerja Tetap", "permanent"),
    (CONTRACT, "Berkontrak", "contractor"),
    (EDUCATION, "PT3", "high_school"), (EDUCATION, "Lepasan SPM", "high_school"), (EDUCATION, "Sarjana", "master"),
    (EDUCATION, "Sijil Kemahiran Malaysia", "vocational"),
    (CUSTOMER_TYPE, "Sdn Bhd", "company"), (CUSTOMER_TYPE, "Badan Berkanun", "government"),
    (CUSTOMER_TYPE, "Pertubuhan Kebajikan", "non_profit"),
    (LEAVE_TYPE, "Cuti Tahunan", "vacation"), (LEAVE_TYPE, "Sijil Sakit", "sick_leave"),
    (MARITAL_STATUS, "Cerai Mati", "widowed"), (MARITAL_STATUS, "Cerai Hidup", "divorced"),
    (TICKET_STATUS, "Dalam Tindakan", "in_progress"), (TICKET_STATUS, "Ditangguhkan Sementara", "on_hold"),
    (SUBSCRIPTION, "Percubaan Percuma", "trial"),
    (ORDER_STATUS, "Dalam Pembinaan", "in_progress"),
])
def test_malay_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason
