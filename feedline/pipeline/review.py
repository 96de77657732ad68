"""A person's side of a map job: change its plan, then execute it."""

from __future__ import annotations

from typing import Any

from feedline.blueprint.model import SheetSpec
from feedline.errors import Conflict, MappingError
from feedline.jobs import queue
from feedline.jobs.model import Job, Status
from feedline.mapping import Plan, gate, patch
from feedline.pipeline.context import Context
from feedline.pipeline.map import source_of

EDITABLE = {Status.NEEDS_REVIEW, Status.CREATED}


def editable(job: Job, doc: dict[str, Any] | None) -> dict[str, Any]:
    """The job's plan document, when a person may still change it."""
    if job.status not in EDITABLE:
        raise Conflict(f"job {job.id} is {job.status.value}; its plan can no longer change")
    if doc is None:
        raise Conflict(f"job {job.id} has no plan to change yet")
    return doc


def edit_plan(ctx: Context, job: Job, doc: dict[str, Any], spec: SheetSpec,
              decisions: dict[str, str | None],
              enums: dict[str, dict[str, str | None]]) -> dict[str, Any]:
    """Apply a person's decisions (column → field, enum value → option) and store the plan;
    it waits for ``execute``. Raises :class:`MappingError` when they do not fit."""
    plan = Plan.from_dict(doc, spec)
    frame = None
    if decisions:
        source, _rows = source_of(ctx, job)
        frame = source.collect()
    plan = patch(plan, decisions, enums, spec, frame)
    _ok, reasons = gate(plan, spec, "any", max_unmapped_enum_share=1.0)
    new = {**doc, **plan.to_dict(), "state": "proposed", "accepted_by": None,
           "review_reasons": reasons, "auto_accept": False}
    with ctx.write() as conn:
        queue.set_plan(conn, job.id, new)
    return new


def execute(ctx: Context, job: Job, doc: dict[str, Any] | None, spec: SheetSpec) -> Job:
    """A person accepts the plan: the map job runs with it."""
    if doc is None:
        raise Conflict(f"job {job.id} has no plan to execute yet")
    checked = Plan.from_dict(doc, spec)
    ok, reasons = gate(checked, spec, "any", max_unmapped_enum_share=1.0)
    if not ok:
        raise MappingError("the plan cannot run: " + "; ".join(reasons))
    with ctx.write() as conn:
        current = queue.get_job(conn, job.id)
        if current.status != Status.NEEDS_REVIEW:
            raise Conflict(f"job {job.id} is {current.status.value}, not waiting for review")
        queue.set_plan(conn, job.id, {**doc, "state": "accepted", "accepted_by": "person"})
        return queue.transition(conn, job.id, Status.READY)
