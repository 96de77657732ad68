"""Hungarian (hu.yaml), deepened: more of the ways Hungarian exports write header words
(possessive forms such as megrendelés száma, payroll and HR, school, carrier) and status
values (payments, carriers, HR, orders, education)."""

from __future__ import annotations

import pytest

from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import (
    EMPLOYMENT_TYPE,
    GENDER,
    ORDER_STATUS,
    SHIPMENT_STATUS,
    enum_field,
)

PAYMENT_STATUS = enum_field("payment_status", "pending", "paid", "unpaid", "overdue", "refunded", "partially_paid")
EMPLOYEE_STATUS = enum_field("employee_status", "active", "on_leave", "terminated", "resigned", "retired")
PAYMENT_METHOD = enum_field("payment_method", "credit_card", "debit_card", "bank_transfer", "direct_debit", "cash",
                            "invoice", "voucher", "installments")
EDUCATION = enum_field("education", "no_education", "primary_school", "high_school", "vocational", "bachelor",
                       "master", "doctorate")
MARITAL_STATUS = enum_field("marital_status", "single", "married", "divorced", "widowed", "separated", "cohabiting")


@pytest.mark.parametrize(("header", "meaning"), [
    ("Megrendelés száma", ("order", "id")), ("Számla kelte", ("invoice", "date")),
    ("Számla sorszáma", ("invoice", "id")), ("Adóazonosító jel", ("vat", "number")),
    ("TAJ szám", ("social", "security", "number")), ("Születési hely", ("birth", "place")),
    ("Szül. dátum", ("date", "of", "birth")), ("Házszám", ("house", "number")),
    ("Termék neve", ("product", "name")), ("Ügyfél neve", ("customer", "name")),
    ("Dolgozó neve", ("employee", "name")), ("Törzsszám", ("employee", "id")),
    ("Nettó bér", ("net", "salary")), ("SZJA", ("income", "tax")),
    ("Neptun kód", ("student", "id")), ("Tagozat", ("study", "mode")),
    ("Beiratkozás dátuma", ("enrolment", "date")), ("Kapcsolattartó", ("contact",)),
    ("Címzett irányítószáma", ("destination", "zip")), ("Feladó országa", ("origin", "country")),
    ("Neme", ("gender",)), ("Utolsó munkanap", ("termination", "date")),
    ("Rendelés állapota", ("order", "status")), ("Cégjegyzékszám", ("vat", "number")),
    ("Szervezeti egység", ("department",)),
])
def test_hungarian_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "Kiegyenlítve", "paid"), (PAYMENT_STATUS, "Fizetési felszólítás", "overdue"),
    (PAYMENT_STATUS, "Kiegyenlítetlen", "unpaid"), (PAYMENT_STATUS, "Előleg befizetve", "partially_paid"),
    (SHIPMENT_STATUS, "Csomagautomatában", "awaiting_collection"),
    (SHIPMENT_STATUS, "Címzett nem volt otthon", "exception"), (SHIPMENT_STATUS, "Depóban", "in_transit"),
    (SHIPMENT_STATUS, "Kézbesítésre kiadva", "out_for_delivery"), (SHIPMENT_STATUS, "Futár átvette", "picked_up"),
    (SHIPMENT_STATUS, "Feladásra vár", "label_created"),
    (EMPLOYMENT_TYPE, "Szabadúszó", "contractor"), (EMPLOYMENT_TYPE, "Részállású", "part_time"),
    (EMPLOYMENT_TYPE, "Alkalmi munka", "temporary"), (EMPLOYMENT_TYPE, "Diákmunka", "intern"),
    (EMPLOYEE_STATUS, "Közös megegyezéssel", "terminated"), (EMPLOYEE_STATUS, "Saját kérelemre", "resigned"),
    (EMPLOYEE_STATUS, "Nyugállományú", "retired"),
    (PAYMENT_METHOD, "Előreutalás", "bank_transfer"), (PAYMENT_METHOD, "SZÉP kártya", "voucher"),
    (ORDER_STATUS, "Csomagolás alatt", "in_progress"),
    (ORDER_STATUS, "Jegelve", "on_hold"), (ORDER_STATUS, "Lebonyolítva", "completed"),
    (EDUCATION, "Érettségizett", "high_school"), (EDUCATION, "Főiskolai diploma", "bachelor"),
    (MARITAL_STATUS, "Férjezett", "married"),
])
def test_hungarian_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason


def test_hungarian_gender_words_name_the_sex():
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(["Ffi", "Nők", "Férfiak", "Nőstény"], 1), GENDER)}
    assert got == {"Ffi": "male", "Nők": "female", "Férfiak": "male", "Nőstény": "female"}
