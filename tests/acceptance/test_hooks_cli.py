"""``feedline run --hooks module:function`` and ``--locale`` / ``--decimal``: the real
command, with a hooks module written beside the data (found from the working folder)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from tests.acceptance.conftest import feedline

BLUEPRINT = """
name: People
sheets:
  - slug: people
    name: People
    fields:
      - {key: email, label: Email, constraints: [required, unique]}
      - {key: name, label: Name}
      - {key: amount, label: Amount, type: number}
"""
HOOKS = '''
import polars as pl


def register(listener):
    @listener.record_hook("people")
    def shout(record):
        record["name"] = (record["name"] or "").upper() or None

    @listener.frame_hook("people")
    def too_big(df):
        big = pl.when(pl.col("amount") > 100).then(pl.lit("over the limit"))
        return df.with_columns(big.alias("error:amount"))


def broken(listener):
    @listener.bulk_hook("people")
    def enrich(records):
        raise RuntimeError("CRM is down")
'''
FAILED = "broken.<locals>.enrich failed: RuntimeError: CRM is down"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "people.yaml").write_text(BLUEPRINT, encoding="utf-8")
    (tmp_path / "people_hooks.py").write_text(HOOKS, encoding="utf-8")
    (tmp_path / "people.csv").write_text(
        "email,name,amount\na@x.co,ann,1.234\nb@x.co,bob,250\nc@x.co,cy,2.500\n", encoding="utf-8")
    return tmp_path


def run(folder: Path, *args: str) -> tuple[dict[str, Any], list[dict[str, str]],
                                           list[dict[str, Any]]]:
    result = feedline("run", "people.csv", "--blueprint", "people.yaml", "--out", "out.csv",
                      "--rejects", "rejects.jsonl", "--json", *args, cwd=folder)
    assert result.returncode == 0, result.stderr
    with (folder / "out.csv").open(encoding="utf-8", newline="") as fh:
        valid = list(csv.DictReader(fh))
    rejects = [json.loads(line) for line in
               (folder / "rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    return json.loads(result.stdout), valid, rejects


def test_record_and_frame_hooks_reach_out_and_rejects(folder: Path) -> None:
    summary, valid, rejects = run(folder, "--hooks", "people_hooks:register")
    assert summary["hook_failures"] == []
    assert [(r["email"], r["name"]) for r in valid] == [("a@x.co", "ANN"), ("c@x.co", "CY")]
    assert [(r["row"], r["values"]["name"], r["messages"]) for r in rejects] == [
        (1, "BOB", [{"field": "amount", "type": "hook", "level": "error",
                     "message": "over the limit"}])]


def test_a_raising_hook_rejects_its_batch_and_the_run_still_succeeds(folder: Path) -> None:
    summary, valid, rejects = run(folder, "--hooks", "people_hooks:broken")
    assert valid == [] and [r["row"] for r in rejects] == [0, 1, 2]
    assert all(r["messages"] == [{"field": None, "type": "hook", "level": "error",
                                  "message": FAILED}]
               for r in rejects)
    assert summary["hook_failures"] == [{"hook": "broken.<locals>.enrich", "kind": "bulk",
                                         "records": 3,
                                         "message": FAILED}]
    text = feedline("run", "people.csv", "--blueprint", "people.yaml", "--hooks",
                    "people_hooks:broken", cwd=folder)
    assert text.returncode == 0, text.stderr
    assert "hook broken.<locals>.enrich failed on 3 records" in text.stdout


def test_locale_and_decimal_decide_ambiguous_numbers(folder: Path) -> None:
    amounts = {opts: [r["amount"] for r in run(folder, *opts)[1]]
               for opts in ((), ("--locale", "de-DE"), ("--locale", "de-DE", "--decimal", "."),
                            ("--decimal", ","), ("--locale", "de-CH"))}
    assert amounts == {
        (): ["1.234", "250", "2.5"],
        ("--locale", "de-DE"): ["1234", "250", "2500"],
        ("--locale", "de-DE", "--decimal", "."): ["1.234", "250", "2.5"],
        ("--decimal", ","): ["1234", "250", "2500"],
        ("--locale", "de-CH"): ["1.234", "250", "2.5"],
    }
    for bad in (("--decimal", ";"), ("--locale", "not a locale")):
        result = feedline("run", "people.csv", "--blueprint", "people.yaml", *bad, cwd=folder)
        assert result.returncode == 2 and bad[0] in result.stderr
