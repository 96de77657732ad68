"""Events: topics, the envelope and the durable log."""

from feedline.events.log import emit, read
from feedline.events.model import Event

__all__ = ["Event", "emit", "read"]
