"""Hostile and broken files, made on the fly, each with the reason feedline gives for it.

Every maker takes a folder, writes one file there and returns ``(path, expected)``:
``expected`` is a substring of the one-line reason extraction refuses the file with (under
the default :class:`~feedline.extract.Limits`), or, for the cases in :data:`READ_WITH_WARNING`,
of the warning it reads the file with. :data:`CASES` names them all, so the same set can
drive the extractor's unit tests and a server-level test alike.

The bombs are real: the honest ones unpack to what their headers declare (10 GiB of
zeros); the lying ones declare little and unpack to a lot. They are built in a second
from one compressed block repeated (a deflate stream of identical chunks, each ended by
a full flush, is that block repeated), with CRCs combined arithmetically.
"""

from __future__ import annotations

import datetime
import io
import json
import random
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

GIB = 1024**3
_CHUNK = 16 * 1024**2

Maker = Callable[[Path], tuple[Path, str]]


# --- building blocks ----------------------------------------------------------------------


def _gf2_times(mat: list[int], vec: int) -> int:
    out, i = 0, 0
    while vec:
        if vec & 1:
            out ^= mat[i]
        vec >>= 1
        i += 1
    return out


def _gf2_square(mat: list[int]) -> list[int]:
    return [_gf2_times(mat, mat[n]) for n in range(32)]


def crc32_combine(crc1: int, crc2: int, len2: int) -> int:
    """CRC-32 of A + B from CRC(A), CRC(B) and len(B) (zlib's ``crc32_combine``)."""
    if len2 <= 0:
        return crc1
    odd = [0xEDB88320] + [1 << n for n in range(31)]
    even = _gf2_square(odd)
    odd = _gf2_square(even)
    while True:
        even = _gf2_square(odd)
        if len2 & 1:
            crc1 = _gf2_times(even, crc1)
        len2 >>= 1
        if not len2:
            break
        odd = _gf2_square(even)
        if len2 & 1:
            crc1 = _gf2_times(odd, crc1)
        len2 >>= 1
        if not len2:
            break
    return crc1 ^ crc2


def _crc_repeat(chunk: bytes, times: int) -> int:
    """CRC-32 of ``chunk * times`` without building it (doubling)."""
    crc = 0
    part_crc, part_len = zlib.crc32(chunk), len(chunk)
    while times:
        if times & 1:
            crc = crc32_combine(crc, part_crc, part_len)
        part_crc = crc32_combine(part_crc, part_crc, part_len)
        part_len *= 2
        times >>= 1
    return crc


@dataclass(frozen=True)
class Deflated:
    """A raw deflate stream and what it inflates to."""

    data: bytes
    crc: int
    size: int


