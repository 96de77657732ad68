"""Fit automap's calibration table: raw combined score -> probability of being right.

Usage: ``python bench/automap_calibrate.py --cases ../shared/mapping-bench [--write]``

Every automatic decision (a mapped pair or a column left unmapped) of the public cases and
of the generated partner deliveries (``../shared/fixtures``, all three deliveries, planned
without memory) is a training row ``(family, group, raw score, right)``. Per calibration
group the rows are binned by raw score (0.01), each bin's accuracy is smoothed with one
right and one wrong pseudo-observation (little evidence stays near 0.5), and a weighted
isotonic regression (pool adjacent violators) makes the map monotone. Families weigh the
same, so 25 opendata cases cannot outvote the partners. ``--write`` stores the table in
``feedline/mapping/calibration_table.py``; ``automap_eval.py`` cross-validates it by family.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from feedline.blueprint import load_blueprint
from feedline.errors import FeedlineError
from feedline.mapping import Plan, automap
from feedline.mapping.calibration import Table

REPO = Path(__file__).resolve().parents[1]
TABLE_FILE = REPO / "feedline" / "mapping" / "calibration_table.py"
IDENTITY: Table = {}  # no table: every decision keeps its raw score
BIN = 0.01
RELIABILITY_EDGES = (0.0, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.99, 1.0001)


@dataclass(frozen=True)
class Row:
    """One automatic decision: where it came from, its group, raw score, confidence, truth."""

    family: str
    group: str
    score: float
    confidence: float
    right: bool


def plan_rows(family: str, plan: Plan, expected: dict[str, str | None]) -> list[Row]:
    """The calibrated decisions of ``plan`` (memory and person decisions are left out)."""
    return [
        Row(family, m.group, m.score, m.confidence, m.destination == expected.get(m.source))
        for m in plan.fields
        if m.group is not None and m.score is not None
    ]


def partner_rows(fixtures: Path, table: Table | None = IDENTITY) -> list[Row]:
    """Rows from every generated partner delivery that feedline's extractor reads."""
    from feedline.extract import extract

    blueprint = load_blueprint(fixtures / "blueprints" / "crm.yaml")
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        subprocess.run([sys.executable, str(fixtures / "make_fixtures.py"), str(out), "--rows", "120"],
                       check=True, capture_output=True)
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        for f in manifest["files"]:
            try:
                tables = extract(out / f["path"], Path(f["path"]).name, profile=False).tables
            except FeedlineError:
                continue
            frame = next((t.frame for t in tables
                          if t.frame is not None and set(t.frame.columns) == set(f["column_mapping"])),
                         None)
            if frame is None:
                continue
            plan = automap(frame, blueprint.sheet(f["target_sheet"]), calibration=table)
            rows += plan_rows("partners", plan, f["column_mapping"])
    return rows


def _pav(blocks: list[list[float]]) -> list[list[float]]:
    """Pool adjacent violators over [lo, hi, right, weight] blocks sorted by score."""
    out: list[list[float]] = []
    for b in blocks:
        out.append(list(b))
        while len(out) > 1 and out[-2][2] / out[-2][3] >= out[-1][2] / out[-1][3]:
            hi = out.pop()
            out[-1][1] = hi[1]
            out[-1][2] += hi[2]
            out[-1][3] += hi[3]
    return out


