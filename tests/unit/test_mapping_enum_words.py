"""Enum values read from some of their words: one run of words that names an option while
the others name none (``Juridische dienst``), and vocabulary words in another inflection
(Bulgarian ``Здравна``). Both are guesses: a person confirms them, and a column with more
guessed and unread values than the gate allows waits."""

from __future__ import annotations

import polars as pl

from feedline.blueprint import Field, Option, SheetSpec
from feedline.mapping import automap, gate, map_enum_values
from feedline.mapping.plan import ENUM_GUESS, guessed, review_items
from tests.unit.vocabulary_fields import enum_field

DEPARTMENT = Field(
    "department",
    "Department",
    type="enum",
    options=(
        Option("legal", "Legal"),
        Option("it", "IT"),
        Option("finance", "Finance"),
        Option("sales", "Sales"),
    ),
)
LINE = Field(
    "line",
    "Line of Business",
    type="enum",
    options=(
        Option("health", "Health"),
        Option("life", "Life"),
        Option("travel", "Travel"),
        Option("motor", "Motor"),
    ),
)
EMPLOYMENT = Field(
    "employment_type",
    "Employment Type",
    type="enum",
    options=(Option("full_time", "Full time"), Option("part_time", "Part time")),
)
GRADE = Field(
    "grade",
    "Grade",
    type="enum",
    options=(Option("A", "Excellent"), Option("C", "Good"), Option("F", "Fail")),
)


def _read(values: list[str], field: Field) -> dict[str, tuple[str | None, float, str]]:
    return {v.value: (v.option, v.confidence, v.reason)
            for v in map_enum_values(dict.fromkeys(values, 3), field)}


def test_a_word_of_a_longer_value_names_its_option_as_a_guess() -> None:
    got = _read(["Juridische dienst", "Vente directe", "Phòng CNTT"], DEPARTMENT)
    assert {v: o for v, (o, _, _) in got.items()} == {
        "Juridische dienst": "legal", "Vente directe": "sales", "Phòng CNTT": "it"}
    assert all(c < ENUM_GUESS for _, c, _ in got.values())
    assert '"juridische"' in got["Juridische dienst"][2]


def test_a_value_whose_words_name_two_options_names_none() -> None:
    assert _read(["Good (Fail)"], GRADE)["Good (Fail)"][0] is None
    assert _read(["Juridische vente"], DEPARTMENT)["Juridische vente"][0] is None


def test_vocabulary_words_in_another_inflection_name_their_option() -> None:
    got = _read(["Здравна", "Помощ при пътуване", "Живот"], LINE)
    assert {v: o for v, (o, _, _) in got.items()} == {
        "Здравна": "health", "Помощ при пътуване": "travel", "Живот": "life"}
    assert all(c < ENUM_GUESS for _, c, _ in got.values())
    assert got["Здравна"][2].startswith('"здравна" is a form')


def test_a_short_code_left_unread_beside_a_known_word_keeps_the_value_unread() -> None:
    # ``PT`` may turn "permanent" into part time: no guess while it is unread.
    assert _read(["Permanent PT"], EMPLOYMENT)["Permanent PT"][0] is None


SHEET = SheetSpec("staff", "Staff", (Field("name", "Name"), DEPARTMENT))


def _plan(rows: dict[str, int]):  # type: ignore[no-untyped-def]
    values = [v for v, n in rows.items() for _ in range(n)]
    frame = pl.DataFrame({"Name": [f"P{i}" for i in range(len(values))], "Department": values})
    return automap(frame, SHEET)


def test_guessed_and_unread_values_together_past_the_limit_hold_the_plan() -> None:
    # 4% guessed and 4% unread: each alone is within the 5% limit, together they are not.
    plan = _plan({"Legal": 46, "Finance": 46, "Juridische dienst": 4, "Zzyzx": 4})
    assert plan.enum_map()["department"]["Juridische dienst"] == "legal"
    assert guessed(next(v for v in plan.enums["department"] if v.value == "Juridische dienst"))
    ok, reasons = gate(plan, SHEET, "confident")
    assert not ok
    assert any('of "department" values are guessed' in r and '"Juridische dienst" -> "legal"' in r
               for r in reasons)
    assert any(item.get("guessed") == ["Juridische dienst"] for item in review_items(plan, SHEET, "confident"))


