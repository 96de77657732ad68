"""The store: SQLAlchemy Core on SQLite (default) or PostgreSQL."""

from feedline.store.db import new_id, now, open_engine
from feedline.store.migrations import MIGRATIONS, current_version, migrate

__all__ = ["MIGRATIONS", "current_version", "migrate", "new_id", "now", "open_engine"]
