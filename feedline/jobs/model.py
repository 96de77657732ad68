"""Job states and the job record."""

from __future__ import annotations

from enum import StrEnum


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
