"""Exactly-once appends to a local file: a write-ahead offset ledger under an flock.

Beside ``orders.csv`` live ``.orders.csv.feedline-lock`` (the flock every appender takes)
and ``.orders.csv.feedline-ledger`` (JSON lines). An append, holding the lock, records
``pending`` with the file's size, appends its staged bytes (never copying the old file),
then records ``committed``. A ``pending`` entry without an outcome means its writer died
mid-append: whoever takes the lock next truncates the file back to that size and records
``rolled-back``, so the retry appends its records once.
"""

from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from feedline.egress.tempfiles import locked

CHUNK = 1 << 20


class AppendLedger:
    """The ledger and lock of one append target."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.lock_path = target.with_name(f".{target.name}.feedline-lock")
        self.path = target.with_name(f".{target.name}.feedline-ledger")

    def committed(self, run_id: str) -> dict[str, Any] | None:
        """The ``committed`` entry of ``run_id``, if it has one."""
        with locked(self.lock_path):
            return self._outcomes().get(run_id)

    def append(self, run_id: str, staged: IO[bytes], *, header: bytes,
               report: dict[str, Any]) -> dict[str, Any]:
        """Append ``staged`` (from its start) to the target once for ``run_id``.

        ``header`` is written first when the target is new or empty. Returns the
        ``committed`` entry (an earlier one when this run already appended).
        """
        with locked(self.lock_path):
            done = self._outcomes().get(run_id)
            if done is not None:
                return done
            self._recover()
            offset = self.target.stat().st_size if self.target.exists() else 0
            self._log({"run": run_id, "state": "pending", "offset": offset})
            fd = os.open(self.target, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_CLOEXEC, 0o666)
            with os.fdopen(fd, "wb") as out:
                if offset == 0:
                    out.write(header)
                staged.seek(0)
                shutil.copyfileobj(staged, out, CHUNK)
                out.flush()
                os.fsync(out.fileno())
                size = out.tell()
            entry = {"run": run_id, "state": "committed", "offset": offset, "size": size,
                     "at": datetime.now(UTC).isoformat(), "report": report}
            self._log(entry)
            return entry

    def _entries(self) -> list[dict[str, Any]]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        entries = []
        for line in text.splitlines():
            try:
                entries.append(json.loads(line))
            except ValueError:  # a line cut short by a crash: its append never happened
                continue
        return entries

    def _outcomes(self) -> dict[str, dict[str, Any]]:
        return {e["run"]: e for e in self._entries() if e.get("state") == "committed"}

    def _recover(self) -> None:
        """Undo appends whose writer died between ``pending`` and ``committed``."""
        open_entries: dict[str, dict[str, Any]] = {}
        for e in self._entries():
            if e.get("state") == "pending":
                open_entries[e["run"]] = e
            else:
                open_entries.pop(e["run"], None)
        for run_id, e in open_entries.items():
            if self.target.exists() and self.target.stat().st_size > e["offset"]:
                with self.target.open("r+b") as fh:
                    fh.truncate(e["offset"])
                    os.fsync(fh.fileno())
            self._log({"run": run_id, "state": "rolled-back", "offset": e["offset"]})

    def _log(self, entry: dict[str, Any]) -> None:
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_CLOEXEC, 0o666)
        with os.fdopen(fd, "ab") as fh:
            if fh.tell() > 0:
                with self.path.open("rb") as check:
                    check.seek(-1, os.SEEK_END)
                    if check.read(1) != b"\n":
                        fh.write(b"\n")
            fh.write(json.dumps(entry, separators=(",", ":")).encode() + b"\n")
            fh.flush()
            os.fsync(fh.fileno())
