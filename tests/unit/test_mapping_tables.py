"""Name tables are built once and kept between processes, and a bad cache costs nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from feedline.mapping import tables
from feedline.mapping.codelists import _country_names, country_names


def test_a_table_is_built_once_then_read_from_the_cache(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FEEDLINE_CACHE_DIR", str(tmp_path))
    calls: list[int] = []

    def build() -> dict[str, str]:
        calls.append(1)
        return {"deutschland": "DE", "österreich": "AT"}

    assert tables.kept("demo", build) == {"deutschland": "DE", "österreich": "AT"}
    assert tables.kept("demo", build) == {"deutschland": "DE", "österreich": "AT"}
    assert len(calls) == 1
    kept = list(tmp_path.glob("demo-*.json"))
    assert [p.name for p in kept] == [f"demo-{tables.fingerprint()}.json"]
    assert not list(tmp_path.glob(".*"))  # no temporary file left


def test_a_corrupt_or_foreign_cache_file_is_rebuilt(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FEEDLINE_CACHE_DIR", str(tmp_path))
    path = tmp_path / f"demo-{tables.fingerprint()}.json"
    stale = tmp_path / "demo-0123456789abcdef.json"
    stale.write_text("{}", encoding="utf-8")
    recent = tmp_path / "demo-fedcba9876543210.json"  # another installation's, in use
    recent.write_text("{}", encoding="utf-8")
    week_ago = time.time() - tables.STALE_AFTER - 60
    os.utime(stale, (week_ago, week_ago))
    for broken in ('{"truncated', '["a list"]', '{"key": 5}'):
        path.write_text(broken, encoding="utf-8")
        assert tables.kept("demo", lambda: {"a": "b"}) == {"a": "b"}
        assert json.loads(path.read_text(encoding="utf-8")) == {"a": "b"}
    assert not stale.exists()  # another fingerprint's file, unwritten for a week, goes
    assert recent.exists()  # one written lately stays


def test_an_unwritable_cache_folder_still_gives_the_table(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("FEEDLINE_CACHE_DIR", str(blocker / "cache"))
    assert tables.kept("demo", lambda: {"x": "y"}) == {"x": "y"}


def test_a_new_process_reads_the_same_country_names_from_the_cache(tmp_path: Path) -> None:
    code = ("import json, sys; from feedline.mapping.codelists import country_names; "
            "json.dump(country_names(), sys.stdout)")
    env = {"FEEDLINE_CACHE_DIR": str(tmp_path), "PATH": ""}
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env=env, check=True)
    assert len(list(tmp_path.glob("country_names-*.json"))) == 1
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, check=True)
    assert json.loads(first.stdout) == json.loads(second.stdout) == _country_names()
    assert country_names()["deutschland"] == "DE"


def test_the_kept_vocabulary_is_the_parsed_vocabulary(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from feedline.mapping import vocabulary

    monkeypatch.setenv("FEEDLINE_CACHE_DIR", str(tmp_path))
    parsed = vocabulary._parsed()
    assert vocabulary.languages.__wrapped__() == parsed  # built, and kept
    [path] = tmp_path.glob("vocabulary-*.json")
    assert vocabulary.languages.__wrapped__() == parsed  # read back
    path.write_text(json.dumps([{"code": code} for code in vocabulary.LANGUAGES]), encoding="utf-8")
    assert vocabulary.languages.__wrapped__() == parsed  # a kept file of another shape
