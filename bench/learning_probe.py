"""Variations of later deliveries, after a person corrected the first: what waits, what runs wrong.

Usage: ``python bench/learning_probe.py [SET ...]`` (shared, devset, devset2, devset3, devset4, devset5, devset6, devset7, devset8)

Every partner's first delivery goes through the learning loop (a person corrects the
plan when it waits, one memory per blueprint). Then each partner's second delivery, where
it ran alone as delivered, is varied: one or two mapped columns renamed to meaningless
headers, a column added (text, codes, numbers, dates, yes/no, empty), a mapped column
dropped, the columns shuffled, every enum value respelt (case, accents, a final dot,
spaces, cut short, a letter dropped, initials). Per variation: plans that ran alone and
right, plans that waited, plans that ran alone with a column wrong or left out, and plans
that ran alone with a wrong enum value.
"""

from __future__ import annotations

import copy
import random
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from learning_sim import (
    WHEN,
    Delivery,
    MappingMemory,
    Partner,
    automap,
    devset2_partners,
    devset3_partners,
    devset4_partners,
    devset5_partners,
    devset6_partners,
    devset7_partners,
    devset8_partners,
    devset_partners,
    fixture_partners,
    person_decides,
)

Variant = tuple[pl.DataFrame, dict[str, str | None], dict[str, dict[str, str | None]]]


def _plain(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


SPELLINGS: dict[str, Callable[[str], str]] = {
    "enum_upper": str.upper,
    "enum_lower": str.lower,
    "enum_noacc": _plain,
    "enum_dot": lambda s: s + ".",
    "enum_space": lambda s: " " + s + "  ",
    "enum_trunc": lambda s: s[:5] + "." if len(s) > 7 and " " not in s else s,
    "enum_typo": lambda s: s[:3] + s[4:] if len(s) >= 7 else s,
    "enum_initials": lambda s: "".join(w[0] for w in s.split()).upper() if len(s.split()) > 1 else s,
}


def variants(d: Delivery, rng: random.Random) -> dict[str, Variant]:
    """The variations of one delivery: (frame, column truth, enum truth) by name."""
    cols = list(d.frame.columns)
    mapped = [c for c in cols if d.columns.get(c)]
    out: dict[str, Variant] = {}
    c = rng.choice(mapped)
    out["rename1"] = (d.frame.rename({c: "Feld X7"}),
                      {**{k: v for k, v in d.columns.items() if k != c}, "Feld X7": d.columns[c]}, d.enums)
    two = rng.sample(mapped, 2)
    ren = {two[0]: "Q1", two[1]: "Q2"}
    out["rename2"] = (d.frame.rename(ren), {ren.get(k, k): v for k, v in d.columns.items()}, d.enums)
    n = d.frame.height
    added: dict[str, Callable[[], str]] = {
        "add_text": lambda: rng.choice(["alpha", "beta", "gamma", "delta"]) + f" {rng.randint(1, 9)}",
        "add_code": lambda: f"X{rng.randint(10000, 99999)}",
        "add_num": lambda: f"{rng.uniform(0, 100):.2f}",
        "add_int": lambda: str(rng.randint(1, 50)),
        "add_date": lambda: f"2026-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
        "add_flag": lambda: rng.choice(["Y", "N"]),
        "add_empty": lambda: "",
    }
    for name, make in added.items():
        frame = d.frame.with_columns(pl.Series("Zusatz 9", [make() for _ in range(n)]))
        out[name] = (frame, {**d.columns, "Zusatz 9": None}, d.enums)
    gone = rng.choice(mapped)
    out["drop"] = (d.frame.drop(gone), {k: v for k, v in d.columns.items() if k != gone}, d.enums)
    order = cols[:]
    rng.shuffle(order)
    out["shuffle"] = (d.frame.select(order), d.columns, d.enums)
    for name, respell in SPELLINGS.items():
        frame = d.frame
        enums: dict[str, dict[str, str | None]] = {}
        for col in cols:
            key = d.columns.get(col)
            if key in d.enums:
                frame = frame.with_columns(pl.col(col).replace({v: respell(v) for v in d.enums[key]}))
                enums[key] = {respell(v): o for v, o in d.enums[key].items()}
        out[name] = (frame, d.columns, {**d.enums, **enums})
    return out


def probe(title: str, partners: list[Partner], echo: Callable[[str], None] = print) -> list[str]:
    """Print the tally per variation for one set; return the notes on what waited or ran wrong."""
    rng = random.Random(7)
    memories: dict[str, MappingMemory] = {}
    for p in partners:
        d = p.deliveries[0]
        memory = memories.setdefault(p.blueprint, MappingMemory(p.blueprint))
        plan = automap(d.frame, p.sheet, memory=memory, space=p.name)
        if plan.auto_accept:
            memory.remember(p.name, p.sheet.slug, plan, by="automap", when=WHEN[0])
        else:
            memory.remember(p.name, p.sheet.slug, person_decides(plan, d, p.sheet), by="person", when=WHEN[0])
    tally: Counter[tuple[str, str]] = Counter()
    notes = []
    for p in partners:
        if len(p.deliveries) < 2:
            continue
        d = p.deliveries[1]
        if not automap(d.frame, p.sheet, memory=copy.deepcopy(memories[p.blueprint]), space=p.name).auto_accept:
            continue
        for name, (frame, cols, enums) in variants(d, rng).items():
            plan = automap(frame, p.sheet, memory=copy.deepcopy(memories[p.blueprint]), space=p.name)
            got = {m.source: m.destination for m in plan.fields}
            have = plan.enum_map()
            bad = [(k, v, have.get(k, {}).get(v), o) for k, vals in enums.items() for v, o in vals.items()
                   if have.get(k, {}).get(v, o) not in (o, None)]
            tally[name, "n"] += 1
            if not plan.auto_accept:
                tally[name, "wait"] += 1
                notes.append(f"wait {name} {p.name}: " + " | ".join(plan.review_reasons))
            elif all(got.get(k) == v for k, v in cols.items()):
                tally[name, "ok"] += 1
            else:
                tally[name, "wrong"] += 1
                notes.append(f"RAN WRONG {name} {p.name}: " + ", ".join(
                    f"{s}->{got.get(s)} (want {v})" for s, v in cols.items() if got.get(s) != v))
            if plan.auto_accept and bad:
                tally[name, "enum"] += 1
                notes.append(f"RAN WITH WRONG VALUES {name} {p.name}: {bad[:4]}")
    echo(f"{title}:")
    for name in sorted({k for k, _ in tally}):
        echo(f"  {name:14s} alone and right {tally[name, 'ok']:2d}/{tally[name, 'n']:2d}  waited "
             f"{tally[name, 'wait']:2d}  alone with a column wrong {tally[name, 'wrong']}  "
             f"alone with a wrong enum value {tally[name, 'enum']}")
    return notes


def main(argv: list[str] | None = None) -> int:
    sets: dict[str, Callable[[], list[Partner]]] = {
        "shared": lambda: fixture_partners(Path(__file__).resolve().parents[2] / "shared" / "fixtures"),
        "devset": devset_partners, "devset2": devset2_partners, "devset3": devset3_partners,
        "devset4": devset4_partners, "devset5": devset5_partners, "devset6": devset6_partners,
        "devset7": devset7_partners, "devset8": devset8_partners,
    }
    names = (argv if argv is not None else sys.argv[1:]) or list(sets)
    for name in names:
        for note in probe(name, sets[name]()):
            if note.startswith("RAN"):
                print("    " + note)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
