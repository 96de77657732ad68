"""What the overview and the space page show, read from the store in a few queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from feedline.jobs import queue
from feedline.jobs.model import FINAL, Job, Status
from feedline.store import repo
from feedline.store import tables as t
from feedline.store.db import iso
from feedline.store.models import File, Space

J, F, S, W = t.jobs, t.files, t.sheets, t.workbooks
STEPS = ("extract", "map", "egress")


@dataclass
class SpaceSummary:
    """One line of the overview."""

    space: Space
    state: str  # healthy | needs-person | failing | empty
    last_file: str | None = None
    last_file_at: str | None = None
    activity_at: str | None = None
    valid: int = 0
    invalid: int = 0
    held: int = 0
    waiting: int = 0
    failed: int = 0

    @property
    def last_synced_at(self) -> str | None:
        return self.space.metadata.get("last_synced_at")


def _held(meta: dict[str, Any]) -> int:
    return max((int(d.get("held") or 0) for d in (meta.get("egress") or {}).values()), default=0)


def overview(conn: sa.Connection, env: str, only: str | None = None) -> list[SpaceSummary]:
    """Every space of ``env`` (or only one), newest activity first."""
    spaces = [s for s in repo.list_spaces(conn, env) if only is None or s.id == only]
    rows = {s.id: SpaceSummary(s, "empty", activity_at=s.updated_at) for s in spaces}
    if not rows:
        return []
    ids = list(rows)
    for sid, at in conn.execute(sa.select(J.c.space_id, sa.func.max(J.c.updated_at))
                                .where(J.c.space_id.in_(ids)).group_by(J.c.space_id)):
        rows[sid].activity_at = max(filter(None, [iso(at), rows[sid].activity_at]))
    for sid, n in conn.execute(sa.select(J.c.space_id, sa.func.count()).where(
            J.c.space_id.in_(ids), J.c.status == Status.NEEDS_REVIEW.value)
            .group_by(J.c.space_id)):
        rows[sid].waiting = int(n)
    later = sa.alias(J)
    superseded = sa.exists().where(later.c.file_id == J.c.file_id,
                                   later.c.operation == J.c.operation,
                                   later.c.status == Status.COMPLETE.value,
                                   later.c.created_at > J.c.created_at)
    for sid, n in conn.execute(sa.select(J.c.space_id, sa.func.count()).where(
            J.c.space_id.in_(ids), J.c.status == Status.FAILED.value,
            J.c.operation != "notify", ~superseded).group_by(J.c.space_id)):
        rows[sid].failed = int(n)
    newest = (sa.select(F.c.space_id, sa.func.max(F.c.created_at).label("at"))
              .where(F.c.space_id.in_(ids)).group_by(F.c.space_id).subquery())
    for sid, name, at in conn.execute(sa.select(F.c.space_id, F.c.name, F.c.created_at).join(
            newest, sa.and_(newest.c.space_id == F.c.space_id, newest.c.at == F.c.created_at))):
        rows[sid].last_file, rows[sid].last_file_at = name, iso(at)
    for sid, meta in conn.execute(sa.select(W.c.space_id, S.c.metadata).join(
            W, W.c.id == S.c.workbook_id).where(W.c.space_id.in_(ids), W.c.kind == "destination")):
        counts = (meta or {}).get("counts") or {}
        rows[sid].valid += int(counts.get("valid") or 0)
        rows[sid].invalid += int(counts.get("invalid") or 0)
        rows[sid].held += _held(meta or {})
    for r in rows.values():
        if r.failed:
            r.state = "failing"
        elif r.waiting or r.invalid:
            r.state = "needs-person"
        elif r.last_file:
            r.state = "healthy"
    return sorted(rows.values(), key=lambda r: r.activity_at or "", reverse=True)


@dataclass
class Delivery:
    """One delivered file on the space's timeline with its jobs and what needs a person."""

    file: File
    jobs: list[Job] = field(default_factory=list)
    format: str | None = None
    sheets: list[dict[str, Any]] = field(default_factory=list)
    """Destination sheets: id, slug, counts, drift summary."""
    reviews: list[Job] = field(default_factory=list)

    @property
    def steps(self) -> list[Job]:
        return [j for j in self.jobs if j.operation != "notify"]

    @property
    def notices(self) -> list[Job]:
        return [j for j in self.jobs if j.operation == "notify"]

    @property
    def live(self) -> bool:
        """Some step (or notification) is still queued or running."""
        return any(j.status not in FINAL and j.status != Status.NEEDS_REVIEW for j in self.jobs)

    @property
    def working(self) -> bool:
        return any(j.status not in FINAL and j.status != Status.NEEDS_REVIEW for j in self.steps)

    @property
    def outcome(self) -> str:
        if self.file.status == "rejected":
            return "rejected"
        steps = self.steps
        if any(j.status == Status.FAILED for j in _latest(steps)):
            return "failed"
        if self.reviews or any(s["invalid"] for s in self.sheets):
            return "needs-person"
        if self.working:
            return "working"
        if steps and all(j.status in (Status.COMPLETE, Status.CANCELED) for j in steps):
            return "done"
        return "waiting"


def _latest(jobs: list[Job]) -> list[Job]:
    """The newest job per (operation, sheet) — older failed tries do not count."""
    seen: dict[tuple[str, str], Job] = {}
    for job in sorted(jobs, key=lambda j: j.created_at or ""):
        seen[(job.operation, str(job.input.get("source_sheet_id") or job.input.get("sheet_id")))] = job
    return list(seen.values())


def timeline(conn: sa.Connection, space: Space, limit: int = 50) -> list[Delivery]:
    """The space's newest ``limit`` files with their jobs, newest first."""
    files = sorted(repo.list_files(conn, space.id), key=lambda f: f.created_at or "",
                   reverse=True)[:limit]
    by_file = {f.id: Delivery(f) for f in files}
    rows = conn.execute(sa.select(J.c.id).where(J.c.space_id == space.id,
                                                J.c.file_id.in_(list(by_file)))
                        .order_by(J.c.created_at, J.c.id)).all()
    for (jid,) in rows:
        job = queue.get_job(conn, jid)
        d = by_file[job.file_id or ""]
        d.jobs.append(job)
        if job.operation == "extract" and job.outcome and job.outcome.get("format"):
            d.format = str(job.outcome["format"])
        if job.operation == "map" and job.status == Status.NEEDS_REVIEW:
            d.reviews.append(job)
    sheets = conn.execute(sa.select(S.c.id, S.c.slug, S.c.metadata, W.c.file_id)
                          .join(W, W.c.id == S.c.workbook_id)
                          .where(W.c.space_id == space.id, W.c.kind == "destination",
                                 W.c.file_id.in_(list(by_file)))).all()
    for sid, slug, meta, fid in sheets:
        counts = (meta or {}).get("counts") or {}
        by_file[fid].sheets.append({
            "id": sid, "slug": slug, "rows": int(counts.get("rows") or 0),
            "valid": int(counts.get("valid") or 0), "invalid": int(counts.get("invalid") or 0),
            "held": _held(meta or {}),
            "synced": (meta or {}).get("last_synced_at")})
    return list(by_file.values())


def status(conn: sa.Connection, space_id: str) -> dict[str, Any]:
    """Every non-notify job's status and progress (the page polls it while work runs)."""
    rows = conn.execute(sa.select(J.c.id, J.c.status, J.c.progress, J.c.info).where(
        J.c.space_id == space_id)).all()
    return {"jobs": {r.id: {"status": r.status, "progress": round(r.progress or 0),
                            "info": r.info} for r in rows}}
