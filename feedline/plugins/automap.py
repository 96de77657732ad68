"""Built-in step: extract completed → map job: automap a Job Plan, gate it, execute it.

A map job first builds a plan (memory, then scorers). If the feed's accuracy gate passes,
it executes at once; otherwise it parks in ``needs_review`` until a person edits the plan
(``PUT /v1/jobs/{id}/plan``) and executes it (``POST /v1/jobs/{id}/execute``). Executing
casts and validates the records, stores them, remembers the plan and emits
``records:created``.
"""

from __future__ import annotations

from typing import Any

import polars as pl
import sqlalchemy as sa

from feedline.app import Feedline
from feedline.blueprint import SheetSpec
from feedline.events import model as topics
from feedline.events.model import Event
from feedline.feeds import Feed
from feedline.jobs import queue
from feedline.jobs.worker import JobRun, NeedsReview
from feedline.listener import Listener
from feedline.mapping import MappingMemory, Plan, apply_plan, automap, gate, review_items
from feedline.mapping.drift import describe as describe_drift
from feedline.store import repo
from feedline.store.records import insert_record_frame
from feedline.validate import validate

MEMORY_SCOPE = ""  # the whole blueprint's memory is one document, updated under the write lock


def on_extract_completed(event: Event, app: Feedline) -> None:
    outcome = event.payload.get("outcome") or {}
    with app.begin() as conn:
        space = repo.get_space(conn, event.context["space"] or "")
        file = repo.get_file(conn, event.context["file"] or "")
        feed = app.feeds.get(space["feed"])
        for sheet in outcome.get("sheets", []):
            if not sheet.get("tabular", True):
                continue  # a notes sheet or a hidden sheet: nothing to map
            target = feed.route(file["name"]) if feed else None
            queue.create_job(
                conn, environment_id=event.context["environment"] or app.environment_id,
                operation="map", space_id=space["id"], file_id=file["id"],
                input={"source_sheet_id": sheet["id"], "sheet": target},
                dedupe_key=f"map:{sheet['id']}", max_attempts=app.settings.max_attempts,
            )


def load_memory(conn: sa.Connection, blueprint: str) -> MappingMemory:
    for row in repo.load_memory_rows(conn, blueprint):
        if row["space_id"] == MEMORY_SCOPE:
            return MappingMemory.from_json(row["document"])
    return MappingMemory(blueprint)


def save_memory(conn: sa.Connection, memory: MappingMemory) -> None:
    repo.save_memory_row(conn, memory.blueprint, MEMORY_SCOPE, MEMORY_SCOPE, memory.to_json())


def resolve(app: Feedline, job: dict[str, Any]) -> tuple[dict[str, Any], Feed, SheetSpec]:
    """The job's space, feed and destination sheet; a clear error when routing failed."""
    from feedline.errors import MappingError

    with app.engine.connect() as conn:
        space = repo.get_space(conn, job["space_id"])
        file = repo.get_file(conn, job["file_id"])
    feed = app.feed(space["feed"])
    slug = job["input"].get("sheet")
    if not slug:
        routes = ", ".join(f"{r.match} → {r.sheet}" for r in feed.routes) or "none"
        raise MappingError(
            f"no route of feed {feed.name!r} matches file {file['name']!r} (routes: {routes})")
    return space, feed, feed.blueprint.sheet(slug)


def source_frame(app: Feedline, source_sheet: dict[str, Any]) -> pl.DataFrame:
    """The extracted source table behind a map job (all-string Parquet in the blob store)."""
    return pl.read_parquet(app.blobs.path(source_sheet["blob_key"]))


