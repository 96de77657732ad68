"""Simple :class:`RunState` and :class:`DeadLetterSink` implementations.

The server keeps run state and dead letters in its database; these serve tests, the
offline ``feedline run`` and embedders: in memory, or a JSON file replaced atomically on
every ``set`` (durable across a crash of the process).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from feedline.egress.tempfiles import fsync_dir


class MemoryRunState:
    """Run state in a dict (lost with the process)."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def get(self, key: str) -> Any:
        return self.values.get(key)

    def set(self, key: str, value: Any) -> None:
        self.values[key] = json.loads(json.dumps(value))


class JsonFileRunState:
    """Run state in a JSON file, fsynced and renamed into place on every ``set``."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _load(self) -> dict[str, Any]:
        try:
            data: dict[str, Any] = json.loads(self.path.read_text(encoding="utf-8"))
            return data
        except FileNotFoundError:
            return {}

    def get(self, key: str) -> Any:
        return self._load().get(key)

    def set(self, key: str, value: Any) -> None:
        data = self._load()
        data[key] = value
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            json.dump(data, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)
        fsync_dir(self.path.parent)


@dataclass
class DeadLetter:
    """A batch a destination gave up on."""

    batch: int
    idempotency_key: str
    records: int
    error: str
    payload: bytes


@dataclass
class ListDeadLetters:
    """Dead letters kept in a list."""

    letters: list[DeadLetter] = field(default_factory=list)

    def add(self, *, batch: int, idempotency_key: str, records: int, error: str,
            payload: bytes) -> None:
        self.letters.append(DeadLetter(batch, idempotency_key, records, error, payload))
