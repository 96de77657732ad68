"""Build a Job Plan for a source table, and apply a person's decisions to one."""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import replace
from typing import Any

import polars as pl

from feedline.blueprint.model import SheetSpec
from feedline.errors import MappingError
from feedline.mapping.assign import assign
from feedline.mapping.calibration import Table, calibrate, calibration_group
from feedline.mapping.codelists import code_list
from feedline.mapping.drift import (
    NAME_BONUS,
    drift,
    infer_renames,
    shapes_alike,
    signature,
    similarity,
)
from feedline.mapping.enums import map_enum_values
from feedline.mapping.evidence import (
    best_free,
    column_shape,
    eliminate,
    field_shape,
    fits_shape,
    remembered_candidate,
    remembered_unmapped,
)
from feedline.mapping.memory import MappingMemory, Recall
from feedline.mapping.plan import (
    DEFAULT_MAX_UNMAPPED_ENUM_SHARE,
    PERSON_ENUM_REASON,
    EnumValueMapping,
    FieldMapping,
    Plan,
    certainty_for,
    gate,
)
from feedline.mapping.scorers import (
    VALUES_ONLY,
    Candidate,
    Profile,
    profile_column,
    score_columns,
    specific_kind,
    value_fit,
)

UNMAPPED_HINT = 0.4  # a free field scoring this high is named in the unmapped reason
# Below this share of fillable fields that some header names, the file is written in words
# feedline cannot read: its unmapped columns are calibrated apart (``unmapped-foreign``).
READABLE_SHARE = 0.5
_NAME_CODES = ("exact", "alias", "normalized", "fuzzy", "cognate")
MIN_SUGGESTION = 0.5  # an eliminated pair less likely than this stays unmapped
# A column left unmapped while a free field's specific value shape (emails, dates, phones,
# booleans, enum options) fits it is "moderate" at most, whatever the calibration: the
# gate asks rather than drop data silently.
FITTING_FREE_CAP = 0.84
# A new column left unmapped whose values are this much like those of a column that fed a
# field last time, is gone now and left its field empty, may be that column renamed.
RENAME_DOUBT = 0.6


