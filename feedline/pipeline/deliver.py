"""Deliver a sheet's records to the feed's destinations and record when it last synced."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath
from typing import Any

import polars as pl

from feedline.blueprint.model import SheetSpec
from feedline.egress.csvfile import write_csv
from feedline.feeds import Feed
from feedline.jobs.model import Job
from feedline.pipeline.context import Context
from feedline.records.view import SheetView
from feedline.store import repo
from feedline.store.db import iso, now


def batches(view: SheetView, valid_only: bool) -> Iterator[pl.DataFrame]:
    """The records to deliver, one segment part at a time."""
    for frame in view.iter_batches(messages=not valid_only):
        yield frame.filter(pl.col("_valid")) if valid_only else frame


def deliver(ctx: Context, job: Job, feed: Feed) -> dict[str, Any]:
    sheet_id = job.input["sheet_id"]
    with ctx.read() as conn:
        space = repo.get_space(conn, job.space_id or "")
        sheet = repo.get_sheet(conn, sheet_id)
        file = repo.get_file(conn, job.file_id) if job.file_id else None
        spec: SheetSpec = feed.blueprint.sheet(sheet.slug)
        view = SheetView.open(conn, ctx.blobs, sheet, spec)
    counts = sheet.metadata.get("counts") or {}
    valid_only = feed.policy == "valid-only"
    written: list[dict[str, Any]] = []
    for dest in feed.destinations:
        rel = dest.path.format(
            space=_safe(space.name), space_id=space.id, sheet=sheet.slug,
            file=_safe(PurePath(file.name).stem) if file else "records",
            file_id=job.file_id or "", job=job.id,
        )
        target = (ctx.settings.data_dir / rel).resolve()
        n = write_csv(target, spec, batches(view, valid_only), dest.mode)
        written.append({"type": dest.type, "path": str(target), "rows": n, "mode": dest.mode})
    synced = iso(now())
    with ctx.write() as conn:
        repo.update_space_metadata(conn, space.id, {
            "last_synced_at": synced,
            "last_egress": {"job_id": job.id, "sheet": sheet.slug, "destinations": written},
        })
    rows = sum(w["rows"] for w in written)
    left = int(counts.get("invalid", 0)) if valid_only else 0
    return {
        "message": f"delivered {rows} records to {len(written)} destination(s); {left} invalid left for review",
        "destinations": written, "invalid_left": left, "last_synced_at": synced,
    }


def _safe(name: str) -> str:
    """A name usable as one path segment."""
    cleaned = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name).strip("._")
    return cleaned or "unnamed"
