"""The store: SQLAlchemy Core on SQLite (default) or PostgreSQL."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from feedline.store.db import new_id, now, open_engine, reading, writing

if TYPE_CHECKING:
    from feedline.store.migrations import current_revision, head, migrate

_MIGRATIONS = ("current_revision", "head", "migrate")  # alembic loads on first use


def __getattr__(name: str) -> Any:
    if name in _MIGRATIONS:
        return getattr(import_module("feedline.store.migrations"), name)
    raise AttributeError(f"module 'feedline.store' has no attribute {name!r}")


__all__ = ["current_revision", "head", "migrate", "new_id", "now", "open_engine", "reading",
           "writing"]
