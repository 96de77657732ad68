"""Mapping: Job Plans that map source columns (and enum values) onto a sheet.

``automap`` scores every (column, field) pair by name and values, assigns them one to
one, maps enum values and gates the plan; ``override`` applies a person's decisions;
``MappingMemory`` remembers executed plans; ``apply_plan`` reshapes the table.
"""

from __future__ import annotations

from feedline.mapping.apply import apply_plan
from feedline.mapping.automap import automap, override, patch
from feedline.mapping.enums import map_enum_values
from feedline.mapping.memory import MappingMemory
from feedline.mapping.plan import (
    ACCURACY,
    CERTAINTIES,
    NEW_VALUES,
    EnumValueMapping,
    FieldMapping,
    Plan,
    certainty_for,
    gate,
    review_items,
    unread,
)

__all__ = [
    "ACCURACY",
    "CERTAINTIES",
    "NEW_VALUES",
    "EnumValueMapping",
    "FieldMapping",
    "MappingMemory",
    "Plan",
    "apply_plan",
    "automap",
    "certainty_for",
    "gate",
    "map_enum_values",
    "override",
    "patch",
    "review_items",
    "unread",
]