def automap(
    frame: pl.DataFrame,
    sheet: SheetSpec,
    *,
    accuracy: str = "confident",
    memory: MappingMemory | None = None,
    space: str | None = None,
    max_unmapped_enum_share: float = DEFAULT_MAX_UNMAPPED_ENUM_SHARE,
    calibration: Table | None = None,
    new_values: str = "records",
) -> Plan:
    """Plan how ``frame`` (all-string, headers = column names) maps onto ``sheet``.

    Name and value scorers, then memory (a person's decisions first; renamed columns
    through their value signatures), a one-to-one assignment, elimination by value shape
    for columns left over, calibration of each decision into a probability
    (``calibration`` replaces the shipped table, for the benchmark's cross-validation),
    enum value mappings for mapped enum fields, and finally :func:`gate` (``new_values``:
    see :data:`~feedline.mapping.plan.NEW_VALUES`).
    """
    headers = list(frame.columns)
    recall = memory.evidence(space or "", sheet.slug, headers) if memory is not None else Recall()
    profiles = [profile_column(frame.get_column(h)) for h in headers]
    signatures = {h: signature(p, frame.get_column(h)) for h, p in zip(headers, profiles, strict=True)}
    candidates = score_columns(headers, sheet, profiles)
    own = {i for i, h in enumerate(headers)
           if h in recall.decisions and recall.decisions[h].kind.endswith("-space")}
    renames = infer_renames(recall.vanished, headers, signatures, candidates,
                            new=set(range(len(headers))) - own)
    keys = set(sheet.keys)
    left_alone: dict[int, tuple[float, str, str]] = {}
    for i, header in enumerate(headers):
        cands = candidates[i]
        rejected = recall.rejected.get(header, set())
        for field in rejected:
            cands.pop(field, None)
        renamed = renames.get(header)
        if renamed is not None and renamed.field in keys and renamed.field not in rejected:
            current = cands.get(renamed.field)
            if current is None or current.confidence < renamed.confidence:
                cands[renamed.field] = renamed
        r = recall.decisions.get(header)
        if r is None:
            continue
        if r.field is None:
            cands.clear()
            left_alone[i] = remembered_unmapped(r)
        elif r.field in keys:
            f = sheet.field(r.field)
            cands[r.field] = remembered_candidate(r, profiles[i], signatures[header], f,
                                                  recall.enums.get(r.field))
    chosen = assign(candidates, sheet.keys, headers)
    last_fed = set((recall.last or {}).get("mapping", {}).values())
    unfilled = set(sheet.keys) - last_fed if recall.last else set()
    # An empty table (fitting the calibration) keeps every suggestion, so it can be measured.
    fitting = calibration is not None and not calibration
    # Cognates, and enum columns only some of whose values name options, take part in
    # elimination as hints: where the value shapes force the pair one chose, the two agree
    # and the decision is elimination's, with the hint.
    loose = [None if c is not None and (c.reason_code == "cognate" or c.shape == "enum-partial") else c
             for c in chosen]
    held = {c.field: i for i, c in enumerate(chosen) if c is not None}
    found = eliminate(headers, profiles, loose, sheet, candidates, set(left_alone), unfilled, frame)
    # Where the shapes leave a cognate's column open, the cognate pins its pair and the
    # shapes pair what is left (``Netter`` = nights: the other whole-number column is adults).
    claimed = {g.field for g in found.values()}
    for i, guess in eliminate(headers, profiles, chosen, sheet, candidates, set(left_alone),
                              unfilled, frame).items():
        if i not in found and guess.field not in claimed:
            found[i] = guess
    for i, guess in found.items():
        owner = held.get(guess.field)
        if owner != i and (owner is not None or chosen[i] is not None):
            continue  # another column holds the field, or the shapes point elsewhere than
            # this column's cognate did: nothing changes
        if fitting or calibrate(guess.confidence, guess.group, calibration) >= MIN_SUGGESTION:
            chosen[i] = guess
    for i, guess in best_free(headers, chosen, candidates, set(left_alone)).items():
        if fitting or calibrate(guess.confidence, guess.group, calibration) >= MIN_SUGGESTION:
            chosen[i] = guess
    for i, cand in enumerate(chosen):
        if cand is not None and i not in own and cand.reason_code in ("values", "eliminated"):
            confirmed = _values_confirm_rename(headers[i], signatures[headers[i]], cand, recall, last_fed)
            if confirmed is not None:
                chosen[i] = confirmed
    mappings: list[FieldMapping] = []
    foreign = _readable(candidates, len(sheet.fields)) < READABLE_SHARE
    for i, header in enumerate(headers):
        cand = chosen[i]
        if cand is not None:
            group = cand.group or calibration_group(cand.reason_code, ambiguous=cand.ambiguous,
                                                    shape=cand.shape)
            p = calibrate(cand.confidence, group, calibration)
            mappings.append(
                FieldMapping(
                    header, cand.field, round(p, 4), certainty_for(p), cand.reason,
                    cand.reason_code, score=cand.confidence, group=group,
                )
            )
        elif i in left_alone:
            score, group, reason = left_alone[i]
            p = calibrate(score, group, calibration)
            mappings.append(FieldMapping(header, None, round(p, 4), certainty_for(p), reason,
                                         "remembered", score=score, group=group))
        else:
            mapping = _unmapped(header, candidates[i], chosen, headers, profiles[i], sheet,
                                calibration, foreign, unfilled)
            orphan = None if i in own else _orphan(signatures[header], recall, chosen, last_fed)
            if orphan is not None and not fitting and mapping.confidence > FITTING_FREE_CAP:
                mapping = replace(mapping, confidence=FITTING_FREE_CAP,
                                  certainty=certainty_for(FITTING_FREE_CAP), reason=(
                    f'column "{orphan[0]}" fed field "{orphan[1]}" last time and is gone, and the '
                    f'values of "{header}" look like its values: it may be that column renamed'))
            mappings.append(mapping)
    plan = Plan(sheet=sheet.slug, fields=mappings, signatures=signatures)
    plan.drift = drift(recall.last, headers, plan.mapping())
    plan.enums = _enums(frame, plan, sheet, recall.enums)
    plan.refresh_unmapped(sheet)
    plan.auto_accept, plan.review_reasons = gate(
        plan, sheet, accuracy, max_unmapped_enum_share=max_unmapped_enum_share, new_values=new_values
    )
    return plan


