"""Destination configs: one-line reasons, secret references, nothing secret shown."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from feedline.egress.registry import parse_destination
from feedline.egress.secrets import SecretResolver
from feedline.errors import ConfigError

ENV = {"DB_PW": "db-pw-123", "HOOK_SECRET": "hook-secret-456", "S3_SECRET": "s3-secret-789"}


def parse(raw: Any, where: str = "destination #2") -> Any:
    return parse_destination(raw, where, SecretResolver(env=ENV))


@pytest.mark.parametrize(("raw", "reason"), [
    ("file", "expected a mapping"),
    ({"type": "ftp"}, "type must be one of file, sql, webhook"),
    ({"type": "file", "path": "out/x.csv", "format": "xml"},
     "format must be one of csv, jsonl, parquet, xlsx"),
    ({"type": "file", "path": "out/x.txt"}, "format must be one of csv, jsonl, parquet, xlsx"),
    ({"type": "file", "path": "out/x.csv", "mode": "merge"},
     "mode must be one of new, replace, append"),
    ({"type": "file", "path": "s3://b/x.csv", "mode": "append"},
     "mode append works only for local paths, not s3://"),
    ({"type": "file", "path": "out/x.parquet", "mode": "append"},
     "mode append works only with csv or jsonl, not parquet"),
    ({"type": "file", "path": "file:///tmp/x.csv"}, "not a file:// URL"),
    ({"type": "file", "path": "out/x.csv", "escape_formulas": "no"},
     "escape_formulas must be true or false"),
    ({"type": "file", "path": "out/x.csv", "storage_options": {"key": "k"}},
     "storage_options apply only to URL paths"),
    ({"type": "file", "path": "out/x.csv", "compression": "gzip"},
     "unknown setting 'compression'"),
    ({"type": "sql", "url": "not a url", "table": "t"}, "'url' is not a SQLAlchemy URL"),
    ({"type": "sql", "url": "sqlite://", "table": "t", "mode": "upsert"},
     "mode upsert needs key"),
    ({"type": "sql", "url": "sqlite://", "table": "t", "key": ["id"]},
     "key applies only to mode upsert"),
    ({"type": "sql", "url": "mysql://u@h/db", "table": "t", "mode": "upsert", "key": ["id"]},
     "mode upsert works on PostgreSQL"),
    ({"type": "webhook", "url": "ftp://x/y", "secret": "s"}, "'url' must be an http"),
    ({"type": "webhook", "url": "https://x/y"}, "'secret' is required"),
    ({"type": "webhook", "url": "https://x/y", "secret": "s", "batch_size": 0},
     "batch_size must be an integer from 1 to 100000"),
    ({"type": "webhook", "url": "https://x/y", "secret": "s", "max_attempts": 2.5},
     "max_attempts must be an integer"),
    ({"type": "webhook", "url": "https://x/y", "secret": "${env:NOPE}"},
     "environment variable NOPE is not set"),
])
def test_bad_configs_get_a_one_line_reason(raw: Any, reason: str) -> None:
    with pytest.raises(ConfigError) as err:
        parse(raw)
    assert str(err.value).startswith("destination #2: ")
    assert reason in str(err.value), str(err.value)
    assert "\n" not in str(err.value)


def test_a_missing_variable_is_named_and_no_value_is_shown() -> None:
    with pytest.raises(ConfigError) as err:
        parse({"type": "sql", "url": "postgresql://u:${env:PG_PASSWORD}@h/db", "table": "t"})
    assert str(err.value) == "destination #2: url: environment variable PG_PASSWORD is not set"


def test_a_secret_can_come_from_a_file(tmp_path: Path) -> None:
    secret_file = tmp_path / "hook"
    secret_file.write_text("from-a-file\n", encoding="utf-8")
    dest = parse({"type": "webhook", "url": "https://x/y", "secret": f"${{file:{secret_file}}}"})
    assert dest.secret == "from-a-file"
    with pytest.raises(ConfigError, match=r"secret file .*missing cannot be read"):
        parse({"type": "webhook", "url": "https://x/y", "secret": f"${{file:{tmp_path}/missing}}"})


def test_describe_never_shows_a_secret_value() -> None:
    described = [parse(raw).describe() for raw in [
        {"type": "sql", "url": "postgresql://u:${env:DB_PW}@h/db?sslpassword=clear-ssl", "table": "t"},
        {"type": "sql", "url": "postgresql://u:typed-in-clear@h/db", "table": "t"},
        {"type": "webhook", "url": "https://x/y?token=url-token-1", "secret": "${env:HOOK_SECRET}"},
        {"type": "webhook", "url": "https://user:url-pw-2@x/y", "secret": "clear-hook-secret"},
        {"type": "file", "path": "s3://b/{sheet}-{run}.csv",
         "storage_options": {"endpoint_url": "http://127.0.0.1:1", "key": "AKIA-clear",
                             "secret": "${env:S3_SECRET}",
                             "client_kwargs": {"aws_session_token": "nested-token"}}},
    ]]
    text = json.dumps(described)
    for value in [*ENV.values(), "clear-ssl", "typed-in-clear", "url-token-1", "url-pw-2",
                  "clear-hook-secret", "AKIA-clear", "nested-token"]:
        assert value not in text
    assert described[0]["url"] == "postgresql://u:***@h/db?sslpassword=***"
    assert described[2]["secret"] == "${env:HOOK_SECRET}"  # names the variable, not its value
    assert described[3]["secret"] == "***"
    assert described[4]["storage_options"]["secret"] == "${env:S3_SECRET}"
    assert described[4]["storage_options"]["endpoint_url"] == "http://127.0.0.1:1"


def test_file_defaults() -> None:
    assert parse({"type": "file", "path": "out/{space}/{sheet}.parquet"}).describe() == {
        "type": "file", "path": "out/{space}/{sheet}.{run}.parquet", "format": "parquet",
        "mode": "new", "escape_formulas": True}
