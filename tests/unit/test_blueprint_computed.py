"""Computed fields are SQL expressions checked at load time; nothing in them reaches Python."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
import pytest

from feedline.blueprint import parse_blueprint
from feedline.blueprint.model import Field, SheetSpec
from feedline.errors import BlueprintError
from feedline.validate import validate

FIELDS: list[dict[str, Any]] = [
    {"key": "first_name"},
    {"key": "last_name"},
    {"key": "email"},
    {"key": "amount", "type": "number"},
    {"key": "quantity", "type": "integer"},
    {"key": "order_date", "type": "date"},
    {"key": "placed_at", "type": "datetime"},
]
DATA = pl.DataFrame({
    "first_name": ["Ann", "Bob", None],
    "last_name": ["Lee", "Ray", "Zhu"],
    "email": ["ann@x.io", "Bob@Y.io", None],
    "amount": ["10.50", "200", None],
    "quantity": ["2", "3", "4"],
    "order_date": ["2025-01-31", "2024-12-01", "2025-03-15"],
    "placed_at": ["2025-01-31 13:45", "2024-12-01 08:00", "2025-03-15T23:59:59+01:00"],
})


def sheet(computed: str | dict[str, str], type_: str = "string") -> SheetSpec:
    bp = parse_blueprint({"name": "shop", "sheets": [{"slug": "orders", "fields": [
        *FIELDS, {"key": "out", "type": type_, "computed": computed}]}]})
    return bp.sheet("orders")


@pytest.mark.parametrize(("expression", "type_", "expected"), [
    ("amount * quantity", "number", [21.0, 600.0, None]),
    ("first_name || ' ' || last_name", "string", ["Ann Lee", "Bob Ray", None]),
    ("CONCAT_WS(' ', first_name, last_name)", "string", ["Ann Lee", "Bob Ray", "Zhu"]),
    ("CASE WHEN amount >= 100 THEN 'big' WHEN amount IS NULL THEN 'none' ELSE 'small' END",
     "string", ["small", "big", "none"]),
    ("UPPER(email)", "string", ["ANN@X.IO", "BOB@Y.IO", None]),
    ("LOWER(TRIM(email))", "string", ["ann@x.io", "bob@y.io", None]),
    ("EXTRACT(YEAR FROM order_date)", "integer", [2025, 2024, 2025]),
    ("STRFTIME(order_date, '%Y-%m')", "string", ["2025-01", "2024-12", "2025-03"]),
    ("order_date + INTERVAL '1 day'", "date", ["2025-02-01", "2024-12-02", "2025-03-16"]),
    ("ROUND(COALESCE(amount, 0) * 1.19, 2)", "number", [12.5, 238.0, 0.0]),
    ('"quantity" * 10', "integer", [20, 30, 40]),
    ("CASE WHEN quantity IN (2, 3) THEN 'few' ELSE 'many' END", "string", ["few", "few", "many"]),
    ("EXTRACT(HOUR FROM placed_at)", "integer", [13, 8, 22]),  # the offset made it UTC
    ("CAST(placed_at AS DATE)", "date", ["2025-01-31", "2024-12-01", "2025-03-15"]),
    ("'EUR'", "string", ["EUR", "EUR", "EUR"]),  # a constant fills every row
])
def test_sql_expressions_compute_vectorized(expression: str, type_: str,
                                             expected: list[Any]) -> None:
    result = validate(DATA, sheet(expression, type_))
    assert result.messages.filter(pl.col("field") == "out").is_empty()
    got = result.values["out"].to_list()
    if type_ == "date":
        got = [None if v is None else str(v) for v in got]
    assert got == expected


@pytest.mark.parametrize(("expression", "reason"), [
    ("read_csv('/etc/passwd')", "calls read_csv(), which would read or write files"),
    ("READ_PARQUET('s3://bucket/x.parquet')", "calls READ_PARQUET(), which would read or write"),
    ("scan_ndjson('/tmp/x')", "calls scan_ndjson(), which would read or write files"),
    ("read_json_auto('x.json')", "which would read or write files"),
    ("open('/etc/passwd')", "calls open(), which would read or write files"),
    ("__import__('os').system('id')", "calls __import__(), which is not an allowed function"),
    ("eval('1 + 1')", "calls eval(), which is not an allowed function"),
    ("pl.read_csv('/etc/passwd')", "names 'pl', which is not a field of the sheet"),
    ("amount.__class__", "unexpected character '.' at position 7"),
    ("(SELECT 1)", "uses SELECT: subqueries"),
    ("quantity IN (SELECT quantity FROM orders)", "uses SELECT: subqueries"),
    ("SUM(amount)", "calls SUM(), which is not an allowed function"),
    ("amount / SUM(amount) OVER ()", "calls SUM(), which is not an allowed function"),
    ("NOW()", "calls NOW(), which is not an allowed function"),
    ("price * quantity", "names 'price', which is not a field of the sheet"),
    ('"Amount" * 2', "names 'Amount', which is not a field of the sheet"),
    ("amount; DROP TABLE orders", "unexpected character ';'"),
    ("`amount`", "unexpected character '`'"),
    ("$$x$$", "unexpected character '$'"),
    ("lambda: 1", "names 'lambda', which is not a field of the sheet"),
    ("amount *", "does not parse as SQL"),
    ("amount ^ 2", "unexpected character '^'"),
    ("amount" + " + amount" * 1000, "longer than 4000 characters"),
])
def test_unsafe_or_unknown_expressions_are_refused_at_load(expression: str, reason: str) -> None:
    with pytest.raises(BlueprintError) as info:
        sheet(expression)
    message = str(info.value)
    assert message.startswith(f"sheet 'orders', field 'out': computed expression "
                              f"{expression!r}: ")
    assert reason in message
    assert "\n" not in message


def test_an_expression_that_would_touch_a_file_never_runs(tmp_path: Path) -> None:
    """Refused at load; and even a field built around the loader is never given to Python."""
    marker = tmp_path / "pwned"
    for attack in (f"__import__('pathlib').Path({str(marker)!r}).touch()",
                   f"read_csv({str(marker)!r})",
                   f"open({str(marker)!r}, 'w')"):
        with pytest.raises(BlueprintError, match="computed expression"):
            sheet(attack)
        unchecked = SheetSpec("orders", "orders", (Field("a", "a"),
                                                    Field("out", "out", computed=attack)))
        result = validate(pl.DataFrame({"a": ["1"]}), unchecked)
        (message,) = result.messages.filter(pl.col("field") == "out")["message"].to_list()
        assert message.startswith("computed field out failed: ValueError: it does not parse")
        assert not marker.exists()


def double_quantity(frame: pl.DataFrame) -> pl.Series:
    """A computed-field hook: code the operator installed, not blueprint text."""
    return frame.get_column("quantity") * 2


def test_the_module_function_hook_form_is_kept() -> None:
    for computed in (f"{__name__}:double_quantity", {"hook": f"{__name__}:double_quantity"}):
        result = validate(DATA, sheet(computed, "integer"))
        assert result.values["out"].to_list() == [4, 6, 8]


def test_a_failing_expression_is_a_computed_cell_message() -> None:
    result = validate(DATA, sheet("CAST(email AS INTEGER)", "integer"))
    messages = result.messages.filter(pl.col("field") == "out")
    assert set(messages["type"]) == {"computed"} and messages.height == 3
    assert result.valid.to_list() == [False, False, False]
