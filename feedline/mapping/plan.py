"""Job Plans: which source column feeds which field, how sure we are, and the gate."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from feedline.blueprint.model import SheetSpec
from feedline.errors import MappingError
from feedline.mapping.calibration import CALIBRATED_CODES

CERTAINTIES = ("absolute", "strong", "moderate", "weak")
ACCURACY = ("exact", "confident", "any")
REASON_CODES = (
    "person", "remembered", "renamed", "exact", "alias", "normalized", "fuzzy", "cognate", "values",
    "eliminated", "unmapped",
)
PERSON_ENUM_REASON = "set by a person"  # the reason of an enum value a person decided
INVALID_REASON = "remembered: a person marked it invalid"  # a value a person said fits no option
DEFAULT_MAX_UNMAPPED_ENUM_SHARE = 0.05
# What a value no option reads does in a column a person mapped in this space: "records"
# (the plan runs; the records that hold it are invalid and wait in record review, where a
# fix teaches memory) or "wait" (the whole delivery waits, as for any other column).
NEW_VALUES = ("records", "wait")
# Even in a column a person mapped, the plan waits when fewer of its cells than this are
# read: so many unknown values say the column changed, not a few records.
SETTLED_MIN_READ = 0.5
# How evidence.py words a person's decision in this space (a reason survives JSON).
REMEMBERED_PERSON, IN_THIS_SPACE = "remembered: a person mapped", "in this space"
# A person's decision names the replaced suggestion in its reason, so it survives JSON.
_SUGGESTED = re.compile(r'\(suggested "([^"]+)"\)$')

# The least probability that a whole plan is right (the product of its decisions'
# calibrated probabilities) for it to run unattended at each accuracy.
PLAN_PROBABILITY = {"exact": 0.9, "confident": 0.8, "any": 0.0}

# Decisions that rest on no name a person or the vocabulary gave (values, elimination by
# value shape, a cognate) may be "strong" when calibration says so, but a plan does not run
# alone on them: a person confirms each once, and memory carries it from then on.
NAMELESS = ("values", "eliminated", "cognate")

_PASSING = {
    "exact": ("absolute",),
    "confident": ("absolute", "strong"),
    "any": CERTAINTIES,
}


def certainty_for(confidence: float) -> str:
    """Bucket a 0..1 confidence into one of :data:`CERTAINTIES`."""
    if confidence >= 0.99:
        return "absolute"
    if confidence >= 0.85:
        return "strong"
    if confidence >= 0.6:
        return "moderate"
    return "weak"


@dataclass
class FieldMapping:
    """Where one source column goes (``destination`` None = nowhere) and why."""

    source: str
    destination: str | None
    confidence: float
    certainty: str
    reason: str
    reason_code: str
    # The automatic suggestion a person replaced; kept in memory only, not serialized.
    suggested: str | None = field(default=None, compare=False, repr=False)
    # The scorers' raw combined score and its calibration group (see calibration.py);
    # kept in memory only, for the benchmark's reliability tables.
    score: float | None = field(default=None, compare=False, repr=False)
    group: str | None = field(default=None, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "destination": self.destination,
            "confidence": round(self.confidence, 4),
            "certainty": self.certainty,
            "reason": self.reason,
            "reason_code": self.reason_code,
        }


@dataclass
class EnumValueMapping:
    """Which option one distinct source value of an enum field maps to."""

    value: str
    option: str | None
    count: int
    confidence: float
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "option": self.option,
            "count": self.count,
            "confidence": round(self.confidence, 4),
            "reason": self.reason,
        }


@dataclass
class Plan:
    """A sheet's Job Plan: one mapping per source column plus enum value mappings."""

    sheet: str
    fields: list[FieldMapping]
    enums: dict[str, list[EnumValueMapping]] = field(default_factory=dict)
    unmapped_source: list[str] = field(default_factory=list)
    unmapped_destination: list[dict[str, Any]] = field(default_factory=list)
    auto_accept: bool = False
    review_reasons: list[str] = field(default_factory=list)
    # Columns added/removed/renamed since the space's last accepted plan (None: no such plan).
    drift: dict[str, Any] | None = None
    # Per source column, its value signature (see feedline.mapping.drift.signature).
    signatures: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Enum decisions a person stated for values not in this file: {field: {value: option}}.
    # They apply to no record now; memory learns them when the plan executes.
    taught: dict[str, dict[str, str | None]] = field(default_factory=dict)

    def mapping(self) -> dict[str, str]:
        """Source column -> field key, for mapped columns only."""
        return {m.source: m.destination for m in self.fields if m.destination is not None}

    def enum_map(self) -> dict[str, dict[str, str | None]]:
        """Field key -> {source value -> option value or None}."""
        return {k: {v.value: v.option for v in vals} for k, vals in self.enums.items()}

    def refresh_unmapped(self, sheet: SheetSpec) -> None:
        """Recompute both unmapped lists from the field mappings."""
        used = {m.destination for m in self.fields if m.destination is not None}
        self.unmapped_source = [m.source for m in self.fields if m.destination is None]
        self.unmapped_destination = [
            {"key": f.key, "label": f.label, "required": f.required}
            for f in sheet.fields
            if f.key not in used
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "sheet": self.sheet,
            "fields": [m.to_dict() for m in self.fields],
            "enums": {k: [v.to_dict() for v in vals] for k, vals in self.enums.items()},
            "unmapped_source": list(self.unmapped_source),
            "unmapped_destination": [dict(d) for d in self.unmapped_destination],
            "auto_accept": self.auto_accept,
            "review_reasons": list(self.review_reasons),
            "drift": self.drift,
            "signatures": self.signatures,
            "taught": {k: dict(v) for k, v in self.taught.items()},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], sheet: SheetSpec) -> Plan:
        """Rebuild a plan (e.g. edited by a person) and check it fits ``sheet``."""
        if not isinstance(data, dict) or not isinstance(data.get("fields"), list):
            raise MappingError("plan must be an object with a 'fields' list")
        known = set(sheet.keys)
        fields: list[FieldMapping] = []
        seen_sources: set[str] = set()
        used: dict[str, str] = {}
        for i, raw in enumerate(data["fields"]):
            if not isinstance(raw, dict):
                raise MappingError(f"plan field #{i + 1} is not an object")
            source = raw.get("source")
            if not isinstance(source, str) or not source:
                raise MappingError(f"plan field #{i + 1} has no source column")
            if source in seen_sources:
                raise MappingError(f'source column "{source}" appears twice in the plan')
            seen_sources.add(source)
            dest = raw.get("destination")
            if dest is not None:
                if dest not in known:
                    raise MappingError(
                        f'column "{source}" maps to unknown field "{dest}" of sheet "{sheet.slug}"'
                    )
                if dest in used:
                    raise MappingError(
                        f'field "{dest}" is mapped twice (from "{used[dest]}" and "{source}")'
                    )
                used[dest] = source
            conf = float(raw.get("confidence", 0.0) or 0.0)
            certainty = raw.get("certainty") or certainty_for(conf)
            if certainty not in CERTAINTIES:
                raise MappingError(f'column "{source}" has unknown certainty "{certainty}"')
            code = raw.get("reason_code") or ("unmapped" if dest is None else "person")
            if code not in REASON_CODES:
                raise MappingError(f'column "{source}" has unknown reason_code "{code}"')
            reason = str(raw.get("reason", ""))
            hint = _SUGGESTED.search(reason) if code == "person" else None
            fields.append(
                FieldMapping(
                    source, dest, conf, certainty, reason, code,
                    suggested=hint.group(1) if hint else None,
                )
            )
        enums: dict[str, list[EnumValueMapping]] = {}
        for key, vals in (data.get("enums") or {}).items():
            if key not in known:
                raise MappingError(f'enum mapping for unknown field "{key}"')
            options = {o.value for o in sheet.field(key).options}
            items = []
            for v in vals:
                opt = v.get("option")
                if opt is not None and options and opt not in options:
                    raise MappingError(f'value "{v.get("value")}" of "{key}" maps to unknown option "{opt}"')
                items.append(
                    EnumValueMapping(
                        str(v["value"]), opt, int(v.get("count", 0)),
                        float(v.get("confidence", 1.0)), str(v.get("reason", "")),
                    )
                )
            enums[key] = items
        taught: dict[str, dict[str, str | None]] = {}
        raw_taught = data.get("taught") or {}
        if not isinstance(raw_taught, dict):
            raise MappingError("plan 'taught' must be an object {field: {value: option}}")
        for key, values in raw_taught.items():
            if key not in known or not isinstance(values, dict):
                raise MappingError(f'taught enum values for unknown field "{key}"')
            options = {o.value for o in sheet.field(key).options}
            for value, opt in values.items():
                if opt is not None and opt not in options:
                    raise MappingError(f'value "{value}" of "{key}" maps to unknown option "{opt}"')
            taught[key] = {str(v): o for v, o in values.items()}
        plan = cls(
            sheet=str(data.get("sheet") or sheet.slug),
            fields=fields,
            enums=enums,
            auto_accept=bool(data.get("auto_accept", False)),
            review_reasons=[str(r) for r in data.get("review_reasons") or []],
            drift=data.get("drift") if isinstance(data.get("drift"), dict) else None,
            signatures={
                str(k): v for k, v in (data.get("signatures") or {}).items() if isinstance(v, dict)
            },
            taught=taught,
        )
        plan.refresh_unmapped(sheet)
        return plan


