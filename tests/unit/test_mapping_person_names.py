"""A column of people's names (two or more capitalized words) fills the only free field
that names a person's whole name, whatever its header says in a language nobody reads."""

from __future__ import annotations

import polars as pl

from feedline.blueprint import Constraint, Field, SheetSpec
from feedline.mapping import automap
from feedline.mapping.evidence import column_shape, field_shape
from feedline.mapping.scorers import profile_column

NAMES = [
    "Daan Ionescu",
    "Lucía de Vries",
    "Nguyễn Văn An",
    "Kev O'Brien",
    "Mette Nielsen",
    "Anna-Maria Nowak",
    "Piotr Kowalski",
    "Ingrid Andersson",
]
LOANS = SheetSpec(
    "loans",
    "Loans",
    (
        Field("loan_id", "Loan ID", constraints=(Constraint("unique"), Constraint("required"))),
        Field("member_name", "Member Name"),
        Field("branch", "Branch"),
    ),
)


def test_a_column_of_peoples_names_fills_the_only_free_name_field():
    frame = pl.DataFrame(
        {
            "Leningnr": [f"L{1000 + i}" for i in range(24)],
            "Lid se naam": [NAMES[i % len(NAMES)] for i in range(24)],
            "Tak": ["Hoofbiblioteek", "Idas Vallei", "Cloetesville"] * 8,
        }
    )
    got = {m.source: m for m in automap(frame, LOANS).fields}
    assert got["Lid se naam"].destination == "member_name"
    assert got["Lid se naam"].reason_code == "eliminated"
    assert got["Tak"].destination != "member_name"


def test_titles_and_places_are_no_peoples_names():
    titles = pl.Series(["Số đỏ", "Tắt đèn", "Dế Mèn phiêu lưu ký", "Truyện Kiều", "Obabakoak"] * 4)
    assert column_shape(profile_column(titles)) != "person"
    assert column_shape(profile_column(pl.Series(NAMES * 3))) == "person"


def test_a_part_of_a_name_or_another_things_name_is_no_persons_whole_name():
    assert field_shape(Field("customer_name", "Customer Name")) == "person"
    assert field_shape(Field("first_name", "First Name")) != "person"
    assert field_shape(Field("company_name", "Company Name")) != "person"
    assert field_shape(Field("pet_name", "Pet Name")) != "person"
