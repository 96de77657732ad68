"""Pages at any depth for the records grid: page N in record order reads the matching
ids (one narrow column), cuts them, and reads only that page's records.

:meth:`SheetView.page` with an offset in record order sorts every matching record; a
person jumping to page 19,998 of a million-record sheet should not wait for that. The
id list is kept per snapshot and query, as sorted orders are, since a person pages
through one view many times.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

import polars as pl

from feedline.records.view import Query, SheetView

KEPT = 16  # id lists kept per process (8 MB each for a million records)
_IDS: OrderedDict[tuple[Any, ...], pl.Series] = OrderedDict()
_LOCK = threading.Lock()


def matching_ids(view: SheetView, query: Query) -> pl.Series:
    """The ids of the records matching ``query``'s filters, in record (id) order."""
    key = (view.segment.sheet_id, view.segment.version, view.upto, query)
    with _LOCK:
        found = _IDS.get(key)
        if found is not None:
            _IDS.move_to_end(key)
            return found
    ids = view.candidates(query).select("_id").collect()["_id"].sort()
    with _LOCK:
        _IDS[key] = ids
        while len(_IDS) > KEPT:
            _IDS.popitem(last=False)
    return ids


def page_at(view: SheetView, query: Query, offset: int, limit: int) -> pl.DataFrame:
    """``limit`` records from position ``offset`` of ``query``'s order (sorted by its
    field, else by record id), with their messages."""
    if offset <= 0 or query.sort:
        frame, _next = view.page(query, limit, offset=max(offset, 0))
        return frame
    ids = matching_ids(view, query).slice(offset, limit)
    return view.frame(ids.to_list()) if ids.len() else view.page(query, 0)[0]
