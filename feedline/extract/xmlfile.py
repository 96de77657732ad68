"""XML: the repeated record element becomes a table, attributes and children flattened.

Parsed with defusedxml: a document type declaration (DTD), entity declarations and
external references are refused, in memory and streaming alike, so "billion laughs",
quadratic blow-up and XXE payloads fail with a reason instead of expanding or reading
files. The record
element is the most repeated element (``/orders/order``) unless the feed names it.
Columns are paths relative to the record: ``@id``, ``placed``, ``customer/@email``;
``.`` is the record's own text; repeated children are joined with ``"; "``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter, deque
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

import polars as pl

from feedline.errors import ExtractError
from feedline.extract.jsonfile import JOIN
from feedline.extract.model import Limits, SourceTable
from feedline.extract.parts import PartWriter
from feedline.extract.stream import Progress

PREFIX_BYTES = 4 * 1024**2
"""How much of a streamed XML file the record element is detected on."""
BATCH = 20_000
_SEARCH_DEPTH = 32
"""How deep a bare ``record_path`` is looked for (paths are built level by level)."""


def read_xml(
    data: bytes, *, limits: Limits, record_path: str | None = None
) -> tuple[SourceTable, str]:
    """The records of an XML document and the record path used (``/orders/order``)."""
    root = _parse(data)
    path = _find_records(root) if not record_path else _normalise(root, record_path)
    records = _select(root, path)
    if not records:
        raise ExtractError(f"the XML has no {path!r} elements")
    rows: list[dict[str, str]] = []
    columns: dict[str, None] = {}
    for record in records:
        flat: dict[str, list[str]] = {}
        _flatten(record, "", flat, 0)
        row = {k: JOIN.join(v) for k, v in flat.items()}
        columns.update(dict.fromkeys(row))
        rows.append(row)
        if len(columns) > limits.max_columns:
            raise ExtractError(f"the XML records have more than {limits.max_columns} "
                               "distinct fields")
    cols = list(columns) or ["."]
    frame = pl.DataFrame({c: [r.get(c, "") for r in rows] for c in cols},
                         schema=dict.fromkeys(cols, pl.String))
    limits.check_cells(frame, where="the XML")
    name = path.rsplit("/", 1)[-1]
    return SourceTable(name, frame, 0, cols, []), path


def stream_xml(path: Path, *, workdir: Path, limits: Limits, record_path: str | None = None,
               progress: Progress | None = None, profile: bool = True) -> tuple[SourceTable, str]:
    """Large XML parsed incrementally into one Parquet file in ``workdir``, record batches
    written as they complete (each record element is dropped once flattened).

    The record path is detected (or a bare name resolved) on the first few MiB.
    """
    size = path.stat().st_size
    with path.open("rb") as fh, _errors():
        root: ET.Element | None = None
        for _event, elem in _iterparse(fh):
            root = elem if root is None else root
            if fh.tell() >= PREFIX_BYTES:
                break
        if root is None:
            raise ExtractError("invalid XML: no root element")
        path_ = _find_records(root) if not record_path else _normalise(root, record_path)
        del root
    name = path_.rsplit("/", 1)[-1]
    with PartWriter(workdir, limits=limits, where="the XML", size=size,
                    profile=profile) as parts, path.open("rb") as fh, _errors():
        batch: list[dict[str, str]] = []
        stack: list[tuple[ET.Element, str | None]] = []
        inside = False
        levels = path_.count("/")  # paths deeper than the record's are never compared
        for event, elem in _iterparse(fh):
            if event == "start":
                parent = stack[-1][1] if stack else ""
                at = (f"{parent}/{_local(elem.tag)}"
                      if parent is not None and len(stack) < levels else None)
                stack.append((elem, at))
                inside = inside or at == path_
                continue
            _, at = stack.pop()
            if at == path_:
                inside = False
                flat: dict[str, list[str]] = {}
                _flatten(elem, "", flat, 0)
                batch.append({k: JOIN.join(v) for k, v in flat.items()})
            if stack and not inside:  # done with it: keep memory to one record
                stack[-1][0].remove(elem)
            if len(batch) >= BATCH:
                parts.add(batch, fh.tell())
                batch = []
                if progress is not None:
                    progress(fh.tell(), size, parts.rows)
        parts.add(batch, size)
        if progress is not None:
            progress(size, size, parts.rows)
        if not parts.rows:
            raise ExtractError(f"the XML has no {path_!r} elements")
        return parts.finish(name), path_


def _iterparse(fh: BinaryIO) -> Iterator[tuple[str, ET.Element]]:
    from defusedxml.ElementTree import iterparse

    return iterparse(fh, events=("start", "end"), forbid_dtd=True, forbid_entities=True,
                     forbid_external=True)


@contextmanager
def _errors() -> Iterator[None]:
    """Parser failures as one-line reasons (unsafe constructs are refused, not expanded)."""
    from defusedxml import (
        DefusedXmlException,
        DTDForbidden,
        EntitiesForbidden,
        ExternalReferenceForbidden,
    )

    try:
        yield
    except DTDForbidden:
        raise ExtractError("refused unsafe XML: it has a document type declaration "
                           "(<!DOCTYPE …>), which can expand entities (billion laughs) or "
                           "read other files (XXE)") from None
    except EntitiesForbidden as exc:
        raise ExtractError(f"refused unsafe XML: it declares the entity {exc.name!r} "
                           "(billion laughs, XXE)") from None
    except ExternalReferenceForbidden as exc:
        raise ExtractError(f"refused unsafe XML: it refers to the external resource "
                           f"{exc.sysid!r} (XXE)") from None
    except DefusedXmlException as exc:
        raise ExtractError(f"refused unsafe XML: {type(exc).__name__}") from None
    except ET.ParseError as exc:
        line, col = exc.position
        raise ExtractError(f"invalid XML at line {line}, column {col + 1}: "
                           f"{str(exc).split(':')[0]}") from None
    except (ValueError, RecursionError) as exc:
        raise ExtractError(f"invalid XML: {exc}") from None


def _parse(data: bytes) -> ET.Element:
    from defusedxml.ElementTree import fromstring

    with _errors():
        root: ET.Element = fromstring(data, forbid_dtd=True, forbid_entities=True,
                                      forbid_external=True)
    return root


def _local(tag: Any) -> str:
    """A tag without its ``{namespace}``; comments and processing instructions are skipped."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _find_records(root: ET.Element) -> str:
    """The path of the most repeated element under one parent (shallowest on ties)."""
    best: tuple[int, int, str] | None = None
    stack: list[tuple[ET.Element, str, int]] = [(root, "/" + _local(root.tag), 0)]
    seen: set[str] = set()
    while stack:
        node, path, depth = stack.pop()
        counts = Counter(_local(c.tag) for c in node if _local(c.tag))
        for tag, n in counts.items():
            child = f"{path}/{tag}"
            if n >= 2 and (best is None or (n, -depth) > best[:2]):
                best = (n, -depth, child)
            if child not in seen and depth < 8:
                seen.add(child)
                first = next(c for c in node if _local(c.tag) == tag)
                stack.append((first, child, depth + 1))
    if best is not None:
        return best[2]
    children = [c for c in root if _local(c.tag)]
    if children:
        return f"/{_local(root.tag)}/{_local(children[0].tag)}"
    return "/" + _local(root.tag)


