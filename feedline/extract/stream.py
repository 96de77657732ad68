"""Large delimited files read in chunks of whole records into one Parquet file.

Memory stays bounded by the chunk size whatever the file's size: each chunk is cut at the
last line break outside quotes, read by Polars, checked (limits, short and blank rows,
line numbers counted across chunks) and written as a Parquet part; the parts are then
joined by Polars' streaming engine. The profile comes from an evenly spread sample plus
exact per-column counts gathered on the way.
"""

from __future__ import annotations

import mmap
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

import polars as pl

from feedline.errors import ExtractError, UnsupportedFormat
from feedline.extract.csv import RowReport, check_rows, locate, parse_chunk
from feedline.extract.detect import Dialect
from feedline.extract.model import COMPRESSION, Limits, SourceTable
from feedline.extract.profile import SAMPLE_ROWS, profile_sample

Progress = Callable[[int, int, int], None]
"""Called as ``progress(bytes_read, total_bytes, rows)`` after each chunk."""

CHUNK_BYTES = 32 * 1024**2


def stream_delimited(
    path: Path, *, name: str, workdir: Path, limits: Limits, hint: str | None = None,
    header_row: int | None = None, progress: Progress | None = None, profile: bool = True,
) -> tuple[SourceTable, Dialect]:
    """Read a UTF-8 delimited file into ``workdir/<name>-<id>.parquet``, chunk by chunk.

    Raises:
        NotUtf8: a chunk is not valid UTF-8 (the caller falls back to detection).
        ExtractError: as :func:`~feedline.extract.csv.read_delimited`, with file-wide row
            and line numbers.
    """
    size = path.stat().st_size
    with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
        layout = locate(mm, hint=hint, header_row=header_row)
    dialect, columns = layout.dialect, layout.columns
    limits.check_shape(0, len(columns), where="the file")
    parts = workdir / f"parts-{uuid.uuid4().hex}"
    parts.mkdir(parents=True)
    dest = workdir / f"{uuid.uuid4().hex}.parquet"
    try:
        rows, report, samples, counts = _read_parts(path, layout.line_start, size, parts, dialect,
                                                    columns, layout.header_row, limits,
                                                    progress, profile)
        if rows == 0:
            raise ExtractError("file has a header row but no data rows")
        files = sorted(parts.iterdir())
        if len(files) == 1:
            files[0].replace(dest)
        else:
            pl.scan_parquet(files).sink_parquet(dest, compression=COMPRESSION)
    except BaseException:
        dest.unlink(missing_ok=True)
        raise
    finally:
        shutil.rmtree(parts, ignore_errors=True)
    table = SourceTable(name, None, layout.header_row, columns,
                        layout.warnings + report.warnings(len(columns)), parquet=dest, rows=rows)
    if profile:
        sample = pl.concat(samples) if samples else pl.DataFrame(schema=dict.fromkeys(
            columns, pl.String))
        step = max(1, sample.height // SAMPLE_ROWS)
        sample = sample.gather_every(step) if step > 1 else sample
        table = table.replace(profile=profile_sample(
            sample, rows=rows, non_empty=counts[0], max_length=counts[1],
            sampled=sample.height < rows))
    return table, dialect


def _read_parts(
    path: Path, start: int, size: int, parts: Path, dialect: Dialect, columns: list[str],
    header_row: int, limits: Limits, progress: Progress | None, profile: bool,
) -> tuple[int, RowReport, list[pl.DataFrame], tuple[dict[str, int], dict[str, int]]]:
    eol = dialect.eol.encode()
    rows, line, done = 0, header_row, start
    report = RowReport()
    samples: list[pl.DataFrame] = []
    non_empty = dict.fromkeys(columns, 0)
    longest = dict.fromkeys(columns, 0)
    step = 0
    with path.open("rb") as fh:
        fh.seek(start)
        for index, chunk in enumerate(_record_chunks(fh, eol, limits)):
            if b"\x00" in chunk:
                raise UnsupportedFormat("not a text table: the content is binary data (NUL "
                                        "bytes or control characters)")
            first = index == 0
            frame = parse_chunk(chunk, dialect, skip_lines=0, columns=columns, first_line=line,
                                text=_const(chunk), has_header=first, row_offset=rows)
            if frame.height and frame.get_column(columns[-1]).null_count():
                frame, found = check_rows(frame, chunk.decode("utf-8"), dialect, line,
                                          header=first, row_offset=rows)
                report += found
            if any(frame.null_count().row(0)):
                frame = frame.with_columns(pl.all().fill_null(""))
            rows += frame.height
            limits.check_shape(rows, frame.width, where="the file")
            limits.check_cells(frame, where="the file")
            line += chunk.count(eol)
            done += len(chunk)
            if frame.height:
                frame.write_parquet(parts / f"{index:06d}.parquet", compression=COMPRESSION)
                if profile:
                    if not step:  # spread the sample over the whole file, estimated
                        step = max(1, int(frame.height * size / len(chunk)) // SAMPLE_ROWS)
                    samples.append(frame.gather_every(step))
                    for col, n in frame.select((pl.all() != "").sum()).row(0, named=True).items():
                        non_empty[col] += int(n)
                    for col, n in frame.select(pl.all().str.len_chars().max()).row(
                            0, named=True).items():
                        longest[col] = max(longest[col], int(n or 0))
            if progress is not None:
                progress(done, size, rows)
    return rows, report, samples, (non_empty, longest)


def _const(chunk: bytes) -> Callable[[], bytes]:
    return lambda: chunk


def _record_chunks(fh: BinaryIO, eol: bytes, limits: Limits) -> Iterator[bytes]:
    """Blocks of the file, each ending after the last line break outside quotes."""
    carry = b""
    while True:
        block = fh.read(CHUNK_BYTES)
        if not block:
            if carry.strip():
                yield carry
            return
        buf = carry + block if carry else block
        cut = _boundary(buf, eol)
        if cut <= 0:
            if len(buf) > max(limits.max_cell_chars * 4, CHUNK_BYTES * 4):
                raise ExtractError("a record is longer than the cell limit allows "
                                   "(or a quote is never closed)")
            carry = buf
            continue
        yield buf[:cut]
        carry = buf[cut:]


def _boundary(buf: bytes, eol: bytes) -> int:
    """Offset just after the last line break with an even number of quotes before it
    (one backward pass: quotes after each candidate are counted incrementally)."""
    before = buf.count(b'"')
    end = len(buf)
    while True:
        pos = buf.rfind(eol, 0, end)
        if pos < 0:
            return 0
        before -= buf.count(b'"', pos, end)
        if before % 2 == 0:
            return pos + len(eol)
        end = pos
