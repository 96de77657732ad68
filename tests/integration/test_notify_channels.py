"""Notifications reach a local SMTP server and a local webhook receiver: once per event
and channel, signed, with a summary and a working link; a failing channel is retried,
logged, and holds nothing up."""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from feedline.app import Feedline
from feedline.events.log import read
from feedline.feeds import load_feed
from feedline.ingress import ingest
from feedline.jobs import queue
from feedline.notify.links import load_secret, verify_link
from feedline.plugins.notify import on_event
from feedline.settings import Settings
from feedline.store import repo
from tests.integration.conftest import drain
from tests.servers import PARTNER_FEB, SmtpServer, WebhookReceiver, shop_feed

SECRET = "whsec-test"


@pytest.fixture
def receivers() -> Iterator[dict[str, Any]]:
    with SmtpServer() as smtp, WebhookReceiver(SECRET) as hook, WebhookReceiver(status=503) as down, \
            WebhookReceiver(status=410) as gone:
        yield {"smtp": smtp, "hook": hook, "down": down, "gone": gone}


@pytest.fixture
def app(database_url: str, tmp_path: Path, receivers: dict[str, Any]) -> Iterator[Feedline]:
    notify = {"link_base": "https://feedline.example.com", "link_ttl": "2h", "channels": [
        {"name": "mail", "type": "email", "to": ["ops@example.com"], "from": "fl@example.com",
         "host": "127.0.0.1", "port": receivers["smtp"].port, "on": ["needs-review", "failed"]},
        {"name": "hook", "type": "webhook", "url": receivers["hook"].url, "secret": SECRET},
        {"name": "down", "type": "webhook", "url": receivers["down"].url, "attempts": 2,
         "on": ["needs-review"]},
        {"name": "gone", "type": "webhook", "url": receivers["gone"].url, "attempts": 5,
         "on": ["needs-review"]},
    ]}
    settings = Settings(data_dir=tmp_path / "data", database_url=database_url, poll_interval=0.01)
    fl = Feedline(settings, [load_feed(shop_feed(tmp_path, notify))])
    yield fl
    fl.close()


def space(app: Feedline, name: str = "acme") -> Any:
    with app.begin() as conn:
        return repo.create_space(conn, app.environment_id, name, "shop")


def notices(app: Feedline) -> dict[str, Any]:
    with app.read() as conn:
        jobs = queue.list_jobs(conn, app.environment_id, operation="notify", limit=1000)[0]
    return {f"{j.input['kind']}:{j.input['channel']}": j for j in jobs}


def test_a_waiting_plan_is_told_by_email_and_webhook_with_a_link(app: Feedline,
                                                                 receivers: dict[str, Any]) -> None:
    sp = space(app)
    ingest(app.context, sp.id, "acme_customers_2026-02.csv", io.BytesIO(PARTNER_FEB.encode()), "text/csv")
    drain(app)
    mail = receivers["smtp"].messages.wait(lambda m: True, timeout=10)
    assert mail["Subject"] == "[feedline] A delivery waits for your decision: acme"
    assert mail["To"] == "ops@example.com"
    text = mail.get_body(preferencelist=("plain",)).get_content()
    assert "acme_customers_2026-02.csv" in text
    # the reasons, in the person's words: two columns matched by their values alone
    assert 'column "Contact Person" → "full_name" rests on no name' in text
    assert 'column "Promo" → "newsletter" rests on no name' in text
    link = re.search(r"(https://feedline\.example\.com/ui/l/(\S+)\?next=(\S+))", text)
    grant = verify_link(load_secret(app.settings.data_dir), link.group(2))
    job = next(j for j in notices(app).values()).input["event_id"]
    assert grant.space_id == sp.id and grant.expires_at - time.time() == pytest.approx(7200, abs=60)
    with app.read() as conn:
        waiting = queue.list_jobs(conn, app.environment_id, operation="map")[0][0]
    assert unquote(link.group(3)) == f"/ui/jobs/{waiting.id}/review"
    call = receivers["hook"].requests.wait(lambda r: True, timeout=10)
    assert call["valid"] is True and call["headers"]["x-feedline-event"] == "needs-review"
    assert call["headers"]["idempotency-key"] == f"feedline-event-{job}-hook"
    assert call["json"]["feedline"]["file"] == "acme_customers_2026-02.csv"


def test_one_message_per_event_and_channel_even_when_the_event_comes_twice(
        app: Feedline, receivers: dict[str, Any]) -> None:
    sp = space(app)
    ingest(app.context, sp.id, "acme_customers_2026-02.csv", io.BytesIO(PARTNER_FEB.encode()), "text/csv")
    drain(app)
    with app.read() as conn:
        event = next(e for e in read(conn, limit=1000) if e.topic == "job:needs-review")
    on_event(event, app)  # redelivered (at least once): no second job, no second message
    on_event(event, app)
    drain(app)
    time.sleep(0.3)
    assert len(receivers["smtp"].messages.items) == 1
    assert len([r for r in receivers["hook"].requests.items
                if r["headers"]["x-feedline-event"] == "needs-review"]) == 1


