"""The fast paths of casting give what the full parse gives; the feed's locale breaks ties."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
import yaml

from feedline.blueprint import parse_blueprint
from feedline.blueprint.model import Field, Option
from feedline.errors import ConfigError
from feedline.feeds import load_feed
from feedline.validate import Record, validate
from feedline.validate.base import trim
from feedline.validate.cast import cast_integer, cast_number
from feedline.validate.dates import cast_date, cast_datetime
from feedline.validate.enums import cast_enum
from feedline.validate.locales import decimal_for_locale


def text(values: list[str | None]) -> pl.Series:
    return trim(pl.Series("c", values, dtype=pl.String))


def test_mixed_shapes_in_one_column() -> None:
    cells = ["$1,234.56", "-$5", "$-5", "1234.5", "USD 99.90", "(3)", "12.5%", "1e3", "n/a", " ",
             "7", "€ 1,000", "1,2,3"]
    result = cast_number(text(cells))
    assert result.values.to_list() == pytest.approx(
        [1234.56, -5, -5, 1234.5, 99.9, -3, 0.125, 1000, None, None, 7, 1000, None], nan_ok=True)
    assert result.failed.to_list() == [False] * 8 + [True, False, False, False, True]


def test_decimal_comma_column_takes_the_fast_path_too() -> None:
    cells = ["1.234,56 €", "12,5", "-3", "1.234", "7,", "1.2.3,4"]
    assert cast_number(text(cells)).values.to_list() == pytest.approx(
        [1234.56, 12.5, -3, 1234, 7, None], nan_ok=True)


def test_a_large_column_is_decided_on_a_sample_but_a_tie_reads_every_cell() -> None:
    ambiguous = ["1,234"] * 50_000
    assert cast_number(text(ambiguous)).values[0] == 1234.0
    # the sample sees no vote; the one decimal comma at the end still decides the column
    values = cast_number(text([*ambiguous, "0,5"])).values
    assert (values[0], values[-1]) == (pytest.approx(1.234), 0.5)
    points = ["12.50"] * 49_999 + ["1,5"]
    assert cast_number(text(points)).failed.to_list()[-1] is True


@pytest.mark.parametrize(("decimal", "expected"), [(None, 1234.0), (".", 1234.0), (",", 1.234)])
def test_the_locale_decides_an_ambiguous_column(decimal: str | None, expected: float) -> None:
    assert cast_number(text(["1,234", "5"]), decimal=decimal).values[0] == pytest.approx(expected)


def test_the_locale_does_not_override_what_the_values_say() -> None:
    assert cast_number(text(["1,234", "0.5"]), decimal=",").values[0] == 1234.0


def test_integer_fast_path_and_dotted_thousands() -> None:
    result = cast_integer(text(["12", "+3", "1.000", "2.500.000", "007", "x"]))
    assert result.values.to_list() == [12, 3, 1000, 2_500_000, 7, None]
    assert result.failed.to_list() == [False, False, False, False, False, True]


def test_repeated_and_distinct_dates_read_alike() -> None:
    repeated = text(["01.02.2024", "01.02.2024", "01.02.2024", "31.02.2024", None])
    distinct = text(["01.02.2024", "02.02.2024", "31.02.2024"])
    assert cast_date(repeated).values.to_list() == ["2024-02-01"] * 3 + [None, None]
    assert cast_date(repeated).failed.to_list() == [False, False, False, True, False]
    assert cast_date(distinct).values.to_list() == ["2024-02-01", "2024-02-02", None]


def test_validate_passes_the_decimal_through() -> None:
    sheet = parse_blueprint({"name": "T", "sheets": [{"slug": "s", "fields": [
        {"key": "amount", "type": "number"}]}]}).sheet("s")
    frame = pl.DataFrame({"amount": ["1,234", "2,500"]})
    assert validate(frame, sheet).values["amount"].to_list() == [1234.0, 2500.0]
    assert validate(frame, sheet, decimal=",").values["amount"].to_list() == [1.234, 2.5]


@pytest.mark.parametrize(("locale", "mark"), [
    ("de-DE", ","), ("de_CH", "."), ("en-US", "."), ("fr", ","), ("es-MX", "."), ("pt-BR", ","),
    ("ja-JP", "."), ("de_DE.UTF-8", ","),
])
def test_decimal_mark_of_a_locale(locale: str, mark: str) -> None:
    assert decimal_for_locale(locale) == mark


def _feed(tmp_path: Path, crm_blueprint_path: Path, **extra: object) -> Path:
    path = tmp_path / "feed.yaml"
    path.write_text(yaml.safe_dump({"name": "crm", "blueprint": str(crm_blueprint_path), **extra}))
    return path


@pytest.mark.shared
def test_feed_locale_and_decimal(tmp_path: Path, crm_blueprint_path: Path) -> None:
    assert load_feed(_feed(tmp_path, crm_blueprint_path)).decimal_separator is None
    assert load_feed(_feed(tmp_path, crm_blueprint_path, locale="de-DE")).decimal_separator == ","
    both = load_feed(_feed(tmp_path, crm_blueprint_path, locale="de-DE", decimal="."))
    assert both.decimal_separator == "."
    with pytest.raises(ConfigError, match="'decimal' must be"):
        load_feed(_feed(tmp_path, crm_blueprint_path, decimal=";"))
    with pytest.raises(ConfigError, match="'locale' must look like"):
        load_feed(_feed(tmp_path, crm_blueprint_path, locale="German please"))


def test_records_of_a_batch_share_columns_but_not_changes() -> None:
    columns = {"a": [1, 2], "b": ["x", "y"]}
    first, second = Record(0, None, None, columns, 0), Record(1, None, None, columns, 1)
    first["a"] = 10
    first.add_error("a", "bad")
    assert (first["a"], second["a"], second["b"]) == (10, 2, "y")
    assert first.values == {"a": 10, "b": "x"} and columns["a"] == [1, 2]
    assert Record(3, {"a": 5})["a"] == 5
    with pytest.raises(KeyError):
        second["zzz"] = 1


def test_plain_iso_datetimes_take_the_fast_path_and_read_as_the_full_parse_does() -> None:
    from feedline.validate.dates import _cast_datetime, cast_datetime

    cells = ["2024-01-05T13:45:00", "2024-01-05 09:00:07", "2024-02-30T10:00:00",
             "2024-01-05T13:45:00+02:00", "05.01.2024 1:05 PM", "later", None]
    fast, full = cast_datetime(text(cells)), _cast_datetime(text(cells))
    assert fast.values.to_list() == full.values.to_list()
    assert fast.failed.to_list() == full.failed.to_list()
    assert fast.values.to_list()[:2] == ["2024-01-05T13:45:00", "2024-01-05T09:00:07"]
    assert fast.failed.to_list() == [False, False, True, False, False, True, False]


def test_a_large_enum_column_casts_as_its_cells_do_one_by_one() -> None:
    field = Field(key="status", label="Status", type="enum",
                  options=(Option(value="active", label="Active"), Option(value="lead", label="Lead")))
    cells = [" Active ", "LEAD", "A", "gone", None, "", "active"] * 3_000  # 21,000 rows
    raw = pl.Series("status", cells, dtype=pl.String)
    enum_map = {"A": "active", "gone": None}
    whole = cast_enum(raw, trim(raw), field, enum_map)
    one_by_one = [cast_enum(raw[i:i + 1], trim(raw[i:i + 1]), field, enum_map) for i in range(7)]
    assert whole.values.to_list()[:7] == [r.values[0] for r in one_by_one]
    assert whole.failed.to_list()[:7] == [r.failed[0] for r in one_by_one]
    assert whole.values.to_list()[:7] == ["active", "lead", "active", None, None, None, "active"]
    assert whole.failed.to_list()[:7] == [False, False, False, True, False, False, False]
    assert whole.values.to_list()[-7:] == whole.values.to_list()[:7]


def test_plain_stamps_keep_their_text_and_impossible_ones_fail() -> None:
    result = cast_datetime(text(["2024-01-05 13:45:07", "2024-01-05T13:45:00",
                                 "2024-13-05T10:00:00", "2024-02-30 10:00:00",
                                 "5 Jan 2024 1:45 PM", None]))
    assert result.values.to_list() == ["2024-01-05T13:45:07", "2024-01-05T13:45:00", None, None,
                                       "2024-01-05T13:45:00", None]
    assert result.failed.to_list() == [False, False, True, True, False, False]
