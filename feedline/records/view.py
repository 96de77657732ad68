"""Read a destination sheet's records: its segment's Parquet parts, merged with the
sheet-wide check messages and overlaid by the newest edit of each edited record.

Everything is lazy Polars over the parts, so a page, a filter, a key look-up or an egress
batch reads what it needs (by column, and by the parts' row-group statistics for ids).
A view is a snapshot: ``upto`` fixes the newest edit it sees (an egress run reads the
same records on every retry).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

import polars as pl

from feedline.blueprint.model import Field, SheetSpec
from feedline.records.schema import castable, from_records, schema, text_column, to_records
from feedline.records.segment import CHECKS, CHECKS_SCHEMA, index_key, index_name, part_keys
from feedline.store.models import Segment, Sheet
from feedline.validate.result import CAST_ERROR_TYPES

if TYPE_CHECKING:
    import sqlalchemy as sa

    from feedline.blobs import Blobs

FILTERS = ("all", "valid", "invalid")
ORDERS_KEPT = 16  # sorted id lists kept per process (8 MB each for a million records)
RANGES_KEPT = 256  # segment versions whose parts' id ranges are kept per process
OVERLAYS_KEPT = 16  # sheets whose pending edits are kept per process, as frames


class _Kept:
    """What a process keeps between requests, the least recently used leaving first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: tuple[Any, ...], build: Callable[[], Any]) -> Any:
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        value = build()
        self.put(key, value)
        return value

    def peek(self, key: tuple[Any, ...]) -> Any:
        with self.lock:
            return self.items.get(key)

    def put(self, key: tuple[Any, ...], value: Any) -> None:
        with self.lock:
            self.items[key] = value
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)


_ORDERS = _Kept(ORDERS_KEPT)
_RANGES = _Kept(RANGES_KEPT)
_OVERLAYS = _Kept(OVERLAYS_KEPT)


@dataclass(frozen=True)
class Overlay:
    """The newest edit of each edited record, as the view merges them over the segment:
    the edited records, every touched id, the deleted ids."""

    edited: pl.DataFrame
    touched: pl.Series
    deleted: frozenset[int]

    @classmethod
    def of(cls, edits: list[dict[str, Any]], spec: SheetSpec) -> Overlay:
        return cls(from_records([e for e in edits if not e["deleted"]], spec),
                   pl.Series("_id", [e["id"] for e in edits], dtype=pl.Int64),
                   frozenset(e["id"] for e in edits if e["deleted"]))

    def updated(self, edits: list[dict[str, Any]], spec: SheetSpec) -> Overlay:
        """This overlay with newer edits (the newest of each record, as :meth:`of` takes
        them) over it: the same frames :meth:`of` makes of all the edits."""
        if not edits:
            return self
        newer = Overlay.of(edits, spec)
        kept = self.edited.filter(~pl.col("_id").is_in(newer.touched.implode()))
        return Overlay(pl.concat([kept, newer.edited]).sort("_id"),
                       pl.concat([self.touched, newer.touched]).unique().sort(),
                       (self.deleted - set(newer.touched.to_list())) | newer.deleted)


def _pending(conn: sa.Connection, sheet_id: str, segment: Segment, top: int,
             spec: SheetSpec) -> Overlay:
    """The frames of the edits over ``segment`` up to edit ``top``, kept between reads.

    Edits are only ever added: the same newest edit and the same number of edits between
    the segment and it are the same edits (one committed late changes the count), so the
    frames serve every read until an edit comes. Then only the edits after the kept ones
    are read and laid over them, unless one was committed below the kept newest since.
    """
    from feedline.records import overlay

    after = segment.compacted_seq
    count = overlay.count_after(conn, sheet_id, after, top)
    key = (sheet_id, segment.version, after, spec)
    kept = _OVERLAYS.peek(key)
    if kept is not None and kept[:2] == (top, count):
        return cast("Overlay", kept[2])
    if kept is not None and kept[0] < top and (
            kept[1] + overlay.count_after(conn, sheet_id, kept[0], top) == count):
        over = kept[2].updated(overlay.latest(conn, sheet_id, kept[0], top), spec)
    else:
        over = Overlay.of(overlay.latest(conn, sheet_id, after, top), spec)
    if kept is None or top >= kept[0]:  # a read as of an older edit keeps the newer frames
        _OVERLAYS.put(key, (top, count, over))
    return cast("Overlay", over)


