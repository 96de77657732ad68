"""``feedline run`` writes its files straight from the validated chunks (two passes, no
stored sheet): byte for byte what a stored sheet read back gives, with the checks that
compare records (unique, case-insensitive, composite keys, references within the sheet)
seen across chunk borders, and nothing written when it fails."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import polars as pl
import pytest
import yaml

from feedline.blobs import LocalBlobs
from feedline.blueprint import SheetSpec, load_blueprint
from feedline.mapping import FieldMapping, Plan
from feedline.pipeline.outfiles import Encoded, OutFiles
from feedline.pipeline.records import store_records
from feedline.pipeline.stream import checked_fields, streamable, write_records
from feedline.records.view import SheetView
from feedline.validate import validate

BLUEPRINT = {
    "name": "Keys",
    "sheets": [{
        "slug": "items", "name": "Items",
        "fields": [
            {"key": "code", "label": "Code", "constraints": [
                "required", {"type": "unique", "case_sensitive": False}]},
            {"key": "num", "label": "Number", "type": "integer", "constraints": ["unique"]},
            {"key": "region", "label": "Region"},
            {"key": "sku", "label": "SKU"},
            {"key": "parent", "label": "Parent", "type": "reference",
             "reference": {"sheet": "items", "field": "code"}},
            {"key": "price", "label": "Price", "type": "number", "constraints": [
                {"type": "min", "value": 0}]},
            {"key": "seen", "label": "Seen", "type": "date"},
            {"key": "note", "label": "Note"},
        ],
        "constraints": [{"type": "unique", "fields": ["region", "sku"]}],
    }],
}


@pytest.fixture
def spec(tmp_path: Path) -> SheetSpec:
    path = tmp_path / "keys.yaml"
    path.write_text(yaml.safe_dump(BLUEPRINT), encoding="utf-8")
    return load_blueprint(path).sheet("items")


def messy(n: int, seed: int) -> pl.DataFrame:
    """``n`` rows whose keys repeat across the whole file (any case), with references to
    rows before and after, bad numbers and dates, formula-like and quoted text."""
    rnd = random.Random(seed)
    codes = [f"C{rnd.randrange(n)}" for _ in range(n)]
    return pl.DataFrame({
        "code": [c.lower() if rnd.random() < 0.1 else (None if rnd.random() < 0.03 else c)
                 for c in codes],
        "num": [rnd.choice([str(rnd.randrange(n * 2)), "x", "", " 7 "]) for _ in range(n)],
        "region": [rnd.choice(["eu", "us", None]) for _ in range(n)],
        "sku": [f"S-{rnd.randrange(n // 2 + 1)}" for _ in range(n)],
        "parent": [rnd.choice([None, rnd.choice(codes), "nope"]) for _ in range(n)],
        "price": [rnd.choice(["1.5", "-2", "1,000.25", "abc", None]) for _ in range(n)],
        "seen": [rnd.choice(["2026-01-31", "31 Jan 2026", "2026/02/30", None]) for _ in range(n)],
        "note": [rnd.choice(["plain", "=1+1", 'say "hi", then\nleave', "", None])
                 for _ in range(n)],
    })


def person_plan(spec: SheetSpec) -> Plan:
    return Plan(sheet=spec.slug, fields=[FieldMapping(k, k, 1.0, "absolute", "", "person")
                                         for k in spec.keys])


def stored(tmp: Path, frame: pl.DataFrame, spec: SheetSpec, out: Path, rejects: Path,
           chunk_rows: int) -> dict[str, object]:
    """The files from a stored sheet read back (the path a sheet with hooks takes)."""
    blobs = LocalBlobs(tmp / "blobs")
    mapped = store_records(blobs, "s", frame, frame.height, person_plan(spec), spec,
                           chunk_rows=chunk_rows, indexed=False)
    files = OutFiles(spec, out, rejects)
    with files.open():
        for batch in SheetView(blobs, spec, mapped.segment, [], 0).iter_batches():
            files.write(files.encode(batch))
    return mapped.counts


def streamed(tmp: Path, frame: pl.DataFrame, spec: SheetSpec, out: Path | None,
             rejects: Path | None, chunk_rows: int) -> dict[str, object]:
    files = OutFiles(spec, out, rejects)
    with files.open():
        return write_records(frame, frame.height, person_plan(spec), spec, files, tmp / "work",
                             chunk_rows=chunk_rows)


@pytest.mark.parametrize("rejects_name", ["rejects.jsonl", "rejects.csv"])
@pytest.mark.parametrize("chunk_rows", [7, 64, 1000])
def test_streamed_files_equal_a_stored_sheet_read_back(tmp_path: Path, spec: SheetSpec,
                                                       rejects_name: str, chunk_rows: int) -> None:
    frame = messy(300, seed=chunk_rows)
    a, b = tmp_path / "a", tmp_path / "b"
    counts_stored = stored(a, frame, spec, a / "out.csv", a / rejects_name, chunk_rows)
    counts_streamed = streamed(b, frame, spec, b / "out.csv", b / rejects_name, chunk_rows)

    assert (b / "out.csv").read_bytes() == (a / "out.csv").read_bytes()
    assert (b / rejects_name).read_bytes() == (a / rejects_name).read_bytes()
    assert counts_streamed == counts_stored
    # and both are what one validation of the whole file at once says
    whole = validate(frame, spec).counts()
    assert counts_streamed["valid"] == whole["valid"]
    assert counts_streamed["by_type"] == whole["by_type"]
    assert whole["by_type"].get("unique", 0) > 0 and whole["by_type"].get("missing-reference", 0) > 0
    lines = (b / "out.csv").read_bytes().count(b"\n")
    assert lines > whole["valid"]  # header + a line per valid record (more: quoted newlines)
    assert not list((b / "work").glob("*")), "the first pass leaves no spill behind"


def test_only_the_valid_file_needs_no_messages(tmp_path: Path, spec: SheetSpec) -> None:
    frame = messy(200, seed=3)
    a, b = tmp_path / "a", tmp_path / "b"
    stored(a, frame, spec, a / "out.csv", a / "rejects.jsonl", 50)
    counts = streamed(b, frame, spec, b / "out.csv", None, 50)
    assert (b / "out.csv").read_bytes() == (a / "out.csv").read_bytes()
    assert counts["valid"] == validate(frame, spec).counts()["valid"]


def test_a_failure_writes_nothing_and_keeps_the_old_files(tmp_path: Path, spec: SheetSpec) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    out = folder / "out.csv"
    out.write_bytes(b"yesterday's\n")
    files = OutFiles(spec, out, folder / "rejects.jsonl")
    with pytest.raises(RuntimeError), files.open():
        files.write(Encoded(b"half a file\n", 1, b"{}\n", 1))
        raise RuntimeError("the disk filled up")
    assert out.read_bytes() == b"yesterday's\n"
    assert sorted(p.name for p in folder.iterdir()) == ["out.csv"]


def test_a_sheet_whose_checks_hooks_or_computed_fields_could_change_is_stored(
        spec: SheetSpec) -> None:
    assert checked_fields(spec) == {"code", "num", "region", "sku", "parent"}
    assert streamable(spec, ())
    assert not streamable(spec, (lambda frame: frame,))  # type: ignore[arg-type]
    computed = SheetSpec(spec.slug, spec.name, tuple(
        replace(f, computed="upper(code)") if f.key == "sku" else f for f in spec.fields),
        spec.constraints)
    assert not streamable(computed, ())
    unchecked = SheetSpec(spec.slug, spec.name, tuple(
        replace(f, computed="upper(code)") if f.key == "note" else f for f in spec.fields),
        spec.constraints)
    assert streamable(unchecked, ())


@pytest.mark.parametrize("height", [0, 40])
def test_a_file_without_the_key_columns_or_rows(tmp_path: Path, spec: SheetSpec, height: int) -> None:
    frame = messy(40, seed=5).head(height).drop("code", "num", "sku")
    plan = Plan(sheet=spec.slug, fields=[FieldMapping(k, k, 1.0, "absolute", "", "person")
                                         for k in frame.columns])
    files = OutFiles(spec, tmp_path / "out.csv", tmp_path / "rejects.jsonl")
    with files.open():
        counts = write_records(frame, frame.height, plan, spec, files, tmp_path / "work",
                               chunk_rows=16)
    whole = validate(frame, spec).counts()
    assert (counts["rows"], counts["valid"]) == (height, whole["valid"])
    assert counts["by_type"] == whole["by_type"]
    text = (tmp_path / "out.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == ",".join(spec.keys)
    written = pl.read_csv(tmp_path / "out.csv", infer_schema=False).height
    rejected = (tmp_path / "rejects.jsonl").read_text(encoding="utf-8").splitlines()
    assert (written, len(rejected)) == (whole["valid"], height - whole["valid"])


def test_a_file_with_no_rows_stored_or_streamed(tmp_path: Path, spec: SheetSpec) -> None:
    frame = messy(10, seed=2).head(0)
    a, b = tmp_path / "a", tmp_path / "b"
    assert stored(a, frame, spec, a / "out.csv", a / "rejects.csv", 5)["rows"] == 0
    assert streamed(b, frame, spec, b / "out.csv", b / "rejects.csv", 5)["rows"] == 0
    assert (b / "out.csv").read_bytes() == (a / "out.csv").read_bytes() == \
        (",".join(spec.keys) + "\n").encode()
    assert (b / "rejects.csv").read_bytes() == (a / "rejects.csv").read_bytes()
