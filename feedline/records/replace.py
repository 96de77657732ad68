"""Find and replace in one column of a destination sheet, as one re-validated edit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from feedline.errors import ConfigError
from feedline.records.edits import Edited, SheetEditor
from feedline.records.schema import to_records
from feedline.records.view import Query

MAX_REPLACED = 10_000


@dataclass
class Replaced:
    """How many cells changed and the edit that changed them (None: nothing matched)."""

    cells: int
    edited: Edited | None


def find_replace(editor: SheetEditor, field: str, find: str, replace: str, actor: str,
                 whole: bool = False, query: Query | None = None) -> Replaced:
    """Replace ``find`` (case-sensitive; the whole cell with ``whole``) by ``replace`` in
    ``field`` of the records matching ``query`` (default: all), at most
    :data:`MAX_REPLACED` cells; every changed record is re-validated like any edit."""
    spec = editor.spec
    if field not in spec.keys:
        raise ConfigError(f"sheet {spec.slug!r} has no field {field!r}")
    if spec.field(field).is_computed:
        raise ConfigError(f"{field!r} is computed and cannot be changed")
    if not find:
        raise ConfigError("say what to find")
    base = query or Query()
    narrowed = Query(filter=base.filter, field=base.field, message_type=base.message_type,
                     search=find, search_field=field)
    view = editor.view
    frame = view.finish(view.candidates(narrowed).sort("_id").head(MAX_REPLACED + 1).collect())
    if frame.height > MAX_REPLACED:
        raise ConfigError(f"more than {MAX_REPLACED:,} cells match: narrow the filter first")
    edits: dict[int, dict[str, Any]] = {}
    for record in to_records(frame, spec):
        old = record["values"].get(field)
        text = ";".join(map(str, old)) if isinstance(old, list) else None if old is None else str(old)
        if text is None:
            continue
        if whole:
            new = replace if text == find else None
        else:
            new = text.replace(find, replace) if find in text else None
        if new is not None and new != text:
            edits[record["id"]] = {field: new if new != "" else None}
    if not edits:
        return Replaced(0, None)
    return Replaced(len(edits), editor.update(edits, actor))
