"""A deterministic messy customer export for the end-to-end benchmark.

    python bench/messy/generate.py OUT.csv --rows 1000000 [--seed 7] [--clean]

Twenty columns with the dirt partner files carry: mixed date formats, currency amounts,
booleans as yes/no/1/Y, enum values in varying case and spelling, quoted text with commas
and newlines, and about 2% invalid values (bad emails, impossible dates, text in number
columns, duplicates, unknown options, negative amounts). Generated column-wise with NumPy
and Polars in blocks, so 10M rows take seconds and little memory. Same arguments, same bytes.
``--clean`` leaves the invalid values and duplicate ids out (the same rows otherwise): a
delivery where every record is valid.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import polars as pl

BLOCK = 500_000
FIRST = ["Anna", "Ben", "Chloé", "Dmitri", "Eva", "Farid", "Greta", "Hiro", "Ines", "Jonas",
         "Kemal", "Lena", "Marta", "Noah", "Olga", "Pavel", "Quinn", "Rosa", "Sven", "Zoë"]
LAST = ["Müller", "O'Brien", "Smith", "García", "Rossi", "van Dijk", "Dubois", "Kowalski",
        "Nakamura", "Schmidt", "Jones", "López", "Bianchi", "de Vries", "Martin", "Nowak"]
COMPANY = ["Acme, Inc.", "Globex", "Initech", "Umbrella Corp", "Hooli", "Stark Industries",
           "Wayne Enterprises", "Soylent, Ltd.", "Tyrell", "Cyberdyne Systems"]
TITLE = ["Buyer", "Head of Procurement", "CTO", "Office Manager", "Analyst", "Founder & CEO"]
CITY = ["Berlin", "Paris", "London", "Madrid", "Amsterdam", "New York", "Austin", "Lyon"]
COUNTRY = ["US", "us", "United States", "GB", "United Kingdom", "uk", "DE", "Germany",
           " germany ", "FR", "France", "NL", "Netherlands", "ES", "Spain", "spain"]
STATUS = ["active", "Active", "ACTIVE", "inactive", "Inactive", "lead", "Lead", "churned"]
YES_NO = ["yes", "no", "1", "0", "true", "false", "Yes", "No"]
TAGS = ["", "vip", "newsletter;vip", "b2b", "b2b;wholesale;eu", "trial"]
NOTES = ["", "", "", "called twice, no answer", "prefers email\nnot phone", 'said "later"',
         "moved to, Berlin"]
HEADERS = ["Customer ID", "First Name", "Last Name", "Email", "Phone", "Company", "Job Title",
           "Country", "Status", "Signup Date", "Last Order At", "Lifetime Value", "Orders",
           "Opt In", "VIP", "Tags", "Notes", "City", "Zip", "Credit Limit"]
ERROR_RATE = 0.02


def _pick(rng: np.random.Generator, options: list[str], n: int) -> pl.Series:
    return pl.Series(np.array(options, dtype=object)[rng.integers(0, len(options), n)],
                     dtype=pl.String)


def block(start: int, n: int, seed: int, error_rate: float = ERROR_RATE) -> pl.DataFrame:
    """Rows ``start .. start+n`` (the same rows whatever the block size)."""
    rng = np.random.default_rng([seed, start])
    i = pl.Series(np.arange(start, start + n), dtype=pl.Int64)
    first, last = _pick(rng, FIRST, n), _pick(rng, LAST, n)
    days = pl.Series(rng.integers(0, 3650, n)).cast(pl.Int32)
    date = (pl.lit(np.datetime64("2015-01-01")).cast(pl.Date) + pl.duration(days=pl.lit(days)))
    fmt = rng.integers(0, 3, n)
    frame = pl.DataFrame({"i": i, "first": first, "last": last, "fmt": fmt,
                          "cents": rng.integers(0, 500_000, n), "orders": rng.integers(0, 90, n),
                          "secs": rng.integers(0, 86_400, n)})
    frame = frame.with_columns(date=date).with_columns(
        pl.format("C{}", pl.col("i").cast(pl.String).str.zfill(9)).alias("Customer ID"),
        pl.col("first").alias("First Name"),
        pl.col("last").alias("Last Name"),
        pl.format("{}.{}{}@example.com", pl.col("first").str.to_lowercase(),
                  pl.col("last").str.to_lowercase().str.replace_all(r"[^a-z]", ""),
                  pl.col("i")).alias("Email"),
        pl.format("+1 555-{}", (pl.col("i") % 10_000).cast(pl.String).str.zfill(4)).alias("Phone"),
        _pick(rng, COMPANY, n).alias("Company"),
        _pick(rng, TITLE, n).alias("Job Title"),
        _pick(rng, COUNTRY, n).alias("Country"),
        _pick(rng, STATUS, n).alias("Status"),
        pl.when(pl.col("fmt") == 0).then(pl.col("date").dt.strftime("%Y-%m-%d"))
        .when(pl.col("fmt") == 1).then(pl.col("date").dt.strftime("%Y/%m/%d"))
        .otherwise(pl.col("date").dt.strftime("%d %b %Y")).alias("Signup Date"),
        (pl.col("date").cast(pl.Datetime("us")) + pl.duration(seconds=pl.col("secs")))
        .dt.strftime("%Y-%m-%dT%H:%M:%S").alias("Last Order At"),
        pl.when(pl.col("fmt") == 0)
        .then(pl.format("${}.{}", (pl.col("cents") // 100).cast(pl.String),
                        (pl.col("cents") % 100).cast(pl.String).str.zfill(2)))
        .otherwise(pl.format("{}.{}", (pl.col("cents") // 100).cast(pl.String),
                             (pl.col("cents") % 100).cast(pl.String).str.zfill(2)))
        .alias("Lifetime Value"),
        pl.col("orders").cast(pl.String).alias("Orders"),
        _pick(rng, YES_NO, n).alias("Opt In"),
        _pick(rng, ["Y", "N", "N", "N"], n).alias("VIP"),
        _pick(rng, TAGS, n).alias("Tags"),
        _pick(rng, NOTES, n).alias("Notes"),
        _pick(rng, CITY, n).alias("City"),
        (pl.col("i") % 90_000 + 10_000).cast(pl.String).alias("Zip"),
        ((pl.col("i") % 50 + 1) * 1000).cast(pl.String).alias("Credit Limit"),
    ).select(HEADERS)
    return _dirt(frame, rng, start, error_rate)


def _dirt(frame: pl.DataFrame, rng: np.random.Generator, start: int,
          error_rate: float) -> pl.DataFrame:
    """About ``error_rate`` of the rows get one invalid value, spread over the kinds."""
    n = frame.height
    hit = rng.random(n) < error_rate
    kind = rng.integers(0, 8, n)
    bad = {
        0: ("Email", pl.format("{}{} at example.com", pl.col("First Name"), pl.lit(start) + pl.int_range(pl.len()))),
        1: ("Signup Date", pl.lit("2021-02-30")),
        2: ("Lifetime Value", pl.lit("n/a")),
        3: ("Orders", pl.lit("many")),
        4: ("Country", pl.lit("Atlantis")),
        5: ("Status", pl.lit("unknown")),
        6: ("Lifetime Value", pl.lit("-12.50")),
        7: ("Email", pl.lit("")),
    }
    frame = frame.with_columns(_hit=pl.Series(hit), _kind=pl.Series(kind))
    for k, (column, value) in bad.items():
        frame = frame.with_columns(
            pl.when(pl.col("_hit") & (pl.col("_kind") == k)).then(value)
            .otherwise(pl.col(column)).alias(column))
    # A few duplicate customer ids: a row repeats the id of the row before it.
    dup = pl.Series(rng.random(n) < 0.1 * error_rate)
    frame = frame.with_columns(
        pl.when(pl.lit(dup) & (pl.int_range(pl.len()) > 0))
        .then(pl.col("Customer ID").shift(1)).otherwise(pl.col("Customer ID"))
        .alias("Customer ID"))
    return frame.drop("_hit", "_kind")


def write(path: Path, rows: int, seed: int = 7, clean: bool = False) -> Path:
    """Write the export to ``path`` (CSV, UTF-8, quoted where needed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    rate = 0.0 if clean else ERROR_RATE
    with path.open("wb") as fh:
        for start in range(0, rows, BLOCK):
            block(start, min(BLOCK, rows - start), seed, rate).write_csv(
                fh, include_header=start == 0)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--clean", action="store_true", help="no invalid values")
    args = parser.parse_args()
    write(args.out, args.rows, args.seed, args.clean)


if __name__ == "__main__":
    main()