@dataclass(frozen=True)
class Query:
    """Which records a page shows: validity, a field with messages, a message type, a text
    search in one field (or all), a sort field (else record order)."""

    filter: str = "all"
    field: str | None = None
    message_type: str | None = None
    search: str | None = None
    search_field: str | None = None
    sort: str | None = None
    descending: bool = False


def message_order(spec: SheetSpec) -> tuple[dict[str, int], dict[str, int]]:
    """Field positions and per ``field\\x1ftype`` the rank of a message within its field:
    the engine's order (cast error, constraints as declared, reference, composite keys,
    the rest)."""
    positions = {f.key: i for i, f in enumerate(spec.fields)}
    ranks: dict[str, int] = {}
    for f in spec.fields:
        for kind in CAST_ERROR_TYPES:
            ranks[f"{f.key}\x1f{kind}"] = 0
        for i, c in enumerate(f.constraints):
            ranks.setdefault(f"{f.key}\x1f{c.type}", i + 1)
        ranks.setdefault(f"{f.key}\x1fmissing-reference", 1000)
    composites = [c for c in spec.constraints if c.type == "unique" and c.fields]
    for i, c in enumerate(composites):
        for key in c.fields:
            ranks.setdefault(f"{key}\x1funique", 2000 + i)
    return positions, ranks


def sorted_messages(column: pl.Expr, spec: SheetSpec) -> pl.Expr:
    """``column`` (a list of messages per record) in the engine's order."""
    positions, ranks = message_order(spec)
    el = pl.element().struct
    key = (el.field("field").replace_strict(positions, default=-1, return_dtype=pl.Int64) * 10_000
           + pl.concat_str([el.field("field"), el.field("type")], separator="\x1f")
           .replace_strict(ranks, default=3000, return_dtype=pl.Int64).fill_null(3000))
    return column.list.eval(pl.element().sort_by(key, maintain_order=True))


def with_checks(frame: pl.DataFrame, checks: pl.DataFrame, spec: SheetSpec,
                messages: bool = True, fresh: pl.Expr | None = None) -> pl.DataFrame:
    """Records with the sheet-wide check messages of ``checks`` (``_id, _extra, _error``)
    merged into ``_messages`` and ``_valid`` (with ``messages=False`` only into ``_valid``),
    for the records where ``fresh`` holds (default: all)."""
    if not checks.height or not frame.height:
        return frame
    fresh = pl.lit(True) if fresh is None else fresh
    if not messages:
        errors = checks.filter(pl.col("_error"))["_id"]
        return frame.with_columns(
            _valid=pl.col("_valid") & ~(fresh & pl.col("_id").is_in(errors.implode())))
    mask = frame.select(fresh & pl.col("_id").is_in(checks["_id"].implode())).to_series()
    if not mask.any():
        return frame
    frame = frame.with_row_index("_pos")  # the caller's order is kept
    touched = frame.filter(mask).join(checks, on="_id", how="left", maintain_order="left")
    merged = sorted_messages(pl.concat_list([pl.col("_messages"), pl.col("_extra")]), spec)
    touched = touched.with_columns(
        _messages=merged, _valid=pl.col("_valid") & ~pl.col("_error"),
    ).drop("_extra", "_error")
    return pl.concat([frame.filter(~mask), touched], how="vertical").sort("_pos").drop("_pos")


