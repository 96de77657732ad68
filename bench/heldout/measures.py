"""The learning loop's four measures, computed from recorded plans and a fixture manifest.

Pure functions over plain dicts, so ``bench/learning_loop.py`` can use them on any dataset
whose manifest gives ``column_mapping`` and ``enum_mapping`` per data file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SURE = {"strong", "absolute"}
ABSENT = "<absent from the plan>"


@dataclass
class PlanRecord:
    """What happened to one map job (or to a data file whose map job never came)."""

    partner: str
    delivery: str
    role: str                          # data | ignored (notes/summary sheet) | unexpected
    file: str                          # the file name the server knows
    sheet: str | None                  # source sheet name
    entry: dict[str, Any] | None       # the manifest entry of a data file
    job_id: str | None = None
    status: str = "missing"            # complete | needs_review | failed | canceled | timeout | missing
    accepted_by: str | None = None
    plan: dict[str, Any] | None = None  # automap's plan, before any person touched it
    reasons: list[str] = field(default_factory=list)
    person: list[str] = field(default_factory=list)    # what the person did, and the answers
    final_status: str | None = None    # after the person, for d1

    @property
    def ran_alone(self) -> bool:
        return self.status == "complete" and self.accepted_by == "automap"


def plan_fields(plan: dict[str, Any] | None) -> dict[str, dict[str, Any]]:
    return {f["source"]: f for f in (plan or {}).get("fields", [])}


def expected_columns(rec: PlanRecord) -> dict[str, str | None]:
    """Source column -> the right field; sheets that must not be mapped expect nothing."""
    if rec.entry is not None:
        return dict(rec.entry["column_mapping"])
    return {src: None for src in plan_fields(rec.plan)}


def wrong_columns(rec: PlanRecord) -> list[tuple[str, str | None, str | None]]:
    """(source, expected, planned) for every column the plan gets wrong, absent ones included."""
    fields = plan_fields(rec.plan)
    expected = expected_columns(rec)
    wrong = []
    for src, exp in expected.items():
        got = fields[src]["destination"] if src in fields else ABSENT
        if got != exp and not (got == ABSENT and exp is None):
            wrong.append((src, exp, got))
    for src, f in fields.items():
        if src not in expected and f["destination"] is not None:
            wrong.append((src, None, f["destination"]))
    return wrong


def first_delivery_columns(records: list[PlanRecord]) -> tuple[int, int, list[str]]:
    """d1 source columns with a field: right destination AND strong/absolute certainty."""
    right = total = 0
    misses = []
    for rec in records:
        if rec.delivery != "d1" or rec.role != "data" or rec.entry is None:
            continue
        fields = plan_fields(rec.plan)
        for src, exp in rec.entry["column_mapping"].items():
            if exp is None:
                continue
            total += 1
            f = fields.get(src)
            if f and f["destination"] == exp and f.get("certainty") in SURE:
                right += 1
            else:
                got = f"{f['destination']} ({f.get('certainty')})" if f else ABSENT
                misses.append(f"{rec.partner}: {src!r} -> {exp}, plan {got}")
    return right, total, misses


def later_alone_right(records: list[PlanRecord]) -> tuple[int, int]:
    """d2/d3 data files whose map job ran without review and got every column right."""
    later = [r for r in records if r.role == "data" and r.delivery in ("d2", "d3")]
    return sum(1 for r in later if r.ran_alone and not wrong_columns(r)), len(later)


def alone_wrong(records: list[PlanRecord]) -> tuple[int, int]:
    """Plans that ran without a person and mapped some column wrong, and all that ran alone."""
    alone = [r for r in records if r.ran_alone]
    return sum(1 for r in alone if wrong_columns(r)), len(alone)


def enum_pairs(rec: PlanRecord) -> dict[tuple[str, str], tuple[str | None, str | None]]:
    """(field, raw value) -> (expected option, planned option) over both sides' pairs."""
    expected: dict[tuple[str, str], str | None] = {}
    for fld, values in (rec.entry or {}).get("enum_mapping", {}).items():
        for raw, opt in values.items():
            expected[(fld, raw)] = opt
    planned: dict[tuple[str, str], str | None] = {}
    for fld, values in ((rec.plan or {}).get("enums") or {}).items():
        for v in values:
            planned[(fld, v["value"])] = v.get("option")
    return {k: (expected.get(k), planned.get(k)) for k in expected.keys() | planned.keys()}


def rightly_mapped_fields(rec: PlanRecord) -> set[str]:
    """Fields the plan feeds from the column the manifest expects."""
    fields = plan_fields(rec.plan)
    return {exp for src, exp in (rec.entry or {}).get("column_mapping", {}).items()
            if exp and src in fields and fields[src]["destination"] == exp}


def enum_right(records: list[PlanRecord], delivery: str,
               mapped_only: bool = False) -> tuple[int, int, list[str]]:
    """Distinct (field, value) pairs of one delivery's data plans whose option is right.

    With ``mapped_only``, only pairs of fields the plan feeds from the right column count:
    the enum matching alone, apart from the column mapping.
    """
    right = total = 0
    misses = []
    for rec in records:
        if rec.delivery != delivery or rec.role != "data":
            continue
        keep = rightly_mapped_fields(rec) if mapped_only else None
        for (fld, raw), (exp, got) in sorted(enum_pairs(rec).items(), key=lambda kv: (kv[0][0], kv[0][1])):
            if keep is not None and fld not in keep:
                continue
            total += 1
            if exp == got:
                right += 1
            else:
                misses.append(f"{rec.partner}: {fld} {raw!r} -> {exp}, plan {got}")
    return right, total, misses


def share(right: int, total: int) -> float | None:
    return round(right / total, 4) if total else None


def summarize(records: list[PlanRecord]) -> dict[str, Any]:
    """The four measures as one JSON-ready dict."""
    c_right, c_total, _ = first_delivery_columns(records)
    k, n = later_alone_right(records)
    wrong, alone = alone_wrong(records)
    e1, t1, _ = enum_right(records, "d1")
    e3, t3, _ = enum_right(records, "d3")
    m1, n1, _ = enum_right(records, "d1", mapped_only=True)
    return {"first_delivery_columns": share(c_right, c_total),
            "first_delivery_columns_n": f"{c_right}/{c_total}",
            "later_alone_right": f"{k}/{n}",
            "alone_wrong": wrong, "ran_alone": alone,
            "enum_right_d1": share(e1, t1), "enum_right_d1_n": f"{e1}/{t1}",
            "enum_right_d3": share(e3, t3), "enum_right_d3_n": f"{e3}/{t3}",
            "enum_right_d1_rightly_mapped_columns": share(m1, n1)}
