"""A person fixes a partner delivery in a real browser, from notification to delivery.

The feed notifies by email (a local SMTP server) and webhook (a local receiver); the
person opens the emailed link (no API key), corrects a column and an enum value,
applies, fixes an invalid email inline, sends; the destination holds the fixed record
and the partner's next delivery maps itself. Every page is screenshotted at 1280×800.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from feedline.api import create_app
from feedline.app import Feedline
from feedline.feeds import load_feed
from feedline.jobs import queue
from feedline.notify.links import load_secret, sign_link
from feedline.settings import Settings
from feedline.store import repo
from tests.servers import LiveServer, SmtpServer, WebhookReceiver

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parents[2]
KEY = "fl_browser_key_0123456789"
SECRET = "hook-secret-42"
HEAD = "Client Ref,Contact Person,Mail,Land,Since,Promo\n"
FEBRUARY = HEAD + """K-1,Ada Lovelace,ada@example.com,UK,2025-01-14,yes
K-2,Grace Hopper,grace(at)example.com,USA,2025-02-03,no
K-3,Emmy Noether,emmy@example.de,Deutschland,2025-02-28,yes
K-4,Marie Curie,marie@example.fr,France,2025-03-10,no
K-5,Alan Turing,alan@example.co.uk,Angleterre,2025-04-01,yes
"""
MARCH = HEAD + """K-6,Katherine Johnson,katherine@example.com,USA,2025-05-02,yes
K-7,Rosalind Franklin,rosalind@example.co.uk,Angleterre,2025-05-09,no
K-8,Lise Meitner,lise@example.de,Deutschland,2025-05-20,yes
"""
W, H = 1280, 800


@pytest.fixture
def world(tmp_path: Path) -> Iterator[dict[str, Any]]:
    """SMTP server, webhook receivers, and feedline serving the shop feed with notify."""
    with SmtpServer() as smtp, WebhookReceiver(SECRET) as hook, LiveServer.bound() as bound:
        feed = {
            "name": "shop", "blueprint": str(REPO / "examples" / "shop" / "blueprint.yaml"),
            "routes": [{"match": "*customers*", "sheet": "customers"}],
            "automap": {"accuracy": "confident"},
            "egress": {"policy": "valid-only", "destinations": [
                {"name": "partner-files", "type": "file", "path": "out/{space}/{sheet}.csv"}]},
            "notify": {"link_base": bound.url, "link_ttl": "1h", "channels": [
                {"name": "ops-email", "type": "email", "to": ["ops@example.com"],
                 "from": "feedline@example.com", "host": "127.0.0.1", "port": smtp.port,
                 "on": ["needs-review", "invalid", "failed"]},
                {"name": "ops-hook", "type": "webhook", "url": hook.url, "secret": SECRET},
                {"name": "broken", "type": "webhook", "url": "http://127.0.0.1:9/never",
                 "attempts": 2, "timeout": 2, "on": ["needs-review"]},
            ]},
        }
        path = tmp_path / "shop.yaml"
        path.write_text(yaml.safe_dump(feed), encoding="utf-8")
        settings = Settings(data_dir=tmp_path / "data", poll_interval=0.05, workers=2,
                            lease_seconds=30)
        app = Feedline(settings, [load_feed(path)])
        with app.begin() as conn:
            repo.create_api_key(conn, app.environment_id, KEY)
        with bound.serve(create_app(app)) as server:
            yield {"app": app, "url": server.url, "smtp": smtp, "hook": hook,
                   "data": settings.data_dir}
        app.close()


def upload(url: str, space_id: str, name: str, text: str) -> dict[str, Any]:
    resp = httpx.post(f"{url}/v1/files", headers={"Authorization": f"Bearer {KEY}"},
                      data={"space_id": space_id}, files={"file": (name, text.encode())})
    assert resp.status_code == 201, resp.text
    return resp.json()


def jobs_of(app: Feedline, file_id: str) -> dict[str, Any]:
    with app.read() as conn:
        jobs, _ = queue.list_jobs(conn, app.environment_id, file_id=file_id, limit=100)
    return {j.operation: j for j in jobs if j.operation != "notify"}


def settle(app: Feedline, file_id: str, want: dict[str, str], timeout: float = 90) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        jobs = jobs_of(app, file_id)
        if all(op in jobs and jobs[op].status.value == st for op, st in want.items()):
            return jobs
        assert time.monotonic() < deadline, {op: j.status.value for op, j in jobs.items()}
        time.sleep(0.1)


def delivered(data: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted((data / "out" / "acme").glob("*.csv")))


def watch(page: Any) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    return errors


def test_a_person_reviews_fixes_and_sends_from_a_notification(world: dict[str, Any], browser: Any,
                                                              shots: Path) -> None:
    app, url, smtp, hook = world["app"], world["url"], world["smtp"], world["hook"]
    with app.begin() as conn:
        space = repo.create_space(conn, app.environment_id, "acme", "shop")
    feb = upload(url, space.id, "acme_customers_2026-02.csv", FEBRUARY)
    settle(app, feb["id"], {"extract": "complete", "map": "needs_review"})

    # The notification arrives by email and by webhook, with a summary and a link.
    mail = smtp.messages.wait(lambda m: "waits for your decision" in m["Subject"])
    body = mail.get_body(preferencelist=("plain",)).get_content()
    # feedline matched two columns by their values alone (the names of people; yes/no):
    # the confident gate asks a person about each
    assert "acme_customers_2026-02.csv" in body and "2 open question(s)" in body
    assert '"Contact Person"' in body and "rests on no name" in body
    link = re.search(r"(http://127\.0\.0\.1:\d+/ui/l/\S+)", body).group(1)
    assert link.startswith(url)
    call = hook.requests.wait(lambda r: r["headers"].get("x-feedline-event") == "needs-review")
    assert call["valid"] is True  # HMAC-SHA256 signature checks out
    assert call["json"]["text"].startswith("A delivery waits for your decision: acme")
    assert call["json"]["feedline"]["link"] == link and call["json"]["blocks"]

    context = browser.new_context(viewport={"width": W, "height": H})
    page = context.new_page()
    errors = watch(page)

    # Without a session every page goes to sign-in.
    page.goto(f"{url}/ui/spaces/{space.id}")
    assert "/ui/sign-in" in page.url
    page.get_by_role("heading", name="Sign in").wait_for()
    page.screenshot(path=str(shots / "01-sign-in.png"))

    # The link opens the waiting review, no API key needed.
    page.goto(link)
    assert re.search(r"/ui/jobs/job_\w+/review$", page.url), page.url
    page.get_by_role("heading", name=re.compile("Review the mapping")).wait_for()
    page.get_by_role("heading", name="Why feedline asks you").wait_for()
    assert page.locator("ul.reasons li", has_text="Contact Person").is_visible()
    page.screenshot(path=str(shots / "02-review.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 800})
    page.screenshot(path=str(shots / "02b-review-narrow.png"))
    page.set_viewport_size({"width": W, "height": H})

    # Confirm the column feedline matched by its values, set one enum value; apply.
    page.get_by_label("Field for column Contact Person").select_option("full_name")
    page.get_by_label("Option for value Angleterre").select_option("GB")
    page.get_by_role("button", name="Apply and map the file").click()
    fix = page.get_by_role("link", name="Fix 1 invalid record")
    fix.wait_for(timeout=60_000)  # the space page follows the map job live
    page.screenshot(path=str(shots / "03-space.png"), full_page=True)

    # The grid shows the invalid record; its message shows on hover.
    fix.click()
    page.wait_for_url(re.compile(r"/ui/sheets/sh_\w+\?filter=invalid"))
    row = page.locator("tr.invalid", has_text="Grace Hopper")
    cell = row.locator('td[data-field="email"]')
    assert cell.get_attribute("aria-invalid") == "true"
    cell.hover()
    tip = cell.get_by_role("tooltip")
    tip.wait_for()
    assert "not a valid email address" in tip.inner_text()
    page.screenshot(path=str(shots / "04-grid-invalid.png"))
    sheet_url = page.url

    # Keyboard: move onto the cell (its message shows on focus too), Escape cancels.
    row.locator('td[data-field="full_name"]').click()
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.dataset.field") == "email"
    assert tip.is_visible()
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    assert cell.locator(".v").inner_text() == "grace(at)example.com"

    # Fix it inline: the row turns valid at once.
    page.keyboard.press("Enter")
    editor = page.get_by_label("New value for email")
    editor.fill("grace@example.com")
    editor.press("Enter")
    fixed = page.locator('tr[data-id]:not(.invalid)', has_text="grace@example.com")
    fixed.wait_for()
    assert page.locator('[data-count="invalid"]').inner_text() == "0"
    assert page.locator('th[data-field="email"] .errcount').count() == 0  # header count follows
    page.screenshot(path=str(shots / "05-grid-fixed.png"))

    # Send: the outcome shows, and the destination holds the fixed record.
    page.get_by_role("button", name="Send").click()
    status = page.locator("#send-status[data-done]")
    status.wait_for(timeout=60_000)
    assert status.get_attribute("data-done") == "complete", status.inner_text()
    assert "Sent: delivered" in status.inner_text()
    page.screenshot(path=str(shots / "06-grid-sent.png"))
    out = delivered(world["data"])
    assert "K-2,Grace Hopper,grace@example.com,US" in out
    assert "K-5,Alan Turing,alan@example.co.uk,GB" in out  # the enum value the person mapped

    # The partner's next delivery maps itself with what the person taught.
    mar = upload(url, space.id, "acme_customers_2026-03.csv", MARCH)
    jobs = settle(app, mar["id"], {"extract": "complete", "map": "complete", "egress": "complete"})
    assert jobs["map"].outcome["accepted_by"] == "automap"
    assert "K-7,Rosalind Franklin,rosalind@example.co.uk,GB" in delivered(world["data"])
    page.goto(f"{url}/ui/spaces/{space.id}")
    page.screenshot(path=str(shots / "07-space-next-delivery.png"), full_page=True)
    page.goto(sheet_url.split("?")[0])
    page.screenshot(path=str(shots / "08-grid-all.png"))

    # The failing channel was retried and logged, and held nothing up.
    deadline = time.monotonic() + 30
    while True:
        with app.read() as conn:
            broken = [j for j in queue.list_jobs(conn, app.environment_id, operation="notify",
                                                 limit=100)[0] if j.input["channel"] == "broken"]
        if broken and broken[0].final:
            break
        assert time.monotonic() < deadline, broken
        time.sleep(0.2)
    assert broken[0].status.value == "failed" and broken[0].attempts == 2
    assert "ConnectError" in (broken[0].info or "")
    hook.requests.wait(lambda r: r["headers"].get("x-feedline-event") == "delivered")

    # A link session sees only its space: the overview redirects to it.
    page.goto(f"{url}/ui/")
    assert page.url.endswith(f"/ui/spaces/{space.id}")
    assert errors == []
    context.close()


def test_operators_sign_in_and_links_are_refused_when_expired_or_foreign(
        world: dict[str, Any], browser: Any, shots: Path) -> None:
    app, url = world["app"], world["url"]
    with app.begin() as conn:
        mine = repo.create_space(conn, app.environment_id, "acme", "shop")
        other = repo.create_space(conn, app.environment_id, "globex", "shop")
    upload(url, mine.id, "acme_customers_2026-02.csv", FEBRUARY)
    context = browser.new_context(viewport={"width": W, "height": H})
    page = context.new_page()
    errors = watch(page)

    # An operator signs in with the API key and sees every space.
    page.goto(f"{url}/ui/")
    page.get_by_label("API key").fill("wrong")
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("alert").inner_text().startswith("That API key is not valid")
    page.get_by_label("API key").fill(KEY)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Feeds").wait_for()
    table = page.get_by_role("table", name="Spaces")
    assert table.get_by_role("link", name="acme").is_visible()
    assert table.get_by_role("link", name="globex").is_visible()
    page.wait_for_timeout(1500)  # let the delivery settle for the picture
    page.reload()
    page.screenshot(path=str(shots / "10-overview.png"))
    page.goto(f"{url}/docs")
    page.locator(".swagger-ui .info").wait_for()  # rendered from packaged assets, offline
    page.screenshot(path=str(shots / "11-api-docs.png"))
    page.goto(f"{url}/redoc")
    page.locator("[role=navigation], .menu-content").first.wait_for()
    page.screenshot(path=str(shots / "12-api-reference.png"))
    assert errors == []
    context.close()

    secret = load_secret(world["data"])
    refusals = browser.new_context(viewport={"width": W, "height": H})
    page = refusals.new_page()
    expired = sign_link(secret, mine.id, app.environment_id, ttl_seconds=-1)
    resp = page.goto(f"{url}/ui/l/{expired}")
    assert resp.status == 410
    page.get_by_role("heading", name="This link has expired").wait_for()
    assert "acme" not in page.content() and mine.id not in page.content()
    page.screenshot(path=str(shots / "13-link-expired.png"))
    foreign = sign_link(b"another feedline's secret", mine.id, app.environment_id, 3600)
    resp = page.goto(f"{url}/ui/l/{foreign}")
    assert resp.status == 403
    page.get_by_role("heading", name="This link is not valid").wait_for()
    page.screenshot(path=str(shots / "14-link-foreign.png"))
    # A good link for one space does not open another.
    page.goto(f"{url}/ui/l/{sign_link(secret, mine.id, app.environment_id, 3600)}")
    assert page.url.endswith(f"/ui/spaces/{mine.id}")
    resp = page.goto(f"{url}/ui/spaces/{other.id}")
    assert resp.status == 403
    page.get_by_role("heading", name="Not part of your link").wait_for()
    assert "globex" not in page.content()
    page.screenshot(path=str(shots / "15-link-other-space.png"))
    refusals.close()


def test_a_value_no_option_reads_is_fixed_once_for_every_record(world: dict[str, Any], browser: Any,
                                                                shots: Path) -> None:
    """A person maps the columns but leaves "Angleterre" open. Fixing one cell inline says
    what it taught; the grid lists the value for the records left, the person says once
    that it means the United Kingdom, and the next delivery reads it."""
    app, url = world["app"], world["url"]
    with app.begin() as conn:
        space = repo.create_space(conn, app.environment_id, "acme", "shop")
        link = sign_link(load_secret(world["data"]), space.id, app.environment_id, 3600)
    feb = upload(url, space.id, "acme_customers_2026-02.csv", FEBRUARY + (
        "K-9,Hedy Lamarr,hedy@example.com,Angleterre,2025-06-01,no\n"))
    jobs = settle(app, feb["id"], {"extract": "complete", "map": "needs_review"})
    context = browser.new_context(viewport={"width": W, "height": H})
    page = context.new_page()
    errors = watch(page)
    page.goto(f"{url}/ui/l/{link}")
    page.goto(f"{url}/ui/jobs/{jobs['map'].id}/review")
    page.get_by_label("Field for column Contact Person").select_option("full_name")
    page.get_by_label("Option for value Angleterre").select_option("")
    page.get_by_role("button", name="Apply and map the file").click()
    page.get_by_role("link", name=re.compile(r"Fix 3 invalid records")).wait_for(timeout=60_000)
    sheet = settle(app, feb["id"], {"map": "complete"})["map"].outcome["sheet_id"]

    page.goto(f"{url}/ui/sheets/{sheet}")
    panel = page.get_by_role("region", name="Values no option reads")
    value = panel.locator('form[data-value="Angleterre"]')
    assert "2 records" in value.inner_text()
    page.screenshot(path=str(shots / "16-grid-unread-values.png"))
    cell = page.locator("tr[data-id]", has_text="Hedy Lamarr").locator('td[data-field="country"]')
    cell.dblclick()
    editor = page.get_by_label("New value for country")
    editor.fill("GB")
    editor.press("Enter")
    said = page.locator("#taught-status")
    said.wait_for()
    assert said.inner_text() == "The next deliveries of acme read \u201cAngleterre\u201d as GB."
    page.reload()
    value = page.get_by_role("region", name="Values no option reads").locator('form[data-value="Angleterre"]')
    assert "1 record" in value.inner_text()
    value.get_by_label("means").select_option(label="United Kingdom")
    value.get_by_role("button", name="Fix 1").click()
    page.get_by_role("status").filter(has_text="read the value you replaced the same way").wait_for()
    assert page.get_by_role("region", name="Values no option reads").count() == 0
    assert page.locator('[data-count="invalid"]').inner_text() == "1"  # Grace's email is left
    gb = page.locator("tr[data-id]", has_text="Hedy Lamarr").locator('td[data-field="country"]')
    assert gb.get_attribute("aria-invalid") is None and gb.locator(".v").inner_text() == "GB"

    mar = upload(url, space.id, "acme_customers_2026-03.csv", MARCH)
    done = settle(app, mar["id"], {"map": "complete"})["map"]
    assert done.outcome["accepted_by"] == "automap" and done.outcome["unread_values"] == {}
    assert done.outcome["counts"]["invalid"] == 0
    assert errors == []
    context.close()
