"""The built-in listeners that make up the headless feed, installed like any plugin."""

from __future__ import annotations

from feedline.listener import Listener


def headless_feed(listener: Listener) -> None:
    """extract → automap → validate → egress (and notify), each a plugin on the listener."""
    from feedline.plugins import automap, compact, egress, extract, notify

    listener.use(extract.plugin)
    listener.use(automap.plugin)
    listener.use(egress.plugin)
    listener.use(compact.plugin)
    listener.use(notify.plugin)


__all__ = ["headless_feed"]
