"""Machinery shared by the held-out partners: seeded randomness, columns, value rendering,
drift, injected errors, expected enum mappings and byte-exact writers.

Standard library and xlsxwriter only, so the generator runs anywhere a Python does.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import random
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import xlsxwriter

DELIVERIES = {"d1": dt.date(2026, 1, 15), "d2": dt.date(2026, 2, 16), "d3": dt.date(2026, 3, 16)}
ERROR_RATE = 0.025     # share of rows per file that carry exactly one injected error
VARIANT_RATE = 0.04    # share of enum cells written in another case
ZIP_TIME = (2026, 1, 1, 0, 0, 0)


class Missing:
    """A value left out altogether (JSON key or XML node absent, empty cell elsewhere)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING = Missing()


def rng_for(seed: str, *parts: str) -> random.Random:
    """A random generator that depends only on the seed and the parts."""
    digest = hashlib.sha256("|".join(("heldout", seed, *parts)).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def weighted(rng: random.Random, weights: Mapping[str, float]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def decimal_text(cents: int, dec: str = ".", thou: str = "", places: int = 2,
                 prefix: str = "") -> str:
    """An amount held in hundredths written with the given marks (``-$1,234.50``)."""
    sign = "-" if cents < 0 else ""
    whole, frac = divmod(abs(cents), 100)
    text = f"{whole:,}".replace(",", thou)
    if places:
        text += dec + f"{frac:02d}"[:places]
    return sign + prefix + text


@dataclass(frozen=True)
class Col:
    """One source column: its header and the blueprint field it feeds (None: no field)."""

    header: str
    field: str | None = None
    src: str | None = None      # record key of a column that feeds no field


@dataclass
class Stream:
    """One data table a partner delivers each time (a file, a workbook sheet, a zip member)."""

    key: str
    sheet: str                                   # target sheet slug
    columns: list[Col]
    spellings: dict[str, dict[str, str]]         # field -> option -> raw value written
    bad_enums: dict[str, list[str]]              # field -> values matching no option
    rename: tuple[str, str]                      # d3: header -> new header
    added: Col                                   # d3: a new column that feeds no field
    new_spellings: dict[str, dict[str, str]] = field(default_factory=dict)   # d3 only
    bad_dates: list[str] = field(default_factory=lambda: ["31/02/2026", "TBD", "00/00/0000"])

    def layout(self, delivery: str, rng: random.Random) -> list[Col]:
        """d1 and d2 share the layout; d3 renames one column, adds one and reorders."""
        cols = list(self.columns)
        if delivery != "d3":
            return cols
        old, new = self.rename
        assert any(c.header == old for c in cols), (self.key, old)
        cols = [Col(new, c.field, c.src) if c.header == old else c for c in cols]
        cols.insert(rng.randrange(len(cols) + 1), self.added)
        before = list(cols)
        while cols == before:
            rng.shuffle(cols)
        return cols

    def spelling(self, fld: str, delivery: str) -> dict[str, str]:
        s = dict(self.spellings[fld])
        if delivery == "d3":
            s.update(self.new_spellings.get(fld, {}))
        return s


@dataclass
class Table:
    """One rendered delivery of a stream: layout, rows of written values, expectations."""

    stream: Stream
    delivery: str
    cols: list[Col]
    recs: list[dict[str, Any]]            # canonical records (option keys, dates, hundredths)
    rows: list[dict[str, Any]]            # the values written, by header
    errors: list[dict[str, Any]]
    enum_mapping: dict[str, dict[str, str | None]]

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.cols]

    def matrix(self) -> list[list[Any]]:
        return [[row[h] for h in self.headers] for row in self.rows]


def variant(rng: random.Random, s: str) -> str:
    """The same enum value in another case."""
    options = [o for o in (s.upper(), s.lower(), s.title()) if o != s]
    return rng.choice(options) if options else s


def corrupt_email(rng: random.Random, email: str) -> str:
    local, _, domain = email.partition("@")
    return rng.choice([local + domain, f"{local}@{domain.rsplit('.', 1)[0]}",
                       f"{local}@@{domain}", f"{local} @ {domain}"])


def expected_enums(stream: Stream, table_rows: list[dict[str, Any]], cols: list[Col],
                   delivery: str, err_cells: set[tuple[int, str]],
                   enum_fields: list[str]) -> dict[str, dict[str, str | None]]:
    """Every distinct non-blank value written in an enum column -> its option (None: invalid)."""
    by_field = {c.field: c.header for c in cols if c.field}
    out: dict[str, dict[str, str | None]] = {}
    for f in enum_fields:
        if f not in by_field:
            continue
        norm = {v.casefold(): opt for opt, v in stream.spelling(f, delivery).items()}
        seen: dict[str, str | None] = {}
        for r, row in enumerate(table_rows):
            v = row[by_field[f]]
            if not isinstance(v, str) or not v:
                continue
            if (r, f) in err_cells:
                assert v.casefold() not in norm, (stream.key, f, v)
                opt = None
            else:
                opt = norm[v.casefold()]
            assert seen.get(v, opt) == opt, (stream.key, f, v)
            seen[v] = opt
        out[f] = dict(sorted(seen.items(), key=lambda kv: (kv[1] is None, kv[1] or "", kv[0])))
    return out


# --------------------------------------------------------------------------------------
# Writers: each returns the file's bytes
# --------------------------------------------------------------------------------------
def cell_text(v: Any) -> str:
    return "" if v is None or v is MISSING else str(v)


def delimited_bytes(headers: list[str], matrix: list[list[Any]], delimiter: str,
                    encoding: str, line_ending: str, title_lines: list[str] | None = None) -> bytes:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=delimiter, lineterminator=line_ending,
                   quoting=csv.QUOTE_MINIMAL)
    for line in title_lines or []:
        w.writerow([line])
    w.writerow(headers)
    for row in matrix:
        w.writerow([cell_text(v) for v in row])
    return buf.getvalue().encode(encoding)


