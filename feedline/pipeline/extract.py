"""Extract a delivered file: its tables become the all-string sheets of a source workbook
(Parquet in the blob store), or, for an archive, its members become files of their own."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from typing import Any

from feedline.errors import ExtractError, FeedlineError
from feedline.events import model as topics
from feedline.extract import ExtractOptions, extract, unpack_archive
from feedline.jobs import queue
from feedline.jobs.model import FINAL, Job, Status
from feedline.pipeline.context import Context
from feedline.pipeline.ingest import ingest_members
from feedline.store import repo
from feedline.store.db import new_id
from feedline.store.models import File, Workbook

Progress = Callable[[float, str], None]
CHOICES = ("header_row", "sheet_name", "record_path")
MAX_ARCHIVE_DEPTH = 2


def options_for(ctx: Context, chosen: dict[str, Any]) -> ExtractOptions:
    """Extraction options from a person's or a feed route's choices, with the limits."""
    return ExtractOptions(header_row=chosen.get("header_row"), sheet=chosen.get("sheet_name"),
                          record_path=chosen.get("record_path"), limits=ctx.limits,
                          stream_bytes=ctx.settings.extract_stream_bytes)


def extract_file(ctx: Context, job: Job, options: ExtractOptions,
                 progress: Progress) -> dict[str, Any]:
    """Read ``job``'s file into a source workbook (replacing an earlier one); returns the
    job's outcome. A file that cannot be read is marked ``failed`` with the reason."""
    assert job.file_id is not None and job.space_id is not None
    with ctx.write() as conn:
        file = repo.get_file(conn, job.file_id)
        existing = [wb for wb in repo.list_workbooks(conn, job.space_id, file.id)
                    if wb.kind == "source"]
        _cancel_stale_maps(conn, job, existing)
        stale: list[str] = []
        for wb in existing:  # a re-run after a crash (or a re-extraction) starts clean
            stale += repo.delete_workbook(conn, wb.id)
        repo.set_file_status(conn, file.id, "extracting")
    for key in stale:
        ctx.blobs.delete(key)
    progress(5, "reading file")
    scratch = ctx.blobs.scratch()
    try:
        with ctx.blobs.local(file.blob_key) as source:
            extracted = _read(ctx, job, file, source, scratch, options, progress)
        if isinstance(extracted, dict):
            return extracted  # an archive: its members are files of their own now
        extraction = extracted
        progress(60, "writing source sheets")
        written = []
        for i, table in enumerate(extraction.tables):
            local = scratch / f"{i}.parquet"
            table.save(local)
            sheet_id = new_id("sh")
            key = ctx.blobs.put_file(f"sheets/{sheet_id}.parquet", local)
            written.append((table, sheet_id, key))
        with ctx.write() as conn:
            wb_id = repo.create_workbook(conn, job.space_id, file.id, "source", file.name,
                                         metadata=extraction.to_dict())
            sheets: list[dict[str, Any]] = []
            for table, sheet_id, key in written:
                repo.create_sheet(conn, wb_id, slug=table.name, name=table.name,
                                  columns=list(table.columns), row_count=table.row_count,
                                  metadata=table.metadata(), blob_key=key, sheet_id=sheet_id)
                sheets.append({"id": sheet_id, "name": table.name, "rows": table.row_count,
                               "columns": list(table.columns), "tabular": table.tabular,
                               "header_row": table.header_row})
            repo.set_file_status(conn, file.id, "extracted")
            ctx.emit(conn, topics.WORKBOOK_CREATED,
                     {"environment": job.environment_id, "space": job.space_id,
                      "file": file.id, "workbook": wb_id, "job": job.id},
                     {"kind": "source"})
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    rows = sum(s["rows"] for s in sheets)
    return {
        "message": f"extracted {rows} rows from {file.name} ({extraction.format})",
        "workbook_id": wb_id, "sheets": sheets, "format": extraction.format,
        "encoding": extraction.encoding, "delimiter": extraction.delimiter,
        "warnings": list(extraction.warnings),
        "data_sheet": getattr(extraction.data_table, "name", None),
    }


def _read(ctx: Context, job: Job, file: File, source: Any, scratch: Any,
          options: ExtractOptions, progress: Progress) -> Any:
    """The file's extraction, or (an archive) the job outcome after storing its members.
    A file that cannot be read is marked ``failed`` with a one-line reason."""
    try:
        members = unpack_archive(source, file.name, scratch / "members", options)
        if members is not None:
            if _archive_depth(ctx, file) >= MAX_ARCHIVE_DEPTH:
                raise ExtractError("archives nested more than two levels deep are refused")
            progress(50, f"storing {len(members)} archive member(s)")
            stored = ingest_members(ctx, file, [(m.name, m.path) for m in members])
            return {"message": f"unpacked {len(stored)} file(s) from {file.name}",
                    "format": "zip", "sheets": [], "members": [
                        {"file_id": f.id, "name": m.name, "duplicate": dup}
                        for m, (f, dup) in zip(members, stored, strict=True)]}
        return extract(source, filename=file.name, options=options, workdir=scratch,
                       progress=lambda done, total, rows: progress(
                           5 + 55 * done / max(total, 1),
                           f"read {done / 2**20:.0f} of {total / 2**20:.0f} MiB, {rows} rows"))
    except Exception as exc:
        reason = str(exc) if isinstance(exc, FeedlineError) else \
            f"could not read the file: {type(exc).__name__}: {exc}".splitlines()[0]
        with ctx.write() as conn:
            repo.set_file_status(conn, file.id, "failed", reason)
        if isinstance(exc, FeedlineError):
            raise
        raise ExtractError(reason) from exc


def _archive_depth(ctx: Context, file: File) -> int:
    """How many archives this file was unpacked from (members of members count twice)."""
    depth, parent = 0, file.parent_id
    with ctx.read() as conn:
        while parent and depth < 3:
            depth += 1
            parent = repo.get_file(conn, parent).parent_id
    return depth


def _cancel_stale_maps(conn: Any, job: Job, books: list[Workbook]) -> None:
    """Map jobs still waiting on sheets about to be replaced can never run: cancel them."""
    sheet_ids = {s.id for wb in books for s in wb.sheets}
    if not sheet_ids:
        return
    maps, _ = queue.list_jobs(conn, job.environment_id, file_id=job.file_id,
                              operation="map", limit=10_000)
    for other in maps:
        if other.input.get("source_sheet_id") in sheet_ids and other.status not in FINAL:
            queue.finish(conn, other.id, Status.CANCELED,
                         info="canceled: the file was extracted again, its source sheet replaced")
