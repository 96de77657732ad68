"""Greek (el.yaml), deepened: more of the ways Greek exports write header words and status
values (genitive headers, ERP and payroll abbreviations, carriers, banks and schools)."""

from __future__ import annotations

import pytest

from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from tests.unit.vocabulary_fields import (
    EMPLOYEE_STATUS,
    EMPLOYMENT_TYPE,
    GENDER,
    ORDER_STATUS,
    PAYMENT_METHOD,
    PAYMENT_STATUS,
    SHIPMENT_STATUS,
)


@pytest.mark.parametrize(("header", "meaning"), [
    ("Κωδ. Πελάτη", ("customer", "id")), ("Επωνυμία Πελάτη", ("customer", "name")),
    ("Αρ. Παραγγελίας", ("order", "id")), ("Ημ/νία Τιμολογίου", ("invoice", "date")),
    ("Αριθμός Παραστατικού", ("invoice", "id")), ("Κωδικός Προϊόντος", ("product", "id")),
    ("Περιγραφή Είδους", ("product", "name")), ("Αρ. Μητρώου Εργαζομένου", ("employee", "id")),
    ("Ονοματεπώνυμο Υπαλλήλου", ("employee", "name")), ("Καθαρές Αποδοχές", ("net", "salary")),
    ("ΦΜΥ", ("income", "tax")), ("ΑΜ ΙΚΑ", ("social", "security", "number")),
    ("ΑΦΜ Πελάτη", ("vat", "number")), ("Αξία προ ΦΠΑ", ("net",)), ("Αξία με ΦΠΑ", ("gross",)),
    ("Τιμή Μονάδος", ("unit", "price")), ("Μον. Μέτρησης", ("unit", "of", "measure")),
    ("Αριθμός Voucher", ("tracking", "number")), ("Αιτιολογία", ("description",)),
    ("Ημ. Πρόσληψης", ("hire", "date")), ("ΑΜ Φοιτητή", ("student", "id")),
    ("Τρόπος Φοίτησης", ("study", "mode")), ("Ελάχιστο Απόθεμα", ("reorder", "point")),
    ("Ασφαλισμένος", ("insured",)), ("Τύπος Ακινήτου", ("property", "type")),
])
def test_greek_header_words(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (PAYMENT_STATUS, "Ανείσπρακτο", "unpaid"), (PAYMENT_STATUS, "Σε υπερημερία", "overdue"),
    (PAYMENT_STATUS, "Εισπράχθηκε", "paid"), (PAYMENT_STATUS, "Πιστωτικό τιμολόγιο", "refunded"),
    (SHIPMENT_STATUS, "Επιδόθηκε", "delivered"), (SHIPMENT_STATUS, "Ανεπίδοτο", "exception"),
    (SHIPMENT_STATUS, "Στο κέντρο διαλογής", "in_transit"), (SHIPMENT_STATUS, "Εκδόθηκε voucher", "label_created"),
    (SHIPMENT_STATUS, "Σε θυρίδα", "awaiting_collection"), (SHIPMENT_STATUS, "Με τον διανομέα", "out_for_delivery"),
    (SHIPMENT_STATUS, "Επεστράφη", "returned"),
    (EMPLOYMENT_TYPE, "Σύμβαση ορισμένου χρόνου", "temporary"), (EMPLOYMENT_TYPE, "Με μπλοκάκι", "contractor"),
    (EMPLOYMENT_TYPE, "Μειωμένο ωράριο", "part_time"), (EMPLOYMENT_TYPE, "Μαθητεία", "intern"),
    (EMPLOYEE_STATUS, "Εν ενεργεία", "active"), (EMPLOYEE_STATUS, "Καταγγελία σύμβασης", "terminated"),
    (EMPLOYEE_STATUS, "Οικειοθελής αποχώρηση", "resigned"),
    (PAYMENT_METHOD, "Τοις μετρητοίς", "cash"), (PAYMENT_METHOD, "Επί πιστώσει", "invoice"),
    (PAYMENT_METHOD, "Μέσω ΔΙΑΣ", "direct_debit"), (PAYMENT_METHOD, "Μέσω τράπεζας", "bank_transfer"),
    (ORDER_STATUS, "Διεκπεραιώθηκε", "completed"), (ORDER_STATUS, "Υπό επεξεργασία", "in_progress"),
    (ORDER_STATUS, "Οριστικοποιήθηκε", "confirmed"),
])
def test_greek_status_and_kind_words(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason


def test_greek_gender_words_name_the_sex():
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(["Άνδρες", "Γυναίκες", "Θήλεια", "Άρρην"], 1),
                                                      GENDER)}
    assert got == {"Άνδρες": "male", "Γυναίκες": "female", "Θήλεια": "female", "Άρρην": "male"}