def _values_confirm_rename(
    header: str, sig: Mapping[str, Any], cand: Candidate, recall: Recall, last_fed: set[str]
) -> Candidate | None:
    """A rename the values confirm: the column's values fit ``cand.field`` (no name says
    so), and the column this space's last plan fed that field from is gone, with values
    like these (at least :data:`RENAME_DOUBT` alike: an enum column that brings new
    spellings, ``hospit.`` beside ``hospitalisation``, is less alike than a rename must be
    on its values alone). The fit stands in for the name a rename otherwise needs."""
    for r in recall.vanished:
        if r.field != cand.field or r.field not in last_fed or not r.signature:
            continue
        if not shapes_alike(r.signature, sig):
            continue
        alike = similarity(r.signature, sig)
        if alike < RENAME_DOUBT:
            continue
        who = "a person" if r.by == "person" else "automap"
        reason = (f'column "{r.header}" ({who} mapped it to "{r.field}"'
                  + (f" on {r.when}" if r.when else "")
                  + f') seems renamed to "{header}": values look alike ({alike:.0%}) and {cand.reason}')
        return Candidate(r.field, round(alike + NAME_BONUS, 4), "renamed", reason, group="renamed")
    return None


def _orphan(
    sig: Mapping[str, Any], recall: Recall, chosen: list[Candidate | None], last_fed: set[str]
) -> tuple[str, str] | None:
    """(header, field) of a column this space's last plan fed a field from, absent now,
    whose field nothing feeds now and whose values look like ``sig`` (shapes alike and the
    signatures at least :data:`RENAME_DOUBT` alike): the column with ``sig`` may be it
    renamed, too unlike it for memory to carry the decision."""
    fed = {c.field for c in chosen if c is not None}
    best: tuple[float, str, str] | None = None
    for r in recall.vanished:
        if r.field is None or r.field in fed or r.field not in last_fed or not r.signature:
            continue
        if not shapes_alike(r.signature, sig):
            continue
        alike = similarity(r.signature, sig)
        if alike >= RENAME_DOUBT and (best is None or alike > best[0]):
            best = (alike, r.header, r.field)
    return (best[1], best[2]) if best is not None else None


def _readable(candidates: list[dict[str, Candidate]], fields: int) -> float:
    """Share of the fields a file could fill that some header names (a name match usable
    on its own, or memory): low when the file is written in words feedline cannot read,
    not when it merely brings many extra columns."""
    if not candidates or not fields:
        return 1.0
    named = {c.field for cands in candidates for c in cands.values()
             if c.confidence >= 0.5 and (c.reason_code in _NAME_CODES or c.group is not None)}
    return len(named) / min(len(candidates), fields)


def _unmapped(
    header: str,
    cands: dict[str, Candidate],
    chosen: list[Candidate | None],
    headers: list[str],
    profile: Profile,
    sheet: SheetSpec,
    calibration: Table | None,
    foreign: bool = False,
    unfilled: Set[str] = frozenset(),
) -> FieldMapping:
    """The mapping of a column that got no field: how sure we are it belongs nowhere.

    Its raw score is 1 minus the best score of a field nobody took (a free field whose
    specific value shape, e.g. emails or dates, the values fit counts as a values-only
    candidate), calibrated like any other decision: dropping data silently is also wrong.
    """
    taken = {c.field: headers[i] for i, c in enumerate(chosen) if c is not None}
    free = [c for c in cands.values() if c.field not in taken]
    best = max(free, key=lambda c: c.confidence, default=None)
    score, reason = 1.0, f'no free field resembles "{header}"'
    fitting = False
    overall = max(cands.values(), key=lambda c: c.confidence, default=None)
    if overall is not None and overall.field in taken:
        reason = (f'closest field "{overall.field}" ({overall.confidence:.2f}) went to column '
                  f'"{taken[overall.field]}"')
    for f in sheet.fields:
        kind = specific_kind(f)
        if f.key in taken or kind is None:
            continue
        fit, note = value_fit(profile, f)
        if fit > 0 and (best is None or best.confidence < VALUES_ONLY):
            score, reason = 1.0 - VALUES_ONLY, f'field "{f.key}" is free and the values fit it ({note})'
            fitting = True
            break
    if best is not None and 1.0 - best.confidence < score:
        score = 1.0 - best.confidence
        fitting = False
        if best.confidence >= UNMAPPED_HINT:
            reason = f'field "{best.field}" is free and might fit ({best.confidence:.2f}: {best.reason})'
    shape = column_shape(profile, header)
    open_shape = shape is not None and any(
        f.key not in taken and fits_shape(shape, field_shape(f)) for f in sheet.fields)
    group = calibration_group("unmapped", free=len(taken) < len(sheet.fields), open_shape=open_shape,
                              foreign=foreign)
    if not fitting and column_shape(profile, header, categorical=True) == "categorical":
        # A few words, each written often, while an enum field is free: options in words
        # no rule reads are as likely as a column that goes nowhere.
        enum = next((f for f in sheet.fields if f.type == "enum" and f.key not in taken
                     and f.key not in unfilled and code_list(f) is None), None)
        if enum is not None:
            fitting = True
            reason = (f'field "{enum.key}" is free, and "{header}" writes a few words as its '
                      "options would be written")
    p = calibrate(score, group, calibration)
    if fitting and (calibration is None or calibration):  # not while fitting the table
        p = min(p, FITTING_FREE_CAP)  # dropping what a free field's values fit is never sure
    return FieldMapping(header, None, round(p, 4), certainty_for(p), reason, "unmapped",
                        score=round(score, 4), group=group)


