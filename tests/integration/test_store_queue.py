"""The store, the event log and the job queue: the same contract on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from feedline.app import Feedline
from feedline.errors import Conflict, NotFound
from feedline.events.dispatch import Dispatcher
from feedline.events.log import emit, read
from feedline.jobs import queue
from feedline.jobs.model import Job, Status
from feedline.jobs.worker import Worker
from feedline.listener import Listener
from feedline.store import current_revision, head, migrate, repo


def test_migrations_reach_head_and_are_idempotent(app: Feedline) -> None:
    with app.read() as conn:
        assert current_revision(conn) == head()
    assert migrate(app.engine) == head()  # a second run changes nothing
    with app.read() as conn:
        assert current_revision(conn) == head()


def test_space_names_are_unique_per_environment(app: Feedline) -> None:
    with app.begin() as conn:
        repo.create_space(conn, app.environment_id, "acme", "crm")
    with pytest.raises(Conflict, match="already exists"), app.begin() as conn:
        repo.create_space(conn, app.environment_id, "acme", "crm")
    with app.begin() as conn, pytest.raises(NotFound):
        repo.get_space(conn, "sp_missing")


def test_space_metadata_merges(app: Feedline) -> None:
    with app.begin() as conn:
        space = repo.create_space(conn, app.environment_id, "s", "crm")
        repo.update_space_metadata(conn, space.id, {"a": 1})
        repo.update_space_metadata(conn, space.id, {"b": 2})
        assert repo.get_space(conn, space.id).metadata == {"a": 1, "b": 2}


def test_events_are_durable_and_ordered(app: Feedline) -> None:
    with app.begin() as conn:
        ids = [emit(conn, "test:ping", {"environment": app.environment_id}, {"n": i}) for i in range(5)]
    assert ids == sorted(ids)
    with app.read() as conn:
        events = read(conn, after=ids[1], topic="test:ping")
    assert [e.payload["n"] for e in events] == [2, 3, 4]


def test_listener_filters_and_redelivers_after_a_failing_batch(app: Feedline) -> None:
    seen: list[int] = []
    listener = Listener()
    listener.on("job:completed", {"job": "extract"}, lambda e, _: seen.append(e.payload["n"]))
    app.listener = listener
    with app.begin() as conn:
        emit(conn, "job:completed", {}, {"operation": "map", "n": 1})
        emit(conn, "job:completed", {}, {"operation": "extract", "n": 2})
        emit(conn, "job:failed", {}, {"operation": "extract", "n": 3})
    assert Dispatcher(app).run_once() == 3
    assert seen == [2]
    assert Dispatcher(app).run_once() == 0  # handled events are gone: nothing delivered twice


def _job(app: Feedline, **kw) -> Job:
    with app.begin() as conn:
        return queue.create_job(conn, environment_id=app.environment_id, operation="noop", **kw)


def test_dedupe_key_makes_job_creation_idempotent(app: Feedline) -> None:
    a = _job(app, dedupe_key="x:1")
    b = _job(app, dedupe_key="x:1")
    assert a.id == b.id


def test_claim_takes_each_job_once(app: Feedline) -> None:
    jobs = {_job(app).id for _ in range(6)}
    claimed: list[str] = []
    lock = threading.Lock()

    def grab(name: str) -> None:
        while True:
            with app.begin() as conn:
                job = queue.claim(conn, name, 30)
            if job is None:
                return
            with lock:
                claimed.append(job.id)

    threads = [threading.Thread(target=grab, args=(f"w{i}",)) for i in range(3)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert sorted(claimed) == sorted(jobs)


def test_expired_lease_is_retried_then_given_up(app: Feedline) -> None:
    job = _job(app, max_attempts=2)
    with app.begin() as conn:
        first = queue.claim(conn, "crashed-worker", lease_seconds=0.05)
    assert first and first.status == "executing" and first.attempts == 1
    with app.begin() as conn:
        assert queue.claim(conn, "other", 30) is None  # lease still held
    time.sleep(0.1)
    with app.begin() as conn:
        second = queue.claim(conn, "other", lease_seconds=0.05)
    assert second and second.id == job.id and second.attempts == 2
    time.sleep(0.1)
    with app.begin() as conn:
        assert queue.claim(conn, "third", 30) is None
        final = queue.get_job(conn, job.id)
    assert final.status == "failed" and "gave up after 2 attempts" in final.outcome["message"]


def test_worker_records_outcomes_and_failures(app: Feedline) -> None:
    listener = Listener()

    @listener.job("noop")
    def run(r):
        r.progress(50, "half way")
        if r.job.input.get("boom"):
            raise ValueError("kaput")
        return {"message": "fine"}

    app.listener = listener
    ok = _job(app)
    bad = _job(app, input={"boom": True})
    worker = Worker(app)
    assert worker.run_once() and worker.run_once() and not worker.run_once()
    with app.read() as conn:
        ok_now, bad_now = queue.get_job(conn, ok.id), queue.get_job(conn, bad.id)
    assert ok_now.status == "complete" and ok_now.progress == 100 and ok_now.outcome == {"message": "fine"}
    assert bad_now.status == "failed" and "ValueError: kaput" in bad_now.outcome["message"]


def test_transitions_refuse_impossible_moves(app: Feedline) -> None:
    job = _job(app)
    with app.begin() as conn:
        queue.transition(conn, job.id, Status.CANCELED)
    with app.begin() as conn, pytest.raises(Conflict, match="canceled"):
        queue.transition(conn, job.id, Status.READY)


def test_a_failing_handler_gets_the_event_again(app: Feedline) -> None:
    calls: list[int] = []
    listener = Listener()

    @listener.on("test:*")
    def flaky(event, _app):
        calls.append(event.payload["n"])
        if event.payload["n"] == 2 and calls.count(2) < 3:
            raise RuntimeError("downstream hiccup")

    app.listener = listener
    with app.begin() as conn:
        for n in (1, 2, 3):
            emit(conn, "test:x", {}, {"n": n})
    dispatcher = Dispatcher(app)
    assert dispatcher.run_once() == 2  # 1 and 3; the failing event waits for its retry
    assert dispatcher.run_once() == 0  # backing off
    deadline = time.monotonic() + 10
    while calls.count(2) < 3 and time.monotonic() < deadline:
        dispatcher.run_once()
        time.sleep(0.05)
    assert calls.count(2) == 3 and calls.count(1) == calls.count(3) == 1
    assert dispatcher.run_once() == 0  # all handled, nothing twice


def test_an_event_committed_after_a_later_one_is_still_delivered(app: Feedline) -> None:
    """Two transactions: the first takes event id N and commits last; nothing is skipped,
    neither by the dispatcher nor by a reader of the log by id."""
    seen: list[str] = []
    listener = Listener()
    listener.on("test:*", None, lambda e, _app: seen.append(e.payload["name"]))
    app.listener = listener
    if app.engine.dialect.name == "sqlite":
        pytest.skip("SQLite commits one writer at a time: ids are committed in order")
    slow = app.engine.connect()
    slow_tx = slow.begin()
    first = emit(slow, "test:x", {}, {"name": "first"})  # takes the lower id, not committed
    with app.begin() as conn:
        second = emit(conn, "test:x", {}, {"name": "second"})
    assert first < second
    dispatcher = Dispatcher(app)
    assert dispatcher.run_once() == 1 and seen == ["second"]
    with app.read() as conn:
        assert [e.id for e in read(conn, after=0)] == []  # stops before the gap at `first`
    slow_tx.commit()
    slow.close()
    assert dispatcher.run_once() == 1 and seen == ["second", "first"]
    with app.read() as conn:
        assert [e.id for e in read(conn, after=0)] == [first, second]


def test_a_worker_whose_lease_was_taken_over_does_not_finish_the_job(app: Feedline) -> None:
    listener = Listener()
    takeover: dict = {}

    @listener.job("noop")
    def slow(run):
        # While this runs, the lease runs out and another worker claims the job.
        with app.begin() as conn:
            conn.execute(sa.text("UPDATE jobs SET lease_expires_at = :t WHERE id = :i"),
                         {"t": datetime.now(UTC) - timedelta(seconds=1), "i": run.id})
        with app.begin() as conn:
            takeover["job"] = queue.claim(conn, "second-worker", 30)
        return {"message": "first worker done"}

    app.listener = listener
    job = _job(app)
    assert Worker(app, name="first-worker").run_once()
    assert takeover["job"].id == job.id
    with app.read() as conn:
        now_ = queue.get_job(conn, job.id)
    assert now_.status == "executing" and now_.lease_owner == "second-worker"
    assert now_.outcome is None
