"""Vocabulary as data, and enum values written as abbreviations, codes or other languages."""

from __future__ import annotations

import pytest

from feedline.blueprint import Field, Option
from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form
from feedline.mapping.vocabulary import LANGUAGES, conflicts, header_lexicon, languages

DEPARTMENT = Field("department", "Department", type="enum", options=(
    Option("sales", "Sales"), Option("finance", "Finance"), Option("hr", "Human Resources"),
    Option("rnd", "Research & Development"), Option("it", "IT"), Option("management", "Management"),
))
EMPLOYMENT = Field("employment", "Employment Type", type="enum", options=(
    Option("full_time", "Full time"), Option("part_time", "Part time"), Option("contractor", "Contractor"),
))
INDUSTRY = Field("industry", "Industry", type="enum", options=(
    Option("technology", "Technology"), Option("financial_services", "Financial Services"),
    Option("professional_services", "Professional Services"), Option("logistics", "Transportation & Logistics"),
))
CURRENCY = Field("currency", "Currency", type="enum", options=(
    Option("USD", "US Dollar"), Option("EUR", "Euro"), Option("GBP", "British Pound"),
))
GENDER = Field("gender", "Gender", type="enum", options=(Option("male", "Male"), Option("female", "Female")))


def test_every_language_file_loads_with_its_version_and_provenance():
    langs = languages()
    assert [lang.code for lang in langs] == list(LANGUAGES)
    assert {"en", "de", "fr", "es", "it", "pt", "nl"} <= set(LANGUAGES)
    for lang in langs:
        assert lang.provenance and len(lang.headers) > 100 and lang.values


def test_no_header_word_means_two_things_in_two_languages():
    assert conflicts() == []


def test_yaml_booleans_are_words_in_the_vocabulary():
    assert header_lexicon()[("no",)] == ("id",)  # not "false"


