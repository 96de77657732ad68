"""What a person does in the UI changes the feed: apply a reviewed plan (memory learns,
waiting deliveries follow), skip a sheet, reject or re-read a file, edit, replace and
delete records, send. Real database and pipeline, driven step by step."""

from __future__ import annotations

import io
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
from feedline.jobs.model import Job
from feedline.records.view import Query, SheetView
from feedline.settings import Settings
from feedline.store import repo
from tests.integration.conftest import drain
from tests.integration.test_ui_access import KEY, sign_in
from tests.servers import PARTNER_FEB, PARTNER_HEAD, shop_feed


@pytest.fixture
def ui(database_url: str, tmp_path: Path) -> Iterator[dict[str, Any]]:
    settings = Settings(data_dir=tmp_path / "data", database_url=database_url, poll_interval=0.01)
    app = Feedline(settings, [load_feed(shop_feed(tmp_path))])
    with app.begin() as conn:
        repo.create_api_key(conn, app.environment_id, KEY)
        space = repo.create_space(conn, app.environment_id, "acme", "shop")
    with TestClient(create_app(app, run_workers=False), follow_redirects=False) as client:
        sign_in(client)
        yield {"app": app, "client": client, "space": space}
    app.close()


def deliver(ui: dict[str, Any], name: str, text: str) -> str:
    file, _dup = ingest(ui["app"].context, ui["space"].id, name, io.BytesIO(text.encode()), "text/csv")
    drain(ui["app"])
    return file.id


def maps(ui: dict[str, Any]) -> list[Job]:
    with ui["app"].read() as conn:
        return queue.list_jobs(conn, ui["app"].environment_id, space_id=ui["space"].id,
                               operation="map")[0]