def test_a_few_guessed_values_alone_let_the_plan_run() -> None:
    plan = _plan({"Legal": 48, "Finance": 48, "Juridische dienst": 4})
    assert gate(plan, SHEET, "confident") == (True, [])


COUNTRY = Field(
    "country",
    "Country",
    type="enum",
    options=(
        Option("US", "United States"),
        Option("CN", "China"),
        Option("AE", "United Arab Emirates"),
        Option("CD", "Congo (DRC)"),
    ),
)


def test_a_country_written_as_the_initials_of_one_of_its_names_is_a_guess() -> None:
    got = _read(["PRC", "U.A.E.", "DRC", "SAD"], COUNTRY)  # SAD: Sjedinjene Američke Države
    assert {v: o for v, (o, _, _) in got.items()} == {"PRC": "CN", "U.A.E.": "AE", "DRC": "CD", "SAD": "US"}
    assert all(c < ENUM_GUESS for _, c, _ in got.values())


def test_initials_of_no_option_or_not_in_capitals_stay_unread() -> None:
    # AIR is the initials of a name of Afghanistan, no option; ROK those of the Republic of
    # Korea and of Kenya; Prc is not written in capitals.
    got = _read(["AIR", "Prc", "ROK"], COUNTRY)
    assert {v: o for v, (o, _, _) in got.items()} == {"AIR": None, "Prc": None, "ROK": None}


CHANNEL = Field(
    "channel",
    "Channel",
    type="enum",
    options=(Option("card", "Card"), Option("cash", "Cash"), Option("transfer", "Bank Transfer"),
             Option("social", "Social Media"), Option("ota", "OTA"), Option("direct", "Direct")),
)


def test_a_scheme_or_site_that_is_a_kind_by_itself_names_the_kind() -> None:
    got = _read(["POS", "ATM", "FPS", "LinkedIn", "Booking.com", "Expedia"], CHANNEL)
    assert {v: o for v, (o, _, _) in got.items()} == {
        "POS": "card", "ATM": "cash", "FPS": "transfer", "LinkedIn": "social", "Booking.com": "ota",
        "Expedia": "ota"}


TICKET = Field(
    "status",
    "Status",
    type="enum",
    options=(Option("pending", "Pending"), Option("on_hold", "On hold"), Option("closed", "Closed")),
)


def test_an_option_named_by_a_meaning_keeps_it_from_an_option_that_is_only_a_way_to_write_it() -> None:
    # The vocabulary writes "on hold" as a way of "pending": "awaiting" (pending) still names
    # the option called Pending, not both.
    got = _read(["Awaiting", "On hold"], TICKET)
    assert {v: o for v, (o, _, _) in got.items()} == {"Awaiting": "pending", "On hold": "on_hold"}


STUDY = Field(
    "study_mode",
    "Study Mode",
    type="enum",
    options=(Option("full_time", "Full time"), Option("part_time", "Part time"),
             Option("distance", "Distance learning")),
)


def test_codes_that_are_initials_of_another_languages_words_are_guesses_of_a_code_scheme() -> None:
    # Romanian: ID, învățământ la distanță; FR, cu frecvență redusă (part time); IF is the one left.
    got = _read(["IF", "ID", "FR"], STUDY)
    assert {v: o for v, (o, _, _) in got.items()} == {"IF": "full_time", "ID": "distance", "FR": "part_time"}
    assert all(c < ENUM_GUESS for _, c, _ in got.values())


def test_initials_of_an_option_another_value_names_surely_stay_unread() -> None:
    # Distance learning is written out: ID is no second way to write it in a code scheme.
    got = _read(["Distance learning", "ID"], STUDY)
    assert got["Distance learning"][0] == "distance" and got["ID"][0] is None


HR_STATUS = Field(
    "status",
    "Employment Status",
    type="enum",
    options=(Option("active", "Active"), Option("on_leave", "On leave"), Option("terminated", "Terminated")),
)


def test_a_specific_leave_or_leaving_reads_as_the_general_status_the_field_has() -> None:
    got = _read(["Arrêt maladie", "Elternzeit", "Resigned", "Congé sans solde"], HR_STATUS)
    assert {v: o for v, (o, _, _) in got.items()} == {
        "Arrêt maladie": "on_leave", "Elternzeit": "on_leave", "Resigned": "terminated",
        "Congé sans solde": "on_leave"}
    assert "a kind of" in got["Arrêt maladie"][2]


