"""Notifications: tell the right person when a feed needs one, with a link into the UI.

A feed's ``notify:`` section (:mod:`feedline.notify.config`) names which happenings to
report and the channels to report them on: a webhook (Slack-compatible JSON, signed
with HMAC-SHA256, :mod:`feedline.notify.webhook`) or email over SMTP
(:mod:`feedline.notify.mail`). Each message (:mod:`feedline.notify.message`) carries a
summary and a signed, expiring link scoped to one space (:mod:`feedline.notify.links`).
Sending happens in ``notify`` jobs (see :mod:`feedline.plugins.notify`): retried,
logged, one per event and channel, never inside a pipeline transaction.
"""

from __future__ import annotations

from feedline.notify.config import KINDS, Channel, Notify, parse_notify
from feedline.notify.links import LinkError, sign_link, verify_link
from feedline.notify.message import Notification

__all__ = ["KINDS", "Channel", "LinkError", "Notification", "Notify", "parse_notify",
           "sign_link", "verify_link"]
