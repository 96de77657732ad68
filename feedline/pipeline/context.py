"""The narrow context every pipeline step runs in: the store, the blob store, events."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from feedline.blobs import Blobs
from feedline.events.log import emit
from feedline.extract import Limits
from feedline.settings import Settings
from feedline.store.db import reading, writing


@dataclass(frozen=True)
class Context:
    """What a step may touch. Built once by :class:`feedline.app.Feedline` (or by
    ``feedline run`` around a temporary folder) and handed to every step."""

    engine: sa.Engine
    blobs: Blobs
    settings: Settings
    environment_id: str

    @contextmanager
    def read(self) -> Iterator[sa.Connection]:
        with reading(self.engine) as conn:
            yield conn

    @contextmanager
    def write(self) -> Iterator[sa.Connection]:
        with writing(self.engine) as conn:
            yield conn

    def emit(self, conn: sa.Connection, topic: str, context: dict[str, str | None],
             payload: dict[str, Any] | None = None) -> int:
        """Append an event in ``conn``'s transaction (delivered once it commits)."""
        return emit(conn, topic, {"environment": self.environment_id, **context}, payload)

    @property
    def limits(self) -> Limits:
        return limits(self.settings)


def limits(st: Settings) -> Limits:
    """Extraction limits from the settings."""
    return Limits(
        max_file_bytes=st.extract_max_file_bytes, max_rows=st.extract_max_rows,
        max_columns=st.extract_max_columns, max_cell_chars=st.extract_max_cell_chars,
        max_archive_members=st.extract_max_archive_members,
        max_uncompressed_bytes=st.extract_max_uncompressed_bytes,
        max_compression_ratio=st.extract_max_compression_ratio,
    )
