"""Value shapes that pair unreadable columns with fields: running numbers, yes/no words
of any language, date columns in the order of a process."""

from __future__ import annotations

import polars as pl
import pytest

from feedline.blueprint import Field, SheetSpec
from feedline.blueprint.model import Constraint
from feedline.mapping import automap
from feedline.mapping.dateorder import day_numbers, field_rank
from feedline.mapping.evidence import column_shape, eliminate
from feedline.mapping.scorers import profile_column, running_number

UNIQUE = (Constraint("unique"),)
STAYS = SheetSpec("stays", "Stays", (
    Field("stay_id", "Stay Reference", constraints=UNIQUE),
    Field("arrival", "Arrival Date", type="date"),
    Field("departure", "Departure Date", type="date"),
    Field("smoker", "Smoking Room", type="boolean"),
))


def _shapes(frame: pl.DataFrame) -> list[str | None]:
    return [column_shape(profile_column(frame.get_column(h)), h) for h in frame.columns]


def test_a_running_number_is_told_from_other_unique_values():
    assert running_number(pl.Series(["KG0001003", "KG0001001", "KG0001002", "KG0001000", "KG0001004"]))
    assert running_number(pl.Series(["1010", "1011", "1013", "1012", "1014", "1016"]))
    assert not running_number(pl.Series(["URR 009", "JEZ 646", "AVJ 470", "ABC 111", "XYZ 222"]))
    assert not running_number(pl.Series(["A1", "B2", "C3", "D4", "E5"]))  # no shared prefix
    assert not running_number(pl.Series(["X7", "X91", "X240", "X4410", "X5"]))  # far apart
    assert not running_number(pl.Series(["X1", "X2", "X2", "X3", "X4"]))  # a value twice


def test_a_running_number_outranks_a_unique_plate_for_the_identifier_field():
    frame = pl.DataFrame({
        "Kvq Nr": ["AB 101", "CD 202", "EF 303", "GH 404", "IJ 505", "KL 606"],
        "Zzt": ["R-0051", "R-0053", "R-0052", "R-0054", "R-0055", "R-0056"],
    })
    profiles = [profile_column(frame.get_column(h)) for h in frame.columns]
    assert _shapes(frame) == ["identifier", "sequence"]
    found = eliminate(frame.columns, profiles, [None, None], STAYS, [{}, {}])
    assert {frame.columns[i]: c.field for i, c in found.items()} == {"Zzt": "stay_id"}


def test_a_row_counter_fills_no_identifier_field_by_its_shape():
    frame = pl.DataFrame({
        "Р. бр.": [str(i) for i in range(1, 8)],  # numbers the rows of this file
        "Zzt": ["R-0051", "R-0053", "R-0052", "R-0054", "R-0055", "R-0056", "R-0057"],
    })
    assert _shapes(frame) == ["counter", "sequence"]
    found = eliminate(frame.columns, [profile_column(frame.get_column(h)) for h in frame.columns],
                      [None, None], STAYS, [{}, {}])
    assert {frame.columns[i]: c.field for i, c in found.items()} == {"Zzt": "stay_id"}
    alone = frame.select("Р. бр.")
    assert automap(alone, STAYS).mapping() == {}  # left unmapped
    # the same numbers out of row order, or from another start, are a running number
    assert _shapes(pl.DataFrame({"X": ["2", "1", "3", "4", "5", "6"]})) == ["sequence"]
    assert _shapes(pl.DataFrame({"X": [str(i) for i in range(101, 107)]})) == ["sequence"]


def test_two_unknown_words_for_yes_and_no_fill_the_only_boolean_field():
    # invented words: the Swahili yes and no (Ndiyo, Hapana) are vocabulary now
    frame = pl.DataFrame({"Rukoma": ["Trisko", "Wambel", "Wambel", "Trisko", "Wambel"] * 3})
    assert _shapes(frame) == ["binary"]
    plan = automap(frame, STAYS)
    assert plan.mapping() == {"Rukoma": "smoker"}
    assert plan.fields[0].reason_code == "eliminated"
    assert not plan.auto_accept  # no name supports it: a person confirms once


@pytest.mark.parametrize("values", [
    ["EUR", "USD", "EUR", "EUR", "USD"] * 3,  # codes, not yes and no
    ["Ja", "Nee", "Misschien", "Ja", "Nee"] * 3,  # three words
    ["Trisko", "Wambel", "Trisko", "Trisko", "Trisko"],  # too few to tell
    ["A1", "B2", "A1", "B2", "A1"] * 3,  # not words
])
def test_other_two_valued_columns_are_no_yes_no(values):
    frame = pl.DataFrame({"Rukoma": values})
    assert _shapes(frame) != ["binary"]


