"""Blueprints and feed configs: good ones load, bad ones are refused with a precise line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from feedline.blueprint import load_blueprint, parse_blueprint
from feedline.errors import BlueprintError, ConfigError
from feedline.feeds import load_feed


def one_field(**field: object) -> dict:
    return {"name": "T", "sheets": [{"slug": "people", "fields": [{"key": "f", **field}]}]}


def test_the_shared_crm_blueprint_loads(crm_blueprint_path: Path) -> None:
    bp = load_blueprint(crm_blueprint_path)
    assert [s.slug for s in bp.sheets] == ["accounts", "contacts", "orders"]
    email = bp.sheet("contacts").field("email")
    assert email.required and email.constraint("unique").case_sensitive is False
    assert email.constraint("pattern").message == "not a valid email address"
    assert [o.value for o in bp.sheet("orders").field("currency").options][:2] == ["USD", "EUR"]
    assert bp.sheet("contacts").field("account_id").reference.sheet == "accounts"


@pytest.mark.parametrize(("data", "words"), [
    (one_field(type="integr"), ["sheet 'people'", "field 'f'", "unknown type 'integr'"]),
    (one_field(type="enum"), ["sheet 'people'", "field 'f'", "options"]),
    (one_field(constraints=[{"type": "pattern", "pattern": "("}]), ["field 'f'", "not a valid regex"]),
    (one_field(constraints=[{"type": "min"}]), ["field 'f'", "numeric 'value'"]),
    (one_field(constraints=[{"type": "sometimes"}]), ["field 'f'", "unknown constraint 'sometimes'"]),
    (one_field(type="reference", reference={"sheet": "nope", "field": "x"}), ["field 'f'", "unknown sheet 'nope'"]),
    (one_field(alternative_names="x"), ["field 'f'", "alternative_names"]),
    ({"name": "T", "sheets": [{"slug": "people", "fields": [{"key": "a"}, {"key": "a"}]}]},
     ["sheet 'people'", "field 'a'", "more than once"]),
    ({"name": "T", "sheets": [{"slug": "Bad Slug!", "fields": [{"key": "a"}]}]}, ["sheet #1", "slug"]),
    ({"name": "T", "sheets": []}, ["sheets"]),
    (["not", "a", "mapping"], ["blueprint"]),
])
def test_malformed_blueprints_name_sheet_field_and_problem(data: object, words: list[str]) -> None:
    with pytest.raises(BlueprintError) as info:
        parse_blueprint(data)
    message = str(info.value)
    assert "\n" not in message
    for word in words:
        assert word in message


def test_unreadable_blueprint_files(tmp_path: Path) -> None:
    with pytest.raises(BlueprintError, match="not found"):
        load_blueprint(tmp_path / "missing.yaml")
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: [unclosed\n", encoding="utf-8")
    with pytest.raises(BlueprintError, match="not valid YAML"):
        load_blueprint(broken)


def write(tmp_path: Path, feed: dict) -> Path:
    path = tmp_path / "feed.yaml"
    path.write_text(yaml.safe_dump(feed), encoding="utf-8")
    return path


def test_feed_config_routes_and_defaults(tmp_path: Path, crm_blueprint_path: Path) -> None:
    feed = load_feed(write(tmp_path, {
        "name": "crm", "blueprint": str(crm_blueprint_path),
        "routes": [{"match": "*Contacts*", "sheet": "contacts"}, {"match": "*.xml", "sheet": "orders"}],
        "egress": {"destinations": [{"type": "file", "path": "out/{space}/{sheet}.csv"}]},
    }))
    assert feed.route("NORTHWIND_contacts_2026.csv") == "contacts"
    assert feed.route("hooli_orders.XML") == "orders"
    assert feed.route("inventory.csv") is None
    assert feed.accuracy == "confident" and feed.policy == "valid-only"
    assert feed.egress.triggers == ("validated", "updated") and feed.egress.debounce_seconds == 5
    (dest,) = feed.destinations
    assert dest.name == "file-1" and dest.type == "file"
    assert dest.destination.mode == "new"  # one file per delivery unless asked otherwise


def test_feed_egress_triggers_schedule_and_named_destinations(
        tmp_path: Path, crm_blueprint_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRM_DB_URL", "postgresql://u:s3cret@db.example/crm")
    feed = load_feed(write(tmp_path, {
        "name": "crm", "blueprint": str(crm_blueprint_path),
        "egress": {"policy": "all-or-nothing", "on": ["updated", "schedule"], "every": "15m",
                   "debounce": "250ms", "destinations": [
                       {"name": "crm-db", "type": "sql", "url": "${env:CRM_DB_URL}",
                        "table": "contacts", "mode": "upsert", "key": ["email"]},
                       {"type": "file", "path": "out/{space}/{sheet}.csv", "mode": "replace"}]},
    }))
    assert feed.policy == "all-or-nothing" and feed.egress.triggers == ("updated", "schedule")
    assert feed.egress.every_seconds == 900 and feed.egress.debounce_seconds == 0.25
    assert [d.name for d in feed.destinations] == ["crm-db", "file-2"]
    assert "s3cret" not in str(feed.destinations[0].destination.describe())


@pytest.mark.parametrize(("change", "words"), [
    ({"routes": [{"match": "*", "sheet": "nope"}]}, "unknown sheet 'nope'"),
    ({"automap": {"accuracy": "perfect"}}, "automap.accuracy"),
    ({"egress": {"policy": "some"}}, "egress.policy"),
    ({"egress": {"destinations": [{"type": "ftp", "path": "x.csv"}]}}, "type must be one of"),
    ({"egress": {"destinations": [{"type": "file", "path": "../../etc/x.csv"}]}}, "'..' folders"),
    ({"egress": {"destinations": [{"type": "file", "path": "out/{nope}.csv"}]}}, "unknown placeholder"),
    ({"egress": {"on": ["schedule"]}}, "set egress.every"),
    ({"egress": {"on": ["sometimes"]}}, "egress.on"),
    ({"egress": {"every": "often", "on": ["schedule"]}}, "duration"),
    ({"egress": {"destinations": [{"type": "file", "path": "a.csv", "name": "x"},
                                  {"type": "file", "path": "b.csv", "name": "x"}]}}, "named 'x'"),
    ({"egress": {"destinations": [{"type": "sql", "url": "${env:NOPE_NOT_SET}", "table": "t"}]}},
     "NOPE_NOT_SET"),
    ({"blueprint": "missing.yaml"}, "blueprint file not found"),
])
def test_malformed_feed_configs_are_refused(tmp_path: Path, crm_blueprint_path: Path,
                                            change: dict, words: str) -> None:
    feed = {"name": "crm", "blueprint": str(crm_blueprint_path), **change}
    with pytest.raises(ConfigError, match=words.replace("(", r"\(").replace(".", r"\.")):
        load_feed(write(tmp_path, feed))
