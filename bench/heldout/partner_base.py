"""A partner: how it writes values, how it lays out and packages its deliveries, and the
rendering of one delivery of one stream with its injected errors and expectations.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from partner_kit import (
    DELIVERIES,
    ERROR_RATE,
    MISSING,
    VARIANT_RATE,
    Col,
    Stream,
    Table,
    corrupt_email,
    decimal_text,
    expected_enums,
    rng_for,
    variant,
)
from records import ERROR_FIELDS, FIELD_TYPES, GENERATORS, UNIQUE_KEY


class Context:
    """What flows between partners and deliveries: id counters, used emails, pools."""

    def __init__(self, seed: str) -> None:
        self.seed = seed
        self.seq: dict[str, int] = {}
        self.used_emails: set[str] = set()
        self.pools: dict[str, Any] = {}

    def day(self, delivery: str) -> dt.date:
        return DELIVERIES[delivery]

    def next_seq(self, key: str, start: int, lo: int = 1, hi: int = 3) -> int:
        rng = rng_for(self.seed, "seq", key, str(self.seq.get(key, start)))
        self.seq[key] = self.seq.get(key, start) + rng.randint(lo, hi)
        return self.seq[key]


@dataclass
class Member:
    """Where one table lands in a delivered file, as the manifest describes it."""

    stream: str
    member: str | None = None            # name inside a zip archive
    format: str = ""
    encoding: str | None = None
    delimiter: str | None = None
    line_ending: str | None = None
    header_row: int | None = None
    sheet_name: str | None = None
    record_path: str | None = None
    ignored_sheets: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Delivered:
    """One uploaded file: its path under the partner's delivery folder, bytes and tables."""

    name: str
    data: bytes
    members: list[Member]


