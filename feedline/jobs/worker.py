"""Workers: claim jobs, keep their lease alive, run the executor, record the end.

A failure is *transient* when retrying may help: a :class:`~feedline.errors.TransientError`
or a lost or refused database connection. The job then goes back to the queue with
exponential backoff, up to its ``max_attempts``. Anything else fails the job for good with
a one-line reason. A job canceled while it runs stops at its next progress report
(:meth:`JobRun.progress` raises :class:`Canceled`); its worker never overwrites the state.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import traceback
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from feedline.errors import FeedlineError, TransientError
from feedline.jobs import queue
from feedline.jobs.model import Canceled, Defer, Job, NeedsReview, Status

if TYPE_CHECKING:
    from feedline.app import Feedline

log = logging.getLogger("feedline.worker")
BEAT_SECONDS = 5.0  # heartbeats (and cancellation checks) at least this often
MAX_BACKOFF = 300.0


def transient(exc: BaseException) -> bool:
    """Whether retrying may fix ``exc`` (a destination hiccup, the database going away)."""
    if isinstance(exc, TransientError):
        return True
    if isinstance(exc, sa.exc.DBAPIError) and exc.connection_invalidated:
        return True
    return isinstance(exc, sa.exc.OperationalError | sa.exc.InterfaceError | sa.exc.TimeoutError
                      | ConnectionError)


class JobRun:
    """What an executor gets: the job, the app, and ways to report progress."""

    def __init__(self, app: Feedline, job: Job, worker: str) -> None:
        self.app = app
        self.job = job
        self.worker = worker
        self.canceled = threading.Event()

    @property
    def id(self) -> str:
        return self.job.id

    def check(self) -> None:
        """Raise :class:`Canceled` when a person canceled the job meanwhile."""
        if self.canceled.is_set():
            raise Canceled(f"job {self.id} was canceled")

    def progress(self, value: float, info: str | None = None) -> None:
        """Report progress (0–100); also where a canceled job stops."""
        self.check()
        with self.app.begin() as conn:
            queue.progress(conn, self.id, value, info)


class Worker:
    """One worker thread's loop; several run in ``feedline serve`` and ``feedline worker``."""

    def __init__(self, app: Feedline, name: str | None = None) -> None:
        self.app = app
        self.host = self.host_name()
        self.name = name or f"{self.host}:{threading.get_ident()}"
        self.stopping = threading.Event()

    @staticmethod
    def host_name() -> str:
        """``host:pid`` of this process."""
        return f"{socket.gethostname()}:{os.getpid()}"

    def run_forever(self) -> None:
        failures = 0
        while not self.stopping.is_set():
            try:
                ran = self.run_once()
                failures = 0
            except Exception:  # never let the loop die (e.g. database briefly unreachable)
                failures += 1
                log.warning("worker %s: cannot claim jobs (try %d)", self.name, failures,
                            exc_info=failures == 1)
                self.stopping.wait(min(30.0, 0.5 * 2 ** min(failures, 6)))
                continue
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
        beat = threading.Thread(target=self._heartbeat, args=(run, beat_stop), daemon=True)
        beat.start()
        started = time.perf_counter()
        log.info("job %s (%s) started, attempt %d of %d", job.id, job.operation, job.attempts,
                 job.max_attempts, extra={"job": job.id, "space": job.space_id, "file": job.file_id})
        try:
            outcome = executor(run)
        except Canceled:
            log.info("job %s (%s) stopped: canceled", job.id, job.operation)
        except Defer as later:
            with self.app.begin() as conn:
                if self._owns(conn, job.id):
                    queue.defer(conn, job.id, later.seconds, f"waiting: {later.reason}")
        except NeedsReview as review:
            self._finish(job, Status.NEEDS_REVIEW, review.outcome, info="waiting for a person")
        except Exception as exc:
            self._failed(job, exc)
        else:
            self._finish(job, Status.COMPLETE, outcome or {}, info=(outcome or {}).get("message"))
        finally:
            beat_stop.set()
            beat.join()
            log.info("job %s (%s) ended in %.2f s", job.id, job.operation,
                     time.perf_counter() - started,
                     extra={"job": job.id, "space": job.space_id, "file": job.file_id})

    def _failed(self, job: Job, exc: Exception) -> None:
        if isinstance(exc, FeedlineError) and not isinstance(exc, TransientError):
            self._finish(job, Status.FAILED, {"message": str(exc)}, info=str(exc))
            return
        reason = str(exc) if isinstance(exc, FeedlineError) else \
            f"{type(exc).__name__}: {exc}".splitlines()[0]
        if transient(exc) and job.attempts < job.max_attempts:
            delay = min(MAX_BACKOFF, 2.0 ** job.attempts)
            log.warning("job %s (%s) hit a transient failure, retry in %.0f s: %s", job.id,
                        job.operation, delay, reason)
            try:
                with self.app.begin() as conn:
                    if self._owns(conn, job.id):
                        queue.retry_later(conn, job.id, delay, f"retrying: {reason}")
            except Exception:  # the database is still away: the lease will expire instead
                log.warning("job %s: could not schedule its retry; its lease will expire", job.id)
            return
        if not transient(exc):
            log.error("job %s (%s) crashed:\n%s", job.id, job.operation, traceback.format_exc())
            reason = f"internal error: {reason}"
        self._finish(job, Status.FAILED, {"message": reason}, info=reason)

    def _finish(self, job: Job, status: Status, outcome: dict[str, Any],
                info: str | None) -> None:
        with self.app.begin() as conn:
            if self._owns(conn, job.id):
                queue.finish(conn, job.id, status, outcome=outcome, info=info)

    def _owns(self, conn: Any, job_id: str) -> bool:
        """Still ours? Not when canceled, or re-claimed by another worker after our lease ran out."""
        current = queue.get_job(conn, job_id)
        return current.status == Status.EXECUTING and current.lease_owner == self.name

    def _heartbeat(self, run: JobRun, stop: threading.Event) -> None:
        interval = max(0.2, min(BEAT_SECONDS, self.app.settings.lease_seconds / 3))
        while not stop.wait(interval):
            try:
                with self.app.begin() as conn:
                    if not queue.heartbeat(conn, run.id, self.name, self.app.settings.lease_seconds):
                        run.canceled.set()  # canceled, or taken over after a lost lease
                        return
            except Exception:
                log.warning("heartbeat for %s failed", run.id, exc_info=True)
