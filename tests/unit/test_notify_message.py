"""What a notification says: the same facts as Slack JSON, plain text and HTML email."""

from __future__ import annotations

from feedline.notify.channels import signature
from feedline.notify.message import Notification

NOTE = Notification(
    event_id=42, kind="needs-review", space_id="sp_1", space="acme <corp>", feed="shop",
    summary="The mapping of feb.csv needs a person: 2 open question(s).", file="feb.csv",
    details=['required field "full_name" is not mapped', "20% of country values match no option"],
    link="http://127.0.0.1:8700/ui/l/abc?next=%2Fui%2Fjobs%2Fj1%2Freview",
    link_expires_at="2026-01-02 10:00 UTC")


def test_slack_body_carries_summary_reasons_and_a_button() -> None:
    body = NOTE.slack()
    assert body["text"].startswith("A delivery waits for your decision: acme &lt;corp&gt;")
    assert "feb.csv" in body["blocks"][0]["text"]["text"]
    assert "• required field" in body["blocks"][1]["text"]["text"]
    assert body["blocks"][2]["elements"][0]["url"] == NOTE.link
    assert body["feedline"]["event_id"] == 42 and body["feedline"]["details"] == NOTE.details


def test_email_has_text_and_html_with_the_link_escaped() -> None:
    msg = NOTE.email("feedline@example.com", ("ops@example.com", "lead@example.com"))
    assert msg["Subject"] == "[feedline] A delivery waits for your decision: acme <corp>"
    assert msg["To"] == "ops@example.com, lead@example.com"
    text = msg.get_body(preferencelist=("plain",)).get_content()
    assert "Open it: " + NOTE.link in text and "- 20% of country values" in text
    html = msg.get_body(preferencelist=("html",)).get_content()
    assert "acme &lt;corp&gt;" in html and 'href="http://127.0.0.1:8700/ui/l/abc?next=' in html


def test_signature_is_hmac_of_timestamp_and_body() -> None:
    assert signature("k", "1700000000", b"{}") == signature("k", "1700000000", b"{}")
    assert signature("k", "1700000000", b"{}") != signature("k", "1700000001", b"{}")
    assert signature("k", "1", b"{}").startswith("sha256=") and len(signature("k", "1", b"")) == 71
