"""Every destination the contract suite runs against, each with a reader of what arrived.

A reader returns one typed frame (the field columns under their keys, plus ``valid`` and
``messages`` for policy ``all``) holding everything the destination received so far,
read back with the format's own tools, not with feedline's code.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl
import sqlalchemy as sa

from feedline.egress.base import FIELD_DTYPES, MESSAGE_DTYPE
from tests.contract.data import SPEC
from tests.contract.receiver import Receiver

S3_BUCKET = "feedline-contract"
S3_ENV = {"FEEDLINE_TEST_S3_KEY": "testing", "FEEDLINE_TEST_S3_SECRET": "s3-contract-secret"}
HOOK_SECRET = "hook-contract-secret"


def schema(policy: str) -> dict[str, pl.DataType]:
    out = {f.key: FIELD_DTYPES[f.type] for f in SPEC.fields}
    if policy == "all":
        out.update({"valid": pl.Boolean(), "messages": MESSAGE_DTYPE})
    return out


def typed(frame: pl.DataFrame, policy: str, *, list_sep: str | None = None) -> pl.DataFrame:
    """Text columns of a read-back frame turned into the field types."""
    out = []
    for name, dtype in schema(policy).items():
        col = pl.col(name)
        have = frame.schema[name]
        if have == dtype:
            out.append(col)
        elif name == "messages":
            out.append(col.str.json_decode(MESSAGE_DTYPE))
        elif dtype == pl.List(pl.String) and list_sep is not None:
            out.append(pl.when(col == "").then(pl.lit([], pl.List(pl.String)))
                       .otherwise(col.str.split(list_sep)).alias(name))
        elif dtype == pl.List(pl.String):
            out.append(col.str.json_decode(pl.List(pl.String)))
        elif dtype == pl.Boolean() and have == pl.String:
            out.append(col.replace_strict({"true": True, "false": False}, return_dtype=pl.Boolean))
        elif dtype == pl.Datetime("us", "UTC") and have == pl.String:
            out.append(col.str.to_datetime(time_zone="UTC", time_unit="us"))
        elif isinstance(have, pl.Datetime) and dtype == pl.Datetime("us", "UTC"):
            zoned = col.dt.replace_time_zone("UTC") if have.time_zone is None else col  # type: ignore[attr-defined]
            out.append(zoned.dt.cast_time_unit("us").dt.convert_time_zone("UTC"))
        elif dtype == pl.Date() and have == pl.String:
            out.append(col.str.to_date())
        else:
            out.append(col.cast(dtype))
    return frame.select(out)


def empty(policy: str) -> pl.DataFrame:
    return pl.DataFrame(schema=schema(policy))


@dataclass
class Target:
    """One destination configuration under test."""

    id: str
    root: Path
    lossy_empty_text: bool = False
    """The format cannot tell an empty text from no value (XLSX): compare them as null."""
    can_unsend: bool = True
    """Whether abort takes back what write() already handed over (not a webhook)."""

    def config(self) -> dict[str, Any]:
        raise NotImplementedError

    def read(self, policy: str) -> pl.DataFrame:
        raise NotImplementedError

    def leftovers(self) -> list[str]:
        """Temp files (or anything else) a run left behind."""
        return [str(p) for p in self.root.rglob("*") if ".feedline-tmp" in str(p)
                or ".feedline-spool/" in str(p)]

    def normalize(self, frame: pl.DataFrame) -> pl.DataFrame:
        if not self.lossy_empty_text:
            return frame
        return frame.with_columns(pl.when(pl.col(c) == "").then(None).otherwise(pl.col(c))
                                  .alias(c) for c, t in frame.schema.items() if t == pl.String)


@dataclass
class FileTarget(Target):
    format: str = "csv"
    mode: str = "new"

    def config(self) -> dict[str, Any]:
        ext = {"csv": "csv", "jsonl": "jsonl", "parquet": "parquet", "xlsx": "xlsx"}[self.format]
        return {"type": "file", "path": f"out/{{space}}/{{sheet}}/{{file}}.{ext}",
                "format": self.format, "mode": self.mode}

    def files(self) -> list[Path]:
        out = self.root / "out"
        return sorted(p for p in out.rglob("*") if p.is_file()
                      and not any(part.startswith(".") for part in p.relative_to(out).parts))

    def read(self, policy: str) -> pl.DataFrame:
        frames = [self.read_one(p.read_bytes(), policy) for p in self.files()]
        return pl.concat(frames) if frames else empty(policy)

    def read_one(self, data: bytes, policy: str) -> pl.DataFrame:
        if self.format == "csv":
            text = pl.read_csv(io.BytesIO(data), schema=dict.fromkeys(schema(policy), pl.String))
            return typed(text, policy, list_sep=";")
        if self.format == "jsonl":
            rows = [json.loads(line) for line in data.decode().splitlines() if line]
            loose = {k: (pl.String if t in (pl.Date(), pl.Datetime("us", "UTC")) else t)
                     for k, t in schema(policy).items()}
            return typed(pl.DataFrame(rows, schema=loose, orient="row") if rows
                         else pl.DataFrame(schema=loose), policy)
        if self.format == "parquet":
            return pl.read_parquet(io.BytesIO(data))
        overrides = {k: (pl.String if t in (pl.List(pl.String), MESSAGE_DTYPE) else t)
                     for k, t in schema(policy).items()}
        overrides["at"] = pl.Datetime("us")
        sheet = pl.read_excel(io.BytesIO(data), schema_overrides=overrides)
        if sheet.width == 0:
            return empty(policy)
        return typed(sheet, policy, list_sep=";")


@dataclass
class S3Target(FileTarget):
    endpoint: str = ""

    def config(self) -> dict[str, Any]:
        return {"type": "file", "path": f"s3://{S3_BUCKET}/{self.id}/{{space}}/{{sheet}}-{{run}}.csv",
                "storage_options": {"endpoint_url": self.endpoint,
                                    "key": "${env:FEEDLINE_TEST_S3_KEY}",
                                    "secret": "${env:FEEDLINE_TEST_S3_SECRET}"}}

    def fs(self) -> Any:
        import s3fs

        return s3fs.S3FileSystem(endpoint_url=self.endpoint, key=S3_ENV["FEEDLINE_TEST_S3_KEY"],
                                 secret=S3_ENV["FEEDLINE_TEST_S3_SECRET"], skip_instance_cache=True)

    def keys(self) -> list[str]:
        fs = self.fs()
        return sorted(fs.find(f"{S3_BUCKET}/{self.id}"))

    def read(self, policy: str) -> pl.DataFrame:
        fs = self.fs()
        frames = [self.read_one(fs.cat_file(k), policy) for k in self.keys()]
        return pl.concat(frames) if frames else empty(policy)

    def leftovers(self) -> list[str]:
        return super().leftovers() + [k for k in self.keys() if not k.endswith(".csv")]


@dataclass
class SqlTarget(Target):
    url: str = ""
    mode: str = "insert"
    table: str = "orders"

    def config(self) -> dict[str, Any]:
        cfg: dict[str, Any] = {"type": "sql", "url": self.url, "table": self.table, "mode": self.mode}
        if self.mode == "upsert":
            cfg["key"] = ["code"]
        return cfg

    def read(self, policy: str) -> pl.DataFrame:
        engine = sa.create_engine(self.url.replace("postgresql://", "postgresql+psycopg://"))
        try:
            with engine.connect() as conn:
                if not sa.inspect(conn).has_table(self.table):
                    return empty(policy)
                table = sa.Table(self.table, sa.MetaData(), autoload_with=conn)
                rows = conn.execute(sa.select(*[table.c[k] for k in schema(policy)])
                                    .order_by(table.c.code)).all()
        finally:
            engine.dispose()
        names = list(schema(policy))
        records = [dict(zip(names, r, strict=True)) for r in rows]
        for r in records:
            r["at"] = _utc(r["at"])
            if isinstance(r["tags"], str):  # JSON text outside PostgreSQL
                r["tags"] = json.loads(r["tags"])
            if policy == "all" and r["messages"] is not None:
                r["messages"] = json.loads(r["messages"])
        return pl.DataFrame(records, schema=schema(policy))

    def leftovers(self) -> list[str]:
        return []


def _utc(value: Any) -> Any:
    """SQLite gives naive datetimes (stored in UTC); PostgreSQL gives aware ones."""
    from datetime import UTC

    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


@dataclass
class WebhookTarget(Target):
    receiver: Receiver | None = None
    batch_size: int = 50
    can_unsend: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def config(self) -> dict[str, Any]:
        assert self.receiver is not None
        return {"type": "webhook", "url": self.receiver.url, "secret": "${env:FEEDLINE_TEST_HOOK}",
                "batch_size": self.batch_size, "backoff": 0.01, "max_backoff": 0.05,
                "timeout": 5, **self.extra}

    def read(self, policy: str) -> pl.DataFrame:
        assert self.receiver is not None
        records = self.receiver.records()
        if not records:
            return empty(policy)
        loose = {k: (pl.String if t in (pl.Date(), pl.Datetime("us", "UTC")) else t)
                 for k, t in schema(policy).items()}
        rows = [{**r["values"], **({"valid": r["valid"], "messages": r["messages"]}
                                   if policy == "all" else {})} for r in records]
        return typed(pl.DataFrame(rows, schema=loose), policy)

    def leftovers(self) -> list[str]:
        return []
