"""Partners writing in other scripts: a Cyrillic export read by feedline's extractor and
mapped by its words, its cognates and the vocabulary written in that script."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from feedline.blueprint import Field, Option, SheetSpec
from feedline.blueprint.model import Constraint
from feedline.extract import extract
from feedline.mapping import automap

CONTACTS = SheetSpec("contacts", "Contacts", (
    Field("first_name", "First Name", constraints=(Constraint("required"),)),
    Field("last_name", "Last Name", constraints=(Constraint("required"),)),
    Field("email", "Email", type="email"),
    Field("phone", "Phone", type="phone"),
    Field("status", "Status", type="enum", options=(
        Option("active", "Active"), Option("inactive", "Inactive"), Option("blocked", "Blocked"))),
    Field("country", "Country", type="enum", options=(
        Option("DE", "Germany"), Option("RU", "Russia"), Option("FR", "France"))),
    Field("signup_date", "Signup Date", type="date"),
))

ROWS = [
    ("Иван", "Петров", "ivan@example.ru", "+7 495 123-45-67", "Активный", "Россия", "01.02.2024"),
    ("Мария", "Иванова", "maria@example.ru", "+7 495 765-43-21", "Неактивный", "Германия", "15.03.2024"),
    ("Олег", "Сидоров", "oleg@example.ru", "+7 812 111-22-33", "Активный", "Франция", "20.04.2024"),
    ("Анна", "Смирнова", "anna@example.ru", "+7 812 444-55-66", "Заблокирован", "Россия", "02.05.2024"),
    ("Пётр", "Кузнецов", "petr@example.ru", "+7 343 777-88-99", "Активный", "Германия", "11.06.2024"),
]


def test_a_cyrillic_export_in_cp1251_maps_its_columns_and_values(tmp_path: Path) -> None:
    header = ("Имя", "Фамилия", "Эл. почта", "Телефон", "Статус", "Страна", "Дата регистрации")
    path = tmp_path / "клиенты.csv"
    path.write_bytes("\r\n".join(";".join(r) for r in (header, *ROWS)).encode("cp1251"))
    [table] = extract(path, path.name).tables
    assert table.frame.columns == list(header)
    plan = automap(table.frame, CONTACTS)
    assert plan.mapping() == {
        "Имя": "first_name", "Фамилия": "last_name", "Эл. почта": "email", "Телефон": "phone",
        "Статус": "status", "Страна": "country", "Дата регистрации": "signup_date"}
    assert plan.enum_map() == {
        "status": {"Активный": "active", "Неактивный": "inactive", "Заблокирован": "blocked"},
        "country": {"Россия": "RU", "Германия": "DE", "Франция": "FR"}}


PEOPLE = SheetSpec("people", "People", (
    Field("name", "Full Name"),
    Field("gender", "Gender", type="enum", options=(Option("male", "Male"), Option("female", "Female"))),
    Field("status", "Status", type="enum", options=(Option("active", "Active"), Option("inactive", "Inactive"))),
))


def test_values_that_name_another_enum_fields_options_outweigh_a_header_word() -> None:
    # Ukrainian "Стать" (sex) romanizes to "stat", an English abbreviation of status; its
    # values are the options of the gender field and of no other.
    frame = pl.DataFrame({
        "ПІБ": ["Іван Петренко", "Олена Коваль", "Петро Шевченко", "Марія Бондар", "Ігор Мельник"],
        "Стать": ["Чоловіча", "Жіноча", "Чоловіча", "Жіноча", "Чоловіча"],
    })
    plan = automap(frame, PEOPLE)
    assert plan.mapping() == {"ПІБ": "name", "Стать": "gender"}
    assert plan.enum_map() == {"gender": {"Чоловіча": "male", "Жіноча": "female"}}
    # a status column beside it keeps its name
    plan = automap(frame.with_columns(pl.Series("Статус", ["Активний", "Неактивний", "Активний",
                                                           "Активний", "Активний"])), PEOPLE)
    assert plan.mapping() == {"ПІБ": "name", "Стать": "gender", "Статус": "status"}


def test_a_column_of_numbers_is_no_persons_name_whatever_its_header() -> None:
    # Serbian ПИБ (a tax number) romanizes as Ukrainian ПІБ (a person's full name) does
    firms = SheetSpec("firms", "Firms", (Field("name", "Full Name"), Field("city", "City")))
    frame = pl.DataFrame({
        "ПИБ": ["100234567", "100765432", "101234987", "109876543", "104561234"],
        "Град": ["Београд", "Нови Сад", "Ниш", "Крагујевац", "Суботица"],
    })
    plan = automap(frame, firms)
    pib = next(m for m in plan.fields if m.source == "ПИБ")
    assert pib.certainty not in ("absolute", "strong") and not plan.auto_accept
    names = frame.with_columns(pl.Series("ПІБ", ["Іван Петренко", "Олена Коваль", "Петро Шевченко",
                                                 "Марія Бондар", "Ігор Мельник"])).drop("ПИБ")
    assert automap(names, firms).mapping() == {"ПІБ": "name", "Град": "city"}
