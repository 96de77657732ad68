"""One notification: what happened, in words and numbers, and the link to act on it."""

from __future__ import annotations

import html
import json
from dataclasses import asdict, dataclass, field
from email.message import EmailMessage
from typing import Any

TITLES = {
    "needs-review": "A delivery waits for your decision",
    "invalid": "Invalid records are held",
    "failed": "A job failed",
    "delivered": "A delivery completed",
}


@dataclass(frozen=True)
class Notification:
    """The content of one message, the same on every channel."""

    event_id: int
    kind: str
    space_id: str
    space: str
    feed: str
    summary: str
    """One line: what happened and what is asked of the reader."""
    file: str | None = None
    details: list[str] = field(default_factory=list)
    """Reasons, counts and messages, one line each (a handful at most)."""
    counts: dict[str, int] = field(default_factory=dict)
    link: str | None = None
    link_expires_at: str | None = None

    @property
    def title(self) -> str:
        return f"{TITLES.get(self.kind, self.kind)}: {self.space}"

    @property
    def key(self) -> str:
        """The idempotency key of this message: one per event (and channel)."""
        return f"feedline-event-{self.event_id}"

    def text(self) -> str:
        """Plain text (email body, chat fallback)."""
        lines = [self.title, "", self.summary]
        if self.file:
            lines.append(f"File: {self.file}")
        lines += [f"- {d}" for d in self.details]
        if self.link:
            lines += ["", f"Open it: {self.link}"]
            if self.link_expires_at:
                lines.append(f"(the link opens only this space and works until "
                             f"{self.link_expires_at})")
        return "\n".join(lines) + "\n"

    def slack(self) -> dict[str, Any]:
        """A Slack-compatible JSON body (``text`` + ``blocks``) with the raw facts under
        ``feedline`` for other receivers."""
        body = f"*{_mrkdwn(self.title)}*\n{_mrkdwn(self.summary)}"
        if self.file:
            body += f"\nFile: `{_mrkdwn(self.file)}`"
        blocks: list[dict[str, Any]] = [{"type": "section", "text": {"type": "mrkdwn", "text": body}}]
        if self.details:
            blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": "\n".join(
                f"• {_mrkdwn(d)}" for d in self.details)}})
        if self.link:
            blocks.append({"type": "actions", "elements": [{
                "type": "button", "text": {"type": "plain_text", "text": "Open in feedline"},
                "url": self.link}]})
        fallback = _mrkdwn(f"{self.title}: {self.summary}") + (
            f" <{self.link}|Open>" if self.link else "")
        return {"text": fallback, "blocks": blocks, "feedline": asdict(self)}

    def email(self, sender: str, to: tuple[str, ...]) -> EmailMessage:
        """A text + HTML email."""
        msg = EmailMessage()
        msg["Subject"] = f"[feedline] {self.title}"
        msg["From"], msg["To"] = sender, ", ".join(to)
        msg["X-Feedline-Event"] = f"{self.event_id} {self.kind}"
        msg["Message-ID"] = f"<{self.key}.{self.space_id}@feedline>"
        msg.set_content(self.text())
        items = "".join(f"<li>{html.escape(d)}</li>" for d in self.details)
        link = (f'<p><a href="{html.escape(self.link)}" style="display:inline-block;padding:8px 14px;'
                f'background:#1f4fd1;color:#fff;border-radius:6px;text-decoration:none">'
                f"Open in feedline</a></p>") if self.link else ""
        msg.add_alternative(
            f"<h2 style=\"font-family:sans-serif\">{html.escape(self.title)}</h2>"
            f"<p style=\"font-family:sans-serif\">{html.escape(self.summary)}</p>"
            + (f"<p style=\"font-family:sans-serif\">File: <code>{html.escape(self.file)}</code></p>"
               if self.file else "")
            + (f"<ul style=\"font-family:sans-serif\">{items}</ul>" if items else "") + link,
            subtype="html")
        return msg

    def to_json(self) -> str:
        return json.dumps(self.slack(), separators=(",", ":"), sort_keys=True)


def _mrkdwn(text: str) -> str:
    """Escape the three characters Slack's mrkdwn treats as markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
