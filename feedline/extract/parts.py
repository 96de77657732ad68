"""Record batches of a streamed file written as Parquet parts, then joined into one file.

Used by the streaming JSON Lines and XML readers, whose columns are the union of the
records' keys: a column first seen in a later batch is added to the earlier parts as
``""`` when the parts are joined (by Polars' streaming engine, so memory stays bounded).
Limits are checked batch by batch; nothing is left behind when reading fails.
"""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path
from types import TracebackType

import polars as pl

from feedline.errors import ExtractError
from feedline.extract.model import COMPRESSION, Limits, SourceTable
from feedline.extract.profile import SAMPLE_ROWS, profile_sample


class PartWriter:
    """Collects batches of flat string records into ``workdir`` (use as a context manager)."""

    def __init__(self, workdir: Path, *, limits: Limits, where: str, size: int,
                 profile: bool = True) -> None:
        self.limits, self.where, self.size, self.profile = limits, where, size, profile
        self.folder = workdir / f"parts-{uuid.uuid4().hex}"
        self.dest = workdir / f"{uuid.uuid4().hex}.parquet"
        self.columns: dict[str, None] = {}
        self.rows = 0
        self._parts: list[Path] = []
        self._samples: list[pl.DataFrame] = []
        self._non_empty: dict[str, int] = {}
        self._longest: dict[str, int] = {}
        self._step = 0

    def __enter__(self) -> PartWriter:
        self.folder.mkdir(parents=True)
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        if kind is not None:
            self.dest.unlink(missing_ok=True)

    def add(self, records: list[dict[str, str]], done: int) -> None:
        """Write one batch (``done``: bytes of the file read so far, to spread the sample)."""
        if not records:
            return
        for record in records:
            self.columns.update(dict.fromkeys(record))
            if len(self.columns) > self.limits.max_columns:
                raise ExtractError(f"{self.where} has more than {self.limits.max_columns} "
                                   f"distinct fields; the limit is {self.limits.max_columns}")
        cols = list(self.columns) or ["."]
        frame = pl.DataFrame({c: [r.get(c, "") for r in records] for c in cols},
                             schema=dict.fromkeys(cols, pl.String))
        self.rows += frame.height
        self.limits.check_shape(self.rows, frame.width, where=self.where)
        self.limits.check_cells(frame, where=self.where)
        part = self.folder / f"{len(self._parts):06d}.parquet"
        frame.write_parquet(part, compression=COMPRESSION)
        self._parts.append(part)
        if self.profile:
            self._gather(frame, done)

    def _gather(self, frame: pl.DataFrame, done: int) -> None:
        if not self._step:  # spread the sample over the whole file (rows estimated by bytes)
            self._step = max(1, int(frame.height * self.size / max(done, 1)) // SAMPLE_ROWS)
        self._samples.append(frame.gather_every(self._step))
        filled = frame.select((pl.all() != "").sum()).row(0, named=True)
        longest = frame.select(pl.all().str.len_chars().max()).row(0, named=True)
        for col in frame.columns:
            self._non_empty[col] = self._non_empty.get(col, 0) + int(filled[col])
            self._longest[col] = max(self._longest.get(col, 0), int(longest[col] or 0))

    def finish(self, name: str, header_row: int = 0) -> SourceTable:
        """Join the parts into one Parquet file (columns aligned) and describe it as a table."""
        if not self.rows:
            raise ExtractError(f"{self.where} holds no records")
        cols = list(self.columns) or ["."]
        frames = []
        for part in self._parts:
            have = pl.read_parquet_schema(part)
            frames.append(pl.scan_parquet(part).select(
                [pl.col(c) if c in have else pl.lit("", dtype=pl.String).alias(c)
                 for c in cols]))
        if len(self._parts) == 1 and len(pl.read_parquet_schema(self._parts[0])) == len(cols):
            self._parts[0].replace(self.dest)
        else:
            pl.concat(frames).sink_parquet(self.dest, compression=COMPRESSION)
        table = SourceTable(name, None, header_row, cols, [], parquet=self.dest, rows=self.rows)
        if not self.profile:
            return table
        sample = pl.concat(self._samples, how="diagonal").select(
            [pl.col(c).fill_null("") for c in cols])
        step = max(1, sample.height // SAMPLE_ROWS)
        sample = sample.gather_every(step) if step > 1 else sample
        return table.replace(profile=profile_sample(
            sample, rows=self.rows, non_empty={c: self._non_empty.get(c, 0) for c in cols},
            max_length={c: self._longest.get(c, 0) for c in cols},
            sampled=sample.height < self.rows))
