"""Compressed input: gzip files and ZIP archives, unpacked under limits (zip bombs fail).

Nothing is inflated before the archive's own declarations pass: the number of entries
(read from the end-of-directory record, before the directory itself is parsed), each
member's declared size and compression ratio and their sum against the limits, members
whose data overlap (several entries pointing at the same bytes), and member names that
would climb out of a folder (``../``, absolute paths, drive letters, NUL). Then every
member is inflated by feedline itself, not by ``zipfile``'s reader (which stops at the
declared size and so hides a header that lies): the bytes actually produced are counted
against the declared size, the size limit and the ratio as they come. A gzip file's
ISIZE trailer is checked first as a hint, then its bytes are counted the same way.
Members are written under their index, never their stored path; ``__MACOSX/``,
dot-files and folders are skipped. Workbooks (xlsx, ods: ZIP containers read by
calamine, which trusts the stream, not the header) get the same checks, without writing.
"""

from __future__ import annotations

import gzip
import itertools
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from feedline.errors import ExtractError
from feedline.extract.model import Limits
from feedline.extract.names import member_path

_CHUNK = 1 << 20
_SMALL = 1_000_000  # below this many bytes a high ratio is harmless (tiny files compress well)
_LOCAL = struct.Struct("<4s5H3L2H")
_EOCD = struct.Struct("<4s4H2LH")
_EOCD64_LOCATOR = struct.Struct("<4sLQL")
_EOCD64 = struct.Struct("<4sQ2H2L4Q")
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError,
               NotImplementedError, RuntimeError, KeyError, struct.error, zlib.error)


@dataclass(frozen=True)
class Member:
    """One file inside an archive: its (made safe) path in the archive and where it was
    unpacked."""

    name: str
    path: Path


def gunzip(path: Path, dest: Path, limits: Limits) -> Path:
    """Decompress a ``.gz`` file to ``dest`` (a file path), enforcing size and ratio limits:
    first on the size its trailer declares, then on the bytes actually inflated."""
    packed = max(path.stat().st_size, 1)
    with path.open("rb") as fh:
        fh.seek(max(packed - 4, 0))
        trailer = fh.read(4)
    if len(trailer) == 4:
        declared = struct.unpack("<L", trailer)[0]
        _check_declared(declared, packed, limits, "the gzip file")
    total = 0
    try:
        with gzip.open(path, "rb") as src, dest.open("wb") as out:
            while chunk := src.read(_CHUNK):
                total += len(chunk)
                _check_size(total, packed, limits, "the gzip file")
                out.write(chunk)
    except (OSError, EOFError, zlib.error) as exc:
        raise ExtractError(f"not a readable gzip file (corrupt or truncated): {exc}") from None
    return dest


def unzip(path: Path, dest: Path, limits: Limits) -> tuple[list[Member], list[str]]:
    """Unpack the data members of a ZIP archive into ``dest``; also returns what was skipped."""
    entries = 4 * limits.max_archive_members + 100  # folders, __MACOSX/ and dot-files too
    with _open_zip(path, "not a readable ZIP archive", "the archive", entries,
                   limits) as archive:
        infos = _directory(path, archive, limits, "the archive", entries)
        wanted: list[tuple[zipfile.ZipInfo, str]] = []
        skipped: list[str] = []
        for info in infos:
            if info.is_dir():
                continue
            name = member_path(info.orig_filename)  # refuses ../, /abs, C:, NUL
            raw = PurePosixPath(info.filename.replace("\\", "/")).parts
            if not raw or raw[0] == "__MACOSX" or any(p.startswith(".") for p in raw):
                skipped.append(name)
                continue
            wanted.append((info, name))
        if len(wanted) > limits.max_archive_members:
            raise ExtractError(f"the archive holds more than {limits.max_archive_members} "
                               f"files; the limit is {limits.max_archive_members}")
        for info, name in wanted:
            if info.flag_bits & 0x1:
                raise ExtractError(f"{name!r} in the archive is password-protected")
        members: list[Member] = []
        counter = _Counter(max(path.stat().st_size, 1), limits, "the archive")
        written: list[Path] = []
        try:
            with path.open("rb") as fh:
                for info, name in wanted:
                    target = dest / f"{len(members)}{_suffixes(name)}"
                    written.append(target)
                    with target.open("wb") as out:
                        for chunk in _inflate(fh, archive, info, counter, repr(name)):
                            out.write(chunk)
                    members.append(Member(name, target))
        except BaseException:
            for target in written:  # all or nothing: no half-unpacked archive is left
                target.unlink(missing_ok=True)
            raise
    if not members:
        raise ExtractError("the archive holds no data files")
    return members, skipped


