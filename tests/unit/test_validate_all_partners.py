"""Every partner delivery, read by the real extractor: exactly the injected errors, right values.

CSV/TSV, XLSX (title lines, real and text dates, ``$1,234.56`` text), nested JSON (dot
paths) and XML (``@id``, ``customer/@email``) all go through ``feedline.extract.extract``,
the manifest's column mapping and enum mapping, then ``validate``.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from feedline.blueprint import load_blueprint
from feedline.blueprint.model import Blueprint
from feedline.extract import extract
from feedline.validate import Validated, validate
from tests.conftest import KIND_TO_TYPE

pytestmark = pytest.mark.shared

PARTNERS = ("northwind", "globex", "initech", "umbrella", "acme", "hooli")
DELIVERIES = [(p, d) for p in PARTNERS for d in ("d1", "d2", "d3")]
Fixtures = tuple[Path, dict[str, Any]]


@pytest.fixture(scope="session")
def crm(crm_blueprint_path: Path) -> Blueprint:
    return load_blueprint(crm_blueprint_path)


@pytest.fixture(scope="session")
def validated(partner_fixtures: Fixtures, crm: Blueprint) -> dict[tuple[str, str], Any]:
    """Per (partner, delivery): the manifest entry, the mapped source frame and the result."""
    root, manifest = partner_fixtures
    out: dict[tuple[str, str], Any] = {}
    for entry in manifest["files"]:
        path = root / entry["path"]
        tables = extract(path, path.name).tables
        wanted = entry["sheet_name"] or (entry["record_path"] or "").rsplit("/", 1)[-1]
        if wanted:
            table = next(t for t in tables if t.name == wanted)
        else:  # delimited text: one table, named after the file
            (table,) = tables
        mapping = {c: k for c, k in entry["column_mapping"].items() if k}
        assert set(mapping) <= set(table.columns), f"{entry['path']}: columns {table.columns}"
        frame = table.frame.select(pl.col(c).alias(k) for c, k in mapping.items())
        assert frame.height == entry["row_count"]
        sheet = crm.sheet(entry["target_sheet"])
        out[entry["partner"], entry["delivery"]] = (
            entry, frame, validate(frame, sheet, entry["enum_mapping"]))
    return out


@pytest.mark.parametrize(("partner", "delivery"), DELIVERIES)
def test_errors_are_exactly_the_injected_ones(
    validated: dict[tuple[str, str], Any], partner: str, delivery: str
) -> None:
    entry, _, result = validated[partner, delivery]
    errors = result.messages.filter(pl.col("level") == "error")
    flagged = set(errors.select("row", "field", "type").iter_rows())
    injected = {(e["row"], e["field"], KIND_TO_TYPE[e["kind"]]) for e in entry["errors"]}
    assert injected, "the manifest should inject errors into every delivery"
    assert flagged - injected == set(), "false positives"
    assert injected - flagged == set(), "missed errors"
    assert sorted(i for i, ok in enumerate(result.valid) if not ok) == sorted(
        {e["row"] for e in entry["errors"]})


def _number(text: str, formats: dict[str, Any]) -> float:
    """What a partner's number text means under the manifest's conventions."""
    body = text.strip()
    for symbol in sorted((formats.get("currency_symbols") or {}).values(), key=len, reverse=True):
        body = body.replace(symbol, "")
    if formats.get("thousands_separator"):
        body = body.replace(formats["thousands_separator"], "")
    return float(body.replace(formats.get("decimal_separator", "."), "."))


def _cells(entry: dict[str, Any], frame: pl.DataFrame, result: Validated,
           key: str) -> list[tuple[str, Any]]:
    """(source text, cast value) of a field's non-empty cells that carry no injected error."""
    bad = {e["row"] for e in entry["errors"] if e["field"] == key}
    return [(text, value) for row, (text, value)
            in enumerate(zip(frame[key], result.values[key], strict=True))
            if row not in bad and text and text.strip()]


@pytest.mark.parametrize(("partner", "delivery"), DELIVERIES)
def test_values_follow_the_partner_conventions(
    validated: dict[tuple[str, str], Any], crm: Blueprint, partner: str, delivery: str
) -> None:
    """Dates (dd.mm.yyyy, yyyymmdd, mm/dd/yyyy text, real Excel dates) and numbers
    (decimal comma, ``$1,234.56`` text, JSON integers) come out as the partner meant."""
    entry, frame, result = validated[partner, delivery]
    types = {f.key: f.type for f in crm.sheet(entry["target_sheet"]).fields}
    checked = 0
    for key, formats in entry["value_formats"].items():
        if key not in frame.columns or types[key] not in ("date", "number", "integer",
                                                             "boolean"):
            continue
        cells = _cells(entry, frame, result, key)
        if "date_format" in formats or formats.get("cell_type") == "date":
            for text, iso in cells:
                if "date_format" in formats:
                    expected = datetime.strptime(text.strip(), formats["date_format"])
                else:  # a real Excel date: the extractor renders it as ISO text
                    expected = datetime.fromisoformat(text.strip()[:10])
                assert iso == expected.strftime("%Y-%m-%d"), text
                checked += 1
        elif "decimal_separator" in formats or formats.get("cell_type") == "number" or (
                formats.get("json_type") in ("integer", "number")):
            for text, value in cells:
                assert value == pytest.approx(_number(text, formats)), text
                checked += 1
        elif "true" in formats:
            for text, value in cells:
                assert value is (text.strip() == formats["true"]), text
                checked += 1
    assert checked, f"no conventions checked for {partner} {delivery}"


def test_initech_d3_currency_text_is_read(validated: dict[tuple[str, str], Any]) -> None:
    _, frame, result = validated["initech", "d3"]
    pairs = dict(zip(frame["amount"], result.values["amount"], strict=True))
    texts = [t for t in pairs if t and re.search(r"[$€£¥],?", t) and "," in t]
    assert texts, "d3 should carry thousands-separated currency text"
    for text in texts:
        assert pairs[text] == pytest.approx(float(re.sub(r"[^\d.]", "", text)))


def test_hooli_canceled_status_follows_the_enum_mapping(
    validated: dict[tuple[str, str], Any],
) -> None:
    entry, frame, result = validated["hooli", "d3"]
    mapping = entry["enum_mapping"]["status"]
    canceled = [k for k in mapping if k.strip().lower() == "canceled"]
    assert canceled, "d3 should deliver a 'canceled' status"
    for text, value in zip(frame["status"], result.values["status"], strict=True):
        if text in mapping:
            assert value == mapping[text], text
