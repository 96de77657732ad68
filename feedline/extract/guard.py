"""Every failure of a parser as one line for a person, and the traceback for the logs.

The parsers are written for hostile input and raise :class:`~feedline.errors.ExtractError`
with a reason; whatever else escapes them (a ``RecursionError`` from a deeply nested
document, ``MemoryError``, a Polars, calamine or XML error, ``UnicodeError``,
``zipfile.BadZipFile``, ``struct.error``, a Rust panic…) is turned into an
``ExtractError`` naming the format, so the CLI prints one line and a job fails with a
reason instead of leaving its file ``extracting``. The traceback goes to the
``feedline.extract`` logger: a real bug stays visible.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from polars.exceptions import PanicException

from feedline.errors import ExtractError, FeedlineError

log = logging.getLogger("feedline.extract")


@contextmanager
def reading(label: str) -> Iterator[None]:
    """Run a parser of ``label`` (``JSON``, ``an Excel workbook``…), its unexpected
    failures becoming one-line :class:`~feedline.errors.ExtractError` reasons."""
    try:
        yield
    except FeedlineError:
        raise
    except RecursionError:
        log.debug("recursion limit reading %s", label, exc_info=True)
        raise ExtractError(f"could not read the file as {label}: it is nested too deeply "
                           "to read") from None
    except MemoryError:
        log.warning("out of memory reading %s", label, exc_info=True)
        raise ExtractError(f"could not read the file as {label}: it needs more memory than "
                           "is available") from None
    except (Exception, PanicException) as exc:
        log.warning("unexpected failure reading %s", label, exc_info=True)
        raise ExtractError(f"could not read the file as {label}: {describe(exc)}") from None


def describe(exc: BaseException) -> str:
    """An exception as one short line: its type and the first line of its message."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    text = " ".join(lines[0].split())[:200] if lines else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