def form_of(html: str) -> dict[str, str]:
    """The review form as a browser would send it unchanged."""
    form = {"csrf": re.search(r'name="csrf" value="([^"]+)"', html).group(1), "action": "apply"}
    for name, body in re.findall(r'<select id="((?:col|enum)-[\w-]+)" name="[^"]+"[^>]*>(.*?)</select>',
                                 html, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected', body)
        form[name] = chosen.group(1) if chosen else ""
    return form


def field_index(html: str, attr: str, value: str) -> str:
    return re.search(rf'<select id="([\w-]+)" name="[^"]+" (?:class="searchable" )?{attr}="{re.escape(value)}"',
                     html).group(1)


def test_apply_teaches_memory_and_the_waiting_delivery_follows(ui: dict[str, Any]) -> None:
    client = ui["client"]
    deliver(ui, "acme_customers_2026-02.csv", PARTNER_FEB)
    deliver(ui, "acme_customers_2026-02b.csv", PARTNER_HEAD + "K-9,Hedy Lamarr,hedy@example.com,Angleterre,2025-06-01,no\n")
    first, second = sorted(maps(ui), key=lambda j: j.created_at or "")
    assert first.status.value == second.status.value == "needs_review"
    html = client.get(f"/ui/jobs/{first.id}/review").text
    assert "1 other delivery of acme waits for the same decision" in html
    # matched by its values alone (the names of people), the column waits for a person
    assert "Why feedline asks you" in html and "rests on no name" in html
    assert "Contact Person" in html
    form = form_of(html)
    form[field_index(html, "data-column", "Contact Person")] = "full_name"
    form[field_index(html, "data-value", "Angleterre")] = "GB"
    resp = client.post(f"/ui/jobs/{first.id}/review", data=form)
    assert resp.status_code == 303 and resp.headers["location"].startswith(f"/ui/spaces/{ui['space'].id}?applied=")
    drain(ui["app"])
    done = {j.id: j for j in maps(ui)}
    assert done[first.id].outcome["accepted_by"] == "person"
    assert done[first.id].outcome["counts"]["invalid"] == 1
    assert done[second.id].status.value == "complete"  # followed the person's decision
    sheet = done[second.id].outcome["sheet_id"]
    page = client.get(f"/ui/sheets/{sheet}").text
    assert "Hedy Lamarr" in page and ">GB<" in page


def test_a_plan_that_cannot_run_says_why_and_keeps_waiting(ui: dict[str, Any]) -> None:
    client = ui["client"]
    deliver(ui, "acme_customers_2026-02.csv", PARTNER_FEB)
    job = maps(ui)[0]
    html = client.get(f"/ui/jobs/{job.id}/review").text
    form = form_of(html)
    form[field_index(html, "data-column", "Contact Person")] = ""  # not the customer's name
    resp = client.post(f"/ui/jobs/{job.id}/review", data=form)
    assert resp.status_code == 422 and "required field" in resp.text and "Full Name" in resp.text
    assert maps(ui)[0].status.value == "needs_review"
    form["allow_missing_required"] = "1"  # the choice to run anyway
    assert client.post(f"/ui/jobs/{job.id}/review", data=form).status_code == 303
    drain(ui["app"])
    assert maps(ui)[0].outcome["counts"]["invalid"] == 5  # every record lacks its full name


def test_skip_reject_and_reread(ui: dict[str, Any]) -> None:
    client, app = ui["client"], ui["app"]
    deliver(ui, "acme_customers_2026-02.csv", PARTNER_FEB)
    job = maps(ui)[0]
    csrf = re.search(r'data-csrf="([^"]+)"', client.get("/ui/").text).group(1)
    assert client.post(f"/ui/jobs/{job.id}/skip", data={"csrf": csrf, "reason": "totals"}).status_code == 303
    skipped = maps(ui)[0]
    assert skipped.status.value == "canceled" and skipped.outcome["reason"] == "totals"

    notes = "Export of 2026-03\nprepared by acme\n\n" + PARTNER_FEB
    file_id = deliver(ui, "acme_customers_2026-03.csv", notes)
    resp = client.post(f"/ui/files/{file_id}/reread", data={"csrf": csrf, "header_row": "4"})
    assert resp.status_code == 303
    drain(app)
    with app.read() as conn:
        books = [w for w in repo.list_workbooks(conn, ui["space"].id, file_id) if w.kind == "source"]
    assert books[0].sheets[0].columns == PARTNER_HEAD.strip().split(",")
    bad = client.post(f"/ui/files/{file_id}/reread", data={"csrf": csrf, "header_row": "x"})
    assert "error=" in bad.headers["location"]

    empty = client.post(f"/ui/files/{file_id}/reject", data={"csrf": csrf, "reason": " "})
    assert "error=" in empty.headers["location"]
    assert client.post(f"/ui/files/{file_id}/reject",
                       data={"csrf": csrf, "reason": "wrong partner"}).status_code == 303
    with app.read() as conn:
        file = repo.get_file(conn, file_id)
        jobs = queue.list_jobs(conn, app.environment_id, file_id=file_id)[0]
    assert file.status == "rejected" and "wrong partner" in (file.error or "")
    assert all(j.final for j in jobs)
    assert "Rejected" in client.get(f"/ui/spaces/{ui['space'].id}").text


def _sheet(ui: dict[str, Any], angleterre: str = "GB") -> str:
    """The February delivery, reviewed: ``angleterre`` is the option a person gives that
    value ("" leaves it to fix in the records)."""
    deliver(ui, "acme_customers_2026-02.csv", PARTNER_FEB)
    client, job = ui["client"], maps(ui)[0]
    html = client.get(f"/ui/jobs/{job.id}/review").text
    form = form_of(html)
    form[field_index(html, "data-column", "Contact Person")] = "full_name"
    form[field_index(html, "data-value", "Angleterre")] = angleterre
    assert client.post(f"/ui/jobs/{job.id}/review", data=form).status_code == 303
    drain(ui["app"])
    return str(maps(ui)[0].outcome["sheet_id"])


def test_grid_edits_revalidate_and_send_delivers_them(ui: dict[str, Any]) -> None:
    client, app = ui["client"], ui["app"]
    sheet = _sheet(ui)
    page = client.get(f"/ui/sheets/{sheet}?filter=invalid").text
    csrf = re.search(r'data-csrf="([^"]+)"', page).group(1)
    rid = int(re.search(r'<tr data-id="(\d+)" class="invalid"', page).group(1))
    assert 'aria-invalid="true"' in page and "not a valid email address" in page
    post = lambda rid, value: client.post(  # noqa: E731
        f"/ui/sheets/{sheet}/cells", json={"id": rid, "field": "email", "value": value},
        headers={"X-CSRF-Token": csrf}).json()
    ok = post(rid, "grace@example.com")
    assert list(ok["rows"]) == [str(rid)] and 'class="invalid"' not in ok["rows"][str(rid)]
    assert ok["taught"] == {}  # an email is no enum value
    assert ok["counts"]["invalid"] == 0
    # Ada (row 1) takes Emmy's email: Emmy's row (a later duplicate) turns invalid at once
    everyone = client.get(f"/ui/sheets/{sheet}").text
    ada = int(re.search(r'<tr data-id="(\d+)"[^>]*>(?:(?!</tr>).)*Ada Lovelace', everyone, re.S).group(1))
    dup = post(ada, "EMMY@example.de")
    assert len(dup["rows"]) == 2 and dup["counts"]["invalid"] == 1
    emmy = next(html for key, html in dup["rows"].items() if int(key) != ada)
    assert 'class="invalid"' in emmy and "same value as row 0" in emmy
    back = post(ada, "ada@example.com")
    assert len(back["rows"]) == 2 and back["counts"]["invalid"] == 0
    bad = client.post(f"/ui/sheets/{sheet}/cells", json={"id": rid, "field": "nope", "value": "x"},
                      headers={"X-CSRF-Token": csrf})
    assert bad.status_code == 422
    resp = client.post(f"/ui/sheets/{sheet}/send", data={"csrf": csrf})
    job_id = resp.headers["location"].split("sent=")[1]
    drain(app)
    status = client.get(f"/ui/jobs/{job_id}.json").json()
    assert status["status"] == "complete" and status["outcome"]["sent"] >= 1
    out = "".join(p.read_text() for p in (app.settings.data_dir / "out" / "acme").glob("*.csv"))
    assert "K-2,Grace Hopper,grace@example.com" in out


def test_find_replace_delete_and_paging(ui: dict[str, Any]) -> None:
    client, app = ui["client"], ui["app"]
    sheet = _sheet(ui)
    csrf = re.search(r'data-csrf="([^"]+)"', client.get(f"/ui/sheets/{sheet}").text).group(1)
    resp = client.post(f"/ui/sheets/{sheet}/replace",
                       data={"csrf": csrf, "field": "email", "find": "(at)", "replace": "@"})
    assert resp.headers["location"].endswith("replaced=1")
    nothing = client.post(f"/ui/sheets/{sheet}/replace",
                          data={"csrf": csrf, "field": "email", "find": "zzz", "replace": "y"})
    assert nothing.headers["location"].endswith("replaced=0")
    with app.read() as conn:
        sh = repo.get_sheet(conn, sheet)
        assert sh.metadata["counts"]["invalid"] == 0
    page = client.get(f"/ui/sheets/{sheet}?sort=full_name&order=desc&size=25").text
    names = re.findall(r'data-field="full_name"[^>]*><span class="v">([^<]+)<', page)
    assert names == sorted(names, reverse=True) and len(names) == 5
    two = client.get(f"/ui/sheets/{sheet}?size=25&page=1&q=example.de").text
    assert "Emmy Noether" in two and "Ada Lovelace" not in two and "1 record<" in two.replace("</span>", "<")
    ids = re.findall(r'<tr data-id="(\d+)"', page)[:2]
    resp = client.post(f"/ui/sheets/{sheet}/delete", data={"csrf": csrf, "ids": ids})
    assert resp.headers["location"].endswith("deleted=2")
    with app.read() as conn:
        sh = repo.get_sheet(conn, sheet)
        spec = app.feed("shop").blueprint.sheet("customers")
        assert SheetView.open(conn, app.blobs, sh, spec).count(Query()) == 3


def test_a_deep_page_is_the_same_as_cutting_the_whole_order(ui: dict[str, Any]) -> None:
    from feedline.records.paging import matching_ids, page_at

    app = ui["app"]
    rows = "".join(f"K-{i},Person {i},p{i}@example.com,{'UK' if i % 3 else 'Mars'},2025-01-01,yes\n"
                   for i in range(1, 400))
    deliver(ui, "acme_customers_big.csv", PARTNER_HEAD.replace("Contact Person", "Name") + rows)
    job = maps(ui)[0]
    if job.status.value == "needs_review":
        from feedline.pipeline import review

        spec = app.feed("shop").blueprint.sheet("customers").for_mapping()
        with app.read() as conn:
            review.execute(app.context, job, queue.get_plan(conn, job.id), spec,
                           allow_missing_required=True)
        drain(app)
        job = maps(ui)[0]
    spec = app.feed("shop").blueprint.sheet("customers")
    with app.begin() as conn:  # edits and deletes overlay the stored records
        from feedline.records.edits import SheetEditor

        editor = SheetEditor(conn, app.blobs, job.outcome["sheet_id"], spec)
        editor.update({5: {"country": "GB"}, 300: {"email": "bad"}}, "test")
        editor.delete([7, 8, 250], "test")
    with app.read() as conn:
        view = SheetView.open(conn, app.blobs, repo.get_sheet(conn, job.outcome["sheet_id"]), spec)
    for query in (Query(), Query(filter="invalid"), Query(filter="valid"), Query(search="9")):
        every = view.page(query, 10_000)[0]["_id"].to_list()
        assert matching_ids(view, query).to_list() == every
        for offset in (0, 1, 97, len(every) - 3, len(every) + 5):
            got = page_at(view, query, offset, 25)
            assert got["_id"].to_list() == every[offset:offset + 25], (query, offset)
            assert got.columns == view.page(query, 1)[0].columns


def test_a_value_replaced_in_the_grid_teaches_the_next_delivery(ui: dict[str, Any]) -> None:
    client = ui["client"]
    sheet = _sheet(ui, angleterre="")  # left to fix in the records
    found = client.get(f"/ui/sheets/{sheet}?q=angleterre").text  # the text it shows is searched
    assert "&#34;Angleterre&#34; is not one of" in found and "Alan Turing" in found
    assert "Ada Lovelace" not in found
    # The grid lists the value no option reads, with a form that fixes every record holding it.
    grid = client.get(f"/ui/sheets/{sheet}").text
    (panel,) = re.findall(r'<form [^>]*class="unread-value" data-field="country" data-value="Angleterre">'
                          r'(.*?)</form>', grid, re.S)
    assert "1 record</a>" in panel and '<option value="GB">' in panel
    form = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', panel))
    assert {k: form[k] for k in ("field", "find", "whole")} == {"field": "country", "find": "Angleterre", "whole": "1"}
    resp = client.post(f"/ui/sheets/{sheet}/replace", data={**form, "replace": "GB"})
    assert resp.headers["location"].endswith("replaced=1&taught=1")
    assert 'class="unread-value"' not in client.get(f"/ui/sheets/{sheet}").text
    assert "read the value you replaced the same way" in client.get(resp.headers["location"]).text
    deliver(ui, "acme_customers_2026-03.csv",
            PARTNER_HEAD + "K-9,Hedy Lamarr,hedy@example.com,Angleterre,2025-06-01,no\n")
    latest = max(maps(ui), key=lambda j: j.created_at or "")
    assert latest.status.value == "complete", latest.outcome
    page = client.get(f"/ui/sheets/{latest.outcome['sheet_id']}").text
    assert "Hedy Lamarr" in page and ">GB<" in page and 'aria-invalid="true"' not in page
