"""User hooks on a sheet's records: ``frame`` (a Polars DataFrame), ``bulk`` and ``record``.

Hooks run after casting and before constraints, batch by batch: first every frame hook,
then per batch the bulk hooks and the record hooks, each kind in registration order.
What they set is cast again; constraints and computed fields then see the final values.
A hook that raises marks the records it was given (its batch; for a record hook, that
record) with a ``hook`` error carrying the exception text, and its changes to them are
dropped. Nothing else is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

import polars as pl

from feedline.validate.cells import Cells, coerce_python, coerce_series

HookKind = Literal["record", "bulk", "frame"]
LEVELS = ("error", "warn", "info")
HOOK_BATCH = 10_000


@dataclass(frozen=True)
class Hook:
    """A hook registration: ``fn`` runs on ``sheet``'s records (``"*"`` = every sheet).

    ``feed`` limits it to one feed's sheets (set for hooks a feed config names).
    """

    kind: HookKind
    sheet: str
    fn: Callable[..., Any]
    feed: str | None = None

    @property
    def name(self) -> str:
        return getattr(self.fn, "__qualname__", None) or repr(self.fn)

    def applies(self, sheet: str, feed: str | None = None) -> bool:
        return self.sheet in ("*", sheet) and (self.feed is None or self.feed == feed)


class Record:
    """One record as a hook sees it: a mapping of field key to value, plus messages.

    Values are typed (``float``, ``int``, ``bool``, ``list[str]``, ISO date text, enum
    option values); a cell that failed to cast holds the text the partner sent. Set a
    value with ``record["field"] = value`` (text is cast again), attach a message with
    :meth:`add_error`, :meth:`add_warning` or :meth:`add_info`.
    """

    __slots__ = ("_changes", "_columns", "_index", "_messages", "id", "row")

    def __init__(self, row: int, values: dict[str, Any] | None = None, id: int | None = None,
                 columns: dict[str, list[Any]] | None = None, index: int = 0) -> None:
        # A batch's records share its column lists (``columns``, this record at ``index``)
        # and create their change dict and message list only when used: building a batch
        # costs one list per column, not a dict per record.
        self.row, self.id, self._index = row, id, index
        self._columns = columns if columns is not None else {
            k: [v] for k, v in (values or {}).items()}
        self._changes: dict[str, Any] | None = None
        self._messages: list[tuple[str | None, str, str, str]] | None = None

    def __getitem__(self, key: str) -> Any:
        changes = self._changes
        if changes and key in changes:
            return changes[key]
        return self._columns[key][self._index]

    def __setitem__(self, key: str, value: Any) -> None:
        if key not in self._columns:
            raise KeyError(f"record has no field {key!r} (fields: {', '.join(self._columns)})")
        if self._changes is None:
            self._changes = {}
        self._changes[key] = value

    def __contains__(self, key: object) -> bool:
        return key in self._columns

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self._columns else default

    def set(self, key: str, value: Any) -> Record:
        self[key] = value
        return self

    def keys(self) -> list[str]:
        return list(self._columns)

    @property
    def values(self) -> dict[str, Any]:
        """A copy of the current values (changing it changes nothing: use ``record[k] = v``)."""
        i = self._index
        return {**{k: column[i] for k, column in self._columns.items()}, **(self._changes or {})}

    def add_message(self, field: str | None, message: str, level: str = "error",
                    type: str = "hook") -> None:
        """Attach a message; ``field`` None is about the whole record."""
        if level not in LEVELS:
            raise ValueError(f"level must be one of {', '.join(LEVELS)} (got {level!r})")
        if self._messages is None:
            self._messages = []
        self._messages.append((field, type, level, str(message)))

    def _snapshot(self) -> tuple[dict[str, Any] | None, int]:
        return (dict(self._changes) if self._changes else None), len(self._messages or ())

    def _restore(self, snapshot: tuple[dict[str, Any] | None, int]) -> None:
        """Drop what a failed hook changed since :meth:`_snapshot`."""
        self._changes, n = snapshot
        if self._messages:
            del self._messages[n:]

    def add_error(self, field: str | None, message: str, type: str = "hook") -> None:
        self.add_message(field, message, "error", type)

    def add_warning(self, field: str | None, message: str, type: str = "hook") -> None:
        self.add_message(field, message, "warn", type)

    def add_info(self, field: str | None, message: str, type: str = "hook") -> None:
        self.add_message(field, message, "info", type)

    def __repr__(self) -> str:
        return f"Record(row={self.row}, values={self.values!r})"


@dataclass
class HookFailure:
    """A hook that raised: which one, on how many records, and the first exception text."""

    hook: str
    kind: str
    records: int
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"hook": self.hook, "kind": self.kind, "records": self.records,
                "message": self.message}


def _batches(n: int, size: int) -> Iterator[tuple[int, int]]:
    for start in range(0, n, size):
        yield start, min(n, start + size)


class HookRunner:
    """Runs a sheet's hooks over :class:`Cells`; ``rows`` limits them to some rows."""

    def __init__(self, cells: Cells, hooks: list[Hook], rows: pl.Series | None = None,
                 batch_size: int = HOOK_BATCH, ids: pl.Series | None = None,
                 row_numbers: pl.Series | None = None) -> None:
        self.cells, self.hooks, self.batch_size = cells, hooks, batch_size
        self.rows = rows.cast(pl.UInt32) if rows is not None else None
        self.ids, self.row_numbers = ids, row_numbers
        self.failures: dict[str, HookFailure] = {}

    def run(self) -> list[HookFailure]:
        for hook in self.hooks:
            if hook.kind == "frame":
                self._frame_hook(hook)
        python = [h for h in self.hooks if h.kind in ("bulk", "record")]
        if python:
            self._python_hooks(python)
        return list(self.failures.values())

    def _fail(self, hook: Hook, rows: pl.Series, exc: BaseException) -> None:
        text = f"{hook.name} failed: {type(exc).__name__}: {exc}"
        self.cells.add_messages(rows, None, "hook", "error", text)
        failure = self.failures.setdefault(hook.name, HookFailure(hook.name, hook.kind, 0, text))
        failure.records += rows.len()

    def _target_rows(self) -> pl.Series:
        if self.rows is not None:
            return self.rows
        return pl.Series("row", range(self.cells.height), dtype=pl.UInt32)

    # -- frame hooks ---------------------------------------------------------------------

    def _frame_hook(self, hook: Hook) -> None:
        frame, targets = self.cells.frame(), self._target_rows()
        keys = self.cells.sheet.keys
        outputs: list[pl.DataFrame] = []
        for start, stop in _batches(targets.len(), self.batch_size):
            rows = targets.slice(start, stop - start)
            batch = frame if self.rows is None and stop - start == frame.height else (
                frame[start:stop] if self.rows is None else frame[rows])
            try:
                out = hook.fn(batch)
                if not isinstance(out, pl.DataFrame) or out.height != batch.height:
                    got = f"{out.height} rows" if isinstance(out, pl.DataFrame) else type(out).__name__
                    raise TypeError(f"a frame hook must return a DataFrame of {batch.height} "
                                    f"rows (got {got})")
                self._frame_messages(out, rows)
                outputs.append(out.select([c for c in keys if c in out.columns]))
            except Exception as exc:
                self._fail(hook, rows, exc)
                outputs.append(batch)
        if not outputs:
            return
        result = pl.concat(outputs, how="diagonal_relaxed")
        for f in self.cells.sheet.fields:
            if f.key not in result.columns:
                continue
            old, new = frame[f.key].gather(targets), result[f.key]
            try:
                changed = (old.ne_missing(new) if new.dtype == old.dtype
                           else pl.repeat(True, new.len(), dtype=pl.Boolean, eager=True))
            except pl.exceptions.PolarsError:
                changed = pl.repeat(True, new.len(), dtype=pl.Boolean, eager=True)
            if changed.any():
                values, text = coerce_series(f, new.filter(changed), self.cells.decimal)
                self.cells.update(f, targets.filter(changed), values, text)

    def _frame_messages(self, out: pl.DataFrame, rows: pl.Series) -> None:
        """Columns ``error:<field>``, ``warn:<field>``, ``info:<field>`` (``error:`` alone
        for the whole record) become ``hook`` messages where they are not null."""
        for column in out.columns:
            level, sep, key = column.partition(":")
            if not sep or level not in LEVELS:
                continue
            text = out[column].cast(pl.String)
            hit = text.is_not_null()
            if hit.any():
                self.cells.add_messages(rows.filter(hit), key or None, "hook", level,
                                        text.filter(hit))

    # -- bulk and record hooks -----------------------------------------------------------

    def _python_hooks(self, hooks: list[Hook]) -> None:
        targets = self._target_rows()
        frame = self.cells.frame()
        changes: dict[str, tuple[list[int], list[Any]]] = {}
        messages: list[tuple[int, str | None, str, str, str]] = []
        for start, stop in _batches(targets.len(), self.batch_size):
            rows = targets.slice(start, stop - start)
            records = self._records(frame, rows)
            for hook in hooks:
                if hook.kind == "bulk":
                    self._bulk(hook, records, rows)
                else:
                    self._each(hook, records, rows)
            for pos, rec in zip(rows.to_list(), records, strict=True):
                if rec._changes:
                    for key, value in rec._changes.items():
                        where, values = changes.setdefault(key, ([], []))
                        where.append(pos)
                        values.append(value)
                if rec._messages:
                    messages.extend((pos, *m) for m in rec._messages)
        for f in self.cells.sheet.fields:
            if f.key in changes:
                where, values = changes[f.key]
                result, text = coerce_python(f, values, self.cells.decimal)
                self.cells.update(f, pl.Series(where, dtype=pl.UInt32), result, text)
        if messages:
            cols = list(zip(*messages, strict=True))
            self.cells.add_messages(pl.Series(cols[0], dtype=pl.UInt32),
                                    pl.Series(cols[1], dtype=pl.String), "hook",
                                    pl.Series(cols[3], dtype=pl.String),
                                    pl.Series(cols[4], dtype=pl.String))
            self.cells.extra[-1] = self.cells.extra[-1].with_columns(
                type=pl.Series(cols[2], dtype=pl.String))

    def _records(self, frame: pl.DataFrame, rows: pl.Series) -> list[Record]:
        batch = frame[rows] if rows.len() != frame.height else frame
        columns = {key: batch[key].to_list() for key in frame.columns}
        for key, column in columns.items():  # failed cells show the partner's text
            failed = self.cells.failed[key].gather(rows)
            if failed.any():
                idx = failed.arg_true().to_list()
                raw = self.cells.raw[key].gather(rows).filter(failed).to_list()
                for i, text in zip(idx, raw, strict=True):
                    column[i] = text
        numbers = (self.row_numbers.gather(rows) if self.row_numbers is not None else rows).to_list()
        ids = self.ids.gather(rows).to_list() if self.ids is not None else [None] * len(numbers)
        return [Record(r, None, i, columns, j)
                for j, (r, i) in enumerate(zip(numbers, ids, strict=True))]

    def _bulk(self, hook: Hook, records: list[Record], rows: pl.Series) -> None:
        saved = {id(r): r._snapshot() for r in records if r._changes or r._messages}
        try:
            hook.fn(records)
        except Exception as exc:
            for r in records:
                r._restore(saved.get(id(r), (None, 0)))
            self._fail(hook, rows, exc)

    def _each(self, hook: Hook, records: list[Record], rows: pl.Series) -> None:
        for pos, r in zip(rows.to_list(), records, strict=True):
            snapshot = r._snapshot()
            try:
                out = hook.fn(r)
                if isinstance(out, dict):
                    for key, value in out.items():
                        r[key] = value
                elif isinstance(out, Record) and out is not r:
                    for key, value in (out._changes or {}).items():
                        r[key] = value
                    for m in out._messages or ():
                        r.add_message(m[0], m[3], m[2], m[1])
            except Exception as exc:
                r._restore(snapshot)
                self._fail(hook, pl.Series([pos], dtype=pl.UInt32), exc)
