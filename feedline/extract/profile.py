"""Column profiles: counts, top values, samples and the detected kind of each source column.

The mapper and the review UI read these from the source sheet's metadata. Counts run on
the whole column; kind detection on an evenly spread sample (vectorized regex matches).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import polars as pl

SAMPLE_ROWS = 20_000
TOP = 5
SAMPLES = 5
_SHARE = 0.9  # a kind must fit this share of the non-empty sampled values

_PATTERNS: dict[str, str] = {
    "email": r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$",
    "url": r"^(?i:https?://|www\.)\S+$",
    "datetime": r"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?$",
    "integer": r"^[+-]?(0|[1-9]\d*)$",
    "currency": r"^(?:[A-Z]{0,3}[$€£¥]\s?-?[\d.,' ]*\d|-?[\d.,' ]*\d\s?(?:[$€£¥]|[A-Z]{3}))$",
    "phone": r"^(\+|00)?[\d\s().-]{7,22}$",
    "identifier": r"^[A-Za-z0-9][A-Za-z0-9_./:#-]{1,39}$",
}
_DECIMALS: dict[tuple[str, str], str] = {
    (".", ""): r"^[+-]?\d*\.\d+$|^[+-]?\d+$",
    (".", ","): r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$|^[+-]?\d*\.\d+$|^[+-]?\d+$",
    (",", ""): r"^[+-]?\d*,\d+$|^[+-]?\d+$",
    (",", "."): r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$|^[+-]?\d*,\d+$|^[+-]?\d+$",
    (",", " "): r"^[+-]?\d{1,3}( \d{3})+(,\d+)?$|^[+-]?\d*,\d+$|^[+-]?\d+$",
}
_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%m/%d/%Y", "%d/%m/%Y", "%Y/%m/%d", "%d-%m-%Y",
                 "%d %b %Y", "%b %d, %Y", "%d-%b-%Y", "%Y%m%d", "%d.%m.%y", "%m/%d/%y")
_BOOLEANS = {"true", "false", "yes", "no", "y", "n", "t", "f", "0", "1", "ja", "nein",
             "oui", "non", "si", "x"}


def profile_frame(frame: pl.DataFrame) -> dict[str, dict[str, Any]]:
    """A profile per column of an all-string frame (``""`` is empty).

    Filled/empty counts and ``max_length`` use every row; the rest an evenly spread sample.
    """
    step = max(1, frame.height // SAMPLE_ROWS)
    sample = frame.gather_every(step) if step > 1 else frame
    if not frame.width:
        return {}
    exact = frame.select(
        *[(pl.col(c) != "").sum().alias(f"n{i}") for i, c in enumerate(frame.columns)],
        *[pl.col(c).str.len_chars().max().alias(f"m{i}") for i, c in enumerate(frame.columns)],
    ).row(0)
    width = frame.width
    non_empty = {c: int(exact[i] or 0) for i, c in enumerate(frame.columns)}
    distinct = None
    if step > 1:  # "" is not a value
        # Distinct 64-bit hashes of the values: a third of the time of comparing the strings
        # and the same count unless two values share a hash (at a million distinct values,
        # about one chance in thirty million of counting one less).
        uniques = frame.select(pl.all().hash(seed=0).n_unique()).row(0, named=True)
        distinct = {c: int(n) - (non_empty[c] < frame.height) for c, n in uniques.items()}
    return profile_sample(
        sample, rows=frame.height, non_empty=non_empty,
        max_length={c: int(exact[width + i] or 0) for i, c in enumerate(frame.columns)},
        sampled=step > 1, distinct=distinct)


def profile_sample(
    sample: pl.DataFrame, *, rows: int, non_empty: dict[str, int], max_length: dict[str, int],
    sampled: bool, distinct: dict[str, int] | None = None,
) -> dict[str, dict[str, Any]]:
    """Profiles from a sample of a table of ``rows`` rows, with exact per-column counts.

    Without exact ``distinct`` counts a sampled table's are estimated (and flagged
    ``distinct_estimated``): a column whose sampled values are all different counts as
    unique (``distinct`` = ``non_empty``), any other gets the sample's distinct count, a
    lower bound that is exact for the usual few-valued columns.
    """
    stats = _sample_stats(sample)
    out: dict[str, dict[str, Any]] = {}
    for i, name in enumerate(sample.columns):
        values = sample.get_column(name)
        values = values.filter(values != "")
        counts = values.value_counts(sort=True).head(TOP)
        seen = int(values.n_unique())
        estimated = sampled and distinct is None
        if distinct is not None:
            seen = distinct[name]
        elif estimated and seen == values.len() and seen > TOP:
            seen = non_empty[name]
        profile: dict[str, Any] = {
            "non_empty": non_empty[name],
            "empty": rows - non_empty[name],
            "distinct": seen,
            "top": [{"value": v, "count": int(n)} for v, n in counts.iter_rows()],
            "samples": values.unique(maintain_order=True).head(SAMPLES).to_list(),
            "max_length": max_length[name],
            **_kind(stats[i], values),
        }
        if sampled:
            profile["sampled_rows"] = int(sample.height)
        if estimated:
            profile["distinct_estimated"] = True
        out[name] = profile
    return out


def detect_kind(values: pl.Series) -> dict[str, Any]:
    """The kind of a column's (stripped, non-empty) values, with its format when it has one."""
    frame = values.rename("v").to_frame()
    return _kind(_sample_stats(frame)[0], values)


