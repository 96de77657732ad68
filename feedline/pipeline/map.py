"""The map step: plan a source sheet onto its destination sheet (or wait for a person),
then apply, validate and store its records and remember the plan."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from feedline.blueprint.model import SheetSpec
from feedline.errors import MappingError
from feedline.events import model as topics
from feedline.feeds import Feed
from feedline.jobs import queue
from feedline.jobs.model import Job, NeedsReview
from feedline.mapping import Plan, review_items, unread
from feedline.mapping.drift import describe as describe_drift
from feedline.pipeline import plan as planning
from feedline.pipeline.context import Context
from feedline.pipeline.records import store_records
from feedline.store import repo
from feedline.store.models import Space
from feedline.validate import Hook

Progress = Callable[[float, str], None]


def gate_of(feed: Feed) -> planning.Gate:
    return planning.Gate(feed.accuracy, feed.max_unmapped_enum_share, feed.new_values)


def target(ctx: Context, job: Job, feed: Feed) -> SheetSpec:
    """The job's destination sheet; a clear error when no feed route matched its file."""
    slug = job.input.get("sheet")
    if not slug:
        with ctx.read() as conn:
            file = repo.get_file(conn, job.file_id or "")
        routes = ", ".join(f"{r.match} → {r.sheet}" for r in feed.routes) or "none"
        raise MappingError(
            f"no route of feed {feed.name!r} matches file {file.name!r} (routes: {routes})")
    return feed.blueprint.sheet(slug)


def propose(ctx: Context, job: Job, space: Space, feed: Feed, spec: SheetSpec) -> dict[str, Any]:
    """Build, gate and store the automatic plan; park the job when the gate says no."""
    doc = plan_job(ctx, job, space, feed, spec)
    if not doc["auto_accept"]:
        raise NeedsReview(review_outcome(job, doc, spec, feed))
    return doc


def plan_job(ctx: Context, job: Job, space: Space, feed: Feed, spec: SheetSpec) -> dict[str, Any]:
    """The automatic plan of a map job with today's memory, gated and stored."""
    source, rows = source_of(ctx, job)
    with ctx.read() as conn:
        memory = planning.load_memory(conn, space.environment_id, feed.blueprint.name)
    settings = gate_of(feed)
    plan = planning.propose(source, rows, spec, settings, memory, space.id)
    doc = planning.plan_document(plan, settings, accepted_by="automap" if plan.auto_accept else None)
    with ctx.write() as conn:
        queue.set_plan(conn, job.id, doc)
    return doc


def review_outcome(job: Job, doc: dict[str, Any], spec: SheetSpec, feed: Feed) -> dict[str, Any]:
    """A waiting map job's outcome: why, and what a person must look at."""
    plan = Plan.from_dict(doc, spec.for_mapping())
    reasons = list(doc.get("review_reasons") or [])
    return {
        "message": "the plan needs a person: " + "; ".join(reasons),
        "reasons": reasons, "plan": f"/v1/jobs/{job.id}/plan",
        "needs": review_items(plan, spec.for_mapping(), feed.accuracy,
                              max_unmapped_enum_share=feed.max_unmapped_enum_share,
                              new_values=feed.new_values),
        "drift": plan.drift, "drift_summary": describe_drift(plan.drift),
    }


def source_of(ctx: Context, job: Job) -> tuple[Any, int]:
    """The extracted source table of a map job (lazy) and its row count."""
    with ctx.read() as conn:
        sheet = repo.get_sheet(conn, job.input["source_sheet_id"])
    assert sheet.blob_key is not None
    return ctx.blobs.scan_parquet([sheet.blob_key]), sheet.row_count


