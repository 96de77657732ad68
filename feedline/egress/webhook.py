"""The webhook destination: signed JSON batches, retried, with an idempotency key each.

    - type: webhook
      url: https://partner.example/feedline
      secret: ${env:PARTNER_HOOK_SECRET}
      batch_size: 1000                      # records per request
      timeout: 30                           # seconds per attempt
      max_attempts: 5                       # then the batch goes to the dead letters
      backoff: 1.0                          # first wait in seconds, doubled each attempt
      max_backoff: 60

Batch ``i`` holds records ``i*batch_size …`` of the run, so the same input gives the same
batches and bodies; its key is ``<run_id>-<i>``. Acknowledged batches are kept in the run
state, so a retried run sends only what was not acknowledged, with the same keys.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from typing import Any, ClassVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx
import polars as pl

from feedline.egress import frames, signing
from feedline.egress.base import Delivery, RunInfo, check_batch, reserved_keys
from feedline.egress.secrets import REDACTED, SecretResolver, shown
from feedline.errors import ConfigError

KEYS = {"type", "url", "secret", "batch_size", "timeout", "max_attempts", "backoff",
        "max_backoff"}
RETRY_STATUS = frozenset({408, 429})
NUMBERS: dict[str, tuple[type, float, float, float]] = {
    # name: (type, default, lowest, highest)
    "batch_size": (int, 1000, 1, 100_000),
    "timeout": (float, 30.0, 0.001, 3600),
    "max_attempts": (int, 5, 1, 100),
    "backoff": (float, 1.0, 0.0, 3600),
    "max_backoff": (float, 60.0, 0.0, 86400),
}


@dataclass(frozen=True)
class WebhookDestination:
    """A configured webhook destination (see the module docstring)."""

    type: ClassVar[str] = "webhook"
    url: str = field(repr=False)
    secret: str = field(repr=False)
    shown_url: str
    shown_secret: str
    batch_size: int = 1000
    timeout: float = 30.0
    max_attempts: int = 5
    backoff: float = 1.0
    max_backoff: float = 60.0
    secrets: SecretResolver = field(default_factory=SecretResolver, repr=False, compare=False)

    @classmethod
    def parse(cls, raw: dict[str, Any], where: str, secrets: SecretResolver) -> WebhookDestination:
        """Check a ``{type: webhook, …}`` config."""
        unknown = sorted(set(raw) - KEYS)
        if unknown:
            raise ConfigError(f"{where}: unknown setting {unknown[0]!r} (known: "
                              f"{', '.join(sorted(KEYS))})")
        url_raw = raw.get("url")
        if not isinstance(url_raw, str) or not url_raw.strip():
            raise ConfigError(f"{where}: 'url' must be an http(s) URL")
        url = secrets.resolve(url_raw.strip(), f"{where}: url")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigError(f"{where}: 'url' must be an http(s) URL")
        if parts.password:
            secrets.remember(parts.password)
        for _, value in parse_qsl(parts.query):
            secrets.remember(value)  # a token in the query string is a secret too
        secret_raw = raw.get("secret")
        if not isinstance(secret_raw, str) or not secret_raw:
            raise ConfigError(f"{where}: 'secret' is required to sign batches "
                              "(e.g. secret: ${env:HOOK_SECRET})")
        secret = secrets.secret(secret_raw, f"{where}: secret")
        if not secret:
            raise ConfigError(f"{where}: 'secret' resolves to an empty value")
        numbers: dict[str, Any] = {}
        for name, (kind, default, low, high) in NUMBERS.items():
            value = raw.get(name, default)
            if isinstance(value, bool) or not isinstance(value, int | float) or \
                    (kind is int and not float(value).is_integer()) or not low <= value <= high:
                raise ConfigError(f"{where}: {name} must be a{'n integer' if kind is int else ' number'}"
                                  f" from {low:g} to {high:g}")
            numbers[name] = kind(value)
        return cls(url=url, secret=secret, shown_url=redact_url(url), shown_secret=shown(secret_raw),
                   secrets=secrets, **numbers)

    def describe(self) -> dict[str, Any]:
        return {"type": "webhook", "url": self.shown_url, "secret": self.shown_secret,
                "batch_size": self.batch_size, "timeout": self.timeout,
                "max_attempts": self.max_attempts, "backoff": self.backoff,
                "max_backoff": self.max_backoff}

    def fingerprint(self) -> str:
        """Names this destination's keys in the run state: what decides a batch's contents
        (the receiver and the batch size), not timeouts or retry settings."""
        return hashlib.sha256(f"{self.shown_url}|{self.batch_size}".encode()).hexdigest()[:12]

    def open(self, run: RunInfo) -> WebhookRun:
        reserved_keys(run)
        return WebhookRun(self, run)


def redact_url(url: str) -> str:
    """``url`` without a password or query values."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if parts.password:
        netloc = netloc.replace(f":{parts.password}@", f":{REDACTED}@")
    query = urlencode([(k, REDACTED) for k, _ in parse_qsl(parts.query)], safe="*")
    return urlunsplit((parts.scheme, netloc, parts.path, query, ""))