def test_beside_its_own_option_a_specific_status_keeps_it() -> None:
    field = Field("status", "Status", type="enum", options=(*HR_STATUS.options, Option("resigned", "Resigned")))
    got = _read(["Resigned", "Quit", "Fired"], field)
    assert {v: o for v, (o, _, _) in got.items()} == {"Resigned": "resigned", "Quit": "resigned", "Fired": "terminated"}


def test_a_symbol_several_currencies_write_names_the_one_the_field_offers() -> None:
    rupee = Field("currency", "Currency", type="enum", options=(
        Option("INR", "Indian Rupee"), Option("USD", "US Dollar"), Option("EUR", "Euro")))
    assert {v: o for v, (o, _, _) in _read(["Rs", "Rs.", "€"], rupee).items()} == {
        "Rs": "INR", "Rs.": "INR", "€": "EUR"}
    both = Field("currency", "Currency", type="enum", options=(
        Option("INR", "Indian Rupee"), Option("PKR", "Pakistani Rupee")))
    assert _read(["Rs"], both)["Rs"][0] is None  # Indian or Pakistani: a person says which
    crowns = Field("currency", "Currency", type="enum", options=(
        Option("SEK", "Swedish Krona"), Option("NOK", "Norwegian Krone"), Option("EUR", "Euro")))
    assert _read(["kr"], crowns)["kr"][0] is None


VET_SEX = Field(
    "sex",
    "Sex",
    type="enum",
    options=(Option("male", "Male"), Option("female", "Female"), Option("male_neutered", "Male Neutered"),
             Option("female_spayed", "Female Spayed")),
)


def test_words_left_unread_beside_an_option_that_narrows_the_one_named_guess_the_narrower() -> None:
    # Albanian "i kastruar" (neutered) and Tagalog "(kapon)" are what Male Neutered adds to
    # Male: the one narrower option is guessed, never the broad one run alone.
    got = _read(["Mashkull i kastruar", "Femër e sterilizuar", "Mashkull", "Lalaki (kapon)"], VET_SEX)
    assert {v: o for v, (o, _, _) in got.items()} == {
        "Mashkull i kastruar": "male_neutered", "Femër e sterilizuar": "female_spayed", "Mashkull": "male",
        "Lalaki (kapon)": "male_neutered"}
    assert all(c < ENUM_GUESS for v, (_, c, _) in got.items() if v != "Mashkull")


def test_two_narrower_options_leave_the_value_unread() -> None:
    room = Field("room_type", "Room Type", type="enum", options=(
        Option("double", "Double"), Option("double_sea", "Double Sea View"),
        Option("double_garden", "Double Garden View")))
    assert _read(["Double (renovated)"], room)["Double (renovated)"][0] is None


def test_a_number_in_brackets_narrows_nothing() -> None:
    # "Good" is narrowed by "Very Good", but a score range is no word of it.
    grade = Field("grade", "Grade", type="enum", options=(
        Option("B", "Very Good"), Option("C", "Good"), Option("F", "Fail")))
    assert _read(["C (71-80)"], grade)["C (71-80)"][:2] == ("C", 0.85)


def test_a_value_that_qualifies_another_value_of_the_column_names_its_option() -> None:
    # "tbl" was decided Tablet by a person; "tbl flm" (film-coated) is that code qualified,
    # not the one option no value named yet.
    form = Field("dosage_form", "Dosage Form", type="enum", options=tuple(
        Option(o, o.title()) for o in ("tablet", "capsule", "syrup", "injection", "cream", "drops")))
    remembered = {k: (o, "person") for k, o in [("tbl", "tablet"), ("cps", "capsule"), ("sir", "syrup"),
                                                 ("crm", "cream"), ("gtt", "drops")]}
    got = {v.value: (v.option, v.confidence) for v in map_enum_values(
        {"tbl": 9, "cps": 4, "sir": 3, "crm": 3, "gtt": 2, "tbl flm": 3}, form, remembered=remembered)}
    assert got["tbl flm"] == ("tablet", 0.85)
    got = {v.value: v.option for v in map_enum_values(
        {"tbl": 9, "cps": 4, "tbl inj": 3}, form, remembered=remembered)}
    assert got["tbl inj"] is None  # its other word names another option