@dataclass
class XlsxSheet:
    """A worksheet: free text lines (a notes sheet) or a table under optional title lines."""

    name: str
    headers: list[str] = field(default_factory=list)
    matrix: list[list[Any]] = field(default_factory=list)
    title_lines: list[str] = field(default_factory=list)   # rows above the header
    lines: list[str] = field(default_factory=list)          # a notes sheet: one text column

    @property
    def header_row(self) -> int:
        return len(self.title_lines) + (1 if self.title_lines else 0)


def xlsx_bytes(sheets: list[XlsxSheet], title: str, author: str, stamp: dt.datetime) -> bytes:
    """A workbook with typed cells (dates, numbers, text); the same input, the same bytes."""
    out = io.BytesIO()
    wb = xlsxwriter.Workbook(out, {"in_memory": True})
    wb.set_properties({"title": title, "author": author, "created": stamp})
    bold = wb.add_format({"bold": True, "bottom": 1})
    big = wb.add_format({"bold": True, "font_size": 13})
    date_fmt = wb.add_format({"num_format": "dd/mm/yyyy"})
    for spec in sheets:
        ws = wb.add_worksheet(spec.name)
        if spec.lines:
            ws.set_column(0, 0, 90)
            for i, line in enumerate(spec.lines):
                if line:
                    ws.write_string(i, 0, line)
            continue
        for i, line in enumerate(spec.title_lines):
            ws.write_string(i, 0, line, big if i == 0 else None)
        hr = spec.header_row
        ws.set_column(0, max(len(spec.headers) - 1, 0), 18)
        for j, h in enumerate(spec.headers):
            ws.write_string(hr, j, h, bold)
        for i, row in enumerate(spec.matrix):
            for j, v in enumerate(row):
                if v is None or v is MISSING or v == "":
                    continue
                if isinstance(v, dt.date):
                    ws.write_datetime(hr + 1 + i, j, dt.datetime.combine(v, dt.time()), date_fmt)
                elif isinstance(v, bool):
                    ws.write_boolean(hr + 1 + i, j, v)
                elif isinstance(v, int | float):
                    ws.write_number(hr + 1 + i, j, v)
                else:
                    ws.write_string(hr + 1 + i, j, str(v))
    wb.close()
    return out.getvalue()


def nested_records(headers: list[str], matrix: list[list[Any]]) -> list[dict[str, Any]]:
    """Rows as nested objects: dotted headers become nested keys, MISSING keys are left out."""
    records = []
    for row in matrix:
        obj: dict[str, Any] = {}
        for h, v in zip(headers, row, strict=True):
            if v is MISSING:
                continue
            parts = h.split(".")
            d = obj
            for p in parts[:-1]:
                d = d.setdefault(p, {})
            d[parts[-1]] = v
        records.append(obj)
    return records


def json_bytes(doc: Any) -> bytes:
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def xml_bytes(root_tag: str, root_attrs: dict[str, str], record_tag: str, headers: list[str],
              matrix: list[list[Any]], encoding: str) -> bytes:
    """Records as elements: ``@a`` an attribute, ``c`` a child's text, ``c/@a`` a child's attribute."""
    root = ET.Element(root_tag, root_attrs)
    for row in matrix:
        rec = ET.SubElement(root, record_tag)
        children: dict[str, ET.Element] = {}
        for h, v in zip(headers, row, strict=True):
            if v is MISSING or v is None:
                continue
            if h.startswith("@"):
                rec.set(h[1:], str(v))
                continue
            name, _, attr = h.partition("/@")
            el = children.get(name)
            if el is None:
                el = children[name] = ET.SubElement(rec, name)
            if attr:
                el.set(attr, str(v))
            else:
                el.text = str(v)
    ET.indent(root, space="  ")
    buf = io.BytesIO()
    ET.ElementTree(root).write(buf, encoding=encoding, xml_declaration=True)
    return buf.getvalue() + b"\n"


def zip_bytes(members: list[tuple[str, bytes]]) -> bytes:
    """A zip archive with fixed timestamps, so the same members give the same bytes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return buf.getvalue()
