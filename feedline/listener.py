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

    @listener.record_hook("contacts")      # also bulk_hook (a list) and frame_hook (Polars)
    def tidy(record):
        record["email"] = (record["email"] or "").lower()

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

from feedline.validate.hooks import Hook

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
        self.hooks: list[Hook] = []
        self.feed: str | None = None

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

    def record_hook(self, sheet: str, fn: Callable[..., Any] | None = None) -> Any:
        """Run ``fn(record)`` on every created or edited record of ``sheet`` (``"*"``: all).

        ``record`` is a :class:`feedline.validate.Record`: read ``record["field"]``,
        set ``record["field"] = value`` (text is cast to the field's type again), attach
        ``record.add_error(field, text)`` / ``add_warning`` / ``add_info``. Return the
        record or None. Costs a Python call per record; prefer ``frame_hook`` at volume.
        Runs after casting and before constraints; a raise marks that record with a
        ``hook`` error and drops its changes. Usable as a decorator.
        """
        return self._hook("record", sheet, fn)

    def bulk_hook(self, sheet: str, fn: Callable[..., Any] | None = None) -> Any:
        """Run ``fn(records)`` on each batch (a list of :class:`feedline.validate.Record`).

        Same record contract as :meth:`record_hook`; change records in place, the return
        value is ignored. Suits look-ups done once per batch (an API, a database). A raise
        marks every record of the batch with a ``hook`` error and drops the batch's changes.
        """
        return self._hook("bulk", sheet, fn)

    def frame_hook(self, sheet: str, fn: Callable[..., Any] | None = None) -> Any:
        """Run ``fn(frame) -> frame`` on each batch as a ``polars.DataFrame``: the fastest hook.

        The frame has one typed column per field (null where empty or not castable).
        Return a frame with the same rows in the same order; changed field columns are
        taken (cast again when their type differs). To attach messages, add String
        columns ``error:<field>``, ``warn:<field>`` or ``info:<field>`` (``error:`` alone
        for the whole record): each non-null cell becomes a ``hook`` message with that
        text. A raise marks the batch's records with a ``hook`` error, changes dropped.
        """
        return self._hook("frame", sheet, fn)

    def _hook(self, kind: Any, sheet: str, fn: Callable[..., Any] | None) -> Any:
        def register(f: Callable[..., Any]) -> Callable[..., Any]:
            if not callable(f):
                raise TypeError(f"a {kind} hook must be callable (got {type(f).__name__})")
            self.hooks.append(Hook(kind, sheet, f, self.feed))
            return f

        return register(fn) if fn is not None else register

    def add_hook(self, hook: Hook) -> None:
        """Register a ready :class:`Hook` object (scoped to this listener's feed, if any)."""
        scoped = hook if self.feed is None else Hook(hook.kind, hook.sheet, hook.fn, self.feed)
        self.hooks.append(scoped)

    def hooks_for(self, sheet: str, feed: str | None = None) -> list[Hook]:
        """The hooks that run on ``sheet`` of ``feed``, in registration order."""
        return [h for h in self.hooks if h.applies(sheet, feed)]

    def scoped(self, feed: str) -> Listener:
        """A view of this listener whose hooks only apply to ``feed``'s sheets."""
        view = Listener.__new__(Listener)
        view.subscriptions, view.executors = self.subscriptions, self.executors
        view.plugins, view.hooks, view.feed = self.plugins, self.hooks, feed
        return view

    def handlers_for(self, event: Event) -> list[EventHandler]:
        """The event handlers whose topic and filter match ``event``, in registration order."""
        return [s.handler for s in self.subscriptions if event.matches(s.topic, s.filter)]
