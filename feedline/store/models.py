"""Typed, frozen models of the stored resources (what the store returns and the API shows)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class Space(Model):
    """One feed's home for one sender (partner)."""

    id: str
    environment_id: str
    name: str
    feed: str
    metadata: dict[str, Any] = Field(default_factory=dict)
    created_at: str | None = None
    updated_at: str | None = None


class File(Model):
    """A delivered file: its bytes stay untouched in the blob store."""

    id: str
    space_id: str
    name: str
    size: int
    sha256: str
    content_type: str | None = None
    mode: str = "import"
    status: str
    error: str | None = None
    parent_id: str | None = None
    created_at: str | None = None
    updated_at: str | None = None
    blob_key: str = Field(default="", exclude=True)


class Sheet(Model):
    """A sheet of a workbook: extracted source data (``blob_key``) or destination records
    (Parquet segment ``segment_version`` plus edits)."""

    id: str
    workbook_id: str
    slug: str
    name: str
    columns: list[str]
    row_count: int
    metadata: dict[str, Any] = Field(default_factory=dict)
    created_at: str | None = None
    blob_key: str | None = Field(default=None, exclude=True)
    segment_version: int = Field(default=0, exclude=True)
    next_id: int = Field(default=1, exclude=True)


class Workbook(Model):
    """The sheets extracted from one file (``source``) or mapped from one (``destination``)."""

    id: str
    space_id: str
    file_id: str | None
    kind: str
    name: str
    metadata: dict[str, Any] = Field(default_factory=dict)
    created_at: str | None = None
    sheets: list[Sheet] = Field(default_factory=list)


class Segment(Model):
    """One version of a destination sheet's records: Parquet parts under ``prefix``."""

    sheet_id: str
    version: int
    prefix: str
    parts: int
    rows: int
    compacted_seq: int