def propose(app: Feedline, job: dict[str, Any], frame: pl.DataFrame, space: dict[str, Any],
            feed: Feed, spec: SheetSpec) -> dict[str, Any]:
    """Build and store the automatic plan; park the job when the gate says no."""
    spec = spec.for_mapping()  # computed fields are never mapped from source
    with app.engine.connect() as conn:
        memory = load_memory(conn, feed.blueprint.name)
    plan = automap(frame, spec, accuracy=feed.accuracy, memory=memory, space=space["id"])
    ok, reasons = gate(plan, spec, feed.accuracy, max_unmapped_enum_share=feed.max_unmapped_enum_share)
    doc = {**plan.to_dict(), "auto_accept": ok, "review_reasons": reasons,
           "state": "accepted" if ok else "proposed", "accepted_by": "automap" if ok else None,
           "accuracy": feed.accuracy, "suggested": plan.mapping()}
    with app.begin() as conn:
        queue.set_plan(conn, job["id"], doc)
    if not ok:
        raise NeedsReview({
            "message": "the plan needs a person: " + "; ".join(reasons),
            "reasons": reasons, "plan": f"/v1/jobs/{job['id']}/plan",
            "needs": review_items(plan, spec, feed.accuracy),
            "drift": plan.drift, "drift_summary": describe_drift(plan.drift),
        })
    return doc


def run_map(run: JobRun) -> dict[str, Any]:
    app, job = run.app, run.job
    space, feed, spec = resolve(app, job)
    with app.begin() as conn:
        for wb in repo.list_workbooks(conn, space["id"], job["file_id"]):
            if wb["kind"] == "destination" and wb["metadata"].get("job_id") == job["id"]:
                repo.delete_workbook(conn, wb["id"])  # a re-run after a crash starts clean
        source = repo.get_sheet(conn, job["input"]["source_sheet_id"])
        doc = queue.get_plan(conn, job["id"])
    frame = source_frame(app, source)
    if not doc or doc.get("state") != "accepted":
        run.progress(10, "planning")
        doc = propose(app, job, frame, space, feed, spec)
    mapped = spec.for_mapping()
    plan = Plan.from_dict(doc, mapped)
    run.progress(30, "validating")
    hooks = app.listener.hooks_for(spec.slug, feed.name)
    validated = validate(apply_plan(frame, plan, mapped), spec, plan.enum_map(), hooks=hooks,
                         decimal=feed.decimal_separator)
    counts = validated.counts()
    records = validated.record_frame()
    hook_failures = [f.to_dict() for f in validated.hook_failures]
    run.progress(70, "storing records")
    suggested = doc.get("suggested") or {}
    corrected = {src: dst for src, dst in plan.mapping().items() if suggested.get(src) != dst}
    corrected.update({src: None for src in suggested if src not in plan.mapping()})
    with app.begin() as conn:
        wb_id = repo.create_workbook(conn, space["id"], job["file_id"], "destination",
                                     f"{source['name']} → {spec.slug}",
                                     metadata={"job_id": job["id"], "source_sheet_id": source["id"]})
        sheet_id = repo.create_sheet(conn, wb_id, spec.slug, spec.name, spec.keys, records.height,
                                     metadata={"counts": counts})
        insert_record_frame(conn, sheet_id, records)
        memory = load_memory(conn, feed.blueprint.name)
        memory.remember(space["id"], spec.slug, plan, corrected=corrected or None)
        save_memory(conn, memory)
        ctx = {"space": space["id"], "file": job["file_id"], "workbook": wb_id,
               "sheet": sheet_id, "job": job["id"]}
        app.emit(conn, topics.WORKBOOK_CREATED, ctx, {"kind": "destination"})
        app.emit(conn, topics.RECORDS_CREATED, ctx, {
            "sheet": spec.slug, "count": counts["rows"], "valid": counts["valid"],
            "invalid": counts["invalid"], "hook_failures": hook_failures})
    message = f"{counts['rows']} records: {counts['valid']} valid, {counts['invalid']} invalid"
    for failure in hook_failures:
        message += f"; hook {failure['hook']} failed on {failure['records']} records"
    return {
        "message": message, "hook_failures": hook_failures,
        "workbook_id": wb_id, "sheet_id": sheet_id, "sheet": spec.slug, "counts": counts,
        "accepted_by": doc.get("accepted_by"),
        "drift": plan.drift, "drift_summary": describe_drift(plan.drift),
    }


def plugin(listener: Listener) -> None:
    listener.on(topics.JOB_COMPLETED, {"job": "extract"}, on_extract_completed)
    listener.job("map", run_map)
