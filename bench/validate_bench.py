"""Validation benchmark: feedline's engine against a plain-Polars script with the same rules.

    python bench/validate_bench.py [--rows 1000000] [--skip-record-hook]

Generates a messy all-text frame (20 columns: currency amounts, thousands separators,
day-first dates, yes/no words, enums in mixed case, ~0.3% bad cells per column, ~5% invalid rows), validates it with
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
from polars.testing import assert_frame_equal

from feedline.blueprint import parse_blueprint
from feedline.listener import Listener
from feedline.validate import validate

STATUSES = ["Active", " inactive", "LEAD", "churned", "lead "]
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


BAD = 0.003  # share of cells per noisy column that carry an error: ~5 % invalid rows


def generate(n: int, seed: int = 7) -> pl.DataFrame:
    """A messy all-text frame: ``$1,234.56`` / ``USD 1234.56`` / plain amounts, padded
    integers, dd.mm.yyyy dates, yes/no/ja/nein words, enums in mixed case and padding,
    blank strings; ~0.3 % bad cells per column and ~0.5 % repeated emails."""
    rng = np.random.default_rng(seed)
    idx = pl.int_range(0, n, eager=True)

    def pick(values: list[str], weights: list[float] | None = None) -> pl.Series:
        p = None if weights is None else np.array(weights) / sum(weights)
        return pl.Series(np.array(values, dtype=object)[rng.choice(len(values), n, p=p)].tolist(),
                         dtype=pl.String)

    def noisy(s: pl.Series, bad: str | pl.Series) -> pl.Series:
        return pl.select(pl.when(pl.lit(rng.random(n) < BAD)).then(pl.lit(bad))
                         .otherwise(pl.lit(s))).to_series()

    def choose(*options: pl.Series, weights: list[float]) -> pl.Series:
        which = pl.Series(rng.choice(len(options), n, p=weights))
        out = options[-1]
        for i, option in reversed(list(enumerate(options[:-1]))):
            out = pl.select(pl.when(pl.lit(which) == i).then(pl.lit(option))
                            .otherwise(pl.lit(out))).to_series()
        return out

    cols: dict[str, pl.Series] = {
        "id": ("ID-" + idx.cast(pl.String)),
        "email": noisy("user" + (idx % (n - n // 200)).cast(pl.String) + "@example.com",
                       "user" + idx.cast(pl.String) + " at example.com"),
    }
    for k in NUMBERS:
        cents = pl.Series(rng.integers(0, 10_000_000, n))
        whole, frac = cents // 100, (cents % 100).cast(pl.String).str.zfill(2)
        grouped = pl.select(
            pl.when(pl.lit(whole) >= 1000)
            .then(pl.format("{},{}", pl.lit(whole) // 1000,
                            (pl.lit(whole) % 1000).cast(pl.String).str.zfill(3)))
            .otherwise(pl.lit(whole).cast(pl.String))).to_series()
        plain = whole.cast(pl.String) + "." + frac
        text = choose("$" + grouped + "." + frac, plain, "USD " + plain,
                      weights=[0.7, 0.25, 0.05])
        cols[k] = noisy(text, "n/a")
    for k in INTEGERS:
        number = pl.Series(rng.integers(0, 500, n)).cast(pl.String)
        cols[k] = noisy(choose(number, " " + number + " ", weights=[0.9, 0.1]), "many")
    for k in DATES:
        days = pl.Series(rng.integers(0, 9000, n), dtype=pl.Int32)
        date = (days + 10957).cast(pl.Date)  # 10957 = 2000-01-01 in days since 1970
        cols[k] = noisy(date.dt.strftime("%d.%m.%Y"), "31.02.2024")
    for k in STRINGS:
        cols[k] = pick(["  Berlin ", "Paris", "", "New York", "Zürich"])
    for k in FLAGS:
        cols[k] = noisy(pick(["yes", "no", "Y", "N", "ja", "nein"]), "maybe")
    for k in ENUMS:
        cols[k] = noisy(pick(STATUSES), "Actve")
    return pl.DataFrame(cols)


FIELD_ORDER = {k: i for i, k in enumerate(ALL)}
TEMPLATES = {
    "invalid-number": '"{}" is not a number', "invalid-integer": '"{}" is not a whole number',
    "invalid-date": '"{}" is not a valid date', "invalid-boolean": '"{}" is not a yes/no value',
    "invalid-option": '"{}" is not one of: active, inactive, lead, churned',
}
BOOLEANS = {"yes": True, "y": True, "ja": True, "no": False, "n": False, "nein": False}


def plain_polars(frame: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame, pl.Series]:
    """The same rules, hand-written with the formats known up front: casts, required,
    unique, pattern, min; typed values, long messages sorted like the engine's, valid."""
    t = frame.select(pl.all().str.strip_chars().replace("", None))
    typed = t.select(
        "id", "email",
        *[pl.col(k).str.strip_chars_start("$").str.strip_prefix("USD ")
          .str.replace_all(",", "", literal=True).cast(pl.Float64, strict=False) for k in NUMBERS],
        *[pl.col(k).cast(pl.Int64, strict=False) for k in INTEGERS],
        *[pl.col(k).str.strptime(pl.Date, "%d.%m.%Y", strict=False).cast(pl.String)
          for k in DATES],
        *STRINGS,
        *[pl.col(k).str.to_lowercase().replace_strict(BOOLEANS, default=None,
                                                       return_dtype=pl.Boolean) for k in FLAGS],
        *[pl.col(k).str.to_lowercase().replace_strict(
            {v: v for v in ("active", "inactive", "lead", "churned")}, default=None)
          for k in ENUMS],
    )
    kinds = {**dict.fromkeys(NUMBERS, "invalid-number"), **dict.fromkeys(INTEGERS, "invalid-integer"),
             **dict.fromkeys(DATES, "invalid-date"), **dict.fromkeys(FLAGS, "invalid-boolean"),
             **dict.fromkeys(ENUMS, "invalid-option")}
    both = pl.concat([t, typed.rename(lambda c: "v:" + c)], how="horizontal")
    v, s = (lambda k: pl.col("v:" + k)), pl.col
    low = v("email").str.to_lowercase()
    first = "same value as row {} (0-based)"
    checks: dict[tuple[str, str, str], pl.Expr] = {
        **{(k, kind, TEMPLATES[kind]): s(k).is_not_null() & v(k).is_null()
           for k, kind in kinds.items()},
        **{(k, "required", f"{k} is required"): s(k).is_null() for k in ("id", "email")},
        ("id", "unique", first): v("id").is_not_null() & ~v("id").is_first_distinct(),
        ("email", "unique", first): low.is_not_null() & ~low.is_first_distinct(),
        ("email", "pattern", f"does not match {EMAIL}"):
            ~s("email").str.contains(EMAIL).fill_null(True),
        **{(k, "min", "must be at least 0"): (v(k) < 0).fill_null(False) for k in NUMBERS},
        **{(k, "min", "must be at least 1"): (v(k) < 1).fill_null(False) for k in INTEGERS},
    }
    masks = both.select(*[e.alias(str(i)) for i, e in enumerate(checks.values())])
    indexed = both.with_row_index("_row")
    firsts = {"id": indexed.select(pl.col("_row").first().over(v("id"))).to_series(),
              "email": indexed.select(pl.col("_row").first().over(low)).to_series()}
    parts = []
    for i, (key, kind, text) in enumerate(checks):
        rows = masks[str(i)].arg_true().cast(pl.UInt32)
        part = pl.DataFrame({"row": rows}).with_columns(
            field=pl.lit(key), type=pl.lit(kind), level=pl.lit("error"))
        if kind.startswith("invalid"):
            part = part.with_columns(message=pl.format(text, t[key].gather(rows)))
        elif kind == "unique":
            part = part.with_columns(message=pl.format(text, firsts[key].gather(rows)))
        else:
            part = part.with_columns(message=pl.lit(text))
        parts.append(part)
    messages = (pl.concat(parts).with_columns(_o=pl.col("field").replace_strict(FIELD_ORDER))
                .sort("row", "_o", maintain_order=True).drop("_o"))
    bad = messages["row"].unique().implode()
    valid = (~pl.int_range(0, frame.height, eager=True, dtype=pl.UInt32).is_in(bad)).alias("valid")
    return typed, messages, valid


