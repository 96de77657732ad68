"""The headless pipeline without a server: what ``feedline run`` and ``feedline automap`` do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl

from feedline.atomic import atomic_write
from feedline.blueprint import Blueprint, SheetSpec, load_blueprint
from feedline.egress.csvfile import write_csv
from feedline.errors import ConfigError, ExtractError
from feedline.extract import extract
from feedline.feeds import ACCURACIES
from feedline.listener import Listener
from feedline.mapping import MappingMemory, Plan, apply_plan, automap, gate, override
from feedline.validate import validate
from feedline.validate.loading import install as install_hooks
from feedline.validate.locales import LOCALE, decimal_for_locale

LOCAL_SPACE = "local"


def _inputs(file: Path, blueprint_path: Path, accuracy: str,
            memory_path: Path | None) -> tuple[pl.DataFrame, Blueprint, MappingMemory | None]:
    if accuracy not in ACCURACIES:
        raise ConfigError(f"--accuracy must be one of {', '.join(ACCURACIES)} (got {accuracy!r})")
    blueprint = load_blueprint(blueprint_path)
    if not file.is_file():
        raise ExtractError(f"{file}: no such file")
    extraction = extract(file, filename=file.name)
    memory = MappingMemory.load(memory_path, blueprint.name) if memory_path else None
    return extraction.tables[0].frame, blueprint, memory


def _best_plan(frame: pl.DataFrame, blueprint: Blueprint, slug: str | None, accuracy: str,
               memory: MappingMemory | None) -> tuple[Plan, SheetSpec]:
    """Plan against ``slug``, or against every sheet and keep the best-covered one."""
    sheets = [blueprint.sheet(slug)] if slug else list(blueprint.sheets)
    sheets = [s.for_mapping() for s in sheets]  # computed fields are never mapped
    best: tuple[float, Plan, SheetSpec] | None = None
    for spec in sheets:
        plan = automap(frame, spec, accuracy=accuracy, memory=memory, space=LOCAL_SPACE)
        score = sum(f.confidence for f in plan.fields if f.destination)
        if best is None or score > best[0]:
            best = (score, plan, spec)
    assert best is not None
    return best[1], best[2]


def plan_file(file: Path, blueprint_path: Path, *, sheet: str | None = None,
              memory_path: Path | None = None, accuracy: str = "confident") -> dict[str, Any]:
    frame, blueprint, memory = _inputs(file, blueprint_path, accuracy, memory_path)
    plan, _ = _best_plan(frame, blueprint, sheet, accuracy, memory)
    return plan.to_dict()


def run_file(file: Path, blueprint_path: Path, *, sheet: str | None = None, out: Path | None = None,
             rejects: Path | None = None, accuracy: str = "confident",
             memory_path: Path | None = None,
             decisions: dict[str, str | None] | None = None,
             hooks: list[str] | None = None, locale: str | None = None,
             decimal: str | None = None) -> dict[str, Any]:
    """Extract → automap (+ a person's decisions) → gate → validate (+ hooks) → write.

    ``hooks`` name ``module:function`` hooks (see :mod:`feedline.validate.loading`);
    ``locale`` / ``decimal`` say how the partner writes numbers, as a feed config does.
    When the gate fails nothing is written and ``needs_review`` is true.
    """
    separator = _decimal(locale, decimal)
    listener = Listener()
    install_hooks(listener, hooks or [], Path.cwd())
    frame, blueprint, memory = _inputs(file, blueprint_path, accuracy, memory_path)
    plan, spec = _best_plan(frame, blueprint, sheet, accuracy, memory)
    suggested = plan.mapping()
    if decisions:
        plan = override(plan, decisions, spec, frame)
        ok, reasons = gate(plan, spec, accuracy)
        plan.auto_accept, plan.review_reasons = ok, reasons
    result: dict[str, Any] = {
        "file": str(file), "sheet": spec.slug, "rows": frame.height, "valid": 0, "invalid": 0,
        "needs_review": not plan.auto_accept, "review_reasons": list(plan.review_reasons),
        "drift": plan.drift, "plan": plan.to_dict(), "errors_by_type": {},
        "out": None,
    }
    if not plan.auto_accept:
        return result
    full = blueprint.sheet(spec.slug)
    validated = validate(apply_plan(frame, plan, spec), full, plan.enum_map(),
                         hooks=listener.hooks_for(spec.slug), decimal=separator)
    counts = validated.counts()
    result.update(valid=counts["valid"], invalid=counts["invalid"], errors_by_type=counts["by_type"],
                  hook_failures=[f.to_dict() for f in validated.hook_failures])
    records = validated.record_frame()
    if out:
        write_csv(out, full, [records.filter("valid")["values"]], "replace")
        result["out"] = str(out)
    if rejects:
        _write_rejects(rejects, records.filter(~pl.col("valid")))
        result["rejects"] = str(rejects)
    if memory is not None and memory_path is not None:
        corrected = {s: d for s, d in (decisions or {}).items() if suggested.get(s) != d}
        memory.remember(LOCAL_SPACE, spec.slug, plan, corrected=corrected or None)
        memory.save(memory_path)
    return result


def _decimal(locale: str | None, decimal: str | None) -> str | None:
    """The decimal mark for ambiguous number columns: ``decimal`` wins over ``locale``."""
    if decimal is not None and decimal not in (".", ","):
        raise ConfigError(f'--decimal must be "." or "," (got {decimal!r})')
    if locale is not None and not LOCALE.match(locale):
        raise ConfigError(f"--locale must look like de-DE or en_US (got {locale!r})")
    return decimal or (decimal_for_locale(locale) if locale else None)


def _write_rejects(path: Path, invalid: pl.DataFrame) -> None:
    """One JSON object per invalid record (``row``, ``values``, ``messages``), atomically."""
    lines = invalid.select(pl.concat_str([
        pl.lit('{"row": '), pl.col("row").cast(pl.String), pl.lit(', "values": '),
        pl.col("values"), pl.lit(', "messages": '), pl.col("messages"), pl.lit("}"),
    ]).alias("line"))["line"]
    with atomic_write(path) as fh:
        if lines.len():
            fh.write("\n".join(lines.to_list()) + "\n")
