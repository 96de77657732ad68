"""The store: SQLAlchemy Core on SQLite (default) or PostgreSQL."""

from feedline.store.db import new_id, now, open_engine, reading, writing
from feedline.store.migrations import current_revision, head, migrate

__all__ = ["current_revision", "head", "migrate", "new_id", "now", "open_engine", "reading",
           "writing"]