def test_a_stop_word_is_skipped_only_between_two_words() -> None:
    # Turkish "Tek Kişilik" (single room): "tek" is a stop word of another language, and
    # "kişilik" alone is a word of double; read whole, it is the single room it says.
    room = Field("room_type", "Room Type", type="enum", options=(
        Option("single", "Single"), Option("double", "Double"), Option("twin", "Twin")))
    assert _read(["Tek Kişilik"], room)["Tek Kişilik"][0] == "single"


def test_a_code_that_cuts_short_an_english_word_for_an_option() -> None:
    # Species codes cut the Latin-rooted English words short: canine, feline, equine, avian.
    species = Field("species", "Species", type="enum", options=tuple(
        Option(o, o.title()) for o in ("dog", "cat", "horse", "bird", "rabbit")))
    got = {v: o for v, (o, _, _) in _read(["CAN", "FEL", "EQU", "AVI"], species).items()}
    assert got == {"CAN": "dog", "FEL": "cat", "EQU": "horse", "AVI": "bird"}


def test_customs_transport_mode_codes_are_guessed_by_their_first_digit() -> None:
    # UN/ECE Recommendation 19: 1 sea, 2 rail, 3 road, 4 air (10, 20, 30, 40 in declarations).
    mode = Field("transport_mode", "Mode of Transport", type="enum", options=tuple(
        Option(o, o.title()) for o in ("sea", "rail", "road", "air")))
    got = _read(["10", "20", "30", "40", "11", "60"], mode)
    assert {v: o for v, (o, _, _) in got.items()} == {
        "10": "sea", "20": "rail", "30": "road", "40": "air", "11": "sea", "60": None}
    assert all(c < ENUM_GUESS for v, (_, c, _) in got.items() if v != "60")  # a partner may number its own way
    grade = Field("grade", "Grade", type="enum", options=(Option("good", "Good"), Option("poor", "Poor")))
    assert _read(["10"], grade)["10"][0] is None  # no modes of transport: no code list


def test_a_code_that_writes_the_initials_of_another_value_of_the_column_names_its_option():
    payer = enum_field("payer", "cash", "insurance", "government")
    got = {m.value: (m.option, m.confidence) for m in map_enum_values(
        {"HI": 3, "health insurance": 3, "Cash": 2}, payer)}
    assert got["HI"] == ("insurance", 0.85)
    alone = {m.value: m.option for m in map_enum_values({"HI": 3, "Cash": 2}, payer)}
    assert alone["HI"] is None  # without the written-out value the letters say nothing


def test_codes_that_all_end_with_one_number_are_read_without_it_as_a_guess():
    frequency = enum_field("pay_frequency", "weekly", "biweekly", "monthly")
    got = {m.value: (m.option, m.confidence) for m in map_enum_values({"M1": 3, "B1": 3, "W1": 2}, frequency)}
    assert got == {"M1": ("monthly", 0.75), "B1": ("biweekly", 0.75), "W1": ("weekly", 0.75)}
    mixed = {m.value: m.option for m in map_enum_values({"M1": 3, "B2": 3, "W1": 2}, frequency)}
    assert set(mixed.values()) == {None}  # numbers that differ are part of the code


def test_package_type_codes_of_the_un_ece_list_name_their_type():
    package = enum_field("package_type", "pallet", "carton", "crate", "envelope")
    got = {m.value: m.option for m in map_enum_values({"PX": 3, "CT": 2, "EN": 1}, package)}
    assert got == {"PX": "pallet", "CT": "carton", "EN": "envelope"}
    mode = enum_field("transport_mode", "road", "rail", "sea", "air")
    assert [m.option for m in map_enum_values({"PX": 3}, mode)] == [None]  # not a field of package types


def test_acriss_car_codes_name_the_body_type_or_the_category():
    car_class = enum_field("car_class", "mini", "economy", "compact", "intermediate", "standard", "suv", "van")
    got = {m.value: m.option for m in map_enum_values({"IFAR": 3, "ECAR": 3, "CDMR": 2, "PVMR": 1}, car_class)}
    assert got == {"IFAR": "suv", "ECAR": "economy", "CDMR": "compact", "PVMR": "van"}
    status = enum_field("status", "draft", "confirmed", "completed")
    assert [m.option for m in map_enum_values({"ECAR": 2}, status)] == [None]  # no field of car classes


