"""Computed fields: a Python expression over the sheet's fields, or a ``module:function`` hook.

An expression such as ``amount * quantity`` or ``pl.concat_str([first_name, last_name],
separator=" ")`` is evaluated once per column with each field name bound to
``pl.col(name)``, so it runs vectorized. A hook receives the typed values frame and
returns a ``pl.Series``, a ``pl.Expr`` or a list with one value per row.
"""

from __future__ import annotations

import ast
import builtins
import importlib
import re
from collections.abc import Callable
from typing import Any

from feedline.errors import BlueprintError

HOOK = re.compile(r"^[A-Za-z_][\w.]*:[A-Za-z_]\w*$")
SAFE_BUILTINS = ("abs", "min", "max", "round", "len", "str", "int", "float", "bool")


def is_hook(text: str) -> bool:
    """True when ``text`` names a ``module:function`` hook rather than an expression."""
    return bool(HOOK.match(text))


def check_computed(text: str, keys: list[str], where: str) -> None:
    """Refuse an expression that does not parse, or names something that is not a field."""
    if is_hook(text):
        return
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as exc:
        raise BlueprintError(f"{where}: computed expression {text!r} is not valid Python: "
                             f"{exc.msg}") from None
    allowed = {*keys, "pl", *SAFE_BUILTINS}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id not in allowed:
            raise BlueprintError(f"{where}: computed expression {text!r} names {node.id!r}, "
                                 f"which is not a field of the sheet")
        if isinstance(node, ast.Attribute) and node.attr.startswith("_"):
            raise BlueprintError(f"{where}: computed expression {text!r} uses a private "
                                 f"attribute {node.attr!r}")


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
    """The computed column for ``frame`` (typed values): a Series, an Expr or a list."""
    import polars as pl

    if is_hook(text):
        return load_callable(text)(frame)
    names: dict[str, Any] = {key: pl.col(key) for key in frame.columns}
    names["pl"] = pl
    scope = {"__builtins__": {n: getattr(builtins, n) for n in SAFE_BUILTINS}}
    return eval(compile(text, "<computed>", "eval"), scope, names)
