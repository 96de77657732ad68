"""A person's side of a map job: change its plan, then execute it; and what follows a
person's edit of a sheet's records."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from feedline.blueprint.model import SheetSpec
from feedline.errors import Conflict, MappingError
from feedline.events import model as topics
from feedline.feeds import Feed
from feedline.jobs import queue
from feedline.jobs.model import Job, Status
from feedline.mapping import Plan, gate, patch
from feedline.pipeline import plan as planning
from feedline.pipeline.context import Context
from feedline.pipeline.map import source_of
from feedline.store import tables as t
from feedline.store.models import Space, Workbook

if TYPE_CHECKING:
    import sqlalchemy as sa

    from feedline.records.edits import Edited

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


def execute(ctx: Context, job: Job, doc: dict[str, Any] | None, spec: SheetSpec, *,
            allow_missing_required: bool = False) -> Job:
    """A person accepts the plan: the map job runs with it. With
    ``allow_missing_required`` a plan leaving required fields unmapped runs too (each
    record then carries the ``required`` error and waits for a fix)."""
    if doc is None:
        raise Conflict(f"job {job.id} has no plan to execute yet")
    checked = Plan.from_dict(doc, spec)
    ok, reasons = gate(checked, spec, "any", max_unmapped_enum_share=1.0,
                       allow_missing_required=allow_missing_required)
    if not ok:
        hint = " (send {\"allow_missing_required\": true} to run it anyway)" if any(
            "required field" in r for r in reasons) else ""
        raise MappingError("the plan cannot run: " + "; ".join(reasons) + hint)
    with ctx.write() as conn:
        current = queue.get_job(conn, job.id)
        if current.status != Status.NEEDS_REVIEW:
            raise Conflict(f"job {job.id} is {current.status.value}, not waiting for review")
        queue.set_plan(conn, job.id, {**doc, "state": "accepted", "accepted_by": "person",
                                      "allow_missing_required": allow_missing_required})
        return queue.transition(conn, job.id, Status.READY)


def replan_waiting(ctx: Context, space: Space, feed: Feed, slug: str,
                   done_job: str) -> list[str]:
    """After a person's plan ran (or a person fixed enum values in review), plan the
    space's other map jobs that wait for the same sheet again with the memory it taught;
    those that now pass the gate run. Returns their ids."""
    from feedline.pipeline.map import plan_job, review_outcome

    spec = feed.blueprint.sheet(slug)
    with ctx.read() as conn:
        waiting, _ = queue.list_jobs(conn, space.environment_id, space_id=space.id,
                                     operation="map", status=Status.NEEDS_REVIEW.value,
                                     limit=1000)
    started = []
    for other in waiting:
        if other.id == done_job or other.input.get("sheet") != slug:
            continue
        with ctx.read() as conn:
            doc = queue.get_plan(conn, other.id)
        if doc and doc.get("accepted_by") is None and any(
                f.get("reason_code") == "person" for f in doc.get("fields", [])):
            continue  # a person is already editing this one: leave their work alone
        doc = plan_job(ctx, other, space, feed, spec)
        with ctx.write() as conn:
            current = queue.get_job(conn, other.id)
            if current.status != Status.NEEDS_REVIEW:
                continue
            if doc["auto_accept"]:
                queue.transition(conn, other.id, Status.READY)
                started.append(other.id)
            else:
                conn.execute(t.jobs.update().where(t.jobs.c.id == other.id).values(
                    outcome=review_outcome(other, doc, spec, feed)))
    return started


def records_edited(ctx: Context, conn: sa.Connection, space: Space, feed: Feed, workbook: Workbook,
                   sheet_id: str, slug: str, actor: str, result: Edited, payload: dict[str, Any]) -> None:
    """In the edit's transaction: the enum values a person fixed teach this space's mapping
    memory (the next delivery maps them; deliveries waiting for review are planned again),
    and ``records:updated`` is emitted (egress of fixed records follows it)."""
    planning.teach_values(conn, space.environment_id, feed.blueprint.name, space.id, slug,
                          result.taught)
    ctx.emit(conn, topics.RECORDS_UPDATED, {
        "environment": space.environment_id, "space": space.id, "file": workbook.file_id,
        "workbook": workbook.id, "sheet": sheet_id},
        {"sheet": slug, **payload, "revalidated": len(result.revalidated), "valid": result.counts["valid"],
         "invalid": result.counts["invalid"], "actor": actor,
         "hook_failures": result.hook_failures, "taught": result.taught})