def test_a_value_whose_words_read_one_by_one_write_an_option_label_names_it():
    line = enum_field("line_status", "active", "suspended", "cancelled")
    line = Field(line.key, line.label, type="enum",
                 options=(*line.options, Option("pending", "Pending Activation")))
    mapped = {m.value: m for m in map_enum_values({"Awaiting Activation": 1, "Activation awaiting": 1}, line)}
    assert mapped["Awaiting Activation"].option == "pending"
    assert mapped["Awaiting Activation"].confidence >= ENUM_GUESS
    assert "word by word" in mapped["Awaiting Activation"].reason
    assert mapped["Activation awaiting"].option == "pending"


def test_words_read_one_by_one_must_write_every_word_of_the_label():
    leave = Field("approval", "Approval", type="enum",
                  options=(Option("pending_approval", "Pending Approval"), Option("approved", "Approved")))
    mapped = {m.value: m for m in map_enum_values({"Waiting Approval": 1, "Awaiting Signature": 1}, leave)}
    assert mapped["Waiting Approval"].option == "pending_approval"
    assert "word by word" not in mapped["Awaiting Signature"].reason


def test_a_value_the_vocabulary_reads_whole_is_not_read_from_one_of_its_words():
    contract = enum_field("contract_type", "permanent", "fixed_term", "apprenticeship")
    # ``Temps plein`` is full time, no option of a contract field, though ``temps`` alone
    # would read as a temporary contract
    mapped = {m.value: m for m in map_enum_values({"Temps plein": 1, "Temps partiel": 1}, contract)}
    assert mapped["Temps plein"].option is None
    assert mapped["Temps partiel"].option is None


def test_two_enum_fields_one_name_reads_alike_are_told_apart_by_their_values():
    employment = enum_field("employment_type", "full_time", "part_time", "casual")
    contract = enum_field("contract_type", "permanent", "fixed_term", "apprenticeship")
    sheet = SheetSpec("employees", "Employees", fields=(Field("employee_id", "Employee ID"), employment, contract))
    frame = pl.DataFrame({"Matricule": [f"E{i}" for i in range(40)],
                          "Temps de travail": ["Temps plein", "Temps partiel"] * 20,
                          "Nature du contrat": ["CDI", "CDD", "Apprentissage", "CDI"] * 10})
    plan = automap(frame, sheet)
    by_source = {m.source: m for m in plan.fields}
    assert by_source["Temps de travail"].destination == "employment_type"
    assert by_source["Nature du contrat"].destination == "contract_type"
    assert not any("ambiguous" in m.reason for m in plan.fields)
    assert gate(plan, sheet, "confident") == (True, [])


def test_a_value_that_writes_out_a_code_decided_before_takes_its_option():
    customer = enum_field("customer_type", "residential", "business", "government")
    remembered = {"pf": ("residential", "person"), "pj": ("business", "person")}
    mapped = {m.value: m for m in map_enum_values({"Pessoa Física": 3, "Pessoa Jurídica": 2}, customer,
                                                  remembered=remembered)}
    assert mapped["Pessoa Física"].option == "residential"
    assert mapped["Pessoa Jurídica"].option == "business"
    assert not guessed(mapped["Pessoa Física"])
    # what the vocabulary reads goes first: Fixed Term is no full time after FT was decided
    contract = enum_field("contract", "full_time", "fixed_term")
    [fixed] = map_enum_values({"Fixed Term": 1}, contract, remembered={"ft": ("full_time", "person")})
    assert fixed.option == "fixed_term"


def test_words_for_a_vacation_name_vacation_beside_on_leave_and_on_leave_alone():
    absence = enum_field("absence", "on_leave", "vacation", "sick_leave", "worked")
    mapped = {m.value: m.option for m in map_enum_values({"Urlaub": 1, "Vakantie": 1, "Annual leave": 1,
                                                           "Congés payés": 1, "Elternzeit": 1}, absence)}
    assert mapped == {"Urlaub": "vacation", "Vakantie": "vacation", "Annual leave": "vacation",
                      "Congés payés": "vacation", "Elternzeit": "on_leave"}
    status = enum_field("employee_status", "active", "on_leave", "terminated")
    for m in map_enum_values({"Urlaub": 1, "Vacaciones": 1}, status):
        assert m.option == "on_leave" and not guessed(m), m.reason
