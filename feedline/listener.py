"""The Listener: how built-in steps and user code hear events and run jobs.

    listener = Listener()

    @listener.on("job:completed", {"job": "extract"})
    def after_extract(event, app):
        ...

    @listener.job("export-to-crm")
    def run_export(run):
        run.progress(50, "half way")
        return {"message": "done"}

    listener.use(my_plugin)   # a callable taking the listener

Event handlers run at least once per event, so they must be idempotent (create jobs
with a ``dedupe_key``). Job executors receive a :class:`feedline.jobs.worker.JobRun`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from feedline.app import Feedline
    from feedline.events.model import Event
    from feedline.jobs.worker import JobRun

EventHandler = Callable[["Event", "Feedline"], None]
JobExecutor = Callable[["JobRun"], "dict[str, Any] | None"]
Plugin = Callable[["Listener"], None]


@dataclass(frozen=True)
class Subscription:
    topic: str
    filter: dict[str, Any] | None
    handler: EventHandler


class Listener:
    """Registry of event handlers (``on``), job executors (``job``) and plugins (``use``)."""

    def __init__(self) -> None:
        self.subscriptions: list[Subscription] = []
        self.executors: dict[str, JobExecutor] = {}
        self.plugins: list[Plugin] = []

    def on(self, topic: str, filter: dict[str, Any] | None = None,
           handler: EventHandler | None = None) -> Any:
        """Call ``handler(event, app)`` for every event on ``topic`` that matches ``filter``.

        Usable directly (``on(topic, filter, fn)``) or as a decorator (``@on(topic)``).
        """
        def register(fn: EventHandler) -> EventHandler:
            self.subscriptions.append(Subscription(topic, filter, fn))
            return fn

        return register(handler) if handler is not None else register

    def job(self, operation: str, executor: JobExecutor | None = None) -> Any:
        """Run ``executor(run)`` for jobs of ``operation``; its return value is the outcome."""
        def register(fn: JobExecutor) -> JobExecutor:
            if operation in self.executors:
                raise ValueError(f"an executor for {operation!r} jobs is already registered")
            self.executors[operation] = fn
            return fn

        return register(executor) if executor is not None else register

    def use(self, plugin: Plugin) -> Listener:
        """Install a plugin: a callable that registers its handlers on this listener."""
        plugin(self)
        self.plugins.append(plugin)
        return self

    def handlers_for(self, event: Event) -> list[EventHandler]:
        return [s.handler for s in self.subscriptions if event.matches(s.topic, s.filter)]
