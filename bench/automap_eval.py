"""Score automap on the public column-mapping cases (Valentine slices and synthetic).

Usage: ``python bench/automap_eval.py --cases ../shared/mapping-bench [--schema-only]``

Each case becomes a one-sheet blueprint whose fields are the target headers (key = label
= header, no alternative names). Unless ``--schema-only``, a field's type is inferred from
the target's sample values (number, date, boolean), which gives the scorers value evidence.
Prints per slice: precision, recall and F1 over the expected pairs (a correct "no match"
counts as a hit), and the precision of the auto-accepted subset (pairs whose certainty
passes the ``confident`` gate), plus how many whole plans auto-accepted and were right.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from feedline.blueprint import Field, SheetSpec
from feedline.mapping import automap
from feedline.mapping.scorers import profile_column

PASSING = ("absolute", "strong")


@dataclass
class Case:
    """One matching problem: a source table, a target sheet, the expected answer."""

    slice: str
    name: str
    source: pl.DataFrame
    target: SheetSpec
    expected: dict[str, str | None]


@dataclass
class Tally:
    """Counts for one slice."""

    hits: int = 0
    wrong: int = 0
    missed: int = 0
    auto_right: int = 0
    auto_wrong: int = 0
    cases: int = 0
    plans_auto: int = 0
    plans_auto_right: int = 0
    # certainty -> [right, total] over predicted pairs: is confidence a probability?
    buckets: dict[str, list[int]] = field(default_factory=dict)

    def line(self, name: str) -> str:
        p = self.hits / (self.hits + self.wrong) if self.hits + self.wrong else 1.0
        r = self.hits / (self.hits + self.missed) if self.hits + self.missed else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        auto = self.auto_right + self.auto_wrong
        ap = self.auto_right / auto if auto else 1.0
        return (f"{name:<12} cases {self.cases:>3}  P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  "
                f"auto-accepted P {ap:.3f} ({self.auto_right}/{auto} pairs)  "
                f"plans auto {self.plans_auto_right}/{self.plans_auto} right")

    def add(self, other: Tally) -> None:
        for k in ("hits", "wrong", "missed", "auto_right", "auto_wrong", "cases", "plans_auto",
                  "plans_auto_right"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        for b, (right, total) in other.buckets.items():
            slot = self.buckets.setdefault(b, [0, 0])
            slot[0] += right
            slot[1] += total


def _type_of(values: pl.Series) -> str:
    """A field type from target samples: number, date or boolean when nearly all fit."""
    prof = profile_column(values)
    if prof.filled < 3:
        return "string"
    if prof.date >= 0.9:
        return "date"
    if prof.boolean >= 0.9 and prof.distinct <= 2:
        return "boolean"
    if prof.number >= 0.9:
        return "number"
    return "string"


def _sheet(names: list[str], samples: dict[str, pl.Series] | None) -> SheetSpec:
    fields = tuple(
        Field(n, n, type=_type_of(samples[n]) if samples is not None else "string") for n in names
    )
    return SheetSpec("target", "target", fields)


def load_cases(root: Path, typed: bool) -> list[Case]:
    """Every Valentine case folder and every synthetic case under ``root``."""
    cases = []
    for folder in sorted((root / "valentine").glob("*/*")):
        if not (folder / "expected.json").is_file():
            continue
        src = pl.read_csv(folder / "source.csv", infer_schema=False)
        tgt = pl.read_csv(folder / "target.csv", infer_schema=False)
        exp = json.loads((folder / "expected.json").read_text())
        expected = dict.fromkeys(src.columns)
        expected.update({m["source"]: m["target"] for m in exp["mappings"]})
        samples = {c: tgt.get_column(c) for c in tgt.columns} if typed else None
        cases.append(Case(folder.parent.name, folder.name, src, _sheet(tgt.columns, samples), expected))
    synthetic = root / "synthetic.json"
    if synthetic.is_file():
        for c in json.loads(synthetic.read_text())["cases"]:
            src = pl.DataFrame({f["name"]: [str(s) for s in f["samples"]] for f in c["source_fields"]},
                               schema={f["name"]: pl.String for f in c["source_fields"]})
            names = [f["name"] for f in c["target_fields"]]
            samples = ({f["name"]: pl.Series([str(s) for s in f["samples"]], dtype=pl.String)
                        for f in c["target_fields"]} if typed else None)
            expected = dict.fromkeys(src.columns)
            expected.update({m["source"]: m["target"] for m in c["expected"]["mappings"]})
            cases.append(Case("synthetic", c["id"], src, _sheet(names, samples), expected))
    return cases


def evaluate(case: Case, verbose: bool = False) -> Tally:
    """Plan one case and count hits, misses and what the gate would have let through."""
    t = Tally(cases=1)
    plan = automap(case.source, case.target)
    all_right = True
    for m in plan.fields:
        want = case.expected.get(m.source)
        got = m.destination
        if got == want:
            t.hits += 1
        else:
            all_right = False
            if got is not None:
                t.wrong += 1
            if want is not None:
                t.missed += 1
            if verbose:
                print(f"  {case.slice}/{case.name}: {m.source!r} -> {got!r} (want {want!r}) "
                      f"{m.certainty} {m.confidence:.2f} {m.reason}")
        if got is not None:
            slot = t.buckets.setdefault(m.certainty, [0, 0])
            slot[0] += int(got == want)
            slot[1] += 1
        if got is not None and m.certainty in PASSING:
            if got == want:
                t.auto_right += 1
            else:
                t.auto_wrong += 1
    if plan.auto_accept:
        t.plans_auto += 1
        t.plans_auto_right += int(all_right)
    return t


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, required=True, help="the mapping-bench folder")
    parser.add_argument("--schema-only", action="store_true", help="ignore target values")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every wrong decision")
    args = parser.parse_args(argv)
    slices: dict[str, Tally] = defaultdict(Tally)
    for case in load_cases(args.cases, typed=not args.schema_only):
        slices[case.slice].add(evaluate(case, args.verbose))
    valentine = Tally()
    for name in sorted(slices):
        if name != "synthetic":
            valentine.add(slices[name])
        print(slices[name].line(name))
    print(valentine.line("valentine"))
    everything = Tally()
    for tally in slices.values():
        everything.add(tally)
    print("calibration (mapped pairs, all slices):", ", ".join(
        f"{b} {r}/{n} = {r / n:.2f}" for b, (r, n) in sorted(everything.buckets.items()) if n))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
