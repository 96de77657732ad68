"""Hostile and broken files: each refused with a one-line reason (or, mixed encodings, read
right with a warning), in memory and streaming, the file untouched, nothing left behind."""

from __future__ import annotations

import hashlib
import logging
import random
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from polars.exceptions import PanicException

import tests.hostile_files as hostile
from feedline.errors import ExtractError
from feedline.extract import ExtractOptions, Limits, extract, unpack_archive

REFUSED = sorted(set(hostile.CASES) - hostile.READ_WITH_WARNING)
MODES = {"memory": ExtractOptions(), "streaming": ExtractOptions(stream_bytes=0)}
ARCHIVES = sorted(name for name in hostile.CASES if name.startswith("zip_"))


def _sha(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _leftovers(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*")) if folder.exists() else []


@pytest.mark.timeout(120)
@pytest.mark.parametrize("mode", sorted(MODES))
@pytest.mark.parametrize("case", REFUSED)
def test_hostile_file_is_refused_in_one_line(tmp_path: Path, case: str, mode: str) -> None:
    (tmp_path / "in").mkdir()
    path, expected = hostile.CASES[case](tmp_path / "in")
    before = _sha(path)
    work = tmp_path / "work"
    with pytest.raises(ExtractError) as info:
        extract(path, options=MODES[mode], workdir=work)
    reason = str(info.value)
    assert expected in reason
    assert "\n" not in reason and len(reason) < 400
    assert _sha(path) == before  # the delivered bytes are never touched
    assert _leftovers(work) == []  # no scratch file, no half-written Parquet


@pytest.mark.timeout(120)
@pytest.mark.parametrize("case", ARCHIVES)
def test_unpacking_for_the_pipeline_refuses_the_same_archives(tmp_path: Path, case: str) -> None:
    """The pipeline's path (members stored as files of their own) refuses before writing."""
    (tmp_path / "in").mkdir()
    path, expected = hostile.CASES[case](tmp_path / "in")
    dest = tmp_path / "members"
    if case == "zip_nested_too_deep":  # one level at a time: the depth is the pipeline's
        members = unpack_archive(path, path.name, dest)
        assert members is not None and [m.name for m in members] == ["level1.zip"]
        return
    with pytest.raises(ExtractError) as info:
        unpack_archive(path, path.name, dest)
    assert expected in str(info.value) and "\n" not in str(info.value)
    assert _leftovers(dest) == []


@pytest.mark.parametrize("mode", sorted(MODES))
def test_mixed_encoding_is_read_as_utf8_with_the_bad_lines_named(tmp_path: Path,
                                                                 mode: str) -> None:
    path, warning = hostile.mixed_encoding(tmp_path)
    ex = extract(path, options=MODES[mode], workdir=tmp_path / "work")
    (table,) = ex.tables
    assert ex.encoding == "utf-8"
    assert ex.warnings == [warning]
    assert table.columns == ["id", "name", "address"]
    assert table.frame.rows() == hostile.mixed_encoding_rows()  # no row is mojibake


@pytest.mark.parametrize("mode", sorted(MODES))
def test_a_legacy_file_with_a_few_utf8_lines_is_named_after_most_lines(tmp_path: Path,
                                                                       mode: str) -> None:
    rows = [f"{i},Müller {i},Straße {i}\n" for i in range(1, 21)]
    data = b"id,name,street\n" + b"".join(
        row.encode("utf-8" if i in (5, 9) else "cp1252") for i, row in enumerate(rows, 1))
    path = tmp_path / "legacy.csv"
    path.write_bytes(data)
    ex = extract(path, options=MODES[mode], workdir=tmp_path / "work")
    assert ex.encoding == "cp1252"
    assert ex.warnings == ["2 lines were UTF-8 in a cp1252 file (lines 6, 10): read as UTF-8"]
    assert ex.tables[0].frame.rows() == [tuple(r.rstrip("\n").split(",")) for r in rows]


@pytest.mark.parametrize("mode", sorted(MODES))
def test_a_single_legacy_encoding_gets_no_warning(tmp_path: Path, mode: str) -> None:
    path = tmp_path / "cp1252.csv"
    path.write_bytes("id,name\n1,Zoë\n2,Grüße – ok\n".encode("cp1252"))
    ex = extract(path, options=MODES[mode], workdir=tmp_path / "work")
    assert (ex.encoding, ex.warnings) == ("cp1252", [])
    assert ex.tables[0].frame.rows() == [("1", "Zoë"), ("2", "Grüße – ok")]


@pytest.mark.parametrize("mode", sorted(MODES))
def test_many_bad_lines_are_counted_and_the_first_ten_listed(tmp_path: Path, mode: str) -> None:
    lines = [b"id,name\n"]
    for i in range(1, 101):
        lines.append(f"{i},Zoë {i}\n".encode("cp1252" if i % 8 == 0 else "utf-8"))
    path = tmp_path / "many.csv"
    path.write_bytes(b"".join(lines))
    ex = extract(path, options=MODES[mode], workdir=tmp_path / "work")
    assert ex.encoding == "utf-8"
    listed = ", ".join(str(i + 1) for i in range(8, 81, 8))
    assert ex.warnings == [f"12 lines were not valid UTF-8 (lines {listed} and 2 more): "
                           "read as cp1252"]
    assert ex.tables[0].frame.get_column("name").to_list() == [f"Zoë {i}" for i in range(1, 101)]


@pytest.mark.parametrize("mode", sorted(MODES))
def test_a_utf8_bom_file_with_a_few_bad_lines_is_read(tmp_path: Path, mode: str) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbfa,b\n" + "1,é\n".encode() * 50 + "2,é\n".encode("cp1252"))
    ex = extract(path, options=MODES[mode], workdir=tmp_path / "work")
    assert ex.encoding == "utf-8-sig"
    assert ex.warnings == ["1 line was not valid UTF-8 (line 52): read as cp1252"]
    assert ex.tables[0].frame.rows()[-2:] == [("1", "é"), ("2", "é")]


def test_mixed_json_lines_are_read_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes('{"name": "Zoë"}\n{"name": "Jürgen"}\n'.encode()
                     + '{"name": "Grüße"}\n'.encode("cp1252"))
    for options in MODES.values():
        ex = extract(path, options=options, workdir=tmp_path / "work")
        assert ex.format == "jsonl"
        assert ex.warnings == ["1 line was not valid UTF-8 (line 3): read as cp1252"]
        assert ex.tables[0].frame.get_column("name").to_list() == ["Zoë", "Jürgen", "Grüße"]


@pytest.mark.timeout(60)
@pytest.mark.parametrize("mode", sorted(MODES))
def test_deeply_nested_xml_is_read_in_bounded_memory(tmp_path: Path, mode: str) -> None:
    """Streaming used to build a path string per level: quadratic, and the process died."""
    path, record_path = hostile.xml_deep(tmp_path)
    for record in (None, "a"):
        options = ExtractOptions(stream_bytes=MODES[mode].stream_bytes, record_path=record)
        ex = extract(path, options=options, workdir=tmp_path / "work")
        assert ex.record_path == record_path and ex.tables[0].row_count == 1


# --- limits are the configured ones -------------------------------------------------------


def test_archive_limits_are_the_configured_ones(tmp_path: Path) -> None:
    path = tmp_path / "ten.zip"
    digits = random.Random(7)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(10):
            cell = "".join(digits.choice("0123456789") for _ in range(300_000))
            zf.writestr(f"part{i}.csv", f"id,digits\n{i},{cell}\n")
    assert len(extract(path).tables) == 10
    few = ExtractOptions(limits=Limits(max_archive_members=5))
    with pytest.raises(ExtractError, match="more than 5 files"):
        extract(path, options=few)
    small = ExtractOptions(limits=Limits(max_uncompressed_bytes=2_000_000))
    with pytest.raises(ExtractError, match=r"^the archive declares 3000\d+ bytes uncompressed; "
                                           r"the limit is 2000000$"):
        extract(path, options=small)
    ratio = ExtractOptions(limits=Limits(max_compression_ratio=2))
    with pytest.raises(ExtractError, match=r"^the archive declares 3000\d+ bytes uncompressed "
                                           r"from \d+ \(2\.\dx, the limit is 2x\); refused as "
                                           r"a likely zip bomb$"):
        extract(path, options=ratio)


def test_a_lying_gzip_trailer_is_caught_while_inflating(tmp_path: Path) -> None:
    path, _ = hostile.gzip_bomb_lying(tmp_path)
    assert struct.unpack("<L", path.read_bytes()[-4:])[0] == 1000  # the hint says harmless
    with pytest.raises(ExtractError, match=r"^the gzip file expands more than 200x"):
        extract(path, workdir=tmp_path / "work")


def test_archive_members_keep_their_folder_with_safe_names(tmp_path: Path) -> None:
    path = tmp_path / "bundle.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("2025/acme_orders.csv", "id,total\n1,2\n")
        zf.writestr("./2025/Zoe\u0308.csv", "id,total\n3,4\n")  # NFD on a Mac
        zf.writestr("__MACOSX/2025/._acme_orders.csv", "junk")
    members = unpack_archive(path, "bundle.zip", tmp_path / "members")
    assert members is not None
    assert [m.name for m in members] == ["2025/acme_orders.csv", "2025/Zoë.csv"]
    assert all(m.path.parent == tmp_path / "members" for m in members)
    assert [t.name for t in extract(path).tables] == ["2025/acme_orders.csv", "2025/Zoë.csv"]


def test_a_workbook_with_honest_parts_is_read(tmp_path: Path) -> None:
    """The workbook checks count every part and let a real workbook through."""
    path = tmp_path / "ok.xlsx"
    path.write_bytes(hostile._xlsx_bytes([["id", "name"], *[[i, f"n{i}"] for i in range(50)]]))
    ex = extract(path)
    assert ex.format == "xlsx" and ex.tables[0].row_count == 50


# --- unexpected failures --------------------------------------------------------------------


@pytest.mark.parametrize(("error", "shown"), [
    (struct.error("unpack requires a buffer of 4 bytes"),
     "could not read the file as JSON: error: unpack requires a buffer of 4 bytes"),
    (UnicodeError("bad\ntwo lines"), "could not read the file as JSON: UnicodeError: bad"),
    (zipfile.BadZipFile("bad"), "could not read the file as JSON: BadZipFile: bad"),
    (ValueError(""), "could not read the file as JSON: ValueError"),
    (PanicException("rust panicked"), "could not read the file as JSON: PanicException: rust "
                                      "panicked"),
    (RecursionError("deep"), "could not read the file as JSON: it is nested too deeply to read"),
    (MemoryError(), "could not read the file as JSON: it needs more memory than is available"),
])
def test_an_unexpected_parser_failure_is_one_line_naming_the_format(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
        error: BaseException, shown: str) -> None:
    """A bug in a parser reaches the person as one line; the traceback goes to the log."""
    from feedline.extract import jsonfile

    def broken(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(jsonfile, "read_json", broken)
    path = tmp_path / "a.json"
    path.write_text('[{"a": 1}]', encoding="utf-8")
    with caplog.at_level(logging.DEBUG, logger="feedline.extract"), \
            pytest.raises(ExtractError) as info:
        extract(path)
    assert str(info.value) == shown
    assert any(r.exc_info and r.exc_info[1] is error for r in caplog.records)


def test_an_unexpected_failure_while_sniffing_is_one_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from feedline.extract import core

    def broken(data: bytes) -> None:
        raise IndexError("index out of range")

    monkeypatch.setattr(core, "decode", broken)
    path = tmp_path / "a.csv"
    path.write_bytes("a,b\n1,é\n".encode())
    with pytest.raises(ExtractError, match=r"^could not read the file as text: IndexError: "
                                           r"index out of range$"):
        extract(path)


def test_an_unexpected_failure_while_unpacking_for_the_pipeline_is_one_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from feedline.extract import archive

    def broken(*args: object) -> None:
        raise struct.error("bad char in struct format")

    monkeypatch.setattr(archive, "unzip", broken)
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("a.csv", "a,b\n1,2\n")
    with pytest.raises(ExtractError, match=r"^could not read the file as a ZIP archive: error: "
                                           r"bad char in struct format$"):
        unpack_archive(path, "a.zip", tmp_path / "members")


_MAKERS: dict[str, Callable[[Path], tuple[Path, str]]] = hostile.CASES


def test_every_case_is_documented() -> None:
    """The hostile set doubles as documentation: each maker says what it builds."""
    assert all((maker.__doc__ or "").strip() for maker in _MAKERS.values())
