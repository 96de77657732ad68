"""The ``notify:`` section of a feed config.

    notify:
      on: [needs-review, invalid, failed, delivered]   # which happenings (default: all)
      link_base: https://feedline.example.com          # where the UI is reached (optional)
      link_ttl: 7d                                     # how long a link opens its space
      channels:
        - name: ops-slack
          type: webhook
          url: ${env:SLACK_WEBHOOK_URL}
          secret: ${env:NOTIFY_SECRET}                 # HMAC-SHA256 of the body
          on: [needs-review, failed]                   # optional: narrower than the feed's
        - name: data-team
          type: email
          to: [data-team@example.com]
          from: feedline@example.com
          host: smtp.example.com
          port: 587
          starttls: true
          username: ${env:SMTP_USER}
          password: ${env:SMTP_PASSWORD}
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from feedline.errors import ConfigError

KINDS = ("needs-review", "invalid", "failed", "delivered")
"""``needs-review``: a plan waits for a person; ``invalid``: invalid records are held;
``failed``: a job failed; ``delivered``: a delivery (egress) completed."""

_NAME = re.compile(r"[A-Za-z0-9_.-]{1,100}")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")
_CHANNEL_KEYS = {
    "webhook": {"name", "type", "on", "url", "secret", "timeout", "attempts"},
    "email": {"name", "type", "on", "to", "from", "host", "port", "starttls", "ssl",
              "username", "password", "timeout", "attempts"},
}


@dataclass(frozen=True)
class Channel:
    """One place notifications go: ``type`` webhook (``url``, ``secret``) or email
    (``to``, ``sender``, ``host``, ``port``, TLS and login)."""

    name: str
    type: str
    kinds: tuple[str, ...] = KINDS
    url: str | None = None
    secret: str | None = field(default=None, repr=False)
    to: tuple[str, ...] = ()
    sender: str = "feedline@localhost"
    host: str = "localhost"
    port: int = 25
    starttls: bool = False
    ssl: bool = False
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout: float = 10.0
    attempts: int = 5
    """How many times a message is tried before it is logged as failed for good."""


@dataclass(frozen=True)
class Notify:
    """Which happenings a feed reports, where, and how its links look."""

    kinds: tuple[str, ...] = KINDS
    channels: tuple[Channel, ...] = ()
    link_base: str | None = None
    link_ttl_seconds: float = 7 * 86400

    def channels_for(self, kind: str) -> list[Channel]:
        """The channels that report ``kind``."""
        if kind not in self.kinds:
            return []
        return [c for c in self.channels if kind in c.kinds]

    def channel(self, name: str) -> Channel | None:
        return next((c for c in self.channels if c.name == name), None)


def _kinds(raw: Any, where: str, default: tuple[str, ...]) -> tuple[str, ...]:
    if raw is None:
        return default
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not raw or not all(k in KINDS for k in raw):
        raise ConfigError(f"{where}: 'on' must list some of {', '.join(KINDS)}")
    return tuple(dict.fromkeys(raw))


def parse_notify(raw: Any, where: str, resolve: Callable[[str, str], str],
                 duration: Callable[[Any, str], float]) -> Notify | None:
    """The ``notify`` section (None when absent); ``resolve(text, where)`` expands secret
    references, ``duration(value, where)`` reads ``7d``-style durations."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: 'notify' must be a mapping")
    unknown = sorted(set(raw) - {"on", "channels", "link_base", "link_ttl"})
    if unknown:
        raise ConfigError(f"{where}: notify has an unknown setting {unknown[0]!r}")
    kinds = _kinds(raw.get("on"), f"{where}: notify", KINDS)
    base = raw.get("link_base")
    if base is not None:
        base = resolve(str(base), f"{where}: notify.link_base").rstrip("/")
        if not re.match(r"^https?://[^\s/]+", base):
            raise ConfigError(f"{where}: notify.link_base must be an http(s) URL (got {base!r})")
    ttl = duration(raw.get("link_ttl", "7d"), f"{where}: notify.link_ttl")
    if ttl <= 0:
        raise ConfigError(f"{where}: notify.link_ttl must be more than zero")
    channels: list[Channel] = []
    items = raw.get("channels") or []
    if not isinstance(items, list) or not items:
        raise ConfigError(f"{where}: notify.channels must list at least one channel")
    for i, item in enumerate(items):
        channel = _channel(item, f"{where}: notify channel #{i + 1}", kinds, resolve)
        if any(c.name == channel.name for c in channels):
            raise ConfigError(f"{where}: two notify channels are named {channel.name!r}")
        channels.append(channel)
    return Notify(kinds=kinds, channels=tuple(channels), link_base=base, link_ttl_seconds=ttl)


def _channel(raw: Any, where: str, kinds: tuple[str, ...],
             resolve: Callable[[str, str], str]) -> Channel:
    if not isinstance(raw, dict) or raw.get("type") not in _CHANNEL_KEYS:
        raise ConfigError(f"{where}: expected a mapping with type webhook or email")
    kind = raw["type"]
    unknown = sorted(set(raw) - _CHANNEL_KEYS[kind])
    if unknown:
        raise ConfigError(f"{where}: a {kind} channel has no setting {unknown[0]!r}")
    name = raw.get("name") or f"{kind}-{where.rsplit('#', 1)[-1]}"
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise ConfigError(f"{where}: name must be letters, digits, '-', '_' or '.'")
    timeout, attempts = raw.get("timeout", 10), raw.get("attempts", 5)
    if not isinstance(timeout, int | float) or isinstance(timeout, bool) or timeout <= 0:
        raise ConfigError(f"{where}: timeout must be a number of seconds")
    if not isinstance(attempts, int) or isinstance(attempts, bool) or not 1 <= attempts <= 50:
        raise ConfigError(f"{where}: attempts must be an integer from 1 to 50")
    common: dict[str, Any] = {"name": name, "type": kind, "timeout": float(timeout),
                              "attempts": attempts,
                              "kinds": tuple(k for k in _kinds(raw.get("on"), where, kinds))}

    def text(key: str) -> str | None:
        value = raw.get(key)
        if value is None:
            return None
        if not isinstance(value, str | int) or isinstance(value, bool):
            raise ConfigError(f"{where}: {key} must be a string")
        return resolve(str(value), f"{where}: {key}")

    if kind == "webhook":
        url = text("url")
        if not url or not re.match(r"^https?://[^\s/]+", url):
            raise ConfigError(f"{where}: a webhook channel needs an http(s) url")
        return Channel(url=url, secret=text("secret"), **common)
    to = raw.get("to")
    to = [to] if isinstance(to, str) else to
    if not isinstance(to, list) or not to:
        raise ConfigError(f"{where}: an email channel needs 'to' (one address or a list)")
    addresses = tuple(resolve(str(a), f"{where}: to") for a in to)
    sender = text("from") or "feedline@localhost"
    for address in (*addresses, sender):
        if not _EMAIL.match(address):
            raise ConfigError(f"{where}: {address!r} is not an email address")
    host = text("host") or "localhost"
    port = raw.get("port", 25)
    if not isinstance(port, int) or isinstance(port, bool) or not 0 < port < 65536:
        raise ConfigError(f"{where}: port must be an integer from 1 to 65535")
    starttls, ssl = raw.get("starttls", False), raw.get("ssl", False)
    if not isinstance(starttls, bool) or not isinstance(ssl, bool) or (starttls and ssl):
        raise ConfigError(f"{where}: set at most one of starttls and ssl to true")
    return Channel(to=addresses, sender=sender, host=host, port=port, starttls=starttls, ssl=ssl,
                   username=text("username"), password=text("password"), **common)
