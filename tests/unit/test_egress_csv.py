"""The CSV file destination: record values become the cells a person expects."""

from __future__ import annotations

import csv
from pathlib import Path

import polars as pl

from feedline.blueprint import load_blueprint
from feedline.egress.csvfile import cells, write_csv

VALID = [
    '{"contact_id":"A","email":"a@x.com","opt_in":true,"lifetime_value":3.0,'
    '"tags":["x","y"],"signup_date":"2025-01-02","first_name":"Zo\\u00eb","last_name":"O\'Brien, Jr"}',
    '{"contact_id":"B","email":"b@x.com","opt_in":false,"lifetime_value":1234.5,"tags":[],'
    '"first_name":null}',
]
# An invalid record keeps the partner's text where a typed value belongs.
INVALID = '{"contact_id":"C","lifetime_value":"abc","tags":"q","opt_in":"maybe"}'


def test_cells_format_typed_values(crm_blueprint_path: Path) -> None:
    spec = load_blueprint(crm_blueprint_path).sheet("contacts")
    rows = cells(pl.Series(VALID), spec).to_dicts()
    assert rows[0]["first_name"] == "Zoë" and rows[0]["last_name"] == "O'Brien, Jr"
    assert rows[0]["opt_in"] == "true" and rows[1]["opt_in"] == "false"
    assert rows[0]["lifetime_value"] == "3" and rows[1]["lifetime_value"] == "1234.5"
    assert rows[0]["tags"] == "x;y" and rows[1]["tags"] == ""
    assert rows[1]["first_name"] == "" and rows[1]["signup_date"] == ""
    assert list(rows[0]) == load_blueprint(crm_blueprint_path).sheet("contacts").keys


def test_invalid_records_keep_the_partners_text(crm_blueprint_path: Path) -> None:
    spec = load_blueprint(crm_blueprint_path).sheet("contacts")
    rows = cells(pl.Series([*VALID, INVALID]), spec).to_dicts()
    assert rows[2]["lifetime_value"] == "abc" and rows[2]["tags"] == "q" and rows[2]["opt_in"] == "maybe"
    assert rows[:2] == cells(pl.Series(VALID), spec).to_dicts()  # same cells either way


def test_write_replace_and_append(crm_blueprint_path: Path, tmp_path: Path) -> None:
    spec = load_blueprint(crm_blueprint_path).sheet("contacts")
    out = tmp_path / "out" / "contacts.csv"
    assert write_csv(out, spec, [pl.Series(VALID[:1])], "replace") == 1
    assert write_csv(out, spec, [pl.Series(VALID[1:])], "append") == 1
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["contact_id"] for r in rows] == ["A", "B"] and rows[0]["last_name"] == "O'Brien, Jr"
    assert write_csv(out, spec, [], "replace") == 0
    assert out.read_text(encoding="utf-8").strip() == ",".join(spec.keys)
    assert [p.name for p in out.parent.iterdir()] == ["contacts.csv"]  # no temp files left
