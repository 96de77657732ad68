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