def _normalise(root: ET.Element, path: str) -> str:
    """Accept ``/orders/order`` or a bare ``order`` (first match, breadth first)."""
    if path.startswith("/"):
        return path.rstrip("/")
    queue: deque[tuple[ET.Element, str, int]] = deque([(root, "/" + _local(root.tag), 0)])
    seen: set[str] = set()
    while queue:
        node, at, depth = queue.popleft()
        if at.endswith("/" + path) or at == "/" + path:
            return at
        if depth >= _SEARCH_DEPTH:
            continue
        for child in node:
            tag = _local(child.tag)
            if tag and f"{at}/{tag}" not in seen:  # one element per path is enough
                seen.add(f"{at}/{tag}")
                queue.append((child, f"{at}/{tag}", depth + 1))
    raise ExtractError(f"the XML has no {path!r} element")


def _select(root: ET.Element, path: str) -> list[ET.Element]:
    parts = path.strip("/").split("/")
    if not parts or parts[0] != _local(root.tag):
        return []
    level = [root]
    for part in parts[1:]:
        level = [c for node in level for c in node if _local(c.tag) == part]
    return level


def _flatten(node: ET.Element, prefix: str, out: dict[str, list[str]], depth: int) -> None:
    for key, value in node.attrib.items():
        out.setdefault(f"{prefix}@{_local(key)}", []).append(value)
    text = (node.text or "").strip()
    children = [c for c in node if _local(c.tag)]
    if text or not (children or node.attrib):
        out.setdefault(prefix.rstrip("/") or ".", []).append(text)
    if depth >= 16:
        return
    for child in children:
        _flatten(child, f"{prefix}{_local(child.tag)}/", out, depth + 1)
