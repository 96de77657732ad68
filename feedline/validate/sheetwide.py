"""Checks that compare a record with the rest of its sheet, redone for an edit from the
key values alone: ``unique``, composite keys and references within the sheet.

An edit changes some records (edited or added) and removes others (deleted, or the old
state of edited ones). Only the records sharing a key value with the edit, old or new,
can change status, so only those are read: a :class:`Lookup` (the store, in SQL) finds
the stored records holding given key values, and each of them gets its messages of that
check recomputed. The first record of a key by (row, id) stays valid; later ones get a
``unique`` message naming its row, as the map job does.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from feedline.blueprint.model import Field, SheetSpec
from feedline.validate.base import to_text
from feedline.validate.result import CAST_ERROR_TYPES

Message = dict[str, Any]
Key = tuple[Any, ...]


class Lookup(Protocol):
    """Read access to the stored records of one sheet (see ``feedline.store.records``)."""

    def find(self, fields: Sequence[Field], keys: Collection[Key],
             casefold: bool) -> Iterable[tuple[int, Key]]:
        """``(id, values of fields)`` of stored records whose ``fields`` may hold one of
        ``keys`` (text lowercased when ``casefold``); a superset is fine."""
        ...

    def load(self, ids: Collection[int]) -> list[dict[str, Any]]:
        """Stored records (``id``, ``row``, ``values``, ``messages``, ``valid``, ``version``)."""
        ...


@dataclass(frozen=True)
class Check:
    """One check across records: a unique key (``fields``) or a reference (``fields`` =
    the reference field, ``target`` its target field in the same sheet)."""

    fields: tuple[Field, ...]
    case_sensitive: bool = True
    composite: bool = False
    message: str | None = None
    target: Field | None = None

    @property
    def names(self) -> str:
        return " + ".join(f.key for f in self.fields)

    def text(self, first_row: int) -> str:
        """The ``unique`` message naming the first occurrence's row."""
        if self.composite:
            return self.message or f"same {self.names} as row {first_row} (0-based)"
        return f"same value as row {first_row} (0-based)"

    def owns(self, message: Message) -> bool:
        """Whether ``message`` is one this check writes."""
        if message.get("field") not in {f.key for f in self.fields}:
            return False
        if self.target is not None:
            return message.get("type") == "missing-reference"
        if message.get("type") != "unique":
            return False
        text = str(message.get("message") or "")
        if self.composite and self.message:
            return text == self.message
        what = re.escape(self.names) if self.composite else "value"
        return re.fullmatch(rf"same {what} as row -?\d+ \(0-based\)", text) is not None


def sheet_checks(sheet: SheetSpec) -> list[Check]:
    """The checks of ``sheet`` that compare records with each other, in engine order."""
    out = [Check((f,), c.case_sensitive) for f in sheet.fields for c in f.constraints
           if c.type == "unique"]
    out += [Check((f,), target=sheet.field(f.reference.field)) for f in sheet.fields
            if f.reference is not None and f.reference.sheet == sheet.slug]
    out += [Check(tuple(sheet.field(k) for k in c.fields), c.case_sensitive, True, c.message)
            for c in sheet.constraints if c.type == "unique" and c.fields]
    return out


def failed_fields(record: dict[str, Any]) -> set[str]:
    """Fields whose value did not cast (it holds the partner's text, not a value)."""
    return {m.get("field") for m in record.get("messages") or []
            if m.get("type") in CAST_ERROR_TYPES}


def _norm(value: Any, case_sensitive: bool) -> Any:
    if isinstance(value, list):
        value = "\x1f".join(str(v) for v in value)
    return value.lower() if isinstance(value, str) and not case_sensitive else value


def key_of(check: Check, values: dict[str, Any], failed: Collection[str] = ()) -> Key | None:
    """The record's key for ``check`` (None when a part is empty or did not cast)."""
    parts = []
    for f in check.fields:
        value = values.get(f.key)
        if value is None or f.key in failed:
            return None
        parts.append(_norm(value, check.case_sensitive))
    return tuple(parts)


def _ref_text(value: Any) -> str | None:
    text = to_text(value)
    return text.strip() or None if text is not None else None


