"""Records of a database from feedline 0.1 (one JSON row per record) become segments.

Migration ``0002`` keeps the old rows in ``legacy_records`` and ``legacy_record_versions``;
turning them into Parquet needs the blob store and the sheet's blueprint, so it happens
here, when an installation starts with the feed of each such sheet loaded. Record ids
become the sheet's own (row + 1); a record's history is kept. A sheet whose feed is not
loaded waits for a start that loads it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from feedline.records.schema import from_records, schema
from feedline.records.segment import SegmentWriter
from feedline.store import repo
from feedline.store import tables as t
from feedline.store.db import reading, writing

if TYPE_CHECKING:
    from feedline.blobs import Blobs
    from feedline.feeds import Feed

log = logging.getLogger("feedline.legacy")
BATCH = 50_000
LR = sa.table("legacy_records", sa.column("id"), sa.column("sheet_id"), sa.column("row"),
              sa.column("values", t.JSON), sa.column("messages", t.JSON), sa.column("valid"),
              sa.column("version"))
LV = sa.table("legacy_record_versions", sa.column("id"), sa.column("record_id"),
              sa.column("sheet_id"), sa.column("version"), sa.column("change"), sa.column("actor"),
              sa.column("old_values", t.JSON), sa.column("new_values", t.JSON),
              sa.column("old_valid"), sa.column("changed_at", t.TS))


def convert(engine: sa.Engine, blobs: Blobs, feeds: dict[str, Feed]) -> int:
    """Turn every legacy sheet whose feed is loaded into a segment; how many were."""
    with reading(engine) as conn:
        if "legacy_records" not in sa.inspect(conn).get_table_names():
            return 0
        sheets = conn.execute(sa.select(LR.c.sheet_id).distinct()).scalars().all()
    done = 0
    for sheet_id in sheets:
        with reading(engine) as conn:
            sheet = repo.get_sheet(conn, sheet_id)
            wb = repo.get_workbook(conn, sheet.workbook_id)
            space = repo.get_space(conn, wb.space_id)
        feed = feeds.get(space.feed)
        if feed is None or sheet.segment_version:
            log.warning("sheet %s keeps its old records until feed %r is loaded", sheet_id, space.feed)
            continue
        _one(engine, blobs, sheet_id, feed.blueprint.sheet(sheet.slug))
        done += 1
    return done


def _one(engine: sa.Engine, blobs: Blobs, sheet_id: str, spec: Any) -> None:
    with reading(engine) as conn:
        rows = conn.execute(sa.select(LR).where(LR.c.sheet_id == sheet_id).order_by(LR.c.id)).all()
        history = conn.execute(sa.select(LV).where(LV.c.sheet_id == sheet_id).order_by(LV.c.id)).all()
    new_id = {r.id: int(r.row) + 1 for r in rows}
    writer = SegmentWriter(blobs, sheet_id, 1)
    for start in range(0, len(rows), BATCH):
        part = from_records([{"id": new_id[r.id], "row": r.row, "values": r.values or {},
                              "messages": r.messages or [], "valid": r.valid,
                              "version": r.version} for r in rows[start:start + BATCH]], spec)
        writer.write(part.select(list(schema(spec))))
    with writing(engine) as conn:
        seq = 0
        for h in history:
            if h.record_id not in new_id:
                continue  # a record deleted before the upgrade: nothing to show it on
            result = conn.execute(t.record_edits.insert().values(
                sheet_id=sheet_id, record_id=new_id[h.record_id], row=new_id[h.record_id] - 1,
                version=h.version, change=h.change, actor=h.actor, values=h.new_values,
                messages=None, valid=None, old_values=h.old_values, old_valid=h.old_valid,
                changed_at=h.changed_at))
            pk = result.inserted_primary_key
            assert pk is not None
            seq = max(seq, int(pk[0]))
    writer.compacted_seq = seq  # the history is already inside the segment
    segment = writer.finish(None, spec)
    with writing(engine) as conn:
        repo.add_segment(conn, segment)
        top = max(new_id.values(), default=0)
        repo.update_sheet(conn, sheet_id, next_id=top + 1)
        conn.execute(sa.delete(LR).where(LR.c.sheet_id == sheet_id))
        conn.execute(sa.delete(LV).where(LV.c.sheet_id == sheet_id))
    log.info("sheet %s: %d records moved to a segment", sheet_id, len(rows))
