"""The feed's ``notify`` section: what it accepts, and a one-line error for what it does not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from feedline.errors import ConfigError
from feedline.feeds import parse_feed

REPO = Path(__file__).resolve().parents[2]


def feed(notify: Any) -> Any:
    return parse_feed({"name": "shop", "blueprint": str(REPO / "examples/shop/blueprint.yaml"),
                       "notify": notify}, base=REPO)


def test_channels_get_the_happenings_they_ask_for(monkeypatch) -> None:
    monkeypatch.setenv("HOOK_URL", "https://hooks.example.com/T1")
    monkeypatch.setenv("HOOK_SECRET", "abc")
    notify = feed({"on": ["needs-review", "failed", "delivered"], "link_ttl": "2d", "channels": [
        {"name": "slack", "type": "webhook", "url": "${env:HOOK_URL}", "secret": "${env:HOOK_SECRET}",
         "on": ["needs-review"]},
        {"type": "email", "to": "ops@example.com", "host": "smtp.example.com", "port": 587,
         "starttls": True},
    ]}).notify
    assert notify.link_ttl_seconds == 2 * 86400
    slack, mail = notify.channels
    assert (slack.url, slack.secret) == ("https://hooks.example.com/T1", "abc")
    assert "abc" not in repr(slack)  # secrets stay out of logs
    assert mail.name == "email-2" and mail.to == ("ops@example.com",) and mail.starttls
    assert [c.name for c in notify.channels_for("needs-review")] == ["slack", "email-2"]
    assert [c.name for c in notify.channels_for("failed")] == ["email-2"]
    assert notify.channels_for("invalid") == []  # the feed did not select it


def test_no_section_means_nobody_is_told() -> None:
    assert feed(None).notify is None


@pytest.mark.parametrize(("notify", "message"), [
    ("yes", "'notify' must be a mapping"),
    ({"channels": []}, "at least one channel"),
    ({"on": ["sometimes"], "channels": [{"type": "webhook", "url": "https://x.io"}]}, "'on' must list"),
    ({"channels": [{"type": "sms"}]}, "type webhook or email"),
    ({"channels": [{"type": "webhook"}]}, "needs an http(s) url"),
    ({"channels": [{"type": "webhook", "url": "https://x.io", "token": "t"}]}, "no setting 'token'"),
    ({"channels": [{"type": "email"}]}, "needs 'to'"),
    ({"channels": [{"type": "email", "to": ["not-an-address"]}]}, "is not an email address"),
    ({"channels": [{"type": "email", "to": "a@b.c", "port": 0}]}, "port must be"),
    ({"channels": [{"type": "email", "to": "a@b.c", "ssl": True, "starttls": True}]}, "at most one"),
    ({"channels": [{"type": "webhook", "url": "https://x.io", "name": "a"},
                   {"type": "webhook", "url": "https://y.io", "name": "a"}]}, "two notify channels"),
    ({"link_base": "ftp://x", "channels": [{"type": "webhook", "url": "https://x.io"}]}, "link_base"),
    ({"colour": "red", "channels": []}, "unknown setting 'colour'"),
    ({"channels": [{"type": "webhook", "url": "${env:NOT_SET_ANYWHERE_42}"}]}, "NOT_SET_ANYWHERE_42"),
])
def test_bad_notify_settings_fail_with_one_clear_line(notify: Any, message: str) -> None:
    with pytest.raises(ConfigError) as exc:
        feed(notify)
    assert message in str(exc.value) and "\n" not in str(exc.value)