@pytest.mark.parametrize(("label", "rank"), [
    ("Arrival Date", -1), ("Departure Date", 1), ("Next Service Date", 1), ("Service Date", 0),
    ("Order Date", -1), ("Expected Delivery Date", 1), ("Opened", -1), ("Resolved", 1),
    ("Start", -1), ("End", 1), ("Valued", 0),
])
def test_date_fields_are_placed_in_a_process_by_their_words(label, rank):
    assert field_rank(Field("x", label, type="date")) == rank


def test_numeric_dates_become_sortable_in_the_order_the_column_writes_them():
    dmy = day_numbers(pl.Series(["13.03.2026", "02.04.2026", "28.12.2025", "05.01.2026", "30.03.2026"]))
    mdy = day_numbers(pl.Series(["03/13/2026", "04/02/2026", "12/28/2025", "01/05/2026", "03/30/2026"]))
    ymd = day_numbers(pl.Series(["2026-03-13", "2026-04-02", "2025-12-28", "2026-01-05", "2026-03-30"]))
    assert dmy is not None and mdy is not None and ymd is not None
    assert dmy.to_list() == mdy.to_list() == ymd.to_list()
    assert sorted(dmy.to_list()) == [ymd[2], ymd[3], ymd[0], ymd[4], ymd[1]]
    # neither day nor month above 12: the column does not say which comes first
    assert day_numbers(pl.Series(["01.02.2026", "03.04.2026", "05.06.2026", "07.08.2026", "09.10.2026"])) is None


def _stays(later_first: bool, ordered: bool = True) -> pl.DataFrame:
    ins = ["02.02.2025", "14.06.2025", "30.01.2026", "11.11.2025", "20.05.2025", "03.03.2026"]
    outs = ["05.02.2025", "16.06.2025", "02.02.2026", "13.11.2025", "27.05.2025", "04.03.2026"]
    if not ordered:
        outs = outs[3:] + outs[:3]
    cols = {"Xjw": outs, "Zkq": ins} if later_first else {"Zkq": ins, "Xjw": outs}
    return pl.DataFrame(cols)


@pytest.mark.parametrize("later_first", [False, True])
def test_two_date_columns_in_time_order_fill_the_fields_that_name_that_order(later_first):
    frame = _stays(later_first)
    plan = automap(frame, STAYS)
    assert plan.mapping() == {"Zkq": "arrival", "Xjw": "departure"}
    assert {m.reason_code for m in plan.fields} == {"eliminated"}
    assert not plan.auto_accept


def test_date_columns_whose_rows_disagree_are_left_to_a_person():
    plan = automap(_stays(False, ordered=False), STAYS)
    assert plan.mapping() == {}


def test_date_fields_whose_words_name_no_order_are_left_to_a_person():
    frame = _stays(False)
    sheet = SheetSpec("s", "S", (Field("a", "Weighed", type="date"), Field("b", "Valued", type="date")))
    assert automap(frame, sheet).mapping() == {}
    sheet = SheetSpec("s", "S", (Field("a", "Booked", type="date"), Field("b", "Weighed", type="date"),
                                 Field("c", "Valued", type="date")))
    three = frame.with_columns(pl.Series("Qqz", [f"1{d}.0{d}.2026" for d in range(1, 7)]))
    assert automap(three, sheet).mapping() == {}


WORKSHOP = SheetSpec("jobs", "Jobs", (
    Field("odometer", "Odometer", type="integer"),
    Field("parts", "Parts Cost", type="number"),
    Field("total", "Total Cost", type="number"),
))


def test_the_pair_every_way_of_pairing_shares_is_forced_and_the_rest_waits():
    frame = pl.DataFrame({
        "Qzv": ["120500", "88000", "230114", "15020", "99000"],
        "Kxw": ["12,50", "7,25", "100,00", "3,99", "45,10"],
        "Pjh": ["112,50", "70,25", "1000,00", "30,99", "450,10"],
    })
    plan = automap(frame, WORKSHOP)
    assert plan.mapping() == {"Qzv": "odometer"}
    assert "in every way" in plan.fields[0].reason