@dataclass
class Outcome:
    """Sheet-wide messages after an edit: ``own`` per changed record id, and per other
    stored record that a touched key concerns, its record and checks (``others``) and
    their new messages (``messages``)."""

    own: dict[int, list[Message]] = field(default_factory=dict)
    others: dict[int, tuple[dict[str, Any], list[Check]]] = field(default_factory=dict)
    messages: dict[int, list[Message]] = field(default_factory=dict)

    def add(self, record: dict[str, Any], check: Check, messages: list[Message],
            changed: bool) -> None:
        if changed:
            self.own.setdefault(record["id"], []).extend(messages)
            return
        entry = self.others.setdefault(record["id"], (record, []))
        if check not in entry[1]:
            entry[1].append(check)
        self.messages.setdefault(record["id"], []).extend(messages)


def _msg(f: Field, kind: str, text: str) -> Message:
    return {"field": f.key, "type": kind, "level": "error", "message": text}


def recheck(checks: Sequence[Check], changed: list[dict[str, Any]],
            removed: list[dict[str, Any]], lookup: Lookup) -> Outcome:
    """Redo ``checks`` for an edit.

    Args:
        changed: edited and added records with their new values and fresh messages
            (without messages of these checks).
        removed: deleted records, and the stored state of the edited ones.
        lookup: the stored records (still holding the old state of ``changed``).
    """
    out = Outcome()
    if not checks or not (changed or removed):
        return out
    skip = {r["id"] for r in changed} | {r["id"] for r in removed}
    wanted: list[tuple[Check, set[Key], set[Key]]] = []  # check, touched keys, target keys
    for c in checks:
        if c.target is None:
            keys = {key_of(c, r["values"], failed_fields(r)) for r in [*changed, *removed]}
            wanted.append((c, keys - {None}, set()))  # type: ignore[arg-type]
            continue
        targets = {_ref_text(r["values"].get(c.target.key)) for r in [*changed, *removed]}
        refs = {_ref_text(r["values"].get(c.fields[0].key)) for r in changed}
        wanted.append((c, {(t,) for t in targets if t}, {(t,) for t in targets | refs if t}))
    found: dict[Check, set[int]] = {}
    known: dict[Check, set[str]] = {}
    for c, touched, target_keys in wanted:
        hits = lookup.find(c.fields, touched, not c.case_sensitive) if touched else ()
        found[c] = {i for i, k in hits if i not in skip
                    and tuple(_norm(v, c.case_sensitive) for v in k) in touched}
        if c.target is not None:
            stored = lookup.find((c.target,), target_keys, False) if target_keys else ()
            known[c] = {t for i, (v,) in stored if i not in skip and (t := _ref_text(v))}
            known[c] |= {t for r in changed if (t := _ref_text(r["values"].get(c.target.key)))}
    loaded = {r["id"]: r for r in lookup.load(set().union(*found.values()))}
    for c, touched, _ in wanted:
        others = [loaded[i] for i in sorted(found[c]) if i in loaded]
        if c.target is None:
            _unique(out, c, touched, changed, others)
        else:
            _reference(out, c, known[c], changed, others)
    return out


def _unique(out: Outcome, c: Check, touched: set[Key], changed: list[dict[str, Any]],
            others: list[dict[str, Any]]) -> None:
    groups: dict[Key, list[tuple[int, int, dict[str, Any], bool]]] = {}
    for records, is_changed in ((changed, True), (others, False)):
        for r in records:
            key = key_of(c, r["values"], failed_fields(r))
            if key is None and not is_changed:
                out.add(r, c, [], False)  # a value that did not cast has no key
            if key is None or key not in touched:
                continue
            groups.setdefault(key, []).append((int(r["row"]), int(r["id"]), r, is_changed))
    for members in groups.values():
        members.sort(key=lambda m: (m[0], m[1]))
        first_row = members[0][0]
        for i, (_, _, r, is_changed) in enumerate(members):
            messages = [_msg(f, "unique", c.text(first_row)) for f in c.fields] if i else []
            out.add(r, c, messages, is_changed)


def _reference(out: Outcome, c: Check, known: set[str], changed: list[dict[str, Any]],
               others: list[dict[str, Any]]) -> None:
    f = c.fields[0]
    assert f.reference is not None
    for records, is_changed in ((changed, True), (others, False)):
        for r in records:
            text = None if f.key in failed_fields(r) else _ref_text(r["values"].get(f.key))
            messages = [] if text is None or text in known else [_msg(
                f, "missing-reference",
                f'"{text}" is not a known {f.reference.sheet}.{f.reference.field}')]
            out.add(r, c, messages, is_changed)
