"""Column casts from trimmed text to typed values, decided per column and vectorized.

Each cast takes a trimmed ``pl.String`` series (null = empty cell) and returns a
:class:`CastResult`. Choices that depend on the whole column (decimal comma or point,
list separator, date format) are made from the column's values, never per cell.
"""

from __future__ import annotations

import polars as pl

from feedline.validate.base import CastResult, failed_where_null, trim, where
from feedline.validate.dates import cast_date, cast_datetime

__all__ = [
    "CastResult",
    "cast_boolean",
    "cast_date",
    "cast_datetime",
    "cast_integer",
    "cast_number",
    "cast_string_list",
    "column_separator",
    "decimal_separator",
    "list_separator",
    "trim",
]


# --- numbers ---------------------------------------------------------------------------

_CURRENCY = (
    r"(?:US\$|CA\$|C\$|AU\$|A\$|NZ\$|HK\$|S\$|R\$|[$€£¥₹₽₩₺₪₫฿]"
    r"|(?i:USD|EUR|GBP|CHF|JPY|CAD|AUD|NZD|SEK|NOK|DKK|PLN|CZK|HUF|CNY|RMB|INR|BRL|MXN"
    r"|ZAR|RUB|TRY|KRW|SGD|HKD|kr|zł|Fr\.?))"
)
_SPACES = "\\s'\u00a0\u202f"
_NUMBER = (
    r"^(?P<open>\()?\s*(?P<s1>[+\-−])?\s*(?:" + _CURRENCY + r")?\s*(?P<s2>[+\-−])?\s*"
    r"(?P<num>[\d.," + _SPACES + r"]*\d[\d.," + _SPACES + r"]*?)(?P<exp>[eE][+-]?\d+)?"
    r"\s*(?P<pct>%)?\s*(?:" + _CURRENCY + r")?\s*(?P<pct2>%)?\s*(?P<s3>-)?\s*(?P<close>\))?$"
)
_POINT_CORE = r"^(?:\d+|\d{1,3}(?:[," + _SPACES + r"]\d{3})+)?(?:\.\d*)?$"
_COMMA_CORE = r"^(?:\d+|\d{1,3}(?:[." + _SPACES + r"]\d{3})+)?(?:,\d*)?$"


_SEPARATOR_SAMPLE = 20_000
_FIRST_SAMPLE = 2_000  # read first: most columns vote one way only
# The common shapes, checked with one match and read by stripping literals: an optional
# leading minus and currency symbol, digits with or without thousands groups, decimals,
# an optional trailing symbol. Anything else takes the full parse of _NUMBER.
_SYMBOLS = "$€£¥"
_LEAD = r"^(?:[$€£¥]-?|-[$€£¥]?)?"
_TAIL = r"(?: ?[$€£¥])?$"
_FAST = {
    ".": _LEAD + r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]*)?" + _TAIL,
    ",": _LEAD + r"(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]*)?" + _TAIL,
}


def _votes(core: pl.Series, whole: bool) -> tuple[int, int]:
    point = core.str.contains(_POINT_CORE)
    comma = core.str.contains(_COMMA_CORE)
    comma_votes, point_votes = int((comma & ~point).sum()), int((point & ~comma).sum())
    if whole and comma_votes == point_votes:
        comma_votes = int(core.str.contains(r"^\d{1,3}(?:\.\d{3})+$").sum())
        point_votes = int(core.str.contains(r"^\d{1,3}(?:,\d{3})+$").sum())
    return comma_votes, point_votes


def decimal_separator(core: pl.Series, whole: bool = False, default: str = ".") -> str:
    """``","`` when more values only make sense with a decimal comma than with a point.

    ``12,5`` and ``1.234,56`` vote for a comma, ``0.5`` and ``1,234.56`` for a point;
    ``1,234`` and ``1.234`` fit both and do not vote. In a ``whole``-number column a tie
    goes to how groups look (``1.000`` reads as a thousand); still no votes means
    ``default`` (the feed's locale; a decimal point unless told otherwise).
    """
    comma_votes, point_votes = _votes(core, whole)
    if comma_votes == point_votes:
        return default
    return "," if comma_votes > point_votes else "."


