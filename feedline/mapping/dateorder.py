"""Date columns in time order: which of two unnamed date columns is the earlier event.

A file's date columns often record steps of one process (ordered, then delivered;
arrival, then departure; opened, then resolved): in every row one comes no later than
the other. When value shapes alone cannot pair two date columns with two free date
fields, the row-wise order of the columns and the order the fields' English words name
(``start``/``end``, ``order``/``expected``, ``service``/``next service``) pair them in
one way. Only numeric dates are read (day, month and year as numbers, in the order the
column writes them); a column whose order of day and month stays unclear gives no
evidence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import polars as pl

from feedline.blueprint.model import Field

# Words of a date field's key or label that place it early or late in a process. The
# blueprint is the target schema, written in English: these are its words, not a partner's.
EARLIER = frozenset({
    "start", "starts", "begin", "begins", "from", "arrival", "arrive", "checkin", "open", "opened",
    "opening", "created", "creation", "order", "ordered", "issue", "issued", "purchase", "purchased",
    "booking", "booked", "sent", "ship", "shipped", "dispatch", "dispatched", "placed", "requested",
    "admission", "admitted", "effective", "listed", "hire", "hired", "joined", "signup", "registered",
    "collected", "collection", "intake", "invoice", "invoiced",
})
LATER = frozenset({
    "end", "ends", "until", "to", "departure", "depart", "checkout", "close", "closed", "closing",
    "resolved", "resolution", "expected", "due", "delivery", "delivered", "termination", "terminated",
    "leaving", "exit", "expiry", "expires", "expiration", "next", "return", "returned", "completed",
    "completion", "finished", "discharge", "discharged", "settled", "settlement", "graduation",
    "renewal", "deadline",
})
ORDERED_SHARE = 0.97  # of rows with both dates, at least this share keep the order
MIN_PAIRS = 5
_PARTS = r"^\s*(\d{1,4})[./\-\s]+(\d{1,2})[./\-\s]+(\d{1,4})"


def field_rank(f: Field) -> int:
    """-1 when the field's words name an early step, 1 a late one, 0 neither (or both)."""
    text = re.sub(r"([a-z])([A-Z])", r"\1 \2", f"{f.key} {f.label}")
    words = set(re.split(r"[^a-z]+", text.casefold().replace("check-in", "checkin")
                         .replace("check-out", "checkout").replace("sign-up", "signup")))
    early, late = bool(words & EARLIER), bool(words & LATER)
    if "next" in words or (late and not early):
        return 1
    return -1 if early and not late else 0


def day_numbers(series: pl.Series) -> pl.Series | None:
    """Each numeric date as a number that sorts like the date (nulls where none), or None
    when the column does not say whether it writes the day or the month first."""
    parts = series.cast(pl.String).str.extract_groups(_PARTS)
    a, b, c = (parts.struct.field(k) for k in ("1", "2", "3"))
    if a.drop_nulls().len() < MIN_PAIRS:
        return None
    a, b, c = (x.cast(pl.Int64, strict=False) for x in (a, b, c))
    if (a.drop_nulls() > 31).all():  # year first: y-m-d
        y, m, d = a, b, c
    else:
        if (a > 12).any() and not (b > 12).any():
            d, m = a, b
        elif (b > 12).any() and not (a > 12).any():
            m, d = a, b
        else:
            return None
        y = pl.Series([None if v is None else v + (2000 if v < 70 else 1900) if v < 100 else v
                       for v in c.to_list()], dtype=pl.Int64)
    return y * 372 + m * 31 + d


def order_pairs(
    days: Mapping[int, pl.Series], fields: Sequence[Field]
) -> list[tuple[int, str]] | None:
    """Pair date columns (by index; their day numbers) with as many free date fields when
    the rows put the columns in one strict order and the fields' words do too."""
    if len(days) != len(fields) or len(fields) not in (2, 3):
        return None
    ranks = {f.key: field_rank(f) for f in fields}
    if len(set(ranks.values())) != len(fields):
        return None
    cols = list(days)

    def before(i: int, j: int) -> bool:
        both = days[i].is_not_null() & days[j].is_not_null()
        x, y = days[i].filter(both), days[j].filter(both)
        if x.len() < MIN_PAIRS:
            return False
        n = x.len()
        return (x <= y).sum() >= ORDERED_SHARE * n and (x < y).sum() >= 0.5 * n

    order = sorted(cols, key=lambda i: sum(before(j, i) for j in cols))
    if any(not before(order[k], order[k + 1]) for k in range(len(order) - 1)):
        return None
    by_rank = sorted(fields, key=lambda f: ranks[f.key])
    return [(i, f.key) for i, f in zip(order, by_rank, strict=True)]


__all__ = ["EARLIER", "LATER", "day_numbers", "field_rank", "order_pairs"]
