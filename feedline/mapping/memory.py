"""What feedline learnt from executed plans of one blueprint: one document per space and sheet.

A document holds, per normalized header, the latest decision and who made it (a
``person`` who executed or corrected a plan, or ``automap`` when a plan ran alone) and
when; each enum value's option and who chose it; the fields a person rejected; value
signatures; and the latest plan (the baseline for drift and renamed columns). The
server stores each (space, sheet) document as one database row (:meth:`from_rows`,
:meth:`document`); the CLI keeps the whole memory in one JSON file (:meth:`load`).
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from feedline.atomic import atomic_write
from feedline.errors import MappingError
from feedline.mapping.normalize import memory_key, value_key
from feedline.mapping.plan import PERSON_ENUM_REASON, Plan

FORMAT_VERSION = 2  # version 1 files (no "decisions", enum options as plain strings) still load
PERSON, AUTOMAP = "person", "automap"
OTHER = "other"  # an enum value another space of the blueprint decided
DECIDERS = (PERSON, AUTOMAP)
SAME_HEADERS, SAME_SPACE, OTHER_SPACE = 0.99, 0.97, 0.9  # version 1 weights (kept for recall)
AGREE = 0.75  # past choices agreeing less than this make remembered evidence weaker
_UNMAPPED = ""  # header-count key for "deliberately left unmapped"


def fingerprint(headers: Sequence[str]) -> str:
    """Order-free fingerprint of a normalized header set."""
    joined = "\n".join(sorted({memory_key(h) for h in headers}))
    return hashlib.sha256(joined.encode()).hexdigest()[:16]


def empty_document() -> dict[str, Any]:
    """A (space, sheet) memory document with nothing learnt yet."""
    return {"plans": {}, "headers": {}, "decisions": {}, "enums": {}, "rejected": {},
            "signatures": {}, "last": None}


def _upgrade(doc: Mapping[str, Any]) -> dict[str, Any]:
    """A stored document in the current layout (version 1 enum options become decisions)."""
    out = {**empty_document(), **copy.deepcopy(dict(doc))}
    for key, values in list(out["enums"].items()):
        out["enums"][key] = {
            v: (o if isinstance(o, dict) else {"option": o, "by": AUTOMAP, "when": None})
            for v, o in values.items()
        }
    return out


@dataclass(frozen=True)
class Remembered:
    """One remembered decision for a header: the field (None = left unmapped) and its evidence.

    ``kind`` is ``person-space`` / ``automap-space`` (this space) or ``person-other`` /
    ``automap-other`` (other spaces of the blueprint); ``share`` is how much the past
    choices agree; ``signature`` the values' signature when it was decided.
    """

    header: str
    field: str | None
    kind: str
    by: str
    when: str | None
    share: float = 1.0
    signature: Mapping[str, Any] | None = None


@dataclass
class Recall:
    """What memory says about one delivery's headers (see :meth:`MappingMemory.evidence`)."""

    decisions: dict[str, Remembered] = field(default_factory=dict)  # by current header
    vanished: list[Remembered] = field(default_factory=list)  # this space's, absent now
    # field -> value -> (option, by), and (option, by, "other") for another space's decision
    enums: dict[str, dict[str, tuple[str | None, ...]]] = field(default_factory=dict)
    rejected: dict[str, set[str]] = field(default_factory=dict)
    last: dict[str, Any] | None = None


def today() -> str:
    """Today's date (UTC) as an ISO string, the default ``when`` of a decision."""
    return dt.datetime.now(dt.UTC).date().isoformat()


