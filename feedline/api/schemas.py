"""The HTTP contract: a pydantic model for every request body and every response.

Resources reuse the store's own models (:mod:`feedline.store.models`,
:class:`feedline.jobs.model.Job`); lists are :class:`Page` (``data`` and an opaque
``next_cursor`` to pass back as ``cursor``); errors are :class:`ErrorBody`.
"""

from __future__ import annotations

from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from feedline.jobs.model import Job
from feedline.store.models import File, Sheet, Space, Workbook

T = TypeVar("T")


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain a NUL character")
    return value


Text = Annotated[str, AfterValidator(_no_nul)]
"""A name or label a person sends: any text but NUL, which no database column holds."""


class Strict(BaseModel):
    """A request body: unknown keys are refused (a typo is an error, not ignored)."""

    model_config = ConfigDict(extra="forbid", strict=True)


class Page(BaseModel, Generic[T]):
    """One page of a list; ``next_cursor`` is None on the last page."""

    data: list[T]
    next_cursor: str | None = None


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable kebab-case code: unauthorized, not-found, conflict, "
                                  "too-large, invalid-request, invalid-plan, invalid, …")
    message: str = Field(description="One line for a person.")


class ErrorBody(BaseModel):
    """Every error: ``{"error": {"code", "message"}}``."""

    error: ErrorDetail


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "The body is not valid JSON."},
    401: {"model": ErrorBody, "description": "Missing, unknown or revoked API key."},
    404: {"model": ErrorBody, "description": "No such resource in your environment."},
    409: {"model": ErrorBody, "description": "The resource's state does not allow it."},
    413: {"model": ErrorBody, "description": "The upload is larger than the limit."},
    422: {"model": ErrorBody, "description": "The request is not valid."},
    503: {"model": ErrorBody, "description": "The database is unavailable; retry."},
}


# -- spaces, files, workbooks ---------------------------------------------------------------

class SpaceIn(Strict):
    name: Text = Field(min_length=1, max_length=200)
    feed: Text = Field(min_length=1, max_length=200)


class FileOut(File):
    duplicate: bool = Field(False, description="The same bytes were already delivered to this "
                                               "space (and were not processed again).")


class SheetOut(Sheet):
    counts: dict[str, int] = Field(default_factory=dict, description="total, valid, invalid")
    messages: dict[str, dict[str, Any]] = Field(
        default_factory=dict, description="Message counts by field, type and level.")


class ExtractIn(Strict):
    header_row: int | None = Field(None, ge=0, le=1_000_000)
    sheet_name: Text | None = Field(None, min_length=1, max_length=500)
    record_path: Text | None = Field(None, min_length=1, max_length=500)


# -- plans --------------------------------------------------------------------------------

class FieldMapping(BaseModel):
    source: str
    destination: str | None
    confidence: float
    certainty: Literal["absolute", "strong", "moderate", "weak"]
    reason: str
    reason_code: str


class EnumValue(BaseModel):
    value: str
    option: str | None
    count: int
    confidence: float
    reason: str


class PlanOut(BaseModel):
    """A map job's plan: where each source column goes and why, enum value mappings."""

    model_config = ConfigDict(extra="allow")

    job_id: str
    sheet: str
    fields: list[FieldMapping]
    enums: dict[str, list[EnumValue]] = Field(default_factory=dict)
    taught: dict[str, dict[str, str | None]] = Field(
        default_factory=dict, description="Enum decisions for values not in this file.")
    unmapped_source: list[str] = Field(default_factory=list)
    unmapped_destination: list[dict[str, Any]] = Field(default_factory=list)
    auto_accept: bool = False
    review_reasons: list[str] = Field(default_factory=list)
    drift: dict[str, Any] | None = None
    state: str | None = None
    accepted_by: str | None = None


class FieldDecision(Strict):
    source: Text = Field(min_length=1, max_length=1000)
    destination: Text | None = Field(None, max_length=200)


class PlanEdit(Strict):
    """A person's decisions: columns (``fields``) and enum values (``enums``: {field:
    {source value: option or null}}; values not in this file are kept for later)."""

    fields: list[FieldDecision] | None = None
    enums: dict[str, dict[str, str | None]] = Field(default_factory=dict)


