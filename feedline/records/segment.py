"""Write a destination sheet's records as Parquet parts (a segment version) in the blob store.

A segment version lives under ``records/<sheet>/v<version>/``: ``part-00000.parquet`` …
in record order (each part is what one chunk of the map job produced), and
``checks.parquet``: the messages of the checks that compare records with each other
(``unique``, composite keys, references within the sheet), computed once the whole sheet
was seen, which the reader merges into ``_messages`` and ``_valid``; and per key those
checks look up, ``index-<field>.parquet``: the key values sorted, with their record ids.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import polars as pl

from feedline.blueprint.model import SheetSpec
from feedline.records.schema import MESSAGE, MESSAGES, castable, schema, text_column
from feedline.store.models import Segment
from feedline.validate.result import Validated
from feedline.validate.sheetwide import sheet_checks

if TYPE_CHECKING:
    from feedline.blobs import Blobs

CHECKS = "checks.parquet"
ROW_GROUP = 20_000  # a read of a few ids decodes one such group (4 ms), not the part
INDEX_ROW_GROUP = 10_000  # a key look-up reads one such group
COMPRESSION = "lz4"
CHECKS_SCHEMA: dict[str, pl.DataType] = {"_id": pl.Int64(), "_extra": MESSAGES,
                                         "_error": pl.Boolean()}


def prefix(sheet_id: str, version: int) -> str:
    return f"records/{sheet_id}/v{version}/"


def part_key(segment: Segment, index: int) -> str:
    return f"{segment.prefix}part-{index:05d}.parquet"


def part_keys(segment: Segment) -> list[str]:
    return [part_key(segment, i) for i in range(segment.parts)]


def index_keys(spec: SheetSpec) -> set[tuple[str, bool]]:
    """``(field, casefold)`` of every key look-up an edit's re-validation makes (see
    :func:`feedline.validate.sheetwide.recheck`): each check's first field, and a
    reference's target."""
    out: set[tuple[str, bool]] = set()
    for c in sheet_checks(spec):
        out.add((c.fields[0].key, not c.case_sensitive))
        if c.target is not None:
            out.add((c.target.key, False))
    return out


def index_name(key: str, casefold: bool) -> str:
    return f"index-{key}{'~ci' if casefold else ''}.parquet"


def index_key(values: Any, dtype: pl.DataType, casefold: bool) -> tuple[Any, pl.DataType]:
    """How a key column is compared: lists joined, text lowercased when ``casefold``."""
    if dtype == pl.List(pl.String):
        values = values.list.join("\x1f")
        dtype = pl.String()
    if casefold and dtype == pl.String:
        values = values.str.to_lowercase()
    return values, dtype


def messages_column(messages: pl.DataFrame, height: int, row_offset: int = 0) -> pl.Series:
    """Per row (0..height-1) the list of its messages from a long message frame
    (``row, field, type, level, message``), in the frame's order; empty lists elsewhere."""
    if messages.height == 0:
        return pl.repeat([], height, dtype=MESSAGES, eager=True).alias("_messages")
    grouped = (messages.select(pl.col("row").cast(pl.Int64) - row_offset,
                               pl.struct("field", "type", "level", "message").cast(MESSAGE).alias("m"))
               .group_by("row", maintain_order=True).agg("m"))
    rows = pl.DataFrame({"row": pl.int_range(0, height, dtype=pl.Int64, eager=True)})
    joined = rows.join(grouped, on="row", how="left", maintain_order="left")
    return joined["m"].fill_null([]).cast(MESSAGES).alias("_messages")


def part_from_validated(validated: Validated, spec: SheetSpec, row_offset: int) -> pl.DataFrame:
    """One part's frame from a validated chunk whose first record is data row ``row_offset``
    (record ids are rows + 1)."""
    n = validated.values.height
    rows = pl.int_range(row_offset, row_offset + n, dtype=pl.Int64, eager=True)
    failed = validated.failed
    columns: list[pl.Series] = [
        (rows + 1).alias("_id"), rows.alias("_row"),
        pl.repeat(1, n, dtype=pl.Int64, eager=True).alias("_version"),
        pl.repeat(0, n, dtype=pl.Int64, eager=True).alias("_seq"),
        validated.valid.alias("_valid"),
        messages_column(validated.messages, n),
    ]
    columns += [validated.values[f.key] for f in spec.fields]
    for f in spec.fields:
        if not castable(f):
            continue
        if failed is not None and failed[f.key].any():
            text = pl.select(pl.when(failed[f.key]).then(validated.raw[f.key])).to_series()
        else:
            text = pl.repeat(None, n, dtype=pl.String, eager=True)
        columns.append(text.alias(text_column(f.key)))
    return pl.DataFrame(columns).cast(schema(spec))  # type: ignore[arg-type]


class SegmentWriter:
    """Writes the parts of one new segment version, then its checks file."""

    def __init__(self, blobs: Blobs, sheet_id: str, version: int, compacted_seq: int = 0) -> None:
        self.blobs, self.sheet_id, self.version = blobs, sheet_id, version
        self.compacted_seq = compacted_seq
        self.parts = 0
        self.rows = 0
        self.prefix = prefix(sheet_id, version)

    def write(self, part: pl.DataFrame) -> None:
        self.blobs.write_parquet(f"{self.prefix}part-{self.parts:05d}.parquet", part,
                                 row_group_size=ROW_GROUP, compression=COMPRESSION)
        self.parts += 1
        self.rows += part.height

    def _written(self) -> pl.LazyFrame:
        return self.blobs.scan_parquet(
            [f"{self.prefix}part-{i:05d}.parquet" for i in range(self.parts)])

    def scan(self, columns: list[str]) -> pl.LazyFrame:
        """``_row`` and ``columns`` of the parts written so far."""
        return self._written().select("_row", *columns)

    def finish(self, checks: pl.DataFrame | None = None,
               spec: SheetSpec | None = None) -> Segment:
        """Write the checks file and, for ``spec``, the key indexes (from the parts)."""
        frame = checks if checks is not None else pl.DataFrame(schema=CHECKS_SCHEMA)
        self.blobs.write_parquet(self.prefix + CHECKS, frame.cast(CHECKS_SCHEMA),  # type: ignore[arg-type]
                                 compression=COMPRESSION)
        if spec is not None and self.parts:
            for key, casefold in sorted(index_keys(spec)):
                self._index(spec, key, casefold)
        return Segment(sheet_id=self.sheet_id, version=self.version, prefix=self.prefix,
                       parts=self.parts, rows=self.rows, compacted_seq=self.compacted_seq)

    def _index(self, spec: SheetSpec, key: str, casefold: bool) -> None:
        """``key`` and ``_id`` of every record with a value, sorted by key: an edit finds
        the records sharing its keys without reading the sheet. Only the key column and
        the ids are read, by Polars' streaming engine."""
        parts = self._written()
        text = text_column(key)
        value = (pl.when(pl.col(text).is_null()).then(pl.col(key))
                 if castable(spec.field(key)) else pl.col(key))
        normalized, _ = index_key(value, schema(spec)[key], casefold)
        # The parts are in id order, so a stable sort on the key alone orders ties by id
        # (and holds half the memory of sorting by both).
        index = (parts.select(normalized.alias("key"), "_id").drop_nulls("key")
                 .sort("key", maintain_order=True))
        self.blobs.sink_parquet(self.prefix + index_name(key, casefold), index,
                                row_group_size=INDEX_ROW_GROUP, compression=COMPRESSION)