ENUM_GUESS = 0.8  # a value read below this only from the column as a whole is a guess


def guessed(v: EnumValueMapping) -> bool:
    """A value mapped only by how the column reads as a whole (a code scheme's one letter,
    the value or code left over for the option left over) or by one of its words while
    the others are unread (``Juridische dienst``), not by all it says: a person confirms
    it once, and memory carries it from then on."""
    return v.option is not None and v.confidence < ENUM_GUESS


def undecided(v: EnumValueMapping) -> bool:
    """A value that maps to no option and that no person has called invalid: it needs one.

    A value a person marked invalid (now or in an earlier plan) was decided: its records
    are flagged by validation, and the plan need not wait for it again.
    """
    return v.option is None and v.reason not in (PERSON_ENUM_REASON, INVALID_REASON)


def _nameless(m: FieldMapping, accuracy: str) -> bool:
    """A mapped column whose decision rests on no name (see :data:`NAMELESS`)."""
    return accuracy != "any" and m.destination is not None and m.reason_code in NAMELESS


def plan_probability(plan: Plan) -> float:
    """How likely the doubtful decisions in ``plan`` are all right.

    The product of the calibrated confidences below "absolute" (0.99 or more counts as
    certain); a person's decisions are no probabilities and pass on their certainty alone.
    """
    return math.prod(
        m.confidence for m in plan.fields
        if m.certainty != "absolute" and m.reason_code in CALIBRATED_CODES
    )


