"""Re-validate a stored sheet after an edit, at the cost of the edit.

The edited and added records are validated on their own (casts, hooks, computed fields,
per-record constraints); the checks that compare records (``unique``, composite keys,
references within the sheet) are redone by :mod:`feedline.validate.sheetwide` against
the stored sheet, reading only the records that share a key value with the edit, so an
edit can make *another* record valid or invalid. The other records keep every message
those checks do not write (``hook`` messages of earlier runs included).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from feedline.blueprint.model import SheetSpec
from feedline.validate.base import to_text
from feedline.validate.engine import validate
from feedline.validate.hooks import Hook, HookFailure
from feedline.validate.result import CAST_ERROR_TYPES
from feedline.validate.sheetwide import Check, Lookup, Message, recheck, sheet_checks

FIELDS = ("field", "type", "level", "message")


def _same(messages: list[Message]) -> list[tuple[str, ...]]:
    return sorted(tuple(str(m.get(k) or "") for k in FIELDS) for m in messages)


def message_order(sheet: SheetSpec, checks: Sequence[Check]) -> Callable[[Message], tuple[int, int]]:
    """Sort key putting a record's messages in the engine's order: by field, then cast
    error, the field's constraints, in-sheet reference, composite keys, the rest."""
    position = {key: i for i, key in enumerate(sheet.keys)}
    composites = [c for c in checks if c.composite]

    def key(m: Message) -> tuple[int, int]:
        name, kind = m.get("field"), m.get("type")
        if name not in position:
            return -1, 0
        if kind in CAST_ERROR_TYPES:
            return position[name], 0
        if kind == "missing-reference":
            return position[name], 1000
        for i, c in enumerate(composites):
            if kind == "unique" and c.owns(m):
                return position[name], 2000 + i
        kinds = [c.type for c in sheet.field(name).constraints]
        return position[name], 1 + kinds.index(kind) if kind in kinds else 3000
    return key


@dataclass
class Revalidation:
    """What an edit changed: ``changes`` for :func:`feedline.store.records.write_changes`
    (``id, row, values, messages, valid, version, old_values, old_valid, old_messages``;
    the edited and added records first, in the order given, then other records whose
    messages changed) and the hooks that raised."""

    changes: list[dict[str, Any]]
    hook_failures: list[HookFailure]


def revalidate(
    sheet: SheetSpec, changed: list[dict[str, Any]], lookup: Lookup,
    deleted: Sequence[dict[str, Any]] = (), hooks: Sequence[Hook] = (),
    decimal: str | None = None,
) -> Revalidation:
    """Validate ``changed`` records and recheck the sheet-wide constraints they touch.

    Args:
        changed: ``{id, row, values, version, old}`` with the edit applied to ``values``;
            ``old`` is the stored ``{values, messages, valid}`` (None for new records).
        lookup: the sheet's stored records, still in their state before the edit.
        deleted: stored records (``{id, row, values, messages, valid, version}``) gone.
        hooks: the sheet's hooks; they run on ``changed`` only.
        decimal: the feed's decimal mark for numbers their text leaves ambiguous.
    """
    checks = sheet_checks(sheet)
    fresh: list[dict[str, Any]] = []
    failures: list[HookFailure] = []
    if changed:
        text = pl.DataFrame(
            {f.key: pl.Series(f.key, [to_text(r["values"].get(f.key)) for r in changed],
                              dtype=pl.String) for f in sheet.fields if not f.is_computed},
            height=len(changed))
        result = validate(text, sheet, hooks=hooks, decimal=decimal, sheet_checks=False,
                          ids=pl.Series([r["id"] for r in changed], dtype=pl.Int64),
                          row_numbers=pl.Series([r["row"] for r in changed], dtype=pl.Int64))
        failures = result.hook_failures
        fresh = [{"id": r["id"], "row": r["row"], **f}
                 for r, f in zip(changed, result.to_records(), strict=True)]
    removed = [*(r["old"] | {"id": r["id"], "row": r["row"]} for r in changed if r.get("old")),
               *deleted]
    outcome = recheck(checks, fresh, removed, lookup)
    order = message_order(sheet, checks)
    changes = []
    for r, f in zip(changed, fresh, strict=True):
        messages = sorted([*f["messages"], *outcome.own.get(r["id"], [])], key=order)
        old = r.get("old") or {}
        changes.append({"id": r["id"], "row": r["row"], "values": f["values"],
                        "messages": messages, "valid": _valid(messages),
                        "version": r["version"], "old_values": old.get("values"),
                        "old_valid": old.get("valid"), "old_messages": old.get("messages")})
    for rid, (record, redone) in sorted(outcome.others.items()):
        stored = record["messages"] or []
        kept = [m for m in stored if not any(c.owns(m) for c in redone)]
        messages = sorted([*kept, *outcome.messages.get(rid, [])], key=order)
        if _same(messages) == _same(stored) and _valid(messages) == record["valid"]:
            continue
        changes.append({"id": rid, "row": record["row"], "values": record["values"],
                        "messages": messages, "valid": _valid(messages),
                        "version": record["version"], "old_values": record["values"],
                        "old_valid": record["valid"], "old_messages": stored})
    return Revalidation(changes, failures)


def _valid(messages: Iterable[Message]) -> bool:
    return not any(m.get("level") == "error" for m in messages)


def adjust_counts(counts: dict[str, Any], removed: Iterable[tuple[list[Message] | None, bool]],
                  added: Iterable[tuple[list[Message], bool]]) -> dict[str, Any]:
    """Sheet counts (as :func:`feedline.validate.message_counts` makes them) after taking
    out the ``(messages, valid)`` of ``removed`` records and putting in ``added``."""
    rows, valid = int(counts.get("rows", 0)), int(counts.get("valid", 0))
    by_type = dict(counts.get("by_type") or {})
    by_level = dict(counts.get("by_level") or {})
    by_field = {k: dict(v) for k, v in (counts.get("by_field") or {}).items()}
    for records, sign in ((removed, -1), (added, 1)):
        for messages, ok in records:
            rows, valid = rows + sign, valid + sign * bool(ok)
            for m in messages or []:
                kind, level, name = str(m.get("type")), str(m.get("level")), m.get("field") or ""
                by_type[kind] = by_type.get(kind, 0) + sign
                by_level[level] = by_level.get(level, 0) + sign
                per = by_field.setdefault(name, {})
                per[kind] = per.get(kind, 0) + sign

    def tidy(d: dict[str, int]) -> dict[str, int]:
        return {k: d[k] for k in sorted(d) if d[k] > 0}

    fields = {k: tidy(v) for k, v in sorted(by_field.items())}
    return {**counts, "rows": rows, "valid": valid, "invalid": rows - valid,
            "by_type": tidy(by_type), "by_field": {k: v for k, v in fields.items() if v},
            "by_level": tidy(by_level)}