def test_a_failing_channel_is_retried_logged_and_blocks_nothing(app: Feedline,
                                                                receivers: dict[str, Any]) -> None:
    sp = space(app)
    ingest(app.context, sp.id, "acme_customers_2026-02.csv", io.BytesIO(PARTNER_FEB.encode()), "text/csv")
    drain(app)
    first = notices(app)
    assert first["needs-review:mail"].status.value == "complete"
    assert first["needs-review:hook"].status.value == "complete"
    assert first["needs-review:down"].status.value == "ready"  # waits for its retry
    assert "answered 503" in (first["needs-review:down"].info or "")
    gone = first["needs-review:gone"]
    assert gone.status.value == "failed" and gone.attempts == 1  # 410: no use retrying
    assert "refused the message: HTTP 410" in gone.outcome["message"]
    time.sleep(2.2)
    drain(app)
    down = notices(app)["needs-review:down"]
    assert down.status.value == "failed" and down.attempts == 2
    assert len(receivers["down"].requests.items) == 2
    # notify jobs that fail are not themselves reported as failed jobs
    assert not [k for k in notices(app) if k.startswith("failed:")]


def test_held_records_failed_jobs_and_deliveries_are_told(app: Feedline,
                                                          receivers: dict[str, Any]) -> None:
    sp = space(app)
    sample = Path(__file__).resolve().parents[2] / "examples/shop/samples/acme_orders_2026-01.csv"
    ingest(app.context, sp.id, "acme_orders_2026-01.csv", io.BytesIO(sample.read_bytes()), "text/csv")
    ingest(app.context, sp.id, "acme_orders_broken.xlsx", io.BytesIO(b"PK\x03\x04 not really"), None)
    drain(app)
    with app.read() as conn:
        waiting = [j for j in queue.list_jobs(conn, app.environment_id, operation="map")[0]
                   if j.status.value == "needs_review"]
    if waiting:  # the example orders plan may wait: accept it as proposed
        from feedline.pipeline import review

        spec = app.feed("shop").blueprint.sheet("orders").for_mapping()
        with app.read() as conn:
            plan = queue.get_plan(conn, waiting[0].id)
        review.execute(app.context, waiting[0], plan, spec)
        drain(app)
    hook = receivers["hook"].requests
    failed = hook.wait(lambda r: r["headers"]["x-feedline-event"] == "failed", timeout=10)
    assert "extract job of acme_orders_broken.xlsx failed" in failed["json"]["feedline"]["summary"]
    held = hook.wait(lambda r: r["headers"]["x-feedline-event"] == "invalid", timeout=10)
    counts = held["json"]["feedline"]["counts"]
    assert counts["invalid"] >= 1 and counts["count"] == counts["valid"] + counts["invalid"]
    assert any(": " in d and "×" in d for d in held["json"]["feedline"]["details"])
    assert unquote(held["json"]["feedline"]["link"]).endswith("?filter=invalid")
    done = hook.wait(lambda r: r["headers"]["x-feedline-event"] == "delivered", timeout=10)
    assert done["json"]["feedline"]["counts"]["sent"] == counts["valid"]
    assert receivers["smtp"].messages.wait(lambda m: "A job failed" in m["Subject"], timeout=10)


def test_values_no_option_reads_are_named_in_the_held_records_notice(
        app: Feedline, receivers: dict[str, Any]) -> None:
    """A later delivery of columns a person mapped runs with a country nobody has seen;
    the notice of its held records names the value, so a person can say once what it is."""
    from feedline.pipeline import review
    from tests.servers import PARTNER_HEAD

    sp = space(app)
    ingest(app.context, sp.id, "acme_customers_2026-02.csv", io.BytesIO(PARTNER_FEB.encode()), "text/csv")
    drain(app)
    spec = app.feed("shop").blueprint.sheet("customers").for_mapping()
    with app.read() as conn:
        (job,) = [j for j in queue.list_jobs(conn, app.environment_id, operation="map")[0]]
        plan = queue.get_plan(conn, job.id)
    assert job.status.value == "needs_review"
    for f in plan["fields"]:
        if f["source"] == "Contact Person":
            f["destination"] = "full_name"
    review.execute(app.context, job, plan, spec)
    drain(app)
    later = PARTNER_HEAD + ("K-9,Hedy Lamarr,hedy@example.com,Hispania,2025-06-01,no\n"
                            "K-10,Lise Meitner,lise@example.de,Deutschland,2025-05-20,yes\n"
                            "K-11,Katherine Johnson,katherine@example.com,USA,2025-05-02,yes\n")
    ingest(app.context, sp.id, "acme_customers_2026-03.csv", io.BytesIO(later.encode()), "text/csv")
    drain(app)
    with app.read() as conn:
        latest = max(queue.list_jobs(conn, app.environment_id, operation="map")[0],
                     key=lambda j: j.created_at or "")
    assert latest.status.value == "complete", latest.outcome
    assert latest.outcome["unread_values"] == {"country": ["Hispania"]}
    held = receivers["hook"].requests.wait(
        lambda r: r["headers"]["x-feedline-event"] == "invalid"
        and r["json"]["feedline"]["file"] == "acme_customers_2026-03.csv", timeout=10)
    assert held["json"]["feedline"]["details"][0] == (
        'country: values no option reads yet, to say once what each means: "Hispania"')