def _sample_stats(sample: pl.DataFrame) -> list[dict[str, Any]]:
    """Every share kind detection needs, for all columns in two (parallel) selects.

    The first pass gathers cheap facts (digits, ``@``, ``:``, separators, date shape);
    the second runs only the tests those facts leave possible for each column.
    """
    stripped = pl.all().str.strip_chars()
    # null when empty: shares count filled values only
    prepped = sample.select(pl.when(stripped != "").then(stripped).name.keep())
    first: list[pl.Expr] = []
    for i, name in enumerate(prepped.columns):
        v = pl.col(name)
        first += [
            v.count().alias(f"{i}\x1fn"),
            v.drop_nulls().n_unique().alias(f"{i}\x1fdistinct"),
            v.drop_nulls().unique().head(len(_BOOLEANS) + 1).str.to_lowercase().implode()
            .alias(f"{i}\x1flowered"),
            v.str.len_chars().min().alias(f"{i}\x1fmin_len"),
            v.str.len_chars().max().alias(f"{i}\x1fmax_len"),
            *[_share(v.str.contains(test, literal=literal), f"{i}\x1f{key}")
              for key, test, literal in _FACTS],
        ]
    stats = _rows(prepped.select(first), prepped.width)
    second: list[pl.Expr] = []
    for i, (name, st) in enumerate(zip(prepped.columns, stats, strict=True)):
        second += [_share(test, f"{i}\x1f{key}") for key, test in _tests(pl.col(name), st)]
    if second:
        for i, extra in enumerate(_rows(prepped.select(second), prepped.width)):
            stats[i].update(extra)
    return stats


_FACTS: tuple[tuple[str, str, bool], ...] = (
    ("at", "@", True),
    ("colon", ":", True),
    ("has_sep", r"[.,]", False),
    ("has_digit", r"\d", False),
    ("money", r"[$€£¥]|[A-Z]{3}", False),
    ("url", _PATTERNS["url"], False),
    # every date format starts so: 31.01.2025, 2025-01-31, Jan 31, 31 Jan, 20250131
    ("date_like", r"^(\d{1,4}[-./ ]|[A-Za-z]{3}|\d{8}$)", False),
)


