"""Blueprints: the target schema feeds map onto."""

from feedline.blueprint.loader import load_blueprint, parse_blueprint
from feedline.blueprint.model import Blueprint, Constraint, Field, Option, Reference, SheetSpec

__all__ = [
    "Blueprint",
    "Constraint",
    "Field",
    "Option",
    "Reference",
    "SheetSpec",
    "load_blueprint",
    "parse_blueprint",
]
