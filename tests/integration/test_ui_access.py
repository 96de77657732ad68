"""Who may see what in the UI: sign-in with an API key, signed links scoped to one space,
CSRF on every form, refusal pages that show no data. Real database, in-process server."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from feedline.api import create_app
from feedline.app import Feedline
from feedline.feeds import load_feed
from feedline.ingress import ingest
from feedline.jobs import queue
from feedline.notify.links import load_secret, sign_link
from feedline.settings import Settings
from feedline.store import repo
from tests.integration.conftest import drain
from tests.servers import PARTNER_FEB, shop_feed

KEY = "fl_ui_access_key_0123456789"


@pytest.fixture
def shop(database_url: str, tmp_path: Path) -> Iterator[dict[str, Any]]:
    """Two spaces: ``acme`` with a delivery whose plan waits, ``globex`` with a finished one."""
    settings = Settings(data_dir=tmp_path / "data", database_url=database_url, poll_interval=0.01)
    app = Feedline(settings, [load_feed(shop_feed(tmp_path))])
    with app.begin() as conn:
        repo.create_api_key(conn, app.environment_id, KEY)
        acme = repo.create_space(conn, app.environment_id, "acme", "shop")
        globex = repo.create_space(conn, app.environment_id, "globex", "shop")
    ingest(app.context, acme.id, "acme_customers_2026-02.csv", _bytes(PARTNER_FEB), "text/csv")
    sample = Path(__file__).resolve().parents[2] / "examples/shop/samples/acme_customers_2026-01.csv"
    with sample.open("rb") as fh:
        ingest(app.context, globex.id, "globex_customers.csv", fh, "text/csv")
    drain(app)
    with app.read() as conn:
        jobs = {s.name: queue.list_jobs(conn, app.environment_id, space_id=s.id, operation="map")[0][0]
                for s in (acme, globex)}
    if jobs["globex"].status.value == "needs_review":  # make globex's records exist
        from feedline.pipeline import review

        spec = app.feed("shop").blueprint.sheet("customers").for_mapping()
        with app.read() as conn:
            plan = queue.get_plan(conn, jobs["globex"].id)
        review.execute(app.context, jobs["globex"], plan, spec)
        drain(app)
        with app.read() as conn:
            jobs["globex"] = queue.get_job(conn, jobs["globex"].id)
    with TestClient(create_app(app, run_workers=False), follow_redirects=False) as client:
        yield {"app": app, "client": client, "acme": acme, "globex": globex, "jobs": jobs,
               "globex_sheet": jobs["globex"].outcome["sheet_id"]}
    app.close()


def _bytes(text: str) -> Any:
    import io

    return io.BytesIO(text.encode())


def sign_in(client: TestClient, key: str = KEY) -> Any:
    form = client.get("/ui/sign-in")
    token = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
    return client.post("/ui/sign-in", data={"csrf": token, "api_key": key, "next": "/ui/"})


def csrf_of(client: TestClient, path: str) -> str:
    return re.search(r'data-csrf="([^"]+)"', client.get(path).text).group(1)


def pages(s: dict[str, Any]) -> list[str]:
    return ["/ui/", f"/ui/spaces/{s['acme'].id}", f"/ui/jobs/{s['jobs']['acme'].id}/review",
            f"/ui/sheets/{s['globex_sheet']}", f"/ui/sheets/{s['globex_sheet']}?filter=invalid"]


def test_every_page_without_a_session_goes_to_sign_in(shop: dict[str, Any]) -> None:
    client = shop["client"]
    for path in pages(shop):
        resp = client.get(path)
        assert resp.status_code == 303, path
        assert resp.headers["location"].startswith("/ui/sign-in?next=%2Fui%2F")
    assert client.get("/").headers["location"] == "/ui/"
    resp = client.get(f"/ui/spaces/{shop['acme'].id}/status.json")
    assert resp.status_code == 401 and "acme" not in resp.text
    resp = client.post(f"/ui/sheets/{shop['globex_sheet']}/send", data={"csrf": "x"})
    assert resp.status_code == 303 and "/ui/sign-in" in resp.headers["location"]


def test_an_operator_signs_in_with_an_api_key(shop: dict[str, Any]) -> None:
    client = shop["client"]
    wrong = sign_in(client, "fl_not_a_key")
    assert wrong.status_code == 200 and "That API key is not valid" in wrong.text
    assert "feedline_session" not in client.cookies
    ok = sign_in(client)
    assert ok.status_code == 303 and ok.headers["location"] == "/ui/"
    overview = client.get("/ui/")
    assert overview.status_code == 200
    assert ">acme</a>" in overview.text and ">globex</a>" in overview.text
    for path in pages(shop):
        assert client.get(path).status_code == 200, path
    assert "Needs a person" in overview.text  # acme's plan waits


def test_sign_in_refuses_a_form_posted_from_elsewhere(shop: dict[str, Any]) -> None:
    client = shop["client"]
    resp = client.post("/ui/sign-in", data={"csrf": "forged", "api_key": KEY})
    assert resp.status_code == 403 and "feedline_session" not in client.cookies


def test_every_post_needs_the_session_csrf_token(shop: dict[str, Any]) -> None:
    client = shop["client"]
    sign_in(client)
    sheet = shop["globex_sheet"]
    for path, data in ((f"/ui/sheets/{sheet}/send", {}),
                       (f"/ui/sheets/{sheet}/replace", {"field": "email", "find": "a", "replace": "b"}),
                       (f"/ui/jobs/{shop['jobs']['acme'].id}/review", {"action": "apply"}),
                       (f"/ui/files/{shop['jobs']['acme'].file_id}/reject", {"reason": "no"})):
        resp = client.post(path, data={**data, "csrf": "not-the-token"})
        assert resp.status_code == 403 and "This form has expired" in resp.text, path
    resp = client.post(f"/ui/sheets/{sheet}/cells", json={"id": 1, "field": "email", "value": "x"},
                       headers={"X-CSRF-Token": "nope"})
    assert resp.status_code == 403
    garbled = client.post(f"/ui/sheets/{sheet}/cells", content=b"{not json",
                          headers={"Content-Type": "application/json", "X-CSRF-Token": "nope"})
    assert garbled.status_code == 400
    with shop["app"].read() as conn:
        assert repo.get_file(conn, shop["jobs"]["acme"].file_id).status != "rejected"


def test_a_link_opens_its_space_only(shop: dict[str, Any]) -> None:
    app, client, acme, globex = shop["app"], shop["client"], shop["acme"], shop["globex"]
    token = sign_link(load_secret(app.settings.data_dir), acme.id, app.environment_id, 600)
    resp = client.get(f"/ui/l/{token}?next=https://evil.example.com/")
    assert resp.status_code == 303 and resp.headers["location"] == f"/ui/spaces/{acme.id}"
    assert client.get("/ui/").headers["location"] == f"/ui/spaces/{acme.id}"
    assert client.get(f"/ui/spaces/{acme.id}").status_code == 200
    assert client.get(f"/ui/jobs/{shop['jobs']['acme'].id}/review").status_code == 200
    csrf = csrf_of(client, f"/ui/spaces/{acme.id}")
    foreign = [f"/ui/spaces/{globex.id}", f"/ui/sheets/{shop['globex_sheet']}",
               f"/ui/jobs/{shop['jobs']['globex'].id}/review", f"/ui/spaces/{globex.id}/status.json"]
    for path in foreign:
        resp = client.get(path)
        assert resp.status_code == 403, path
        assert "globex" not in resp.text and "Grace" not in resp.text and "Ada" not in resp.text
    resp = client.post(f"/ui/sheets/{shop['globex_sheet']}/cells",
                       json={"id": 1, "field": "email", "value": "x@y.zz"}, headers={"X-CSRF-Token": csrf})
    assert resp.status_code == 403
    resp = client.post(f"/ui/sheets/{shop['globex_sheet']}/send", data={"csrf": csrf})
    assert resp.status_code == 403


def tampered(token: str) -> str:
    """``token`` with the last letter of its signature changed (to another letter: one that
    was "A" already would leave the link as it was)."""
    return token[:-1] + ("B" if token.endswith("A") else "A")


@pytest.mark.parametrize("case", ["expired", "foreign", "tampered"])
def test_a_bad_link_gets_a_refusal_page_and_no_data(shop: dict[str, Any], case: str) -> None:
    app, client, acme = shop["app"], shop["client"], shop["acme"]
    secret = load_secret(app.settings.data_dir)
    token = {
        "expired": lambda: sign_link(secret, acme.id, app.environment_id, -1),
        "foreign": lambda: sign_link(b"another installation", acme.id, app.environment_id, 600),
        "tampered": lambda: tampered(sign_link(secret, shop["globex"].id, app.environment_id, 600)),
    }[case]()
    resp = client.get(f"/ui/l/{token}")
    assert resp.status_code == (410 if case == "expired" else 403)
    assert ("has expired" if case == "expired" else "is not valid") in resp.text
    assert "acme" not in resp.text and acme.id not in resp.text
    assert "feedline_session" not in client.cookies
    assert client.get(f"/ui/spaces/{acme.id}").status_code == 303  # still no way in


def test_api_docs_load_their_assets_from_the_package(shop: dict[str, Any]) -> None:
    client = shop["client"]
    for page, assets in (("/docs", ("swagger-ui-bundle.js", "swagger-ui.css")),
                         ("/redoc", ("redoc.standalone.js",))):
        html = client.get(page).text
        sources = re.findall(r'(?:src|href)="([^"]+)"', html)
        assert sources and all(s.startswith("/") for s in sources), sources
        for name in assets:
            assert client.get(f"/ui/static/docs/{name}").status_code == 200
    assert b"cdn.redoc.ly" not in client.get("/ui/static/docs/redoc.standalone.js").content
    assert client.get("/openapi.json").status_code == 200