class ExecuteIn(Strict):
    allow_missing_required: bool = Field(
        False, description="Run a plan that leaves required fields unmapped; each record then "
                           "carries the `required` error.")


class LatestPlan(PlanOut):
    job_status: str
    updated_at: str | None = None


# -- records ------------------------------------------------------------------------------

class Message(BaseModel):
    field: str | None
    type: str
    level: Literal["error", "warn", "info"]
    message: str


class Record(BaseModel):
    id: int
    row: int
    values: dict[str, Any]
    messages: list[Message]
    valid: bool
    version: int


class RecordEdit(Strict):
    id: int = Field(ge=1, le=2**62)
    values: dict[str, Any]


class RecordNew(Strict):
    values: dict[str, Any]


class Edited(BaseModel):
    data: list[Record]
    revalidated: list[int] = Field(description="Other records whose messages changed.")
    counts: dict[str, Any]
    hook_failures: list[dict[str, Any]] = Field(default_factory=list)
    deleted: list[int] = Field(default_factory=list)
    taught: dict[str, dict[str, str]] = Field(
        default_factory=dict,
        description="Enum values this edit fixed, {field: {the partner's text: option}}: "
                    "mapping memory keeps them for the next deliveries of this space.")


class Version(BaseModel):
    version: int
    change: str
    actor: str
    old_values: dict[str, Any] | None
    new_values: dict[str, Any] | None
    old_valid: bool | None
    changed_at: str | None


class VersionList(BaseModel):
    data: list[Version]


# -- egress -------------------------------------------------------------------------------

class EgressIn(Strict):
    full: bool = Field(False, description="Send every record again, not only what is new.")
    destinations: list[str] | None = Field(None, description="Only these destinations.")


class EgressRun(BaseModel):
    id: str
    destination: str
    status: str
    full: bool
    from_seq: int
    upto_seq: int
    segment_version: int
    job_id: str | None
    sent: int
    held: int
    report: dict[str, Any] | None
    error: str | None
    created_at: str | None
    finished_at: str | None


class Delivered(BaseModel):
    destination: str
    run_id: str
    version: int
    delivered_at: str | None


class DeliveredList(BaseModel):
    data: list[Delivered]


class DeadLetter(BaseModel):
    id: int
    space_id: str
    sheet_id: str
    run_id: str
    destination: str
    batch: int
    idempotency_key: str
    records: int
    error: str
    bytes: int
    created_at: str | None
    payload: str | None = None


# -- events, memory, keys -----------------------------------------------------------------

class EventOut(BaseModel):
    id: int
    topic: str
    context: dict[str, str | None]
    payload: dict[str, Any]
    created_at: str | None


class MemoryEntry(BaseModel):
    model_config = ConfigDict(extra="allow")

    space: str
    sheet: str


class Forgotten(BaseModel):
    forgotten: int


class KeyIn(Strict):
    name: Text = Field("", max_length=200)


class KeyOut(BaseModel):
    id: str
    environment_id: str
    name: str
    prefix: str
    source: str
    created_at: str | None
    revoked_at: str | None
    last_used_at: str | None


class NewKey(KeyOut):
    key: str = Field(description="The key itself: shown this once, only its hash is kept.")


class Health(BaseModel):
    status: str
    version: str
    checks: dict[str, str] = Field(default_factory=dict)


__all__ = [
    "ERRORS",
    "DeadLetter",
    "Delivered",
    "DeliveredList",
    "Edited",
    "EgressIn",
    "EgressRun",
    "ErrorBody",
    "EventOut",
    "ExecuteIn",
    "ExtractIn",
    "FileOut",
    "Forgotten",
    "Health",
    "Job",
    "KeyIn",
    "KeyOut",
    "LatestPlan",
    "MemoryEntry",
    "NewKey",
    "Page",
    "PlanEdit",
    "PlanOut",
    "Record",
    "RecordEdit",
    "RecordNew",
    "SheetOut",
    "Space",
    "SpaceIn",
    "Version",
    "VersionList",
    "Workbook",
]
