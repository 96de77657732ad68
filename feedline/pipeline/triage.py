"""A person's verdicts on a delivery that automation cannot give: skip a sheet that is
not data (a summary, notes), reject a file with a reason, or read it again with the
header row, sheet or record path the person points at."""

from __future__ import annotations

import uuid
from typing import Any

from feedline.errors import ConfigError, Conflict
from feedline.jobs import queue
from feedline.jobs.model import FINAL, Job, Status
from feedline.pipeline.context import Context
from feedline.store import repo
from feedline.store.models import File

REREAD_CHOICES: dict[str, type] = {"header_row": int, "sheet_name": str, "record_path": str}
MAX_REASON = 500


def _reason(reason: str | None) -> str:
    text = " ".join((reason or "").split())
    if not text:
        raise ConfigError("say why, in a few words")
    return text[:MAX_REASON]


def skip_sheet(ctx: Context, job: Job, reason: str | None, actor: str) -> Job:
    """Close a waiting map job without mapping it: its sheet holds no records to deliver."""
    why = " ".join((reason or "").split())[:MAX_REASON] or "not a data sheet"
    with ctx.write() as conn:
        current = queue.get_job(conn, job.id)
        if current.operation != "map" or current.status in FINAL:
            raise Conflict(f"job {job.id} is {current.status.value}; it cannot be skipped")
        return queue.finish(conn, job.id, Status.CANCELED, info=f"skipped by {actor}: {why}",
                            outcome={"message": f"sheet skipped: {why}", "skipped": True,
                                     "reason": why, "by": actor})


def reject_file(ctx: Context, file: File, reason: str | None, actor: str) -> list[str]:
    """Refuse a delivered file: its open jobs are canceled, the file is marked
    ``rejected`` with the reason (its bytes stay for the record). Returns the job ids."""
    why = _reason(reason)
    with ctx.write() as conn:
        env = repo.get_space(conn, file.space_id).environment_id
        jobs, _ = queue.list_jobs(conn, env, file_id=file.id, limit=10_000)
        closed = []
        for job in jobs:
            if job.status not in FINAL and job.operation != "notify":
                queue.finish(conn, job.id, Status.CANCELED, info=f"file rejected by {actor}: {why}",
                             outcome={"message": f"file rejected: {why}", "rejected": True})
                closed.append(job.id)
        repo.set_file_status(conn, file.id, "rejected", f"rejected by {actor}: {why}")
    return closed


def reread_file(ctx: Context, file: File, choices: dict[str, Any]) -> Job:
    """Extract the file again with a person's ``header_row`` (0-based), ``sheet_name`` or
    ``record_path``; the earlier extraction and its waiting plans are replaced."""
    clean: dict[str, Any] = {}
    for key, value in choices.items():
        if key not in REREAD_CHOICES:
            raise ConfigError(f"unknown choice {key!r}")
        if value is None or value == "":
            continue
        kind = REREAD_CHOICES[key]
        if kind is int:
            try:
                value = int(value)
            except (TypeError, ValueError):
                raise ConfigError(f"{key}: expected a whole number") from None
            if value < 0:
                raise ConfigError(f"{key}: expected 0 or more")
        clean[key] = kind(value)
    if not clean:
        raise ConfigError("choose a header row, a sheet or a record path to read the file again")
    with ctx.write() as conn:
        if repo.get_file(conn, file.id).status == "rejected":
            raise Conflict(f"file {file.name} was rejected")
        env = repo.get_space(conn, file.space_id).environment_id
        return queue.create_job(conn, environment_id=env, operation="extract",
                                space_id=file.space_id, file_id=file.id, input=clean,
                                dedupe_key=f"extract:{file.id}:{uuid.uuid4().hex}",
                                max_attempts=ctx.settings.max_attempts)