def _core(s: pl.Series) -> pl.Series:
    return s.str.extract_groups(_NUMBER).struct.field("num").str.strip_chars()


def column_separator(s: pl.Series, whole: bool = False, default: str | None = None) -> str:
    """The column's decimal separator, voted on an evenly spaced sample of the cells that
    hold a ``.`` or ``,`` (all of them when the sample is undecided)."""
    candidates = s.filter(s.str.contains(r"[.,]").fill_null(False))
    small = _sample_votes(candidates, _FIRST_SAMPLE, whole)
    # The small sample decides only when it is unanimous and large enough.
    if small is not None and min(small) == 0 and max(small) >= _FIRST_SAMPLE // 4:
        return "," if small[0] > small[1] else "."
    large = _sample_votes(candidates, _SEPARATOR_SAMPLE, whole)
    if large is not None and large[0] != large[1]:
        return "," if large[0] > large[1] else "."
    return decimal_separator(_core(candidates).drop_nulls(), whole, default or ".")


def _sample_votes(candidates: pl.Series, size: int, whole: bool) -> tuple[int, int] | None:
    """``(comma, point)`` votes of an evenly spaced sample of about ``size`` cells; None
    when the column is not twice that size (the whole column is read then)."""
    step = candidates.len() // size
    if step <= 1:
        return None
    return _votes(_core(candidates.gather_every(step)).drop_nulls(), whole)


def _parse_numeric(s: pl.Series, sep: str) -> tuple[pl.Series, pl.Series]:
    """Canonical numeric text (``-1234.5e3``) and a percent flag; null where not a number."""
    g = s.str.extract_groups(_NUMBER)
    core = g.struct.field("num").str.strip_chars()
    thousands, decimal, pattern = (
        (f"[.{_SPACES}]", ",", _COMMA_CORE) if sep == "," else (f"[,{_SPACES}]", ".", _POINT_CORE)
    )
    parens = g.struct.field("open").is_not_null()
    minus = [g.struct.field(n).is_in(["-", "−"]).fill_null(False) for n in ("s1", "s2", "s3")]
    negative = parens | minus[0] | minus[1] | minus[2]
    signs = [parens, *(g.struct.field(n).is_not_null() for n in ("s1", "s2", "s3"))]
    one_sign = pl.select(pl.sum_horizontal(signs) <= 1).to_series()
    balanced = parens == g.struct.field("close").is_not_null()
    percent = g.struct.field("pct").is_not_null() | g.struct.field("pct2").is_not_null()
    ok = core.str.contains(pattern).fill_null(False) & balanced & one_sign
    digits = core.str.replace_all(thousands, "").str.replace(decimal, ".", literal=True)
    sign = where(negative, pl.lit("-"), pl.lit(""))
    exponent = g.struct.field("exp").fill_null("")
    text = where(ok, sign + digits + exponent)
    return text, percent.fill_null(False)


def _fast_float(s: pl.Series, sep: str) -> pl.Series:
    """Float64 for the cells in a common shape (plain, ``$1,234.56``, ``1.234,56 €``);
    null for the rest, which need the full parse."""
    plain = s if sep == "." else where(~s.str.contains(".", literal=True), s).str.replace(
        ",", ".", literal=True)
    value = plain.cast(pl.Float64, strict=False)
    value = where(value.is_finite(), value)
    rest = s.is_not_null() & value.is_null()
    if not rest.any():
        return value
    idx = rest.arg_true()
    cells = s.gather(idx)
    shaped = cells.str.contains(_FAST[sep])
    body = cells.str.strip_chars_start("-" + _SYMBOLS).str.strip_chars_end(" " + _SYMBOLS)
    body = body.str.replace_all("," if sep == "." else ".", "", literal=True)
    if sep == ",":
        body = body.str.replace(",", ".", literal=True)
    number = body.cast(pl.Float64, strict=False)
    number = where(cells.str.contains("-", literal=True), -number, number)
    return value.scatter(idx, where(shaped, number))


def _slow(s: pl.Series, value: pl.Series) -> pl.Series:
    """Row indexes of non-empty cells the fast path left null."""
    return (s.is_not_null() & value.is_null()).arg_true()


