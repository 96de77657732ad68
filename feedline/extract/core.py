"""``extract()``: decide a file's format by its content (extension second) and read it."""

from __future__ import annotations

import mmap
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from feedline.errors import ExtractError, FeedlineError, UnsupportedFormat
from feedline.extract import archive, transcode
from feedline.extract.csv import NotUtf8, read_delimited
from feedline.extract.detect import (
    BOMS,
    DESCRIPTIONS,
    Decoded,
    decode,
    sniff_binary,
    sniff_text,
    sniff_xml,
)
from feedline.extract.guard import reading
from feedline.extract.model import Extraction, ExtractOptions, SourceTable
from feedline.extract.profile import profile_frame
from feedline.extract.stream import Progress, stream_delimited

# What a file extension claims, used as a hint only: content decides.
_EXTENSION_FORMATS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".tab": "csv",
    ".psv": "csv",
    ".txt": "csv",
    ".dat": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".xls": "xls",
    ".ods": "ods",
    ".json": "json",
    ".jsonl": "json",
    ".ndjson": "json",
    ".xml": "xml",
    ".zip": "zip",
    ".pdf": "pdf",
}
_EXTENSION_DELIMITERS = {".tsv": "\t", ".tab": "\t", ".psv": "|"}
_SNIFF_BYTES = 1 << 20


def extract(
    path: str | Path,
    filename: str | None = None,
    options: ExtractOptions | None = None,
    *,
    profile: bool = True,
    workdir: Path | None = None,
    progress: Progress | None = None,
) -> Extraction:
    """Read a delivered file into all-string tables.

    Args:
        path: where the bytes are (may be a blob without an extension).
        filename: the name the file was delivered under; its extension is a hint only.
        options: a person's or feed's choices (header row, sheet, record path) and limits.
        profile: compute a profile per column (stored on each table).
        workdir: a folder the caller owns; text files above ``options.stream_bytes``
            (delimited in any encoding, JSON Lines, XML; not a top-level JSON document)
            are then read in chunks into Parquet files there (bounded memory) and their
            tables carry ``parquet`` instead of an in-memory frame.
        progress: called with ``(bytes_read, total_bytes, rows)`` while streaming.

    Raises:
        UnsupportedFormat: the content is in a format feedline does not read (PDF, image…).
        ExtractError: the file is empty, corrupt, over a limit or not a well-formed table.
    """
    path = Path(path)
    options = options or ExtractOptions()
    if workdir is not None:
        workdir.mkdir(parents=True, exist_ok=True)
    reader = _Reader(options, workdir, progress, profile)
    with reading("a table"):
        result = reader.read(path, filename or path.name, depth=0)
        if profile:
            result = replace(result, tables=[
                t.replace(profile=profile_frame(t.data)) if t.data is not None else t
                for t in result.tables])
    return result


@dataclass(frozen=True)
class _Reader:
    options: ExtractOptions
    workdir: Path | None
    progress: Progress | None
    profile: bool

    def read(self, path: Path, name: str, depth: int) -> Extraction:
        return _extract(path, name, self, depth)