def deflate_repeat(chunk: bytes, times: int, prefix: bytes = b"", suffix: bytes = b"") -> Deflated:
    """``prefix + chunk * times + suffix`` deflated without compressing ``chunk`` more than
    twice: after a full flush the compressor's state is reset, so each further chunk gives
    the same bytes."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = comp.compress(prefix) + comp.flush(zlib.Z_FULL_FLUSH) if prefix else b""
    first = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    again = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    assert first == again, "a full flush did not reset the compressor"
    tail = comp.compress(suffix) + comp.flush(zlib.Z_FINISH)
    body = first * times if times else b""
    crc = zlib.crc32(prefix)
    crc = crc32_combine(crc, _crc_repeat(chunk, times), len(chunk) * times)
    crc = crc32_combine(crc, zlib.crc32(suffix), len(suffix))
    return Deflated(head + body + tail, crc, len(prefix) + len(chunk) * times + len(suffix))


@dataclass(frozen=True)
class Entry:
    """One member of a hand-written ZIP: what it holds and what its headers say."""

    name: bytes
    data: bytes
    crc: int
    size: int
    method: int = zipfile.ZIP_DEFLATED
    declared_size: int | None = None
    offset_of: int | None = None  # reuse another entry's local header (overlap)


def write_zip(path: Path, entries: list[Entry]) -> Path:
    """A ZIP written byte by byte (ZIP64 extra fields when a size needs them), so headers
    can say what a hostile archive says."""
    out = io.BytesIO()
    central: list[bytes] = []
    offsets: list[int] = []
    for entry in entries:
        declared = entry.size if entry.declared_size is None else entry.declared_size
        big = declared >= 0xFFFFFFFF or len(entry.data) >= 0xFFFFFFFF
        if entry.offset_of is not None:
            offset = offsets[entry.offset_of]
        else:
            offset = out.tell()
            extra = struct.pack("<HHQQ", 1, 16, declared, len(entry.data)) if big else b""
            out.write(struct.pack(
                "<4s5H3L2H", b"PK\x03\x04", 45 if big else 20, 0, entry.method, 0, 0x21,
                entry.crc, 0xFFFFFFFF if big else len(entry.data),
                0xFFFFFFFF if big else declared, len(entry.name), len(extra)))
            out.write(entry.name + extra + entry.data)
        offsets.append(offset)
        extra = struct.pack("<HHQQ", 1, 16, declared, len(entry.data)) if big else b""
        central.append(struct.pack(
            "<4s6H3L5H2L", b"PK\x01\x02", 45 if big else 20, 45 if big else 20, 0, entry.method,
            0, 0x21, entry.crc, 0xFFFFFFFF if big else len(entry.data),
            0xFFFFFFFF if big else declared, len(entry.name), len(extra), 0, 0, 0, 0, offset,
        ) + entry.name + extra)
    start = out.tell()
    directory = b"".join(central)
    out.write(directory)
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries),
                          len(directory), start, 0))
    path.write_bytes(out.getvalue())
    return path


def _zeros(size: int) -> Deflated:
    assert size % _CHUNK == 0
    return deflate_repeat(bytes(_CHUNK), size // _CHUNK)


def _gzip(deflated: Deflated, declared: int | None = None) -> bytes:
    isize = (deflated.size if declared is None else declared) & 0xFFFFFFFF
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    return header + deflated.data + struct.pack("<LL", deflated.crc, isize)


def _zip_bytes(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _xlsx_bytes(rows: list[list[object]]) -> bytes:
    import xlsxwriter

    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True})
    book.set_properties({"created": datetime.datetime(2025, 1, 1)})  # the same bytes each time
    sheet = book.add_worksheet("Sheet1")
    for r, row in enumerate(rows):
        sheet.write_row(r, 0, row)
    book.close()
    return buf.getvalue()


# --- archives -------------------------------------------------------------------------------


def zip_bomb_honest(folder: Path) -> tuple[Path, str]:
    """One member whose headers truthfully declare 10 GiB of zeros (a 10 MB file)."""
    body = _zeros(10 * GIB)
    entry = Entry(b"bomb.csv", body.data, body.crc, body.size)
    return write_zip(folder / "bomb.zip", [entry]), "declares"


def zip_bomb_lying(folder: Path) -> tuple[Path, str]:
    """A member that declares 1,000 bytes (with the CRC of 1,000 zeros) but inflates to 1 GiB."""
    body = _zeros(GIB)
    entry = Entry(b"small.csv", body.data, zlib.crc32(bytes(1000)), body.size, declared_size=1000)
    return write_zip(folder / "liar.zip", [entry]), "more than its header declares"


def zip_overlapping(folder: Path) -> tuple[Path, str]:
    """Central-directory entries that all point at the same compressed data."""
    body = deflate_repeat(b"a,b\n1,2\n" * 1024, 64)
    first = Entry(b"a.csv", body.data, body.crc, body.size)
    copies = [Entry(b"a.csv", body.data, body.crc, body.size, offset_of=0)
              for _ in range(3)]
    return write_zip(folder / "overlap.zip", [first, *copies]), "overlap"


def zip_traversal(member: str, file_name: str = "traversal.zip") -> Maker:
    """A ZIP whose member is named ``member`` (``../../etc/passwd``, ``/etc/x``, ``C:\\x``…)."""
    def make(folder: Path) -> tuple[Path, str]:
        data = b"a,b\n1,2\n"
        entry = Entry(member.encode("utf-8"), zlib.compress(data)[2:-4], zlib.crc32(data),
                      len(data))
        return write_zip(folder / file_name, [entry]), "refused as a malicious archive"
    make.__doc__ = f"A ZIP whose only member is named {member!r}."
    return make


def zip_nested_too_deep(folder: Path) -> tuple[Path, str]:
    """orders.csv inside three levels of ZIP (two are allowed)."""
    inner = _zip_bytes({"orders.csv": b"id,total\n1,2\n"})
    for level in range(2):
        inner = _zip_bytes({f"level{level}.zip": inner})
    path = folder / "nested.zip"
    path.write_bytes(inner)
    return path, "nested more than two levels deep"


def zip_many_members(folder: Path) -> tuple[Path, str]:
    """100,000 tiny members (the default limit is 1,000)."""
    path = folder / "many.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for i in range(100_000):
            zf.writestr(f"part{i:06d}.csv", b"")
    return path, "more than 1000 files"


def gzip_bomb_honest(folder: Path) -> tuple[Path, str]:
    """A gzip of almost 4 GiB of zeros (ISIZE counts modulo 4 GiB: this one does not wrap)."""
    path = folder / "bomb.csv.gz"
    path.write_bytes(_gzip(_zeros(4 * GIB - _CHUNK)))
    return path, "declares"


def gzip_bomb_lying(folder: Path) -> tuple[Path, str]:
    """A gzip whose ISIZE trailer says 1,000 bytes but which inflates to 512 MiB."""
    path = folder / "liar.csv.gz"
    path.write_bytes(_gzip(_zeros(512 * 1024**2), declared=1000))
    return path, "likely zip bomb"


def gzip_nested_too_deep(folder: Path) -> tuple[Path, str]:
    """A CSV gzipped three times over."""
    import gzip

    data = b"id,total\n1,2\n"
    for _ in range(3):
        data = gzip.compress(data)
    path = folder / "orders.csv.gz.gz.gz"
    path.write_bytes(data)
    return path, "nested more than two levels deep"


# --- workbooks ------------------------------------------------------------------------------


def xlsx_truncated(folder: Path) -> tuple[Path, str]:
    """A real workbook cut off at 60% of its bytes."""
    data = _xlsx_bytes([["id", "name"], *[[i, f"name {i}"] for i in range(500)]])
    path = folder / "truncated.xlsx"
    path.write_bytes(data[: len(data) * 6 // 10])
    return path, "corrupt or truncated"


def _xlsx_with_shared_strings(folder: Path, name: str, strings: Deflated,
                              declared: int | None) -> Path:
    """A real workbook whose ``xl/sharedStrings.xml`` is replaced by ``strings``."""
    seed = zipfile.ZipFile(io.BytesIO(_xlsx_bytes([["a", "b"], ["x", "y"]])))
    entries = []
    for info in seed.infolist():
        if info.filename == "xl/sharedStrings.xml":
            entries.append(Entry(info.filename.encode(), strings.data, strings.crc, strings.size,
                                 declared_size=declared))
            continue
        raw = seed.read(info)
        packed = zlib.compressobj(6, zlib.DEFLATED, -15)
        entries.append(Entry(info.filename.encode(), packed.compress(raw) + packed.flush(),
                             zlib.crc32(raw), len(raw)))
    return write_zip(folder / name, entries)


def _exploding_strings() -> Deflated:
    head = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://'
            b'schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">')
    item = b"<si><t>" + b"A" * 1000 + b"</t></si>"
    chunk = item * (_CHUNK // len(item))
    return deflate_repeat(chunk, 64, prefix=head, suffix=b"</sst>")


def xlsx_shared_strings_bomb(folder: Path) -> tuple[Path, str]:
    """A workbook whose shared strings truthfully declare ~1 GiB packed into ~1 MB."""
    strings = _exploding_strings()
    return _xlsx_with_shared_strings(folder, "strings.xlsx", strings, None), "declares"


def xlsx_shared_strings_lying(folder: Path) -> tuple[Path, str]:
    """The same ~1 GiB of shared strings declared as 2,000 bytes (calamine would trust
    the stream, not the header)."""
    strings = _exploding_strings()
    return (_xlsx_with_shared_strings(folder, "liar.xlsx", strings, 2000),
            "more than its header declares")


def xlsx_many_columns(folder: Path) -> tuple[Path, str]:
    """A sheet 10,000 columns wide."""
    path = folder / "wide.xlsx"
    path.write_bytes(_xlsx_bytes([[f"c{i}" for i in range(10_000)], list(range(10_000))]))
    return path, "10000 columns; the limit is 2000"


# --- text -----------------------------------------------------------------------------------


def csv_single_line_100mb(folder: Path) -> tuple[Path, str]:
    """100 MB of delimited text without a single line break."""
    path = folder / "one-line.csv"
    cell = b"abcdefghij,"
    with path.open("wb") as fh:
        block = cell * (1024**2 // len(cell))
        for _ in range(100):
            fh.write(block)
    return path, "no line break"


def csv_many_columns(folder: Path) -> tuple[Path, str]:
    """A CSV 10,000 columns wide."""
    path = folder / "wide.csv"
    header = ",".join(f"column_{i:05d}" for i in range(10_000))
    row = ",".join(str(i) for i in range(10_000))
    path.write_text(f"{header}\n{row}\n{row}\n", encoding="utf-8")
    return path, "10000 columns; the limit is 2000"


def json_many_keys(folder: Path) -> tuple[Path, str]:
    """JSON records with 10,000 distinct keys."""
    path = folder / "wide.json"
    path.write_text(json.dumps([{f"k{i}": i for i in range(10_000)}]), encoding="utf-8")
    return path, "more than 2000 distinct keys"


def json_deep(folder: Path) -> tuple[Path, str]:
    """An array nested 100,000 levels deep (Python's parser recurses per level)."""
    path = folder / "deep.json"
    path.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    return path, "nested too deeply"


def json_deep_object(folder: Path) -> tuple[Path, str]:
    """Records whose value is an object nested 50,000 levels deep."""
    path = folder / "deep-object.json"
    path.write_bytes(b'[{"a": 1, "b": ' + b'{"x":' * 50_000 + b"1" + b"}" * 50_000 + b"}]")
    return path, "nested too deeply"


def jsonl_deep(folder: Path) -> tuple[Path, str]:
    """JSON Lines whose second line nests 100,000 levels deep."""
    path = folder / "deep.jsonl"
    path.write_bytes(b'{"a": 1}\n{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n")
    return path, "nested too deeply"


_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rows><row><a>&lol9;</a></row><row><a>x</a></row></rows>
"""


def xml_billion_laughs(folder: Path) -> tuple[Path, str]:
    """Nested entities that expand to 3 GB."""
    path = folder / "laughs.xml"
    path.write_bytes(_LAUGHS)
    return path, "refused unsafe XML"


def xml_external_entity(folder: Path) -> tuple[Path, str]:
    """An external entity reading /etc/passwd (XXE)."""
    path = folder / "xxe.xml"
    path.write_bytes(b'<?xml version="1.0"?>\n<!DOCTYPE rows [<!ENTITY xxe SYSTEM '
                     b'"file:///etc/passwd">]>\n<rows><row><a>&xxe;</a></row>'
                     b"<row><a>x</a></row></rows>\n")
    return path, "refused unsafe XML"


def xml_external_dtd(folder: Path) -> tuple[Path, str]:
    """A DTD fetched from a URL."""
    path = folder / "dtd.xml"
    path.write_bytes(b'<?xml version="1.0"?>\n<!DOCTYPE rows SYSTEM "http://127.0.0.1:9/x.dtd">'
                     b"\n<rows><row><a>1</a></row><row><a>2</a></row></rows>\n")
    return path, "refused unsafe XML"


def xml_deep(folder: Path) -> tuple[Path, str]:
    """Elements nested 200,000 levels deep (a path string per level would need ~40 GB).
    Not refused: read as one record of ``/r/a``, the ``expected`` record path."""
    path = folder / "deep.xml"
    path.write_bytes(b"<r>" + b"<a>" * 200_000 + b"x" + b"</a>" * 200_000 + b"</r>")
    return path, "/r/a"


def binary_png_named_csv(folder: Path) -> tuple[Path, str]:
    """A PNG image named ``.csv``."""
    path = folder / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00"
                     b"\x08\x06\x00\x00\x00" + bytes(random.Random(1).randrange(256)
                                                       for _ in range(4096)))
    return path, "not a text table: the file is named .csv but its content looks like a PNG image"


def binary_pdf_named_csv(folder: Path) -> tuple[Path, str]:
    """A PDF document named ``.csv``."""
    path = folder / "report.csv"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    return path, "not a text table: the file is named .csv but its content looks like a PDF"


def binary_elf_named_csv(folder: Path) -> tuple[Path, str]:
    """A Linux executable named ``.csv``."""
    path = folder / "tool.csv"
    path.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x02\x00\x3e\x00"
                     + bytes(random.Random(2).randrange(256) for _ in range(4096)))
    return path, "its content looks like an ELF executable"


def binary_noise_named_csv(folder: Path) -> tuple[Path, str]:
    """Random bytes without a NUL and without a known signature, named ``.csv``."""
    rng = random.Random(3)
    path = folder / "noise.csv"
    path.write_bytes(bytes(rng.randrange(1, 256) for _ in range(64 * 1024)))
    return path, "not a text table"


def invalid_utf8_everywhere(folder: Path) -> tuple[Path, str]:
    """A file with a UTF-8 byte-order mark whose every line holds bytes that are not UTF-8."""
    path = folder / "bom-liar.csv"
    rows = [f"{i},Müller {i},Straße {i}\n".encode("cp1252") for i in range(40)]
    path.write_bytes(b"\xef\xbb\xbfid,name,street\n" + b"".join(rows))
    return path, "not valid UTF-8"


MIXED_BAD_LINES = (4, 12, 17, 23, 31, 38)
"""The 1-based lines of :func:`mixed_encoding` that are cp1252, not UTF-8."""


def mixed_encoding_rows() -> list[tuple[str, str, str]]:
    """The 39 rows :func:`mixed_encoding` holds, as they should read."""
    names = ["Zoë Müller", "José Núñez", "Ærøskøbing Åse", "Françoise Légère", "Jürgen Weiß"]
    return [(str(i), f"{names[i % len(names)]} {i}", f"Straße {i} – Köln")
            for i in range(1, 40)]


def mixed_encoding(folder: Path) -> tuple[Path, str]:
    """A UTF-8 file in which six lines were written as cp1252 (the Windows re-export)."""
    lines = [b"id,name,address\n"]
    for number, row in enumerate(mixed_encoding_rows(), start=2):
        text = ",".join(row) + "\n"
        lines.append(text.encode("cp1252" if number in MIXED_BAD_LINES else "utf-8"))
    path = folder / "mixed.csv"
    path.write_bytes(b"".join(lines))
    shown = ", ".join(str(n) for n in MIXED_BAD_LINES)
    return path, f"6 lines were not valid UTF-8 (lines {shown}): read as cp1252"


def empty_file(folder: Path) -> tuple[Path, str]:
    """Zero bytes."""
    path = folder / "empty.csv"
    path.write_bytes(b"")
    return path, "file is empty"


def header_only(folder: Path) -> tuple[Path, str]:
    """A header row and nothing else."""
    path = folder / "header.csv"
    path.write_bytes(b"id,name,email\r\n")
    return path, "file has a header row but no data rows"


CASES: dict[str, Maker] = {
    "zip_bomb_honest": zip_bomb_honest,
    "zip_bomb_lying": zip_bomb_lying,
    "zip_overlapping": zip_overlapping,
    "zip_traversal_dotdot": zip_traversal("../../etc/passwd"),
    "zip_traversal_absolute": zip_traversal("/etc/cron.d/evil.csv"),
    "zip_traversal_drive": zip_traversal("C:\\Windows\\evil.csv"),
    "zip_traversal_backslash": zip_traversal("data\\..\\..\\evil.csv"),
    "zip_traversal_nul": zip_traversal("orders.csv\x00.exe"),
    "zip_nested_too_deep": zip_nested_too_deep,
    "zip_many_members": zip_many_members,
    "gzip_bomb_honest": gzip_bomb_honest,
    "gzip_bomb_lying": gzip_bomb_lying,
    "gzip_nested_too_deep": gzip_nested_too_deep,
    "xlsx_truncated": xlsx_truncated,
    "xlsx_shared_strings_bomb": xlsx_shared_strings_bomb,
    "xlsx_shared_strings_lying": xlsx_shared_strings_lying,
    "xlsx_many_columns": xlsx_many_columns,
    "csv_single_line_100mb": csv_single_line_100mb,
    "csv_many_columns": csv_many_columns,
    "json_many_keys": json_many_keys,
    "json_deep": json_deep,
    "json_deep_object": json_deep_object,
    "jsonl_deep": jsonl_deep,
    "xml_billion_laughs": xml_billion_laughs,
    "xml_external_entity": xml_external_entity,
    "xml_external_dtd": xml_external_dtd,
    "binary_png_named_csv": binary_png_named_csv,
    "binary_pdf_named_csv": binary_pdf_named_csv,
    "binary_elf_named_csv": binary_elf_named_csv,
    "binary_noise_named_csv": binary_noise_named_csv,
    "invalid_utf8_everywhere": invalid_utf8_everywhere,
    "mixed_encoding": mixed_encoding,
    "empty_file": empty_file,
    "header_only": header_only,
}
"""Every hostile file by name."""

READ_WITH_WARNING = frozenset({"mixed_encoding"})
"""Cases that are read (right), with ``expected`` in the extraction's warnings."""
