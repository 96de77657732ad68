"""Workers: claim jobs, keep their lease alive, run the executor, record the end."""

from __future__ import annotations

import logging
import os
import socket
import threading
import traceback
from typing import TYPE_CHECKING, Any

from feedline.errors import FeedlineError, TransientError
from feedline.jobs import queue
from feedline.jobs.model import Defer, Job, NeedsReview, Status

if TYPE_CHECKING:
    from feedline.app import Feedline

log = logging.getLogger("feedline.worker")


class JobRun:
    """What an executor gets: the job, the app, and ways to report progress."""

    def __init__(self, app: Feedline, job: Job, worker: str) -> None:
        self.app = app
        self.job = job
        self.worker = worker

    @property
    def id(self) -> str:
        return self.job.id

    def progress(self, value: float, info: str | None = None) -> None:
        with self.app.begin() as conn:
            queue.progress(conn, self.id, value, info)


class Worker:
    """One worker thread's loop; several run inside ``feedline serve``."""

    def __init__(self, app: Feedline, name: str | None = None) -> None:
        self.app = app
        self.host = f"{socket.gethostname()}:{os.getpid()}"
        self.name = name or f"{self.host}:{threading.get_ident()}"
        self.stopping = threading.Event()

    def run_forever(self) -> None:
        while not self.stopping.is_set():
            try:
                ran = self.run_once()
            except Exception:  # never let the loop die (e.g. database briefly unreachable)
                log.exception("worker %s: error while claiming", self.name)
                ran = False
            if not ran:
                self.app.wakeups.wait(self.stopping, self.app.settings.poll_interval)

    def run_once(self) -> bool:
        """Claim and run one job; False when none was runnable."""
        ops = list(self.app.listener.executors)
        with self.app.begin() as conn:
            job = queue.claim(conn, self.name, self.app.settings.lease_seconds, ops, host=self.host)
        if job is None:
            return False
        self._run(job)
        return True

    def _run(self, job: Job) -> None:
        executor = self.app.listener.executors[job.operation]
        run = JobRun(self.app, job, self.name)
        beat_stop = threading.Event()
        beat = threading.Thread(target=self._heartbeat, args=(job.id, beat_stop), daemon=True)
        beat.start()
        try:
            outcome = executor(run)
        except Defer as later:
            with self.app.begin() as conn:
                if self._owns(conn, job.id):
                    queue.defer(conn, job.id, later.seconds, f"waiting: {later.reason}")
        except NeedsReview as review:
            self._finish(job, Status.NEEDS_REVIEW, review.outcome, info="waiting for a person")
        except TransientError as exc:
            if job.attempts < job.max_attempts:
                with self.app.begin() as conn:
                    if self._owns(conn, job.id):
                        queue.retry_later(conn, job.id, 2.0 ** job.attempts, f"retrying: {exc}")
            else:
                self._finish(job, Status.FAILED, {"message": str(exc)}, info=str(exc))
        except FeedlineError as exc:
            self._finish(job, Status.FAILED, {"message": str(exc)}, info=str(exc))
        except Exception as exc:
            log.error("job %s (%s) crashed:\n%s", job.id, job.operation, traceback.format_exc())
            message = f"internal error: {type(exc).__name__}: {exc}".splitlines()[0]
            self._finish(job, Status.FAILED, {"message": message}, info=message)
        else:
            self._finish(job, Status.COMPLETE, outcome or {}, info=(outcome or {}).get("message"))
        finally:
            beat_stop.set()
            beat.join()

    def _finish(self, job: Job, status: Status, outcome: dict[str, Any],
                info: str | None) -> None:
        with self.app.begin() as conn:
            if self._owns(conn, job.id):
                queue.finish(conn, job.id, status, outcome=outcome, info=info)

    def _owns(self, conn: Any, job_id: str) -> bool:
        """Still ours? Not when canceled, or re-claimed by another worker after our lease ran out."""
        current = queue.get_job(conn, job_id)
        return current.status == Status.EXECUTING and current.lease_owner == self.name

    def _heartbeat(self, job_id: str, stop: threading.Event) -> None:
        interval = max(0.5, self.app.settings.lease_seconds / 3)
        while not stop.wait(interval):
            try:
                with self.app.begin() as conn:
                    queue.heartbeat(conn, job_id, self.name, self.app.settings.lease_seconds)
            except Exception:
                log.exception("heartbeat for %s failed", job_id)