def _extract(path: Path, name: str, reader: _Reader, depth: int) -> Extraction:
    options = reader.options
    limits = options.limits
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(_SNIFF_BYTES)
    except OSError as exc:
        raise ExtractError(f"cannot read {path.name}: {exc.strerror or exc}") from None
    if size > limits.max_file_bytes:
        raise ExtractError(f"file is {size} bytes; the limit is {limits.max_file_bytes}")
    suffix = Path(name).suffix.lower()
    if not head.strip():
        raise ExtractError("file is empty")
    kind = _binary_kind(head, suffix)
    if kind in ("xlsx", "xls", "ods"):
        return _workbook(path, kind, head, options)
    if kind == "gzip":
        with reading("a gzip archive"):
            return _gzip(path, name, reader, depth)
    if kind == "zip":
        with reading("a ZIP archive"):
            return _zip(path, name, reader, depth)
    if kind is not None:
        raise _unsupported(kind, suffix)
    if reader.workdir is not None and size > options.stream_bytes:
        streamed = _streamed(path, name, reader, head, reader.workdir)
        if streamed is not None:
            return streamed
    if size > len(head) and _plain_utf8(head) and not options.record_path:
        large = _large_text(path, name, options)
        if large is not None:
            return large
    data = path.read_bytes() if size > len(head) else head
    found = sniff_binary(data)
    if found is not None:
        raise _unsupported(found, suffix)
    with reading("text"):
        decoded = decode(data)
    if not decoded.data.strip():
        raise ExtractError("file is empty")
    stem = Path(name).stem or "data"
    first = decoded.data.lstrip()[:1]
    if first in (b"{", b"[", b"<") or options.record_path:
        text_kind = sniff_text(decoded.as_text()) if first in (b"{", b"[", b"<") else None
        if text_kind is None and first == b"{" and _looks_like_lines(decoded.as_text()):
            text_kind = "jsonl"
        if text_kind is None and suffix in (".jsonl", ".ndjson") and first == b"{":
            text_kind = "jsonl"
        if text_kind in ("json", "jsonl"):
            from feedline.extract.jsonfile import read_json

            with reading("JSON Lines" if text_kind == "jsonl" else "JSON"):
                tables, record_path, notes = read_json(
                    decoded.as_text(), name=stem, limits=limits,
                    record_path=options.record_path, lines=text_kind == "jsonl")
            return Extraction(format=text_kind, encoding=decoded.encoding, delimiter=None,
                              tables=tables, warnings=[*decoded.warnings, *notes],
                              record_path=record_path)
        if text_kind == "xml":
            from feedline.extract.xmlfile import read_xml

            with reading("XML"):
                table, record_path = read_xml(data, limits=limits,
                                              record_path=options.record_path)
            return Extraction(format="xml", encoding=decoded.encoding, delimiter=None,
                              tables=[table], record_path=record_path)
    return _delimited(decoded, name, options)


def _workbook(path: Path, kind: str, head: bytes, options: ExtractOptions) -> Extraction:
    """A workbook; a ZIP-based one (xlsx, ods) only once its parts pass the archive checks."""
    from feedline.extract.excel import read_workbook

    with reading(DESCRIPTIONS[kind]):
        if head.startswith(b"PK"):
            label = DESCRIPTIONS[kind].removeprefix("an ").removeprefix("a ")
            archive.check_container(path, options.limits, label)
        tables, warnings = read_workbook(path, kind=kind, limits=options.limits,
                                         header_row=options.header_row, sheet=options.sheet)
    return Extraction(format=kind, encoding=None, delimiter=None, tables=tables,
                      warnings=warnings)


def _delimited(decoded: Decoded, name: str, options: ExtractOptions) -> Extraction:
    """Delimited text already in memory (bytes) or memory-mapped (a large UTF-8 file)."""
    suffix = Path(name).suffix.lower()
    warnings = [*decoded.warnings, *_claim_notes(suffix)]
    with _workbook_hint(suffix), reading("delimited text"):
        table, dialect = read_delimited(
            decoded, name=Path(name).stem or "data", hint=_EXTENSION_DELIMITERS.get(suffix),
            header_row=options.header_row, limits=options.limits,
        )
        assert table.data is not None
        options.limits.check_cells(table.data, where="the file")
    return Extraction(
        format="tsv" if dialect.delimiter == "\t" else "csv",
        encoding=decoded.encoding,
        delimiter=dialect.delimiter,
        tables=[table],
        warnings=warnings,
    )


def _large_text(path: Path, name: str, options: ExtractOptions) -> Extraction | None:
    """A file over 1 MiB whose start is UTF-8 delimited text: Polars reads (and validates)
    it from a memory map. ``None`` when it is not UTF-8 after all (the caller detects the
    encoding) or holds JSON or XML."""
    try:
        with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
            if mm.find(b"\x00") >= 0:
                raise _unsupported("binary", Path(name).suffix.lower())
            head = mm[:_SNIFF_BYTES].lstrip()[:1]
            if head in (b"{", b"[", b"<"):
                return None
            return _delimited(Decoded("utf-8", mm, path=path), name, options)  # type: ignore[arg-type]
    except NotUtf8:
        return None
    except OSError as exc:
        raise ExtractError(f"cannot read {path.name}: {exc.strerror or exc}") from None


