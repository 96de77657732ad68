"""Evidence beyond names: remembered decisions and elimination by value shape.

Each kind of evidence names its own calibration group, so ``bench/automap_calibrate.py``
learns how often it is right apart from the name scorers: ``person-space`` (a person
decided this header in this space), ``automap-space`` (a plan that ran alone did),
``person-other`` / ``automap-other`` (another space of the blueprint did), each with
``-misfit`` when today's values no longer fit the field (a header memory says to leave
unmapped is the same kind of evidence as a mapped one), and ``eliminated`` (the only free field of a value shape and the only
unmapped column of that shape).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence, Set
from typing import Any

from feedline.blueprint.model import Field, SheetSpec
from feedline.mapping.drift import shapes_alike
from feedline.mapping.memory import AGREE, PERSON, Remembered
from feedline.mapping.normalize import form
from feedline.mapping.scorers import Candidate, Profile, field_kind, value_fit

# Raw scores rank remembered decisions above every name match (a person's first); what
# they are worth as probabilities comes from calibration, per group.
MEMORY_SCORE = {"person-space": 1.03, "automap-space": 1.02, "person-other": 0.985,
                "automap-other": 0.975}
MISFIT_SCORE = 0.7  # a remembered field whose values no longer fit: a hint only
DISPUTED = 0.1  # past choices disagreed: this much lower
# Elimination: base score per value shape (how telling the shape is).
ELIMINATION_BASE = {"email": 0.85, "date": 0.8, "phone": 0.8, "boolean": 0.75, "identifier": 0.7,
                    "number": 0.6}
HINT, HINT_MARGIN = 0.3, 0.05  # a best free field this strong and this far ahead is a suggestion
IDENTIFIER_DISTINCT = 0.98  # an identifier column's values are (nearly) all different
REQUIRED_BONUS = 0.05
_WHERE = {"space": "in this space", "other": "in another space of this blueprint"}


def _who(r: Remembered) -> str:
    return "a person" if r.by == PERSON else "automap (a plan that ran alone)"


def _scope(r: Remembered) -> str:
    return _WHERE["space" if r.kind.endswith("-space") else "other"]


def still_fits(
    profile: Profile,
    now: Mapping[str, Any] | None,
    then: Mapping[str, Any] | None,
    f: Field,
    enum_values: Mapping[str, Any] | None = None,
) -> tuple[bool, str]:
    """Do today's values still fit the remembered field? Same shapes as when it was
    decided, or values that do not contradict the field's type."""
    if then is not None and shapes_alike(now, then):
        return True, "values look as before"
    fit, note = value_fit(profile, f, enum_values)
    return fit >= 0, note


def remembered_candidate(
    r: Remembered, profile: Profile, now: Mapping[str, Any] | None, f: Field,
    enum_values: Mapping[str, Any] | None = None,
) -> Candidate:
    """The candidate a remembered decision makes for today's column."""
    fits, note = still_fits(profile, now, r.signature, f, enum_values)
    when = f" on {r.when}" if r.when else ""
    reason = f'remembered: {_who(r)} mapped "{r.header}" to "{f.key}"{when} {_scope(r)}'
    score = MEMORY_SCORE[r.kind] if fits else MISFIT_SCORE
    if r.share < AGREE:
        score -= DISPUTED
        reason += f" (past choices agree {r.share:.0%})"
    if not fits:
        reason += f"; but {note}" if note else "; but the values look different now"
    return Candidate(f.key, round(score, 4), "remembered", reason,
                     group=r.kind if fits else f"{r.kind}-misfit")


def remembered_unmapped(r: Remembered) -> tuple[float, str, str]:
    """(raw score, group, reason) of a header memory says to leave unmapped."""
    when = f" on {r.when}" if r.when else ""
    reason = f'remembered: {_who(r)} left "{r.header}" unmapped{when} {_scope(r)}'
    score = MEMORY_SCORE[r.kind] if r.share >= AGREE else MEMORY_SCORE[r.kind] - DISPUTED
    return score, r.kind, reason