class MappingMemory:
    """Remembered decisions of one blueprint, one document per (space, sheet).

    Layout: ``spaces[space][sheet]`` = ``{"plans", "headers", "decisions", "enums",
    "rejected", "signatures", "last"}``; :meth:`remember` changes exactly one document.
    """

    def __init__(self, blueprint: str, entries: dict[str, Any] | None = None) -> None:
        self.blueprint = blueprint
        self.spaces: dict[str, dict[str, dict[str, Any]]] = {
            space: {sheet: _upgrade(doc) for sheet, doc in sheets.items()}
            for space, sheets in (entries or {}).items()
        }

    # -- storage ----------------------------------------------------------------------

    @classmethod
    def from_rows(cls, blueprint: str, rows: Iterable[tuple[str, str, Mapping[str, Any]]]) -> MappingMemory:
        """Memory from stored rows ``(space, sheet, document)``, one per (space, sheet)."""
        memory = cls(blueprint)
        for space, sheet, doc in rows:
            if not isinstance(doc, Mapping):
                raise MappingError(f"mapping memory {space!r}/{sheet!r} is not an object")
            memory.spaces.setdefault(space, {})[sheet] = _upgrade(doc)
        return memory

    def document(self, space: str, sheet: str) -> dict[str, Any]:
        """The JSON-able document of one (space, sheet) row (empty when nothing is learnt)."""
        doc = self.spaces.get(space, {}).get(sheet)
        return copy.deepcopy(doc) if doc is not None else empty_document()

    def waive_required(self, space: str, sheet: str, fields: Iterable[str]) -> None:
        """A person ran this space's plan with these required fields unmapped (the partner
        never sends them): later plans leaving exactly those unmapped may run alone."""
        memo = self._sheet(space, sheet)
        chosen = sorted(set(fields))
        if chosen:
            memo["waived_required"] = chosen
        else:
            memo.pop("waived_required", None)

    def waived_required(self, space: str, sheet: str) -> set[str]:
        """The required fields a person let this space's plans leave unmapped."""
        memo = self.spaces.get(space, {}).get(sheet) or {}
        return set(memo.get("waived_required") or ())

    def rows(self) -> list[tuple[str, str, dict[str, Any]]]:
        """Every stored (space, sheet, document), for writing all rows at once."""
        return [(space, sheet, self.document(space, sheet))
                for space, sheets in sorted(self.spaces.items()) for sheet in sorted(sheets)]

    def _sheet(self, space: str, sheet: str) -> dict[str, Any]:
        return self.spaces.setdefault(space, {}).setdefault(sheet, empty_document())

    # -- learning ---------------------------------------------------------------------

    def remember(
        self,
        space: str,
        sheet: str,
        plan: Plan,
        *,
        corrected: Mapping[str, str | None] | None = None,
        by: str = AUTOMAP,
        when: str | None = None,
    ) -> None:
        """Learn from an executed plan; touches only the (space, sheet) document.

        Args:
            corrected: a person's {source: chosen field} where it differs from the
                suggestion; the replaced suggestion is not offered again in this space.
            by: ``"person"`` when a person executed the plan (every column of it is then
                a person's decision), ``"automap"`` when it ran alone. Columns a person
                set in the plan (reason ``person``) or in ``corrected`` count as a
                person's either way.
            when: the ISO date of the decision (default: today, UTC).
        """
        if by not in DECIDERS:
            raise MappingError(f"unknown decider {by!r} (use one of {', '.join(DECIDERS)})")
        when = when or today()
        corrected = corrected or {}
        memo = self._sheet(space, sheet)
        final = {m.source: m.destination for m in plan.fields}
        person_cols = {m.source for m in plan.fields if m.reason_code == "person"} | set(corrected)
        for m in plan.fields:
            if m.source not in corrected:
                continue
            chosen = corrected[m.source]
            final[m.source] = chosen
            suggested = m.suggested if m.reason_code == "person" else m.destination
            key = memory_key(m.source)
            rejected = set(memo["rejected"].get(key, []))
            if suggested is not None and suggested != chosen:
                rejected.add(suggested)
            rejected.discard(chosen or "")
            if rejected:
                memo["rejected"][key] = sorted(rejected)
            else:
                memo["rejected"].pop(key, None)
        memo["plans"][fingerprint(list(final))] = {
            "headers": sorted(memory_key(s) for s in final),
            "mapping": {memory_key(s): d for s, d in final.items()},
            "by": by, "when": when,
        }
        memo["last"] = {
            "headers": list(final),
            "mapping": dict(final),
            "signatures": {s: plan.signatures[s] for s in final if s in plan.signatures},
        }
        for source, sig in plan.signatures.items():
            memo["signatures"][memory_key(source)] = sig
        for source, dest in final.items():
            key = memory_key(source)
            counts = memo["headers"].setdefault(key, {})
            slot = dest or _UNMAPPED
            counts[slot] = int(counts.get(slot, 0)) + 1
            who = PERSON if by == PERSON or source in person_cols else AUTOMAP
            prior = memo["decisions"].get(key)
            if who == AUTOMAP and prior and prior.get("by") == PERSON and prior.get("field") == dest:
                prior["confirmed"] = when  # automap followed a person's decision
                prior["signature"] = plan.signatures.get(source, prior.get("signature"))
                continue
            memo["decisions"][key] = {"field": dest, "by": who, "when": when, "header": source,
                                      "signature": plan.signatures.get(source)}
        mapped = {d for d in final.values() if d is not None}
        enum_by_col = {d: (PERSON if by == PERSON or s in person_cols else AUTOMAP)
                       for s, d in final.items() if d is not None}
        for key, values in plan.enums.items():
            if key not in mapped:
                continue
            learnt = memo["enums"].setdefault(key, {})
            for v in values:
                who = PERSON if v.reason == PERSON_ENUM_REASON else enum_by_col.get(key, AUTOMAP)
                self._learn_value(learnt, v.value, v.option, who, when)
        self.teach(space, sheet, plan.taught, when=when)

    def teach(self, space: str, sheet: str, values: Mapping[str, Mapping[str, str | None]],
              *, when: str | None = None) -> None:
        """Learn a person's enum value decisions ``{field: {value: option}}`` (an option
        of None: the value is invalid), e.g. a record fixed in review; later deliveries
        of every space map those values so."""
        when = when or today()
        memo = self._sheet(space, sheet)
        for key, taught in values.items():
            learnt = memo["enums"].setdefault(key, {})
            for value, option in taught.items():
                self._learn_value(learnt, value, option, PERSON, when)

    @staticmethod
    def _learn_value(learnt: dict[str, Any], value: str, option: str | None, who: str, when: str) -> None:
        """Store one enum value decision; automap never overwrites a person's."""
        k = value_key(value)
        prior = learnt.get(k)
        if who == AUTOMAP and prior and prior.get("by") == PERSON:
            return
        if option is None and who != PERSON:
            return  # only a person can say a value is invalid
        learnt[k] = {"option": option, "by": who, "when": when}

    # -- recall -----------------------------------------------------------------------

    def evidence(self, space: str, sheet: str, headers: Sequence[str]) -> Recall:
        """Every remembered decision that bears on these headers, with its kind of evidence.

        This space's decision for a header comes first; otherwise the other spaces'
        decisions for it (a person's before automap's, the most common field). Headers
        this space decided before that are absent now are ``vanished`` (renames).
        """
        own = self.spaces.get(space, {}).get(sheet)
        others = [s[sheet] for name, s in sorted(self.spaces.items()) if name != space and sheet in s]
        out = Recall()
        keys = {h: memory_key(h) for h in headers}
        if own:
            out.last = own.get("last")
            for h, k in keys.items():
                if k in own["rejected"]:
                    out.rejected[h] = set(own["rejected"][k])
        for h, k in keys.items():
            rejected = out.rejected.get(h, set())
            found = _own_decision(own, h, k, rejected) if own else None
            if found is None:
                found = _other_decision(others, h, k, rejected)
            if found is not None:
                out.decisions[h] = found
        if own:
            present = set(keys.values())
            for k, d in sorted(own["decisions"].items()):
                if k not in present and d.get("field") and d.get("signature"):
                    out.vanished.append(Remembered(d.get("header") or k, d["field"],
                                                   f"{d.get('by', AUTOMAP)}-space",
                                                   d.get("by", AUTOMAP), d.get("when"),
                                                   signature=d["signature"]))
        for memo in others:  # other spaces: a person's choice wins over automap's
            for key, values in memo["enums"].items():
                merged = out.enums.setdefault(key, {})
                for value, d in values.items():
                    if value not in merged or (d.get("by") == PERSON and merged[value][1] != PERSON):
                        merged[value] = (d.get("option"), d.get("by", AUTOMAP), OTHER)
        if own:  # this space's own choices win over every other space's
            for key, values in own["enums"].items():
                merged = out.enums.setdefault(key, {})
                for value, d in values.items():
                    merged[value] = (d.get("option"), d.get("by", AUTOMAP))
        return out

    def recall(self, space: str, sheet: str, headers: list[str]) -> dict[str, Any]:
        """Version 1 view of :meth:`evidence`: ``{"headers": {source: (field, weight,
        scope)}, "enums": {field: {value: option}}, "rejected", "last", "plan"}``."""
        ev = self.evidence(space, sheet, headers)
        own = self.spaces.get(space, {}).get(sheet)
        stored = own["plans"].get(fingerprint(headers)) if own else None
        plan = ({h: stored["mapping"].get(memory_key(h)) for h in headers}
                if stored is not None else None)
        weights = {"space": SAME_SPACE, "other": OTHER_SPACE}
        headers_out = {}
        for h, r in ev.decisions.items():
            scope = "space" if r.kind.endswith("-space") else "other"
            weight = weights[scope] if r.share >= AGREE else weights[scope] - 0.15
            headers_out[h] = (r.field, weight, scope)
        enums = {k: {v: e[0] for v, e in vals.items() if e[0] is not None} for k, vals in ev.enums.items()}
        return {"plan": plan, "headers": headers_out, "enums": enums, "rejected": ev.rejected,
                "last": ev.last}

    # -- whole-memory views -------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        """A stable JSON document of everything remembered."""
        return {"version": FORMAT_VERSION, "blueprint": self.blueprint, "spaces": self.spaces}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MappingMemory:
        if not isinstance(data, dict) or not isinstance(data.get("spaces"), dict):
            raise MappingError("mapping memory must be an object with a 'spaces' object")
        if data.get("version", FORMAT_VERSION) not in (1, FORMAT_VERSION):
            raise MappingError(f"mapping memory has unknown version {data.get('version')!r}")
        rows = []
        for space, sheets in data["spaces"].items():
            if not isinstance(sheets, dict):
                raise MappingError(f"mapping memory space {space!r} is not an object")
            rows += [(space, sheet, memo) for sheet, memo in sheets.items()]
        return cls.from_rows(str(data.get("blueprint", "")), rows)

    def entries(self) -> list[dict[str, Any]]:
        """One dict per (space, sheet) with what is remembered there."""
        rows = []
        for space, sheets in sorted(self.spaces.items()):
            for sheet, memo in sorted(sheets.items()):
                headers = {k: _pick(c, set()) for k, c in memo["headers"].items()}
                rows.append({
                    "space": space,
                    "sheet": sheet,
                    "plans": len(memo["plans"]),
                    "headers": {k: p[0] for k, p in headers.items() if p is not None},
                    "decisions": {k: {"field": d.get("field"), "by": d.get("by"), "when": d.get("when")}
                                  for k, d in memo["decisions"].items()},
                    "enums": {k: {v: d.get("option") for v, d in vals.items()}
                              for k, vals in memo["enums"].items()},
                    "rejected": {k: list(v) for k, v in memo["rejected"].items()},
                })
        return rows

    def forget(self, space: str, sheet: str | None = None) -> int:
        """Drop what was learnt in ``space`` (one sheet or all); returns entries removed."""
        sheets = self.spaces.get(space)
        if not sheets:
            return 0
        if sheet is None:
            del self.spaces[space]
            return len(sheets)
        removed = 1 if sheets.pop(sheet, None) is not None else 0
        if not sheets:
            del self.spaces[space]
        return removed

    @classmethod
    def load(cls, path: str | os.PathLike[str], blueprint: str = "") -> MappingMemory:
        """Read a memory file (version 1 or 2); a missing file is an empty memory."""
        p = Path(path)
        if not p.exists():
            return cls(blueprint)
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise MappingError(
                f"mapping memory {p} is not valid JSON: {exc.msg} (line {exc.lineno})"
            ) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise MappingError(f"mapping memory {p} cannot be read: {exc}") from None
        return cls.from_json(data)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the memory atomically (temp file in the same folder, then rename)."""
        with atomic_write(Path(path)) as fh:
            json.dump(self.to_json(), fh, ensure_ascii=False, indent=1, sort_keys=True)


def _own_decision(memo: dict[str, Any], header: str, key: str, rejected: set[str]) -> Remembered | None:
    """This space's decision for a header (version 1 documents: its header counts)."""
    d = memo["decisions"].get(key)
    counts = memo["headers"].get(key, {})
    if d is not None and (d.get("field") or "") not in rejected:
        pick = _pick(counts, rejected)
        share = pick[1] if pick is not None and pick[0] == d.get("field") else 1.0
        by = d.get("by", AUTOMAP)
        if by == PERSON:
            share = 1.0  # a person's latest word is the decision, whatever came before
        return Remembered(header, d.get("field"), f"{by}-space", by, d.get("when"), share,
                          d.get("signature"))
    pick = _pick(counts, rejected)
    if pick is None:
        return None
    return Remembered(header, pick[0], "automap-space", AUTOMAP, None, pick[1],
                      memo["signatures"].get(key))


