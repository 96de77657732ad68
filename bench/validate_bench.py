"""Validation benchmark: feedline's engine against a plain-Polars script with the same rules.

    python bench/validate_bench.py [--rows 1000000] [--skip-record-hook]

Generates a messy all-text frame (20 columns: currency amounts, thousands separators,
day-first dates, yes/no words, enums in mixed case, ~2% bad cells), validates it with
``feedline.validate.validate`` and with a hand-written Polars pipeline, and prints both
times, the ratio, peak RSS, the cost of trivial record/bulk/frame hooks and of building
records (``to_records`` and the vectorized ``record_frame``). Targets: engine <= 1.5x
plain Polars; a frame hook adds < 10 %.
"""

from __future__ import annotations

import argparse
import resource
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import polars as pl

from feedline.blueprint import parse_blueprint
from feedline.listener import Listener
from feedline.validate import validate

STATUSES = ["Active", " inactive", "LEAD", "churned", "Actve"]
EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
NUMBERS = ["amount", "price", "cost", "fee"]
INTEGERS = ["qty", "units", "age"]
DATES = ["ordered", "shipped", "born"]
STRINGS = ["name", "city", "note", "code"]
FLAGS = ["active", "vip"]
ENUMS = ["status", "tier"]
ALL = ["id", "email", *NUMBERS, *INTEGERS, *DATES, *STRINGS, *FLAGS, *ENUMS]


def blueprint() -> Any:
    fields: list[dict[str, Any]] = [
        {"key": "id", "constraints": ["required", {"type": "unique"}]},
        {"key": "email", "constraints": ["required", {"type": "unique", "case_sensitive": False},
                                         {"type": "pattern", "pattern": EMAIL}]},
    ]
    fields += [{"key": k, "type": "number", "constraints": [{"type": "min", "value": 0}]}
               for k in NUMBERS]
    fields += [{"key": k, "type": "integer", "constraints": [{"type": "min", "value": 1}]}
               for k in INTEGERS]
    fields += [{"key": k, "type": "date"} for k in DATES]
    fields += [{"key": k} for k in STRINGS]
    fields += [{"key": k, "type": "boolean"} for k in FLAGS]
    options = [{"value": v} for v in ("active", "inactive", "lead", "churned")]
    fields += [{"key": k, "type": "enum", "options": options} for k in ENUMS]
    return parse_blueprint({"name": "bench", "sheets": [{"slug": "s", "fields": fields}]}).sheet("s")


