"""``feedline run``'s output files: the valid records and the rejects, written with the
file destination's encoders (so a CSV escapes formula cells and prints values exactly as
egress does) and atomically.

A batch is encoded on its own (:meth:`OutFiles.encode`, safe on a worker thread) and its
bytes appended in record order (:meth:`OutFiles.write`); the files appear whole when the
block ends without an error, and not at all otherwise.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import polars as pl

from feedline.atomic import atomic_write
from feedline.blueprint.model import SheetSpec
from feedline.egress import frames
from feedline.egress.formats import CsvEncoder, csv_header
from feedline.pipeline.rejects import json_lines


@dataclass(frozen=True)
class Encoded:
    """One batch as the bytes of each file, and how many records each got."""

    valid: bytes
    valid_count: int
    rejects: bytes
    rejects_count: int


class OutFiles:
    """The valid-records CSV at ``out`` and the rejects at ``rejects`` (either may be None):
    CSV with ``valid`` and ``messages`` columns when the rejects path ends in ``.csv``
    (cells escaped like egress), else JSON Lines ``{"row", "values", "messages"}`` (a cell
    that did not cast shows the partner's text)."""

    def __init__(self, spec: SheetSpec, out: Path | None, rejects: Path | None) -> None:
        self.spec, self.out, self.rejects = spec, out, rejects
        self.rejects_csv = rejects is not None and rejects.suffix.lower() == ".csv"
        self._files: dict[str, IO[bytes]] = {}

    @contextmanager
    def open(self) -> Iterator[OutFiles]:
        with ExitStack() as stack:
            if self.out is not None:
                self._files["valid"] = stack.enter_context(atomic_write(self.out, "wb"))
                self._files["valid"].write(csv_header(self.spec, False))
            if self.rejects is not None:
                self._files["rejects"] = stack.enter_context(atomic_write(self.rejects, "wb"))
                if self.rejects_csv:
                    self._files["rejects"].write(csv_header(self.spec, True))
            yield self

    def encode(self, batch: pl.DataFrame) -> Encoded:
        """A batch of stored-record frames (``_valid``, ``_messages``, the fields and their
        text) as the files' bytes."""
        valid = rejects = b""
        good = bad = 0
        if self.out is not None:
            kept = batch.filter(pl.col("_valid"))
            good = kept.height
            if good:
                valid = self._csv(frames.typed_batch(kept, self.spec, "valid-only"), False)
        if self.rejects is not None:
            failed = batch.filter(~pl.col("_valid"))
            bad = failed.height
            if bad and self.rejects_csv:
                rejects = self._csv(frames.typed_batch(failed, self.spec, "all"), True)
            elif bad:
                rejects = ("\n".join(json_lines(failed, self.spec).to_list()) + "\n").encode("utf-8")
        return Encoded(valid, good, rejects, bad)

    def write(self, encoded: Encoded) -> None:
        if encoded.valid_count:
            self._files["valid"].write(encoded.valid)
        if encoded.rejects_count:
            self._files["rejects"].write(encoded.rejects)

    def _csv(self, typed: pl.DataFrame, with_validity: bool) -> bytes:
        buf = io.BytesIO()
        CsvEncoder(buf, self.spec, with_validity, escape=True, header=False).write(
            frames.values(typed, self.spec, with_validity))
        return buf.getvalue()

