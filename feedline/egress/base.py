"""The one interface every destination implements, and the shape of the batches it gets.

An egress run opens each destination with a :class:`RunInfo`, hands it typed Polars
batches, then commits (or aborts). ``run_id`` stays the same across retries of one run,
which is what lets a destination deliver each record exactly once::

    dest = parse_destination({"type": "file", "path": "out/{space}/{sheet}.csv"}, "destination #1")
    run = dest.open(info)
    done = run.committed()           # a retry after a crash past commit: nothing to do
    if done is None:
        try:
            for batch in batches:
                run.write(batch)
            done = run.commit()
        except BaseException:
            run.abort()
            raise
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar, Protocol

import polars as pl

from feedline.blueprint import SheetSpec
from feedline.errors import TerminalError

POLICIES = ("valid-only", "all", "all-or-nothing")

FIELD_DTYPES: dict[str, pl.DataType] = {
    "string": pl.String(), "reference": pl.String(), "enum": pl.String(),
    "number": pl.Float64(), "integer": pl.Int64(), "boolean": pl.Boolean(),
    "date": pl.Date(), "datetime": pl.Datetime("us", "UTC"),
    "string-list": pl.List(pl.String()),
}
"""The Polars type of each blueprint field type in the batches handed to ``write()``."""

TEXT_TYPES = frozenset({"string", "reference", "enum", "string-list"})
"""Field types whose cells are free text (the ones formula escaping applies to)."""

MESSAGE_DTYPE = pl.List(pl.Struct({"field": pl.String, "type": pl.String,
                                   "level": pl.String, "message": pl.String}))


class RunState(Protocol):
    """A small key/value store for one run, persisted by the caller across its retries.

    ``set`` must be durable when it returns: a webhook destination records there which
    batches a receiver acknowledged. Values are JSON-serializable. Destinations prefix
    their keys with :meth:`Destination.describe`'s fingerprint, so one store may be
    shared by all destinations of a run.
    """

    def get(self, key: str) -> Any: ...

    def set(self, key: str, value: Any) -> None: ...


class DeadLetterSink(Protocol):
    """Where batches that failed for good go (the caller stores and shows them)."""

    def add(self, *, batch: int, idempotency_key: str, records: int, error: str,
            payload: bytes) -> None: ...


@dataclass(frozen=True)
class RunInfo:
    """What a destination knows about the run delivering one sheet."""

    run_id: str
    """Same across retries of one run."""
    space: str
    """The space name as the user typed it."""
    space_id: str
    sheet: str
    """The sheet slug."""
    sheet_id: str
    file: str
    """The delivered file's name without extension (``records`` when none)."""
    file_id: str | None
    started_at: datetime
    """Aware UTC; ``{date}`` renders as YYYY-MM-DD."""
    spec: SheetSpec
    policy: str
    """``valid-only`` | ``all`` | ``all-or-nothing``; ``all`` adds ``_valid`` and ``_messages``."""
    root: Path
    """Base folder for relative local file paths (the data dir)."""
    state: RunState
    dead_letters: DeadLetterSink

    @property
    def with_validity(self) -> bool:
        """Whether batches carry ``_valid`` and ``_messages`` (policy ``all``)."""
        return self.policy == "all"


@dataclass(frozen=True)
class Delivery:
    """What a committed run delivered to one destination."""

    destination: str
    location: str
    """Where it went (path, URL, table), never with secrets."""
    rows: int
    batches: int = 0
    dead_letters: int = 0
    run_id: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"destination": self.destination, "location": self.location, "rows": self.rows,
                "batches": self.batches, "dead_letters": self.dead_letters, "run_id": self.run_id}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Delivery:
        return cls(**{k: data[k] for k in ("destination", "location", "rows", "batches",
                                           "dead_letters", "run_id")})


class DestinationRun(Protocol):
    """One run's delivery to one destination."""

    def committed(self) -> Delivery | None:
        """The report of this ``run_id`` if it was already committed (a crash after commit)."""
        ...

    def write(self, batch: pl.DataFrame) -> None: ...

    def commit(self) -> Delivery:
        """Make the run's records visible, atomically where the destination allows; a
        second commit of the same ``run_id`` is a no-op returning the same report."""
        ...

    def abort(self) -> None:
        """Drop partial work (temp files, an open transaction)."""
        ...


class Destination(Protocol):
    """A configured place records go to."""

    type: ClassVar[str]

    def open(self, run: RunInfo) -> DestinationRun: ...

    def describe(self) -> dict[str, Any]:
        """The config with secrets redacted (safe to show in the API and logs)."""
        ...


def batch_schema(spec: SheetSpec, policy: str) -> dict[str, pl.DataType]:
    """The columns, in order, of every batch handed to ``write()`` for this sheet and policy."""
    schema: dict[str, pl.DataType] = {"_id": pl.Int64(), "_version": pl.Int64()}
    schema.update({f.key: FIELD_DTYPES[f.type] for f in spec.fields})
    if policy == "all":
        schema.update({"_valid": pl.Boolean(), "_messages": MESSAGE_DTYPE})
    return schema


def empty_batch(spec: SheetSpec, policy: str) -> pl.DataFrame:
    """A batch with no rows (what a run with nothing to deliver looks like)."""
    return pl.DataFrame(schema=batch_schema(spec, policy))


def check_batch(batch: pl.DataFrame, run: RunInfo) -> None:
    """Refuse a batch whose columns or types differ from :func:`batch_schema`."""
    expected = batch_schema(run.spec, run.policy)
    got = dict(batch.schema)
    if list(got) != list(expected):
        raise TerminalError(f"egress batch columns {list(got)} do not match the sheet "
                            f"{run.sheet!r}: expected {list(expected)}")
    for name, dtype in expected.items():
        if got[name] != dtype and not (got[name] == pl.Null and batch.height == 0):
            raise TerminalError(f"egress batch column {name!r} is {got[name]}, expected {dtype}")


def reserved_keys(run: RunInfo) -> None:
    """Refuse a sheet whose field keys clash with the ``valid``/``messages`` columns."""
    if run.with_validity:
        clash = sorted({"valid", "messages"} & set(run.spec.keys))
        if clash:
            raise TerminalError(f"sheet {run.sheet!r} has a field named {clash[0]!r}, which "
                                "policy 'all' uses for its own column")
