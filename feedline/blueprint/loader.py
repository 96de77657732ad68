"""Load and check blueprints from YAML or JSON.

A malformed blueprint is refused with one message naming the sheet, the field and the
problem, e.g. ``sheet 'contacts', field 'email': unknown type 'emial'``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

from feedline.blueprint.computed import check_computed
from feedline.blueprint.model import (
    CONSTRAINT_TYPES,
    FIELD_TYPES,
    SHEET_CONSTRAINT_TYPES,
    Blueprint,
    Constraint,
    Field,
    Option,
    Reference,
    SheetSpec,
)
from feedline.errors import BlueprintError

_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def load_blueprint(path: str | Path) -> Blueprint:
    """Read a blueprint file (``.yaml``, ``.yml`` or ``.json``)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BlueprintError(f"blueprint file not found: {p}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BlueprintError(f"cannot read blueprint {p}: {exc}") from None
    try:
        data = json.loads(text) if p.suffix.lower() == ".json" else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise BlueprintError(f"blueprint {p.name} is not valid YAML/JSON: {first}") from None
    return parse_blueprint(data)


def parse_blueprint(data: Any) -> Blueprint:
    """Build a :class:`Blueprint` from already-parsed YAML/JSON data."""
    if not isinstance(data, dict):
        raise BlueprintError("blueprint: expected a mapping with 'name' and 'sheets'")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise BlueprintError("blueprint: 'name' must be a non-empty string")
    sheets = data.get("sheets")
    if not isinstance(sheets, list) or not sheets:
        raise BlueprintError("blueprint: 'sheets' must be a non-empty list")
    parsed: list[SheetSpec] = []
    for i, raw in enumerate(sheets):
        parsed.append(_sheet(raw, i))
    slugs = [s.slug for s in parsed]
    dupes = sorted({s for s in slugs if slugs.count(s) > 1})
    if dupes:
        raise BlueprintError(f"blueprint: sheet slug {dupes[0]!r} appears more than once")
    bp = Blueprint(
        name=name.strip(),
        sheets=tuple(parsed),
        description=str(data.get("description") or ""),
        source=data,
    )
    _check_references(bp)
    return bp


def _sheet(raw: Any, index: int) -> SheetSpec:
    where = f"sheet #{index + 1}"
    if not isinstance(raw, dict):
        raise BlueprintError(f"{where}: expected a mapping with 'slug' and 'fields'")
    slug = raw.get("slug")
    if not isinstance(slug, str) or not _SLUG.match(slug):
        raise BlueprintError(
            f"{where}: 'slug' must be lowercase letters, digits, '-' or '_' (got {slug!r})"
        )
    where = f"sheet {slug!r}"
    fields = raw.get("fields")
    if not isinstance(fields, list) or not fields:
        raise BlueprintError(f"{where}: 'fields' must be a non-empty list")
    parsed = [_field(f, where, i) for i, f in enumerate(fields)]
    keys = [f.key for f in parsed]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        raise BlueprintError(f"{where}, field {dupes[0]!r}: key appears more than once")
    for f in parsed:
        if f.computed is not None:
            check_computed(f.computed, keys, f"{where}, field {f.key!r}")
    constraints = _sheet_constraints(raw.get("constraints"), where, keys)
    return SheetSpec(slug=slug, name=str(raw.get("name") or slug), fields=tuple(parsed),
                     constraints=constraints)


def _sheet_constraints(raw: Any, where: str, keys: list[str]) -> tuple[Constraint, ...]:
    """Sheet-level constraints: ``{type: unique, fields: [a, b], case_sensitive}``."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise BlueprintError(f"{where}: 'constraints' must be a list")
    out: list[Constraint] = []
    for i, item in enumerate(raw):
        at = f"{where}, constraint #{i + 1}"
        if not isinstance(item, dict) or item.get("type") not in SHEET_CONSTRAINT_TYPES:
            kinds = ", ".join(SHEET_CONSTRAINT_TYPES)
            raise BlueprintError(f"{at}: a sheet constraint needs 'type' (one of {kinds})")
        fields = item.get("fields")
        if (not isinstance(fields, list) or len(fields) < 2
                or not all(isinstance(f, str) for f in fields)):
            raise BlueprintError(f"{at}: a composite unique needs 'fields', two or more keys")
        unknown = [f for f in fields if f not in keys]
        if unknown:
            raise BlueprintError(f"{at}, field {unknown[0]!r}: no such field in the sheet")
        if len(set(fields)) != len(fields):
            raise BlueprintError(f"{at}: 'fields' names a field twice")
        out.append(Constraint(type="unique", fields=tuple(fields), message=item.get("message"),
                              case_sensitive=bool(item.get("case_sensitive", True))))
    return tuple(out)


def _field(raw: Any, sheet: str, index: int) -> Field:
    if not isinstance(raw, dict):
        raise BlueprintError(f"{sheet}, field #{index + 1}: expected a mapping with 'key'")
    key = raw.get("key")
    if not isinstance(key, str) or not _KEY.match(key):
        raise BlueprintError(
            f"{sheet}, field #{index + 1}: 'key' must be an identifier (got {key!r})"
        )
    where = f"{sheet}, field {key!r}"
    ftype = raw.get("type", "string")
    if ftype not in FIELD_TYPES:
        raise BlueprintError(
            f"{where}: unknown type {ftype!r} (expected one of {', '.join(FIELD_TYPES)})"
        )
    alt = raw.get("alternative_names") or []
    if not isinstance(alt, list) or not all(isinstance(a, str) for a in alt):
        raise BlueprintError(f"{where}: 'alternative_names' must be a list of strings")
    constraints = tuple(_constraint(c, where) for c in (raw.get("constraints") or []))
    if not isinstance(raw.get("constraints") or [], list):
        raise BlueprintError(f"{where}: 'constraints' must be a list")
    options: tuple[Option, ...] = ()
    if ftype == "enum":
        options = _options(raw.get("options"), where)
    elif raw.get("options"):
        raise BlueprintError(f"{where}: 'options' is only allowed on enum fields")
    reference = None
    if ftype == "reference":
        ref = raw.get("reference")
        if not isinstance(ref, dict) or not ref.get("sheet") or not ref.get("field"):
            raise BlueprintError(f"{where}: a reference field needs 'reference: {{sheet, field}}'")
        reference = Reference(sheet=str(ref["sheet"]), field=str(ref["field"]))
    computed = raw.get("computed")
    if isinstance(computed, dict) and set(computed) == {"hook"}:
        computed = computed["hook"]
    elif isinstance(computed, dict) and set(computed) == {"expression"}:
        computed = computed["expression"]
    if computed is not None and (not isinstance(computed, str) or not computed.strip()):
        raise BlueprintError(
            f"{where}: 'computed' must be a SQL expression or {{hook: 'module:function'}}")
    return Field(
        key=key,
        label=str(raw.get("label") or key),
        type=ftype,
        description=str(raw.get("description") or ""),
        alternative_names=tuple(alt),
        constraints=constraints,
        options=options,
        reference=reference,
        computed=computed.strip() if isinstance(computed, str) else None,
    )


def _constraint(raw: Any, where: str) -> Constraint:
    if isinstance(raw, str):
        raw = {"type": raw}
    if not isinstance(raw, dict) or "type" not in raw:
        raise BlueprintError(f"{where}: each constraint must be a mapping with 'type'")
    kind = raw["type"]
    if kind not in CONSTRAINT_TYPES:
        raise BlueprintError(
            f"{where}: unknown constraint {kind!r} (expected one of {', '.join(CONSTRAINT_TYPES)})"
        )
    if kind == "pattern":
        pattern = raw.get("pattern")
        if not isinstance(pattern, str):
            raise BlueprintError(f"{where}: pattern constraint needs a 'pattern' string")
        try:
            re.compile(pattern)
        except re.error as exc:
            raise BlueprintError(f"{where}: pattern {pattern!r} is not a valid regex: {exc}") from None
        return Constraint(type=kind, pattern=pattern, message=raw.get("message"))
    if kind in ("min", "max"):
        value = raw.get("value")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise BlueprintError(f"{where}: {kind} constraint needs a numeric 'value'")
        return Constraint(type=kind, value=float(value), message=raw.get("message"))
    if kind == "unique":
        return Constraint(type=kind, case_sensitive=bool(raw.get("case_sensitive", True)))
    if kind == "length":
        bounds = {k: raw.get(k) for k in ("min", "max")}
        for k, v in bounds.items():
            if v is not None and (isinstance(v, bool) or not isinstance(v, int) or v < 0):
                raise BlueprintError(f"{where}: length constraint '{k}' must be a whole number >= 0")
        if bounds["min"] is None and bounds["max"] is None:
            raise BlueprintError(f"{where}: length constraint needs 'min' and/or 'max'")
        if bounds["min"] is not None and bounds["max"] is not None and bounds["min"] > bounds["max"]:
            raise BlueprintError(f"{where}: length constraint has min > max")
        return Constraint(type=kind, min_length=bounds["min"], max_length=bounds["max"],
                          message=raw.get("message"))
    return Constraint(type=kind, message=raw.get("message"))


def _options(raw: Any, where: str) -> tuple[Option, ...]:
    if not isinstance(raw, list) or not raw:
        raise BlueprintError(f"{where}: an enum field needs a non-empty 'options' list")
    out: list[Option] = []
    for item in raw:
        if isinstance(item, str | int | float) and not isinstance(item, bool):
            out.append(Option(value=str(item), label=str(item)))
        elif isinstance(item, dict) and item.get("value") not in (None, ""):
            out.append(Option(value=str(item["value"]), label=str(item.get("label") or item["value"])))
        else:
            raise BlueprintError(f"{where}: each option needs a 'value' (got {item!r})")
    values = [o.value for o in out]
    dupes = sorted({v for v in values if values.count(v) > 1})
    if dupes:
        raise BlueprintError(f"{where}: option {dupes[0]!r} appears more than once")
    return tuple(out)


def _check_references(bp: Blueprint) -> None:
    by_slug = {s.slug: s for s in bp.sheets}
    for sheet in bp.sheets:
        for f in sheet.fields:
            if f.reference is None:
                continue
            target = by_slug.get(f.reference.sheet)
            if target is None:
                raise BlueprintError(
                    f"sheet {sheet.slug!r}, field {f.key!r}: reference to unknown sheet "
                    f"{f.reference.sheet!r}"
                )
            if f.reference.field not in target.keys:
                raise BlueprintError(
                    f"sheet {sheet.slug!r}, field {f.key!r}: reference to unknown field "
                    f"{f.reference.sheet}.{f.reference.field}"
                )