def check_container(path: Path, limits: Limits, label: str) -> None:
    """Refuse a ZIP-based workbook (xlsx, ods) that would explode when its parts are read:
    the archive checks of :func:`unzip`, and every part inflated and counted, not stored.

    ``label`` names the kind for the reason (``Excel workbook``).
    """
    entries = 10 * limits.max_archive_members + 100
    with _open_zip(path, f"not a readable {label} (corrupt or truncated)", f"the {label}",
                   entries, limits) as archive:
        infos = _directory(path, archive, limits, f"the {label}", entries)
        counter = _Counter(max(path.stat().st_size, 1), limits, f"the {label}")
        with path.open("rb") as fh:
            for info in infos:
                if info.is_dir() or info.flag_bits & 0x1:
                    continue  # an encrypted workbook is an OLE file, not a ZIP: not here
                for _chunk in _inflate(fh, archive, info, counter,
                                       f"{info.filename!r} in the {label}"):
                    pass


class _open_zip:
    """``zipfile.ZipFile`` once the end record's entry count and directory size are within
    ``max_entries`` (checked before ``zipfile`` builds an object per entry), with every way
    it fails turned into one reason."""

    def __init__(self, path: Path, reason: str, what: str, max_entries: int,
                 limits: Limits) -> None:
        self.path, self.reason, self.what = path, reason, what
        self.max_entries, self.limits = max_entries, limits
        self.archive: zipfile.ZipFile | None = None

    def __enter__(self) -> zipfile.ZipFile:
        try:
            entries, directory = end_record(self.path)
            if entries > self.max_entries or directory > self.max_entries * _ENTRY_BYTES:
                raise ExtractError(
                    f"{self.what} holds {entries} entries ({directory} bytes of directory); "
                    f"more than {self.limits.max_archive_members} files are refused")
            self.archive = zipfile.ZipFile(self.path)
        except ExtractError:
            raise
        except _ZIP_ERRORS as exc:
            raise ExtractError(f"{self.reason}: {_one_line(exc)}") from None
        return self.archive

    def __exit__(self, *exc: object) -> None:
        if self.archive is not None:
            self.archive.close()


_ENTRY_BYTES = 4096
"""Central-directory bytes allowed per permitted entry (names are rarely past 200 bytes)."""


def end_record(path: Path) -> tuple[int, int]:
    """The entry count and central-directory size the end record declares (ZIP64 too);
    ``(0, 0)`` when there is none (``zipfile`` then says why it cannot read the file)."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        fh.seek(max(0, size - (1 << 16) - _EOCD.size))
        tail = fh.read()
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or len(tail) - at < _EOCD.size:
            return 0, 0
        _, _, _, _, entries, directory, _, _ = _EOCD.unpack_from(tail, at)
        locator = at - _EOCD64_LOCATOR.size
        if locator >= 0 and tail[locator:locator + 4] == b"PK\x06\x07":
            fh.seek(_EOCD64_LOCATOR.unpack_from(tail, locator)[2])
            record = fh.read(_EOCD64.size)
            if len(record) == _EOCD64.size and record[:4] == b"PK\x06\x06":
                fields = _EOCD64.unpack(record)
                entries, directory = fields[7], fields[8]
    return int(entries), int(directory)


def _directory(path: Path, archive: zipfile.ZipFile, limits: Limits, what: str,
               max_entries: int) -> list[zipfile.ZipInfo]:
    """The archive's entries once what they declare is within the limits."""
    try:
        infos = archive.infolist()
    except _ZIP_ERRORS as exc:
        raise ExtractError(f"not a readable ZIP archive: {_one_line(exc)}") from None
    if len(infos) > max_entries:
        raise ExtractError(f"{what} holds {len(infos)} entries; more than "
                           f"{limits.max_archive_members} files are refused")
    packed = max(path.stat().st_size, 1)
    _check_overlap(infos, packed, what)
    total = 0
    for info in infos:
        name = repr(info.filename)
        if info.file_size > limits.max_uncompressed_bytes:
            raise ExtractError(f"{name} in {what} declares {info.file_size} bytes uncompressed; "
                               f"the limit is {limits.max_uncompressed_bytes}")
        _check_declared(info.file_size, info.compress_size, limits, f"{name} in {what}")
        total += info.file_size
    _check_declared(total, packed, limits, what)
    return infos


