"""The sheet and the deterministic records every contract test delivers."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import polars as pl

from feedline.blueprint import Field, SheetSpec
from feedline.egress.base import DeadLetterSink, RunInfo, RunState, batch_schema

SPEC = SheetSpec(slug="orders", name="Orders", fields=(
    Field("code", "Code"),
    Field("name", "Name"),
    Field("amount", "Amount", "number"),
    Field("qty", "Quantity", "integer"),
    Field("active", "Active", "boolean"),
    Field("day", "Day", "date"),
    Field("at", "At", "datetime"),
    Field("tags", "Tags", "string-list"),
    Field("kind", "Kind", "enum"),
))

NAMES = ["Zoë O'Brien, Jr", '東京 "quoted"', "line\nbreak", None, "emoji 🚀", "plain", "a;b",
         "   padded  "]
AMOUNTS = [1.5, -2.0, 3.0, None, 1234567.125, 0.1, -0.25]
TAGS: list[list[str] | None] = [["a", "b"], [], None, ["ü", "x y"]]
KINDS = ["retail", "wholesale", None]
START = datetime(2024, 1, 1, tzinfo=UTC)


def rows(start: int, count: int, policy: str = "valid-only") -> pl.DataFrame:
    """Records ``start … start+count-1`` as one egress batch (ids from 1)."""
    ids = list(range(start + 1, start + count + 1))
    data: dict[str, list[Any]] = {
        "_id": ids,
        "_version": [1 + i % 3 for i in ids],
        "code": [f"R{i:06d}" for i in ids],
        "name": [NAMES[i % len(NAMES)] for i in ids],
        "amount": [AMOUNTS[i % len(AMOUNTS)] for i in ids],
        "qty": [None if i % 7 == 0 else (i * 37 - 500) for i in ids],
        "active": [None if i % 5 == 0 else i % 2 == 0 for i in ids],
        "day": [None if i % 5 == 1 else date(2024, 1, 1) + timedelta(days=i) for i in ids],
        "at": [None if i % 6 == 0 else START + timedelta(seconds=i * 3661) for i in ids],
        "tags": [TAGS[i % len(TAGS)] for i in ids],
        "kind": [KINDS[i % len(KINDS)] for i in ids],
    }
    if policy == "all":
        data["_valid"] = [i % 4 != 0 for i in ids]
        data["_messages"] = [
            [] if i % 4 else [{"field": "qty", "type": "min", "level": "error",
                               "message": f"must be ≥ 0 (row {i})"}] for i in ids]
    return pl.DataFrame(data, schema=batch_schema(SPEC, policy))


def batches(total: int, size: int, policy: str = "valid-only", start: int = 0) -> list[pl.DataFrame]:
    """Records ``start+1 … start+total`` cut into batches of ``size`` (the last may be shorter)."""
    return [rows(start + s, min(size, total - s), policy) for s in range(0, total, size)]


def expected(total: int, policy: str = "valid-only") -> pl.DataFrame:
    """What a destination should hold after delivering ``total`` records: the field
    columns (and ``valid``/``messages``) under their keys."""
    frame = rows(0, total, policy)
    out = frame.select(SPEC.keys)
    if policy == "all":
        out = out.with_columns(valid=frame["_valid"], messages=frame["_messages"])
    return out


def run_info(run_id: str, root: Path, state: RunState, dead_letters: DeadLetterSink, *,
             policy: str = "valid-only", space: str = "partner one") -> RunInfo:
    return RunInfo(
        run_id=run_id, space=space, space_id="sp_1", sheet=SPEC.slug, sheet_id="sh_1",
        file="acme orders", file_id="fi_1", started_at=datetime(2026, 3, 4, 5, 6, tzinfo=UTC),
        spec=SPEC, policy=policy, root=root, state=state, dead_letters=dead_letters,
    )
