"""Validation against generated partner deliveries: every injected error found, nothing else."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from feedline.blueprint import SheetSpec, load_blueprint
from feedline.validate import Validated, validate
from tests.conftest import KIND_TO_TYPE

pytestmark = pytest.mark.shared

TEXT_PARTNERS = ("northwind", "globex", "acme")
DELIVERIES = [(p, d) for p in TEXT_PARTNERS for d in ("d1", "d2", "d3")]


@pytest.fixture(scope="session")
def deliveries(
    shared: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict[str, Any]]:
    """Partner files generated with ``--rows 200`` and their manifest."""
    out = tmp_path_factory.mktemp("validate-fixtures")
    script = shared / "fixtures" / "make_fixtures.py"
    subprocess.run(
        [sys.executable, str(script), str(out), "--rows", "200"], check=True, capture_output=True
    )
    return out, json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def _entry(deliveries: tuple[Path, dict[str, Any]], partner: str, delivery: str) -> dict[str, Any]:
    _, manifest = deliveries
    return next(
        f for f in manifest["files"] if f["partner"] == partner and f["delivery"] == delivery
    )


def _read(root: Path, entry: dict[str, Any], sheet: SheetSpec) -> pl.DataFrame:
    """The delivery as a frame of the sheet's fields, all text, via the stdlib csv module."""
    text = (root / entry["path"]).read_bytes().decode(entry["encoding"])
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=entry["delimiter"]))
    header, body = rows[entry["header_row"]], rows[entry["header_row"] + 1 :]
    columns: dict[str, list[str]] = {}
    for i, name in enumerate(header):
        target = entry["column_mapping"].get(name)
        if target:
            columns[target] = [row[i] for row in body]
    assert len(body) == entry["row_count"]
    return pl.DataFrame(columns, schema={k: pl.String for k in columns})


@pytest.fixture(scope="session")
def crm(crm_blueprint_path: Path) -> Any:
    return load_blueprint(crm_blueprint_path)


def _validate(
    deliveries: tuple[Path, dict[str, Any]], crm: Any, partner: str, delivery: str
) -> tuple[Validated, dict[str, Any]]:
    entry = _entry(deliveries, partner, delivery)
    frame = _read(deliveries[0], entry, crm.sheet(entry["target_sheet"]))
    return validate(frame, crm.sheet(entry["target_sheet"]), entry["enum_mapping"]), entry


@pytest.mark.parametrize(("partner", "delivery"), DELIVERIES)
def test_flagged_cells_are_exactly_the_injected_errors(
    deliveries: tuple[Path, dict[str, Any]], crm: Any, partner: str, delivery: str
) -> None:
    result, entry = _validate(deliveries, crm, partner, delivery)
    errors = result.messages.filter(pl.col("level") == "error")
    flagged = {(r, f, t) for r, f, t in errors.select("row", "field", "type").iter_rows()}
    injected = {(e["row"], e["field"], KIND_TO_TYPE[e["kind"]]) for e in entry["errors"]}
    assert injected, "the manifest should inject errors into every delivery"
    assert flagged == injected
    assert {(r, f) for r, f, _ in flagged} == {(e["row"], e["field"]) for e in entry["errors"]}
    bad_rows = {e["row"] for e in entry["errors"]}
    assert [i for i, ok in enumerate(result.valid) if not ok] == sorted(bad_rows)


@pytest.mark.parametrize(("partner", "delivery"), DELIVERIES)
def test_duplicates_name_the_first_occurrence(
    deliveries: tuple[Path, dict[str, Any]], crm: Any, partner: str, delivery: str
) -> None:
    result, entry = _validate(deliveries, crm, partner, delivery)
    for error in entry["errors"]:
        if error["kind"] == "duplicate_unique":
            text = result.messages.filter(
                (pl.col("row") == error["row"]) & (pl.col("type") == "unique")
            )["message"].item()
            assert f"row {error['duplicate_of']} " in text


def test_globex_decimal_comma_numbers(deliveries: tuple[Path, dict[str, Any]], crm: Any) -> None:
    result, _ = _validate(deliveries, crm, "globex", "d1")
    raw, values = result.raw["lifetime_value"], result.values["lifetime_value"]
    assert values.dtype == pl.Float64
    pairs = [(r.strip(), v) for r, v in zip(raw, values, strict=True) if r and r.strip()]
    assert any("." in r and "," in r for r, _ in pairs), "fixture should have thousands separators"
    for text, value in pairs:
        expected = float(text.replace(".", "").replace(",", "."))
        assert value == pytest.approx(expected), text


def test_globex_dates_and_ja_nein(deliveries: tuple[Path, dict[str, Any]], crm: Any) -> None:
    result, _ = _validate(deliveries, crm, "globex", "d1")
    for text, iso in zip(result.raw["signup_date"], result.values["signup_date"], strict=True):
        if iso is not None:
            day, month, year = text.strip().split(".")
            assert iso == f"{year}-{month}-{day}"
    flags = dict(zip(result.raw["opt_in"], result.values["opt_in"], strict=True))
    assert flags == {"ja": True, "nein": False}


def test_acme_compact_dates_and_y_n_booleans(
    deliveries: tuple[Path, dict[str, Any]], crm: Any
) -> None:
    result, entry = _validate(deliveries, crm, "acme", "d1")
    invalid = {e["row"] for e in entry["errors"] if e["field"] == "signup_date"}
    cells = zip(result.raw["signup_date"], result.values["signup_date"], strict=True)
    for row, (text, iso) in enumerate(cells):
        if row in invalid:
            assert iso is None
        elif text:
            assert iso == f"{text[:4]}-{text[4:6]}-{text[6:8]}"
    flags = dict(zip(result.raw["opt_in"], result.values["opt_in"], strict=True))
    assert flags == {"Y": True, "N": False}


def test_enum_values_come_out_as_option_values(
    deliveries: tuple[Path, dict[str, Any]], crm: Any
) -> None:
    result, entry = _validate(deliveries, crm, "acme", "d1")
    assert set(result.values["country"].drop_nulls()) <= {
        o.value for o in crm.sheet("contacts").field("country").options
    }
    mapping = entry["enum_mapping"]["status"]
    for text, value in zip(result.raw["status"], result.values["status"], strict=True):
        if text in mapping:
            assert value == mapping[text]


def test_records_keep_partner_text_of_a_bad_date(
    deliveries: tuple[Path, dict[str, Any]], crm: Any
) -> None:
    result, entry = _validate(deliveries, crm, "northwind", "d1")
    error = next(e for e in entry["errors"] if e["kind"] == "invalid_date")
    record = result.to_records()[error["row"]]
    assert record["valid"] is False
    assert record["values"]["signup_date"] == error["value"]
    assert [m["type"] for m in record["messages"]] == ["invalid-date"]
