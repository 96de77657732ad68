"""The file destination: records as CSV, built column-wise with Polars, written atomically.

Values are read from the store as JSON text in large batches and turned into CSV cells
with vectorized expressions: ``null`` → empty, booleans → ``true``/``false``, whole
floats without ``.0``, string lists joined with ``;``. No Python work per record.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

import polars as pl
import sqlalchemy as sa

from feedline.atomic import atomic_write
from feedline.blueprint import SheetSpec
from feedline.store import tables as t

BATCH = 50_000


DTYPES: dict[str, pl.DataType] = {
    "number": pl.Float64(), "integer": pl.Int64(), "boolean": pl.Boolean(),
    "string-list": pl.List(pl.String()),
}


def cells(values_json: pl.Series, spec: SheetSpec) -> pl.DataFrame:
    """One String column per field from a Series of record ``values`` JSON objects.

    Valid records decode in one typed pass; a batch holding a cell that kept the
    partner's text where a typed value belongs (invalid records) falls back to reading
    each field as text.
    """
    schema = pl.Struct({f.key: DTYPES.get(f.type, pl.String()) for f in spec.fields})
    try:
        typed = values_json.str.json_decode(schema).struct.unnest()
    except pl.exceptions.PolarsError:
        return _cells_as_text(values_json, spec)
    return typed.select(_text(pl.col(f.key), f.type).fill_null("").alias(f.key) for f in spec.fields)


def _text(col: pl.Expr, kind: str) -> pl.Expr:
    if kind == "number":
        return col.cast(pl.String).str.replace(r"^(-?\d+)\.0+$", "${1}")
    if kind == "string-list":
        return col.list.join(";")
    return col.cast(pl.String)


def _cells_as_text(values_json: pl.Series, spec: SheetSpec) -> pl.DataFrame:
    columns = []
    for f in spec.fields:
        text = values_json.str.json_path_match(f"$.{f.key}")
        if f.type == "number":
            text = text.str.replace(r"^(-?\d+)\.0+$", "${1}")
        elif f.type == "string-list":
            is_list = text.str.starts_with("[").fill_null(False)
            if is_list.any():
                joined = (text.filter(is_list).str.json_decode(pl.List(pl.String))
                          .list.join(";"))
                text = text.scatter(is_list.arg_true(), joined)
        columns.append(text.fill_null("").alias(f.key))
    return pl.DataFrame(columns)


def value_batches(conn: sa.Connection, sheet_id: str, valid_only: bool,
                  batch: int = BATCH) -> Iterator[pl.Series]:
    """The sheet's record values as JSON text, in id order, ``batch`` records at a time."""
    if conn.dialect.name == "postgresql":
        yield from _copy_batches(conn, sheet_id, valid_only, batch)
        return
    r = t.records
    last = -1
    while True:
        q = (sa.select(r.c.id, sa.cast(r.c["values"], sa.Text))
             .where(r.c.sheet_id == sheet_id, r.c.id > last))
        if valid_only:
            q = q.where(r.c.valid.is_(True))
        rows = conn.execute(q.order_by(r.c.id).limit(batch)).all()
        if not rows:
            return
        last = rows[-1][0]
        yield pl.Series("values", [row[1] for row in rows], dtype=pl.String)


def _copy_batches(conn: sa.Connection, sheet_id: str, valid_only: bool,
                  batch: int) -> Iterator[pl.Series]:
    """PostgreSQL: ``COPY (SELECT values::text …) TO STDOUT`` as CSV, parsed by Polars.

    jsonb text never holds a raw line break, so every line is one record.
    """
    driver = conn.connection.driver_connection
    assert driver is not None
    where = "sheet_id = %s" + (" AND valid" if valid_only else "")
    sql = f'COPY (SELECT "values"::text FROM records WHERE {where} ORDER BY id) TO STDOUT WITH (FORMAT csv)'
    pending, lines = bytearray(), 0
    with driver.cursor() as cur, cur.copy(sql, (sheet_id,)) as copy:
        for block in copy:
            pending += block
            lines += bytes(block).count(b"\n")
            if lines >= batch:
                cut = pending.rfind(b"\n") + 1
                yield _parse(bytes(pending[:cut]))
                del pending[:cut]
                lines = 0
    if pending:
        yield _parse(bytes(pending))


def _parse(lines: bytes) -> pl.Series:
    return pl.read_csv(lines, has_header=False, new_columns=["values"],
                       schema={"values": pl.String})["values"]


def write_csv(path: Path, spec: SheetSpec, batches: Iterable[pl.Series], mode: str) -> int:
    """Write (``replace``) or add to (``append``) ``path``: a temp file, then ``os.replace``."""
    count = 0
    with atomic_write(path, "wb") as out:
        header = True
        if mode == "append" and path.exists() and path.stat().st_size > 0:
            with path.open("rb") as old:
                shutil.copyfileobj(old, out)
            header = False
        for values in batches:
            frame = cells(values, spec)
            frame.write_csv(out, include_header=header)
            header = False
            count += frame.height
        if header:  # no records at all: still a file with the header
            pl.DataFrame(schema=dict.fromkeys(spec.keys, pl.String)).write_csv(out)
    return count