def settled(m: FieldMapping) -> bool:
    """Is ``m`` a person's decision for this space, remembered, whose values still fit?"""
    return (m.destination is not None and m.reason_code == "remembered" and m.certainty == "absolute"
            and m.reason.startswith(REMEMBERED_PERSON) and m.reason.endswith(IN_THIS_SPACE))


def enum_limits(plan: Plan, max_unmapped_enum_share: float, new_values: str) -> dict[str, float]:
    """Per mapped enum field, the share of its cells that may match no option for the plan
    to run: ``max_unmapped_enum_share``, or up to ``1 - SETTLED_MIN_READ`` in a column a
    person settled when ``new_values`` is ``"records"``."""
    if new_values not in NEW_VALUES:
        raise MappingError(f'unknown new_values "{new_values}" (use one of {", ".join(NEW_VALUES)})')
    limits = dict.fromkeys(plan.mapping().values(), max_unmapped_enum_share)
    if new_values == "records":
        for m in plan.fields:
            if settled(m):
                limits[m.destination] = max(max_unmapped_enum_share, 1 - SETTLED_MIN_READ)  # type: ignore[index]
    return limits


def unread(plan: Plan, limit: int = 50) -> dict[str, list[str]]:
    """Per mapped enum field, the values no option reads, the most frequent first (at most
    ``limit``): a running plan leaves the records that hold them invalid, for record review."""
    mapped = set(plan.mapping().values())
    out: dict[str, list[str]] = {}
    for key, vals in plan.enums.items():
        missing = sorted((v for v in vals if undecided(v)), key=lambda v: (-v.count, v.value))
        if key in mapped and missing:
            out[key] = [v.value for v in missing[:limit]]
    return out


def _enum_doubts(plan: Plan, accuracy: str, max_share: float, new_values: str) -> list[dict[str, Any]]:
    """Per mapped enum field, what holds the plan: values no option reads beyond the
    field's limit (``unmatched``), and values only guessed (``guesses``) when they, with
    the values no option reads in a column whose limit is not widened, pass
    ``max_share``: a guess is no reading, and splitting unread values into guessed and
    unread ones must not let a column through that would have waited."""
    mapped = set(plan.mapping().values())
    limits = enum_limits(plan, max_share, new_values)
    out: list[dict[str, Any]] = []
    for key, vals in plan.enums.items():
        total = sum(v.count for v in vals)
        if key not in mapped or not total:
            continue
        missing = sum(v.count for v in vals if undecided(v))
        if missing / total > limits[key]:
            out.append({"destination": key, "unmatched": [v.value for v in vals if undecided(v)],
                        "share": missing / total, "limit": limits[key]})
        guesses = [v for v in vals if guessed(v)]
        unsure = sum(v.count for v in guesses) + (missing if limits[key] <= max_share else 0)
        if accuracy != "any" and guesses and unsure / total > max_share:
            out.append({"destination": key, "guesses": guesses, "share": sum(v.count for v in guesses) / total})
    return out


