"""Workbooks, JSON, XML, gzip and ZIP extraction, header detection, profiles, limits."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feedline.errors import ExtractError, FeedlineError
from feedline.extract import ExtractOptions, Limits, extract


def write(tmp_path: Path, data: bytes, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def xlsx(path: Path, build: Any) -> Path:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    build(book)
    book.close()
    return path


# --- workbooks ---------------------------------------------------------------------------


def test_xlsx_values_read_as_people_see_them(tmp_path: Path) -> None:
    def build(book: Any) -> None:
        ws = book.add_worksheet("Data")
        date = book.add_format({"num_format": "yyyy-mm-dd"})
        stamp = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        ws.write_row(0, 0, ["Report"])
        ws.write_row(2, 0, ["id", "amount", "when", "at", "flag", "name"])
        ws.write_row(3, 0, [500001.0, 1234.4999999999998])
        ws.write_datetime(3, 2, dt.datetime(2025, 1, 31), date)
        ws.write_datetime(3, 3, dt.datetime(2025, 1, 31, 13, 45), stamp)
        ws.write_boolean(3, 4, True)
        ws.write(3, 5, "Zoë")
        ws.write_row(4, 0, [7, 0.1])

    ex = extract(xlsx(tmp_path / "b.xlsx", build))
    (table,) = ex.tables
    assert ex.format == "xlsx"
    assert table.header_row == 2
    assert table.columns == ["id", "amount", "when", "at", "flag", "name"]
    assert table.frame.rows() == [
        ("500001", "1234.5", "2025-01-31", "2025-01-31 13:45:00", "true", "Zoë"),
        ("7", "0.1", "", "", "", ""),
    ]


def test_xlsx_merged_header_and_hidden_and_empty_sheets(tmp_path: Path) -> None:
    def build(book: Any) -> None:
        ws = book.add_worksheet("Data")
        ws.merge_range(0, 1, 0, 2, "Customer")
        ws.write_row(1, 0, ["id", "name", "email"])
        ws.write_row(2, 0, ["1", "Ann", "a@x.io"])
        ws.write_row(3, 0, ["2", "Bob", "b@x.io"])
        book.add_worksheet("Empty")
        hidden = book.add_worksheet("Lookup")
        hidden.write_row(0, 0, ["code", "label"])
        hidden.write_row(1, 0, ["A", "Alpha"])
        hidden.hide()

    ex = extract(xlsx(tmp_path / "m.xlsx", build))
    data, lookup = ex.tables
    assert data.columns == ["id", "Customer name", "Customer email"]
    assert data.row_count == 2
    assert lookup.hidden and not lookup.tabular
    assert "sheet 'Lookup' is hidden in the workbook" in lookup.warnings
    assert ex.warnings == ["skipped empty sheet 'Empty'"]


@pytest.mark.parametrize("damage", ["truncated", "garbage", "encrypted"])
def test_bad_workbook_fails_with_reason(tmp_path: Path, damage: str) -> None:
    good = xlsx(tmp_path / "g.xlsx", lambda b: b.add_worksheet().write_row(0, 0, ["a", "b"]))
    data = {
        "truncated": good.read_bytes()[:300],
        "garbage": b"PK\x03\x04" + bytes(range(256)) * 4,
        "encrypted": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64
        + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64,
    }[damage]
    with pytest.raises(ExtractError) as info:
        extract(write(tmp_path, data, "orders.xlsx"))
    message = str(info.value)
    assert "\n" not in message
    if damage == "encrypted":
        assert message.startswith("the workbook is password-protected")
    else:
        assert "workbook" in message or "archive" in message


def test_header_row_override(tmp_path: Path) -> None:
    path = write(tmp_path, b"a,b\nc,d\n1,2\n", "x.csv")
    assert extract(path).tables[0].columns == ["a", "b"]
    table = extract(path, options=ExtractOptions(header_row=1)).tables[0]
    assert (table.header_row, table.columns, table.frame.rows()) == (1, ["c", "d"], [("1", "2")])


def test_csv_title_lines_above_header(tmp_path: Path) -> None:
    data = b"Contacts export\nGenerated 2026-01-15\n\nid,name,city\n1,Ann,Oslo\n2,Bob,Rome\n"
    (table,) = extract(write(tmp_path, data, "c.csv")).tables
    assert table.header_row == 3
    assert table.columns == ["id", "name", "city"]
    assert table.frame.rows() == [("1", "Ann", "Oslo"), ("2", "Bob", "Rome")]


# --- JSON / XML --------------------------------------------------------------------------


def test_json_union_of_keys_nested_and_lists(tmp_path: Path) -> None:
    doc = ('{"meta": {"n": 2}, "people": ['
           '{"id": 1, "address": {"city": "Oslo"}, "tags": ["a", "b"], "ok": true},'
           '{"id": 2.50, "extra": null, "address": {"city": "Rome", "zip": "00100"}}]}')
    ex = extract(write(tmp_path, doc.encode(), "p.json"))
    (table,) = ex.tables
    assert (ex.format, ex.record_path, table.name) == ("json", "people", "people")
    assert table.columns == ["id", "address.city", "tags", "ok", "extra", "address.zip"]
    assert table.frame.rows() == [("1", "Oslo", "a; b", "true", "", ""),
                                  ("2.50", "Rome", "", "", "", "00100")]


def test_jsonl(tmp_path: Path) -> None:
    data = b'{"a": 1}\n\n{"a": 2, "b": "x"}\n'
    ex = extract(write(tmp_path, data, "e.jsonl"))
    assert ex.format == "jsonl"
    assert ex.tables[0].frame.rows() == [("1", ""), ("2", "x")]


def test_bad_json_names_the_place(tmp_path: Path) -> None:
    with pytest.raises(ExtractError, match=r"^invalid JSON on line 2, column"):
        extract(write(tmp_path, b'{"a": 1}\n{"a": \n', "e.jsonl"))


def test_xml_record_paths(tmp_path: Path) -> None:
    data = (b'<?xml version="1.0"?><export><meta/><orders>'
            b'<order id="1"><customer email="a@x.io"/><total currency="EUR">9.50</total></order>'
            b'<order id="2"><total>3</total><note>hi</note></order></orders></export>')
    ex = extract(write(tmp_path, data, "o.xml"))
    (table,) = ex.tables
    assert ex.record_path == "/export/orders/order"
    assert table.columns == ["@id", "customer/@email", "total/@currency", "total", "note"]
    assert table.frame.rows() == [("1", "a@x.io", "EUR", "9.50", ""), ("2", "", "", "3", "hi")]


@pytest.mark.parametrize("payload", [
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
    b"<r><x>&b;</x><x>1</x></r>",
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    b"<r><x>&e;</x><x>1</x></r>",
])
def test_xml_entities_refused(tmp_path: Path, payload: bytes) -> None:
    with pytest.raises(ExtractError, match=r"^refused unsafe XML"):
        extract(write(tmp_path, payload, "evil.xml"))


# --- compressed input ----------------------------------------------------------------------


def test_gzip_csv(tmp_path: Path) -> None:
    text = "name;n\n" + "Zoë Müller;2\nGrüße François;3\n" * 20
    ex = extract(write(tmp_path, gzip.compress(text.encode("cp1252")), "x.csv.gz"))
    assert (ex.format, ex.encoding) == ("csv+gzip", "cp1252")
    assert ex.tables[0].frame.rows()[:2] == [("Zoë Müller", "2"), ("Grüße François", "3")]


def test_zip_members_and_skips(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.csv", "x,y\n1,2\n")
        z.writestr("sub/b.json", '[{"k": "v"}]')
        z.writestr("__MACOSX/._a.csv", "junk")
        z.writestr(".DS_Store", "junk")
    ex = extract(write(tmp_path, buf.getvalue(), "bundle.zip"))
    assert [t.name for t in ex.tables] == ["a.csv", "sub/b.json"]
    assert ex.warnings == ["skipped 2 system or hidden file(s) in the archive"]


def test_zip_bomb_refused(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("big.csv", b"a,b\n" + b"0,0\n" * 5_000_000)
    with pytest.raises(ExtractError, match="likely zip bomb"):
        extract(write(tmp_path, buf.getvalue(), "bomb.zip"))


def test_limits(tmp_path: Path) -> None:
    path = write(tmp_path, b"a,b\n1," + b"x" * 50 + b"\n2,3\n", "l.csv")
    with pytest.raises(ExtractError, match=r"^the file: a cell in column 'b' holds 50"):
        extract(path, options=ExtractOptions(limits=Limits(max_cell_chars=20)))
    with pytest.raises(ExtractError, match=r"has 2 rows; the limit is 1$"):
        extract(path, options=ExtractOptions(limits=Limits(max_rows=1)))
    with pytest.raises(ExtractError, match=r"^file is \d+ bytes; the limit is 10$"):
        extract(path, options=ExtractOptions(limits=Limits(max_file_bytes=10)))


# --- profiles ------------------------------------------------------------------------------


def test_profiles(tmp_path: Path) -> None:
    data = ("email;phone;day;amount;price;n;flag;code;note\n" + "".join(
        f"u{i}@x.io;+49 30 {1000000 + i};{i % 28 + 1:02d}.03.2025;{i}.234,5{i % 10};"
        f"${i},000.00;{i};{'ja' if i % 2 else 'nein'};AB-{i:04d};hello {i % 3}\n"
        for i in range(1, 40))).encode()
    profile = extract(write(tmp_path, data, "p.csv")).tables[0].profile
    assert profile is not None
    kinds = {c: p["kind"] for c, p in profile.items()}
    assert kinds == {"email": "email", "phone": "phone", "day": "date", "amount": "decimal",
                     "price": "currency", "n": "integer", "flag": "boolean",
                     "code": "identifier", "note": "text"}
    assert profile["day"]["format"] == "%d.%m.%Y"
    assert (profile["amount"]["decimal_separator"], profile["amount"]["thousands_separator"]) \
        == (",", ".")
    assert profile["note"]["top"][0]["count"] == 13
    assert profile["note"]["distinct"] == 3


# --- partner deliveries --------------------------------------------------------------------


@pytest.fixture(scope="module")
def deliveries(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    from tests.conftest import shared_dir

    out = tmp_path_factory.mktemp("deliveries")
    script = shared_dir() / "fixtures" / "make_fixtures.py"
    subprocess.run([sys.executable, str(script), str(out), "--rows", "60"], check=True,
                   capture_output=True)
    return out, json.loads((out / "manifest.json").read_text(encoding="utf-8"))


@pytest.mark.shared
@pytest.mark.parametrize("partner", ["northwind", "globex", "initech", "umbrella", "acme",
                                     "hooli"])
@pytest.mark.parametrize("delivery", ["d1", "d2", "d3"])
def test_every_partner_delivery(deliveries: tuple[Path, Any], partner: str,
                                delivery: str) -> None:
    out, manifest = deliveries
    (entry,) = [f for f in manifest["files"]
                if (f["partner"], f["delivery"]) == (partner, delivery)]
    ex = extract(out / entry["path"], filename=Path(entry["path"]).name)
    table = ex.data_table
    assert table is not None
    assert table.header_row == (entry["header_row"] or 0)
    assert table.row_count == entry["row_count"]
    assert set(entry["column_mapping"]) <= set(table.columns)
    if entry["sheet_name"]:
        assert table.name == entry["sheet_name"]
        assert [t.name for t in ex.tables if not t.tabular] == ["Notes"]
    if entry["record_path"]:
        assert ex.record_path == entry["record_path"]
    for error in entry["errors"]:  # injected bad values arrive exactly as sent
        if error["column"] in table.columns and isinstance(error["value"], str):
            got = table.frame.get_column(error["column"])[error["row"]]
            assert got.strip() == error["value"].strip()
    if partner == "initech":
        dates = table.frame.get_column("Order Date")
        kind = entry["value_formats"]["order_date"]["cell_type"]
        pattern = r"^\d{4}-\d\d-\d\d$" if kind == "date" else r"^\d\d/\d\d/\d{4}$"
        assert dates.str.contains(pattern).mean() > 0.9
        assert table.frame.get_column("Order #").str.contains(r"^\d+$").all()
        if delivery == "d3":
            assert table.frame.get_column("Total").str.contains(r"^\D*[\d,]+\.\d\d$").mean() > 0.9
    if partner == "globex":
        assert table.frame.get_column("Nachname").str.contains("ö|ü|ä|ß|é").any()


# --- hostile input -------------------------------------------------------------------------

_SEEDS: dict[str, bytes] = {
    "x.json": b'{"rows": [{"a": 1, "b": {"c": [1, 2]}}, {"a": "x"}]}',
    "x.jsonl": b'{"a": 1}\n{"b": 2}\n',
    "x.xml": b'<?xml version="1.0"?><r><o id="1"><c e="x"/>t</o><o id="2"/></r>',
    "x.csv": b'a,b\n1,"x\ny"\n2,3\n',
}


def _seed_xlsx() -> bytes:
    buf = io.BytesIO()
    import xlsxwriter

    book = xlsxwriter.Workbook(buf, {"in_memory": True})
    book.set_properties({"created": dt.datetime(2025, 1, 1)})  # same bytes on every call
    book.add_worksheet().write_row(0, 0, ["a", "b"])
    book.close()
    return buf.getvalue()


def _seed_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.csv", "x,y\n1,2\n")
    return buf.getvalue()


@pytest.mark.parametrize("name", [*_SEEDS, "x.xlsx", "x.zip", "x.csv.gz"])
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_bytes_extract_or_fail_cleanly(tmp_path: Path, name: str, data: Any) -> None:
    seed = {"x.xlsx": _seed_xlsx, "x.zip": _seed_zip,
            "x.csv.gz": lambda: gzip.compress(_SEEDS["x.csv"])}.get(name, lambda: _SEEDS[name])()
    raw = bytearray(seed)
    for _ in range(data.draw(st.integers(0, 8))):
        op = data.draw(st.sampled_from(["flip", "cut", "insert"]))
        pos = data.draw(st.integers(0, max(len(raw) - 1, 0)))
        if op == "flip" and raw:
            raw[pos] = data.draw(st.integers(0, 255))
        elif op == "cut":
            del raw[pos:pos + data.draw(st.integers(1, 64))]
        else:
            raw[pos:pos] = data.draw(st.binary(max_size=16))
    try:
        extract(write(tmp_path, bytes(raw), name))
    except FeedlineError as exc:
        assert str(exc) and "\n" not in str(exc)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=400), name=st.sampled_from(["a.csv", "a.json", "a.xml",
                                                          "a.xlsx", "a.zip", "a.gz"]))
def test_random_bytes_extract_or_fail_cleanly(tmp_path: Path, raw: bytes, name: str) -> None:
    for prefix in (b"", b"PK\x03\x04", b"\x1f\x8b", b"<r>", b"[{"):
        try:
            extract(write(tmp_path, prefix + raw, name))
        except FeedlineError as exc:
            assert str(exc) and "\n" not in str(exc)
