"""Build a Job Plan for a source table, and apply a person's decisions to one."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import polars as pl

from feedline.blueprint.model import SheetSpec
from feedline.errors import MappingError
from feedline.mapping.assign import MIN_CONFIDENCE, assign
from feedline.mapping.enums import map_enum_values
from feedline.mapping.memory import MappingMemory
from feedline.mapping.plan import (
    DEFAULT_MAX_UNMAPPED_ENUM_SHARE,
    EnumValueMapping,
    FieldMapping,
    Plan,
    certainty_for,
    gate,
)
from feedline.mapping.scorers import Candidate, profile_column, score_columns, value_fit

_SCOPE_TEXT = {
    "headers": "the same headers were mapped before in this space",
    "space": "this header was mapped before in this space",
    "other": "this header was mapped before in another space",
}


def automap(
    frame: pl.DataFrame,
    sheet: SheetSpec,
    *,
    accuracy: str = "confident",
    memory: MappingMemory | None = None,
    space: str | None = None,
    max_unmapped_enum_share: float = DEFAULT_MAX_UNMAPPED_ENUM_SHARE,
) -> Plan:
    """Plan how ``frame`` (all-string, headers = column names) maps onto ``sheet``.

    Memory first, then name and value scorers, a one-to-one assignment, enum value
    mappings for mapped enum fields, and finally :func:`gate` decides ``auto_accept``.
    """
    headers = list(frame.columns)
    recalled: dict[str, Any] = {"plan": None, "headers": {}, "enums": {}, "rejected": {}}
    if memory is not None:
        recalled = memory.recall(space or "", sheet.slug, headers)
    profiles = [profile_column(frame.get_column(h)) for h in headers]
    candidates = score_columns(headers, sheet, profiles)
    keys = set(sheet.keys)
    left_alone: dict[str, str] = {}
    for i, header in enumerate(headers):
        cands = candidates[i]
        for rejected in recalled["rejected"].get(header, ()):
            cands.pop(rejected, None)
        remembered = recalled["headers"].get(header)
        if remembered is None:
            continue
        field, weight, scope = remembered
        if field is None:
            cands.clear()
            left_alone[header] = f'"{header}" was left unmapped before ({_SCOPE_TEXT[scope]})'
        elif field in keys:
            fit, note = value_fit(profiles[i], sheet.field(field))
            reason = f'header "{header}" -> "{field}": {_SCOPE_TEXT[scope]}'
            cands[field] = Candidate(
                field, max(weight + min(fit, 0.0), 0.0), "remembered",
                reason + (f"; {note}" if fit < 0 else ""),
            )
    chosen = assign(candidates, sheet.keys, headers)
    mappings: list[FieldMapping] = []
    for i, header in enumerate(headers):
        cand = chosen[i]
        if cand is not None:
            mappings.append(
                FieldMapping(
                    header, cand.field, round(cand.confidence, 4),
                    certainty_for(cand.confidence), cand.reason, cand.reason_code,
                )
            )
        elif header in left_alone:
            mappings.append(
                FieldMapping(header, None, 0.97, certainty_for(0.97), left_alone[header], "remembered")
            )
        else:
            mappings.append(_unmapped(header, candidates[i], chosen, headers))
    plan = Plan(sheet=sheet.slug, fields=mappings)
    plan.enums = _enums(frame, plan, sheet, recalled["enums"])
    plan.refresh_unmapped(sheet)
    plan.auto_accept, plan.review_reasons = gate(
        plan, sheet, accuracy, max_unmapped_enum_share=max_unmapped_enum_share
    )
    return plan


def _unmapped(
    header: str, cands: dict[str, Candidate], chosen: list[Candidate | None], headers: list[str]
) -> FieldMapping:
    """The mapping of a column that got no field, explaining what came closest."""
    best = max(cands.values(), key=lambda c: c.confidence, default=None)
    if best is None:
        return FieldMapping(header, None, 1.0, "absolute", f'no field resembles "{header}"', "unmapped")
    if best.confidence < MIN_CONFIDENCE:
        reason = f'no field fits "{header}" well enough (closest: "{best.field}", {best.confidence:.2f})'
    else:
        taker = next(
            (headers[i] for i, c in enumerate(chosen) if c is not None and c.field == best.field), "?"
        )
        reason = f'closest field "{best.field}" ({best.confidence:.2f}) went to column "{taker}"'
    conf = round(1.0 - best.confidence, 4)
    return FieldMapping(header, None, conf, certainty_for(conf), reason, "unmapped")


def _value_counts(frame: pl.DataFrame, column: str) -> list[tuple[str, int]]:
    """Distinct non-blank values of a column with their counts, most frequent first."""
    vc = frame.get_column(column).cast(pl.String).value_counts(sort=True)
    rows = [(v, int(n)) for v, n in vc.iter_rows() if v is not None and v.strip()]
    return sorted(rows, key=lambda r: (-r[1], r[0]))


def _enums(
    frame: pl.DataFrame,
    plan: Plan,
    sheet: SheetSpec,
    remembered: dict[str, dict[str, str]],
    only: set[str] | None = None,
) -> dict[str, list[EnumValueMapping]]:
    """Enum value mappings for every mapped enum field (or only the fields in ``only``)."""
    result = {}
    for source, key in plan.mapping().items():
        f = sheet.field(key)
        if f.type != "enum" or (only is not None and key not in only):
            continue
        counts = _value_counts(frame, source)
        result[key] = map_enum_values(counts, f, remembered=remembered.get(key))
    return result


def override(
    plan: Plan,
    decisions: Mapping[str, str | None],
    sheet: SheetSpec,
    frame: pl.DataFrame | None = None,
    *,
    accuracy: str = "confident",
) -> Plan:
    """Apply a person's decisions {source: field or None}; returns a new plan.

    Keeps the plan one-to-one (a field taken by a decision is removed from its previous
    column), recomputes enum mappings of changed fields when ``frame`` is given, and
    re-runs :func:`gate` at ``accuracy`` to set ``auto_accept``.
    """
    sources = {m.source for m in plan.fields}
    keys = set(sheet.keys)
    for source, dest in decisions.items():
        if source not in sources:
            raise MappingError(f'the plan has no source column "{source}"')
        if dest is not None and dest not in keys:
            raise MappingError(f'sheet "{sheet.slug}" has no field "{dest}"')
    taken = [d for d in decisions.values() if d is not None]
    if len(taken) != len(set(taken)):
        dup = next(d for d in taken if taken.count(d) > 1)
        raise MappingError(f'field "{dup}" was chosen for more than one column')
    before = plan.mapping()
    fields = []
    for m in plan.fields:
        if m.source in decisions:
            dest = decisions[m.source]
            suggested = m.suggested if m.reason_code == "person" else m.destination
            what = f'"{dest}"' if dest else "unmapped"
            reason = f'a person chose {what} for "{m.source}"'
            if suggested is not None and suggested != dest:
                reason += f' (suggested "{suggested}")'
            fields.append(
                FieldMapping(m.source, dest, 1.0, "absolute", reason, "person", suggested=suggested)
            )
        elif m.destination is not None and m.destination in taken:
            taker = next(s for s, d in decisions.items() if d == m.destination)
            fields.append(
                FieldMapping(
                    m.source, None, 0.0, "weak",
                    f'"{m.destination}" was given to column "{taker}" by a person', "unmapped",
                    suggested=m.suggested,
                )
            )
        else:
            fields.append(m)
    new = Plan(sheet=plan.sheet, fields=fields, enums={})
    after = new.mapping()
    changed = {d for s, d in after.items() if before.get(s) != d}
    for key, values in plan.enums.items():
        if key in after.values() and key not in changed:
            new.enums[key] = values
    if frame is not None and changed:
        new.enums.update(_enums(frame, new, sheet, {}, only=changed))
    new.refresh_unmapped(sheet)
    new.auto_accept, new.review_reasons = gate(new, sheet, accuracy)
    return new
