"""Computed fields: a SQL expression over the sheet's fields, or a ``module:function`` hook.

An expression is a Polars SQL expression over the record's columns, e.g. ``amount *
quantity``, ``first_name || ' ' || last_name``, ``CASE WHEN total > 100 THEN 'big' ELSE
'small' END``, ``UPPER(email)``, ``EXTRACT(YEAR FROM order_date)``. It is blueprint text
(data from whoever writes blueprints), so it is never handed to Python: the loader checks
it token by token against what a computed field may use (the sheet's fields, literals,
operators, ``CASE``/``CAST`` and a list of scalar functions; no subqueries, aggregates,
table or file-reading functions), then Polars parses it once; it runs vectorized as a
``pl.Expr``. A hook is code the operator installed: it receives the typed values frame
and returns a ``pl.Series``, a ``pl.Expr`` or a list with one value per row.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from feedline.errors import BlueprintError

HOOK = re.compile(r"^[A-Za-z_][\w.]*:[A-Za-z_]\w*$")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FUNCTIONS = _words("""
    ABS CBRT CEIL CEILING DIV EXP FLOOR LN LOG LOG10 LOG1P LOG2 MOD PI POW POWER ROUND SIGN
    SQRT DEGREES RADIANS SIN COS TAN ASIN ACOS ATAN ATAN2 COT
    BIT_LENGTH CHAR_LENGTH CHARACTER_LENGTH CONCAT CONCAT_WS ENDS_WITH INITCAP LEFT LENGTH
    LOWER LPAD LTRIM NORMALIZE OCTET_LENGTH REGEXP_LIKE REPLACE REVERSE RIGHT RPAD RTRIM
    SPLIT_PART STARTS_WITH STRPOS STRPTIME SUBSTR SUBSTRING TRIM UPPER
    COALESCE GREATEST IF IFNULL LEAST NULLIF
    DATE DATE_PART EXTRACT STRFTIME TIMESTAMP
    CAST TRY_CAST
""")
"""Scalar functions a computed expression may call (one value per record in, one out)."""

KEYWORDS = _words("""
    AND OR NOT IS NULL TRUE FALSE IN LIKE ILIKE BETWEEN DISTINCT FROM FOR AS
    CASE WHEN THEN ELSE END INTERVAL BOTH LEADING TRAILING
    INT INTEGER BIGINT SMALLINT TINYINT INT2 INT4 INT8 UNSIGNED FLOAT FLOAT4 FLOAT8 REAL
    DOUBLE PRECISION DECIMAL NUMERIC VARCHAR CHAR CHARACTER VARYING TEXT STRING BOOLEAN
    BOOL TIME DATETIME
    MILLENNIUM CENTURY DECADE YEAR ISOYEAR QUARTER MONTH WEEK DAY DOW ISODOW DOY HOUR
    MINUTE SECOND MILLISECOND MILLISECONDS MICROSECOND MICROSECONDS NANOSECOND NANOSECONDS
    EPOCH YEARS MONTHS WEEKS DAYS HOURS MINUTES SECONDS
""")
"""Words of the expression language itself (operators, ``CASE``, type and date-part names)."""

_QUERY_WORDS = _words("""
    SELECT WITH VALUES TABLE UNION INTERSECT EXCEPT JOIN WHERE GROUP HAVING ORDER LIMIT
    OFFSET EXISTS ANY ALL SOME OVER PARTITION WINDOW INTO LATERAL UNNEST
