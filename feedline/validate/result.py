"""The outcome of a validation, and the records it becomes (built with Polars, not per row)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import polars as pl

from feedline.validate.hooks import HookFailure

# Message type of a failed cast, and its text ({} is the trimmed source value).
CAST_ERRORS: dict[str, tuple[str, str]] = {
    "number": ("invalid-number", '"{}" is not a number'),
    "integer": ("invalid-integer", '"{}" is not a whole number'),
    "boolean": ("invalid-boolean", '"{}" is not a yes/no value'),
    "date": ("invalid-date", '"{}" is not a valid date'),
    "datetime": ("invalid-datetime", '"{}" is not a valid date and time'),
    "enum": ("invalid-option", '"{}" is not one of: {}'),
}
CAST_ERROR_TYPES = frozenset(kind for kind, _ in CAST_ERRORS.values())
MESSAGE_FIELDS = ("field", "type", "level", "message")


def _fragment(column: pl.Expr, name: str) -> pl.Expr:
    """One cell as JSON text (``"x"``, ``1.5``, ``null``, ``["a"]``), via struct encoding."""
    prefix = '{"' + name + '":'
    return pl.struct(column.alias(name)).struct.json_encode().str.strip_prefix(prefix) \
        .str.strip_suffix("}")


@dataclass
class Validated:
    """The outcome of :func:`feedline.validate.validate`.

    ``raw`` holds the text per field (the partner's, or what a hook set), ``values`` the
    typed values (null where empty or where the cast failed), ``messages`` one row per
    problem (``row`` is the 0-based data row; ``field`` null for a whole-record message),
    ``valid`` whether a row has no error, ``failed`` which cells did not cast, and
    ``hook_failures`` the hooks that raised.
    """

    raw: pl.DataFrame
    values: pl.DataFrame
    messages: pl.DataFrame
    valid: pl.Series
    failed: pl.DataFrame | None = None
    hook_failures: list[HookFailure] = field(default_factory=list)

    def _failed(self) -> pl.DataFrame:
        if self.failed is not None:
            return self.failed
        bad = self.messages.filter(pl.col("type").is_in(list(CAST_ERROR_TYPES)))
        rows = pl.Series(range(self.values.height), dtype=pl.UInt32)
        return pl.DataFrame({key: rows.is_in(bad.filter(pl.col("field") == key)["row"].implode())
                             for key in self.values.columns})

    def record_frame(self) -> pl.DataFrame:
        """``row``, ``values`` and ``messages`` as JSON text, and ``valid``: one row per
        record, built column-wise in Polars. A failed cell shows its text."""
        failed = self._failed()
        parts: list[pl.Expr | str] = ["{"]
        for i, key in enumerate(self.values.columns):
            typed = _fragment(pl.col(key), key)
            if failed[key].any():
                shown = _fragment(pl.col(f"\x00raw:{key}"), key)
                typed = pl.when(pl.col(f"\x00failed:{key}")).then(shown).otherwise(typed)
            parts += [("," if i else "") + '"' + key + '":', typed]
        parts.append("}")
        extra = {f"\x00raw:{k}": self.raw[k] for k in self.values.columns if failed[k].any()}
        extra.update({f"\x00failed:{k}": failed[k] for k in self.values.columns if failed[k].any()})
        values = self.values.with_columns(**extra).select(
            pl.concat_str([pl.lit(p) if isinstance(p, str) else p for p in parts]).alias("values"))
        grouped = (
            self.messages.select("row", pl.struct(*MESSAGE_FIELDS).struct.json_encode().alias("m"))
            .group_by("row", maintain_order=True).agg(pl.col("m").str.join(","))
        )
        rows = pl.DataFrame({"row": pl.Series(range(self.values.height), dtype=pl.UInt32)})
        messages = rows.join(grouped, on="row", how="left", maintain_order="left").select(
            pl.concat_str([pl.lit("["), pl.col("m").fill_null(""), pl.lit("]")]).alias("messages"))
        return pl.DataFrame([rows["row"].cast(pl.Int64), values["values"], messages["messages"],
                             self.valid.alias("valid")])

    def to_records(self) -> list[dict[str, Any]]:
        """One JSON-friendly dict per row: ``values``, ``messages`` and ``valid``.

        A cell whose cast failed shows the text the partner sent, so whoever fixes it sees
        the original; empty cells are None.
        """
        values = self.values.to_dicts()
        failed = self._failed()
        for key in self.values.columns:
            if failed[key].any():
                rows = pl.Series(range(self.values.height)).filter(failed[key]).to_list()
                for row, text in zip(rows, self.raw[key].filter(failed[key]).to_list(), strict=True):
                    values[row][key] = text
        grouped: dict[int, list[dict[str, Any]]] = {}
        if self.messages.height:
            agg = (self.messages.group_by("row", maintain_order=True)
                   .agg(pl.struct(*MESSAGE_FIELDS).alias("m")))
            grouped = dict(zip(agg["row"].to_list(), agg["m"].to_list(), strict=True))
        return [
            {"values": v, "messages": grouped.get(i, []), "valid": ok}
            for i, (v, ok) in enumerate(zip(values, self.valid.to_list(), strict=True))
        ]

    def counts(self) -> dict[str, Any]:
        """Row totals and message counts by type, by field and type, and by level."""
        return message_counts(self.messages, self.valid)


def message_counts(messages: pl.DataFrame, valid: pl.Series) -> dict[str, Any]:
    """Row totals and message counts (``by_type``, ``by_field`` {field: {type: n}},
    ``by_level``); whole-record messages count under the field ``""``."""
    by_field: dict[str, dict[str, int]] = {}
    msgs = messages.with_columns(pl.col("field").fill_null(""))
    grouped = msgs.group_by("field", "type").len().sort("field", "type")
    for name, kind, n in grouped.iter_rows():
        by_field.setdefault(name, {})[kind] = n
    by_type = msgs.group_by("type").len().sort("type")
    by_level = msgs.group_by("level").len().sort("level")
    n_valid = int(valid.sum())
    return {
        "rows": valid.len(),
        "valid": n_valid,
        "invalid": valid.len() - n_valid,
        "by_type": dict(by_type.iter_rows()),
        "by_field": by_field,
        "by_level": dict(by_level.iter_rows()),
    }
