"""The file destination: CSV, JSONL, Parquet or XLSX at a local path or an fsspec URL.

    - type: file
      path: out/{space}/{sheet}.csv        # relative to the data dir, or s3://bucket/…
      format: csv                          # csv | jsonl | parquet | xlsx (else from the extension)
      mode: new                            # new | replace | append
      escape_formulas: true                # '=…' → "'=…" in text cells (csv, xlsx)
      storage_options: {endpoint_url: …, key: ${env:S3_KEY}, secret: ${env:S3_SECRET}}

A local run writes a temp file beside its target (named after the run, flocked) and
renames it into place; a remote run spools locally and uploads the finished object in one
put. ``append`` (local CSV/JSONL) goes through :class:`~feedline.egress.ledger.AppendLedger`.
"""

from __future__ import annotations

import errno
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import polars as pl

from feedline.egress import frames
from feedline.egress.base import Delivery, RunInfo, check_batch, reserved_keys
from feedline.egress.formats import APPENDABLE, EXTENSIONS, FORMATS, Encoder, csv_header, encoder
from feedline.egress.ledger import AppendLedger
from feedline.egress.paths import Template, check_template, local_target, protocol, with_run
from feedline.egress.secrets import REDACTED, SecretResolver, shown
from feedline.egress.tempfiles import LockedTemp, drop_own, sweep, temp_name
from feedline.errors import ConfigError, FeedlineError, TerminalError, TransientError

MODES = ("new", "replace", "append")
KEYS = {"type", "path", "format", "mode", "escape_formulas", "storage_options"}
SECRET_OPTION = ("secret", "password", "token", "key", "credential", "sas")
SPOOL = ".feedline-spool"
OBJECT_STORES = {"s3", "s3a", "gs", "gcs", "az", "abfs", "abfss", "memory"}
"""Protocols without folders: creating one would be a no-op or, for a bucket, a surprise."""
LOCAL_TERMINAL = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENAMETOOLONG, errno.ENOTDIR,
                  errno.EISDIR, errno.EEXIST}


@dataclass(frozen=True)
class FileDestination:
    """A configured file destination (see the module docstring)."""

    type: ClassVar[str] = "file"
    template: Template
    format: str
    mode: str = "new"
    escape_formulas: bool = True
    storage_options: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    shown_options: dict[str, Any] = field(default_factory=dict)
    secrets: SecretResolver = field(default_factory=SecretResolver, repr=False, compare=False)

    @property
    def remote(self) -> str | None:
        return protocol(self.template.text)

    @classmethod
    def parse(cls, raw: dict[str, Any], where: str, secrets: SecretResolver) -> FileDestination:
        """Check a ``{type: file, …}`` config."""
        unknown = sorted(set(raw) - KEYS)
        if unknown:
            raise ConfigError(f"{where}: unknown setting {unknown[0]!r} (known: "
                              f"{', '.join(sorted(KEYS))})")
        path = raw.get("path")
        remote = protocol(path) if isinstance(path, str) else None
        if remote in ("file", "local"):
            raise ConfigError(f"{where}: write local files with a path relative to the data "
                              "directory, not a file:// URL")
        template = check_template(path, where, remote=remote is not None)
        fmt = raw.get("format")
        if fmt is None:
            fmt = EXTENSIONS.get(Path(template.text).suffix.lower())
            if fmt is None:
                raise ConfigError(f"{where}: format must be one of {', '.join(FORMATS)} "
                                  "(or the path must end in .csv, .jsonl, .parquet or .xlsx)")
        if fmt not in FORMATS:
            raise ConfigError(f"{where}: format must be one of {', '.join(FORMATS)}")
        mode = raw.get("mode", "new")
        if mode not in MODES:
            raise ConfigError(f"{where}: mode must be one of {', '.join(MODES)}")
        if mode == "append" and remote:
            raise ConfigError(f"{where}: mode append works only for local paths, not {remote}:// "
                              "(use new or replace)")
        if mode == "append" and fmt not in APPENDABLE:
            raise ConfigError(f"{where}: mode append works only with csv or jsonl, not {fmt}")
        escape = raw.get("escape_formulas", True)
        if not isinstance(escape, bool):
            raise ConfigError(f"{where}: escape_formulas must be true or false")
        options = raw.get("storage_options") or {}
        if not isinstance(options, dict):
            raise ConfigError(f"{where}: storage_options must be a mapping")
        if options and not remote:
            raise ConfigError(f"{where}: storage_options apply only to URL paths (s3://…)")
        resolved, display = _options(options, where, secrets)
        if mode == "new":
            template = with_run(template)
        return cls(template=template, format=fmt, mode=mode, escape_formulas=escape,
                   storage_options=resolved, shown_options=display, secrets=secrets)

    def describe(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "file", "path": self.template.text, "format": self.format,
                               "mode": self.mode, "escape_formulas": self.escape_formulas}
        if self.shown_options:
            out["storage_options"] = self.shown_options
        return out

    def fingerprint(self) -> str:
        """A short stable name for this destination's keys in the run state."""
        return hashlib.sha256(repr(sorted(self.describe().items())).encode()).hexdigest()[:12]

    def open(self, run: RunInfo) -> LocalFileRun | RemoteFileRun:
        reserved_keys(run)
        if self.remote:
            return RemoteFileRun(self, run)
        return LocalFileRun(self, run)