""")
_TOKEN = re.compile(r"""
      (?P<space>\s+)
    | (?P<string>'(?:[^']|'')*')
    | (?P<quoted>"(?:[^"]|"")+")
    | (?P<number>(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)
    | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
    | (?P<operator>\|\||::|<>|<=|>=|!=|//|[-+*/%=<>(),])
""", re.VERBOSE)
_MAX_CHARS = 4000


def is_hook(text: str) -> bool:
    """True when ``text`` names a ``module:function`` hook rather than an expression."""
    return bool(HOOK.match(text))


def check_computed(text: str, keys: list[str], where: str) -> None:
    """Refuse an expression that uses anything but the sheet's fields, literals, operators
    and the allowed functions, or that Polars cannot parse (``where`` names the field)."""
    if is_hook(text):
        return
    try:
        names = _check_tokens(text, set(keys))
        expr = compile_expression(text)
    except ValueError as exc:
        raise BlueprintError(f"{where}: computed expression {text!r}: {exc}") from None
    unknown = [n for n in expr.meta.root_names() if n not in keys]
    if unknown or not names <= set(keys):  # the parser and the token check must agree
        raise BlueprintError(f"{where}: computed expression {text!r}: names "
                             f"{(unknown or sorted(names - set(keys)))[0]!r}, which is not "
                             "a field of the sheet")


def _check_tokens(text: str, keys: set[str]) -> set[str]:
    """The field names ``text`` uses; ``ValueError`` with the reason for the first thing
    (in reading order) a computed expression may not use."""
    if len(text) > _MAX_CHARS:
        raise ValueError(f"it is longer than {_MAX_CHARS} characters")
    tokens = list(_tokens(text))
    names: set[str] = set()
    for i, (kind, value, at) in enumerate(tokens):
        following = tokens[i + 1][1] if i + 1 < len(tokens) else ""
        upper = value.upper()
        if kind == "invalid":
            raise ValueError(f"unexpected character {value!r} at position {at + 1}")
        if kind == "quoted":
            name = value[1:-1].replace('""', '"')
            if name not in keys:
                raise ValueError(f"names {name!r}, which is not a field of the sheet")
            names.add(name)
        elif kind != "word":
            continue
        elif value in keys:
            names.add(value)
        elif upper in _QUERY_WORDS:
            raise ValueError(f"uses {upper}: subqueries, aggregates over rows and table "
                             "functions are not allowed in a computed field")
        elif following == "(" and upper not in KEYWORDS:
            _check_function(value)
        elif upper not in KEYWORDS and upper not in FUNCTIONS:
            raise ValueError(f"names {value!r}, which is not a field of the sheet")
    return names


def _check_function(name: str) -> None:
    if name.upper() in FUNCTIONS:
        return
    if re.match(r"(?i)^(read|scan|write|sink|copy|load|import|open)(_|$)", name):
        raise ValueError(f"calls {name}(), which would read or write files: not allowed")
    raise ValueError(f"calls {name}(), which is not an allowed function (scalar functions "
                     "only: see the computed fields documentation)")


def _tokens(text: str) -> Iterator[tuple[str, str, int]]:
    """``(kind, text, position)`` of each token; a character no token starts with is an
    ``invalid`` token (reported when the check reaches it)."""
    pos = 0
    while pos < len(text):
        found = _TOKEN.match(text, pos)
        if found is None:
            yield "invalid", text[pos], pos
            pos += 1
            continue
        kind = found.lastgroup or ""
        if kind != "space":
            yield kind, found.group(), pos
        pos = found.end()


@lru_cache(maxsize=512)
def compile_expression(text: str) -> Any:
    """The Polars expression for a (checked) SQL expression; ``ValueError`` when Polars
    cannot parse it."""
    import polars as pl

    try:
        return pl.sql_expr(text)
    except Exception as exc:  # Polars raises several kinds; the reason is its message
        first = " ".join(str(exc).split("\n")[0].split())[:200] or type(exc).__name__
        raise ValueError(f"it does not parse as SQL: {first}") from None


def load_callable(ref: str) -> Callable[..., Any]:
    """Import ``module:function`` (``module.sub:attr`` too)."""
    module_name, _, attr = ref.partition(":")
    module = importlib.import_module(module_name)
    try:
        target = getattr(module, attr)
    except AttributeError:
        raise ImportError(f"module {module_name!r} has no attribute {attr!r}") from None
    return target


def evaluate(text: str, frame: Any) -> Any:
    """The computed column for ``frame`` (typed values): a ``pl.Expr`` for an expression,
    whatever the hook returns (a Series, an Expr or a list) for a hook."""
    if is_hook(text):
        return load_callable(text)(frame)
    return compile_expression(text)
