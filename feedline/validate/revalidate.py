"""Re-validate a stored sheet after edits: hooks on the edited records, checks on all.

Uniqueness (and composite keys, references within the sheet) depend on every record,
so the whole sheet is validated again; hooks run only on the records that were edited,
and the ``hook`` messages earlier runs left on the other records are kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import polars as pl

from feedline.blueprint.model import SheetSpec
from feedline.validate.base import to_text
from feedline.validate.engine import validate
from feedline.validate.hooks import Hook, HookFailure
from feedline.validate.result import message_counts

KEPT_TYPES = ("hook",)


def _same(messages: list[dict[str, Any]]) -> list[tuple[str, ...]]:
    return sorted(tuple(str(m.get(k) or "") for k in ("field", "type", "level", "message"))
                  for m in messages)


def revalidate(
    sheet: SheetSpec, records: list[dict[str, Any]], edited: set[int],
    hooks: Sequence[Hook] = (),
) -> tuple[list[dict[str, Any]], list[HookFailure], dict[str, Any]]:
    """Records (``{id, row, values, messages, valid, version}``, edits applied) in, the
    ones whose values, messages or validity changed out (with ``old_values`` and
    ``old_valid`` from ``records[i]["old"]`` when given), hook failures and sheet counts."""
    if not records:
        return [], [], message_counts(pl.DataFrame(schema={
            "row": pl.UInt32, "field": pl.String, "type": pl.String, "level": pl.String,
            "message": pl.String}), pl.Series([], dtype=pl.Boolean))
    text = pl.DataFrame(
        {f.key: pl.Series(f.key, [to_text(r["values"].get(f.key)) for r in records],
                          dtype=pl.String) for f in sheet.fields if not f.is_computed})
    ids = pl.Series("id", [r["id"] for r in records], dtype=pl.Int64)
    positions = pl.Series([i for i, r in enumerate(records) if r["id"] in edited], dtype=pl.UInt32)
    result = validate(text, sheet, hooks=hooks, hook_rows=positions, ids=ids,
                      row_numbers=pl.Series([r["row"] for r in records]))
    fresh = result.to_records()
    kept = []
    for i, r in enumerate(records):
        if r["id"] in edited:
            continue
        for m in r["messages"] or []:
            if m.get("type") in KEPT_TYPES:
                kept.append({"row": i, **{k: m.get(k) for k in ("field", "type", "level",
                                                                "message")}})
    if kept:
        extra = pl.DataFrame(kept, schema=result.messages.schema)
        for m in kept:
            fresh[m["row"]]["messages"].append({k: m[k] for k in ("field", "type", "level",
                                                                 "message")})
            if m["level"] == "error":
                fresh[m["row"]]["valid"] = False
        messages = pl.concat([result.messages, extra])
        valid = pl.Series([f["valid"] for f in fresh])
    else:
        messages, valid = result.messages, result.valid
    changed = []
    for r, f in zip(records, fresh, strict=True):
        if (r["id"] in edited or f["values"] != r["values"] or f["valid"] != r["valid"]
                or _same(f["messages"]) != _same(r["messages"] or [])):
            old = r.get("old", r)
            changed.append({"id": r["id"], "values": f["values"], "messages": f["messages"],
                            "valid": f["valid"], "version": r["version"],
                            "old_values": old["values"], "old_valid": old["valid"]})
    return changed, result.hook_failures, message_counts(messages, valid)
