"""The learning loop, in process: first deliveries, a person's correction, later deliveries.

Usage: ``python bench/learning_sim.py [--fixtures ../shared/fixtures] [--no-devset] [--only SET] [-v]``

For every partner, in delivery order (every partner's d1, then every d2, then every d3,
one memory per blueprint as on a server): automap the delivery with memory; when the
plan does not pass the gate, a person sets the whole right plan and the enum values of
this file (``patch``) and executes it (memory learns it as a person's decision); when
it passes, it runs and memory learns it as automap's. Prints the four measures:

1. first delivery: columns decided right and "strong" or better (also counted over the
   columns that have a field only, as ``bench/learning_loop.py`` counts through a server);
2. later deliveries (d2, d3) that run alone with every column right;
3. plans that ran alone with a wrong column (must be 0);
4. enum values right in the automatic plan, first and third delivery.

Run on the shared partner fixtures and on the development set of ``bench/devset.py``
(other languages and vocabularies, an HR blueprint); the two are reported apart.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from feedline.blueprint import SheetSpec, load_blueprint
from feedline.errors import FeedlineError
from feedline.mapping import MappingMemory, Plan, automap, patch
from feedline.mapping.calibration import Table

PASSING = ("absolute", "strong")
WHEN = ("2026-11-02", "2026-11-16", "2026-11-30")  # the dates the deliveries are decided


@dataclass
class Delivery:
    """One file of a partner: its table and the truth (manifest)."""

    name: str  # d1, d2, d3
    frame: pl.DataFrame
    columns: dict[str, str | None]
    enums: dict[str, dict[str, str | None]]


@dataclass
class Partner:
    """A partner delivering one sheet of a blueprint, in order."""

    name: str
    blueprint: str
    sheet: SheetSpec
    deliveries: list[Delivery]


@dataclass
class Decision:
    """One automatic decision of a plan: for calibration rows."""

    partner: str
    delivery: str
    group: str
    score: float
    confidence: float
    right: bool


@dataclass
class Measures:
    """The four figures of the learning loop, and what they were counted from."""

    first_right: int = 0
    first_columns: int = 0
    first_field_right: int = 0  # the same, counting only columns that have a field (as
    first_field_columns: int = 0  # bench/learning_loop.py does through a server)
    later_alone_right: int = 0
    later_plans: int = 0
    alone_wrong: int = 0
    alone_plans: int = 0
    enum_first: list[int] = field(default_factory=lambda: [0, 0])
    enum_third: list[int] = field(default_factory=lambda: [0, 0])
    notes: list[str] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)

    def lines(self, title: str) -> list[str]:
        def pct(a: int, b: int) -> str:
            return f"{a / b:.0%} ({a}/{b})" if b else "n/a"
        return [
            f"{title}:",
            f"  first delivery: columns right and strong or better  {pct(self.first_right, self.first_columns)}",
            f"    (columns that have a field only)                  {pct(self.first_field_right, self.first_field_columns)}",
            f"  later deliveries that run alone, every column right  {self.later_alone_right}/{self.later_plans}",
            f"  plans that ran alone with a wrong column             {self.alone_wrong} (of {self.alone_plans} that ran alone)",
            f"  enum values right, first / third delivery            "
            f"{pct(*self.enum_first)} / {pct(*self.enum_third)}",
        ]


def _enum_right(plan: Plan, truth: dict[str, dict[str, str | None]]) -> tuple[int, int]:
    got = plan.enum_map()
    right = total = 0
    for key, values in truth.items():
        for value, option in values.items():
            total += 1
            right += int(key in got and value in got[key] and got[key][value] == option)
    return right, total


def person_decides(plan: Plan, d: Delivery, sheet: SheetSpec, truth_enums: bool = True) -> Plan:
    """A person sets the whole right plan and this file's enum values (a PUT), to execute."""
    decisions = {m.source: d.columns.get(m.source) for m in plan.fields}
    fixed = patch(plan, decisions, {}, sheet, d.frame, accuracy="any",
                  allow_missing_required=True)
    if truth_enums:
        present = fixed.enum_map()
        edits = {k: {v: o for v, o in vals.items() if k in present and v in present[k]}
                 for k, vals in d.enums.items()}
        fixed = patch(fixed, {}, {k: v for k, v in edits.items() if v and k in present},
                      sheet, d.frame, accuracy="any", allow_missing_required=True)
    return fixed


