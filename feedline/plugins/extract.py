"""Built-in step: ``file:created`` → extract job → source workbook (Parquet sheets)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from typing import Any

from feedline.app import Feedline
from feedline.errors import ExtractError, FeedlineError
from feedline.events import model as topics
from feedline.events.model import Event
from feedline.extract import ExtractOptions, Limits, Member, extract, unpack_archive
from feedline.ingress import ingest_members
from feedline.jobs import queue
from feedline.jobs.model import FINAL, Status
from feedline.jobs.worker import JobRun
from feedline.listener import Listener
from feedline.store import repo


def on_file_created(event: Event, app: Feedline) -> None:
    with app.begin() as conn:
        queue.create_job(
            conn, environment_id=event.context["environment"] or app.environment_id,
            operation="extract", space_id=event.context["space"], file_id=event.context["file"],
            dedupe_key=f"extract:{event.context['file']}", max_attempts=app.settings.max_attempts,
        )


def extract_options(app: Feedline, job: dict[str, Any], filename: str) -> ExtractOptions:
    """A person's choices (job input, from the API) over the feed route's, with limits."""
    st = app.settings
    limits = Limits(
        max_file_bytes=st.extract_max_file_bytes, max_rows=st.extract_max_rows,
        max_columns=st.extract_max_columns, max_cell_chars=st.extract_max_cell_chars,
        max_archive_members=st.extract_max_archive_members,
        max_uncompressed_bytes=st.extract_max_uncompressed_bytes,
        max_compression_ratio=st.extract_max_compression_ratio,
    )
    chosen: dict[str, Any] = {}
    with app.engine.connect() as conn:
        space = repo.get_space(conn, job["space_id"])
    feed = app.feeds.get(space["feed"])
    if feed is not None:
        chosen.update(feed.extract_options(filename))
    chosen.update({k: v for k, v in (job.get("input") or {}).items()
                   if k in ("header_row", "sheet_name", "record_path") and v is not None})
    return ExtractOptions(header_row=chosen.get("header_row"), sheet=chosen.get("sheet_name"),
                          record_path=chosen.get("record_path"), limits=limits,
                          stream_bytes=st.extract_stream_bytes)


def run_extract(run: JobRun) -> dict[str, Any]:
    app, job = run.app, run.job
    file_id = job["file_id"]
    with app.begin() as conn:
        file = repo.get_file(conn, file_id)
        blob_key = repo.file_blob_key(conn, file_id)
        existing = repo.list_workbooks(conn, job["space_id"], file_id)
        _cancel_stale_maps(conn, job, [wb for wb in existing if wb["kind"] == "source"])
        for wb in existing:  # a re-run after a crash (or a re-extraction) starts clean
            if wb["kind"] == "source":
                repo.delete_workbook(conn, wb["id"])
        repo.set_file_status(conn, file_id, "extracting")
    run.progress(5, "reading file")
    scratch = app.blobs.scratch()
    options = extract_options(app, job, file["name"])
    source = app.blobs.path(blob_key)
    try:
        try:
            members = unpack_archive(source, file["name"], scratch / "members", options)
            if members is not None:
                if _archive_depth(app, file) >= 2:
                    raise ExtractError("archives nested more than two levels deep are refused")
                return _store_members(run, file, members)
            extraction = extract(source, filename=file["name"], options=options,
                                 workdir=scratch, progress=_reporter(run))
        except FeedlineError as exc:
            with app.begin() as conn:
                repo.set_file_status(conn, file_id, "failed", str(exc))
            raise
        run.progress(60, "writing source sheets")
        written = []
        for i, table in enumerate(extraction.tables):
            local = scratch / f"{i}.parquet"
            table.save(local)
            written.append((table, local))
        with app.begin() as conn:
            wb_id = repo.create_workbook(conn, job["space_id"], file_id, "source", file["name"],
                                         metadata=extraction.to_dict())
            sheets: list[dict[str, Any]] = []
            for table, local in written:
                sheet_id = repo.create_sheet(
                    conn, wb_id, slug=table.name, name=table.name, columns=list(table.columns),
                    row_count=table.row_count, metadata=table.metadata(),
                )
                key = app.blobs.put_file(f"sheets/{sheet_id}.parquet", local)
                repo.update_sheet(conn, sheet_id, blob_key=key)
                sheets.append({"id": sheet_id, "name": table.name, "rows": table.row_count,
                               "columns": list(table.columns), "tabular": table.tabular,
                               "header_row": table.header_row})
            repo.set_file_status(conn, file_id, "extracted")
            app.emit(conn, topics.WORKBOOK_CREATED,
                     {"space": job["space_id"], "file": file_id, "workbook": wb_id, "job": job["id"]},
                     {"kind": "source"})
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    rows = sum(s["rows"] for s in sheets)
    return {
        "message": f"extracted {rows} rows from {file['name']} ({extraction.format})",
        "workbook_id": wb_id, "sheets": sheets, "format": extraction.format,
        "encoding": extraction.encoding, "delimiter": extraction.delimiter,
        "warnings": list(extraction.warnings), "data_sheet": getattr(extraction.data_table, "name", None),
    }


def _reporter(run: JobRun) -> Callable[[int, int, int], None]:
    """Job progress (5–60%) while a large file streams: bytes read and rows so far."""
    def report(done: int, total: int, rows: int) -> None:
        run.progress(5 + 55 * done / max(total, 1),
                     f"read {done / 2**20:.0f} of {total / 2**20:.0f} MiB, {rows} rows")
    return report


def _archive_depth(app: Feedline, file: dict[str, Any]) -> int:
    """How many archives this file was unpacked from (members of members count twice)."""
    depth, parent = 0, file.get("parent_id")
    with app.begin() as conn:
        while parent and depth < 3:
            depth += 1
            parent = repo.get_file(conn, parent).get("parent_id")
    return depth


def _store_members(run: JobRun, file: dict[str, Any], members: list[Member]) -> dict[str, Any]:
    """An archive: every data member becomes a file of its own (with its own extract job)."""
    run.progress(50, f"storing {len(members)} archive member(s)")
    stored = ingest_members(run.app, file, [(m.name, m.path) for m in members])
    return {
        "message": f"unpacked {len(stored)} file(s) from {file['name']}",
        "format": "zip", "sheets": [], "members": [
            {"file_id": f["id"], "name": m.name, "duplicate": f["duplicate"]}
            for m, f in zip(members, stored, strict=True)],
    }


def _cancel_stale_maps(conn: Any, job: dict[str, Any], books: list[dict[str, Any]]) -> None:
    """Map jobs still waiting on sheets about to be replaced can never run: cancel them."""
    sheet_ids = {s["id"] for wb in books for s in wb["sheets"]}
    if not sheet_ids:
        return
    maps, _ = queue.list_jobs(conn, job["environment_id"], file_id=job["file_id"],
                              operation="map", limit=10_000)
    for other in maps:
        if (other["input"].get("source_sheet_id") in sheet_ids
                and Status(other["status"]) not in FINAL):
            queue.finish(conn, other["id"], Status.CANCELED,
                         info="canceled: the file was extracted again, its source sheet replaced")


def plugin(listener: Listener) -> None:
    listener.on(topics.FILE_CREATED, None, on_file_created)
    listener.job("extract", run_extract)
