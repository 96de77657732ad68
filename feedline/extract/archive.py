"""Compressed input: gzip files and ZIP archives, unpacked under limits (zip bombs fail).

Members are written to a scratch folder under their index (never their stored path, so
``../`` names cannot escape); ``__MACOSX/``, dot-files and folders are skipped. The
member count, the total uncompressed size and the compression ratio are checked while
streaming, not trusted from the archive's own headers.
"""

from __future__ import annotations

import gzip
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from feedline.errors import ExtractError
from feedline.extract.model import Limits

_CHUNK = 1 << 20


@dataclass(frozen=True)
class Member:
    """One file inside an archive: its name in the archive and where it was unpacked."""

    name: str
    path: Path


def gunzip(path: Path, dest: Path, limits: Limits) -> Path:
    """Decompress a ``.gz`` file to ``dest`` (a file path), enforcing size and ratio limits."""
    packed = max(path.stat().st_size, 1)
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
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError) as exc:
        raise ExtractError(f"not a readable ZIP archive: {exc}") from None
    members: list[Member] = []
    skipped: list[str] = []
    total = 0
    packed_total = max(path.stat().st_size, 1)
    with archive:
        try:
            infos = archive.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
            raise ExtractError(f"not a readable ZIP archive: {exc}") from None
        wanted = [i for i in infos if not i.is_dir()]
        for info in wanted:
            parts = PurePosixPath(info.filename.replace("\\", "/")).parts
            if not parts or parts[0] == "__MACOSX" or any(p.startswith(".") for p in parts):
                skipped.append(info.filename)
                continue
            if len(members) >= limits.max_archive_members:
                raise ExtractError(f"the archive holds more than {limits.max_archive_members} "
                                   "files; the limit is " f"{limits.max_archive_members}")
            if info.flag_bits & 0x1:
                raise ExtractError(f"{info.filename!r} in the archive is password-protected")
            target = dest / f"{len(members)}{_suffixes(parts[-1])}"
            written = 0
            try:
                with archive.open(info) as src, target.open("wb") as out:
                    while chunk := src.read(_CHUNK):
                        written += len(chunk)
                        total += len(chunk)
                        _check_size(written, max(info.compress_size, 1), limits, repr(info.filename))
                        _check_size(total, packed_total, limits, "the archive")
                        out.write(chunk)
            except ExtractError:
                raise
            except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error,
                    NotImplementedError, RuntimeError) as exc:
                raise ExtractError(f"cannot unpack {info.filename!r}: {exc}") from None
            members.append(Member(info.filename, target))
    if not members:
        raise ExtractError("the archive holds no data files")
    return members, skipped


def _suffixes(name: str) -> str:
    return "".join(PurePosixPath(name).suffixes[-2:])[:20]


def _check_size(size: int, packed: int, limits: Limits, what: str) -> None:
    if size > limits.max_uncompressed_bytes:
        raise ExtractError(f"{what} unpacks to more than {limits.max_uncompressed_bytes} "
                           "bytes; refused (limit on uncompressed size)")
    if size > 1_000_000 and size / packed > limits.max_compression_ratio:
        raise ExtractError(f"{what} expands more than {limits.max_compression_ratio}x; "
                           "refused as a likely zip bomb")