class WebhookRun:
    """One run's batches to the receiver (see the module docstring)."""

    def __init__(self, dest: WebhookDestination, run: RunInfo) -> None:
        self.dest, self.run = dest, run
        self.key = f"webhook:{dest.fingerprint()}:"
        saved = run.state.get(self.key + "progress") or {}
        self.done = int(saved.get("done", 0))
        """Batches below this index were acknowledged or dead-lettered by an earlier attempt."""
        self.acked_rows = int(saved.get("rows", 0))
        self.dead = int(saved.get("dead", 0))
        self.index = 0
        self.buffer: list[str] = []
        self.client: httpx.Client | None = None
        self.head = f'{{"run":{json.dumps(run.run_id)},"batch":'
        self.tail = f',"space":{json.dumps(run.space)},"sheet":{json.dumps(run.sheet)},"records":['


    def committed(self) -> Delivery | None:
        saved = self.run.state.get(self.key + "report")
        return Delivery.from_json(saved) if saved else None

    def records(self, batch: pl.DataFrame) -> list[str]:
        """Each record as its JSON object text: ``{"id", "version", "values", …}``."""
        spec = self.run.spec
        values = frames.json_frame(frames.values(batch, spec, False), spec)
        parts = [batch["_id"].alias("id"), batch["_version"].alias("version")]
        if self.run.with_validity:
            parts += [batch["_valid"].alias("valid"), batch["_messages"].alias("messages")]
        frame = pl.DataFrame([*parts, values.to_struct("values")])
        return frame.select(pl.struct(pl.all()).struct.json_encode()).to_series().to_list()

    def write(self, batch: pl.DataFrame) -> None:
        check_batch(batch, self.run)
        if batch.height == 0:
            return
        size = self.dest.batch_size
        whole = batch.height // size
        if not self.buffer and batch.height % size == 0 and self.index + whole <= self.done:
            self.index += whole  # acknowledged by an earlier attempt: no need to encode it
            return
        self.buffer.extend(self.records(batch))
        while len(self.buffer) >= size:
            self._flush(self.buffer[:size])
            del self.buffer[:size]

    def _flush(self, records: list[str]) -> None:
        index = self.index
        self.index += 1
        if index < self.done:
            return
        body = f"{self.head}{index}{self.tail}{','.join(records)}]}}".encode()
        idempotency_key = f"{self.run.run_id}-{index}"
        error = self._send(body, idempotency_key)
        if error is None:
            self.acked_rows += len(records)
        else:
            self.dead += 1
            self.run.dead_letters.add(batch=index, idempotency_key=idempotency_key,
                                      records=len(records), error=error, payload=body)
        self.done = index + 1
        self.run.state.set(self.key + "progress",
                           {"done": self.done, "rows": self.acked_rows, "dead": self.dead})

    def _send(self, body: bytes, idempotency_key: str) -> str | None:
        """POST until acknowledged (None) or failed for good (the reason)."""
        if self.client is None:
            self.client = httpx.Client(timeout=self.dest.timeout, follow_redirects=False)
        error = ""
        for attempt in range(1, self.dest.max_attempts + 1):
            stamp = int(time.time())
            wait: float | None = None
            try:
                response = self.client.post(self.dest.url, content=body, headers=signing.headers(
                    self.dest.secret, stamp, body, idempotency_key))
            except httpx.TransportError as exc:  # timeouts, refused or dropped connections
                error = self.dest.secrets.scrub(f"{type(exc).__name__}: {exc}".splitlines()[0])
            else:
                if response.is_success:
                    return None
                error = f"HTTP {response.status_code} {response.reason_phrase}".strip()
                snippet = response.text[:200].strip().splitlines()
                if snippet:
                    error += f": {self.dest.secrets.scrub(snippet[0])}"
                if response.status_code < 500 and response.status_code not in RETRY_STATUS:
                    return error  # the receiver refused this batch: retrying cannot help
                wait = _retry_after(response)
            if attempt < self.dest.max_attempts:
                backoff = min(self.dest.max_backoff, self.dest.backoff * 2 ** (attempt - 1))
                time.sleep(min(self.dest.max_backoff, wait) if wait is not None else backoff)
        return f"{error} (after {self.dest.max_attempts} attempts)"

    def commit(self) -> Delivery:
        done = self.committed()
        if done is not None:
            self._close()
            return done
        if self.buffer:
            self._flush(self.buffer)
            self.buffer = []
        delivery = Delivery(destination="webhook", location=self.dest.shown_url,
                            rows=self.acked_rows, batches=self.index, dead_letters=self.dead,
                            run_id=self.run.run_id)
        self.run.state.set(self.key + "report", delivery.to_json())
        self._close()
        return delivery

    def abort(self) -> None:
        """Drop what was not sent; sent batches cannot be unsent (their keys stay the same)."""
        self.buffer = []
        self._close()

    def _close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None


def _retry_after(response: httpx.Response) -> float | None:
    """A ``Retry-After`` in seconds, when the receiver gave one."""
    value = response.headers.get("Retry-After", "")
    try:
        return max(0.0, float(value))
    except ValueError:
        return None
