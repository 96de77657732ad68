"""Job states and the job record."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Status(StrEnum):
    """``created → ready → executing → complete | failed | canceled``; ``needs_review`` for a
    map job whose plan waits on a person."""

    CREATED = "created"
    READY = "ready"
    EXECUTING = "executing"
    COMPLETE = "complete"
    FAILED = "failed"
    CANCELED = "canceled"
    NEEDS_REVIEW = "needs_review"


FINAL = {Status.COMPLETE, Status.FAILED, Status.CANCELED}

# Which moves a person (through the API) may make.
TRANSITIONS: dict[Status, set[Status]] = {
    Status.CREATED: {Status.READY, Status.CANCELED},
    Status.READY: {Status.EXECUTING, Status.CANCELED},
    Status.EXECUTING: {Status.COMPLETE, Status.FAILED, Status.NEEDS_REVIEW, Status.READY, Status.CANCELED},
    Status.NEEDS_REVIEW: {Status.READY, Status.CANCELED},
    Status.COMPLETE: set(),
    Status.FAILED: set(),
    Status.CANCELED: set(),
}


class NeedsReview(Exception):
    """Raised by an executor to park its job for a person, with an outcome saying why."""

    def __init__(self, outcome: dict[str, Any]) -> None:
        super().__init__(outcome.get("message", "needs review"))
        self.outcome = outcome


class Canceled(Exception):
    """The job was canceled (or taken over) while it ran: its executor stops here."""


class Defer(Exception):
    """Raised by an executor that cannot run yet (another job holds what it needs): the
    job goes back to the queue for ``seconds`` without spending an attempt."""

    def __init__(self, seconds: float, reason: str) -> None:
        super().__init__(reason)
        self.seconds, self.reason = seconds, reason


class Job(BaseModel):
    """One piece of asynchronous work (``extract``, ``map``, ``egress`` or a custom one)."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    id: str
    environment_id: str
    space_id: str | None = None
    file_id: str | None = None
    operation: str
    status: Status
    progress: float = 0.0
    info: str | None = None
    input: dict[str, Any] = Field(default_factory=dict)
    outcome: dict[str, Any] | None = None
    attempts: int = 0
    max_attempts: int = 3
    created_at: str | None = None
    updated_at: str | None = None
    lease_expires_at: str | None = None
    lease_owner: str | None = None
    worker: str | None = None
    """``host:pid`` of the worker process that ran the job's last attempt."""

    @property
    def final(self) -> bool:
        return self.status in FINAL
