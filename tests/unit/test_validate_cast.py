"""Casts a user would notice: European numbers, negatives, currency, dates, booleans, lists."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import polars as pl
import pytest

from feedline.validate.base import CastResult, trim
from feedline.validate.cast import (
    cast_boolean,
    cast_date,
    cast_datetime,
    cast_integer,
    cast_number,
    cast_string_list,
)


def run(
    cast: Callable[[pl.Series], CastResult], values: Sequence[str | None]
) -> tuple[list, list[bool]]:
    result = cast(trim(pl.Series("c", list(values), dtype=pl.String)))
    return result.values.to_list(), result.failed.to_list()


def test_decimal_comma_is_decided_by_the_column() -> None:
    values, failed = run(cast_number, ["1.234,56", "12,5", "-11.272,09", "0,00", "1.234"])
    assert values == [1234.56, 12.5, -11272.09, 0.0, 1234.0]
    assert not any(failed)


def test_decimal_point_column_reads_commas_as_thousands() -> None:
    values, _ = run(cast_number, ["1,234.56", "0.5", "1,234"])
    assert values == [1234.56, 0.5, 1234.0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(1,234.50)", -1234.5),
        ("250-", -250.0),
        ("-$5.25", -5.25),
        ("$1,234", 1234.0),
        ("USD 99.90", 99.9),
        ("£12", 12.0),
        ("1 234.5 €", 1234.5),
        ("12.5%", 0.125),
        ("+3", 3.0),
        ("1e3", 1000.0),
    ],
)
def test_number_notations(text: str, expected: float) -> None:
    assert run(cast_number, [text]) == ([pytest.approx(expected)], [False])


@pytest.mark.parametrize("text", ["abc", "1,2,3", "(12", "--5", "NaN", "12 apples", "inf"])
def test_number_rejects_text(text: str) -> None:
    assert run(cast_number, [text]) == ([None], [True])


def test_blank_cells_are_empty_not_failed() -> None:
    assert run(cast_number, ["", "   ", None]) == ([None, None, None], [False, False, False])


def test_integer_must_be_whole_and_stays_exact() -> None:
    values, failed = run(cast_integer, ["1,000", "12.0", "12.5", "9007199254740993", "(3)"])
    assert values == [1000, 12, None, 9007199254740993, -3]
    assert failed == [False, False, True, False, False]


def test_integer_column_reads_dotted_groups_as_thousands() -> None:
    assert run(cast_integer, ["1.000", "2.500.000", "7"])[0] == [1000, 2500000, 7]


def test_booleans_in_several_languages() -> None:
    words = [
        "Yes",
        "NO",
        "y",
        "N",
        "1",
        "0",
        "t",
        "F",
        "on",
        "OFF",
        "ja",
        "Nein",
        "oui",
        "non",
        "sí",
        "no",
        "Si",
        "falsch",
        "WAHR",
        "no",
        "maybe",
    ]
    values, failed = run(cast_boolean, words)
    assert values[:-1] == [True, False] * 10
    assert (values[-1], failed[-1]) == (None, True)


def test_checkbox_column_reads_blank_as_false() -> None:
    assert run(cast_boolean, ["x", "", "X"]) == ([True, False, True], [False, False, False])
    assert run(cast_boolean, ["yes", "", "no"])[0] == [True, None, False]


def test_dates_iso_and_rejects_impossible_ones() -> None:
    values, failed = run(
        cast_date, ["2024-01-05", "2024-01-05T10:30:00Z", "2025-13-01", "unknown", ""]
    )
    assert values == ["2024-01-05", "2024-01-05", None, None, None]
    assert failed == [False, False, True, True, False]


def test_slash_dates_day_first_when_a_first_part_exceeds_12() -> None:
    assert run(cast_date, ["05/01/2024", "13/01/2024"])[0] == ["2024-01-05", "2024-01-13"]


def test_slash_dates_month_first_when_a_second_part_exceeds_12() -> None:
    assert run(cast_date, ["05/01/2024", "01/13/2024"])[0] == ["2024-05-01", "2024-01-13"]


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["31.12.2024", "31.02.2024"], ["2024-12-31", None]),
        (["20240105", "20250230", "99999999"], ["2024-01-05", None, None]),
        (["05-01-2024"], ["2024-01-05"]),
        (["2024/01/05"], ["2024-01-05"]),
        (["05 Jan 2024", "5 feb 2024"], ["2024-01-05", "2024-02-05"]),
    ],
)
def test_date_formats(texts: list[str], expected: list[str | None]) -> None:
    assert run(cast_date, texts)[0] == expected


def test_a_column_mixing_unambiguous_formats_reads_every_cell() -> None:
    texts = ["2024-03-01", "2024/03/02", "03 Mar 2024", "Mar 4, 2024", "05.03.2024", "2024-02-30"]
    values, failed = run(cast_date, texts)
    assert values == ["2024-03-01", "2024-03-02", "2024-03-03", "2024-03-04", "2024-03-05", None]
    assert failed == [False] * 5 + [True]


def test_day_and_month_order_is_never_mixed_within_a_column() -> None:
    # Day-first by the column (13/01); 02/03 stays day-first, never read month-first.
    assert run(cast_date, ["13/01/2024", "02/03/2024", "2024-01-09"])[0] == [
        "2024-01-13", "2024-03-02", "2024-01-09"]


def test_datetimes_come_out_iso() -> None:
    values, failed = run(
        cast_datetime,
        [
            "2024-01-05T13:45:00",
            "2024-01-05 01:45 PM",
            "2024-01-05T13:45:00.5+01:00",
            "2024-01-05",
            "2024-01-05 25:00",
        ],
    )
    assert values == [
        "2024-01-05T13:45:00",
        "2024-01-05T13:45:00",
        "2024-01-05T12:45:00.500Z",
        "2024-01-05T00:00:00",
        None,
    ]
    assert failed == [False, False, False, False, True]


def test_datetime_with_european_dates() -> None:
    assert run(cast_datetime, ["05.01.2024 13:45", "13.01.2024"])[0] == [
        "2024-01-05T13:45:00",
        "2024-01-13T00:00:00",
    ]


def test_string_list_uses_the_columns_most_common_separator() -> None:
    values, failed = run(cast_string_list, ["VIP, Messe 2025", "a;b, c", "solo", " , ", None])
    assert values == [["VIP", "Messe 2025"], ["a;b", "c"], ["solo"], None, None]
    assert not any(failed)
    assert run(cast_string_list, ["a; b;;c", "d|e"])[0] == [["a", "b", "c"], ["d|e"]]