def cast_number(s: pl.Series, whole: bool = False, decimal: str | None = None) -> CastResult:
    """Decimal numbers: currency, thousands separators, decimal comma, ``(5)``, ``5-``, ``%``.

    A percent is a fraction: ``12,5 %`` is 0.125. ``decimal`` (``"."`` or ``","``) is the
    convention when the column's values do not decide it. Common shapes take a fast path;
    only the other cells go through the full pattern.
    """
    sep = column_separator(s, whole, decimal)
    value = _fast_float(s, sep).alias(s.name)
    idx = _slow(s, value)
    if idx.len():
        text, percent = _parse_numeric(s.gather(idx), sep)
        value = value.scatter(idx, _to_float(text, percent))
    return failed_where_null(s, value)


def _to_float(text: pl.Series, percent: pl.Series) -> pl.Series:
    value = text.cast(pl.Float64, strict=False)
    value = where(percent, value / 100, value)
    return where(value.is_finite(), value)


def cast_integer(s: pl.Series, decimal: str | None = None) -> CastResult:
    """Whole numbers with the same notations as :func:`cast_number`; exact up to Int64.

    Plain digits cast directly (they never vote on the decimal separator); the rest is
    parsed as a number that must be whole.
    """
    value = s.cast(pl.Int64, strict=False).alias(s.name)
    idx = _slow(s, value)
    if idx.len():
        cells = s.gather(idx)
        text, percent = _parse_numeric(cells, column_separator(cells, True, decimal))
        plain = text.str.contains(r"^-?\d+(?:\.0*)?$").fill_null(False) & ~percent
        exact = text.str.replace(r"\.0*$", "").cast(pl.Int64, strict=False)
        number = _to_float(text, percent)  # the same parse, not a second one
        whole = (number == number.floor()) & (number.abs() < 2.0**63)
        value = value.scatter(idx, where(plain, exact, where(whole, number.cast(
            pl.Int64, strict=False))))
    return failed_where_null(s, value)


# --- booleans --------------------------------------------------------------------------

TRUE_WORDS = ("true", "yes", "y", "1", "t", "on", "x", "ja", "j", "oui", "sí", "si", "wahr")
FALSE_WORDS = ("false", "no", "n", "0", "f", "off", "nein", "non", "falsch")
_BOOLEANS = {**dict.fromkeys(TRUE_WORDS, True), **dict.fromkeys(FALSE_WORDS, False)}


def cast_boolean(s: pl.Series) -> CastResult:
    """true/false, yes/no, y/n, 1/0, t/f, on/off, ja/nein, oui/non, sí/no, wahr/falsch.

    A column whose only marker is ``x`` is a checkbox column: its empty cells are False.
    """
    key = s.str.to_lowercase()
    value = key.replace_strict(_BOOLEANS, default=None, return_dtype=pl.Boolean)
    failed = s.is_not_null() & value.is_null()
    present = key.drop_nulls()
    if present.len() and (present == "x").all():
        value = value.fill_null(False)
    return CastResult(value, failed)


# --- lists -----------------------------------------------------------------------------

LIST_SEPARATORS = (";", "|", ",")


def list_separator(s: pl.Series) -> str | None:
    """The separator among ``; | ,`` that appears most in the column (None if none do)."""
    counts = {
        sep: int(s.str.count_matches(sep, literal=True).sum() or 0) for sep in LIST_SEPARATORS
    }
    best = max(LIST_SEPARATORS, key=lambda sep: counts[sep])
    return best if counts[best] else None


def cast_string_list(s: pl.Series) -> CastResult:
    """Split on the column's separator; items trimmed, blanks dropped, no items = empty."""
    sep = list_separator(s)
    parts = s.str.split(sep) if sep else pl.select(pl.concat_list(pl.lit(s))).to_series()
    items = parts.list.eval(pl.element().str.strip_chars()).list.eval(
        pl.element().filter(pl.element() != "")
    )
    items = where(items.list.len() > 0, items)
    return CastResult(items.alias(s.name), pl.repeat(False, s.len(), dtype=pl.Boolean, eager=True).alias(s.name))
