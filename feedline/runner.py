"""The background side of a feedline process: the event dispatcher, job workers and the
egress scheduler, as threads; started by ``feedline serve`` (beside the API) and by
``feedline worker`` (alone), stopped gracefully: running jobs finish, then the threads
exit (a job still running after the grace period is left to its lease)."""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from feedline.events.dispatch import Dispatcher
from feedline.jobs.worker import Worker

if TYPE_CHECKING:
    from feedline.app import Feedline

log = logging.getLogger("feedline.runner")


class Scheduler:
    """Creates the egress jobs the feeds' schedules call for (``egress.every``)."""

    def __init__(self, app: Feedline, interval: float = 5.0) -> None:
        self.app, self.interval = app, interval
        self.stopping = threading.Event()

    def run_forever(self) -> None:
        from feedline.plugins.egress import scheduled

        while not self.stopping.wait(self.interval):
            try:
                scheduled(self.app)
            except Exception:
                log.exception("scheduling egress failed; will retry")


class Runner:
    """One dispatcher, ``workers`` job workers and the scheduler of one process."""

    def __init__(self, app: Feedline, workers: int) -> None:
        self.app = app
        self.dispatcher = Dispatcher(app)
        self.workers = [Worker(app, name=f"{Worker.host_name()}:{i}") for i in range(workers)]
        self.scheduler = Scheduler(app)
        self.threads: list[threading.Thread] = []

    def start(self) -> None:
        if self.workers:
            from feedline.mapping.assign import warm_up

            warm_up()  # the first map job finds the planner's solver loaded
        loops = [("dispatcher", self.dispatcher.run_forever), ("scheduler", self.scheduler.run_forever)]
        loops += [(f"worker-{i}", w.run_forever) for i, w in enumerate(self.workers)]
        for name, loop in loops:
            th = threading.Thread(target=loop, name=f"feedline-{name}", daemon=True)
            th.start()
            self.threads.append(th)
        log.info("started a dispatcher and %d worker(s)", len(self.workers))

    def stop(self, grace: float = 30.0) -> None:
        """Stop taking work; wait up to ``grace`` seconds for running jobs to finish."""
        self.dispatcher.stopping.set()
        self.scheduler.stopping.set()
        for w in self.workers:
            w.stopping.set()
        self.app.wakeups.wake()
        for th in self.threads:
            th.join(timeout=grace)
        left = [th.name for th in self.threads if th.is_alive()]
        if left:
            log.warning("stopped with %s still running; their leases will expire", ", ".join(left))
