"""Every error feedline raises on purpose.

The tree::

    FeedlineError                 root; ``str(err)`` is a one-line reason for a person
    ├── TerminalError             retrying cannot help (bad input, bad config)
    │   ├── ConfigError           a settings or feed-config problem
    │   ├── BlueprintError        a malformed blueprint (names sheet, field and problem)
    │   ├── ExtractError          a file that cannot be read as a table
    │   │   └── UnsupportedFormat a file whose format feedline does not read
    │   ├── MappingError          a plan that does not fit its sheet
    │   ├── NotFound              a resource that does not exist
    │   └── Conflict              an operation that clashes with the resource's state
    └── TransientError            retrying may help (a database or destination hiccup)

The job queue retries only :class:`TransientError`; every other failure ends the job
with its message as the reason. Validation problems are never exceptions: they are cell
messages stored with the records.
"""

from __future__ import annotations


class FeedlineError(Exception):
    """Something went wrong in feedline."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or (self.__doc__ or "").strip())

    @property
    def message(self) -> str:
        return str(self)


class TerminalError(FeedlineError):
    """This failure will not go away by retrying."""


class TransientError(FeedlineError):
    """A temporary failure; the job will be retried."""


class ConfigError(TerminalError):
    """The configuration is invalid."""


class BlueprintError(TerminalError):
    """The blueprint is invalid."""


class ExtractError(TerminalError):
    """The file could not be read as a table."""


class UnsupportedFormat(ExtractError):
    """The file's format is not supported."""


class MappingError(TerminalError):
    """The plan does not fit its destination sheet."""


class NotFound(TerminalError):
    """The resource does not exist."""


class Conflict(TerminalError):
    """The operation conflicts with the current state."""


__all__ = [
    "BlueprintError",
    "ConfigError",
    "Conflict",
    "ExtractError",
    "FeedlineError",
    "MappingError",
    "NotFound",
    "TerminalError",
    "TransientError",
    "UnsupportedFormat",
]
