"""The pipeline without a server: what ``feedline run`` and ``feedline automap`` do.

The same steps as the server's jobs, in the same order and through the same functions:
extraction, the choice of tables, planning (memory from a JSON file), applying and
validating the records, then writing the valid ones and the rejects. Nobody edits the
sheet, so its records go straight to the files (:mod:`feedline.pipeline.stream`); a sheet
with hooks is stored first, in a temporary blob folder, and read back.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import polars as pl

from feedline.blobs import LocalBlobs
from feedline.blueprint import Blueprint, SheetSpec, load_blueprint
from feedline.errors import ConfigError, ExtractError, FeedlineError, MappingError
from feedline.extract import ExtractOptions, SourceTable, extract
from feedline.feeds import ACCURACIES
from feedline.listener import Listener
from feedline.mapping import MappingMemory, Plan, gate, patch
from feedline.mapping.assign import warm_up
from feedline.pipeline.outfiles import OutFiles
from feedline.pipeline.plan import Gate, best_sheet, corrections, tables_to_map
from feedline.pipeline.records import store_records
from feedline.pipeline.stream import streamable, write_records
from feedline.records.view import SheetView
from feedline.validate.loading import install as install_hooks
from feedline.validate.locales import LOCALE, decimal_for_locale

LOCAL_SPACE = "local"


def _source(file: Path, source_sheet: str | None, workdir: Path) -> tuple[SourceTable, Any, int]:
    """The one table of ``file`` to map (as the server picks them), as a frame or lazily."""
    if not file.is_file():
        raise ExtractError(f"{file}: no such file")
    extraction = extract(file, filename=file.name, options=ExtractOptions(), workdir=workdir,
                         profile=False)
    tables = tables_to_map(extraction.tables, source_sheet)
    if not tables:
        raise ExtractError(f"{file.name} has no data sheet to map")
    if len(tables) > 1:
        names = ", ".join(repr(t.name) for t in tables)
        raise ExtractError(f"{file.name} has several data sheets ({names}): choose one with "
                           "--source-sheet")
    table = tables[0]
    source = pl.scan_parquet(table.parquet) if table.parquet is not None else table.frame
    return table, source, table.row_count


def _inputs(file: Path, blueprint_path: Path, accuracy: str, memory_path: Path | None,
            source_sheet: str | None, workdir: Path) -> tuple[Any, int, Blueprint, MappingMemory | None]:
    warm_up()  # the planner's solver loads while the file is read
    if accuracy not in ACCURACIES:
        raise ConfigError(f"--accuracy must be one of {', '.join(ACCURACIES)} (got {accuracy!r})")
    blueprint = load_blueprint(blueprint_path)
    _table, source, rows = _source(file, source_sheet, workdir)
    memory = MappingMemory.load(memory_path, blueprint.name) if memory_path else None
    return source, rows, blueprint, memory


def plan_file(file: Path, blueprint_path: Path, *, sheet: str | None = None,
              memory_path: Path | None = None, accuracy: str = "confident",
              source_sheet: str | None = None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="feedline-") as tmp:
        source, rows, blueprint, memory = _inputs(file, blueprint_path, accuracy, memory_path,
                                                  source_sheet, Path(tmp))
        plan, _ = best_sheet(source, rows, blueprint, sheet, Gate(accuracy), memory, LOCAL_SPACE)
        return plan.to_dict()


def run_file(file: Path, blueprint_path: Path, *, sheet: str | None = None, out: Path | None = None,
             rejects: Path | None = None, accuracy: str = "confident",
             memory_path: Path | None = None,
             decisions: dict[str, str | None] | None = None,
             hooks: list[str] | None = None, locale: str | None = None,
             decimal: str | None = None, source_sheet: str | None = None,
             plan_doc: dict[str, Any] | None = None,
             enum_decisions: dict[str, dict[str, str | None]] | None = None,
             allow_missing_required: bool = False) -> dict[str, Any]:
    """Extract → plan (+ a person's decisions) → gate → apply, validate, store → write.

    A person decides with ``decisions`` ({column: field or None}), ``enum_decisions``
    ({field: {value: option or None}}) or a whole edited plan ``plan_doc`` (the JSON of
    ``feedline automap --json``; columns it does not list stay unmapped), exactly as PUT
    and PATCH of a server plan do. ``hooks`` name ``module:function`` hooks (see
    :mod:`feedline.validate.loading`); ``locale`` / ``decimal`` say how the partner writes
    numbers, as a feed config does. When the gate fails nothing is written and
    ``needs_review`` is true.
    """
    separator = _decimal(locale, decimal)
    for flag, path in (("--out", out), ("--rejects", rejects)):
        if path is not None and path.is_dir():
            raise ConfigError(f"{flag} {path} is a folder: name the file to write")
    listener = Listener()
    install_hooks(listener, hooks or [], Path.cwd())
    with tempfile.TemporaryDirectory(prefix="feedline-") as tmp:
        work = Path(tmp)
        source, rows, blueprint, memory = _inputs(file, blueprint_path, accuracy, memory_path,
                                                  source_sheet, work / "extract")
        if plan_doc is not None:
            sheet = _plan_sheet(plan_doc, blueprint, sheet)
        plan, spec = best_sheet(source, rows, blueprint, sheet, Gate(accuracy), memory, LOCAL_SPACE)
        suggested = {"suggested": plan.mapping()}
        decided = dict(decisions or {})
        enums = {k: dict(v) for k, v in (enum_decisions or {}).items()}
        if plan_doc is not None:
            decided, enums = _plan_decisions(plan_doc, plan, spec, decided, enums)
        if decided or enums:
            frame = source.collect() if isinstance(source, pl.LazyFrame) else source
            person = patch(plan, decided, enums, spec.for_mapping(), frame,
                           allow_missing_required=allow_missing_required)
            # A person's plan runs as they stated it (any gate), or waits with its reasons.
            person.auto_accept, person.review_reasons = gate(
                person, spec.for_mapping(), "any" if plan_doc is not None else accuracy,
                max_unmapped_enum_share=1.0 if plan_doc is not None else 0.05,
                allow_missing_required=allow_missing_required)
            plan = person
        result = _summary(file, spec, rows, plan)
        if not plan.auto_accept:
            return result
        full = blueprint.sheet(spec.slug)
        hooks_of = listener.hooks_for(spec.slug)
        files = OutFiles(full, out, rejects)
        try:
            counts, failures = _write(files, source, rows, plan, full, hooks_of, separator, work)
        except OSError as exc:  # a full disk, a folder one may not write to: one line
            raise FeedlineError(f"could not write the output: {exc.strerror or exc}"
                                + (f" ({exc.filename})" if exc.filename else "")) from exc
        result.update(valid=counts["valid"], invalid=counts["invalid"],
                      errors_by_type=counts["by_type"], hook_failures=failures)
        if out:
            result["out"] = str(out)
        if rejects:
            result["rejects"] = str(rejects)
    if memory is not None and memory_path is not None:
        memory.remember(LOCAL_SPACE, spec.slug, plan, corrected=corrections(suggested, plan) or None,
                        by="person" if decisions else "automap")
        memory.save(memory_path)
    return result


def _write(files: OutFiles, source: Any, rows: int, plan: Plan, spec: SheetSpec,
           hooks: list[Any], decimal: str | None,
           work: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Validate the records into the files; the counts and the hooks' failures."""
    with files.open():
        if streamable(spec, hooks):
            return write_records(source, rows, plan, spec, files, work / "checks",
                                 decimal=decimal), []
        # hooks run once per record: store the sheet, then read it
        blobs = LocalBlobs(work / "blobs")
        mapped = store_records(blobs, "offline", source, rows, plan, spec, hooks=hooks,
                               decimal=decimal, indexed=False)
        view = SheetView(blobs, spec, mapped.segment, [], 0)
        for batch in view.iter_batches(messages=files.rejects is not None):
            files.write(files.encode(batch))
        return mapped.counts, mapped.hook_failures


def _plan_sheet(doc: dict[str, Any], blueprint: Blueprint, sheet: str | None) -> str:
    """The destination sheet a person's plan is for (``--sheet`` must agree)."""
    named = doc.get("sheet")
    if not isinstance(named, str) or not named:
        raise MappingError("--plan: the plan names no sheet")
    blueprint.sheet(named)
    if sheet is not None and sheet != named:
        raise MappingError(f"--plan is for sheet {named!r}, not {sheet!r}")
    return named


def _plan_decisions(doc: dict[str, Any], plan: Plan, spec: SheetSpec,
                    decided: dict[str, str | None],
                    enums: dict[str, dict[str, str | None]]) -> tuple[
                        dict[str, str | None], dict[str, dict[str, str | None]]]:
    """A whole plan as decisions: its columns as stated, the file's others unmapped; its
    enum values (and taught ones) over the automatic ones; ``--map``/``--enum`` win."""
    checked = Plan.from_dict(doc, spec.for_mapping())
    columns = {m.source for m in plan.fields}
    unknown = [m.source for m in checked.fields if m.source not in columns]
    if unknown:
        raise MappingError(f"--plan maps column {unknown[0]!r}, which the file does not have")
    stated = {m.source: m.destination for m in checked.fields}
    out = {c: stated.get(c) for c in columns} | decided
    values: dict[str, dict[str, str | None]] = {}
    for key, items in checked.enums.items():
        values.setdefault(key, {}).update({v.value: v.option for v in items})
    for key, taught in checked.taught.items():
        values.setdefault(key, {}).update(taught)
    for key, chosen in enums.items():
        values.setdefault(key, {}).update(chosen)
    return out, values


def _summary(file: Path, spec: SheetSpec, rows: int, plan: Plan) -> dict[str, Any]:
    return {
        "file": str(file), "sheet": spec.slug, "rows": rows, "valid": 0, "invalid": 0,
        "needs_review": not plan.auto_accept, "review_reasons": list(plan.review_reasons),
        "drift": plan.drift, "plan": plan.to_dict(), "errors_by_type": {}, "out": None,
    }


def _decimal(locale: str | None, decimal: str | None) -> str | None:
    """The decimal mark for ambiguous number columns: ``decimal`` wins over ``locale``."""
    if decimal is not None and decimal not in (".", ","):
        raise ConfigError(f'--decimal must be "." or "," (got {decimal!r})')
    if locale is not None and not LOCALE.match(locale):
        raise ConfigError(f"--locale must look like de-DE or en_US (got {locale!r})")
    return decimal or (decimal_for_locale(locale) if locale else None)