def fit(rows: Sequence[Row]) -> dict[str, tuple[tuple[float, float], ...]]:
    """Per group, monotone (score, probability) breakpoints from family-balanced rows."""
    per_family = Counter(r.family for r in rows)
    mean = len(rows) / len(per_family) if per_family else 0.0
    weight = {f: mean / n for f, n in per_family.items()}
    bins: dict[str, dict[float, list[float]]] = defaultdict(dict)
    for r in rows:
        x = round(round(r.score / BIN) * BIN, 4)
        slot = bins[r.group].setdefault(x, [0.0, 0.0, 0.0])
        slot[0] += weight[r.family] * r.right
        slot[1] += weight[r.family]
        slot[2] += 1
    table: dict[str, tuple[tuple[float, float], ...]] = {}
    for group, by_score in sorted(bins.items()):
        # The family-weighted accuracy, as strong as the bin's real number of rows.
        blocks = [[x, x, count * right / n + 1.0, count + 2.0]
                  for x, (right, n, count) in sorted(by_score.items())]
        points: list[tuple[float, float]] = []
        for lo, hi, right, n in _pav(blocks):
            p = round(right / n, 4)
            points.append((lo, p))
            if hi != lo:
                points.append((hi, p))
        table[group] = tuple(points)
    return table


def reliability(pairs: Iterable[tuple[float, bool]]) -> tuple[list[tuple[str, int, float, float]], float]:
    """Bins of confidence -> (label, count, mean confidence, accuracy), and the ECE."""
    acc: list[list[float]] = [[0, 0.0, 0.0] for _ in RELIABILITY_EDGES[:-1]]
    for conf, right in pairs:
        i = next(k for k in range(len(acc)) if conf < RELIABILITY_EDGES[k + 1])
        acc[i][0] += 1
        acc[i][1] += conf
        acc[i][2] += right
    total = sum(a[0] for a in acc)
    out, ece = [], 0.0
    for (lo, hi), (n, conf_sum, right) in zip(pairwise(RELIABILITY_EDGES), acc, strict=True):
        if not n:
            continue
        mean, accuracy = conf_sum / n, right / n
        ece += n / total * abs(accuracy - mean)
        out.append((f"[{lo:.2f},{min(hi, 1.0):.2f}{']' if hi > 1 else ')'}", int(n), mean, accuracy))
    return out, ece


def print_reliability(title: str, pairs: Sequence[tuple[float, bool]]) -> float:
    """Print one reliability table; returns its expected calibration error."""
    bins, ece = reliability(pairs)
    print(f"{title}: ECE {ece:.3f} over {len(pairs)} decisions")
    for label, n, mean, accuracy in bins:
        print(f"  {label:<12} n {n:>5}  confidence {mean:.3f}  right {accuracy:.3f}")
    return ece


def render(table: dict[str, tuple[tuple[float, float], ...]]) -> str:
    """The generated module holding ``table``."""
    lines = ['"""Generated by ``bench/automap_calibrate.py --write``: do not edit by hand."""', "",
             "from __future__ import annotations", "",
             "TABLE: dict[str, tuple[tuple[float, float], ...]] = {"]
    for group, points in table.items():
        lines.append(f"    {group!r}: (")
        lines += [f"        ({x}, {p})," for x, p in points]
        lines.append("    ),")
    lines.append("}")
    return "\n".join(lines) + "\n"


def training_rows(cases_root: Path, fixtures: Path) -> list[Row]:
    """Uncalibrated rows of every public case (typed targets) and every partner delivery."""
    from automap_eval import load_cases

    rows = partner_rows(fixtures)
    for case in load_cases(cases_root, typed=True):
        rows += plan_rows(case.slice, automap(case.source, case.target, calibration=IDENTITY),
                          case.expected)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, required=True, help="the mapping-bench folder")
    parser.add_argument("--fixtures", type=Path, help="partner fixtures (default: CASES/../fixtures)")
    parser.add_argument("--write", action="store_true", help=f"write {TABLE_FILE.name}")
    args = parser.parse_args(argv)
    rows = training_rows(args.cases, args.fixtures or args.cases.parent / "fixtures")
    table = fit(rows)
    for family, n in sorted(Counter(r.family for r in rows).items()):
        print(f"{family:<10} {n:>5} decisions")
    text = render(table)
    if args.write:
        TABLE_FILE.write_text(text, encoding="utf-8")
        print(f"wrote {TABLE_FILE.relative_to(REPO)}")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
