"""A person states a plan to the real ``feedline`` command: ``automap --json`` edited and
given back with ``run --plan``, enum decisions with ``--enum``, a workbook's sheet with
``--source-sheet``; the offline path picks a workbook's sheets as the server does."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from tests.acceptance.conftest import feedline
from tests.conftest import manifest_entry

PEOPLE = Path(__file__).resolve().parents[1] / "data" / "people.yaml"


def test_run_with_a_persons_edited_plan(tmp_path: Path) -> None:
    src = tmp_path / "staff.csv"
    src.write_text("Personalnr;Mitarbeiter;Vertrag;Kst\nP1;Ann Lee;VZ;10\nP2;Bo Kim;Honorar;11\n"
                   "P3;Cy Ode;TZ;12\n", encoding="utf-8")
    proposed = feedline("automap", str(src), "--blueprint", str(PEOPLE), "--json")
    assert proposed.returncode == 0, proposed.stderr
    plan = json.loads(proposed.stdout)
    # The person maps every column and the contract values, one of them not in this file.
    right = {"Personalnr": "employee_id", "Mitarbeiter": "full_name", "Vertrag": "contract",
             "Kst": "cost_center"}
    for f in plan["fields"]:
        f["destination"] = right[f["source"]]
    plan["enums"] = {"contract": [{"value": "VZ", "option": "full_time"},
                                  {"value": "TZ", "option": "part_time"}]}
    plan["taught"] = {"contract": {"Werkvertrag": "contractor"}}
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    out, memory = tmp_path / "out.csv", tmp_path / "memory.json"
    result = feedline("run", str(src), "--blueprint", str(PEOPLE), "--plan", str(path),
                      "--enum", "contract:Honorar=contractor", "--out", str(out),
                      "--memory", str(memory), "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert {f["source"]: f["destination"] for f in summary["plan"]["fields"]} == right
    assert summary["valid"] == 3
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["contract"] for r in rows] == ["full_time", "contractor", "part_time"]
    # The next file of this partner maps alone from the memory the person's plan left.
    nxt = tmp_path / "staff2.csv"
    nxt.write_text("Personalnr;Mitarbeiter;Vertrag;Kst\nP4;Di Eve;Werkvertrag;13\n", encoding="utf-8")
    again = feedline("automap", str(nxt), "--blueprint", str(PEOPLE), "--memory", str(memory), "--json")
    plan2 = json.loads(again.stdout)
    assert plan2["auto_accept"] is True
    assert {v["value"]: v["option"] for v in plan2["enums"]["contract"]} == {"Werkvertrag": "contractor"}


def test_a_plan_naming_a_missing_column_or_field_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "staff.csv"
    src.write_text("Personalnr;Mitarbeiter\nP1;Ann Lee\n", encoding="utf-8")
    bad = tmp_path / "plan.json"
    bad.write_text(json.dumps({"sheet": "employees", "fields": [
        {"source": "Nope", "destination": "employee_id"}]}), encoding="utf-8")
    result = feedline("run", str(src), "--blueprint", str(PEOPLE), "--plan", str(bad))
    assert result.returncode == 2 and "'Nope'" in result.stderr
    bad.write_text(json.dumps({"sheet": "employees", "fields": [
        {"source": "Personalnr", "destination": "salary"}]}), encoding="utf-8")
    result = feedline("run", str(src), "--blueprint", str(PEOPLE), "--plan", str(bad))
    assert result.returncode == 2 and "salary" in result.stderr
    bad.write_text("{not json", encoding="utf-8")
    result = feedline("run", str(src), "--blueprint", str(PEOPLE), "--plan", str(bad))
    assert result.returncode == 2 and "not a JSON plan" in result.stderr
    wrong = feedline("run", str(src), "--blueprint", str(PEOPLE), "--enum", "contract=x")
    assert wrong.returncode == 2 and "--enum" in wrong.stderr


def test_a_missing_required_field_runs_only_when_allowed(tmp_path: Path) -> None:
    src = tmp_path / "staff.csv"
    src.write_text("Personalnr;Mitarbeiter\nP1;Ann Lee\nP2;Bo Kim\n", encoding="utf-8")
    maps = ["--map", "Personalnr=employee_id", "--map", "Mitarbeiter=full_name"]
    out, rejects = tmp_path / "out.csv", tmp_path / "rejects.jsonl"
    waits = feedline("run", str(src), "--blueprint", str(PEOPLE), *maps, "--out", str(out), "--json")
    assert waits.returncode == 3 and not out.exists()
    assert any("cost_center" in r for r in json.loads(waits.stdout)["review_reasons"])
    ran = feedline("run", str(src), "--blueprint", str(PEOPLE), *maps, "--allow-missing-required",
                   "--out", str(out), "--rejects", str(rejects), "--json")
    assert ran.returncode == 0, ran.stderr
    assert json.loads(ran.stdout)["invalid"] == 2
    lines = [json.loads(x) for x in rejects.read_text(encoding="utf-8").splitlines()]
    assert all(any(m["type"] == "required" and m["field"] == "cost_center" for m in x["messages"])
               for x in lines)


def test_a_workbook_is_read_as_the_server_reads_it(partner_fixtures, crm_blueprint_path: Path,
                                                    tmp_path: Path) -> None:
    root, manifest = partner_fixtures
    item = manifest_entry(manifest, "initech", "d1")  # title lines, a data sheet, a Notes sheet
    maps = [f"--map={s}={d or ''}" for s, d in item["column_mapping"].items()]
    out = tmp_path / "orders.csv"
    result = feedline("run", str(root / item["path"]), "--blueprint", str(crm_blueprint_path),
                      "--sheet", "orders", *maps, "--out", str(out), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["rows"] == item["row_count"]  # the Notes sheet skipped
    named = feedline("run", str(root / item["path"]), "--blueprint", str(crm_blueprint_path),
                     "--sheet", "orders", "--source-sheet", item["sheet_name"], *maps, "--json")
    assert named.returncode == 0 and json.loads(named.stdout)["rows"] == item["row_count"]
    missing = feedline("run", str(root / item["path"]), "--blueprint", str(crm_blueprint_path),
                       "--source-sheet", "Nope")
    assert missing.returncode == 2 and "no sheet 'Nope'" in missing.stderr
    extracted = feedline("extract", str(root / item["path"]), "--source-sheet", item["sheet_name"],
                         "--json")
    assert extracted.returncode == 0
    assert [t["name"] for t in json.loads(extracted.stdout)["tables"]] == [item["sheet_name"]]
