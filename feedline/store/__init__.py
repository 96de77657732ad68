"""The store: SQLAlchemy Core on SQLite (default) or PostgreSQL."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from feedline.store.db import new_id, now, open_engine, reading, writing
    from feedline.store.migrations import current_revision, head, migrate

# SQLAlchemy and alembic load on first use: the store's models (feedline.store.models)
# serve ``feedline run``, which has no database.
_LAZY = {"current_revision": "migrations", "head": "migrations", "migrate": "migrations",
         "new_id": "db", "now": "db", "open_engine": "db", "reading": "db", "writing": "db"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(f"feedline.store.{_LAZY[name]}"), name)
    raise AttributeError(f"module 'feedline.store' has no attribute {name!r}")


__all__ = ["current_revision", "head", "migrate", "new_id", "now", "open_engine", "reading",
           "writing"]
