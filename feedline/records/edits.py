"""A person's changes to a sheet's records: update, add, delete.

Each change is re-validated (the changed records in full, with hooks; ``unique``,
composite keys and in-sheet references against the rest of the sheet, reading only the
records that share a key with the edit, see :mod:`feedline.validate.revalidate`) and
stored as edit rows (the overlay, which is also the history), all in the caller's
transaction. An edit costs what it touches, not the sheet's size.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from feedline.blueprint.model import SheetSpec
from feedline.errors import NotFound
from feedline.records import overlay
from feedline.records.view import SheetView
from feedline.store import repo
from feedline.store.models import Sheet
from feedline.validate import Hook
from feedline.validate.result import CAST_ERRORS
from feedline.validate.revalidate import adjust_counts, revalidate

if TYPE_CHECKING:
    from feedline.blobs import Blobs


ENUM_ERROR = CAST_ERRORS["enum"][0]


@dataclass
class Edited:
    """What an edit did: the changed records as stored now, the ids of other records it
    re-validated, the sheet's new counts, and hooks that raised."""

    data: list[dict[str, Any]]
    revalidated: list[int]
    counts: dict[str, Any]
    hook_failures: list[dict[str, Any]] = field(default_factory=list)
    deleted: list[int] = field(default_factory=list)
    taught: dict[str, dict[str, str]] = field(default_factory=dict)


def taught_values(spec: SheetSpec, changed: list[dict[str, Any]],
                  stored: list[dict[str, Any]]) -> dict[str, dict[str, str]]:
    """A person's enum value decisions in an edit: ``{field: {text: option}}`` where a cell
    held partner text that matched no option and now holds an option. A text set to two
    different options in one edit says nothing."""
    now = {r["id"]: r for r in stored}
    seen: dict[tuple[str, str], set[str]] = {}
    for c in changed:
        new = now.get(c["id"])
        if new is None:
            continue
        unread = {m.get("field") for m in c["old"]["messages"] or () if m.get("type") == ENUM_ERROR}
        still = {m.get("field") for m in new["messages"] or () if m.get("type") == ENUM_ERROR}
        for key in unread - still:
            text, option = c["old"]["values"].get(str(key)), new["values"].get(str(key))
            if key in spec.keys and spec.field(key).type == "enum" \
                    and isinstance(text, str) and text.strip() and isinstance(option, str):
                seen.setdefault((key, text.strip()), set()).add(option)
    out: dict[str, dict[str, str]] = {}
    for (key, text), options in sorted(seen.items()):
        if len(options) == 1:
            out.setdefault(key, {})[text] = next(iter(options))
    return out


class SheetEditor:
    """Edits of one destination sheet inside one write transaction (the sheet row-locked)."""

    def __init__(self, conn: sa.Connection, blobs: Blobs, sheet_id: str, spec: SheetSpec,
                 hooks: Sequence[Hook] = (), decimal: str | None = None,
                 env_id: str | None = None) -> None:
        self.conn, self.blobs, self.spec = conn, blobs, spec
        self.hooks, self.decimal = list(hooks), decimal
        self.sheet: Sheet = repo.get_sheet(conn, sheet_id, env_id, lock=True)
        self.view = SheetView.open(conn, blobs, self.sheet, spec)

    def check_ids(self, ids: Sequence[int]) -> None:
        found = self.view.ids_exist(ids)
        missing = [i for i in ids if i not in found]
        if missing:
            raise NotFound(f"sheet {self.sheet.id} has no record {missing[0]}"
                           + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""))

    def update(self, edits: dict[int, dict[str, Any]], actor: str) -> Edited:
        """Change fields of existing records (fields not sent keep their value)."""
        self.check_ids(list(edits))
        changed = [{**r, "values": {**r["values"], **edits[r["id"]]},
                    "old": {"values": r["values"], "messages": r["messages"], "valid": r["valid"]}}
                   for r in self.view.records(edits)]
        result = self._store(changed, [], actor, "update")
        result.taught = taught_values(self.spec, changed, result.data)
        return result

    def add(self, values: list[dict[str, Any]], actor: str) -> Edited:
        """Append records after the sheet's last row (each validated like any other)."""
        start = self.sheet.next_id
        top_row = max(self.sheet.row_count, self.sheet.next_id - 1)
        changed = [{"id": start + i, "row": top_row + i, "version": 0,
                    "values": {k: v.get(k) for k in self.spec.keys}, "old": None}
                   for i, v in enumerate(values)]
        repo.update_sheet(self.conn, self.sheet.id, next_id=start + len(values))
        return self._store(changed, [], actor, "create")

    def delete(self, ids: Sequence[int] | None, actor: str, valid: bool | None = None) -> Edited:
        """Delete records by id, or every valid (``valid=True``) / invalid one."""
        if ids is not None:
            self.check_ids(list(ids))
            gone = self.view.records(ids)
        else:
            from feedline.records.schema import to_records
            from feedline.records.view import Query

            frame = self.view.finish(
                self.view.candidates(Query(filter="valid" if valid else "invalid"))
                .sort("_id").collect())
            gone = to_records(frame, self.spec)
        result = self._store([], gone, actor, "delete")
        result.deleted = sorted(r["id"] for r in gone)
        return result

    def _store(self, changed: list[dict[str, Any]], deleted: list[dict[str, Any]], actor: str,
               kind: str) -> Edited:
        result = revalidate(self.spec, changed, self.view, deleted, self.hooks, self.decimal)
        edited = {r["id"] for r in changed}
        rows = []
        for c in result.changes:
            mine = c["id"] in edited
            rows.append(overlay.Change(
                record_id=c["id"], row=c["row"],
                version=1 if kind == "create" and mine else c["version"] + 1,
                change=kind if mine else "revalidate",
                actor=actor if mine else f"validation (after {actor})",
                values=c["values"], messages=c["messages"], valid=c["valid"],
                old_values=c["old_values"], old_valid=c["old_valid"]))
        rows += [overlay.Change(record_id=r["id"], row=r["row"], version=r["version"] + 1,
                                change="delete", actor=actor, values=None, messages=None,
                                valid=None, old_values=r["values"], old_valid=r["valid"])
                 for r in deleted]
        overlay.store(self.conn, self.sheet.id, rows)
        counts = adjust_counts(
            self.sheet.metadata.get("counts") or {},
            [*((c["old_messages"], c["old_valid"]) for c in result.changes
               if c["old_messages"] is not None),
             *((r["messages"], r["valid"]) for r in deleted)],
            [(c["messages"], c["valid"]) for c in result.changes])
        repo.update_sheet(self.conn, self.sheet.id, row_count=counts["rows"],
                          metadata={**self.sheet.metadata, "counts": counts})
        data = [{"id": c["id"], "row": c["row"], "values": c["values"], "messages": c["messages"],
                 "valid": c["valid"], "version": 1 if kind == "create" else c["version"] + 1}
                for c in result.changes if c["id"] in edited]
        others = [c["id"] for c in result.changes if c["id"] not in edited]
        return Edited(data, others, counts, [f.to_dict() for f in result.hook_failures])

    def pending_edits(self) -> int:
        """Edits not yet folded into the segment (a compaction is due past a threshold)."""
        return overlay.count_after(self.conn, self.sheet.id, self.view.segment.compacted_seq)