def _other_decision(others: list[dict[str, Any]], header: str, key: str,
                    rejected: set[str]) -> Remembered | None:
    """What other spaces decided for this header: a person's choices first, then automap's."""
    for by in (PERSON, AUTOMAP):
        votes: Counter[str] = Counter()
        when: dict[str, str | None] = {}
        sig: dict[str, Any] = {}
        for memo in others:
            d = memo["decisions"].get(key)
            if d is not None and d.get("by", AUTOMAP) == by:
                f = d.get("field") or _UNMAPPED
                votes[f] += 1
                when[f] = max(filter(None, (when.get(f), d.get("when"))), default=None)
                sig.setdefault(f, d.get("signature"))
            elif d is None and by == AUTOMAP:
                votes.update({k: int(v) for k, v in memo["headers"].get(key, {}).items()})
        pick = _pick(dict(votes), rejected)
        if pick is not None:
            f = pick[0] or _UNMAPPED
            return Remembered(header, pick[0], f"{by}-other", by, when.get(f), pick[1], sig.get(f))
    return None


def _pick(counts: dict[str, int], rejected: set[str]) -> tuple[str | None, float] | None:
    """The most often chosen field (None = unmapped) and its share, skipping rejected ones."""
    usable = {k: int(v) for k, v in counts.items() if k not in rejected}
    if not usable:
        return None
    best = max(sorted(usable), key=lambda k: usable[k])
    share = usable[best] / sum(usable.values())
    return (best or None), share
