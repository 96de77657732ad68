"""Built-in step: ``file:created`` → extract job → source workbook (Parquet sheets)."""

from __future__ import annotations

import shutil
from typing import Any

from feedline.app import Feedline
from feedline.errors import FeedlineError
from feedline.events import model as topics
from feedline.events.model import Event
from feedline.extract import extract
from feedline.jobs import queue
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


def run_extract(run: JobRun) -> dict[str, Any]:
    app, job = run.app, run.job
    file_id = job["file_id"]
    with app.begin() as conn:
        file = repo.get_file(conn, file_id)
        blob_key = repo.file_blob_key(conn, file_id)
        existing = repo.list_workbooks(conn, job["space_id"], file_id)
        for wb in existing:  # a re-run after a crash starts clean
            if wb["kind"] == "source":
                repo.delete_workbook(conn, wb["id"])
        repo.set_file_status(conn, file_id, "extracting")
    run.progress(5, "reading file")
    scratch = app.blobs.scratch()
    try:
        try:
            extraction = extract(app.blobs.path(blob_key), filename=file["name"])
        except FeedlineError as exc:
            with app.begin() as conn:
                repo.set_file_status(conn, file_id, "failed", str(exc))
            raise
        run.progress(60, "writing source sheets")
        written = []
        for i, table in enumerate(extraction.tables):
            local = scratch / f"{i}.parquet"
            table.frame.write_parquet(local)
            written.append((table, local))
        with app.begin() as conn:
            wb_id = repo.create_workbook(conn, job["space_id"], file_id, "source", file["name"],
                                         metadata=extraction.to_dict())
            sheets = []
            for table, local in written:
                sheet_id = repo.create_sheet(
                    conn, wb_id, slug=table.name, name=table.name, columns=list(table.columns),
                    row_count=table.frame.height, metadata={
                        "header_row": table.header_row, "warnings": list(table.warnings)},
                )
                key = app.blobs.put_file(f"sheets/{sheet_id}.parquet", local)
                repo.update_sheet(conn, sheet_id, blob_key=key)
                sheets.append({"id": sheet_id, "name": table.name, "rows": table.frame.height,
                               "columns": list(table.columns)})
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
        "warnings": list(extraction.warnings),
    }


def plugin(listener: Listener) -> None:
    listener.on(topics.FILE_CREATED, None, on_file_created)
    listener.job("extract", run_extract)