def _check_declared(size: int, packed: int, limits: Limits, what: str) -> None:
    """Refuse on the sizes an archive declares, before inflating anything."""
    if size > limits.max_uncompressed_bytes:
        raise ExtractError(f"{what} declares {size} bytes uncompressed; the limit is "
                           f"{limits.max_uncompressed_bytes}")
    if size > _SMALL and size / max(packed, 1) > limits.max_compression_ratio:
        raise ExtractError(f"{what} declares {size} bytes uncompressed from {packed} "
                           f"({size / max(packed, 1):.1f}x, the limit is "
                           f"{limits.max_compression_ratio}x); refused as a likely zip bomb")


def _check_overlap(infos: list[zipfile.ZipInfo], size: int, what: str) -> None:
    """Refuse entries whose data overlap (a non-recursive zip bomb reuses one block)."""
    spans = sorted((i.header_offset, i.header_offset + _LOCAL.size + i.compress_size, i.filename)
                   for i in infos)
    for (_, end, name), (after, _, other) in itertools.pairwise(spans):
        if after < end:
            raise ExtractError(f"{what}: the data of {name!r} and {other!r} overlap; refused "
                               "as a likely zip bomb")
    if spans and spans[-1][1] > size:
        raise ExtractError(f"{what}: {spans[-1][2]!r} runs past the end of the file "
                           "(corrupt or truncated)")


class _Counter:
    """Bytes inflated so far across an archive, checked against the limits as they come."""

    def __init__(self, packed: int, limits: Limits, what: str) -> None:
        self.packed, self.limits, self.what = packed, limits, what
        self.total = 0

    def add(self, n: int) -> None:
        self.total += n
        _check_size(self.total, self.packed, self.limits, self.what)


def _inflate(fh: BinaryIO, archive: zipfile.ZipFile, info: zipfile.ZipInfo, counter: _Counter,
             what: str) -> Iterator[bytes]:
    """A member's bytes as inflated, counted against its declared size (a header that lies
    is refused), the limits and its CRC."""
    written, crc = 0, 0
    try:
        for chunk in _raw_chunks(fh, archive, info):
            written += len(chunk)
            if written > info.file_size:
                raise ExtractError(f"{what} unpacks to more than its header declares "
                                   f"({info.file_size} bytes); refused as a likely zip bomb")
            _check_size(written, max(info.compress_size, 1), counter.limits, what)
            counter.add(len(chunk))
            crc = zlib.crc32(chunk, crc)
            yield chunk
    except ExtractError:
        raise
    except _ZIP_ERRORS as exc:
        raise ExtractError(f"cannot unpack {what}: {_one_line(exc)}") from None
    if written != info.file_size:
        raise ExtractError(f"cannot unpack {what}: it holds {written} bytes, its header "
                           f"declares {info.file_size} (corrupt or truncated)")
    if crc != info.CRC:
        raise ExtractError(f"cannot unpack {what}: its CRC does not match (corrupt)")


def _raw_chunks(fh: BinaryIO, archive: zipfile.ZipFile, info: zipfile.ZipInfo
                ) -> Iterator[bytes]:
    """Inflate a stored or deflated member from the file itself, to the end of its stream
    (other methods go through ``zipfile``, which stops at the declared size)."""
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        with archive.open(info) as src:
            while chunk := src.read(_CHUNK):
                yield chunk
        return
    fh.seek(info.header_offset)
    header = fh.read(_LOCAL.size)
    if len(header) < _LOCAL.size or header[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile("bad local file header")
    name_len, extra_len = _LOCAL.unpack(header)[-2:]
    fh.seek(info.header_offset + _LOCAL.size + name_len + extra_len)
    left = info.compress_size
    if info.compress_type == zipfile.ZIP_STORED:
        while left:
            chunk = fh.read(min(_CHUNK, left))
            if not chunk:
                raise EOFError("truncated member")
            left -= len(chunk)
            yield chunk
        return
    inflater = zlib.decompressobj(-15)
    while not inflater.eof:
        if inflater.unconsumed_tail:
            out = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
        else:
            raw = fh.read(min(_CHUNK, left))
            if not raw:
                raise EOFError("the compressed data ends early")
            left -= len(raw)
            out = inflater.decompress(raw, _CHUNK)
        if out:
            yield out


def _suffixes(name: str) -> str:
    return "".join(PurePosixPath(name).suffixes[-2:])[:20]


def _check_size(size: int, packed: int, limits: Limits, what: str) -> None:
    if size > limits.max_uncompressed_bytes:
        raise ExtractError(f"{what} unpacks to more than {limits.max_uncompressed_bytes} "
                           "bytes; refused (limit on uncompressed size)")
    if size > _SMALL and size / packed > limits.max_compression_ratio:
        raise ExtractError(f"{what} expands more than {limits.max_compression_ratio}x; "
                           "refused as a likely zip bomb")


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__
