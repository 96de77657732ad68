"""Logging for ``feedline serve`` and ``feedline worker``: a line per job and per request,
as text or as one JSON object per line (``FEEDLINE_LOG_FORMAT=json``) carrying the job,
file and space ids a log line was given. Secrets are never logged: keys, passwords and
destination secrets do not reach a log call."""

from __future__ import annotations

import json
import logging
import sys
import time
from typing import Any

from feedline.settings import Settings

CONTEXT = ("job", "file", "space", "sheet", "method", "path", "status", "duration_ms", "client")


class JsonFormatter(logging.Formatter):
    """``{"ts", "level", "logger", "message", "job", …}`` per line."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(), "logger": record.name,
            "message": record.getMessage(),
        }
        for key in CONTEXT:
            value = getattr(record, key, None)
            if value is not None:
                out[key] = value
        if record.exc_info:
            out["error"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False)


class TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        ids = " ".join(f"{k}={getattr(record, k)}" for k in ("job", "space", "file")
                       if getattr(record, k, None))
        return f"{line} [{ids}]" if ids else line


def formatter(settings: Settings) -> logging.Formatter:
    if settings.log_format == "json":
        return JsonFormatter()
    return TextFormatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s")


def configure(settings: Settings) -> None:
    """Send feedline's logs to stderr in the configured format and level."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter(settings))
    root = logging.getLogger("feedline")
    root.handlers[:] = [handler]
    root.setLevel(settings.log_level.upper())
    root.propagate = False


def uvicorn_config(settings: Settings) -> dict[str, Any]:
    """uvicorn's logging: errors through feedline's format; the access log is feedline's
    own middleware (``feedline.access``), one line per request with its duration."""
    kind = "feedline.logs.JsonFormatter" if settings.log_format == "json" else None
    fmt: dict[str, Any] = {"()": kind} if kind else {
        "format": "%(asctime)s %(levelname)-7s %(name)s: %(message)s"}
    return {
        "version": 1, "disable_existing_loggers": False,
        "formatters": {"default": fmt},
        "handlers": {"default": {"class": "logging.StreamHandler", "formatter": "default",
                                 "stream": "ext://sys.stderr"}},
        "loggers": {"uvicorn.error": {"handlers": ["default"], "level": settings.log_level.upper()},
                    "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False}},
    }
