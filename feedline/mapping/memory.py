"""What feedline learnt from executed plans of one blueprint, across all spaces."""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from feedline.atomic import atomic_write
from feedline.errors import MappingError
from feedline.mapping.normalize import memory_key, value_key
from feedline.mapping.plan import Plan

FORMAT_VERSION = 1
SAME_HEADERS, SAME_SPACE, OTHER_SPACE = 0.99, 0.97, 0.9
_UNMAPPED = ""  # header-memory key for "deliberately left unmapped"


def fingerprint(headers: Sequence[str]) -> str:
    """Order-free fingerprint of a normalized header set."""
    joined = "\n".join(sorted({memory_key(h) for h in headers}))
    return hashlib.sha256(joined.encode()).hexdigest()[:16]


def _empty_sheet() -> dict[str, Any]:
    return {"plans": {}, "headers": {}, "enums": {}, "rejected": {}, "signatures": {}, "last": None}


class MappingMemory:
    """Remembered plans, header -> field counts, enum values and rejected suggestions.

    Layout: ``spaces[space][sheet] = {"plans", "headers", "enums", "rejected",
    "signatures", "last"}``; ``last`` is the latest accepted plan (headers in order, mapping,
    value signatures), the baseline for drift and renamed-column inference.
    """

    def __init__(self, blueprint: str, entries: dict[str, Any] | None = None) -> None:
        self.blueprint = blueprint
        self.spaces: dict[str, dict[str, dict[str, Any]]] = entries or {}

    def _sheet(self, space: str, sheet: str) -> dict[str, Any]:
        return self.spaces.setdefault(space, {}).setdefault(sheet, _empty_sheet())

    def remember(
        self,
        space: str,
        sheet: str,
        plan: Plan,
        *,
        corrected: Mapping[str, str | None] | None = None,
    ) -> None:
        """Learn from an executed plan; ``corrected`` = a person's {source: chosen field}.

        A correction that differs from the automatic suggestion stores the rejected
        (header, suggested field) pair so it is not suggested again in this space.
        """
        corrected = corrected or {}
        memo = self._sheet(space, sheet)
        final = {m.source: m.destination for m in plan.fields}
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
        }
        memo["last"] = {
            "headers": list(final),
            "mapping": dict(final),
            "signatures": {s: plan.signatures[s] for s in final if s in plan.signatures},
        }
        for source, sig in plan.signatures.items():
            memo["signatures"][memory_key(source)] = sig
        for source, dest in final.items():
            counts = memo["headers"].setdefault(memory_key(source), {})
            slot = dest or _UNMAPPED
            counts[slot] = int(counts.get(slot, 0)) + 1
        mapped = {d for d in final.values() if d is not None}
        for key, values in plan.enums.items():
            if key not in mapped:
                continue
            learnt = memo["enums"].setdefault(key, {})
            for v in values:
                if v.option is not None:
                    learnt[value_key(v.value)] = v.option

    def recall(self, space: str, sheet: str, headers: list[str]) -> dict[str, Any]:
        """What memory says about these headers.

        Returns ``{"plan": {source: field or None} | None, "headers": {source: (field or
        None, weight, scope)}, "enums": {field: {value: option}}, "rejected": {source:
        set[field]}, "last": the space's latest accepted plan or None}``; scope is ``"headers"`` (same header set), ``"space"`` or ``"other"``.
        """
        own = self.spaces.get(space, {}).get(sheet)
        others = [
            s[sheet] for name, s in sorted(self.spaces.items()) if name != space and sheet in s
        ]
        keys = {h: memory_key(h) for h in headers}
        out: dict[str, Any] = {
            "plan": None, "headers": {}, "enums": {}, "rejected": {}, "last": None,
        }
        if own:
            out["last"] = own.get("last")
            for h, k in keys.items():
                if k in own["rejected"]:
                    out["rejected"][h] = set(own["rejected"][k])
            stored = own["plans"].get(fingerprint(headers))
            if stored is not None:
                out["plan"] = {h: stored["mapping"].get(k) for h, k in keys.items()}
                for h, field in out["plan"].items():
                    out["headers"][h] = (field, SAME_HEADERS, "headers")
        for h, k in keys.items():
            if h in out["headers"]:
                continue
            scopes = [(own, SAME_SPACE, "space")] if own else []
            scopes.append((_merge_counts(o["headers"].get(k, {}) for o in others), OTHER_SPACE, "other"))
            for memo, weight, scope in scopes:
                counts = memo["headers"].get(k, {}) if scope == "space" else memo
                pick = _pick(counts, out["rejected"].get(h, set()))
                if pick is not None:
                    field, share = pick
                    out["headers"][h] = (field, weight if share >= 0.75 else weight - 0.15, scope)
                    break
        for memo in [own, *others] if own else others:
            for key, values in memo["enums"].items():
                merged = out["enums"].setdefault(key, {})
                for value, option in values.items():
                    merged.setdefault(value, option)
        return out

    def to_json(self) -> dict[str, Any]:
        """A stable JSON document of everything remembered."""
        return {"version": FORMAT_VERSION, "blueprint": self.blueprint, "spaces": self.spaces}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MappingMemory:
        if not isinstance(data, dict) or not isinstance(data.get("spaces"), dict):
            raise MappingError("mapping memory must be an object with a 'spaces' object")
        if data.get("version", FORMAT_VERSION) != FORMAT_VERSION:
            raise MappingError(f"mapping memory has unknown version {data.get('version')!r}")
        spaces: dict[str, dict[str, dict[str, Any]]] = {}
        for space, sheets in data["spaces"].items():
            if not isinstance(sheets, dict):
                raise MappingError(f"mapping memory space {space!r} is not an object")
            for sheet, memo in sheets.items():
                if not isinstance(memo, dict):
                    raise MappingError(f"mapping memory {space!r}/{sheet!r} is not an object")
                spaces.setdefault(space, {})[sheet] = {**_empty_sheet(), **memo}
        return cls(str(data.get("blueprint", "")), spaces)

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
                    "enums": {k: dict(v) for k, v in memo["enums"].items()},
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
        """Read a memory file; a missing file is an empty memory."""
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


def _merge_counts(parts: Any) -> dict[str, int]:
    total: Counter[str] = Counter()
    for counts in parts:
        total.update({k: int(v) for k, v in counts.items()})
    return dict(total)


def _pick(counts: dict[str, int], rejected: set[str]) -> tuple[str | None, float] | None:
    """The most often chosen field (None = unmapped) and its share, skipping rejected ones."""
    usable = {k: int(v) for k, v in counts.items() if k not in rejected}
    if not usable:
        return None
    best = max(sorted(usable), key=lambda k: usable[k])
    share = usable[best] / sum(usable.values())
    return (best or None), share
