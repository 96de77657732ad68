"""The target schema: a blueprint is a set of sheets with typed, constrained fields."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

FieldType = Literal[
    "string", "number", "integer", "boolean", "date", "datetime", "enum", "reference",
    "string-list",
]
FIELD_TYPES: tuple[str, ...] = (
    "string", "number", "integer", "boolean", "date", "datetime", "enum", "reference",
    "string-list",
)
CONSTRAINT_TYPES: tuple[str, ...] = ("required", "unique", "pattern", "min", "max", "length")
SHEET_CONSTRAINT_TYPES: tuple[str, ...] = ("unique",)


@dataclass(frozen=True)
class Constraint:
    """One rule on a field's value.

    ``type`` is one of ``required``, ``unique`` (``case_sensitive``), ``pattern``
    (``pattern``, optional ``message``), ``min`` and ``max`` (``value``) and ``length``
    (``min_length`` and/or ``max_length``, in characters, or items for a string-list).
    A sheet-level ``unique`` names its ``fields`` (a composite key).
    """

    type: str
    value: float | None = None
    pattern: str | None = None
    message: str | None = None
    case_sensitive: bool = True
    min_length: int | None = None
    max_length: int | None = None
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class Option:
    """One allowed value of an enum field, with the label people see."""

    value: str
    label: str


@dataclass(frozen=True)
class Reference:
    """Where a reference field points: a field of another sheet."""

    sheet: str
    field: str


@dataclass(frozen=True)
class Field:
    """One destination column."""

    key: str
    label: str
    type: str = "string"
    description: str = ""
    alternative_names: tuple[str, ...] = ()
    constraints: tuple[Constraint, ...] = ()
    options: tuple[Option, ...] = ()
    reference: Reference | None = None
    computed: str | None = None
    """A SQL expression over the sheet's other fields (``amount * quantity``), or a
    ``module:function`` hook taking the typed values frame; never mapped from source."""

    @property
    def is_computed(self) -> bool:
        return self.computed is not None

    @property
    def required(self) -> bool:
        return any(c.type == "required" for c in self.constraints)

    def constraint(self, kind: str) -> Constraint | None:
        return next((c for c in self.constraints if c.type == kind), None)


@dataclass(frozen=True)
class SheetSpec:
    """One destination sheet of a blueprint."""

    slug: str
    name: str
    fields: tuple[Field, ...]
    constraints: tuple[Constraint, ...] = ()

    def field(self, key: str) -> Field:
        for f in self.fields:
            if f.key == key:
                return f
        raise KeyError(key)

    @property
    def keys(self) -> list[str]:
        return [f.key for f in self.fields]

    def for_mapping(self) -> SheetSpec:
        """The sheet as the mapping step sees it: computed fields are never mapped."""
        if not any(f.is_computed for f in self.fields):
            return self
        sourced = tuple(f for f in self.fields if not f.is_computed)
        return SheetSpec(self.slug, self.name, sourced, self.constraints)


@dataclass(frozen=True)
class Blueprint:
    """A target schema: named sheets of typed fields."""

    name: str
    sheets: tuple[SheetSpec, ...]
    description: str = ""
    source: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def sheet(self, slug: str) -> SheetSpec:
        for s in self.sheets:
            if s.slug == slug:
                return s
        from feedline.errors import NotFound

        known = ", ".join(s.slug for s in self.sheets)
        raise NotFound(f"blueprint {self.name!r} has no sheet {slug!r} (sheets: {known})")
