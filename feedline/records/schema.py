"""The columns of a destination sheet's records, at rest and in memory.

Every record has ``_id`` (stable within its sheet), ``_row`` (0-based data row),
``_version``, ``_seq`` (the edit that last changed it; 0 when it still is as the map job
made it), ``_valid`` and ``_messages`` (a list of ``{field, type, level, message}``),
then one typed column per field and, for the fields whose cast can fail, a ``_text:<key>``
column with the partner's text where it did (null elsewhere), so a person sees what was
sent.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

import polars as pl

from feedline.blueprint.model import Field, SheetSpec
from feedline.validate.result import CAST_ERROR_TYPES, CAST_ERRORS

MESSAGE = pl.Struct({"field": pl.String, "type": pl.String, "level": pl.String,
                     "message": pl.String})
MESSAGES = pl.List(MESSAGE)
TEXT = "_text:"
META: dict[str, pl.DataType] = {
    "_id": pl.Int64(), "_row": pl.Int64(), "_version": pl.Int64(), "_seq": pl.Int64(),
    "_valid": pl.Boolean(), "_messages": MESSAGES,
}
_DTYPES: dict[str, pl.DataType] = {
    "number": pl.Float64(), "integer": pl.Int64(), "boolean": pl.Boolean(),
    "string-list": pl.List(pl.String()),
}


def field_dtype(f: Field) -> pl.DataType:
    """A field's typed column: dates and datetimes are ISO text, as validation makes them."""
    return _DTYPES.get(f.type, pl.String())


def castable(f: Field) -> bool:
    """Whether a cell of ``f`` can fail to cast (and so may need its text kept)."""
    return f.type in CAST_ERRORS


def text_column(key: str) -> str:
    return TEXT + key


def schema(spec: SheetSpec) -> dict[str, pl.DataType]:
    """The columns of ``spec``'s records, in order."""
    out = dict(META)
    out.update({f.key: field_dtype(f) for f in spec.fields})
    out.update({text_column(f.key): pl.String() for f in spec.fields if castable(f)})
    return out


def empty(spec: SheetSpec) -> pl.DataFrame:
    return pl.DataFrame(schema=schema(spec))


def json_value(value: Any) -> Any:
    """A typed cell as a JSON-ready value (dates as ISO text)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def to_records(frame: pl.DataFrame, spec: SheetSpec) -> list[dict[str, Any]]:
    """Records as the API shows them: ``id, row, values, messages, valid, version``;
    a cell that did not cast shows the partner's text."""
    out = []
    keys = spec.keys
    texts = [text_column(f.key) if castable(f) else None for f in spec.fields]
    for r in frame.iter_rows(named=True):
        values = {}
        for key, tcol in zip(keys, texts, strict=True):
            text = r[tcol] if tcol is not None else None
            values[key] = text if text is not None else json_value(r[key])
        out.append({"id": r["_id"], "row": r["_row"], "values": values,
                    "messages": list(r["_messages"] or []), "valid": r["_valid"],
                    "version": r["_version"]})
    return out


def failed_fields(messages: Iterable[dict[str, Any]]) -> set[str]:
    """Fields whose cell holds text that did not cast, by the record's messages."""
    return {m.get("field") for m in messages if m.get("type") in CAST_ERROR_TYPES} - {None}  # type: ignore[return-value]


def from_records(records: list[dict[str, Any]], spec: SheetSpec) -> pl.DataFrame:
    """The inverse of :func:`to_records` (edited records into the columnar form).

    Each record needs ``id, row, values, messages, valid, version`` and may carry ``seq``.
    """
    cols: dict[str, list[Any]] = {name: [] for name in schema(spec)}
    for r in records:
        failed = failed_fields(r.get("messages") or [])
        cols["_id"].append(r["id"])
        cols["_row"].append(r["row"])
        cols["_version"].append(r["version"])
        cols["_seq"].append(r.get("seq", 0))
        cols["_valid"].append(bool(r["valid"]))
        cols["_messages"].append([{k: m.get(k) for k in ("field", "type", "level", "message")}
                                  for m in r.get("messages") or []])
        values = r.get("values") or {}
        for f in spec.fields:
            value = values.get(f.key)
            if castable(f):
                bad = f.key in failed or not _fits(f, value)
                cols[text_column(f.key)].append(_text(value) if bad else None)
                cols[f.key].append(None if bad else value)
            else:
                cols[f.key].append(_list(value) if f.type == "string-list" else _text(value))
    return pl.DataFrame(cols, schema=schema(spec), strict=False)


def _text(value: Any) -> str | None:
    from feedline.validate.base import to_text

    return to_text(value)


def _list(value: Any) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [str(value)]


def _fits(f: Field, value: Any) -> bool:
    """Whether a stored value has ``f``'s typed form (else it is the partner's text)."""
    if value is None:
        return True
    if f.type == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if f.type == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if f.type == "boolean":
        return isinstance(value, bool)
    return isinstance(value, str)
