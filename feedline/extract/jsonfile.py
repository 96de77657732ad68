"""JSON, JSON Lines and NDJSON: arrays of records become tables, nested keys dotted.

A top-level array is one table; a top-level object gives one table per key whose value is
an array of objects (``{"accounts": [...], "contacts": [...]}``); ``record_path``
(``data.items``) picks one. Nested objects flatten to dotted keys (``address.city``),
arrays of scalars are joined with ``"; "``, arrays of objects are kept as JSON text.
Columns are the union of all records' keys, in first-seen order. Numbers keep their
exact text (``1.10`` stays ``1.10``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import polars as pl

from feedline.errors import ExtractError
from feedline.extract.csv import NotUtf8
from feedline.extract.model import Limits, SourceTable
from feedline.extract.parts import PartWriter
from feedline.extract.stream import CHUNK_BYTES as STREAM_CHUNK
from feedline.extract.stream import Progress

JOIN = "; "
LINE_BATCH = 20_000
_MAX_DEPTH = 32


def read_json(
    text: str, *, name: str, limits: Limits, record_path: str | None = None, lines: bool = False
) -> tuple[list[SourceTable], str | None, list[str]]:
    """Tables, the record path used (``None`` for a top-level array) and file warnings."""
    doc = _parse_lines(text) if lines else _parse(text)
    warnings: list[str] = []
    if record_path:
        records = _at_path(doc, record_path)
        return [_table(records, record_path.rsplit(".", 1)[-1], limits)], record_path, warnings
    if isinstance(doc, list):
        return [_table(doc, name, limits)], None, warnings
    if not isinstance(doc, dict):
        raise ExtractError("the JSON holds a single value, not records")
    arrays = {k: v for k, v in doc.items() if isinstance(v, list) and _has_records(v)}
    if not arrays:
        nested = _find_records(doc, "")
        if nested is None:
            return [_table([doc], name, limits)], "", ["the JSON is a single object: one row"]
        path, records = nested
        return [_table(records, path.rsplit(".", 1)[-1], limits)], path, warnings
    skipped = [k for k in doc if k not in arrays]
    if skipped:
        warnings.append("top-level keys without records kept out of the tables: "
                        + ", ".join(skipped[:10]))
    tables = [_table(v, k, limits) for k, v in arrays.items()]
    return tables, next(iter(arrays)) if len(arrays) == 1 else None, warnings


def _parse(text: str) -> Any:
    try:
        return json.loads(text, parse_float=str, parse_int=str)
    except json.JSONDecodeError as exc:
        raise ExtractError(f"invalid JSON at line {exc.lineno}, column {exc.colno}: "
                           f"{exc.msg}") from None
    except RecursionError:
        raise ExtractError("the JSON is nested too deeply to read") from None


def _parse_lines(text: str) -> list[Any]:
    return [_load_line(line, number) for number, line in enumerate(text.splitlines(), start=1)
            if line.strip()]


def _load_line(line: str, number: int) -> Any:
    try:
        return json.loads(line, parse_float=str, parse_int=str)
    except json.JSONDecodeError as exc:
        raise ExtractError(f"invalid JSON on line {number}, column {exc.colno}: "
                           f"{exc.msg}") from None
    except RecursionError:
        raise ExtractError(f"the JSON on line {number} is nested too deeply") from None


def stream_lines(path: Path, *, name: str, workdir: Path, limits: Limits,
                 progress: Progress | None = None, profile: bool = True) -> SourceTable:
    """JSON Lines (UTF-8) read in batches of lines into one Parquet file in ``workdir``.

    Columns are the union of all records' keys; a key first seen late is ``""`` in the
    rows before it, exactly as when the file is read in memory.

    Raises:
        NotUtf8: a line is not valid UTF-8 (the caller transcodes and tries again).
        ExtractError: a bad line (named by its number), a limit, no records.
    """
    size = path.stat().st_size
    longest = max(limits.max_cell_chars * 4, STREAM_CHUNK)
    skipped = number = done = 0
    batch: list[dict[str, str]] = []
    with PartWriter(workdir, limits=limits, where=repr(name), size=size,
                    profile=profile) as parts, path.open("rb") as fh:
        while line := fh.readline(longest + 1):
            number += 1
            done += len(line)
            if len(line) > longest:
                raise ExtractError(f"line {number} is longer than the cell limit allows")
            if not line.strip():
                continue
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError:
                raise NotUtf8("the file is not valid UTF-8") from None
            flat = flat_record(_load_line(text, number))
            if flat is None:
                skipped += 1
                continue
            batch.append(flat)
            if len(batch) >= LINE_BATCH:
                parts.add(batch, done)
                batch = []
                if progress is not None:
                    progress(done, size, parts.rows)
        parts.add(batch, done)
        if progress is not None:
            progress(done, size, parts.rows)
        if not parts.columns:
            raise ExtractError(f"{name!r} holds no records")
        table = parts.finish(name)
    return table.replace(warnings=[f"skipped {skipped} null record(s)"] if skipped else [])


def _has_records(value: list[Any]) -> bool:
    return any(isinstance(v, dict) for v in value)


def _find_records(doc: dict[str, Any], prefix: str, depth: int = 0) -> tuple[str, Any] | None:
    """The first array of objects under nested objects (``{"data": {"items": [...]}}``)."""
    if depth > 4:
        return None
    for key, value in doc.items():
        path = f"{prefix}{key}"
        if isinstance(value, list) and _has_records(value):
            return path, value
        if isinstance(value, dict):
            found = _find_records(value, path + ".", depth + 1)
            if found:
                return found
    return None


def _at_path(doc: Any, path: str) -> list[Any]:
    node = doc
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            raise ExtractError(f"the JSON has no key path {path!r}")
        node = node[part]
    if not isinstance(node, list):
        raise ExtractError(f"{path!r} in the JSON is not an array of records")
    return node


def _table(records: list[Any], name: str, limits: Limits) -> SourceTable:
    if not records:
        raise ExtractError(f"{name!r} holds no records")
    rows: list[dict[str, str]] = []
    columns: dict[str, None] = {}
    skipped = 0
    for record in records:
        flat = flat_record(record)
        if flat is None:
            skipped += 1
            continue
        columns.update(dict.fromkeys(flat))
        rows.append(flat)
        if len(columns) > limits.max_columns:
            raise ExtractError(f"{name!r} has more than {limits.max_columns} distinct keys; "
                               f"the limit is {limits.max_columns}")
    limits.check_shape(len(rows), len(columns), where=repr(name))
    cols = list(columns)
    data = {c: [r.get(c, "") for r in rows] for c in cols}
    frame = pl.DataFrame(data, schema=dict.fromkeys(cols, pl.String))
    warnings = [f"skipped {skipped} null record(s)"] if skipped else []
    limits.check_cells(frame, where=repr(name))
    if frame.height == 0:
        raise ExtractError(f"{name!r} holds no records")
    return SourceTable(name, frame, 0, cols, warnings,
                       kind="table" if frame.width else "notes")


def flat_record(record: Any) -> dict[str, str] | None:
    """One record as dotted keys and text values (a bare value becomes ``value``;
    ``None`` for a null record, which is skipped)."""
    if record is None:
        return None
    flat: dict[str, str] = {}
    _flatten(record if isinstance(record, dict) else {"value": record}, "", flat, 0)
    return flat


def _flatten(value: dict[str, Any], prefix: str, out: dict[str, str], depth: int) -> None:
    for key, item in value.items():
        path = f"{prefix}{key}"
        if isinstance(item, dict) and item and depth < _MAX_DEPTH:
            _flatten(item, path + ".", out, depth + 1)
        else:
            out[path] = scalar(item)


def scalar(value: Any) -> str:
    """A JSON value as text: null → ``""``, booleans lower-case, scalar lists joined."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        if all(not isinstance(v, dict | list) for v in value):
            return JOIN.join(scalar(v) for v in value if v is not None)
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False) if value else ""
    return str(value)