def gate(
    plan: Plan,
    sheet: SheetSpec,
    accuracy: str,
    *,
    max_unmapped_enum_share: float = DEFAULT_MAX_UNMAPPED_ENUM_SHARE,
    allow_missing_required: bool = False,
    new_values: str = "records",
) -> tuple[bool, list[str]]:
    """Decide whether ``plan`` may run unattended at ``accuracy``; return (ok, reasons).

    ``allow_missing_required`` waives the check that every required field is mapped (a
    person executing a plan may leave one unmapped on purpose: its records then fail
    validation instead of the whole file waiting). ``new_values`` says what values no
    option reads do in a column a person settled (see :data:`NEW_VALUES`).
    """
    if accuracy not in _PASSING:
        raise MappingError(f'unknown accuracy "{accuracy}" (use one of {", ".join(ACCURACY)})')
    passing = _PASSING[accuracy]
    reasons: list[str] = []
    for m in plan.fields:
        if _nameless(m, accuracy):
            reasons.append(
                f'column "{m.source}" -> "{m.destination}" rests on no name ({m.certainty}, '
                f'{m.confidence:.2f}): {m.reason}'
            )
            continue
        if m.certainty in passing:
            continue
        if m.destination is not None:
            reasons.append(
                f'column "{m.source}" -> "{m.destination}" is only {m.certainty} '
                f'({m.confidence:.2f}), below the "{accuracy}" gate: {m.reason}'
            )
        elif m.reason_code == "unmapped":
            reasons.append(f'column "{m.source}" is left unmapped, but {m.reason}')
    whole = plan_probability(plan)
    reviewed = any(m.reason_code == "person" for m in plan.fields)  # a person saw the plan
    if not reasons and not reviewed and whole < PLAN_PROBABILITY[accuracy]:
        doubts = sorted(plan.fields, key=lambda m: m.confidence)[:3]
        reasons.append(
            f"the whole plan is right with probability {whole:.2f} only, below "
            f'{PLAN_PROBABILITY[accuracy]:.2f} for the "{accuracy}" gate; least sure: '
            + ", ".join(f'"{m.source}" ({m.confidence:.2f})' for m in doubts)
        )
    mapped = set(plan.mapping().values())
    for f in sheet.fields:
        if f.required and f.key not in mapped and not allow_missing_required:
            reasons.append(f'required field "{f.key}" ({f.label}) is not mapped')
    for d in _enum_doubts(plan, accuracy, max_unmapped_enum_share, new_values):
        if "unmatched" in d:
            wider = " for a column a person mapped" if d["limit"] > max_unmapped_enum_share else ""
            examples = ", ".join(f'"{v.strip()}"' for v in d["unmatched"])
            reasons.append(f'{d["share"]:.0%} of "{d["destination"]}" values match no option '
                           f'(limit {d["limit"]:.0%}{wider}): {examples[:120]}')
        else:
            reasons.append(f'{d["share"]:.0%} of "{d["destination"]}" values are guessed '
                           "(from the column as a whole or one word of several): "
                           + ", ".join(f'"{v.value.strip()}" -> "{v.option}"' for v in d["guesses"])[:160])
    return (not reasons, reasons)


def review_items(
    plan: Plan,
    sheet: SheetSpec,
    accuracy: str,
    *,
    max_unmapped_enum_share: float = DEFAULT_MAX_UNMAPPED_ENUM_SHARE,
    allow_missing_required: bool = False,
    new_values: str = "records",
) -> list[dict[str, Any]]:
    """What a person must look at, one item per doubt (the structured form of the gate)."""
    passing = _PASSING.get(accuracy, ())
    items: list[dict[str, Any]] = []
    for m in plan.fields:
        if (m.certainty in passing and not _nameless(m, accuracy)) or (
                m.destination is None and m.reason_code != "unmapped"):
            continue
        items.append({
            "kind": "column" if m.destination is not None else "unmapped-column",
            "source": m.source, "destination": m.destination, "confidence": round(m.confidence, 4),
            "certainty": m.certainty, "reason_code": m.reason_code, "reason": m.reason,
        })
    mapped = set(plan.mapping().values())
    items += [
        {"kind": "required-field", "destination": f.key, "reason": f'"{f.label}" is required'}
        for f in sheet.fields if f.required and f.key not in mapped and not allow_missing_required
    ]
    for d in _enum_doubts(plan, accuracy, max_unmapped_enum_share, new_values):
        items.append({"kind": "enum", "destination": d["destination"], "unmatched": d.get("unmatched", []),
                      **({"guessed": [v.value for v in d["guesses"]]} if "guesses" in d else {}),
                      "share": round(d["share"], 4)})
    return items
