"""Large files: memory-mapped reads, chunked streaming to Parquet, archives unpacked."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from feedline.errors import ExtractError, UnsupportedFormat
from feedline.extract import ExtractOptions, Limits, extract, stream, unpack_archive

STREAM = ExtractOptions(stream_bytes=0)


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stream, "CHUNK_BYTES", 64 * 1024)


def messy(rows: int) -> bytes:
    """Title lines, quoted newlines and delimiters, short rows and blank lines, > 1 MiB."""
    out = ["Orders export", "generated 2025-01-31", "", "id,name,note,amount"]
    for i in range(rows):
        if i % 9_001 == 5:
            out.append(f"{i},short")
        elif i % 7_919 == 3:
            out.append("")
        else:
            out.append(f'{i},"Müller, {i}","two\nlines ""q""",{i % 97}.5')
    return ("\n".join(out) + "\n").encode()


def test_streamed_equals_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_bytes(messy(40_000))
    assert path.stat().st_size > 1 << 20
    seen: list[tuple[int, int, int]] = []
    streamed = extract(path, options=STREAM, workdir=tmp_path,
                       progress=lambda *a: seen.append(a)).tables[0]
    memory = extract(path).tables[0]
    assert streamed.data is None and streamed.parquet is not None
    assert streamed.frame.equals(memory.frame)
    assert (streamed.header_row, streamed.row_count) == (memory.header_row, memory.row_count)
    assert streamed.warnings == memory.warnings
    assert any("fewer fields" in w for w in streamed.warnings)
    assert len(seen) > 10
    assert [s[0] for s in seen] == sorted(s[0] for s in seen)
    assert seen[-1][0] == path.stat().st_size and seen[-1][2] == memory.row_count
    assert streamed.profile is not None and memory.profile is not None
    for col in memory.columns:
        assert streamed.profile[col]["kind"] == memory.profile[col]["kind"]
        assert streamed.profile[col]["non_empty"] == memory.profile[col]["non_empty"]
        assert streamed.profile[col]["max_length"] == memory.profile[col]["max_length"]
    assert memory.profile["amount"]["kind"] == "decimal"


def test_streamed_save_moves_the_parquet(tmp_path: Path) -> None:
    path = tmp_path / "o.csv"
    path.write_bytes(messy(40_000))
    (table,) = extract(path, options=STREAM, workdir=tmp_path / "work").tables
    assert table.parquet is not None
    table.save(tmp_path / "sheet.parquet")
    assert not table.parquet.exists()
    assert list((tmp_path / "work").iterdir()) == []


@pytest.mark.parametrize("streamed", [False, True])
def test_large_legacy_encoding_falls_back(tmp_path: Path, streamed: bool) -> None:
    """UTF-8 for the first megabyte, cp1252 later: Polars refuses, detection takes over."""
    head = "id,name\n" + "".join(f"{i},plain\n" for i in range(150_000))
    data = head.encode() + "999999,Zoë Grüße\n".encode("cp1252")
    path = tmp_path / "late.csv"
    path.write_bytes(data)
    ex = extract(path, options=STREAM if streamed else ExtractOptions(), workdir=tmp_path)
    assert ex.encoding == "cp1252"
    assert ex.tables[0].frame.row(-1) == ("999999", "Zoë Grüße")


def test_streamed_errors_name_file_wide_rows(tmp_path: Path) -> None:
    body = "".join(f"{i},x\n" for i in range(200_000))
    long_row = tmp_path / "long.csv"
    long_row.write_text("a,b\n" + body + "1,2,3\n")
    with pytest.raises(ExtractError, match=r"^row 200001 \(line 200002\) has 3 fields"):
        extract(long_row, options=STREAM, workdir=tmp_path)
    binary = tmp_path / "nul.csv"
    binary.write_bytes(("a,b\n" + body).encode() + b"1,\x00\n")
    with pytest.raises(UnsupportedFormat):
        extract(binary, options=STREAM, workdir=tmp_path)
    too_many = ExtractOptions(stream_bytes=0, limits=Limits(max_rows=100_000))
    with pytest.raises(ExtractError, match="the limit is 100000"):
        extract(long_row, options=too_many, workdir=tmp_path)
    leftovers = [p.name for p in tmp_path.iterdir() if p.suffix != ".csv"]
    assert leftovers == []  # no partial Parquet left behind


def test_unclosed_quote_fails_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text("a,b\n" + "".join(f"{i},x\n" for i in range(100_000)) + '1,"open\n'
                    + "".join(f"{i},y\n" for i in range(100_000)))
    for options, workdir in ((STREAM, tmp_path), (ExtractOptions(), None)):
        with pytest.raises(ExtractError):
            extract(path, options=options, workdir=workdir)


