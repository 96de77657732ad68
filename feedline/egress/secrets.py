"""Secrets in feed config: ``${env:NAME}`` and ``${file:/path}`` references.

A destination's password, key or webhook secret is written in the feed as a reference,
resolved when the destination is parsed, and never shown again: ``describe()`` keeps the
reference (or ``***`` for a value typed in clear), and :meth:`SecretResolver.scrub`
removes every resolved value from a text before it goes into an error message.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

from feedline.errors import ConfigError

REFERENCE = re.compile(r"\$\{(env|file):([^}]*)\}")
ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
REDACTED = "***"


class SecretResolver:
    """Resolves secret references; remembers what it resolved so it can scrub texts.

    Args:
        env: the variables ``${env:NAME}`` reads (``os.environ`` by default).
        base: the folder a relative ``${file:...}`` path is read from.
    """

    def __init__(self, env: Mapping[str, str] | None = None, base: Path | None = None) -> None:
        self._env = env if env is not None else os.environ
        self._base = base
        self._values: set[str] = set()

    def resolve(self, text: str, where: str) -> str:
        """``text`` with every reference replaced by its value (ConfigError if one is missing)."""

        def one(match: re.Match[str]) -> str:
            kind, name = match.group(1), match.group(2).strip()
            return self._env_value(name, where) if kind == "env" else self._file_value(name, where)

        return REFERENCE.sub(one, text)

    def secret(self, text: str, where: str) -> str:
        """Resolve ``text`` and remember it as secret even when it was typed in clear."""
        value = self.resolve(text, where)
        self.remember(value)
        return value

    def remember(self, value: str) -> None:
        """Treat ``value`` as secret (e.g. the password part of a database URL)."""
        if value:
            self._values.add(value)

    def scrub(self, text: str) -> str:
        """``text`` with every secret value this resolver handed out replaced by ``***``."""
        for value in sorted(self._values, key=len, reverse=True):
            text = text.replace(value, REDACTED)
        return text

    def _env_value(self, name: str, where: str) -> str:
        if not ENV_NAME.match(name):
            raise ConfigError(f"{where}: ${{env:{name}}} is not a valid variable name")
        value = self._env.get(name)
        if value is None:
            raise ConfigError(f"{where}: environment variable {name} is not set")
        return value

    def _file_value(self, name: str, where: str) -> str:
        path = Path(name).expanduser()
        if not path.is_absolute() and self._base is not None:
            path = self._base / path
        try:
            return path.read_text(encoding="utf-8").rstrip("\r\n")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "unreadable"
            raise ConfigError(f"{where}: secret file {path} cannot be read ({reason})") from None


def shown(raw: str) -> str:
    """How a secret setting appears in ``describe()``: a bare reference as written
    (it names a variable or file, not the value), anything else as ``***``."""
    if raw and REFERENCE.sub("", raw) == "":
        return raw
    return REDACTED if raw else raw
