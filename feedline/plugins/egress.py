"""Built-in step: ``records:created`` → egress job → the feed's destinations."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from feedline.app import Feedline
from feedline.egress.csvfile import value_batches, write_csv
from feedline.events import model as topics
from feedline.events.model import Event
from feedline.jobs import queue
from feedline.jobs.worker import JobRun
from feedline.listener import Listener
from feedline.store import repo
from feedline.store.db import iso, now


def on_records_created(event: Event, app: Feedline) -> None:
    with app.begin() as conn:
        queue.create_job(
            conn, environment_id=event.context["environment"] or app.environment_id,
            operation="egress", space_id=event.context["space"], file_id=event.context["file"],
            input={"sheet_id": event.context["sheet"], "sheet": event.payload.get("sheet")},
            dedupe_key=f"egress:{event.context['sheet']}", max_attempts=app.settings.max_attempts,
        )


def run_egress(run: JobRun) -> dict[str, Any]:
    app, job = run.app, run.job
    sheet_id = job["input"]["sheet_id"]
    with app.engine.connect() as conn:
        space = repo.get_space(conn, job["space_id"])
        sheet = repo.get_sheet(conn, sheet_id)
        file = repo.get_file(conn, job["file_id"]) if job["file_id"] else None
        counts = repo.record_counts(conn, sheet_id)
    feed = app.feed(space["feed"])
    spec = feed.blueprint.sheet(sheet["slug"])
    valid_only = feed.policy == "valid-only"
    written: list[dict[str, Any]] = []
    for dest in feed.destinations:
        rel = dest.path.format(
            space=_safe(space["name"]), space_id=space["id"], sheet=sheet["slug"],
            file=_safe(PurePath(file["name"]).stem) if file else "records",
            file_id=job["file_id"] or "", job=job["id"],
        )
        target = (app.settings.data_dir / rel).resolve()
        with app.engine.connect() as conn:
            n = write_csv(target, spec, value_batches(conn, sheet_id, valid_only), dest.mode)
        written.append({"type": dest.type, "path": str(target), "rows": n, "mode": dest.mode})
    synced = iso(now())
    with app.begin() as conn:
        repo.update_space_metadata(conn, space["id"], {
            "last_synced_at": synced,
            "last_egress": {"job_id": job["id"], "sheet": sheet["slug"], "destinations": written},
        })
    rows = sum(w["rows"] for w in written)
    left = counts["invalid"] if valid_only else 0
    return {
        "message": f"delivered {rows} records to {len(written)} destination(s); {left} invalid left for review",
        "destinations": written, "invalid_left": left, "last_synced_at": synced,
    }


def _safe(name: str) -> str:
    """A name usable as one path segment."""
    cleaned = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name).strip("._")
    return cleaned or "unnamed"


def plugin(listener: Listener) -> None:
    listener.on(topics.RECORDS_CREATED, None, on_records_created)
    listener.job("egress", run_egress)
