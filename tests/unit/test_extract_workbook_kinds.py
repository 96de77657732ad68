"""ODS, legacy XLS and XLSM workbooks extract like XLSX: typed cells become clean text."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import xlsxwriter
import xlwt

from feedline.extract import extract

ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def _cell(kind: str, shown: str, attr: str = "") -> str:
    return (f'<table:table-cell office:value-type="{kind}" {attr}>'
            f"<text:p>{shown}</text:p></table:table-cell>")


def write_ods(path: Path) -> None:
    """A minimal OpenDocument spreadsheet: a title row, the header, one typed record."""
    rows = [
        _cell("string", "Contacts export"),
        _cell("string", "Email") + _cell("string", "Signup") + _cell("string", "LTV"),
        _cell("string", "zoë@example.com")
        + _cell("date", "04.03.2025", 'office:date-value="2025-03-04"')
        + _cell("float", "1234.5", 'office:value="1234.5"'),
    ]
    body = "".join(f"<table:table-row>{r}</table:table-row>" for r in rows)
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS} '
               f'office:version="1.2"><office:body><office:spreadsheet>'
               f'<table:table table:name="Contacts">{body}</table:table>'
               f"</office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type='
                '"application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
        z.writestr("META-INF/manifest.xml", manifest)


def test_ods(tmp_path: Path) -> None:
    path = tmp_path / "export.ods"
    write_ods(path)
    result = extract(path, "export.ods")
    table = result.tables[0]
    assert result.format == "ods" and table.name == "Contacts"
    assert table.columns == ["Email", "Signup", "LTV"] and table.header_row == 1
    assert table.frame.to_dicts() == [{"Email": "zoë@example.com", "Signup": "2025-03-04", "LTV": "1234.5"}]


def test_legacy_xls(tmp_path: Path) -> None:
    path = tmp_path / "export.xls"
    book = xlwt.Workbook()
    sheet = book.add_sheet("Contacts")
    for j, head in enumerate(["Email", "Signup", "Employees", "LTV"]):
        sheet.write(0, j, head)
    sheet.write(1, 0, "zoë@example.com")
    sheet.write(1, 1, dt.date(2025, 3, 4), xlwt.easyxf(num_format_str="DD.MM.YYYY"))
    sheet.write(1, 2, 250)
    sheet.write(1, 3, 1234.5)
    book.save(str(path))
    result = extract(path, "export.xls")
    assert result.format == "xls"
    assert result.tables[0].frame.to_dicts() == [
        {"Email": "zoë@example.com", "Signup": "2025-03-04", "Employees": "250", "LTV": "1234.5"}]


def test_xlsm_reads_as_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "export.xlsm"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Orders")
    sheet.write_row(0, 0, ["Order", "Amount"])
    sheet.write_row(1, 0, ["A-1", 1234.4999999999998])
    book.close()
    result = extract(path, "export.xlsm")
    assert result.tables[0].name == "Orders"
    assert result.tables[0].frame.to_dicts() == [{"Order": "A-1", "Amount": "1234.5"}]
