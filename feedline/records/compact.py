"""Compaction: fold a sheet's edits into a new segment version.

Edits overlay the segment until there are enough of them to slow reads down; then the
current records (as of the newest edit) are written as a new version, with their messages
final (no separate checks file) and fresh key indexes. Edits made meanwhile keep
overlaying the new version. The version before stays readable (a running egress may hold
a snapshot of it); older ones are deleted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sqlalchemy as sa

from feedline.blueprint.model import SheetSpec
from feedline.records import overlay
from feedline.records.schema import schema
from feedline.records.segment import SegmentWriter
from feedline.records.view import SheetView
from feedline.store import repo
from feedline.store import tables as t
from feedline.store.models import Segment

if TYPE_CHECKING:
    from feedline.blobs import Blobs

# Every pending edit costs each page read about 85 µs (loaded from the database and merged
# over the segment): 10,000 of them made a page take 0.85 s. Compacting costs a rewrite of
# the sheet, on a worker; a thousand edits, or a thousandth of a large sheet, is worth one.
MIN_EDITS = 1_000
SHARE = 0.001


def due(pending: int, rows: int) -> bool:
    """Whether ``pending`` edits over a ``rows``-record sheet call for a compaction."""
    return pending >= max(MIN_EDITS, int(rows * SHARE))


def compact(engine: sa.Engine, blobs: Blobs, sheet_id: str, spec: SheetSpec) -> Segment | None:
    """Write the sheet's current records as a new segment version; None when another
    compaction got there first (or there is nothing to fold)."""
    from feedline.store.db import reading, writing

    with reading(engine) as conn:
        sheet = repo.get_sheet(conn, sheet_id)
        view = SheetView.open(conn, blobs, sheet, spec)
    if view.upto <= view.segment.compacted_seq:
        return None
    writer = SegmentWriter(blobs, sheet_id, view.segment.version + 1, compacted_seq=view.upto)
    for batch in view.iter_batches():
        writer.write(batch.select(list(schema(spec))))
    segment = writer.finish(None, spec)
    with writing(engine) as conn:
        current = repo.get_sheet(conn, sheet_id, lock=True)
        if current.segment_version != view.segment.version:
            blobs.delete(segment.prefix)  # another compaction won
            return None
        repo.add_segment(conn, segment)
        # Versions before the one just replaced go, unless a running egress reads them.
        reading_now = set(conn.execute(sa.select(t.egress_runs.c.segment_version).where(
            t.egress_runs.c.sheet_id == sheet_id, t.egress_runs.c.status == "running"))
            .scalars().all())
        old = sa.and_(t.sheet_segments.c.sheet_id == sheet_id,
                      t.sheet_segments.c.version < view.segment.version,
                      t.sheet_segments.c.version.not_in(reading_now or {-1}))
        stale = conn.execute(sa.select(t.sheet_segments.c.prefix).where(old)).scalars().all()
        conn.execute(t.sheet_segments.delete().where(old))
    for prefix in stale:
        if prefix:
            blobs.delete(prefix)
    return segment


def pending(conn: sa.Connection, sheet_id: str, compacted_seq: int) -> int:
    return overlay.count_after(conn, sheet_id, compacted_seq)
