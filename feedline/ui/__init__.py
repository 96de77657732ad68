"""The review UI, served by ``feedline serve`` itself: server-rendered pages (Jinja2
templates and a little JavaScript shipped in this package, no CDN) for the people a
feed needs.

Pages: sign-in (API key) and signed links (:mod:`feedline.ui.auth`), the feeds overview
and a space's timeline (:mod:`feedline.ui.pages`), the mapping review
(:mod:`feedline.ui.review`) and the records grid (:mod:`feedline.ui.grid`). They call
the core (pipeline, records, store, jobs) directly, never the HTTP API.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from fastapi.staticfiles import StaticFiles

if TYPE_CHECKING:
    from fastapi import FastAPI

STATIC = Path(__file__).resolve().parent / "static"


def mount(api: FastAPI) -> None:
    """Add the UI (``/``, ``/ui/…``) and the offline API docs (``/docs``, ``/redoc``)."""
    from feedline.ui import docs, grid, pages, render, review

    docs.install(api)
    api.mount("/ui/static", StaticFiles(directory=STATIC), name="ui-static")
    for module in (pages, review, grid):
        api.include_router(module.router)
    render.install(api)


__all__ = ["mount"]
