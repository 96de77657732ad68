"""The real ``feedline`` command offline: run, automap, and its refusals."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from tests.acceptance.conftest import feedline
from tests.conftest import manifest_entry

RUN_KEYS = {"file", "sheet", "rows", "valid", "invalid", "needs_review", "plan", "errors_by_type", "out"}


def test_run_writes_valid_rows_and_rejects(partner_fixtures, crm_blueprint_path: Path, tmp_path: Path) -> None:
    root, manifest = partner_fixtures
    item = manifest_entry(manifest, "northwind", "d1")
    out, rejects = tmp_path / "out.csv", tmp_path / "rejects.jsonl"
    result = feedline("run", str(root / item["path"]), "--blueprint", str(crm_blueprint_path),
                      "--out", str(out), "--rejects", str(rejects), "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert set(summary) >= RUN_KEYS
    bad_rows = {e["row"] for e in item["errors"]}
    assert summary["sheet"] == "contacts" and not summary["needs_review"]
    assert summary["rows"] == item["row_count"]
    assert summary["invalid"] == len(bad_rows) and summary["valid"] == item["row_count"] - len(bad_rows)
    assert sum(summary["errors_by_type"].values()) == len(item["errors"])
    with out.open(encoding="utf-8", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == summary["valid"]
    lines = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
    assert {line["row"] for line in lines} == bad_rows
    for line in lines:
        assert set(line) == {"row", "values", "messages"}
        assert all({"field", "type", "level", "message"} <= set(m) for m in line["messages"])


def test_run_with_a_persons_map_and_memory(partner_fixtures, crm_blueprint_path: Path, tmp_path: Path) -> None:
    root, manifest = partner_fixtures
    d1, d2 = manifest_entry(manifest, "acme", "d1"), manifest_entry(manifest, "acme", "d2")
    memory, out = tmp_path / "memory.json", tmp_path / "acme.csv"
    maps = [f"--map={src}={dst or ''}" for src, dst in d1["column_mapping"].items()]
    first = feedline("run", str(root / d1["path"]), "--blueprint", str(crm_blueprint_path),
                     "--sheet", "contacts", "--memory", str(memory), "--out", str(out), "--json", *maps)
    assert first.returncode == 0, first.stderr
    plan = json.loads(first.stdout)["plan"]
    assert {f["source"]: f["destination"] for f in plan["fields"]} == d1["column_mapping"]
    assert memory.exists()
    second = feedline("automap", str(root / d2["path"]), "--blueprint", str(crm_blueprint_path),
                      "--sheet", "contacts", "--memory", str(memory), "--json")
    assert second.returncode == 0, second.stderr
    plan2 = json.loads(second.stdout)
    assert {"sheet", "fields", "enums", "unmapped_source", "unmapped_destination", "auto_accept"} <= set(plan2)
    assert {f["source"]: f["destination"] for f in plan2["fields"]} == d2["column_mapping"]
    assert plan2["auto_accept"] is True
    for f in plan2["fields"]:
        assert 0 <= f["confidence"] <= 1 and f["certainty"] in {"absolute", "strong", "moderate", "weak"}
        assert f["reason"]


def test_run_needing_review_writes_nothing(crm_blueprint_path: Path, tmp_path: Path) -> None:
    src = tmp_path / "contacts.csv"
    src.write_text("foo,bar\nDoe,2020-01-01\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    result = feedline("run", str(src), "--blueprint", str(crm_blueprint_path), "--sheet", "contacts",
                      "--out", str(out), "--json")
    assert result.returncode == 3, result.stderr
    summary = json.loads(result.stdout)
    assert summary["needs_review"] is True and summary["out"] is None
    assert not out.exists()


def test_bad_input_exits_2_with_one_line(crm_blueprint_path: Path, tmp_path: Path) -> None:
    bad_bp = tmp_path / "bad.yaml"
    bad_bp.write_text("name: X\nsheets:\n  - slug: people\n    fields:\n      - key: age\n        type: integr\n",
                      encoding="utf-8")
    good = tmp_path / "people.csv"
    good.write_text("age\n3\n", encoding="utf-8")
    result = feedline("run", str(good), "--blueprint", str(bad_bp))
    assert result.returncode == 2
    assert "sheet 'people', field 'age': unknown type 'integr'" in result.stderr

    for name, data, reason in [("empty.csv", b"", "empty"), ("x.csv", b"a,b\n", "no data rows"),
                               ("x.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image")]:
        path = tmp_path / name
        path.write_bytes(data)
        res = feedline("run", str(path), "--blueprint", str(crm_blueprint_path), "--json")
        assert res.returncode == 2, (name, res.stderr)
        assert reason in res.stderr and res.stdout == ""
        assert path.read_bytes() == data

    missing = feedline("run", str(tmp_path / "nope.csv"), "--blueprint", str(crm_blueprint_path))
    assert missing.returncode == 2 and "no such file" in missing.stderr
    wrong_map = feedline("run", str(good), "--blueprint", str(crm_blueprint_path), "--map", "oops")
    assert wrong_map.returncode == 2 and "--map" in wrong_map.stderr
    wrong_acc = feedline("run", str(good), "--blueprint", str(crm_blueprint_path), "--accuracy", "perfect")
    assert wrong_acc.returncode == 2 and "--accuracy" in wrong_acc.stderr



def test_run_refuses_an_output_it_cannot_write_in_one_line(crm_blueprint_path: Path,
                                                           tmp_path: Path) -> None:
    src = tmp_path / "people.csv"
    src.write_text("Email,Last Name\na@example.com,Doe\n", encoding="utf-8")
    folder = tmp_path / "already a folder"
    folder.mkdir()
    res = feedline("run", str(src), "--blueprint", str(crm_blueprint_path), "--sheet", "contacts",
                   "--accuracy", "any", "--out", str(folder))
    assert res.returncode == 2, res.stderr
    assert "--out" in res.stderr and "is a folder" in res.stderr
    assert "Traceback" not in res.stderr and len(res.stderr.strip().splitlines()) == 1
    assert list(folder.iterdir()) == []

    blocker = tmp_path / "a file"
    blocker.write_text("keep me", encoding="utf-8")
    res = feedline("run", str(src), "--blueprint", str(crm_blueprint_path), "--sheet", "contacts",
                   "--accuracy", "any", "--rejects", str(blocker / "rejects.jsonl"))
    assert res.returncode == 2, res.stderr
    assert "could not write the output" in res.stderr and "Traceback" not in res.stderr
    assert blocker.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a file", "already a folder",
                                                           "people.csv"]

def test_serve_refuses_a_malformed_feed(tmp_path: Path) -> None:
    bp = tmp_path / "bp.yaml"
    bp.write_text("name: X\nsheets:\n  - slug: s\n    fields:\n      - key: a\n        type: enum\n",
                  encoding="utf-8")
    feed = tmp_path / "feed.yaml"
    feed.write_text(f"name: f\nblueprint: {bp}\n", encoding="utf-8")
    result = feedline("serve", "--data-dir", str(tmp_path / "d"), "--feed", str(feed), timeout=60)
    assert result.returncode == 2
    assert "field 'a': an enum field needs a non-empty 'options' list" in result.stderr