def _options(options: dict[str, Any], where: str,
             secrets: SecretResolver) -> tuple[dict[str, Any], dict[str, Any]]:
    """Storage options resolved (for fsspec) and as ``describe()`` shows them."""
    resolved: dict[str, Any] = {}
    display: dict[str, Any] = {}
    for key, value in options.items():
        secret = any(word in str(key).lower() for word in SECRET_OPTION)
        if isinstance(value, dict):
            resolved[key], display[key] = _options(value, where, secrets)
        elif isinstance(value, str):
            resolved[key] = (secrets.secret if secret else secrets.resolve)(
                value, f"{where}: storage_options.{key}")
            display[key] = shown(value) if secret else value
        else:
            resolved[key] = value
            display[key] = REDACTED if secret else value
    return resolved, display


class _FileRun:
    """What local and remote file runs share: the encoder over one temp file."""

    def __init__(self, dest: FileDestination, run: RunInfo, location: str) -> None:
        self.dest, self.run, self.location = dest, run, location
        self.key = f"file:{dest.fingerprint()}:"
        self.rows = self.batches = 0
        self.temp: LockedTemp | None = None
        self.parts: LockedTemp | None = None
        self.encoder: Encoder | None = None

    def _start(self, directory: Path, stem: str) -> Encoder:
        if self.encoder is None:
            kind = "append" if self.dest.mode == "append" else ""
            self.temp = LockedTemp(directory, temp_name(stem, self.run.run_id, kind))
            if self.dest.format in ("parquet", "xlsx"):
                self.parts = LockedTemp(directory, temp_name(stem, self.run.run_id, "parts"),
                                        folder=True)
            self.encoder = encoder(self.dest.format, self.temp, self.run.spec,
                                   self.run.with_validity, escape=self.dest.escape_formulas,
                                   header=self.dest.mode != "append", parts=self.parts)
        return self.encoder

    def _write(self, batch: pl.DataFrame, directory: Path, stem: str) -> None:
        check_batch(batch, self.run)
        if batch.height == 0:
            return
        enc = self._start(directory, stem)
        enc.write(frames.values(batch, self.run.spec, self.run.with_validity))
        self.rows += batch.height
        self.batches += 1

    def _delivery(self) -> Delivery:
        return Delivery(destination="file", location=self.location, rows=self.rows,
                        batches=self.batches, run_id=self.run.run_id)

    def abort(self) -> None:
        if self.encoder is not None:
            self.encoder.discard()
        for temp in (self.parts, self.temp):
            if temp is not None:
                temp.discard()
        self.encoder = self.temp = self.parts = None

    def _fail(self, exc: Exception) -> Exception:
        """The error a caller sees: terminal or transient, one line, no secrets."""
        text = self.dest.secrets.scrub(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        if isinstance(exc, OSError) and exc.errno in LOCAL_TERMINAL:
            return TerminalError(f"cannot write {self.location}: {text}")
        if isinstance(exc, FileNotFoundError | PermissionError):
            return TerminalError(f"cannot write {self.location}: {text}")
        return TransientError(f"cannot write {self.location}: {text}")


class LocalFileRun(_FileRun):
    """One run writing a local file: temp beside the target, renamed (or appended) at commit."""

    def __init__(self, dest: FileDestination, run: RunInfo) -> None:
        self.target = local_target(run.root, dest.template.render(run))
        super().__init__(dest, run, str(self.target))
        self.ledger = AppendLedger(self.target) if dest.mode == "append" else None
        sweep(self.target.parent)
        drop_own(self.target.parent, self.target.name, run.run_id)

    def committed(self) -> Delivery | None:
        if self.ledger is not None:
            entry = self.ledger.committed(self.run.run_id)
            return Delivery.from_json(entry["report"]) if entry else None
        saved = self.run.state.get(self.key + "report")
        if not saved:
            return None
        if not saved.get("renamed"):  # a crash around the rename: is the file ours?
            try:
                st = self.target.stat()
            except FileNotFoundError:
                return None
            if [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns] != saved["stat"]:
                return None  # the rename never happened
        return Delivery.from_json(saved["delivery"])

    def write(self, batch: pl.DataFrame) -> None:
        try:
            self._write(batch, self.target.parent, self.target.name)
        except OSError as exc:
            raise self._fail(exc) from None

    def commit(self) -> Delivery:
        done = self.committed()
        if done is not None:
            self.abort()
            return done
        try:
            enc = self._start(self.target.parent, self.target.name)
            enc.finish()
            assert self.temp is not None
            delivery = self._delivery()
            if self.ledger is not None:
                header = csv_header(self.run.spec, self.run.with_validity) \
                    if self.dest.format == "csv" else b""
                entry = self.ledger.append(self.run.run_id, self.temp.fh, header=header,
                                           report=delivery.to_json())
                self.abort()
                return Delivery.from_json(entry["report"])
            self.temp.sync()
            st = self.temp.path.stat()
            report = {"delivery": delivery.to_json(),
                      "stat": [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns]}
            self.run.state.set(self.key + "report", report)
            self.temp.rename(self.target)
        except OSError as exc:
            self.abort()
            raise self._fail(exc) from None
        self.encoder = self.temp = self.parts = None
        self.run.state.set(self.key + "report", {**report, "renamed": True})
        return delivery


class RemoteFileRun(_FileRun):
    """One run writing to an fsspec URL: spooled locally, uploaded whole at commit."""

    def __init__(self, dest: FileDestination, run: RunInfo) -> None:
        import fsspec

        self.url = dest.template.render(run)
        super().__init__(dest, run, self.url)
        self.spool = run.root / SPOOL
        self.stem = hashlib.sha256(self.url.encode()).hexdigest()[:16] \
            + Path(self.url).suffix
        try:
            self.fs = fsspec.filesystem(dest.remote, **dest.storage_options)
        except (ImportError, ValueError) as exc:
            raise TerminalError(f"{dest.remote}:// needs its fsspec package (for s3://: pip "
                                f"install 'feedline[s3]'): {dest.secrets.scrub(str(exc))}") from None
        sweep(self.spool)
        drop_own(self.spool, self.stem, run.run_id)

    def committed(self) -> Delivery | None:
        saved = self.run.state.get(self.key + "uploaded")
        return Delivery.from_json(saved) if saved else None

    def write(self, batch: pl.DataFrame) -> None:
        try:
            self._write(batch, self.spool, self.stem)
        except OSError as exc:
            raise self._fail(exc) from None

    def commit(self) -> Delivery:
        done = self.committed()
        if done is not None:
            self.abort()
            return done
        try:
            self._start(self.spool, self.stem).finish()
            assert self.temp is not None
            self.temp.sync()
            if self.dest.remote not in OBJECT_STORES:
                self.fs.makedirs(self.url.rsplit("/", 1)[0], exist_ok=True)
            self.fs.put_file(str(self.temp.path), self.url)
        except FeedlineError:
            self.abort()
            raise
        except Exception as exc:  # fsspec backends raise their own kinds
            self.abort()
            raise self._fail(exc) from None
        delivery = self._delivery()
        self.run.state.set(self.key + "uploaded", delivery.to_json())
        self.abort()
        return delivery