def field_shape(f: Field) -> str:
    """A field's value shape for elimination: its kind, or ``identifier`` for a unique text field."""
    kind = field_kind(f)
    return "identifier" if kind == "text" and f.constraint("unique") is not None else kind


def column_shape(p: Profile, header: str = "") -> str | None:
    """The one value shape nearly all of a column's values have, if any; ``identifier``
    when the header names an id (``Nº``, ``code``, ``Nummer``) and no value repeats."""
    if p.filled < 3:
        return None
    identifier = "id" in form(header).expanded and p.distinct >= IDENTIFIER_DISTINCT * p.filled
    if p.email >= 0.9:
        return "email"
    if p.date >= 0.9:
        return "date"
    if p.boolean >= 0.9 and p.distinct <= 3:
        return "boolean"
    if p.phone >= 0.9:
        return "phone"
    if identifier:
        return "identifier"
    if p.number >= 0.9:
        return "number"
    return None


def eliminate(
    headers: Sequence[str],
    profiles: Sequence[Profile],
    chosen: Sequence[Candidate | None],
    sheet: SheetSpec,
    candidates: Sequence[Mapping[str, Candidate]],
    skip: Set[int] = frozenset(),
    unfilled: Set[str] = frozenset(),
) -> dict[int, Candidate]:
    """Columns that are the only unmapped one of a value shape, for the only free field of it.

    Columns in ``skip`` (memory says: leave unmapped) and fields in ``unfilled`` (this
    space's last executed plan left them empty: the partner does not send them) take no
    part. A weak name score for the pair (below the assignment's threshold) adds a tenth
    of itself.
    """
    taken = {c.field for c in chosen if c is not None}
    free: dict[str, list[Field]] = defaultdict(list)
    for f in sheet.fields:
        kind = field_shape(f)
        if f.key not in taken and f.key not in unfilled and kind in ELIMINATION_BASE:
            free[kind].append(f)
    cols: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(chosen):
        shape = column_shape(profiles[i], headers[i]) if c is None and i not in skip else None
        if shape is not None:
            cols[shape].append(i)
    out: dict[int, Candidate] = {}
    for kind, fields in free.items():
        if len(fields) != 1 or len(cols.get(kind, ())) != 1:
            continue
        f, i = fields[0], cols[kind][0]
        hint = candidates[i].get(f.key)
        score = ELIMINATION_BASE[kind] + (REQUIRED_BONUS if f.required else 0.0)
        reason = (f'"{headers[i]}" is the only unmapped {kind} column and "{f.key}" the only '
                  f"free {kind} field")
        if f.required:
            reason += " (a required one)"
        if hint is not None and hint.confidence > 0:
            score += 0.1 * min(hint.confidence, 1.0)
            reason += f"; {hint.reason}"
        out[i] = Candidate(f.key, round(score, 4), "eliminated", reason, group="eliminated")
    return out


def best_free(
    headers: Sequence[str],
    chosen: Sequence[Candidate | None],
    candidates: Sequence[Mapping[str, Candidate]],
    skip: Set[int] = frozenset(),
) -> dict[int, Candidate]:
    """Unmapped columns with a clear best free field: a weak name score (below the
    assignment's threshold, at least :data:`HINT`) that no other unmapped column shares.

    The pair becomes a ``suggested`` decision with its calibrated probability.
    """
    taken = {c.field for c in chosen if c is not None}
    best: dict[int, Candidate] = {}
    for i, c in enumerate(chosen):
        if c is not None or i in skip:
            continue
        free = [x for x in candidates[i].values() if x.field not in taken and x.confidence >= HINT]
        ranked = sorted(free, key=lambda x: -x.confidence)
        if ranked and (len(ranked) == 1 or ranked[1].confidence < ranked[0].confidence - HINT_MARGIN):
            best[i] = ranked[0]
    wanted: dict[str, list[int]] = defaultdict(list)
    for i, cand in best.items():
        wanted[cand.field].append(i)
    out: dict[int, Candidate] = {}
    for i, cand in best.items():
        if len(wanted[cand.field]) == 1:
            out[i] = Candidate(cand.field, cand.confidence, cand.reason_code,
                               f"{cand.reason} (the only free field that comes close)",
                               group="suggested")
    return out
