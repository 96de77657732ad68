"""Large JSON Lines and XML read in record batches into Parquet; hostile input stays clean."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feedline.errors import ExtractError, FeedlineError
from feedline.extract import ExtractOptions, Limits, extract, jsonfile, stream, xmlfile

STREAM = ExtractOptions(stream_bytes=0)


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stream, "CHUNK_BYTES", 64 * 1024)
    monkeypatch.setattr(jsonfile, "LINE_BATCH", 1_000)
    monkeypatch.setattr(xmlfile, "BATCH", 1_000)
    monkeypatch.setattr(xmlfile, "PREFIX_BYTES", 64 * 1024)


def jsonl(rows: int) -> str:
    out = []
    for i in range(rows):
        record: Any = {"id": i, "price": f"{i}.10", "customer": {"email": f"c{i}@x.io"}}
        if i > rows - 100:
            record["late"] = {"tags": ["a", i]}  # a key first seen in the last batch
        out.append("null" if i == 17 else "" if i == 18 else json.dumps(record))
    return "\n".join(out) + "\n"


def test_jsonl_streams_and_late_keys_fill_earlier_rows(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text(jsonl(20_000))
    seen: list[tuple[int, int, int]] = []
    streamed = extract(path, options=STREAM, workdir=tmp_path / "w",
                       progress=lambda *a: seen.append(a))
    memory = extract(path)
    (s,), (m,) = streamed.tables, memory.tables
    assert (streamed.format, streamed.encoding) == ("jsonl", "utf-8")
    assert s.parquet is not None and len(seen) > 10
    assert s.columns == m.columns == ["id", "price", "customer.email", "late.tags"]
    assert s.frame.equals(m.frame)
    assert s.frame.row(0) == ("0", "0.10", "c0@x.io", "")
    assert s.frame.row(-1)[-1] == "a; 19999"
    assert s.warnings == m.warnings == ["skipped 1 null record(s)"]
    assert s.profile is not None and s.profile["customer.email"]["kind"] == "email"
    assert list((tmp_path / "w").iterdir()) == [s.parquet]


def test_jsonl_in_cp1252_is_transcoded(tmp_path: Path) -> None:
    path = tmp_path / "e.ndjson"
    path.write_bytes("".join(json.dumps({"name": f"Zoë {i}"}, ensure_ascii=False) + "\n"
                             for i in range(5_000)).encode("cp1252"))
    ex = extract(path, options=STREAM, workdir=tmp_path)
    assert (ex.format, ex.encoding) == ("jsonl", "cp1252")
    assert ex.tables[0].frame.row(4_999) == ("Zoë 4999",)


def test_jsonl_failures_name_the_line_and_leave_nothing(tmp_path: Path) -> None:
    work = tmp_path / "w"
    bad = tmp_path / "bad.jsonl"
    bad.write_text(jsonl(5_000) + '{"id": \n')
    with pytest.raises(ExtractError, match=r"^invalid JSON on line 5001, column"):
        extract(bad, options=STREAM, workdir=work)
    wide = tmp_path / "wide.jsonl"
    wide.write_text("".join(json.dumps({f"k{i}": 1}) + "\n" for i in range(3_000)))
    with pytest.raises(ExtractError, match="more than 2000 distinct fields"):
        extract(wide, options=STREAM, workdir=work)
    good = tmp_path / "good.jsonl"
    good.write_text(jsonl(5_000))
    rows = ExtractOptions(stream_bytes=0, limits=Limits(max_rows=2_500))
    with pytest.raises(ExtractError, match="the limit is 2500"):
        extract(good, options=rows, workdir=work)
    assert list(work.iterdir()) == []


def xml(rows: int) -> bytes:
    orders = "".join(
        f'<order id="{i}"><customer email="c{i}@x.io"/><total currency="EUR">{i}.50</total>'
        + ("<note>late</note>" if i > rows - 5 else "") + "</order>"
        for i in range(rows))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<export><meta><by>Zoë</by></meta>'
            f"<orders>{orders}</orders></export>").encode()


def test_xml_streams_with_detected_record_path(tmp_path: Path) -> None:
    path = tmp_path / "orders.xml"
    path.write_bytes(xml(20_000))
    streamed = extract(path, options=STREAM, workdir=tmp_path / "w")
    memory = extract(path)
    (s,), (m,) = streamed.tables, memory.tables
    assert streamed.record_path == memory.record_path == "/export/orders/order"
    assert s.parquet is not None and s.name == m.name == "order"
    assert s.columns == m.columns == ["@id", "customer/@email", "total/@currency", "total",
                                      "note"]
    assert s.frame.equals(m.frame)
    named = extract(path, options=ExtractOptions(stream_bytes=0, record_path="order"),
                    workdir=tmp_path / "w")
    assert named.record_path == "/export/orders/order"
    assert named.tables[0].row_count == 20_000


def test_xml_in_latin1_declared_encoding(tmp_path: Path) -> None:
    path = tmp_path / "l.xml"
    path.write_bytes(b'<?xml version="1.0" encoding="ISO-8859-1"?><r>'
                     + b"".join(b"<x><n>Zo\xeb %d</n></x>" % i for i in range(5_000)) + b"</r>")
    ex = extract(path, options=STREAM, workdir=tmp_path)
    assert ex.tables[0].frame.row(4_999) == ("Zoë 4999",)


@pytest.mark.parametrize("payload", [
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
    b"<r>" + b"<x>&b;</x>" * 5_000 + b"</r>",
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    b"<r><x>&e;</x>" + b"<x>1</x>" * 5_000 + b"</r>",
])
def test_streamed_xml_refuses_entities(tmp_path: Path, payload: bytes) -> None:
    path = tmp_path / "evil.xml"
    path.write_bytes(payload)
    with pytest.raises(ExtractError, match=r"^refused unsafe XML"):
        extract(path, options=STREAM, workdir=tmp_path / "w")
    assert list((tmp_path / "w").iterdir()) == []


def test_streamed_xml_broken_late_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "cut.xml"
    path.write_bytes(xml(20_000)[:-40])
    with pytest.raises(ExtractError, match=r"^invalid XML at line 2, column \d+: "):
        extract(path, options=STREAM, workdir=tmp_path / "w")
    assert list((tmp_path / "w").iterdir()) == []


def test_distinct_is_exact_in_memory_and_flagged_when_streamed(tmp_path: Path) -> None:
    path = tmp_path / "u.csv"
    path.write_text("id,flag\n" + "".join(f"{i},{'yn'[i % 2]}\n" for i in range(60_000)))
    memory = extract(path).tables[0].profile
    assert memory is not None
    assert memory["id"]["distinct"] == 60_000 and memory["id"]["sampled_rows"] == 20_000
    assert "distinct_estimated" not in memory["id"]
    streamed = extract(path, options=STREAM, workdir=tmp_path).tables[0].profile
    assert streamed is not None
    assert streamed["id"]["distinct"] == 60_000 and streamed["id"]["distinct_estimated"]
    assert streamed["flag"]["distinct"] == 2


_SEEDS = {
    "s.csv": "id;name\r\n" + "".join(f'{i};"Zoë;\r\n{i}"\r\n' for i in range(40)),
    "s.jsonl": "".join(json.dumps({"a": i, "b": {"c": "é"}}) + "\n" for i in range(40)),
    "s.xml": '<r><x id="1"><y>é</y></x><x id="2"/></r>',
}


@pytest.mark.parametrize(("name", "codec"), [("s.csv", "cp1252"), ("s.csv", "utf-16"),
                                             ("s.jsonl", "utf-8"), ("s.xml", "utf-8")])
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_streamed_input_fails_cleanly(tmp_path: Path, name: str, codec: str,
                                              data: Any) -> None:
    raw = bytearray(_SEEDS[name].encode(codec))
    for _ in range(data.draw(st.integers(0, 6))):
        pos = data.draw(st.integers(0, max(len(raw) - 1, 0)))
        if data.draw(st.booleans()) and raw:
            raw[pos] = data.draw(st.integers(0, 255))
        else:
            raw[pos:pos] = data.draw(st.binary(max_size=8))
    path = tmp_path / name
    path.write_bytes(bytes(raw))
    work = tmp_path / "work"
    try:
        ex = extract(path, options=STREAM, workdir=work)
    except FeedlineError as exc:
        assert str(exc) and "\n" not in str(exc)
        assert not work.exists() or list(work.iterdir()) == []
    else:
        for table in ex.tables:
            assert table.frame.width == len(table.columns)
            table.parquet and table.parquet.unlink()
