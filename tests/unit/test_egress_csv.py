"""Records as CSV cells: typed values become the text a person expects."""

from __future__ import annotations

import csv
from pathlib import Path

from feedline.blueprint import load_blueprint
from feedline.egress.csvfile import cells, write_csv
from feedline.records.schema import from_records

RECORDS = [
    {"id": 1, "row": 0, "version": 1, "valid": True, "messages": [], "values": {
        "contact_id": "A", "email": "a@x.com", "opt_in": True, "lifetime_value": 3.0,
        "tags": ["x", "y"], "signup_date": "2025-01-02", "first_name": "Zoë",
        "last_name": "O'Brien, Jr"}},
    {"id": 2, "row": 1, "version": 1, "valid": True, "messages": [], "values": {
        "contact_id": "B", "email": "b@x.com", "opt_in": False, "lifetime_value": 1234.5,
        "tags": [], "first_name": None}},
]


def test_cells_format_typed_values(crm_blueprint_path: Path) -> None:
    spec = load_blueprint(crm_blueprint_path).sheet("contacts")
    rows = cells(from_records(RECORDS, spec), spec).to_dicts()
    assert rows[0]["first_name"] == "Zoë" and rows[0]["last_name"] == "O'Brien, Jr"
    assert rows[0]["opt_in"] == "true" and rows[1]["opt_in"] == "false"
    assert rows[0]["lifetime_value"] == "3" and rows[1]["lifetime_value"] == "1234.5"
    assert rows[0]["tags"] == "x;y" and rows[1]["tags"] == ""
    assert rows[1]["first_name"] == "" and rows[1]["signup_date"] == ""


def test_invalid_records_keep_the_partners_text(crm_blueprint_path: Path) -> None:
    spec = load_blueprint(crm_blueprint_path).sheet("contacts")
    bad = {"id": 3, "row": 2, "version": 1, "valid": False, "values": {
        "contact_id": "C", "lifetime_value": "abc", "opt_in": "maybe"}, "messages": [
        {"field": "lifetime_value", "type": "invalid-number", "level": "error", "message": "x"},
        {"field": "opt_in", "type": "invalid-boolean", "level": "error", "message": "x"}]}
    rows = cells(from_records([*RECORDS, bad], spec), spec).to_dicts()
    assert rows[2]["lifetime_value"] == "abc" and rows[2]["opt_in"] == "maybe"
    assert rows[:2] == cells(from_records(RECORDS, spec), spec).to_dicts()


def test_write_csv_replaces_and_appends(crm_blueprint_path: Path, tmp_path: Path) -> None:
    spec = load_blueprint(crm_blueprint_path).sheet("contacts")
    out = tmp_path / "out" / "contacts.csv"
    frame = from_records(RECORDS, spec)
    assert write_csv(out, spec, [frame], "replace") == 2
    assert write_csv(out, spec, [frame.head(1)], "append") == 1
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["contact_id"] for r in rows] == ["A", "B", "A"]
    assert list(rows[0]) == spec.keys
    assert write_csv(out, spec, [], "replace") == 0
    assert out.read_text(encoding="utf-8").strip() == ",".join(spec.keys)
    assert [p.name for p in out.parent.iterdir()] == ["contacts.csv"]  # no temp files left
