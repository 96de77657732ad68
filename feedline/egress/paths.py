"""Path templates: ``out/{space}/{sheet}-{run}.csv`` rendered safely and injectively.

Every value is percent-encoded outside ``[A-Za-z0-9_-]`` (so ``partner one`` →
``partner%20one``, ``partner/one`` → ``partner%2Fone``, ``..`` → ``%2E%2E``, the empty
name → ``%``). The encoding is one-to-one and never yields ``/`` or a leading ``.``, so
different names never share a file and a value cannot climb out of its folder. The
template itself may not be absolute nor hold ``..``, and a rendered local path must stay
inside the root folder.
"""

from __future__ import annotations

import os
import re
import string
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path

from feedline.egress.base import RunInfo
from feedline.errors import ConfigError, TerminalError

PLACEHOLDERS = ("space", "space_id", "sheet", "sheet_id", "file", "file_id", "date", "run")
NAMED = frozenset({"space", "file"})
"""Placeholders whose values people type: they must be delimited (see :func:`check_template`)."""
SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
ENCODED_ALPHABET = SAFE | {"%"}
URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


def encode(value: str) -> str:
    """One path-safe, injective text for a value (percent-encoding of its UTF-8 bytes)."""
    if value == "":
        return "%"
    # surrogatepass: a lone surrogate (possible in decoded JSON) still encodes one-to-one
    return "".join(ch if ch in SAFE else _percent(ch.encode("utf-8", "surrogatepass"))
                   for ch in value)


def _percent(data: bytes) -> str:
    return "".join(f"%{b:02X}" for b in data)


def protocol(path: str) -> str | None:
    """The fsspec protocol of a URL (``s3``), or None for a local relative path."""
    m = URL.match(path)
    return m.group(1).lower() if m else None


@dataclass(frozen=True)
class Template:
    """A checked path template."""

    text: str

    @property
    def has_run(self) -> bool:
        return "run" in _names(self.text)

    def render(self, run: RunInfo) -> str:
        """The template with every placeholder replaced by its encoded value."""
        values = {
            "space": run.space, "space_id": run.space_id, "sheet": run.sheet,
            "sheet_id": run.sheet_id, "file": run.file, "file_id": run.file_id or "",
            "date": run.started_at.astimezone(UTC).date().isoformat(), "run": run.run_id,
        }
        return "".join(literal + (encode(values[name]) if name is not None else "")
                       for literal, name, _, _ in string.Formatter().parse(self.text))


def _names(text: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]


def check_template(text: object, where: str, *, remote: bool) -> Template:
    """Refuse templates that could escape their root or make two names share a file."""
    if not isinstance(text, str) or not text.strip():
        raise ConfigError(f"{where}: 'path' must be a non-empty string")
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise ConfigError(f"{where}: path {text!r}: {exc}") from None
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in PLACEHOLDERS:
            raise ConfigError(f"{where}: unknown placeholder {{{name}}} in path (known: "
                              + ", ".join("{" + p + "}" for p in PLACEHOLDERS) + ")")
        if spec or conversion:
            raise ConfigError(f"{where}: placeholder {{{name}}} takes no format or conversion")
    body = URL.sub("", text) if remote else text
    if not remote and (text.startswith(("/", "\\", "~")) or re.match(r"^[A-Za-z]:", text)):
        raise ConfigError(f"{where}: path must be relative to the data directory, not absolute")
    if "\\" in body:
        raise ConfigError(f"{where}: path must use '/' between folders")
    literal = string.Formatter().parse(body)
    skeleton = "".join(lit + ("\0" if name is not None else "") for lit, name, _, _ in literal)
    if any(seg in (".", "..") for seg in skeleton.split("/")):
        raise ConfigError(f"{where}: path must not contain '.' or '..' folders")
    if remote and "\0" in skeleton.split("/")[0]:
        raise ConfigError(f"{where}: the bucket or host of a URL path cannot hold placeholders")
    if skeleton.endswith("/"):
        raise ConfigError(f"{where}: path must end in a file name")
    _check_delimited(parts, where)
    return Template(text)


def _check_delimited(parts: list[tuple[str, str | None, str | None, str | None]],
                     where: str) -> None:
    """A name placeholder and the next placeholder of its path segment must be separated
    by a character encoding never produces (``.``, space, ``+`` …), or two names could
    render the same path (``{space}-{sheet}``: ``a-b``+``c`` and ``a``+``b-c``)."""
    for i, (_, name, _, _) in enumerate(parts):
        if name is None or i + 1 >= len(parts):
            continue
        between, following = parts[i + 1][0], parts[i + 1][1]
        if following is None or "/" in between:
            continue
        if not between:
            raise ConfigError(f"{where}: placeholders {{{name}}}{{{following}}} touch; "
                              "put a separator such as '.' or '/' between them")
        if name in NAMED and set(between) <= ENCODED_ALPHABET:
            raise ConfigError(
                f"{where}: {{{name}}} is followed by {between!r}{{{following}}}, which names "
                f"can contain too; separate them with '/' or '.' (e.g. {{{name}}}.{{{following}}})")


def with_run(template: Template) -> Template:
    """The template with ``.{run}`` before the file extension (``new`` mode needs one file
    per delivery)."""
    if template.has_run:
        return template
    head, _, last = template.text.rpartition("/")
    cut = last.rfind(".")
    if cut <= last.rfind("}"):
        cut = len(last)
    last = last[:cut] + ".{run}" + last[cut:]
    return Template(f"{head}/{last}" if head else last)


def local_target(root: Path, rendered: str) -> Path:
    """``root / rendered``, refused when it would land outside ``root``."""
    base = os.path.normpath(os.path.abspath(root))
    target = os.path.normpath(os.path.join(base, rendered))
    if os.path.commonpath([base, target]) != base or target == base:
        raise TerminalError(f"egress path {rendered!r} leaves the data directory")
    return Path(target)