def _value_counts(frame: pl.DataFrame, column: str) -> list[tuple[str, int]]:
    """Distinct non-blank values of a column with their counts, most frequent first."""
    vc = frame.get_column(column).cast(pl.String).value_counts(sort=True)
    rows = [(v, int(n)) for v, n in vc.iter_rows() if v is not None and v.strip()]
    return sorted(rows, key=lambda r: (-r[1], r[0]))


def _enums(
    frame: pl.DataFrame,
    plan: Plan,
    sheet: SheetSpec,
    remembered: Mapping[str, Mapping[str, Any]],
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
    allow_missing_required: bool = False,
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
    new = Plan(sheet=plan.sheet, fields=fields, enums={}, drift=plan.drift,
               signatures=plan.signatures, taught={k: dict(v) for k, v in plan.taught.items()})
    after = new.mapping()
    changed = {d for s, d in after.items() if before.get(s) != d}
    for key, values in plan.enums.items():
        if key in after.values() and key not in changed:
            new.enums[key] = values
    if frame is not None and changed:
        new.enums.update(_enums(frame, new, sheet, {}, only=changed))
    new.refresh_unmapped(sheet)
    new.auto_accept, new.review_reasons = gate(new, sheet, accuracy,
                                               allow_missing_required=allow_missing_required)
    return new


def patch(
    plan: Plan,
    decisions: Mapping[str, str | None],
    enum_edits: Mapping[str, Mapping[str, str | None]],
    sheet: SheetSpec,
    frame: pl.DataFrame | None = None,
    *,
    accuracy: str = "confident",
    allow_missing_required: bool = False,
) -> Plan:
    """Change only the listed field decisions and enum values of ``plan``; returns a new plan.

    ``enum_edits`` is {field: {source value: option or None}}. A value this file does not
    hold (or a field no column feeds yet) is kept in ``plan.taught``: it maps no record
    now, and memory learns it when the plan executes.
    """
    if decisions:
        new = override(plan, decisions, sheet, frame, accuracy=accuracy)
    else:
        new = replace(plan, enums=dict(plan.enums), taught={k: dict(v) for k, v in plan.taught.items()})
    keys = set(sheet.keys)
    for key, edits in enum_edits.items():
        if key not in keys or sheet.field(key).type != "enum":
            raise MappingError(f'sheet "{sheet.slug}" has no enum field "{key}"')
        options = {o.value for o in sheet.field(key).options}
        by_value = {v.value: v for v in new.enums.get(key, [])}
        for value, option in edits.items():
            if option is not None and option not in options:
                raise MappingError(f'value "{value}" of "{key}" maps to unknown option "{option}"')
            old = by_value.get(value)
            if old is None:
                new.taught.setdefault(key, {})[value] = option
                continue
            by_value[value] = EnumValueMapping(value, option, old.count, 1.0, PERSON_ENUM_REASON)
        if key in new.enums:
            new.enums[key] = [by_value[v.value] for v in new.enums[key]]
    new.auto_accept, new.review_reasons = gate(new, sheet, accuracy,
                                               allow_missing_required=allow_missing_required)
    return new