def run_loop(partners: Sequence[Partner], calibration: Table | None = None,
             verbose: bool = False, raw_rows: bool = False) -> Measures:
    """Every partner's deliveries in order with one memory per blueprint; the measures.

    ``raw_rows``: each delivery is also planned without calibration (same memory) and the
    decisions of that plan are kept, for fitting the calibration table.
    """
    out = Measures()
    memories: dict[str, MappingMemory] = {}
    rounds = max(len(p.deliveries) for p in partners)
    for k in range(rounds):
        for p in partners:
            if k >= len(p.deliveries):
                continue
            d = p.deliveries[k]
            memory = memories.setdefault(p.blueprint, MappingMemory(p.blueprint))
            plan = automap(d.frame, p.sheet, memory=memory, space=p.name, calibration=calibration)
            got = {m.source: m.destination for m in plan.fields}
            right = got == d.columns
            rows_plan = (automap(d.frame, p.sheet, memory=memory, space=p.name, calibration={})
                         if raw_rows else plan)
            for m in rows_plan.fields:
                if m.group is not None and m.score is not None:
                    out.decisions.append(Decision(p.name, d.name, m.group, m.score, m.confidence,
                                                  m.destination == d.columns.get(m.source)))
            if k == 0:
                out.first_columns += len(plan.fields)
                out.first_right += sum(m.destination == d.columns.get(m.source)
                                       and m.certainty in PASSING for m in plan.fields)
                wanted = [m for m in plan.fields if d.columns.get(m.source) is not None]
                out.first_field_columns += len(wanted)
                out.first_field_right += sum(m.destination == d.columns.get(m.source)
                                             and m.certainty in PASSING for m in wanted)
                er = _enum_right(plan, d.enums)
                out.enum_first = [out.enum_first[0] + er[0], out.enum_first[1] + er[1]]
            else:
                out.later_plans += 1
                out.later_alone_right += int(plan.auto_accept and right)
            if k == 2:
                er = _enum_right(plan, d.enums)
                out.enum_third = [out.enum_third[0] + er[0], out.enum_third[1] + er[1]]
            if plan.auto_accept:
                out.alone_plans += 1
                out.alone_wrong += int(not right)
                if not right:
                    out.notes.append(f"RAN WRONG {p.name} {d.name}: " + ", ".join(
                        f"{s}->{g} (want {d.columns.get(s)})" for s, g in got.items()
                        if g != d.columns.get(s)))
                memory.remember(p.name, p.sheet.slug, plan, by="automap", when=WHEN[k % 3])
            else:
                if verbose and k:
                    out.notes.append(f"review {p.name} {d.name}: " + " | ".join(plan.review_reasons))
                fixed = person_decides(plan, d, p.sheet)
                memory.remember(p.name, p.sheet.slug, fixed, by="person", when=WHEN[k % 3])
            if verbose and k == 0:
                for m in plan.fields:
                    if m.destination != d.columns.get(m.source) or m.certainty not in PASSING:
                        out.notes.append(f"d1 {p.name}: {m.source!r} -> {m.destination!r} (want "
                                         f"{d.columns.get(m.source)!r}) {m.certainty} {m.confidence:.2f} {m.reason}")
            if verbose:
                want = d.enums
                have = plan.enum_map()
                for key, vals in want.items():
                    for v, o in vals.items():
                        if have.get(key, {}).get(v, "<absent>") != o and key in have:
                            out.notes.append(f"enum {p.name} {d.name} {key}: {v!r} -> "
                                             f"{have[key].get(v)!r} (want {o!r})")
    return out


# -- the shared partner fixtures ---------------------------------------------------------


def fixture_partners(fixtures: Path, rows: int = 120) -> list[Partner]:
    """The shared partners' deliveries, read by feedline's extractor, with their manifest."""
    from feedline.extract import extract

    blueprint = load_blueprint(fixtures / "blueprints" / "crm.yaml")
    partners: dict[str, Partner] = {}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        subprocess.run([sys.executable, str(fixtures / "make_fixtures.py"), str(out), "--rows", str(rows)],
                       check=True, capture_output=True)
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        for f in sorted(manifest["files"], key=lambda f: (f["partner"], f["delivery"])):
            try:
                tables = extract(out / f["path"], Path(f["path"]).name, profile=False).tables
            except FeedlineError:
                continue
            frame = next((t.frame for t in tables if t.frame is not None
                          and set(t.frame.columns) == set(f["column_mapping"])), None)
            if frame is None:
                continue
            sheet = blueprint.sheet(f["target_sheet"])
            partner = partners.setdefault(f["partner"], Partner(f["partner"], blueprint.name, sheet, []))
            partner.deliveries.append(Delivery(f["delivery"], frame, f["column_mapping"],
                                               f["enum_mapping"]))
    return list(partners.values())


