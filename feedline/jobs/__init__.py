"""Jobs: states, the leased queue and the worker."""

from feedline.jobs.model import Status

__all__ = ["Status"]