def _tests(v: pl.Expr, st: dict[str, Any]) -> Iterator[tuple[str, pl.Expr]]:
    """The (key, boolean test) pairs a column's cheap facts leave worth running."""
    def fits(key: str) -> bool:
        return _num(st.get(key)) >= _SHARE

    if fits("at"):
        yield "email", v.str.contains(_PATTERNS["email"])
    if fits("colon"):
        yield "datetime", v.str.contains(_PATTERNS["datetime"])
    if fits("date_like") and _num(st["max_len"]) <= 20:
        for fmt in _DATE_FORMATS:
            parsed = v.str.strptime(pl.Date, fmt, strict=False, exact=True)
            yield f"date:{fmt}", pl.when(v.is_not_null()).then(parsed.is_not_null())
        yield "yyyymmdd", v.str.contains(r"^(19|20)\d{6}$")
    if fits("money"):
        yield "currency", v.str.contains(_PATTERNS["currency"])
    if not fits("has_digit"):
        return
    yield "integer", v.str.contains(_PATTERNS["integer"])
    if _num(st.get("has_sep")):
        for rank, pattern in enumerate(_DECIMALS.values()):
            yield f"dec:{rank}", v.str.contains(pattern)
    digits = v.str.count_matches(r"\d")
    yield "phone", v.str.contains(_PATTERNS["phone"])
    yield "dialled", (digits >= 7) & (digits <= 15) & v.str.contains(r"^\+|\d[\s().-]+\d")
    yield "identifier", v.str.contains(_PATTERNS["identifier"])


def _share(test: pl.Expr, alias: str) -> pl.Expr:
    return test.cast(pl.Float64).mean().alias(alias)


def _rows(frame: pl.DataFrame, width: int) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = [{} for _ in range(width)]
    for key, value in frame.row(0, named=True).items():
        i, _, stat = key.partition("\x1f")
        out[int(i)][stat] = value
    return out


def _kind(st: dict[str, Any], values: pl.Series) -> dict[str, Any]:
    """Decide a column's kind from its :func:`_sample_stats` (``values``: for symbols only)."""
    n = int(st["n"] or 0)
    if n == 0:
        return {"kind": "empty"}

    def share(key: str) -> float:
        return _num(st.get(key))

    distinct = int(st["distinct"])
    lowered = set(st["lowered"] or [])
    if distinct <= 2 and lowered <= _BOOLEANS and not lowered <= {"0", "1", "x"}:
        return {"kind": "boolean", "values": sorted(lowered)}
    if lowered <= {"0", "1"} and distinct == 2:
        return {"kind": "boolean", "values": ["0", "1"]}
    for kind in ("email", "url", "datetime"):
        if share(kind) >= _SHARE:
            return {"kind": kind}
    if share("date_like") and _num(st["max_len"]) <= 20:
        scores = [(share(f"date:{fmt}"), fmt) for fmt in _DATE_FORMATS]
        best = max(s for s, _ in scores)
        fits = [fmt for s, fmt in scores if s == best]
        if best >= _SHARE and not (fits[0] == "%Y%m%d" and share("yyyymmdd") < 1):
            result: dict[str, Any] = {"kind": "date", "format": fits[0]}
            if len(fits) > 1:
                result["ambiguous_with"] = fits[1:]
            return result
    if share("integer") >= _SHARE:
        looks_id = distinct == n and n > 10 and st["min_len"] == st["max_len"]
        return {"kind": "identifier" if looks_id and n > 50 else "integer"}
    if share("has_sep"):
        ranked = [(share(f"dec:{rank}"), -rank, seps) for rank, seps in enumerate(_DECIMALS)]
        score, _, (decimal, thousands) = max(ranked)
        if score >= _SHARE:
            return {"kind": "decimal", "decimal_separator": decimal,
                    "thousands_separator": thousands}
    if share("currency") >= _SHARE:
        stripped = values.str.strip_chars()
        symbols = stripped.str.extract(r"([$€£¥]|[A-Z]{3})", 1).drop_nulls().unique().head(5)
        return {"kind": "currency", "symbols": sorted(symbols.to_list())}
    if share("phone") >= _SHARE and share("dialled") >= _SHARE:
        return {"kind": "phone"}
    if share("identifier") >= _SHARE and share("has_digit") >= _SHARE:
        return {"kind": "identifier"}
    return {"kind": "text"}


def _num(value: object) -> float:
    """A Polars scalar result as a float (``None`` and non-numbers count as 0)."""
    return float(value) if isinstance(value, int | float) else 0.0