def _streamed(path: Path, name: str, reader: _Reader, head: bytes,
              workdir: Path) -> Extraction | None:
    """A file above the streaming threshold read in bounded memory into Parquet files:
    delimited text and JSON Lines in any supported encoding (re-encoded to a UTF-8 scratch
    file first unless plain UTF-8), XML incrementally. ``None`` for what is read in memory
    (a top-level JSON document, a JSON key path)."""
    options = reader.options
    bom, skip = transcode.bom_encoding(head) or (None, 0)
    text = head[skip:].decode(bom or "latin-1", errors="ignore").lstrip()
    if sniff_xml(text):
        from feedline.extract.xmlfile import stream_xml

        with reading("XML"):
            table, record_path = stream_xml(path, workdir=workdir, limits=options.limits,
                                            record_path=options.record_path,
                                            progress=reader.progress, profile=reader.profile)
        encoding = bom or ("utf-8" if _plain_utf8(head) else None)
        return Extraction(format="xml", encoding=encoding, delimiter=None,
                          tables=[table], record_path=record_path)
    suffix = Path(name).suffix.lower()
    lines = text[:1] == "{" and (_looks_like_lines(text) or suffix in (".jsonl", ".ndjson"))
    if options.record_path or text[:1] == "[" or (text[:1] == "{" and not lines):
        return None
    if bom is None and _plain_utf8(head):
        try:
            return _stream_utf8(path, name, reader, workdir, lines, "utf-8", reader.progress)
        except NotUtf8:
            pass
    with reading("text"):
        how = transcode.plan(path, bom, skip)
    scratch = workdir / f"utf8-{uuid.uuid4().hex}.txt"
    size = max(path.stat().st_size, 1)
    report = reader.progress
    try:
        with reading("text"):
            encoding, notes = transcode.transcode(
                path, how, skip, scratch,
                None if report is None else lambda done: report(done // 4, size, 0))
        result = _stream_utf8(scratch, name, reader, workdir, lines, encoding,
                              None if report is None else lambda done, total, rows: report(
                                  size // 4 + (size - size // 4) * done // max(total, 1),
                                  size, rows))
        return replace(result, warnings=[*notes, *result.warnings])
    except OSError as exc:
        raise ExtractError(f"cannot read {path.name}: {exc.strerror or exc}") from None
    finally:
        scratch.unlink(missing_ok=True)


def _stream_utf8(path: Path, name: str, reader: _Reader, workdir: Path, lines: bool,
                 encoding: str, progress: Progress | None) -> Extraction:
    options = reader.options
    stem = Path(name).stem or "data"
    if lines:
        from feedline.extract.jsonfile import stream_lines

        with reading("JSON Lines"):
            table = stream_lines(path, name=stem, workdir=workdir, limits=options.limits,
                                 progress=progress, profile=reader.profile)
        return Extraction(format="jsonl", encoding=encoding, delimiter=None, tables=[table])
    suffix = Path(name).suffix.lower()
    with _workbook_hint(suffix), reading("delimited text"):
        table, dialect = stream_delimited(
            path, name=stem, workdir=workdir, limits=options.limits,
            hint=_EXTENSION_DELIMITERS.get(suffix), header_row=options.header_row,
            progress=progress, profile=reader.profile)
    return Extraction(format="tsv" if dialect.delimiter == "\t" else "csv", encoding=encoding,
                      delimiter=dialect.delimiter, tables=[table], warnings=_claim_notes(suffix))


def _plain_utf8(head: bytes) -> bool:
    """Whether a file's first bytes are UTF-8 without BOM (a cut last character allowed)."""
    if head.startswith(tuple(bom for bom, _ in BOMS)):
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 3 and exc.reason == "unexpected end of data"
    return True


def _claim_notes(suffix: str) -> list[str]:
    claimed = _EXTENSION_FORMATS.get(suffix)
    if claimed is not None and claimed != "csv":
        return [f"the file name ends in {suffix} but the content is delimited text"]
    return []


@contextmanager
def _workbook_hint(suffix: str) -> Iterator[None]:
    """Say so when a file named like a workbook turns out to be unreadable text."""
    try:
        yield
    except NotUtf8:
        raise
    except ExtractError as exc:
        if _EXTENSION_FORMATS.get(suffix) in ("xlsx", "xls", "ods"):
            raise ExtractError(f"not a readable workbook: the file name ends in {suffix} but "
                               f"the content is text ({exc})") from None
        raise


def unpack_archive(path: Path, filename: str, dest: Path,
                   options: ExtractOptions | None = None) -> list[archive.Member] | None:
    """The data members of a ZIP archive (not a workbook) unpacked into ``dest`` under the
    limits; ``None`` when the file is not such an archive. A broken limit or an unsafe
    member name raises :class:`~feedline.errors.ExtractError`, and no member is left in
    ``dest``."""
    options = options or ExtractOptions()
    try:
        with path.open("rb") as fh:
            head = fh.read(_SNIFF_BYTES)
    except OSError as exc:
        raise ExtractError(f"cannot read {path.name}: {exc.strerror or exc}") from None
    if _binary_kind(head, Path(filename).suffix.lower()) != "zip":
        return None
    if path.stat().st_size > options.limits.max_file_bytes:
        raise ExtractError(f"file is {path.stat().st_size} bytes; the limit is "
                           f"{options.limits.max_file_bytes}")
    dest.mkdir(parents=True, exist_ok=True)
    with reading("a ZIP archive"):
        members, _skipped = archive.unzip(path, dest, options.limits)
    return members


def _binary_kind(head: bytes, suffix: str) -> str | None:
    """The format of a binary file from its signature, refining ZIP into workbook kinds."""
    kind = sniff_binary(head)
    if kind == "xlsx" or kind == "zip":
        if head[30:84].startswith(b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet"):
            return "ods"
        if kind == "zip" and suffix in (".xlsx", ".xlsm", ".xlsb") and b"[Content_Types]" in head:
            return "xlsx"
    if kind == "binary" and suffix in (".xlsb",):
        return "xlsx"
    return kind


def _looks_like_lines(text: str) -> bool:
    lines = [ln for ln in text.splitlines()[:5] if ln.strip()]
    return len(lines) > 1 and all(ln.lstrip().startswith("{") and ln.rstrip().endswith("}")
                                  for ln in lines)


def _gzip(path: Path, name: str, reader: _Reader, depth: int) -> Extraction:
    inner = name[:-3] if name.lower().endswith(".gz") else Path(name).stem or "data"
    with tempfile.TemporaryDirectory(prefix="feedline-gz-", dir=reader.workdir) as tmp:
        target = archive.gunzip(path, Path(tmp) / "inner", reader.options.limits)
        result = _nested(target, inner, reader, depth)
    return replace(result, format=f"{result.format}+gzip")


def _zip(path: Path, name: str, reader: _Reader, depth: int) -> Extraction:
    """Every data member of the archive, each member's tables named ``member`` or
    ``member/sheet``. (The pipeline stores members as files of their own.)"""
    tables: list[SourceTable] = []
    warnings: list[str] = []
    with tempfile.TemporaryDirectory(prefix="feedline-zip-", dir=reader.workdir) as tmp:
        members, skipped = archive.unzip(path, Path(tmp), reader.options.limits)
        if skipped:
            warnings.append(f"skipped {len(skipped)} system or hidden file(s) in the archive")
        for member in members:
            try:
                inner = _nested(member.path, member.name, reader, depth)
            except FeedlineError as exc:
                raise ExtractError(f"{member.name}: {exc}") from None
            for t in inner.tables:
                label = member.name if len(inner.tables) == 1 else f"{member.name}/{t.name}"
                tables.append(t.replace(name=label))
            warnings += [f"{member.name}: {w}" for w in inner.warnings]
    return Extraction(format="zip", encoding=None, delimiter=None, tables=tables,
                      warnings=warnings)


def _nested(path: Path, name: str, reader: _Reader, depth: int) -> Extraction:
    if depth >= 2:
        raise ExtractError("archives nested more than two levels deep are refused")
    return _extract(path, name, reader, depth + 1)


_TEXT_SUFFIXES = frozenset(k for k, v in _EXTENSION_FORMATS.items() if v in ("csv", "json", "xml"))


def _unsupported(kind: str, suffix: str = "") -> UnsupportedFormat:
    """The reason for content feedline does not read; named as such when the file's name
    promised a text table (a PNG renamed ``.csv``)."""
    what = DESCRIPTIONS.get(kind, DESCRIPTIONS["binary"])
    if kind == "binary":
        what = "binary data (NUL bytes or control characters)"
    if suffix in _TEXT_SUFFIXES or kind == "binary":
        named = f"the file is named {suffix} but its content" if suffix else "the content"
        verb = "is" if kind == "binary" else "looks like"
        return UnsupportedFormat(f"not a text table: {named} {verb} {what}")
    return UnsupportedFormat(f"unsupported file format (looks like {what})")