class SheetView:
    """The records of one destination sheet as of edit ``upto``."""

    def __init__(self, blobs: Blobs, spec: SheetSpec, segment: Segment,
                 edits: list[dict[str, Any]] | Overlay, upto: int) -> None:
        self.blobs, self.spec, self.segment, self.upto = blobs, spec, segment, upto
        self.schema = schema(spec)
        over = edits if isinstance(edits, Overlay) else Overlay.of(edits, spec)
        self.edited, self.touched, self.deleted = over.edited, over.touched, over.deleted
        self._checks: pl.DataFrame | None = None

    @classmethod
    def open(cls, conn: sa.Connection, blobs: Blobs, sheet: Sheet, spec: SheetSpec,
             upto: int | None = None, version: int | None = None) -> SheetView:
        """The sheet's records now (or as of edit ``upto`` on segment ``version``)."""
        # The database layer loads here only: ``feedline run`` reads its views without one.
        from feedline.records import overlay
        from feedline.store import repo

        version = version or sheet.segment_version
        segment = repo.get_segment(conn, sheet.id, version) if version else Segment(
            sheet_id=sheet.id, version=0, prefix="", parts=0, rows=0, compacted_seq=0)
        top = overlay.max_seq(conn, sheet.id) if upto is None else upto
        over = _pending(conn, sheet.id, segment, top, spec)
        return cls(blobs, spec, segment, over, top)

    # -- building blocks ------------------------------------------------------------------

    def checks(self) -> pl.DataFrame:
        """``_id, _extra, _error`` of records with sheet-wide check messages."""
        if self._checks is None:
            self._checks = (self.blobs.read_parquet(self.segment.prefix + CHECKS)
                            if self.segment.version else pl.DataFrame(schema=CHECKS_SCHEMA))
        return self._checks

    def base(self, parts: list[str] | None = None) -> pl.LazyFrame:
        """The segment's records (of ``parts``, else all) not overridden by an edit
        (checks not merged yet)."""
        parts = part_keys(self.segment) if parts is None else parts
        if not parts:
            return pl.LazyFrame(schema=self.schema)
        lf = self.blobs.scan_parquet(parts)
        if self.touched.len():
            lf = lf.filter(~pl.col("_id").is_in(self.touched.implode()))
        return lf

    def _part_ranges(self) -> list[tuple[int, int]]:
        """Each part's lowest and highest id. A segment version never changes, so they are
        read once per process: a look-up by id then opens only the parts that hold it."""

        def read() -> list[tuple[int, int]]:
            ranges = []
            for part in part_keys(self.segment):
                lo, hi = self.blobs.scan_parquet([part]).select(
                    pl.col("_id").min().alias("lo"), pl.col("_id").max().alias("hi")).collect().row(0)
                ranges.append((0, -1) if lo is None else (int(lo), int(hi)))
            return ranges

        ranges: list[tuple[int, int]] = _RANGES.get((self.segment.sheet_id, self.segment.version), read)
        return ranges

    def _error_ids(self) -> pl.Series:
        checks = self.checks()
        return checks.filter(pl.col("_error"))["_id"]

    def _base_matching(self, query: Query, part: str | None = None) -> pl.LazyFrame:
        """The segment's records (one part's, or all) matching ``query``, checks unmerged."""
        base = self.base() if part is None else self.blobs.scan_parquet([part])
        if part is not None and self.touched.len():
            base = base.filter(~pl.col("_id").is_in(self.touched.implode()))
        errors = self._error_ids()
        if query.filter == "valid":
            base = base.filter(pl.col("_valid") & ~pl.col("_id").is_in(errors.implode()))
        elif query.filter == "invalid":
            base = base.filter(~pl.col("_valid") | pl.col("_id").is_in(errors.implode()))
        if query.field or query.message_type:
            flagged = self.checks().lazy().filter(
                _has_message(pl.col("_extra"), query.field, query.message_type)).select("_id")
            ids = flagged.collect()["_id"]
            base = base.filter(_has_message(pl.col("_messages"), query.field, query.message_type)
                               | pl.col("_id").is_in(ids.implode()))
        if query.search:
            base = base.filter(_search(self.spec, query.search, query.search_field))
        return base

    def _edited_matching(self, query: Query) -> pl.DataFrame:
        """The edited (and added) records matching ``query``."""
        edited = self.edited
        if not edited.height:
            return edited
        if query.filter != "all":
            edited = edited.filter(pl.col("_valid") == (query.filter == "valid"))
        if query.field or query.message_type:
            edited = edited.filter(_has_message(pl.col("_messages"), query.field,
                                                query.message_type))
        if query.search:
            edited = edited.filter(_search(self.spec, query.search, query.search_field))
        return edited

    def candidates(self, query: Query) -> pl.LazyFrame:
        """Every current record matching ``query``'s filters, without check messages merged
        (those are merged by :meth:`finish` once a page is cut), in no particular order."""
        base = self._base_matching(query)
        edited = self._edited_matching(query)
        if not edited.height:
            return base
        return pl.concat([base, edited.lazy()], how="vertical")

    def _first(self, query: Query, limit: int, after: int | None) -> pl.DataFrame:
        """The first ``limit`` matching records in id order after id ``after``: part by
        part (each part is in id order), so a page reads only as far as it needs."""
        edited = self._edited_matching(query)
        if after is not None:
            edited = edited.filter(pl.col("_id") > after)
        found: list[pl.DataFrame] = []
        need = limit
        for key in part_keys(self.segment):
            lf = self._base_matching(query, key)
            if after is not None:
                lf = lf.filter(pl.col("_id") > after)
            rows = lf.head(need).collect()
            if rows.height:
                found.append(rows)
                need -= rows.height
            if need <= 0:
                break
        if edited.height:
            found.append(edited)
        if not found:
            return self._empty()
        return pl.concat(found, how="vertical").sort("_id").head(limit)

    def _empty(self) -> pl.DataFrame:
        """No records, in the records' schema."""
        return self.edited.head(0) if self.edited.width else pl.DataFrame(schema=self.schema)

    def _by_ids(self, ids: Collection[int]) -> pl.LazyFrame:
        """Current records with these ids, read by the parts' id statistics."""
        wanted = pl.Series(sorted(set(ids)), dtype=pl.Int64)
        if not wanted.len():
            return self.candidates(Query()).head(0)
        lo, hi = int(wanted[0]), int(wanted[-1])  # a range prunes parts and row groups
        in_range = (pl.col("_id") >= lo) & (pl.col("_id") <= hi) & pl.col("_id").is_in(wanted.implode())
        parts = [k for k, (first, last) in zip(part_keys(self.segment), self._part_ranges(), strict=True)
                 if first <= hi and last >= lo]
        base = self.base(parts).filter(in_range)
        edited = self.edited.filter(in_range)
        return base if not edited.height else pl.concat([base, edited.lazy()], how="vertical")

    def finish(self, frame: pl.DataFrame, messages: bool = True) -> pl.DataFrame:
        """Merge sheet-wide check messages into records read from :meth:`candidates`
        (with ``messages=False`` only their effect on ``_valid``, which is cheaper)."""
        # An edited record's messages already hold its checks; the segment's do not.
        return with_checks(frame, self.checks(), self.spec, messages,
                           fresh=pl.col("_seq") <= self.segment.compacted_seq)

    # -- what callers use -----------------------------------------------------------------

    def page(self, query: Query, limit: int, cursor: int | None = None,
             offset: int = 0) -> tuple[pl.DataFrame, int | None]:
        """One page of records and the cursor of the next (None at the end).

        In record order the cursor is the last record id; sorted by a field, it is the
        offset of the next page.
        """
        if query.sort:
            self.spec.field(query.sort)  # KeyError for an unknown field
            start = offset if cursor is None else cursor
            ids = self._order(query).slice(start, limit + 1)
            more = ids.len() > limit
            ids = ids.head(limit)
            rows = self._by_ids(ids.to_list()).collect()
            rank = {i: n for n, i in enumerate(ids.to_list())}
            rows = rows.with_columns(_rank=pl.col("_id").replace_strict(rank, return_dtype=pl.Int64)
                                     ).sort("_rank").drop("_rank")
            return self.finish(rows), (start + limit if more else None)
        if offset:
            lf = self.candidates(query)
            if cursor is not None:
                lf = lf.filter(pl.col("_id") > cursor)
            rows = lf.sort("_id").slice(offset, limit + 1).collect()
        else:
            rows = self._first(query, limit + 1, cursor)
        more = rows.height > limit
        rows = rows.head(limit)
        return self.finish(rows), (int(rows["_id"][-1]) if more and rows.height else None)

    def _order(self, query: Query) -> pl.Series:
        """The ids of the records matching ``query`` in its sort order. A person pages
        through one order many times: it is kept for the same snapshot and query."""
        sort = query.sort
        assert sort is not None

        def build() -> pl.Series:
            return (self.candidates(query).select("_id", sort)
                    .sort([sort, "_id"], descending=[query.descending, False], nulls_last=True)
                    .collect()["_id"])

        ids: pl.Series = _ORDERS.get((self.segment.sheet_id, self.segment.version, self.upto, query),
                                     build)
        return ids

    def count(self, query: Query) -> int:
        return int(self.candidates(query).select(pl.len()).collect().item())

    def unread(self, per_field: int = 20) -> dict[str, list[tuple[str, int]]]:
        """Per enum field, the partner's texts that no option reads (the cells that failed
        to cast), the most frequent first, at most ``per_field`` each, with how many
        records hold each: what a person fixes once for all of them."""
        keys = [f.key for f in self.spec.fields if f.type == "enum" and castable(f)]
        if not keys:
            return {}
        found = (self.candidates(Query(filter="invalid", message_type="invalid-option"))
                 .select([pl.col(text_column(k)).alias(k) for k in keys])
                 .unpivot(variable_name="field", value_name="text").drop_nulls("text")
                 .group_by("field", "text").len().collect())
        out: dict[str, list[tuple[str, int]]] = {}
        for key in keys:
            rows = (found.filter(pl.col("field") == key)
                    .sort(["len", "text"], descending=[True, False]).head(per_field))
            if rows.height:
                out[key] = [(str(t), int(n)) for t, n in rows.select("text", "len").iter_rows()]
        return out

    def frame(self, ids: Collection[int]) -> pl.DataFrame:
        """The current records with these ids, in id order (missing ones left out)."""
        return self.finish(self._by_ids(ids).collect().sort("_id"))

    def records(self, ids: Collection[int]) -> list[dict[str, Any]]:
        return to_records(self.frame(ids), self.spec)

    def all_frame(self) -> pl.DataFrame:
        """Every current record in id order (for a sheet that fits in memory)."""
        return self.finish(self.candidates(Query()).sort("_id").collect())

    def iter_batches(self, columns: Sequence[str] | None = None,
                     messages: bool = True) -> Iterator[pl.DataFrame]:
        """Every current record in id order, one segment part at a time (bounded memory);
        without ``messages`` their ``_messages`` lack the sheet-wide checks (cheaper)."""
        keys = part_keys(self.segment)
        edited = self.edited.sort("_id")
        done = 0
        for key in keys:
            part = self.blobs.scan_parquet([key])
            if self.touched.len():
                part = part.filter(~pl.col("_id").is_in(self.touched.implode()))
            frame = part.collect()
            if frame.height:
                top = int(frame["_id"].max())  # type: ignore[arg-type]
                mine = edited.filter((pl.col("_id") > done) & (pl.col("_id") <= top))
                done = top
            else:
                mine = edited.clear()
            if mine.height:
                frame = pl.concat([frame, mine], how="vertical").sort("_id")
            frame = self.finish(frame, messages)
            yield frame.select(columns) if columns else frame
        rest = edited.filter(pl.col("_id") > done)
        if rest.height:
            rest = self.finish(rest, messages)
            yield rest.select(columns) if columns else rest

    def ids_exist(self, ids: Collection[int]) -> set[int]:
        return set(self._by_ids(ids).select("_id").collect()["_id"].to_list())

    # -- the look-up an edit's re-validation needs (feedline.validate.sheetwide.Lookup) ---

    def find(self, fields: Sequence[Field], keys: Collection[tuple[Any, ...]],
             casefold: bool) -> Iterator[tuple[int, tuple[Any, ...]]]:
        """``(id, values)`` of records whose first field may hold a first key part: by the
        segment's key index when it has one (a few row groups), else by a scan."""
        first = fields[0]
        dtype = self.schema[first.key]
        wanted = [k[0] for k in keys if k and k[0] is not None]
        if dtype == pl.List(pl.String):
            wanted = ["\x1f".join(map(str, w)) if isinstance(w, list | tuple) else w
                      for w in wanted]
        col, kind = index_key(pl.col(first.key), dtype, casefold)
        if casefold and kind == pl.String:
            wanted = [w.lower() if isinstance(w, str) else w for w in wanted]
        try:
            probe = pl.Series(wanted, dtype=kind, strict=False).drop_nulls().unique().sort()
        except (TypeError, pl.exceptions.PolarsError):
            return
        if not probe.len():
            return
        index = self.segment.prefix + index_name(first.key, casefold)
        if self.segment.version and self.blobs.exists(index):
            hits = self.blobs.scan_parquet([index]).filter(_equal_any(pl.col("key"), probe))
            ids = hits.select("_id").collect()["_id"]
            ids = ids.filter(~ids.is_in(self.touched.implode()))
            segment_rows = self._empty() if not ids.len() else \
                self._by_ids(ids.to_list()).filter(pl.col("_seq") <= self.segment.compacted_seq).collect()
            edited = self.edited.filter(col.is_in(probe.implode()))
            rows = pl.concat([segment_rows, edited], how="vertical")
        else:
            rows = self.candidates(Query()).filter(col.is_in(probe.implode())).collect()
        for r in rows.select("_id", *[f.key for f in fields]).iter_rows():
            yield int(r[0]), tuple(r[1:])

    def load(self, ids: Collection[int]) -> list[dict[str, Any]]:
        return self.records(ids)