class Partner:
    name = ""
    blueprint = ""
    feed = ""
    language = ""
    description = ""
    streams: list[Stream] = []
    routes: list[tuple[str, str]] = []       # feed routes: file-name glob -> target sheet

    # how values are written
    date_format: str | None = "%Y-%m-%d"    # None: a real date (workbook cell)
    decimal, thousands = ".", ""
    money_prefix = ""
    native_numbers = False                  # workbooks and JSON hold numbers as numbers
    bool_tokens: tuple[Any, Any] = ("true", "false")
    blank: Any = ""
    trim_fields: frozenset[str] = frozenset()   # numbers written without trailing zeros
    ids: dict[str, tuple[str, int]] = {}        # sheet -> (format, first number)

    # ---- vocabulary hooks (each partner fills those its sheets need) -----------------
    countries: dict[str, float] = {}                  # employees: where they work
    origins: dict[str, float] = {}                    # shipments
    destinations: dict[str, float] = {}
    carriers: dict[str, float] = {}
    customer_domains: list[str] = []
    sites: list[str] = []                             # absences

    def person(self, rng: random.Random, country: str) -> tuple[str, str, dict[str, Any]]:
        """Given name, family name and extra record keys for unmapped columns."""
        raise NotImplementedError

    def job_title(self, rng: random.Random, dept: str) -> str:
        raise NotImplementedError

    def domain(self, country: str) -> str:
        raise NotImplementedError

    def currency_of(self, country: str) -> str:
        raise NotImplementedError

    def salary_factor(self, country: str) -> float:
        return 1.0

    def hours(self, rng: random.Random, etype: str, country: str) -> int:
        raise NotImplementedError

    def staff_ids(self, ctx: Context) -> list[str]:
        raise NotImplementedError

    def approver_ids(self, ctx: Context) -> list[str]:
        raise NotImplementedError

    def note(self, rng: random.Random, kind: str) -> str:
        raise NotImplementedError

    def order_ref(self, rng: random.Random) -> str:
        raise NotImplementedError

    def currency_for(self, origin: str, dest: str) -> str:
        raise NotImplementedError

    def shipment_extra(self, rng: random.Random) -> dict[str, Any]:
        return {}

    def new_id(self, sheet: str, ctx: Context) -> str:
        fmt, start = self.ids[sheet]
        return fmt.format(ctx.next_seq(f"{self.name}:{sheet}", start))

    # ---- value rendering ------------------------------------------------------------
    def fmt_date(self, fld: str, d: dt.date) -> Any:
        return d if self.date_format is None else d.strftime(self.date_format)

    def fmt_number(self, fld: str, hundredths: int) -> Any:
        if self.native_numbers:
            return hundredths // 100 if hundredths % 100 == 0 else hundredths / 100
        if fld in self.trim_fields:
            places = 0 if hundredths % 100 == 0 else (1 if hundredths % 10 == 0 else 2)
            return decimal_text(hundredths, self.decimal, "", places)
        return decimal_text(hundredths, self.decimal, self.thousands, 2, self.money_prefix
                            if fld in ("salary", "declared_value") else "")

    def fmt_int(self, fld: str, v: int) -> Any:
        return v if self.native_numbers else str(v)

    def fmt_bool(self, fld: str, b: bool) -> Any:
        return self.bool_tokens[0] if b else self.bool_tokens[1]

    def render(self, stream: Stream, col: Col, rec: dict[str, Any], delivery: str) -> Any:
        if col.field is None:
            v = rec.get(col.src or "")
            return self.blank if v is None or v == "" else v
        v = rec.get(col.field)
        if v is None or v == "":
            return self.blank
        t = FIELD_TYPES[stream.sheet][col.field]
        if t == "enum":
            return stream.spelling(col.field, delivery)[v]
        if t == "date":
            return self.fmt_date(col.field, v)
        if t == "number":
            return self.fmt_number(col.field, v)
        if t == "integer":
            return self.fmt_int(col.field, v)
        if t == "boolean":
            return self.fmt_bool(col.field, v)
        return v

    # ---- records and packaging --------------------------------------------------------
    def records(self, stream: Stream, rng: random.Random, ctx: Context, delivery: str,
                n: int) -> list[dict[str, Any]]:
        gen = GENERATORS[stream.sheet]
        recs: list[dict[str, Any]] = []
        for _ in range(n):
            recs.append(gen(self, rng, ctx, delivery, recs))
        return recs

    def package(self, delivery: str, tables: dict[str, Table]) -> list[Delivered]:
        raise NotImplementedError

    def bad_date(self, rng: random.Random, stream: Stream) -> Any:
        return rng.choice(stream.bad_dates)

    # ---- one delivery of one stream ---------------------------------------------------
    def build(self, stream: Stream, delivery: str, n: int, ctx: Context) -> Table:
        rng = rng_for(ctx.seed, self.name, stream.key, delivery)
        cols = stream.layout(delivery, rng)
        by_field: dict[str | None, str] = {c.field: c.header for c in cols if c.field}
        recs = self.records(stream, rng, ctx, delivery, n)
        rows = [{c.header: self.render(stream, c, rec, delivery) for c in cols} for rec in recs]
        types = FIELD_TYPES[stream.sheet]
        enum_fields = [f for f, t in types.items() if t == "enum" and f in by_field]
        for row in rows:
            for f in enum_fields:
                v = row[by_field[f]]
                if isinstance(v, str) and v and rng.random() < VARIANT_RATE:
                    row[by_field[f]] = variant(rng, v)
        errors = self.inject_errors(stream, rng, recs, rows, by_field, n)
        err_cells = {(e["row"], e["field"]) for e in errors if e["kind"] == "invalid_enum"}
        enums = expected_enums(stream, rows, cols, delivery, err_cells, enum_fields)
        return Table(stream, delivery, cols, recs, rows, errors, enums)

    def inject_errors(self, stream: Stream, rng: random.Random, recs: list[dict[str, Any]],
                      rows: list[dict[str, Any]], by_field: dict[str | None, str],
                      n: int) -> list[dict[str, Any]]:
        """About ERROR_RATE of the rows get exactly one bad value; invalid enums twice as often."""
        kinds = [k for k, fields in ERROR_FIELDS[stream.sheet].items()
                 if any(f in by_field for f in fields)]
        kinds += ["invalid_enum"] if "invalid_enum" in kinds else []
        rng.shuffle(kinds)
        n_err = max(round(n * ERROR_RATE), 1) if n >= 10 else 0
        err_rows = sorted(rng.sample(range(1, n), min(n_err, n - 1))) if n > 1 else []
        bad = set(err_rows)
        errors = []
        key = UNIQUE_KEY[stream.sheet]
        for k, r in enumerate(err_rows):
            kind = kinds[k % len(kinds)]
            fld = rng.choice([f for f in ERROR_FIELDS[stream.sheet][kind] if f in by_field])
            if kind == "invalid_enum" and fld not in stream.bad_enums:
                continue
            h = by_field[fld]
            entry: dict[str, Any] = {"row": r, "field": fld, "kind": kind, "column": h}
            if kind == "invalid_enum":
                rows[r][h] = rng.choice(stream.bad_enums[fld])
            elif kind == "invalid_date":
                rows[r][h] = self.bad_date(rng, stream)
            elif kind == "negative_value":
                rows[r][h] = self.fmt_number(fld, -(abs(recs[r][fld] or 0) or 100))
            elif kind == "below_min":
                rows[r][h] = self.fmt_int(fld, 0)
            elif kind == "missing_required":
                rows[r][h] = MISSING if self.blank is MISSING else self.blank
            elif kind == "invalid_email":
                rows[r][h] = corrupt_email(rng, str(recs[r][fld] or "someone@example.com"))
            elif kind == "duplicate_unique":
                src = next((i for i in rng.sample(range(r), r) if i not in bad), None)
                if src is None:
                    continue
                entry["duplicate_of"] = src
                rows[r][by_field[key]] = rows[src][by_field[key]]
            v = rows[r][h]
            entry["value"] = None if v is MISSING else (v.isoformat() if isinstance(v, dt.date) else v)
            errors.append(entry)
        return errors
