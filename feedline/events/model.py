"""The event envelope and the built-in topics."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

FILE_CREATED = "file:created"
SPACE_CREATED = "space:created"
WORKBOOK_CREATED = "workbook:created"
JOB_CREATED = "job:created"
JOB_READY = "job:ready"
JOB_COMPLETED = "job:completed"
JOB_FAILED = "job:failed"
JOB_NEEDS_REVIEW = "job:needs-review"
RECORDS_CREATED = "records:created"
RECORDS_UPDATED = "records:updated"
EGRESS_COMPLETED = "egress:completed"

CONTEXT_KEYS = ("environment", "space", "workbook", "sheet", "file", "job")


@dataclass(frozen=True)
class Event:
    """One entry of the durable event log."""

    id: int
    topic: str
    context: dict[str, str | None]
    payload: dict[str, Any] = field(default_factory=dict)
    created_at: str | None = None

    def matches(self, topic: str, filter: dict[str, Any] | None) -> bool:
        """True when ``topic`` (``*`` suffix allowed) and every ``filter`` item match.

        A filter key is looked up in the payload, then the context; the key ``job``
        compares with the job's operation (``{"job": "extract"}``). A list value matches
        any of its items.
        """
        if topic.endswith("*"):
            if not self.topic.startswith(topic[:-1]):
                return False
        elif topic != self.topic:
            return False
        for key, expected in (filter or {}).items():
            actual = self.payload.get("operation") if key == "job" else self.payload.get(
                key, self.context.get(key))
            options = expected if isinstance(expected, list | tuple | set) else [expected]
            if actual not in options:
                return False
        return True

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "topic": self.topic, "context": self.context,
                "payload": self.payload, "created_at": self.created_at}
