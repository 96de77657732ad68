"""Date and datetime casts: one format per column, inferred from the column's values.

A column's cells that do not fit its format but do fit a format that can be read only one
way (ISO ``2024-03-01``, ``2024/03/01``, a month name, day-first dots) are read in that
format too, so a column mixing such formats loses nothing. Formats that differ only in
the order of day and month are never mixed: the column decides.
"""

from __future__ import annotations

import polars as pl

from feedline.validate.base import CastResult, failed_where_null, where

EXCEL = "excel"
# Excel serial day numbers (days since 1899-12-30) from 1000 (1902) to 99999 (2173); an
# XLSX cell read as a number, or a CSV written from one, carries dates this way.
_EXCEL_SHAPE = r"^\d{4,5}(?:\.\d+)?$"
_EXCEL_EPOCH = pl.datetime(1899, 12, 30, time_unit="us")

# (strptime format, shape the text must have first): the shape keeps Polars from
# accepting partial or oddly padded input. Ties go to the earlier format, so an
# all-ambiguous ``01/02/2024`` column reads day-first.
DATE_FORMATS: tuple[tuple[str, str], ...] = (
    ("%Y-%m-%d", r"^\d{4}-\d{1,2}-\d{1,2}$"),
    ("%d.%m.%Y", r"^\d{1,2}\.\d{1,2}\.\d{4}$"),
    ("%d/%m/%Y", r"^\d{1,2}/\d{1,2}/\d{4}$"),
    ("%m/%d/%Y", r"^\d{1,2}/\d{1,2}/\d{4}$"),
    ("%Y%m%d", r"^\d{8}$"),
    ("%d-%m-%Y", r"^\d{1,2}-\d{1,2}-\d{4}$"),
    ("%Y/%m/%d", r"^\d{4}/\d{1,2}/\d{1,2}$"),
    ("%d %b %Y", r"^\d{1,2} [A-Za-z]{3} \d{4}$"),
    ("%d-%b-%Y", r"^\d{1,2}-[A-Za-z]{3}-\d{4}$"),
    ("%d %B %Y", r"^\d{1,2} [A-Za-z]+ \d{4}$"),
    ("%b %d, %Y", r"^[A-Za-z]{3} \d{1,2}, \d{4}$"),
    ("%B %d, %Y", r"^[A-Za-z]+ \d{1,2}, \d{4}$"),
    (EXCEL, _EXCEL_SHAPE),
)
_ISO_DATETIME_PREFIX = r"^(\d{4}-\d{2}-\d{2})[T ]\d"
_TIME = (
    r"(?:T|\s+)(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2})(?:[.,](?P<f>\d{1,9}))?)?"
    r"\s*(?P<ampm>[AaPp][Mm])?\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$"
)


def excel_serials(s: pl.Series) -> pl.Series:
    """``pl.Datetime`` for Excel serial numbers (fractions are the time of day)."""
    days = where(s.str.contains(_EXCEL_SHAPE), s).cast(pl.Float64, strict=False)
    micros = (days * 86_400_000_000).round(0).cast(pl.Int64, strict=False)
    return pl.select(_EXCEL_EPOCH + pl.lit(micros).cast(pl.Duration("us"))).to_series()


# Formats whose text can only mean one date: the fallbacks for cells off the column's format.
UNAMBIGUOUS = ("%Y-%m-%d", "%Y/%m/%d", "%d.%m.%Y", "%d %b %Y", "%d-%b-%Y", "%d %B %Y",
               "%b %d, %Y", "%B %d, %Y")


def _parse_one(s: pl.Series, fmt: str, shape: str) -> pl.Series:
    if fmt == EXCEL:
        return excel_serials(s).dt.date()
    parsed = s.str.strptime(pl.Date, fmt, strict=False)
    return where(s.str.contains(shape), parsed)


def _parsed_weight(values: pl.Series, weights: pl.Series, fmt: str, shape: str) -> int:
    """How many cells (``weights`` per distinct value) ``fmt`` reads: only values of its
    shape are parsed (most formats fit none of a column's values)."""
    if fmt == EXCEL:
        return int(weights.filter(_parse_one(values, fmt, shape).is_not_null()).sum())
    fits = values.str.contains(shape).fill_null(False)
    if not fits.any():
        return 0
    parsed = values.filter(fits).str.strptime(pl.Date, fmt, strict=False)
    return int(weights.filter(fits).filter(parsed.is_not_null()).sum())


def _parse(s: pl.Series, fmt: str, shape: str) -> pl.Series:
    """Dates in the column's format ``fmt``, then the unambiguous formats for the rest."""
    parsed = _parse_one(s, fmt, shape)
    shapes = dict(DATE_FORMATS)
    for other in UNAMBIGUOUS:
        missing = parsed.is_null() & s.is_not_null()
        if other == fmt or not missing.any():
            continue
        parsed = pl.select(pl.coalesce(pl.lit(parsed), pl.lit(
            _parse_one(where(missing, s), other, shapes[other])))).to_series().alias(s.name)
    return parsed


_SAMPLE = 20_000


def _distinct(s: pl.Series) -> pl.DataFrame:
    """The column's distinct non-empty values and how often each occurs."""
    return s.drop_nulls().value_counts(name="\x00n")


