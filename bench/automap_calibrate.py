"""Fit automap's calibration table: raw combined score -> probability of being right.

Usage: ``python bench/automap_calibrate.py --cases ../shared/mapping-bench [--write]``

Besides, every public case and partner delivery is planned once more as a first delivery
in a language nobody taught feedline (:func:`foreign_rows`: most headers replaced by names
that share nothing), for the groups such files exercise: value evidence per shape,
elimination, cognates and ``unmapped-foreign``; and once written in another vocabulary
language with the words used taken out of the vocabulary (:func:`cognate_rows`), for
the ``cognate`` groups.

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
import hashlib
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import polars as pl

from feedline.blueprint import SheetSpec
from feedline.mapping import MappingMemory, Plan, automap, override
from feedline.mapping.calibration import Table, calibrate

REPO = Path(__file__).resolve().parents[1]
TABLE_FILE = REPO / "feedline" / "mapping" / "calibration_table.py"
IDENTITY: Table = {}  # no table: every decision keeps its raw score
BIN = 0.01
EVIDENCE_BIN = 0.05  # memory, renames and elimination have few distinct scores and fewer rows
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


SCORER_GROUPS = ("exact", "alias", "normalized", "fuzzy", "cognate", "values", "unmapped")


def is_evidence(group: str) -> bool:
    """Groups of memory, renames, elimination and suggestions (not the scorers' own)."""
    return not group.startswith(SCORER_GROUPS)


def partner_rows(fixtures: Path, table: Table | None = IDENTITY) -> list[Row]:
    """Rows from the shared partners: every delivery planned without memory (the scorers'
    decisions), and the evidence decisions of their learning loop (bench/learning_sim.py:
    every delivery in order with memory, decided by a person when the gate stops it)."""
    from learning_sim import fixture_partners, run_loop

    partners = fixture_partners(fixtures)
    rows = [r for p in partners for d in p.deliveries
            for r in plan_rows("partners", automap(d.frame, p.sheet, calibration=table), d.columns)]
    rows += [r for p in partners for d in p.deliveries
             for r in foreign_rows("partners", f"{p.name}/{d.name}", d.frame, p.sheet, d.columns)]
    rows += [r for p in partners for d in p.deliveries
             for r in cognate_rows("partners", f"{p.name}/{d.name}", d.frame, p.sheet, d.columns)]
    m = run_loop(partners, calibration=None, raw_rows=table is IDENTITY)
    return rows + [Row("partners", d.group, d.score, d.confidence, d.right)
                   for d in m.decisions if is_evidence(d.group)]


def _opaque(name: str, k: int) -> str:
    """A header that shares nothing with any name (for simulated renames)."""
    digest = hashlib.sha256(f"{name}/{k}".encode()).hexdigest()
    return "q" + "".join(c for c in digest if c.isalpha())[:5]


def learning_rows(family: str, name: str, source: pl.DataFrame, target: SheetSpec,
                  expected: dict[str, str | None]) -> list[Row]:
    """Rows of memory, rename and elimination evidence for one public case.

    Its rows split in two deliveries: the first is planned (the shipped gate decides
    whether it runs alone, else a person sets the expected plan) and remembered; the
    second is planned in the same space, in another space of the blueprint, and once
    more with one or two mapped columns renamed to names that share nothing.
    """
    n = source.height
    if n < 6:
        return []
    d1, d2 = source.head(n // 2), source.tail(n - n // 2)
    memory = MappingMemory("bench")
    first = automap(d1, target)
    if first.auto_accept:
        memory.remember("a", target.slug, first, by="automap", when="2026-11-02")
    else:
        decided = override(first, {m.source: expected.get(m.source) for m in first.fields}, target, d1)
        memory.remember("a", target.slug, decided, by="person", when="2026-11-02")
    mapped = sorted(s for s, d in expected.items() if d is not None and s in d2.columns)
    seed = int(hashlib.sha256(name.encode()).hexdigest(), 16)
    renamed = {s: _opaque(name, k) for k, s in enumerate(
        [mapped[(seed + j * 7) % len(mapped)] for j in range(1 + seed % 2)] if mapped else [])}
    d3 = d2.rename(renamed)
    truth3 = {renamed.get(s, s): d for s, d in expected.items()}
    rows: list[Row] = []
    fresh = source.rename(renamed)  # a first delivery whose renamed headers nothing knows
    rows += [r for r in plan_rows(family, automap(fresh, target, calibration=IDENTITY),
                                  {renamed.get(s, s): d for s, d in expected.items()})
             if is_evidence(r.group)]
    for frame, space, truth in ((d2, "a", expected), (d2, "b", expected), (d3, "a", truth3)):
        plan = automap(frame, target, memory=memory, space=space, calibration=IDENTITY)
        rows += [r for r in plan_rows(family, plan, truth) if is_evidence(r.group)]
    return rows


# Groups a file in an unknown language exercises: value evidence, elimination, cognates,
# and columns left unmapped in a file most of whose headers name nothing.
FOREIGN_GROUPS = ("values", "eliminated", "suggested", "cognate", "unmapped-foreign")
FOREIGN_SHARE = 0.7  # the share of headers a simulated foreign delivery makes unreadable


def foreign_rows(family: str, name: str, source: pl.DataFrame, target: SheetSpec,
                 expected: dict[str, str | None], share: float = FOREIGN_SHARE) -> list[Row]:
    """Rows of a first delivery written in a language nobody taught feedline: about
    ``share`` of the headers (chosen by a seeded hash) become names that share nothing,
    the rest stay. Only the groups such files exercise are kept (:data:`FOREIGN_GROUPS`)."""
    renamed = {}
    for k, header in enumerate(source.columns):
        draw = int(hashlib.sha256(f"{name}/{header}/foreign".encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
        if draw < share:
            renamed[header] = _opaque(f"{name}/foreign", k) + chr(97 + k % 26) + chr(97 + k // 26 % 26)
    frame = source.rename(renamed)
    truth = {renamed.get(s, s): d for s, d in expected.items()}
    plan = automap(frame, target, calibration=IDENTITY)
    return [r for r in plan_rows(family, plan, truth) if r.group.startswith(FOREIGN_GROUPS)]


COGNATE_LANGUAGES = ("de", "fr", "es", "it", "pt", "nl")


@contextmanager
def hidden(phrases: Iterable[tuple[str, ...]]) -> Iterator[None]:
    """The header vocabulary without ``phrases`` (and the caches built on it), for a while."""
    from feedline.mapping import normalize

    lexicon = normalize.header_lexicon()
    removed = {p: lexicon.pop(p) for p in set(phrases) if p in lexicon}

    def clear() -> None:
        for cached in (normalize._known, normalize.split_compound, normalize.truncated,
                       normalize._single_words, normalize._inflection_index, normalize.inflected):
            cached.cache_clear()
    clear()
    try:
        yield
    finally:
        lexicon.update(removed)
        clear()


def cognate_rows(family: str, name: str, source: pl.DataFrame, target: SheetSpec,
                 expected: dict[str, str | None]) -> list[Row]:
    """Rows of a first delivery whose headers a partner wrote in another vocabulary
    language, with words feedline was never taught: each English header word the
    vocabulary translates is replaced by one of its translations (a language chosen per
    case by a seeded hash), and those translations are taken out of the vocabulary while
    the delivery is planned (leave one out). What the cognate scorer then finds, right or
    wrong (false friends included), is a row of the ``cognate`` groups."""
    from feedline.mapping.vocabulary import languages, words

    seed = int(hashlib.sha256(f"{name}/cognate".encode()).hexdigest()[:8], 16)
    code = COGNATE_LANGUAGES[seed % len(COGNATE_LANGUAGES)]
    lang = next(lang for lang in languages() if lang.code == code)
    ways: dict[str, list[str]] = defaultdict(list)
    for phrase, meaning in sorted(lang.headers.items()):
        if len(phrase) == 1 and len(meaning) == 1 and phrase != meaning:
            ways[meaning[0]].append(phrase[0])
    renamed, used = {}, set()
    for k, header in enumerate(source.columns):
        ws = words(header)
        new = [ways[w][(seed + k) % len(ways[w])] if ways.get(w) else w for w in ws]
        if new != ws:
            renamed[header] = " ".join(new) + ("" if " ".join(new) not in renamed.values() else f" {k}")
            used.update((w,) for w, old in zip(new, ws, strict=True) if w != old)
    if not renamed:
        return []
    frame = source.rename(renamed)
    truth = {renamed.get(s, s): d for s, d in expected.items()}
    with hidden(used):
        plan = automap(frame, target, calibration=IDENTITY)
    return [r for r in plan_rows(family, plan, truth) if r.group.startswith("cognate")]


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
        width = BIN if not is_evidence(r.group) else EVIDENCE_BIN
        x = round(round(r.score / width) * width, 4)
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
    """Uncalibrated rows of every public case (typed targets, planned without memory and
    through a simulated learning loop) and of the shared partners' learning loop."""
    from automap_eval import load_cases

    rows = partner_rows(fixtures)
    for case in load_cases(cases_root, typed=True):
        rows += plan_rows(case.slice, automap(case.source, case.target, calibration=IDENTITY),
                          case.expected)
        rows += learning_rows(case.slice, case.name, case.source, case.target, case.expected)
        rows += foreign_rows(case.slice, case.name, case.source, case.target, case.expected)
        rows += cognate_rows(case.slice, case.name, case.source, case.target, case.expected)
    return rows


def apply(table: Table, rows: Sequence[Row]) -> list[Row]:
    """The rows with their confidence recomputed from ``table``."""
    return [Row(r.family, r.group, r.score, calibrate(r.score, r.group, table), r.right) for r in rows]


def per_kind(rows: Sequence[Row]) -> dict[str, tuple[int, float, float, float]]:
    """Per evidence kind (group): rows, accuracy, ECE in-sample and cross-validated by family.

    Cross-validated: each family's rows calibrated by a table fitted without that family
    (a group no other family has keeps its raw score).
    """
    table = fit(rows)
    inside = apply(table, rows)
    outside: list[Row] = []
    for family in sorted({r.family for r in rows}):
        held = [r for r in rows if r.family == family]
        outside += apply(fit([r for r in rows if r.family != family]), held)
    out = {}
    for group in sorted({r.group for r in rows}):
        mine = [r for r in inside if r.group == group]
        cv = [r for r in outside if r.group == group]
        _, ece_in = reliability((r.confidence, r.right) for r in mine)
        _, ece_cv = reliability((r.confidence, r.right) for r in cv)
        out[group] = (len(mine), sum(r.right for r in mine) / len(mine), ece_in, ece_cv)
    return out


def print_kinds(rows: Sequence[Row]) -> None:
    """Print the calibration error per evidence kind."""
    print(f"{'evidence kind':<24} {'rows':>6} {'right':>7} {'ECE in-sample':>14} {'ECE cross-val':>14}")
    for group, (n, acc, ece_in, ece_cv) in per_kind(rows).items():
        print(f"{group:<24} {n:>6} {acc:>7.3f} {ece_in:>14.3f} {ece_cv:>14.3f}")


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
    print_kinds(rows)
    text = render(table)
    if args.write:
        TABLE_FILE.write_text(text, encoding="utf-8")
        print(f"wrote {TABLE_FILE.relative_to(REPO)}")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
