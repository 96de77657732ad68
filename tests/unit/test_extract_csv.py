"""Delimited-text extraction: encodings, dialects, headers, ragged rows, bad input."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feedline.errors import ExtractError, FeedlineError, UnsupportedFormat
from feedline.extract import Extraction, extract


def write(tmp_path: Path, data: bytes, name: str = "data.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def rows(extraction: Extraction) -> list[tuple[str, ...]]:
    return extraction.tables[0].frame.rows()


# --- encodings -------------------------------------------------------------------------


def test_plain_utf8(tmp_path: Path) -> None:
    ex = extract(write(tmp_path, "name,city\nZoë,Zürich\n".encode()))
    assert (ex.format, ex.encoding, ex.delimiter) == ("csv", "utf-8", ",")
    assert rows(ex) == [("Zoë", "Zürich")]


def test_utf8_bom_is_stripped_and_recorded(tmp_path: Path) -> None:
    ex = extract(write(tmp_path, b"\xef\xbb\xbfid,name\r\n1,J\xc3\xbcrgen\r\n"))
    assert ex.encoding == "utf-8-sig"
    assert ex.tables[0].columns == ["id", "name"]
    assert rows(ex) == [("1", "Jürgen")]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, codec: str) -> None:
    bom = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
    data = bom + "Name;Straße\r\nGroß;Übergasse 3\r\n".encode(codec)
    ex = extract(write(tmp_path, data))
    assert (ex.encoding, ex.delimiter) == (codec, ";")
    assert ex.tables[0].columns == ["Name", "Straße"]
    assert rows(ex) == [("Groß", "Übergasse 3")]


def test_cp1252_german_comes_out_intact(tmp_path: Path) -> None:
    text = "Vorname;Nachname;Ort;Betrag\r\nJürgen;Köhler;Düsseldorf;1.234,50 €\r\nÄnne;Groß;Öhringen;0,99 €\r\n"
    ex = extract(write(tmp_path, text.encode("cp1252")))
    assert (ex.encoding, ex.delimiter) == ("cp1252", ";")
    assert rows(ex) == [
        ("Jürgen", "Köhler", "Düsseldorf", "1.234,50 €"),
        ("Änne", "Groß", "Öhringen", "0,99 €"),
    ]


def test_broken_utf8_after_bom_is_an_extract_error(tmp_path: Path) -> None:
    with pytest.raises(ExtractError, match="not valid UTF-8"):
        extract(write(tmp_path, b"\xef\xbb\xbfa,b\n1,\xff\xfe\n"))


def test_broken_utf16_is_an_extract_error(tmp_path: Path) -> None:
    with pytest.raises(ExtractError, match="utf-16-le"):
        extract(write(tmp_path, b"\xff\xfea\x00,\x00b\x00\n\x00\x00\xd8"))


# --- dialects --------------------------------------------------------------------------

TRICKY = [["id", "note", "amount"], ["1", 'say "hi", {d} twice', "3"], ["2", "two\nlines{d}", ""]]


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|", "^"])
@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_delimiters_and_line_endings(tmp_path: Path, delimiter: str, eol: str) -> None:
    records = [[cell.format(d=delimiter) for cell in row] for row in TRICKY]
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator=eol, quoting=csv.QUOTE_MINIMAL).writerows(
        records
    )
    ex = extract(write(tmp_path, buf.getvalue().encode(), name="blob"))
    assert ex.delimiter == delimiter
    assert ex.tables[0].columns == records[0]
    assert rows(ex) == [tuple(r) for r in records[1:]]
    assert ex.format == ("tsv" if delimiter == "\t" else "csv")


def test_frame_is_all_strings_without_nulls(tmp_path: Path) -> None:
    ex = extract(write(tmp_path, b'a,b,c\n1,,\n,"",3\n'))
    frame = ex.tables[0].frame
    assert all(dtype == pl.String for dtype in frame.dtypes)
    assert frame.null_count().row(0) == (0, 0, 0)
    assert frame.rows() == [("1", "", ""), ("", "", "3")]


# --- header ----------------------------------------------------------------------------


def test_header_is_first_non_blank_line_and_names_are_cleaned(tmp_path: Path) -> None:
    data = b"\n  \r\n Name ,Name,,email, Name\r\n1,2,3,4,5\r\n"
    table = extract(write(tmp_path, data)).tables[0]
    assert table.header_row == 2
    assert table.columns == ["Name", "Name_2", "column_3", "email", "Name_3"]
    assert table.frame.columns == table.columns
    assert len(table.warnings) == 3
    assert "'Name_2'" in table.warnings[0] and "column 2" in table.warnings[0]
    assert "column 3" in table.warnings[1] and "'column_3'" in table.warnings[1]


def test_generated_names_do_not_collide(tmp_path: Path) -> None:
    table = extract(write(tmp_path, b"a,,column_2,a_2,a\n1,2,3,4,5\n")).tables[0]
    assert table.columns == ["a", "column_2_2", "column_2", "a_2", "a_3"]


# --- ragged rows and blank lines ------------------------------------------------------


def test_short_rows_are_padded_and_reported(tmp_path: Path) -> None:
    data = b'a,b,c\n1,2,3\n"4,x",5\n"six\nlines",7,8\n9\n'
    table = extract(write(tmp_path, data)).tables[0]
    assert table.frame.rows() == [
        ("1", "2", "3"),
        ("4,x", "5", ""),
        ("six\nlines", "7", "8"),
        ("9", "", ""),
    ]
    (warning,) = table.warnings
    assert "2 row(s)" in warning
    assert "row 2 (line 3" in warning and "row 4 (line 6" in warning


def test_empty_trailing_fields_are_not_reported_as_short(tmp_path: Path) -> None:
    table = extract(write(tmp_path, b"a,b,c\n1,,\n2,3,\n")).tables[0]
    assert table.warnings == []
    assert table.frame.rows() == [("1", "", ""), ("2", "3", "")]


def test_blank_lines_are_skipped(tmp_path: Path) -> None:
    table = extract(write(tmp_path, b"a,b\r\n1,2\r\n\r\n3,4\r\n\r\n")).tables[0]
    assert table.frame.rows() == [("1", "2"), ("3", "4")]
    assert table.warnings == ["skipped 2 blank line(s)"]


def test_long_row_fails_naming_the_row(tmp_path: Path) -> None:
    data = b'a,b\n1,2\n"x\ny",2\n3,4,5\n6,7,8\n'
    with pytest.raises(ExtractError) as info:
        extract(write(tmp_path, data))
    assert str(info.value) == (
        "row 3 (line 5) has 3 fields but the header has 2; the extra fields would be lost"
    )


def test_unclosed_quote_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ExtractError, match=r"line 3") as info:
        extract(write(tmp_path, b'a,b\n1,2\n3,"open\n4,5\n'))
    assert "\n" not in str(info.value)


# --- bad input -------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t\n", b"\xef\xbb\xbf", b"\xff\xfe\n\x00"])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(ExtractError, match=r"^file is empty$"):
        extract(write(tmp_path, data))


@pytest.mark.parametrize("data", [b"a,b,c", b"a,b,c\r\n", b"a;b\n\n\n"])
def test_header_only(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(ExtractError, match=r"^file has a header row but no data rows$"):
        extract(write(tmp_path, data))


@pytest.mark.parametrize(
    ("kind", "filename", "reason"),
    [
        ("pdf", "upload.csv",
         "not a text table: the file is named .csv but its content looks like a PDF document"),
        ("png", "upload.csv",
         "not a text table: the file is named .csv but its content looks like a PNG image"),
        ("nul", "upload.csv", "not a text table: the file is named .csv but its content is "
                              "binary data (NUL bytes or control characters)"),
        ("pdf", "report.pdf", "unsupported file format (looks like a PDF document)"),
        ("png", "photo", "unsupported file format (looks like a PNG image)"),
    ],
)
def test_unsupported_format(tmp_path: Path, kind: str, filename: str, reason: str) -> None:
    data = {
        "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
        "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "nul": b"a,b\n1,2\x00\x00\x003\n",
    }[kind]
    with pytest.raises(UnsupportedFormat) as info:
        extract(write(tmp_path, data, name="upload"), filename=filename)
    assert str(info.value) == reason


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ExtractError, match=r"cannot read nope\.csv"):
        extract(tmp_path / "nope.csv")


# --- file names, summary, safety ------------------------------------------------------


def test_content_wins_over_extension(tmp_path: Path) -> None:
    ex = extract(write(tmp_path, b"a;b\n1;2\n", name="blob"), filename="orders.xlsx")
    assert rows(ex) == [("1", "2")]
    assert ex.tables[0].name == "orders"
    assert ex.warnings == ["the file name ends in .xlsx but the content is delimited text"]


def test_tsv_extension_breaks_a_tie(tmp_path: Path) -> None:
    data = b"a,b\tc,d\n1,2\t3,4\n"
    assert extract(write(tmp_path, data), filename="x.tsv").delimiter == "\t"
    assert extract(write(tmp_path, data), filename="x.csv").delimiter == ","


def test_to_dict_summary(tmp_path: Path) -> None:
    ex = extract(write(tmp_path, b"a,a\n1,2\n3,4\n", name="f.csv"))
    summary = ex.to_dict()
    assert summary == {
        "format": "csv",
        "encoding": "utf-8",
        "delimiter": ",",
        "warnings": [],
        "tables": [
            {
                "name": "f",
                "header_row": 0,
                "columns": ["a", "a_2"],
                "row_count": 2,
                "warnings": ["column 2 repeats the header 'a'; renamed it 'a_2'"],
            }
        ],
    }
    json.dumps(summary)


def test_input_file_is_not_modified(tmp_path: Path) -> None:
    data = '\ufeffa;b\r\n1;"x\r\ny"\r\n2\r\n'.encode()
    path = write(tmp_path, data)
    extract(path)
    assert hashlib.sha256(path.read_bytes()).digest() == hashlib.sha256(data).digest()


# --- real partner deliveries -----------------------------------------------------------


@pytest.fixture(scope="session")
def deliveries(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    out = tmp_path_factory.mktemp("csv_deliveries")
    script = shared / "fixtures" / "make_fixtures.py"
    subprocess.run(
        [sys.executable, str(script), str(out), "--rows", "60"], check=True, capture_output=True
    )
    return out, json.loads((out / "manifest.json").read_text(encoding="utf-8"))


@pytest.mark.shared
@pytest.mark.parametrize("partner", ["northwind", "globex", "acme"])
@pytest.mark.parametrize("delivery", ["d1", "d2", "d3"])
def test_partner_delivery(deliveries: tuple[Path, Any], partner: str, delivery: str) -> None:
    out, manifest = deliveries
    (entry,) = [
        f for f in manifest["files"] if (f["partner"], f["delivery"]) == (partner, delivery)
    ]
    ex = extract(out / entry["path"], filename=Path(entry["path"]).name)
    (table,) = ex.tables
    assert (ex.format, ex.encoding, ex.delimiter) == (
        entry["format"],
        entry["encoding"],
        entry["delimiter"],
    )
    assert table.header_row == entry["header_row"]
    assert table.row_count == entry["row_count"]
    assert table.columns == list(entry["column_mapping"])
    # Every cell equals what Python's csv module reads with the manifest's dialect.
    with open(out / entry["path"], encoding=entry["encoding"], newline="") as fh:
        expected = list(csv.reader(fh, delimiter=entry["delimiter"]))
    assert table.frame.rows() == [tuple(r) for r in expected[1:]]
    cells = {cell for row in table.frame.rows() for cell in row}
    if partner == "globex":
        assert any(ch in cell for cell in cells for ch in "äöüÄÖÜß")
    if partner == "acme":
        assert any("\n" in cell for cell in table.frame.get_column("NOTES"))
        assert any("\t" in cell for cell in table.frame.get_column("NOTES"))


# --- robustness ------------------------------------------------------------------------

BASE = b'id;name;note\r\n1;"M\xc3\xbcller";"a;b"\r\n2;Smith;"two\nlines"\r\n3;"say ""hi""";\r\n'


@pytest.fixture(scope="session")
def fuzz_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "blob"


def _extract_or_feedline_error(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    try:
        result = extract(path)
    except FeedlineError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    for table in result.tables:
        assert all(dtype == pl.String for dtype in table.frame.dtypes)
        assert table.frame.null_count().sum_horizontal().item() == 0
        assert table.frame.columns == table.columns


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_random_bytes_never_escape(fuzz_path: Path, data: bytes) -> None:
    _extract_or_feedline_error(fuzz_path, data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.integers(0, len(BASE)),
            st.integers(0, 3),
            st.sampled_from([b'"', b";", b"\n", b"\r", b",", b"\t", b"", b"\xff", b"x", b"\x00"]),
        ),
        max_size=6,
    )
)
def test_mutated_csv_never_escapes(fuzz_path: Path, edits: list[tuple[int, int, bytes]]) -> None:
    data = BASE
    for pos, cut, insert in edits:
        data = data[:pos] + insert + data[pos + cut :]
    _extract_or_feedline_error(fuzz_path, data)
