"""feedline: headless file feeds.

Partners deliver files; feedline extracts them, maps their columns onto a blueprint
with plans it remembers, validates the records and delivers the valid ones::

    from feedline import Feedline, Settings, load_feed

    app = Feedline(Settings(data_dir=".feedline"), [load_feed("examples/crm/feed.yaml")])

    @app.listener.on("records:created")
    def tell_someone(event, app):
        print(event.payload)

Run ``feedline serve --feed examples/crm/feed.yaml`` for the HTTP API and workers, or
``feedline run FILE --blueprint BP`` for the same pipeline offline.
"""

from __future__ import annotations

__version__ = "0.1.0"

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from feedline.app import Feedline
    from feedline.blueprint import Blueprint, load_blueprint
    from feedline.errors import FeedlineError
    from feedline.events.model import Event
    from feedline.feeds import Feed, load_feed
    from feedline.listener import Listener
    from feedline.settings import Settings

# Imported on first use: ``feedline run`` should not pay for the server's imports.
_EXPORTS = {
    "Feedline": "feedline.app", "Blueprint": "feedline.blueprint",
    "load_blueprint": "feedline.blueprint", "FeedlineError": "feedline.errors",
    "Event": "feedline.events.model", "Feed": "feedline.feeds", "load_feed": "feedline.feeds",
    "Listener": "feedline.listener", "Settings": "feedline.settings",
}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'feedline' has no attribute {name!r}")

__all__ = [
    "Blueprint",
    "Event",
    "Feed",
    "Feedline",
    "FeedlineError",
    "Listener",
    "Settings",
    "__version__",
    "load_blueprint",
    "load_feed",
]
