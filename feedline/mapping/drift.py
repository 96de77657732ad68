"""Value signatures of columns, renamed-column inference and drift against the last plan.

A signature is a small JSON summary of a column's values (shapes, length, distinctness,
most frequent values). When a remembered column disappears and a new one appears whose
values look the same, the new column is probably the old one renamed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from typing import Any

import polars as pl
from rapidfuzz import fuzz

from feedline.mapping.normalize import memory_key, value_key
from feedline.mapping.scorers import Candidate, Profile

SHAPES = ("email", "date", "number", "boolean", "phone")
TOP_VALUES = 12
ENUM_LIKE = 0.5  # top values are kept only when at most this share of values is distinct
TOP_PATTERNS, MIN_PATTERN_SHARE = 4, 0.05  # value patterns ("a-9", "9.9.9") kept in a signature
NAME_BONUS = 0.1  # a rename whose names agree a little scores this much higher
SHAPE_TOLERANCE = 0.3
MIN_SIMILARITY = 0.85  # signatures less alike than this are never a rename
UNIQUE_MARGIN = 0.1  # the runner-up must trail by this much for the pair to be unambiguous
NAME_HINT = 0.3  # a name score this high (or similar headers) makes a rename "strong"


def signature(profile: Profile, series: pl.Series) -> dict[str, Any]:
    """A column's value signature: shape shares, blank share, mean length, distinct share,
    the most frequent values (enum-like columns only) and the most common value patterns."""
    s = series.head(5000).cast(pl.String).str.strip_chars()
    rows = s.len()
    s = s.filter(s.is_not_null() & (s != ""))
    mean = s.str.len_chars().mean() if s.len() else None
    length = float(mean) if isinstance(mean, int | float) else 0.0
    sig: dict[str, Any] = {k: round(float(getattr(profile, k)), 3) for k in SHAPES}
    sig["blank"] = round(1.0 - s.len() / rows, 3) if rows else 1.0
    sig["length"] = round(length, 2)
    sig["distinct"] = round(profile.distinct / profile.filled, 3) if profile.filled else 0.0
    sig["filled"] = profile.filled
    if profile.counts and sig["distinct"] <= ENUM_LIKE:
        ranked = sorted(profile.counts, key=lambda vc: (-vc[1], vc[0]))[:TOP_VALUES]
        sig["top"] = sorted({value_key(v) for v, _ in ranked})
    if s.len():
        masks = (s.str.to_lowercase().str.replace_all(r"\d+", "9")
                 .str.replace_all(r"[^\W\d_]+", "a").str.slice(0, 16))
        vc = masks.value_counts(sort=True)
        n = s.len()
        sig["patterns"] = sorted(str(m) for m, c in vc.head(TOP_PATTERNS).iter_rows()
                                 if c / n >= MIN_PATTERN_SHARE)
    return sig


def _enum_like(sig: Mapping[str, Any]) -> bool:
    return bool(sig.get("top")) and float(sig.get("distinct", 1.0)) <= ENUM_LIKE


def _sampled(sig: Mapping[str, Any]) -> bool:
    """True when the column has more distinct values than its top list holds: which of
    them make the list is a draw of the delivery (store numbers, postcodes), no signature."""
    return float(sig.get("distinct", 0)) * int(sig.get("filled", 0)) > TOP_VALUES + 0.5


def _jaccard(a: Any, b: Any) -> float:
    sa, sb = set(a or ()), set(b or ())
    return len(sa & sb) / len(sa | sb) if sa | sb else 1.0


def similarity(a: Mapping[str, Any], b: Mapping[str, Any]) -> float:
    """How alike two signatures are, 0..1; one differing value shape is enough to fail."""
    if not a.get("filled") or not b.get("filled"):
        return 0.0
    shape = 1.0 - max(abs(float(a.get(k, 0)) - float(b.get(k, 0))) for k in SHAPES)
    la, lb = float(a.get("length", 0)), float(b.get("length", 0))
    length = min(la, lb) / max(la, lb) if max(la, lb) else 1.0
    distinct = 1.0 - abs(float(a.get("distinct", 0)) - float(b.get("distinct", 0)))
    score = shape * (0.5 + 0.25 * length + 0.25 * distinct)
    if _enum_like(a) and _enum_like(b):
        if not (_sampled(a) or _sampled(b)):
            score = 0.6 * score + 0.4 * _jaccard(a.get("top"), b.get("top"))
    elif _enum_like(a) or _enum_like(b):
        score *= 0.85  # one side is enum-like, the other is not
    if a.get("patterns") and b.get("patterns"):
        score = 0.75 * score + 0.25 * _jaccard(a["patterns"], b["patterns"])
    if "blank" in a and "blank" in b:  # a mostly empty column is not a full one renamed
        score *= 1.0 - 0.5 * abs(float(a["blank"]) - float(b["blank"]))
    return round(score, 4)


def shapes_alike(a: Mapping[str, Any] | None, b: Mapping[str, Any] | None) -> bool:
    """True when two signatures have the same value shapes (no shape share moved > 0.3)."""
    if not a or not b or not a.get("filled") or not b.get("filled"):
        return False
    return max(abs(float(a.get(k, 0)) - float(b.get(k, 0))) for k in SHAPES) <= SHAPE_TOLERANCE


def infer_renames(
    vanished: Sequence[Any],
    headers: Sequence[str],
    signatures: Mapping[str, Mapping[str, Any]],
    candidates: Sequence[Mapping[str, Candidate]],
    new: Set[int] | None = None,
) -> dict[str, Candidate]:
    """New header -> candidate for the field a vanished, remembered column fed.

    ``vanished`` holds remembered decisions (``header``, ``field``, ``signature``, ``by``)
    of headers absent now; ``new`` the indexes of headers memory knows nothing about (all
    when None). A pair counts only when the signatures are alike and no other vanished or
    new column comes close. Its raw score is the signatures' similarity, plus
    :data:`NAME_BONUS` when the names agree a little; group ``renamed``.
    """
    if not vanished:
        return {}
    added = [i for i, h in enumerate(headers)
             if (new is None or i in new) and h in signatures]
    removed = [r for r in vanished if r.signature]
    if not removed or not added:
        return {}
    sims = {(k, i): similarity(r.signature, signatures[headers[i]])
            for k, r in enumerate(removed) for i in added}
    out: dict[str, Candidate] = {}
    for k, r in enumerate(removed):
        ranked = sorted(added, key=lambda i: -sims[(k, i)])
        i = ranked[0]
        best = sims[(k, i)]
        if best < MIN_SIMILARITY:
            continue
        if len(ranked) > 1 and sims[(k, ranked[1])] > best - UNIQUE_MARGIN:
            continue
        if any(sims[(o, i)] > best - UNIQUE_MARGIN for o in range(len(removed)) if o != k):
            continue
        header = headers[i]
        names = fuzz.token_set_ratio(memory_key(r.header), memory_key(header)) / 100.0
        name_score = candidates[i].get(r.field)
        hinted = names >= 0.5 or (
            name_score is not None and name_score.reason_code != "values"
            and name_score.confidence >= NAME_HINT
        )
        who = "a person" if r.by == "person" else "automap"
        reason = (
            f'column "{r.header}" ({who} mapped it to "{r.field}"'
            + (f" on {r.when}" if r.when else "") + f') seems renamed to "{header}": '
            f"values look alike ({best:.0%})"
        )
        if not hinted:
            reason += ", but the names have nothing in common"
        score = round(best + (NAME_BONUS if hinted else 0.0), 4)
        out[header] = Candidate(r.field, score, "renamed", reason, group="renamed")
    return out


def drift(
    last: Mapping[str, Any] | None, headers: Sequence[str], mapping: Mapping[str, str | None]
) -> dict[str, Any] | None:
    """Columns added, removed and renamed since the last accepted plan (None without one).

    ``mapping`` is the new plan's {source: field}; a vanished column whose field is now fed
    by a new column counts as renamed.
    """
    if not last:
        return None
    old_headers: list[str] = list(last.get("headers", []))
    old_map: Mapping[str, str | None] = last.get("mapping") or {}
    now = {memory_key(h): h for h in headers}
    before = {memory_key(h): h for h in old_headers}
    removed = [h for k, h in before.items() if k not in now]
    added = [h for k, h in now.items() if k not in before]
    renamed: dict[str, str] = {}
    for old in removed:
        field = old_map.get(old)
        new = next((h for h in added if field and mapping.get(h) == field), None)
        if new is not None:
            renamed[old] = new
    common_old = [memory_key(h) for h in old_headers if memory_key(h) in now]
    common_new = [memory_key(h) for h in headers if memory_key(h) in before]
    return {
        "previous_headers": old_headers,
        "added": [h for h in added if h not in renamed.values()],
        "removed": [h for h in removed if h not in renamed],
        "renamed": renamed,
        "reordered": common_old != common_new,
        "changed": bool(removed or added),
    }


def describe(d: Mapping[str, Any] | None) -> str:
    """One line for people: what changed since the last accepted plan."""
    if not d:
        return "no earlier accepted plan to compare with"
    parts = [f'"{o}" renamed to "{n}"' for o, n in d["renamed"].items()]
    parts += [f'"{h}" added' for h in d["added"]] + [f'"{h}" removed' for h in d["removed"]]
    if d["reordered"]:
        parts.append("columns reordered")
    return "; ".join(parts) if parts else "same columns as last time"
