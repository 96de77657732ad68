"""Score automap on the public column-mapping cases (Valentine slices and synthetic).

Usage: ``python bench/automap_eval.py --cases ../shared/mapping-bench [--schema-only] [--learning]``

Each case becomes a one-sheet blueprint whose fields are the target headers (key = label
= header, no alternative names). Unless ``--schema-only``, a field's type is inferred from
the target's sample values (number, date, boolean), which gives the scorers value evidence.
Prints per slice: precision, recall and F1 over the expected pairs (a correct "no match"
counts as a hit), the precision of the auto-accepted subset (the mapped pairs of plans
that execute without a person), how many of those plans were wholly right, the precision
of pairs whose certainty passes the ``confident`` gate on their own, and the
expected calibration error (ECE) of the decisions' confidence. Then reliability tables
(confidence bins -> observed accuracy) of the raw scores and of the shipped calibration,
and, unless ``--no-cv``, of a calibration cross-validated by family: for each slice, a
table fitted on every other slice plus the partner fixtures (``automap_calibrate.py``).
``--learning`` adds the learning loop's four measures (``learning_sim.py``).
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

from automap_calibrate import (
    IDENTITY,
    Row,
    fit,
    foreign_rows,
    partner_rows,
    plan_rows,
    print_reliability,
    reliability,
)

from feedline.blueprint import Field, SheetSpec
from feedline.mapping import automap
from feedline.mapping.calibration import Table
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
    plan_pairs_right: int = 0  # mapped pairs inside plans that execute without a person
    plan_pairs: int = 0
    # certainty -> [right, total] over predicted pairs: is confidence a probability?
    buckets: dict[str, list[int]] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)  # every calibrated decision

    def line(self, name: str) -> str:
        p = self.hits / (self.hits + self.wrong) if self.hits + self.wrong else 1.0
        r = self.hits / (self.hits + self.missed) if self.hits + self.missed else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        auto = self.auto_right + self.auto_wrong
        ap = self.auto_right / auto if auto else 1.0
        pp = self.plan_pairs_right / self.plan_pairs if self.plan_pairs else 1.0
        _, ece = reliability((row.confidence, row.right) for row in self.rows)
        return (f"{name:<12} cases {self.cases:>3}  P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  "
                f"auto-accepted P {pp:.3f} ({self.plan_pairs_right}/{self.plan_pairs} pairs in "
                f"{self.plans_auto} plans, {self.plans_auto_right} wholly right)  "
                f"strong-pair P {ap:.3f} ({self.auto_right}/{auto})  ECE {ece:.3f}")

    def add(self, other: Tally) -> None:
        for k in ("hits", "wrong", "missed", "auto_right", "auto_wrong", "cases", "plans_auto",
                  "plans_auto_right", "plan_pairs_right", "plan_pairs"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.rows += other.rows
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


def evaluate(case: Case, verbose: bool = False, calibration: Table | None = None) -> Tally:
    """Plan one case and count hits, misses and what the gate would have let through."""
    t = Tally(cases=1)
    plan = automap(case.source, case.target, calibration=calibration)
    t.rows = plan_rows(case.slice, plan, case.expected)
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
        mapped = [m for m in plan.fields if m.destination is not None]
        t.plan_pairs += len(mapped)
        t.plan_pairs_right += sum(m.destination == case.expected.get(m.source) for m in mapped)
    return t


def report(slices: dict[str, Tally]) -> Tally:
    """Print one line per slice and for all Valentine slices; returns the total."""
    valentine, everything = Tally(), Tally()
    for name in sorted(slices):
        if name != "synthetic":
            valentine.add(slices[name])
        everything.add(slices[name])
        print(slices[name].line(name))
    print(valentine.line("valentine"))
    print(everything.line("all (micro)"))
    print("certainty buckets (mapped pairs, all slices):", ", ".join(
        f"{b} {r}/{n} = {r / n:.2f}" for b, (r, n) in sorted(everything.buckets.items()) if n))
    return everything


def cross_validate(cases: list[Case], fixtures: Path, verbose: bool) -> dict[str, Tally]:
    """Per slice, plan it with a table fitted on every other slice and the partners."""
    train = partner_rows(fixtures)
    for case in cases:
        plan = automap(case.source, case.target, calibration=IDENTITY)
        train += plan_rows(case.slice, plan, case.expected)
        train += foreign_rows(case.slice, case.name, case.source, case.target, case.expected)
    slices: dict[str, Tally] = defaultdict(Tally)
    for held_out in sorted({c.slice for c in cases}):
        table = fit([r for r in train if r.family != held_out])
        for case in (c for c in cases if c.slice == held_out):
            slices[held_out].add(evaluate(case, verbose, calibration=table))
    return slices


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, required=True, help="the mapping-bench folder")
    parser.add_argument("--schema-only", action="store_true", help="ignore target values")
    parser.add_argument("--fixtures", type=Path, help="partner fixtures (default: CASES/../fixtures)")
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validation by family")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every wrong decision")
    parser.add_argument("--learning", action="store_true",
                        help="also run the learning loop (bench/learning_sim.py) on the partner "
                             "fixtures and the development set")
    args = parser.parse_args(argv)
    cases = load_cases(args.cases, typed=not args.schema_only)
    slices: dict[str, Tally] = defaultdict(Tally)
    for case in cases:
        slices[case.slice].add(evaluate(case, args.verbose))
    print("shipped calibration table:")
    everything = report(slices)
    print()
    print_reliability("raw scores (before calibration)",
                      [(r.score, r.right) for r in everything.rows])
    print_reliability("shipped calibration (fitted on all slices and the partners)",
                      [(r.confidence, r.right) for r in everything.rows])
    if not args.no_cv:
        print("\ncross-validated by family (each slice planned with a table fitted without it):")
        cv = report(cross_validate(cases, args.fixtures or args.cases.parent / "fixtures",
                                   args.verbose))
        print_reliability("cross-validated calibration", [(r.confidence, r.right) for r in cv.rows])
    if args.learning:
        from learning_sim import devset_partners, fixture_partners
        from learning_sim import report as learning_report

        print()
        learning_report("learning loop, shared partner fixtures",
                        fixture_partners(args.fixtures or args.cases.parent / "fixtures"))
        learning_report("learning loop, development set (bench/devset.py)", devset_partners())
        learning_report("learning loop, development set, fresh partners", devset_partners(True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