def run_map(ctx: Context, job: Job, feed: Feed, hooks: Sequence[Hook],
            progress: Progress) -> dict[str, Any]:
    """Plan (unless a plan was accepted), then store the sheet's records and remember."""
    assert job.space_id is not None
    spec = target(ctx, job, feed)
    with ctx.write() as conn:
        space = repo.get_space(conn, job.space_id)
        stale: list[str] = []
        for wb in repo.list_workbooks(conn, space.id, job.file_id):
            if wb.kind == "destination" and wb.metadata.get("job_id") == job.id:
                stale += repo.delete_workbook(conn, wb.id)  # a re-run after a crash starts clean
        source_sheet = repo.get_sheet(conn, job.input["source_sheet_id"])
        doc = queue.get_plan(conn, job.id)
    for key in stale:
        ctx.blobs.delete(key)
    if not doc or doc.get("state") != "accepted":
        progress(10, "planning")
        doc = propose(ctx, job, space, feed, spec)
    mapped = spec.for_mapping()
    plan = Plan.from_dict(doc, mapped)
    if doc.get("allow_missing_required"):
        progress(25, "running with required fields unmapped, as a person asked")
    with ctx.write() as conn:
        wb_id = repo.create_workbook(conn, space.id, job.file_id, "destination",
                                     f"{source_sheet.name} → {spec.slug}",
                                     metadata={"job_id": job.id, "source_sheet_id": source_sheet.id})
        sheet_id = repo.create_sheet(conn, wb_id, spec.slug, spec.name, spec.keys, 0)
    progress(30, "validating")
    source, rows = source_of(ctx, job)
    try:
        result = store_records(
            ctx.blobs, sheet_id, source, rows, plan, spec, hooks=hooks,
            decimal=feed.decimal_separator, chunk_rows=ctx.settings.chunk_rows,
            progress=lambda done, total: progress(30 + 60 * done / max(total, 1),
                                                  f"validated {done} of {total} records"))
    except BaseException:  # canceled or failed: no half-stored sheet stays behind
        with ctx.write() as conn:
            left = repo.delete_workbook(conn, wb_id)
        for key in [*left, f"records/{sheet_id}/"]:
            ctx.blobs.delete(key)
        raise
    counts, failures = result.counts, result.hook_failures
    unread_values = unread(plan)
    with ctx.write() as conn:
        repo.add_segment(conn, result.segment)
        repo.update_sheet(conn, sheet_id, row_count=counts["rows"], next_id=counts["rows"] + 1,
                          metadata={"counts": counts})
        planning.remember(conn, space.environment_id, feed.blueprint.name, space.id, spec.slug,
                          plan, planning.corrections(doc, plan),
                          by="person" if doc.get("accepted_by") == "person" else "automap",
                          waived=[f.key for f in mapped.fields if f.required
                                  and f.key not in plan.mapping().values()]
                          if doc.get("allow_missing_required") else None)
        ctx_ids = {"environment": space.environment_id, "space": space.id,
                   "file": job.file_id, "workbook": wb_id, "sheet": sheet_id, "job": job.id}
        ctx.emit(conn, topics.WORKBOOK_CREATED, ctx_ids, {"kind": "destination"})
        ctx.emit(conn, topics.RECORDS_CREATED, ctx_ids, {
            "sheet": spec.slug, "count": counts["rows"], "valid": counts["valid"],
            "invalid": counts["invalid"], "hook_failures": failures, "unread_values": unread_values})
    message = f"{counts['rows']} records: {counts['valid']} valid, {counts['invalid']} invalid"
    for failure in failures:
        message += f"; hook {failure['hook']} failed on {failure['records']} records"
    for key, values in unread_values.items():
        shown = ", ".join(f'"{v}"' for v in values[:5]) + (", …" if len(values) > 5 else "")
        message += f'; "{key}" values no option reads wait in record review: {shown}'
    return {
        "message": message, "hook_failures": failures, "unread_values": unread_values,
        "workbook_id": wb_id, "sheet_id": sheet_id, "sheet": spec.slug, "counts": counts,
        "accepted_by": doc.get("accepted_by"),
        "drift": plan.drift, "drift_summary": describe_drift(plan.drift),
    }
