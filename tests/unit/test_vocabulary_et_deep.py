"""Estonian (et.yaml), deepened: more of the ways Estonian exports write header words and
status values (payroll and HR, ERP and banks, Omniva and DPD tracking, shops, schools)."""

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
    SHIPMENT_STATUS,
)


@pytest.mark.parametrize(("header", "meaning"), [
    ("Isikukood", ("social", "security", "number")), ("Isiku kood", ("social", "security", "number")),
    ("Registrikood", ("vat", "number")), ("Äriregistri kood", ("vat", "number")),
    ("KM kohustuslase nr", ("vat", "number")),
    ("Tulumaks", ("income", "tax")), ("Kinnipeetud tulumaks", ("income", "tax")),
    ("Netopalk", ("net", "salary")), ("Väljamakstav summa", ("net", "salary")),
    ("Tabelinumber", ("employee", "id")), ("Töötaja nr", ("employee", "id")),
    ("Töötaja nimi", ("employee", "name")),
    ("Kliendi number", ("customer", "id")), ("Kliendikood", ("customer", "id")),
    ("Kliendi nimi", ("customer", "name")),
    ("Tellimuse nr", ("order", "id")), ("Tellimuse kpv", ("order", "date")),
    ("Arve nr", ("invoice", "id")), ("Arve kpv", ("invoice", "date")),
    ("Toote nimi", ("product", "name")), ("Kontaktisik", ("contact",)),
    ("Maja nr", ("house", "number")), ("Sünnikoht", ("birth", "place")),
    ("Tasumise tähtaeg", ("due", "date")), ("Tööle asumise kpv", ("hire", "date")),
    ("Viimane tööpäev", ("termination", "date")), ("Ametinimetus", ("job", "title")),
    ("Otsene juht", ("manager",)), ("Summa KM-ta", ("net",)), ("Summa km-ga", ("gross",)),
    ("Jälgimisnr", ("tracking", "number")), ("Kullerfirma", ("carrier",)),
    ("Kande kuupäev", ("booking", "date")), ("Matriklinumber", ("student", "id")),
    ("Õppevorm", ("study", "mode")), ("Kindlustatu", ("insured",)), ("Kahjujuhtum", ("claim",)),
    ("Sissetulek", ("income",)), ("Kulukoha kood", ("cost", "center")),
])
def test_estonian_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "Laekunud", "paid"), (PAYMENT_STATUS, "Arve tasutud", "paid"),
    (PAYMENT_STATUS, "Laekumata", "unpaid"), (PAYMENT_STATUS, "Üle tähtaja", "overdue"),
    (PAYMENT_STATUS, "Inkassos", "overdue"), (PAYMENT_STATUS, "Tagasi makstud", "refunded"),
    (SHIPMENT_STATUS, "Sorteerimiskeskuses", "in_transit"),
    (SHIPMENT_STATUS, "Saabunud pakiautomaati", "awaiting_collection"),
    (SHIPMENT_STATUS, "Kuller toimetab kätte", "out_for_delivery"),
    (SHIPMENT_STATUS, "Kohaletoimetatud", "delivered"),
    (SHIPMENT_STATUS, "Ootab pealekorjet", "label_created"),
    (SHIPMENT_STATUS, "Kullerile üle antud", "picked_up"),
    (SHIPMENT_STATUS, "Tagasi saatjale", "returned"), (SHIPMENT_STATUS, "Vale aadress", "exception"),
    (ORDER_STATUS, "Tellimus tühistatud", "canceled"), (ORDER_STATUS, "Komplekteerimisel", "in_progress"),
    (ORDER_STATUS, "Tellimus täidetud", "completed"), (ORDER_STATUS, "Kinnitatud tellimus", "confirmed"),
    (EMPLOYEE_STATUS, "Koondatud", "terminated"), (EMPLOYEE_STATUS, "Omal soovil", "resigned"),
    (EMPLOYEE_STATUS, "Õppepuhkusel", "on_leave"),
    (LEAVE_TYPE, "Töövõimetusleht", "sick_leave"), (LEAVE_TYPE, "Vanemapuhkusel", "parental_leave"),
    (LEAVE_TYPE, "Põhipuhkus", "vacation"),
    (EMPLOYMENT_TYPE, "Tähtajaline tööleping", "temporary"),
    (EMPLOYMENT_TYPE, "VÕS-leping", "contractor"), (EMPLOYMENT_TYPE, "Osalise tööajaga", "part_time"),
    (EMPLOYMENT_TYPE, "Täistööajaga", "full_time"),
    (PAYMENT_METHOD, "Pangalink", "bank_transfer"), (PAYMENT_METHOD, "Pangakaardiga", "debit_card"),
    (PAYMENT_METHOD, "Arve alusel", "invoice"),
    (EDUCATION, "Kutsekeskharidus", "vocational"), (EDUCATION, "Rakenduskõrgharidus", "bachelor"),
    (CUSTOMER_TYPE, "Kohalik omavalitsus", "government"), (CUSTOMER_TYPE, "Firmaklient", "business"),
    (CUSTOMER_TYPE, "Eraisikud", "private"),
])
def test_estonian_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason
