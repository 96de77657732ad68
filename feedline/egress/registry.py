"""Destination types by name, and the parser feed configs call for each destination."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from feedline.egress.base import Destination
from feedline.egress.file import FileDestination
from feedline.egress.secrets import SecretResolver
from feedline.egress.sql import SqlDestination
from feedline.egress.webhook import WebhookDestination
from feedline.errors import ConfigError

Parser = Callable[[dict[str, Any], str, SecretResolver], Destination]

REGISTRY: dict[str, Parser] = {
    "file": FileDestination.parse,
    "sql": SqlDestination.parse,
    "webhook": WebhookDestination.parse,
}


def register(type_name: str, parser: Parser) -> None:
    """Add (or replace) a destination type; ``parser(raw, where, secrets)`` checks its config."""
    REGISTRY[type_name] = parser


def parse_destination(raw: dict[str, Any], where: str,
                      secrets: SecretResolver | None = None) -> Destination:
    """A destination from its feed config; ConfigError with a one-line reason otherwise.

    ``where`` prefixes every message (``destination #2``). Secret references resolve
    through ``secrets`` (environment variables and files by default).
    """
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: expected a mapping with a 'type'")
    kind = raw.get("type")
    parser = REGISTRY.get(kind) if isinstance(kind, str) else None
    if parser is None:
        raise ConfigError(f"{where}: type must be one of {', '.join(sorted(REGISTRY))}")
    return parser(raw, where, secrets if secrets is not None else SecretResolver())
