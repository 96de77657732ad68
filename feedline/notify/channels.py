"""Send a notification on one channel: a signed webhook POST or an SMTP email.

A failure raises :class:`feedline.errors.TransientError` (the notify job tries again
later) or :class:`NotifyRefused` when retrying cannot help (a 4xx answer).
"""

from __future__ import annotations

import hashlib
import hmac
import smtplib
import ssl
import time

import httpx

from feedline.errors import TerminalError, TransientError
from feedline.notify.config import Channel
from feedline.notify.message import Notification

SIGNATURE = "X-Feedline-Signature"


class NotifyRefused(TerminalError):
    """The channel refused the message for good (e.g. an HTTP 4xx answer)."""


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """``sha256=<hex>``: HMAC-SHA256 of ``<timestamp>.<body>`` with the channel's secret."""
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def send(channel: Channel, note: Notification) -> str:
    """Deliver ``note`` on ``channel``; returns a one-line receipt for the log."""
    if channel.type == "webhook":
        return send_webhook(channel, note)
    return send_email(channel, note)


def send_webhook(channel: Channel, note: Notification) -> str:
    assert channel.url is not None
    body = note.to_json().encode()
    stamp = str(int(time.time()))
    headers = {"Content-Type": "application/json", "User-Agent": "feedline-notify",
               "X-Feedline-Event": note.kind, "X-Feedline-Timestamp": stamp,
               "Idempotency-Key": f"{note.key}-{channel.name}"}
    if channel.secret:
        headers[SIGNATURE] = signature(channel.secret, stamp, body)
    try:
        resp = httpx.post(channel.url, content=body, headers=headers, timeout=channel.timeout)
    except httpx.HTTPError as exc:
        raise TransientError(f"webhook {channel.name}: {type(exc).__name__}: {exc}"
                             .splitlines()[0]) from None
    if resp.status_code in (408, 425, 429) or resp.status_code >= 500:
        raise TransientError(f"webhook {channel.name} answered {resp.status_code}")
    if resp.status_code >= 400:
        raise NotifyRefused(f"webhook {channel.name} refused the message: HTTP "
                            f"{resp.status_code} {resp.text[:200]}".strip())
    return f"webhook {channel.name}: HTTP {resp.status_code}"


def send_email(channel: Channel, note: Notification) -> str:
    msg = note.email(channel.sender, channel.to)
    try:
        if channel.ssl:
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(channel.host, channel.port,
                                                  timeout=channel.timeout,
                                                  context=ssl.create_default_context())
        else:
            smtp = smtplib.SMTP(channel.host, channel.port, timeout=channel.timeout)
        with smtp:
            if channel.starttls:
                smtp.starttls(context=ssl.create_default_context())
            if channel.username:
                smtp.login(channel.username, channel.password or "")
            refused = smtp.send_message(msg)
    except smtplib.SMTPAuthenticationError as exc:
        raise NotifyRefused(f"email {channel.name}: the SMTP server refused the login "
                            f"({exc.smtp_code})") from None
    except smtplib.SMTPRecipientsRefused:
        raise NotifyRefused(f"email {channel.name}: every recipient was refused") from None
    except (OSError, smtplib.SMTPException) as exc:
        raise TransientError(f"email {channel.name}: {type(exc).__name__}: {exc}"
                             .splitlines()[0]) from None
    sent = len(channel.to) - len(refused)
    return f"email {channel.name}: sent to {sent} of {len(channel.to)} recipient(s)"