def generate(n: int, seed: int = 7) -> pl.DataFrame:
    rng = np.random.default_rng(seed)
    idx = pl.int_range(0, n, eager=True)

    def pick(values: list[str]) -> pl.Series:
        return pl.Series(np.array(values, dtype=object)[rng.integers(0, len(values), n)].tolist(),
                         dtype=pl.String)

    def noisy(s: pl.Series, bad: str) -> pl.Series:
        return pl.select(pl.when(pl.lit(rng.random(n) < 0.02)).then(pl.lit(bad))
                         .otherwise(pl.lit(s))).to_series()

    cols: dict[str, pl.Series] = {
        "id": ("ID-" + idx.cast(pl.String)),
        "email": noisy("user" + (idx % (n - n // 100)).cast(pl.String) + "@example.com", "not-an-email"),
    }
    for k in NUMBERS:
        cents = pl.Series(rng.integers(-100, 10_000_000, n))
        text = ("$" + (cents // 100).cast(pl.String) + "." + (cents % 100).cast(pl.String).str.zfill(2))
        cols[k] = noisy(text, "n/a")
    for k in INTEGERS:
        cols[k] = noisy(pl.Series(rng.integers(0, 500, n)).cast(pl.String), "many")
    for k in DATES:
        days = pl.Series(rng.integers(0, 9000, n), dtype=pl.Int32)
        date = (days + 10957).cast(pl.Date)  # 10957 = 2000-01-01 in days since 1970
        cols[k] = noisy(date.dt.strftime("%d.%m.%Y"), "31.02.2024")
    for k in STRINGS:
        cols[k] = pick(["  Berlin ", "Paris", "", "New York", "Zürich"])
    for k in FLAGS:
        cols[k] = pick(["yes", "no", "Y", "N", "ja", "nein", "maybe"])
    for k in ENUMS:
        cols[k] = pick(STATUSES)
    return pl.DataFrame(cols)


def plain_polars(frame: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """The same rules, hand-written: casts, required, unique, pattern, min; long messages."""
    t = frame.with_columns(pl.all().str.strip_chars().replace("", None))
    typed = t.with_columns(
        *[pl.col(k).str.replace_all(r"[$,]", "").cast(pl.Float64, strict=False) for k in NUMBERS],
        *[pl.col(k).cast(pl.Int64, strict=False) for k in INTEGERS],
        *[pl.col(k).str.strptime(pl.Date, "%d.%m.%Y", strict=False) for k in DATES],
        *[pl.col(k).str.to_lowercase().replace_strict(
            {"yes": True, "y": True, "ja": True, "no": False, "n": False, "nein": False},
            default=None, return_dtype=pl.Boolean) for k in FLAGS],
        *[pl.col(k).str.to_lowercase().replace_strict(
            {v: v for v in ("active", "inactive", "lead", "churned")}, default=None)
          for k in ENUMS],
    )
    row = pl.int_range(0, pl.len(), dtype=pl.UInt32).alias("row")
    checks: list[pl.DataFrame] = []

    def flag(key: str, kind: str, mask: pl.Expr, text: str) -> None:
        checks.append(typed.with_columns(row, t[key].alias("_t")).filter(mask).select(
            "row", pl.lit(key).alias("field"), pl.lit(kind).alias("type"),
            pl.lit("error").alias("level"), pl.format(text, "_t").alias("message")))

    for k in [*NUMBERS, *INTEGERS, *DATES, *FLAGS, *ENUMS]:
        flag(k, "invalid", pl.col("_t").is_not_null() & pl.col(k).is_null(), '"{}" is invalid')
    for k in ("id", "email"):
        flag(k, "required", pl.col(k).is_null(), "{} is required")
    flag("id", "unique", pl.col("id").is_not_null() & pl.col("id").is_duplicated()
         & (pl.int_range(pl.len()).over("id") > 0), "duplicate {}")
    low = pl.col("email").str.to_lowercase()
    flag("email", "unique", low.is_not_null() & (pl.int_range(pl.len()).over(low) > 0), "dup {}")
    flag("email", "pattern", ~pl.col("email").str.contains(EMAIL).fill_null(True), "bad {}")
    for k in NUMBERS:
        flag(k, "min", pl.col(k) < 0, "{} below 0")
    for k in INTEGERS:
        flag(k, "min", pl.col(k) < 1, "{} below 1")
    messages = pl.concat(checks).sort("row")
    valid = typed.with_columns(row).select(
        ~pl.col("row").is_in(messages.filter(pl.col("level") == "error")["row"].implode()))
    return typed, messages, valid


def timed(fn: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    best, out = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - start)
    return best, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--skip-record-hook", action="store_true")
    args = parser.parse_args()
    sheet = blueprint()
    frame = generate(args.rows)
    print(f"{args.rows:,} rows x {frame.width} columns")
    t_plain, _ = timed(lambda: plain_polars(frame), args.repeat)
    t_engine, result = timed(lambda: validate(frame, sheet), args.repeat)
    print(f"plain Polars script : {t_plain:7.2f} s")
    print(f"feedline engine     : {t_engine:7.2f} s   ratio {t_engine / t_plain:.2f}x (target <= 1.5x)")
    print(f"  messages {result.messages.height:,}, invalid rows {int((~result.valid).sum()):,}")

    hooks: dict[str, Listener] = {"frame_hook": Listener(), "bulk_hook": Listener(),
                                  "record_hook": Listener()}
    hooks["frame_hook"].frame_hook("s", lambda df: df)
    hooks["bulk_hook"].bulk_hook("s", lambda records: None)
    hooks["record_hook"].record_hook("s", lambda record: record)
    for name, listener in hooks.items():
        if name == "record_hook" and args.skip_record_hook:
            continue
        t_hook, _ = timed(lambda lst=listener: validate(frame, sheet, hooks=lst.hooks_for("s")),
                          1 if name != "frame_hook" else args.repeat)
        extra = t_hook - t_engine
        print(f"trivial {name:<12}: {t_hook:7.2f} s   +{extra:6.2f} s ({extra / t_engine:+.0%})")

    t_frame, rf = timed(result.record_frame)
    print(f"record_frame() (JSON in Polars)   : {t_frame:7.2f} s  ({rf.height:,} rows)")
    t_records, _ = timed(result.to_records)
    print(f"to_records() (Python dicts)       : {t_records:7.2f} s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS            : {peak:7.0f} MiB")


if __name__ == "__main__":
    main()