def devset_partners(fresh: bool = False) -> list[Partner]:
    """The development set's partners (bench/devset.py); ``fresh``: the ones written last."""
    from devset import partners

    return partners(fresh)


def devset2_partners() -> list[Partner]:
    """The second development set (bench/devset2.py): other industries, layouts, languages."""
    from devset2 import partners

    return partners()


def devset3_partners() -> list[Partner]:
    """The third development set (bench/devset3.py): a check written before its round's changes."""
    from devset3 import partners

    return partners()


def devset4_partners() -> list[Partner]:
    """The fourth development set (bench/devset4.py): a check written before its round's changes."""
    from devset4 import partners

    return partners()


def devset5_partners() -> list[Partner]:
    """The fifth development set (bench/devset5.py): a check written before its round's changes."""
    from devset5 import partners

    return partners()


def devset6_partners() -> list[Partner]:
    """The sixth development set (bench/devset6.py): a check written before its round's changes."""
    from devset6 import partners

    return partners()


def devset7_partners() -> list[Partner]:
    """The seventh development set (bench/devset7.py): partners writing in other scripts, a check."""
    from devset7 import partners

    return partners()


def devset8_partners() -> list[Partner]:
    """The eighth development set (bench/devset8.py): HR and logistics exports, a check."""
    from devset8 import partners

    return partners()


def devset9_partners() -> list[Partner]:
    """The ninth development set (bench/devset9.py): telecom subscriptions and construction
    time sheets, a check."""
    from devset9 import partners

    return partners()


def show_partners(doc: str | None, partners: Iterable[Partner], argv: list[str] | None) -> int:
    """A development set's command line: each partner's deliveries and their columns
    (``--show``: and their first rows)."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every partner's first rows")
    args = parser.parse_args(argv)
    for p in partners:
        print(f"{p.name} ({p.blueprint}/{p.sheet.slug}):")
        for d in p.deliveries:
            print(f"  {d.name}: {list(d.frame.columns)}")
            if args.show:
                print(d.frame.head(3))
    return 0


def report(title: str, partners: Iterable[Partner], calibration: Table | None = None,
           verbose: bool = False, echo: Callable[[str], None] = print) -> Measures:
    m = run_loop(list(partners), calibration, verbose)
    for line in m.lines(title):
        echo(line)
    for note in m.notes:
        if verbose or note.startswith("RAN WRONG"):
            echo("    " + note)
    return m


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "fixtures")
    parser.add_argument("--no-devset", action="store_true")
    parser.add_argument("--only", choices=("shared", "devset", "fresh", "devset2", "devset3",
                                            "devset4", "devset5", "devset6", "devset7", "devset8",
                                            "devset9"),
                        help="measure one set only")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every doubt and review reason")
    args = parser.parse_args(argv)
    if args.only:
        sets = {"shared": lambda: fixture_partners(args.fixtures), "devset": devset_partners,
                "fresh": lambda: devset_partners(True), "devset2": devset2_partners,
                "devset3": devset3_partners, "devset4": devset4_partners,
                "devset5": devset5_partners, "devset6": devset6_partners,
                "devset7": devset7_partners, "devset8": devset8_partners,
                "devset9": devset9_partners}
        report(args.only, sets[args.only](), verbose=args.verbose)
        return 0
    report("shared partner fixtures", fixture_partners(args.fixtures), verbose=args.verbose)
    if not args.no_devset:
        report("development set (bench/devset.py)", devset_partners(), verbose=args.verbose)
        report("development set, fresh partners (written after tuning)", devset_partners(True),
               verbose=args.verbose)
        report("second development set (bench/devset2.py)", devset2_partners(), verbose=args.verbose)
        report("third development set (bench/devset3.py, a check: not iterated on)", devset3_partners())
        report("fourth development set (bench/devset4.py, a check: measured before its round)",
               devset4_partners())
        report("fifth development set (bench/devset5.py, a check: measured before its round)",
               devset5_partners())
        report("sixth development set (bench/devset6.py, a check: measured before its round)",
               devset6_partners())
        report("seventh development set (bench/devset7.py, other scripts, a check: measured before its round)",
               devset7_partners())
        report("eighth development set (bench/devset8.py, HR and logistics, a check: measured before its round)",
               devset8_partners())
        report("ninth development set (bench/devset9.py, telecom subscriptions and construction time sheets, "
               "a check: measured before its round)", devset9_partners())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