def _equal_any(column: pl.Expr, probe: pl.Series) -> pl.Expr:
    """``column`` is one of ``probe``: equalities for a few values (so the parts' statistics
    skip row groups), a set look-up for many."""
    if probe.len() <= 16:
        out = column == probe[0]
        for value in probe[1:]:
            out = out | (column == value)
        return out
    return column.is_in(probe.implode())


def _has_message(column: pl.Expr, field: str | None, kind: str | None) -> pl.Expr:
    cond = pl.lit(True)
    if field is not None:
        cond = cond & (pl.element().struct.field("field") == field)
    if kind is not None:
        cond = cond & (pl.element().struct.field("type") == kind)
    return column.list.eval(cond).list.any().fill_null(False)


def _search(spec: SheetSpec, text: str, field: str | None) -> pl.Expr:
    """Records whose cell (of ``field``, or of any field) contains ``text``, ignoring case;
    a cell that did not cast is searched as the partner's text it shows."""
    needle = text.casefold()
    fields = [spec.field(field)] if field else list(spec.fields)
    exprs = []
    for f in fields:
        col = pl.col(f.key)
        if f.type == "string-list":
            col = col.list.join(";")
        shown = pl.coalesce(pl.col(text_column(f.key)), col.cast(pl.String)) if castable(f) \
            else col.cast(pl.String)
        exprs.append(shown.str.to_lowercase().str.contains(needle, literal=True).fill_null(False))
    return pl.any_horizontal(exprs) if exprs else pl.lit(False)