def test_a_cognate_pins_its_pair_and_the_shapes_pair_the_rest():
    sheet = SheetSpec("stays", "Stays", (Field("nights", "Nights", type="integer"),
                                         Field("adults", "Adults", type="integer")))
    frame = pl.DataFrame({"Netter": ["1", "3", "2", "7", "4"], "Zqxv": ["2", "1", "2", "3", "2"]})
    assert automap(frame, sheet).mapping() == {"Netter": "nights", "Zqxv": "adults"}


@pytest.mark.parametrize("values", [
    ["2026.03.14.", "2025.11.02.", "2026.01.30.", "2025.07.19."],
    ["14. 3. 2026", "2. 11. 2025", "30. 1. 2026", "19. 7. 2025"],
])
def test_dates_with_a_final_dot_or_spaces_after_the_dots_are_dates(values):
    assert profile_column(pl.Series(values)).date == 1.0
    assert profile_column(pl.Series(["12. 50", "1. 2", "3.4.5.6"])).date == 0.0


def test_a_running_number_of_seven_digits_is_no_phone_number():
    frame = pl.DataFrame({"Zqxnr": [str(2000000 + i) for i in (3, 1, 0, 2, 5, 4)]})
    assert _shapes(frame) == ["sequence"]
    assert automap(frame, STAYS).mapping() == {"Zqxnr": "stay_id"}


from feedline.blueprint import Option  # noqa: E402

FUEL = Field("fuel", "Fuel Type", type="enum", options=(
    Option("petrol", "Petrol"), Option("diesel", "Diesel"), Option("electric", "Electric"),
    Option("hybrid", "Hybrid"), Option("lpg", "LPG")))
CAR = SheetSpec("cars", "Cars", (Field("plate", "Plate"), FUEL))


def test_values_that_name_some_options_suggest_the_enum_field_for_a_person_to_confirm():
    frame = pl.DataFrame({"Qwzx": ["Hybrid", "LPG", "Kerosini", "Dyzelinas", "Hybrid", "Kerosini"] * 3})
    gearbox = Field("gearbox", "Gearbox", type="enum", options=(Option("manual", "Manual"), Option("auto", "Automatic"),
                                                                Option("cvt", "CVT")))
    plan = automap(frame, SheetSpec("cars", "Cars", (*CAR.fields, gearbox)))
    m = plan.fields[0]
    assert (m.destination, m.group) == ("fuel", "values-enum-partial")
    assert m.certainty != "absolute" and not plan.auto_accept
    assert {v.value: v.option for v in plan.enums["fuel"]}["LPG"] == "lpg"
    # the only enum column and the only free enum field: elimination, the values its hint
    alone = automap(frame, CAR)
    m = alone.fields[0]
    assert (m.destination, m.group) == ("fuel", "eliminated") and "in part" in m.reason
    assert m.certainty != "absolute" and not alone.auto_accept


def test_one_value_an_option_names_suggests_nothing():
    frame = pl.DataFrame({"Qwzx": ["Hybrid", "Kerosini", "Mafuta", "Dujos", "Hybrid"] * 3,
                          "Zxvq": ["Siaur", "Piet", "Ryt", "Siaur", "Piet"] * 3})
    assert automap(frame, CAR).mapping() == {}  # and two such columns: elimination waits too


STAY_BOARD = SheetSpec("stays", "Stays", (
    Field("guest", "Guest"),
    Field("board", "Board", type="enum", options=(
        Option("room_only", "Room Only"), Option("bb", "Bed & Breakfast"), Option("half", "Half Board"))),
    Field("country", "Country", type="enum", options=(Option("NO", "Norway"), Option("SE", "Sweden"))),
))


def test_the_only_column_of_a_few_repeated_words_fills_the_only_free_enum_field():
    frame = pl.DataFrame({"Vxq": [f"Vxq {i}" for i in range(12)],
                          "Kost": ["Vrosk tam", "Plimbo", "Treskal", "Plimbo"] * 3})  # no language's words
    plan = automap(frame, SheetSpec("s", "S", STAY_BOARD.fields[:2]))
    assert plan.mapping() == {"Kost": "board"}
    assert plan.fields[1].reason_code == "eliminated" and not plan.auto_accept


def test_repeated_words_do_not_fill_a_country_list_or_a_field_with_fewer_options():
    words = pl.DataFrame({"Kost": ["Vrosk tam", "Plimbo", "Treskal", "Plimbo"] * 3})
    assert automap(words, SheetSpec("s", "S", (STAY_BOARD.fields[2],))).mapping() == {}
    many = pl.DataFrame({"Kost": ["Aa", "Bb", "Cc", "Dd", "Ee", "Ff"] * 3})
    assert automap(many, SheetSpec("s", "S", STAY_BOARD.fields[:2])).mapping() == {}