@pytest.mark.parametrize(("header", "meaning"), [
    ("Personalnummer", ("employee", "id")), ("Date d'embauche", ("hire", "date")),
    ("Fecha de baja", ("termination", "date")), ("Data di assunzione", ("hire", "date")),
    ("Nº Funcionário", ("id", "employee")), ("Afdeling", ("department",)),
    ("Abteilung", ("department",)), ("Salário", ("salary",)), ("Ref.", ("id",)),
    ("Klantnummer", ("customer", "id")), ("Ciclo di vita", ("lifecycle", "stage")),
])
def test_business_header_words_of_six_languages(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (EMPLOYMENT, "FT", "full_time"), (EMPLOYMENT, "PT", "part_time"),
    (EMPLOYMENT, "Temps plein", "full_time"), (EMPLOYMENT, "Teilzeit", "part_time"),
    (EMPLOYMENT, "Freiberufler", "contractor"),
    (DEPARTMENT, "R&D", "rnd"), (DEPARTMENT, "HR", "hr"), (DEPARTMENT, "Vertrieb", "sales"),
    (DEPARTMENT, "Ressources humaines", "hr"), (DEPARTMENT, "Mgmt", "management"),
    (DEPARTMENT, "Contabilidad", "finance"), (DEPARTMENT, "Forschung und Entwicklung", "rnd"),
    (INDUSTRY, "TECH", "technology"), (INDUSTRY, "FIN SVC", "financial_services"),
    (INDUSTRY, "PROF SVCS", "professional_services"), (INDUSTRY, "Transp & Log", "logistics"),
    (CURRENCY, "Dollaro statunitense", "USD"), (CURRENCY, "€", "EUR"), (CURRENCY, "Britisches Pfund", "GBP"),
    (GENDER, "M", "male"), (GENDER, "F", "female"), (GENDER, "weiblich", "female"),
])
def test_enum_values_as_abbreviations_initials_codes_and_other_languages(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason
    assert mapped.reason


def test_an_ambiguous_abbreviation_maps_to_nothing():
    field = Field("kind", "Kind", type="enum", options=(Option("pa", "Part A"), Option("pb", "Part B")))
    [mapped] = map_enum_values({"P": 3}, field)
    assert mapped.option is None


def test_status_degree_and_payment_words_of_many_trades():
    claim = Field("status", "Claim Status", type="enum", options=(
        Option("submitted", "Submitted"), Option("pending", "Pending"),
        Option("approved", "Approved"), Option("denied", "Denied")))
    level = Field("level", "Level", type="enum", options=(
        Option("bachelor", "Bachelor"), Option("master", "Master"), Option("doctorate", "Doctorate")))
    channel = Field("channel", "Channel", type="enum", options=(
        Option("card", "Card Payment"), Option("transfer", "Bank Transfer")))
    got = {v.value: v.option for f, vals in ((claim, ["REJECTED", "IN_REVIEW", "Genehmigt", "recibido"]),
                                             (level, ["B.Sc.", "M.Sc.", "PhD"]),
                                             (channel, ["BACS", "SEPA"]))
           for v in map_enum_values(dict.fromkeys(vals, 1), f)}
    assert got == {"REJECTED": "denied", "IN_REVIEW": "pending", "Genehmigt": "approved",
                   "recibido": "submitted", "B.Sc.": "bachelor", "M.Sc.": "master",
                   "PhD": "doctorate", "BACS": "transfer", "SEPA": "transfer"}


def test_header_words_of_property_banking_and_study_exports():
    assert form("Floor Area").expanded == ("floor", "area")  # an area is no department
    assert form("Superficie (m²)").expanded[0] == "area"
    assert form("Habitaciones").expanded == ("bedrooms",)
    assert form("CPTY_NAME").expanded == ("counterparty", "name")
    assert form("RUNNING_BAL").expanded == ("balance",)
    assert form("Studiengang").expanded == ("programme",)
    assert form("C.P.").expanded == ("zip",)
    assert form("Kwota (PLN)").expanded[0] == "amount"


ORDER_STATUS = Field("status", "Order Status", type="enum", options=(
    Option("draft", "Draft"), Option("confirmed", "Confirmed"), Option("in_progress", "In Progress"),
    Option("on_hold", "On Hold"), Option("completed", "Completed"), Option("canceled", "Canceled"),
))


@pytest.mark.parametrize(("value", "option"), [
    ("Bestätigt", "confirmed"), ("confirmée", "confirmed"), ("onaylandı", "confirmed"),
    ("potwierdzone", "confirmed"), ("Entwurf", "draft"), ("brouillon", "draft"),
    ("en cours", "in_progress"), ("w trakcie", "in_progress"), ("pågår", "in_progress"),
    ("en pausa", "on_hold"), ("pozastaveno", "on_hold"), ("Afgerond", "completed"),
    ("tamamlandı", "completed"), ("befejezve", "completed"), ("storniert", "canceled"),
    ("annulée", "canceled"), ("zrušeno", "canceled"), ("otkazano", "canceled"),
])
def test_lifecycle_words_of_many_languages_name_a_status_option(value, option):
    [mapped] = map_enum_values({value: 1}, ORDER_STATUS)
    assert mapped.option == option, mapped.reason


def test_frequencies_priorities_and_customer_types_in_other_languages():
    frequency = Field("frequency", "Billing Frequency", type="enum", options=(
        Option("monthly", "Monthly"), Option("quarterly", "Quarterly"), Option("annual", "Annual")))
    priority = Field("priority", "Priority", type="enum", options=(
        Option("low", "Low"), Option("medium", "Medium"), Option("high", "High"), Option("critical", "Critical")))
    kind = Field("kind", "Customer Type", type="enum", options=(
        Option("private", "Private"), Option("business", "Business")))
    got = {v.value: v.option for f, vals in ((frequency, ["monatlich", "trimestriel", "jährlich", "kuukausittain"]),
                                             (priority, ["Niedrig", "kritisch", "alta", "közepes"]),
                                             (kind, ["Particulier", "gewerblich", "zakelijk"]))
           for v in map_enum_values(dict.fromkeys(vals, 1), f)}
    assert got == {"monatlich": "monthly", "trimestriel": "quarterly", "jährlich": "annual",
                   "kuukausittain": "monthly", "Niedrig": "low", "kritisch": "critical", "alta": "high",
                   "közepes": "medium", "Particulier": "private", "gewerblich": "business",
                   "zakelijk": "business"}


def test_a_vocabulary_language_without_a_cldr_locale_gives_no_names(monkeypatch):
    from feedline.mapping import codelists

    monkeypatch.setattr(codelists, "LANGUAGES", ("en", "lt", "zz"))
    codelists.vocabulary_locales.cache_clear()
    try:
        assert [str(loc) for loc in codelists.vocabulary_locales()] == ["en", "lt"]
    finally:
        codelists.vocabulary_locales.cache_clear()


@pytest.mark.parametrize(("value", "option"), [
    ("Atšaukta", "canceled"), ("Pabeigts", "completed"), ("Kinnitatud", "confirmed"),
    ("V teku", "in_progress"), ("Esborrany", "draft"), ("Í vinnslu", "in_progress"), ("Dibatalkan", "canceled"),
    ("Ditangguhkan", "on_hold"), ("Ikkonfermat", "confirmed"), ("Críochnaithe", "completed"),
])
def test_status_words_of_the_eleventh_round_languages(value, option):
    [mapped] = map_enum_values({value: 1}, ORDER_STATUS)
    assert mapped.option == option, mapped.reason


@pytest.mark.parametrize(("header", "word"), [
    ("Телефон", "telefon"), ("Κατηγορία", "katigoria"), ("Дата рождения", "data rozhdeniya"),
    ("ОБЪЁМ", "obem"), ("Email адрес", "email adres"), ("Ім'я", "imya"), ("П’ятниця", "pyatnitsya"),
    ("№ п/п", "no p p"), ("O'Brien", "o brien"), ("ТабельныйНомер", "tabelnyi nomer"), ("КВыплате", "k vyplate"),
])
def test_words_of_other_scripts_are_romanized(header, word):
    assert " ".join(form(header).words) == word


def test_romanized_words_reach_cognates_and_tell_headers_apart_in_memory():
    from feedline.mapping.normalize import memory_key

    assert form("Телефон").expanded == ("phone",)  # Telefon, as German and Polish write it
    assert form("µg").words == ("g",)  # a lone Greek mu is the micro of a unit, not a word
    assert memory_key("ТЕЛЕФОН") == memory_key("Телефон") == "telefon"
    # a personnel number and a row counter: two columns, not one remembered header
    assert memory_key("Таб. №") == "tab no" and memory_key("№ п/п") == "no p p"
    assert form("№").expanded == ("id",)  # compatibility letters fold to lower case too
