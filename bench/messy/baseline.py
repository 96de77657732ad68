"""The plain-Polars baseline of bench/e2e.py: the same file, the same rules, no feedline.

    python bench/messy/baseline.py IN.csv OUT.csv

Reads every column as text, trims, casts (dates in three formats, currency amounts,
integers, yes/no booleans, enum spellings), checks the blueprint's rules (required,
unique, email pattern, minimums, options, cast failures) and writes the valid rows as CSV:
what a careful engineer would write by hand for this one file. Prints its valid count.
"""

from __future__ import annotations

import sys

import polars as pl

COUNTRIES = {"us": "US", "united states": "US", "gb": "GB", "united kingdom": "GB", "uk": "GB",
             "de": "DE", "germany": "DE", "fr": "FR", "france": "FR", "nl": "NL",
             "netherlands": "NL", "es": "ES", "spain": "ES"}
STATUSES = {s: s for s in ("active", "inactive", "lead", "churned")}
TRUE = ["yes", "y", "1", "true", "t"]
FALSE = ["no", "n", "0", "false", "f"]
EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


def text(name: str) -> pl.Expr:
    return pl.col(name).str.strip_chars().replace("", None)


def number(name: str) -> pl.Expr:
    return text(name).str.replace_all(r"[$,]", "").cast(pl.Float64, strict=False)


def boolean(name: str) -> pl.Expr:
    low = text(name).str.to_lowercase()
    return pl.when(low.is_in(TRUE)).then(True).when(low.is_in(FALSE)).then(False)


def date(name: str) -> pl.Expr:
    t = text(name)
    return pl.coalesce(t.str.strptime(pl.Date, "%Y-%m-%d", strict=False),
                       t.str.strptime(pl.Date, "%Y/%m/%d", strict=False),
                       t.str.strptime(pl.Date, "%d %b %Y", strict=False))


def run(src: str, out: str) -> int:
    raw = pl.read_csv(src, infer_schema=False)
    typed = raw.select(
        text("Customer ID").alias("customer_id"), text("First Name").alias("first_name"),
        text("Last Name").alias("last_name"), text("Email").alias("email"),
        text("Phone").alias("phone"), text("Company").alias("company"),
        text("Job Title").alias("job_title"),
        text("Country").str.to_lowercase().replace_strict(COUNTRIES, default=None).alias("country"),
        text("Status").str.to_lowercase().replace_strict(STATUSES, default=None).alias("status"),
        date("Signup Date").alias("signup_date"),
        text("Last Order At").str.strptime(pl.Datetime, "%Y-%m-%dT%H:%M:%S", strict=False)
        .alias("last_order_at"),
        number("Lifetime Value").alias("lifetime_value"),
        text("Orders").cast(pl.Int64, strict=False).alias("orders"),
        boolean("Opt In").alias("opt_in"), boolean("VIP").alias("vip"),
        text("Tags").str.split(";").alias("tags"), text("Notes").alias("notes"),
        text("City").alias("city"), text("Zip").alias("zip"),
        number("Credit Limit").alias("credit_limit"),
    )
    casts = {"country": "Country", "status": "Status", "signup_date": "Signup Date",
             "last_order_at": "Last Order At", "lifetime_value": "Lifetime Value",
             "orders": "Orders", "opt_in": "Opt In", "vip": "VIP", "credit_limit": "Credit Limit"}
    failed = [typed[k].is_null() & raw.select(text(src).is_not_null()).to_series()
              for k, src in casts.items()]
    email = typed["email"]
    rules = [
        typed["customer_id"].is_null(), typed["last_name"].is_null(), email.is_null(),
        ~email.str.contains(EMAIL).fill_null(True),
        ~typed["customer_id"].is_first_distinct() & typed["customer_id"].is_not_null(),
        ~email.str.to_lowercase().is_first_distinct() & email.is_not_null(),
        (typed["lifetime_value"] < 0).fill_null(False), (typed["orders"] < 0).fill_null(False),
    ]
    bad = pl.select(pl.any_horizontal([pl.lit(s) for s in failed + rules])).to_series()
    valid = typed.filter(~bad).with_columns(pl.col("tags").list.join(";"))
    valid.write_csv(out)
    return valid.height


if __name__ == "__main__":
    print(run(sys.argv[1], sys.argv[2]))