def test_unpack_archive(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a/contacts.csv", "Email\na@x.io\n")
        zf.writestr("__MACOSX/a/._contacts.csv", "junk")
        zf.writestr("orders.json", "[]")
    archive = tmp_path / "bundle"
    archive.write_bytes(buf.getvalue())
    members = unpack_archive(archive, "bundle.zip", tmp_path / "out")
    assert members is not None
    assert [m.name for m in members] == ["a/contacts.csv", "orders.json"]
    assert members[0].path.read_bytes() == b"Email\na@x.io\n"
    plain = tmp_path / "p.csv"
    plain.write_text("a,b\n1,2\n")
    assert unpack_archive(plain, "p.zip", tmp_path / "out2") is None
    with pytest.raises(ExtractError, match="more than 1 files"):
        unpack_archive(archive, "bundle.zip", tmp_path / "out3",
                       ExtractOptions(limits=Limits(max_archive_members=1)))


def legacy(rows: int) -> str:
    """Title line, ``;`` separated, CRLF, accents, quoted newlines and a few short rows."""
    out = ["Bericht März", "", "id;name;note;amount"]
    for i in range(rows):
        out.append(f"{i};short" if i % 4_001 == 7 else
                   f'{i};"Zoë Müller {i}";"a;b\r\nGrüße €";{i % 97},5')
    return "\r\n".join(out) + "\r\n"


@pytest.mark.parametrize("codec", ["cp1252", "utf-16", "utf-8-sig"])
def test_transcoded_stream_equals_in_memory(tmp_path: Path, codec: str) -> None:
    """Non-UTF-8 input streams through an incremental decoder: same frame, notes, profile."""
    path = tmp_path / "export.csv"
    path.write_bytes(legacy(30_000).encode(codec))
    seen: list[tuple[int, int, int]] = []
    streamed = extract(path, options=STREAM, workdir=tmp_path / "w",
                       progress=lambda *a: seen.append(a))
    memory = extract(path)
    (s,), (m,) = streamed.tables, memory.tables
    assert s.parquet is not None and s.data is None
    assert streamed.encoding == memory.encoding == {"utf-16": "utf-16-le"}.get(codec, codec)
    assert (streamed.delimiter, s.header_row, s.columns) == (";", 2, m.columns)
    assert s.frame.equals(m.frame)
    assert s.warnings == m.warnings and any("fewer fields" in w for w in s.warnings)
    assert s.frame.row(0)[1:3] == ("Zoë Müller 0", "a;b\r\nGrüße €")
    assert [p[0] for p in seen] == sorted(p[0] for p in seen)
    assert seen[-1] == (path.stat().st_size, path.stat().st_size, m.row_count)
    assert s.profile is not None and m.profile is not None
    assert {c: p["kind"] for c, p in s.profile.items()} == {
        c: p["kind"] for c, p in m.profile.items()}
    assert list((tmp_path / "w").iterdir()) == [s.parquet]  # the UTF-8 scratch file is gone


@pytest.mark.parametrize(("data", "match"), [
    (b"\xff\xfe" + b"a\x00,\x00b\x00\n\x00" * 1000 + b"\x00\xd8a\x00\n\x00",
     r"^file is not valid utf-16-le text \(bad byte at offset 8000\)$"),
    (b"\xff\xfe" + b"a\x00,\x00b\x00\n\x00" * 1000 + b"x",
     r"^file is not valid utf-16-le text \(bad byte at offset 8000\)$"),
    (b"\xef\xbb\xbfa,b\n" + "1,é\n".encode() * 10 + b"2,\xe9\n" * 1000,
     r"^file says it is utf-8-sig but byte 56 \(0xe9\) is not valid UTF-8$"),
    (b"\xff\xfea\x00,\x00b\x00\n\x00" + b"1\x00,\x00\x00\x00\n\x00",
     r"^file decoded as utf-16-le contains NUL characters$"),
])
def test_transcoding_errors_match_in_memory(tmp_path: Path, data: bytes, match: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(data)
    for options, workdir in ((ExtractOptions(), None), (STREAM, tmp_path / "w")):
        with pytest.raises(ExtractError, match=match):
            extract(path, options=options, workdir=workdir)
    assert list((tmp_path / "w").iterdir()) == []


def test_legacy_bytes_far_into_the_file_are_detected(tmp_path: Path) -> None:
    """Encoding detection samples non-ASCII lines from the whole file, not just its start."""
    path = tmp_path / "late.csv"
    ascii_rows = "".join(f"{i},plain text\n" for i in range(400_000))  # > 4 MiB of ASCII
    path.write_bytes(b"id,name\n" + ascii_rows.encode() + "1,Zoë Grüße\n".encode("cp1252"))
    ex = extract(path, options=STREAM, workdir=tmp_path)
    assert ex.encoding == "cp1252"
    assert ex.tables[0].frame.row(-1) == ("1", "Zoë Grüße")


def test_gzip_streams_and_keeps_its_limits(tmp_path: Path) -> None:
    """A large .csv.gz is unpacked to scratch under the limits, then streamed into Parquet."""
    import gzip

    path = tmp_path / "orders.csv.gz"
    path.write_bytes(gzip.compress(legacy(20_000).encode("cp1252")))
    work = tmp_path / "w"
    streamed = extract(path, options=STREAM, workdir=work)
    memory = extract(path)
    assert (streamed.format, streamed.encoding) == ("csv+gzip", "cp1252")
    assert streamed.tables[0].parquet is not None
    assert streamed.tables[0].frame.equals(memory.tables[0].frame)
    assert list(work.iterdir()) == [streamed.tables[0].parquet]
    tight = ExtractOptions(stream_bytes=0, limits=Limits(max_uncompressed_bytes=100_000))
    with pytest.raises(ExtractError, match=r"declares \d+ bytes uncompressed; the limit is 100000"):
        extract(path, options=tight, workdir=work)
    assert list(work.iterdir()) == [streamed.tables[0].parquet]
