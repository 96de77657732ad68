"""Webhook signatures: HMAC-SHA256 over ``"<timestamp>." + body`` (see docs/egress.md)."""

from __future__ import annotations

import hashlib
import hmac

TIMESTAMP_HEADER = "X-Feedline-Timestamp"
SIGNATURE_HEADER = "X-Feedline-Signature"
IDEMPOTENCY_HEADER = "Idempotency-Key"


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """The ``X-Feedline-Signature`` value: ``sha256=<hex>``."""
    mac = hmac.new(secret.encode("utf-8"), f"{timestamp}.".encode() + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def headers(secret: str, timestamp: int, body: bytes, idempotency_key: str) -> dict[str, str]:
    """Every header a batch request carries."""
    return {
        "Content-Type": "application/json",
        TIMESTAMP_HEADER: str(timestamp),
        SIGNATURE_HEADER: signature(secret, timestamp, body),
        IDEMPOTENCY_HEADER: idempotency_key,
    }