def same_outputs(plain: tuple[pl.DataFrame, pl.DataFrame, pl.Series], engine: Any) -> None:
    """The engine and the plain script agree on every value, flagged cell and valid flag."""
    typed, messages, valid = plain
    assert_frame_equal(engine.values, typed)
    assert_frame_equal(engine.messages, messages)
    assert engine.valid.to_list() == valid.to_list()


def timed(fn: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    best, out = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - start)
    return best, out


def peak_mib() -> float:
    """The process's peak resident set so far (a high-water mark)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--skip-record-hook", action="store_true")
    args = parser.parse_args()
    sheet = blueprint()
    frame = generate(args.rows)
    print(f"{args.rows:,} rows x {frame.width} columns "
          f"({frame.estimated_size() / 2**20:.0f} MiB of text); peak RSS {peak_mib():.0f} MiB")
    t_engine, result = timed(lambda: validate(frame, sheet), args.repeat)
    print(f"  peak RSS after the engine      : {peak_mib():7.0f} MiB")
    t_plain, plain = timed(lambda: plain_polars(frame), args.repeat)
    same_outputs(plain, result)
    del plain
    print(f"plain Polars script : {t_plain:7.2f} s   (same values, messages and valid flags)")
    print(f"feedline engine     : {t_engine:7.2f} s   ratio {t_engine / t_plain:.2f}x (target <= 1.5x)")
    invalid = int((~result.valid).sum())
    print(f"  messages {result.messages.height:,}, invalid rows {invalid:,} "
          f"({invalid / args.rows:.1%})")

    hooks: dict[str, Listener] = {"frame_hook": Listener(), "bulk_hook": Listener(),
                                  "record_hook": Listener()}
    hooks["frame_hook"].frame_hook("s", lambda df: df)
    hooks["bulk_hook"].bulk_hook("s", lambda records: None)
    hooks["record_hook"].record_hook("s", lambda record: record)
    for name, listener in hooks.items():
        if name == "record_hook" and args.skip_record_hook:
            continue
        hooked = listener.hooks_for("s")
        t_hook, _ = timed(lambda: validate(frame, sheet, hooks=hooked),  # noqa: B023
                          1 if name != "frame_hook" else args.repeat)
        extra = t_hook - t_engine
        print(f"trivial {name:<12}: {t_hook:7.2f} s   +{extra:6.2f} s ({extra / t_engine:+.0%})")
    print(f"  peak RSS after the hooks       : {peak_mib():7.0f} MiB")

    t_frame, rf = timed(result.record_frame)
    print(f"record_frame() (JSON in Polars)   : {t_frame:7.2f} s  ({rf.height:,} rows)")
    del rf
    t_records, _ = timed(result.to_records)
    print(f"to_records() (Python dicts)       : {t_records:7.2f} s")
    print(f"  peak RSS after building records: {peak_mib():7.0f} MiB")


if __name__ == "__main__":
    main()