def infer_date_format(s: pl.Series, counts: pl.DataFrame | None = None) -> str:
    """The format of :data:`DATE_FORMATS` that parses the most non-empty cells.

    Decided on the distinct values (an evenly spaced sample of them past 20,000), each
    weighted by how often it occurs.
    """
    counts = _distinct(s) if counts is None else counts
    if counts.height > _SAMPLE:
        counts = counts.gather_every(counts.height // _SAMPLE)
    values, n = counts.to_series(0), counts.to_series(1)
    best, best_score, total = DATE_FORMATS[0][0], 0, int(n.sum())
    for fmt, shape in DATE_FORMATS:
        score = _parsed_weight(values, n, fmt, shape)
        if score > best_score:
            best, best_score = fmt, score
        if best_score == total:  # no later format can parse more (ties keep the first)
            break
    return best


def _iso_prefix(s: pl.Series) -> pl.Series:
    """ISO datetimes (``2024-01-05T10:00``) count as their date."""
    return where(s.str.contains(_ISO_DATETIME_PREFIX), s.str.slice(0, 10), s)


def parse_dates(s: pl.Series, fmt: str | None = None) -> pl.Series:
    """``pl.Date`` per cell under the column's format; null where empty or unparseable.

    ISO datetimes (``2024-01-05T10:00``) count as their date.
    """
    s = _iso_prefix(s)
    fmt = fmt or infer_date_format(s)
    return _parse(s, fmt, dict(DATE_FORMATS)[fmt])


def cast_date(s: pl.Series) -> CastResult:
    """Dates in any one of :data:`DATE_FORMATS` per column, as ISO ``YYYY-MM-DD`` text.

    A column repeats few dates, so the distinct values are parsed once and mapped back.
    """
    counts = _distinct(s)
    values = counts.to_series(0)
    trimmed = _iso_prefix(values)
    fmt = infer_date_format(trimmed, counts.with_columns(trimmed))
    if counts.height * 2 > s.len():  # mostly distinct: parse the column itself
        return failed_where_null(s, parse_dates(s, fmt).cast(pl.String))
    iso = _parse(trimmed, fmt, dict(DATE_FORMATS)[fmt]).cast(pl.String)
    return failed_where_null(s, s.replace_strict(values, iso, default=None,
                                                 return_dtype=pl.String))


_PLAIN_ISO = "%Y-%m-%dT%H:%M:%S"
_PLAIN_ISO_SHAPE = r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}$"


def cast_datetime(s: pl.Series) -> CastResult:
    """A column date format plus an optional time, 12-hour clock and UTC offset.

    Output is ISO 8601: ``2024-01-05T13:45:00``, or in UTC with ``Z`` when the value
    carried an offset. Plain ISO stamps (``2024-01-05T13:45:00``, no offset) take a fast
    path; the other cells the general one.
    """
    plain = s.str.contains(_PLAIN_ISO_SHAPE).fill_null(False)
    if not plain.any():
        return _cast_datetime(s)
    # A plain stamp that parses is already its ISO text (with ``T``): no formatting needed.
    iso = where(plain, s).str.replace(" ", "T", literal=True)
    parsed = iso.str.strptime(pl.Datetime("us"), _PLAIN_ISO, strict=False)
    text = where(parsed.is_not_null(), iso).alias(s.name)
    rest = s.is_not_null() & ~plain
    if rest.any():
        slow = _cast_datetime(where(rest, s)).values
        text = pl.select(pl.coalesce(pl.lit(text), pl.lit(slow))).to_series().alias(s.name)
    return failed_where_null(s, text)


def _cast_datetime(s: pl.Series) -> CastResult:
    if infer_date_format(s) == EXCEL:
        stamp = excel_serials(s)
        return failed_where_null(s, stamp.dt.strftime("%Y-%m-%dT%H:%M:%S%.f"))
    g = s.str.extract_groups(_TIME)
    has_time = g.struct.field("h").is_not_null()
    date = parse_dates(where(has_time, s.str.replace(_TIME, ""), s).str.strip_chars())

    def part(name: str) -> pl.Series:
        return g.struct.field(name).cast(pl.Int64, strict=False).fill_null(0)

    hour, minute, second = part("h"), part("m"), part("s")
    ampm = g.struct.field("ampm").str.to_lowercase()
    bad_12h = ampm.is_not_null() & ((hour == 0) | (hour > 12))
    hour = where(
        ampm == "pm", where(hour < 12, hour + 12, hour), where(ampm == "am", hour % 12, hour)
    )
    fraction = g.struct.field("f").str.pad_end(9, "0").str.slice(0, 6)
    micros = fraction.cast(pl.Int64, strict=False).fill_null(0)
    time_ok = ~bad_12h & (hour <= 23) & (minute <= 59) & (second <= 59)

    tz = g.struct.field("tz")
    offset = tz.str.extract_groups(r"^(?P<sign>[+-])(?P<oh>\d{2}):?(?P<om>\d{2})?$")
    sign = where(offset.struct.field("sign") == "-", -1, 1)
    oh = offset.struct.field("oh").cast(pl.Int64, strict=False).fill_null(0)
    om = offset.struct.field("om").cast(pl.Int64, strict=False).fill_null(0)
    offset_minutes = sign * (oh * 60 + om)

    total_us = (((hour * 60 + minute - offset_minutes) * 60 + second) * 1_000_000) + micros
    stamp = date.cast(pl.Datetime("us")) + total_us.cast(pl.Duration("us"))
    text = stamp.dt.strftime("%Y-%m-%dT%H:%M:%S%.f")
    text = where(tz.is_not_null(), text + "Z", text)
    return failed_where_null(s, where(time_ok & (oh <= 14) & (om <= 59), text))