def test_capital_codes_no_option_reads_do_not_fill_the_only_free_enum_field():
    mode = Field("transport_mode", "Mode of Transport", type="enum", options=tuple(
        Option(o, o.title()) for o in ("sea", "rail", "road", "air")))
    sheet = SheetSpec("s", "S", (Field("ref", "Reference"), mode))
    provinces = pl.DataFrame({"Reference": [f"R{i}" for i in range(12)], "Prov.": ["VR", "MI", "TO", "MI"] * 3})
    assert automap(provinces, sheet).mapping() == {"Reference": "ref"}  # another list's codes
    coded = pl.DataFrame({"Reference": [f"R{i}" for i in range(12)], "Prov.": ["SF", "RF", "RD", "RF"] * 3})
    assert automap(coded, sheet).mapping()["Prov."] == "transport_mode"  # read in part: its own scheme


def test_capital_codes_of_which_one_is_guessed_are_another_lists_codes_too():
    mode = Field("transport_mode", "Mode of Transport", type="enum", options=tuple(
        Option(o, o.title()) for o in ("sea", "rail", "road", "air")))
    sheet = SheetSpec("s", "S", (Field("ref", "Reference"), mode))
    provinces = pl.DataFrame({"Reference": [f"R{i}" for i in range(15)],
                              "Prov.": ["VR", "MI", "BO", "PD", "TO"] * 3})  # PD: initials of a word for rail
    assert automap(provinces, sheet).mapping() == {"Reference": "ref"}


def test_company_names_with_their_legal_form_are_no_enum_column_but_fill_the_only_company_field():
    names = pl.DataFrame({"Uvoznik": ["Podravka d.d.", "Kraš d.d.", "Atlantic Grupa d.d.", "Pevec d.o.o."] * 3})
    assert profile_column(names["Uvoznik"]).organization == 1.0
    assert column_shape(profile_column(names["Uvoznik"]), "Uvoznik", None, categorical=True) == "organization"
    procedure = Field("procedure", "Customs Procedure", type="enum", options=(
        Option("release", "Release for Free Circulation"), Option("transit", "Transit"), Option("export", "Export")))
    assert automap(names, SheetSpec("s", "S", (procedure,))).mapping() == {}
    plan = automap(names, SheetSpec("s", "S", (procedure, Field("importer", "Importer"),
                                               Field("importer_id", "Importer ID"))))
    assert plan.mapping() == {"Uvoznik": "importer"} and plan.fields[0].reason_code == "eliminated"
    two = pl.DataFrame({"Uvoznik": names["Uvoznik"], "Izvoznik": ["Bosch GmbH", "Tesco plc", "Inditex S.A.", "Ikea AB"] * 3})
    exporter = Field("exporter", "Exporter")
    assert automap(two, SheetSpec("s", "S", (Field("importer", "Importer"), exporter))).mapping() == {}  # two ways
    firms = pl.Series(["Volvo AB", "Siemens AG", "Acme Ltd.", "Foo GmbH", "Bar Sp. z o.o."])
    assert profile_column(firms).organization == 1.0
    words = pl.Series(["Full time", "Part time", "Contract pt", "As is", "Sea freight"])
    assert profile_column(words).organization == 0.0  # a lower-case "pt" or "as" is no legal form


def test_a_running_number_fills_the_required_id_of_the_sheets_own_records():
    sheet = SheetSpec("shipments", "Shipments", (
        Field("shipment_id", "Shipment ID", constraints=(Constraint("required"),)),
        Field("order_ref", "Order Reference"),
    ))
    frame = pl.DataFrame({"Zqkx": [f"S{1000 + i}" for i in (2, 0, 1, 4, 3, 5)]})
    assert automap(frame, sheet).mapping() == {"Zqkx": "shipment_id"}
    other = SheetSpec("shipments", "Shipments", (Field("order_ref", "Order ID", constraints=(Constraint("required"),)),))
    assert automap(frame, other).mapping() == {}  # another entity's id is no own record id


def test_a_sim_cards_iccid_of_nineteen_digits_is_no_phone_number():
    iccid = pl.Series([f"89441100123456789{i:02d}" for i in range(12)])
    assert profile_column(iccid).phone == 0.0
    assert profile_column(pl.Series(["+44 7700 900123", "+420 601 123 456", "0049 30 1234567"])).phone == 1.0
