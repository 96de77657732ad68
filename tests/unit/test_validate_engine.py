"""validate(): constraints, enum lookup, messages, records and counts."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from feedline.blueprint import Constraint, Field, Option, SheetSpec
from feedline.validate import Validated, validate

STATUS = Field(
    "status",
    "Status",
    "enum",
    options=tuple(Option(v, v.title()) for v in ("active", "inactive", "lead", "churned")),
)
SHEET = SheetSpec(
    "people",
    "People",
    (
        Field("name", "Last Name", constraints=(Constraint("required"),)),
        Field("email", "Email", constraints=(Constraint("unique", case_sensitive=False),)),
        Field("code", "Code", constraints=(Constraint("unique"),)),
        Field(
            "sku",
            "SKU",
            constraints=(
                Constraint(
                    "pattern", pattern=r"^[A-Z]{3}-\d{4}$", message="SKU must look like ABC-1234"
                ),
            ),
        ),
        Field(
            "qty", "Quantity", "integer", constraints=(Constraint("min", 1), Constraint("max", 10))
        ),
        Field("amount", "Amount", "number", constraints=(Constraint("min", 0),)),
        STATUS,
    ),
)


def frame(**columns: Sequence[str | None]) -> pl.DataFrame:
    return pl.DataFrame(
        {k: list(v) for k, v in columns.items()}, schema={k: pl.String for k in columns}
    )


def problems(result: Validated) -> list[tuple[int, str, str, str]]:
    return [(r, f, t, m) for r, f, t, _, m in result.messages.iter_rows()]


def test_required_names_the_field_and_blank_counts_as_empty() -> None:
    result = validate(frame(name=["Doe", "  ", None]), SHEET)
    assert problems(result) == [
        (1, "name", "required", "Last Name is required"),
        (2, "name", "required", "Last Name is required"),
    ]
    assert result.valid.to_list() == [True, False, False]


def test_unique_case_insensitive_flags_later_rows_only() -> None:
    emails = ["a@x.com", "b@x.com", "A@X.com", None, "", "b@x.com"]
    result = validate(frame(name=["n"] * 6, email=emails), SHEET)
    assert problems(result) == [
        (2, "email", "unique", "same value as row 0 (0-based)"),
        (5, "email", "unique", "same value as row 1 (0-based)"),
    ]


def test_unique_case_sensitive_keeps_different_case() -> None:
    result = validate(frame(name=["n"] * 3, code=["ab", "AB", "ab"]), SHEET)
    assert [(r, t) for r, _, t, _ in problems(result)] == [(2, "unique")]


def test_pattern_uses_the_constraint_message_and_skips_blanks() -> None:
    result = validate(frame(name=["n"] * 3, sku=["ABC-1234", "abc-12", " "]), SHEET)
    assert problems(result) == [(1, "sku", "pattern", "SKU must look like ABC-1234")]


def test_min_max_on_cast_values_and_no_double_messages() -> None:
    result = validate(
        frame(name=["n"] * 4, qty=["0", "11", "5", "2.5"], amount=["(3,00)", "1", "", "x"]), SHEET
    )
    assert problems(result) == [
        (0, "qty", "min", "must be at least 1"),
        (0, "amount", "min", "must be at least 0"),
        (1, "qty", "max", "must be at most 10"),
        (3, "qty", "invalid-integer", '"2.5" is not a whole number'),
        (3, "amount", "invalid-number", '"x" is not a number'),
    ]
    assert result.values["qty"].to_list() == [0, 11, 5, None]
    assert result.values["amount"].to_list() == [-3.0, 1.0, None, None]


def test_enum_lookup_order_and_message() -> None:
    enum_maps = {"status": {" Act ": "active", "ACT": "active", "Lost": None, "lead ": "lead"}}
    texts = [" Act ", "act", "Lost", "Inactive", "LEAD", "Unknown", ""]
    result = validate(frame(name=["n"] * 7, status=texts), SHEET, enum_maps)
    assert result.values["status"].to_list() == [
        "active",
        "active",
        None,
        "inactive",
        "lead",
        None,
        None,
    ]
    assert [(r, m) for r, _, _, m in problems(result)] == [
        (2, '"Lost" is not one of: active, inactive, lead, churned'),
        (5, '"Unknown" is not one of: active, inactive, lead, churned'),
    ]


def test_missing_columns_are_empty() -> None:
    result = validate(frame(email=["a@x.com"]), SHEET)
    assert result.raw.columns == SHEET.keys
    assert [t for _, _, t, _ in problems(result)] == ["required"]


def test_records_keep_original_text_of_failed_casts() -> None:
    result = validate(frame(name=["Doe", "Roe"], qty=[" 1.5 ", "3"], amount=["", "1.234,5"]), SHEET)
    first, second = result.to_records()
    assert first["values"]["qty"] == " 1.5 "
    assert first["values"]["amount"] is None
    assert first["valid"] is False
    assert first["messages"] == [
        {
            "field": "qty",
            "type": "invalid-integer",
            "level": "error",
            "message": '"1.5" is not a whole number',
        }
    ]
    assert second == {
        "values": {
            "name": "Roe",
            "email": None,
            "code": None,
            "sku": None,
            "qty": 3,
            "amount": 1234.5,
            "status": None,
        },
        "messages": [],
        "valid": True,
    }


def test_counts() -> None:
    result = validate(frame(name=["a", "", "c"], qty=["0", "x", "2"], email=["e", "E", "f"]), SHEET)
    assert result.counts() == {
        "rows": 3,
        "valid": 1,
        "invalid": 2,
        "by_type": {"invalid-integer": 1, "min": 1, "required": 1, "unique": 1},
        "by_level": {"error": 4},
        "by_field": {
            "email": {"unique": 1},
            "name": {"required": 1},
            "qty": {"invalid-integer": 1, "min": 1},
        },
    }
