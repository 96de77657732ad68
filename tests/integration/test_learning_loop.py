"""A person's correction teaches the feed: the next deliveries map themselves, renamed
columns keep their field, enum values a person taught follow, and a person can run a plan
that leaves a required field unmapped (SQLite and PostgreSQL)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient

from feedline.api import create_app
from feedline.app import Feedline
from feedline.feeds import load_feed
from feedline.jobs.worker import Worker
from feedline.settings import Settings
from feedline.store import repo
from tests.integration.conftest import drain

KEY = "fl_test_people_0123456789"
BLUEPRINT = Path(__file__).resolve().parents[1] / "data" / "people.yaml"
# A partner writing in its own words: nothing here is a name the blueprint knows.
HEADERS = ["Personalnr", "Mitarbeiter", "Postfach", "Vertrag", "Eintritt", "Kst"]
RIGHT = {"Personalnr": "employee_id", "Mitarbeiter": "full_name", "Postfach": "email",
         "Vertrag": "contract", "Eintritt": "start_date", "Kst": None}
CONTRACTS = {"VZ": "full_time", "TZ": "part_time", "FL": "contractor"}


def delivery(path: Path, start: int, headers: list[str] = HEADERS,
             contracts: tuple[str, ...] = ("VZ", "TZ", "VZ", "FL"),
             renamed: dict[str, str] | None = None) -> Path:
    """24 employees; ``headers`` in any order, ``renamed`` {old: new} header names."""
    names = {h: (renamed or {}).get(h, h) for h in HEADERS}
    rows = [[names[h] for h in headers]]
    for i in range(start, start + 24):
        cells = dict(zip(HEADERS, [f"P{i:05d}", f"Person {i}", f"p{i}@example.com",
                                   contracts[i % len(contracts)],
                                   f"{1 + i % 27:02d}.0{1 + i % 9}.2024", "9"], strict=True))
        rows.append([cells[h] for h in headers])
    path.write_text("\n".join(";".join(r) for r in rows) + "\n", encoding="utf-8")
    return path


@contextmanager
def serve_people(database_url: str, tmp_path: Path,
                 automap: dict[str, Any] | None = None) -> Iterator[tuple[Feedline, TestClient]]:
    (tmp_path / "feed.yaml").write_text(yaml.safe_dump({
        "name": "people", "blueprint": str(BLUEPRINT),
        "routes": [{"match": "*.csv", "sheet": "employees"}], "automap": automap or {},
        "egress": {"destinations": [{"type": "file", "path": "out/{space}/{file}.csv"}]},
    }), encoding="utf-8")
    app = Feedline(Settings(data_dir=tmp_path / "data", database_url=database_url,
                            poll_interval=0.01), [load_feed(tmp_path / "feed.yaml")])
    with app.begin() as conn:
        repo.create_api_key(conn, app.environment_id, KEY)
    with TestClient(create_app(app, run_workers=False),
                    headers={"Authorization": f"Bearer {KEY}"}) as client:
        yield app, client
    app.close()


@pytest.fixture
def people(database_url: str, tmp_path: Path) -> Iterator[tuple[Feedline, TestClient]]:
    with serve_people(database_url, tmp_path) as served:
        yield served


@pytest.fixture
def holding_people(database_url: str, tmp_path: Path) -> Iterator[tuple[Feedline, TestClient]]:
    """A feed whose new values hold the delivery (``automap.new_values: wait``)."""
    with serve_people(database_url, tmp_path, {"new_values": "wait"}) as served:
        yield served


def upload(app: Feedline, client: TestClient, space: str, path: Path) -> dict[str, Any]:
    with path.open("rb") as fh:
        resp = client.post("/v1/files", data={"space_id": space}, files={"file": (path.name, fh)})
    assert resp.status_code == 201, resp.text
    drain(app)
    (job,) = client.get("/v1/jobs", params={"file_id": resp.json()["id"], "operation": "map"}).json()["data"]
    return dict(job)


def plan_of(client: TestClient, job: dict[str, Any]) -> dict[str, Any]:
    return dict(client.get(f"/v1/jobs/{job['id']}/plan").json())


def teach(app: Feedline, client: TestClient, job: dict[str, Any],
          allow_missing_required: bool = True, right: dict[str, str | None] = RIGHT) -> None:
    """A person states the whole plan, the enum values (one not in this file), executes."""
    fields = [{"source": s, "destination": d} for s, d in right.items()]
    assert client.put(f"/v1/jobs/{job['id']}/plan", json={"fields": fields}).status_code == 200
    enums = {"contract": {**CONTRACTS, "Werkvertrag": "contractor"}}  # not in this file
    patched = client.patch(f"/v1/jobs/{job['id']}/plan", json={"enums": enums})
    assert patched.status_code == 200, patched.text
    assert patched.json()["taught"]["contract"] == {"Werkvertrag": "contractor"}
    done = client.post(f"/v1/jobs/{job['id']}/execute",
                       json={"allow_missing_required": allow_missing_required})
    assert done.status_code == 200, done.text
    drain(app)


def test_one_correction_teaches_the_next_deliveries(people, tmp_path: Path) -> None:
    app, client = people
    space = client.post("/v1/spaces", json={"name": "werk", "feed": "people"}).json()["id"]
    d1 = upload(app, client, space, delivery(tmp_path / "d1.csv", 0))
    assert d1["status"] == "needs_review"

    # The plan leaves the required cost center unmapped: refused, unless the person says so.
    fields = [{"source": s, "destination": d} for s, d in RIGHT.items()]
    client.put(f"/v1/jobs/{d1['id']}/plan", json={"fields": fields})
    refused = client.post(f"/v1/jobs/{d1['id']}/execute")
    assert refused.status_code == 422 and "allow_missing_required" in refused.json()["error"]["message"]
    teach(app, client, d1)
    done = client.get(f"/v1/jobs/{d1['id']}").json()
    assert done["status"] == "complete" and done["outcome"]["accepted_by"] == "person"
    sheet = done["outcome"]["sheet_id"]
    records = client.get(f"/v1/sheets/{sheet}/records", params={"limit": 100}).json()["data"]
    assert records and all(not r["valid"] for r in records)  # each misses its cost center
    assert all(any(m["type"] == "required" and m["field"] == "cost_center" for m in r["messages"])
               for r in records)

    # d2: same layout, a value the person taught but d1 never held. It runs alone, right.
    d2 = upload(app, client, space, delivery(tmp_path / "d2.csv", 100, contracts=("VZ", "Werkvertrag")))
    plan2 = plan_of(client, d2)
    assert d2["status"] == "complete", d2["outcome"]
    assert {f["source"]: f["destination"] for f in plan2["fields"]} == RIGHT
    assert all(f["certainty"] == "absolute" for f in plan2["fields"] if f["destination"])
    assert any("a person mapped" in f["reason"] for f in plan2["fields"])
    assert {v["value"]: v["option"] for v in plan2["enums"]["contract"]} == {
        "VZ": "full_time", "Werkvertrag": "contractor"}

    # d3: a column renamed (same values) and the order changed: it still runs alone.
    d3 = upload(app, client, space, delivery(tmp_path / "d3.csv", 200, headers=HEADERS[::-1],
                                             renamed={"Eintritt": "Eintrittsdatum"}))
    plan3 = plan_of(client, d3)
    assert d3["status"] == "complete", d3["outcome"]["reasons"]
    assert {f["source"]: f["destination"] for f in plan3["fields"]}["Eintrittsdatum"] == "start_date"
    assert plan3["drift"]["renamed"] == {"Eintritt": "Eintrittsdatum"}


def test_waiting_deliveries_follow_a_persons_decision(people, tmp_path: Path) -> None:
    app, client = people
    space = client.post("/v1/spaces", json={"name": "werk", "feed": "people"}).json()["id"]
    first = upload(app, client, space, delivery(tmp_path / "a.csv", 0))
    second = upload(app, client, space, delivery(tmp_path / "b.csv", 50))
    assert first["status"] == second["status"] == "needs_review"
    teach(app, client, first)
    drain(app)
    now = client.get(f"/v1/jobs/{second['id']}").json()
    assert now["status"] == "complete", now  # planned again with the new memory, ran alone
    assert {f["source"]: f["destination"] for f in plan_of(client, second)["fields"]} == RIGHT


def test_memory_of_two_spaces_finishing_together(people, tmp_path: Path, monkeypatch) -> None:
    from feedline.pipeline import map as map_step

    app, client = people
    jobs = []
    for name in ("alpha", "beta"):
        space = client.post("/v1/spaces", json={"name": name, "feed": "people"}).json()["id"]
        jobs.append((space, upload(app, client, space, delivery(tmp_path / f"{name}.csv", 0))))
    for _space, job in jobs:  # both accepted before either runs
        fields = [{"source": s, "destination": d} for s, d in RIGHT.items()]
        assert client.put(f"/v1/jobs/{job['id']}/plan", json={"fields": fields}).status_code == 200
        assert client.post(f"/v1/jobs/{job['id']}/execute",
                           json={"allow_missing_required": True}).status_code == 200
    barrier = threading.Barrier(2, timeout=30)
    real = map_step.store_records

    def together(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        barrier.wait()  # both jobs then write their records and memory at the same moment
        return result

    monkeypatch.setattr(map_step, "store_records", together)
    workers = [threading.Thread(target=Worker(app, name=f"w{i}").run_once) for i in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=60)
    for space, job in jobs:
        now = client.get(f"/v1/jobs/{job['id']}").json()
        assert now["status"] == "complete", now["outcome"]
        memory = client.get(f"/v1/spaces/{space}/memory").json()["data"]
        assert memory and memory[0]["headers"]["personalnr"] == "employee_id", memory


def test_a_value_fixed_in_review_teaches_the_next_deliveries(holding_people, tmp_path: Path) -> None:
    """A delivery ran alone with one contract written as a code nobody knows; the next
    brings that code in a quarter of its rows and, as this feed says, waits. A person fixes
    the first one's record in review: the waiting delivery is planned again and runs, and
    so do later ones."""
    app, client = holding_people
    space = client.post("/v1/spaces", json={"name": "werk", "feed": "people"}).json()["id"]
    teach(app, client, upload(app, client, space, delivery(tmp_path / "d0.csv", 0)))
    d1 = upload(app, client, space, delivery(tmp_path / "d1.csv", 100, contracts=("VZ",) * 23 + ("X7",)))
    assert d1["status"] == "complete", d1["outcome"]  # one unread value in 24: under the limit
    sheet = d1["outcome"]["sheet_id"]
    records = client.get(f"/v1/sheets/{sheet}/records", params={"limit": 100}).json()["data"]
    (unread,) = [r for r in records if any(m["type"] == "invalid-option" for m in r["messages"])]
    assert unread["values"]["contract"] == "X7"
    waiting = upload(app, client, space, delivery(tmp_path / "d2.csv", 200, contracts=("VZ", "TZ", "FL", "X7")))
    assert waiting["status"] == "needs_review"

    quiet = client.patch(f"/v1/sheets/{sheet}/records",  # a valid cell teaches nothing
                         json=[{"id": records[0]["id"], "values": {"email": "new@example.com"}}])
    assert quiet.status_code == 200 and quiet.json()["taught"] == {}
    fixed = client.patch(f"/v1/sheets/{sheet}/records",
                         json=[{"id": unread["id"], "values": {"contract": "Contractor"}}])
    assert fixed.status_code == 200, fixed.text
    assert fixed.json()["taught"] == {"contract": {"X7": "contractor"}}
    assert fixed.json()["data"][0]["values"]["contract"] == "contractor"
    (memory,) = client.get(f"/v1/spaces/{space}/memory").json()["data"]
    assert memory["enums"]["contract"]["x7"] == "contractor"
    drain(app)
    now = client.get(f"/v1/jobs/{waiting['id']}").json()
    assert now["status"] == "complete", now["outcome"]
    assert {v["value"]: v["option"] for v in plan_of(client, waiting)["enums"]["contract"]}["X7"] \
        == "contractor"
    d3 = upload(app, client, space, delivery(tmp_path / "d3.csv", 300, contracts=("X7", "VZ")))
    assert d3["status"] == "complete", d3["outcome"]
    out = client.get(f"/v1/sheets/{d3['outcome']['sheet_id']}/records", params={"limit": 100}).json()
    assert {r["values"]["contract"] for r in out["data"]} == {"contractor", "full_time"}


def test_a_new_value_in_a_column_a_person_mapped_waits_in_record_review(people, tmp_path: Path) -> None:
    """The column is a person's decision, so a code nobody knows, in a quarter of the rows,
    is invalid data: the delivery runs, the valid records go out, those with the code wait
    in review, and a person's fix there reads it for the next delivery."""
    app, client = people
    space = client.post("/v1/spaces", json={"name": "werk", "feed": "people"}).json()["id"]
    teach(app, client, upload(app, client, space, delivery(tmp_path / "d0.csv", 0)),
          right={**RIGHT, "Kst": "cost_center"})
    d1 = upload(app, client, space, delivery(tmp_path / "d1.csv", 100, contracts=("VZ", "TZ", "FL", "X7")))
    assert d1["status"] == "complete", d1["outcome"]
    assert d1["outcome"]["unread_values"] == {"contract": ["X7"]}
    assert '"contract" values no option reads wait in record review: "X7"' in d1["outcome"]["message"]
    sheet = d1["outcome"]["sheet_id"]
    records = client.get(f"/v1/sheets/{sheet}/records", params={"limit": 100}).json()["data"]
    held = [r for r in records if not r["valid"]]
    assert len(held) == 6 and all(r["values"]["contract"] == "X7" for r in held)
    assert all(any(m["type"] == "invalid-option" for m in r["messages"]) for r in held)
    drain(app)  # the egress job of the records that are valid
    (out,) = (tmp_path / "data" / "out").rglob("d1.*.csv")
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1 + 18
    fixed = client.patch(f"/v1/sheets/{sheet}/records",
                         json=[{"id": held[0]["id"], "values": {"contract": "contractor"}}])
    assert fixed.status_code == 200 and fixed.json()["taught"] == {"contract": {"X7": "contractor"}}
    drain(app)
    d2 = upload(app, client, space, delivery(tmp_path / "d2.csv", 200, contracts=("X7", "VZ")))
    assert d2["status"] == "complete" and d2["outcome"]["unread_values"] == {}, d2["outcome"]
    assert d2["outcome"]["counts"]["invalid"] == 0
