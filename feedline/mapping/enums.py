"""Map the distinct values of an enum column onto the field's options.

Per value, the first rule that finds exactly one option wins: memory (a person's or an
executed plan's decision) -> the option's value or label (case, spaces, ``_``, ``&``) ->
a code list (country, currency and language codes and names) -> the vocabulary (other
languages, synonyms: ``Vollzeit`` = full time) -> initials (``FT`` = Full time,
``R&D``) -> an abbreviation or truncation (``Mgmt``, ``FIN SVC``, ``TECH``) -> a close
spelling. Values that match nothing are listed with ``option: None``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process

from feedline.blueprint.model import Field
from feedline.mapping.abbrev import abbreviates
from feedline.mapping.codelists import code_list
from feedline.mapping.normalize import value_key
from feedline.mapping.plan import EnumValueMapping
from feedline.mapping.vocabulary import negations, stopwords, value_lexicon, words

Match = tuple[str, float, str]  # option value, confidence, reason
_ENDINGS = ("s", "e", "en", "es", "er")  # inflections of Germanic and Romance adjectives
Words = tuple[str, ...]


def _meanings(ws: Words) -> list[Words]:
    """The words themselves, then what the vocabulary says they mean (most likely first)."""
    return [ws, *value_lexicon().get(ws, ())]


@lru_cache(maxsize=256)
def _index(field: Field) -> tuple[dict[str, Match], dict[Words, set[str]], str | None]:
    """Exact spellings -> match; option meanings (words) -> options; the code list kind."""
    index: dict[str, Match] = {}
    meanings: dict[Words, set[str]] = {}
    for o in field.options:
        index.setdefault(value_key(o.value), (o.value, 1.0, "option value"))
        index.setdefault(value_key(o.value.replace("_", " ")), (o.value, 0.98, "option value"))
        index.setdefault(value_key(o.label), (o.value, 0.98, "option label"))
        index.setdefault(value_key(o.label.replace("&", "and")), (o.value, 0.97, "option label"))
        for name in (o.label, o.value.replace("_", " ")):
            for m in _meanings(tuple(words(name))):
                meanings.setdefault(m, set()).add(o.value)
    listed = code_list(field)
    if listed is not None:
        kind, spellings = listed
        for spelling, option in spellings.items():
            index.setdefault(spelling, (option, 0.95, f"{kind} {option}"))
    return index, meanings, listed[0] if listed else None


def _initials(ws: Words) -> set[str]:
    """Initials of a label, with and without its stop words (``Research & Development``)."""
    content = [w for w in ws if w not in stopwords()]
    return {"".join(w[0] for w in ws), "".join(w[0] for w in content)} - {""}


@lru_cache(maxsize=256)
def _shapes(field: Field) -> list[tuple[str, list[Words]]]:
    """Per option, the word forms initials and abbreviations are compared against."""
    out = []
    for o in field.options:
        forms: list[Words] = []
        for name in (o.label, o.value.replace("_", " ")):
            for m in _meanings(tuple(words(name))):
                if m and m not in forms:
                    forms.append(m)
        out.append((o.value, forms))
    return out


def _unique(found: set[str]) -> str | None:
    return next(iter(found)) if len(found) == 1 else None


def _stems(ws: Words) -> list[Words]:
    """Inflected forms of a one-word value without its ending (``voltijds`` -> ``voltijd``)."""
    if len(ws) != 1:
        return []
    w = ws[0]
    return [(w[: -len(end)],) for end in _ENDINGS if w.endswith(end) and len(w) - len(end) >= 4]


def _negated(ws: Words, field: Field) -> str | None:
    """``not active`` / ``nicht aktiv`` -> the option labelled ``inactive`` (in-, un-, non-)."""
    if len(ws) < 2 or ws[0] not in negations():
        return None
    rest = match_value(" ".join(ws[1:]), field)
    if rest is None:
        return None
    base = next((tuple(words(o.label)) for o in field.options if o.value == rest[0]), ())
    if len(base) != 1:
        return None
    wanted = {(p + base[0],) for p in ("in", "un", "non")} | {(n, base[0]) for n in ("not", "non")}
    return _unique({o.value for o in field.options if tuple(words(o.label)) in wanted
                    or tuple(words(o.value)) in wanted})


@lru_cache(maxsize=65536)
def match_value(raw: str, field: Field) -> Match | None:
    """Best option for one source value, or None when nothing fits well enough."""
    key = value_key(raw)
    if not key:
        return None
    index, meanings, listed = _index(field)
    if key in index:
        return index[key]
    if listed == "country":
        return None  # country codes are too short for initials, prefix or fuzzy guesses
    ws = tuple(words(raw))
    for m in _meanings(ws)[1:]:
        hit = _unique(meanings.get(m, set()))
        if hit is not None:
            return hit, 0.93, f'"{key}" means "{" ".join(m)}"'
    for stem in _stems(ws):
        for m in _meanings(stem):
            hit = _unique(meanings.get(m, set()))
            if hit is not None:
                return hit, 0.9, f'"{key}" is a form of "{" ".join(m)}"'
    negated = _negated(ws, field)
    if negated is not None:
        return negated, 0.88, f'"{key}" negates an option: "{negated}"'
    letters = "".join(ws)
    if 2 <= len(letters) <= 5 and len(ws) <= 2 and letters.isalpha():
        hit = _unique({o for o, forms in _shapes(field) for f in forms
                       if len(f) > 1 and letters in _initials(f)})
        if hit is not None:
            return hit, 0.88, f'"{key}" are the initials of "{hit}"'
    if ws and len(letters) >= 2:
        hit = _unique({o for o, forms in _shapes(field) for f in forms
                       if abbreviates(ws, f) or abbreviates(ws, tuple(w for w in f if w not in stopwords()))})
        if hit is not None and (len(letters) >= 3 or len(ws) > 1):
            return hit, 0.85, f'abbreviation of "{hit}"'
    if len(key) >= 3 and key.isalpha():
        starts = {m[0] for k, m in index.items() if k.startswith(key)}
        if len(starts) == 1:
            option = starts.pop()
            return option, 0.85, f'abbreviation of "{option}"'
    if len(key) >= 4 and listed is None:
        best = process.extract(key, list(index), scorer=fuzz.ratio, limit=2, score_cutoff=88)
        options = {index[k][0] for k, _, _ in best}
        if len(options) == 1:
            return index[best[0][0]][0], 0.8, f'similar to "{best[0][0]}"'
    return None


def _remembered(entry: Any) -> tuple[str | None, str]:
    """(option, who) of a remembered value: a plain option string or (option, by)."""
    if isinstance(entry, tuple):
        return entry[0], entry[1]
    return entry, "automap"


def map_enum_values(
    counts: Mapping[str, int] | Iterable[tuple[str, int]],
    field: Field,
    *,
    remembered: Mapping[str, Any] | None = None,
) -> list[EnumValueMapping]:
    """Map each distinct source value (with its count) of ``field`` to an option or None.

    ``remembered`` holds normalized value -> option (or (option, "person"|"automap"))
    learnt from earlier plans; a person's "no option" (invalid value) is kept too.
    """
    items = list(counts.items()) if isinstance(counts, Mapping) else list(counts)
    options = {o.value for o in field.options}
    result = []
    for raw, count in items:
        key = value_key(raw)
        if remembered and key in remembered:
            option, who = _remembered(remembered[key])
            if option in options:
                reason = "remembered: a person chose it" if who == "person" else "remembered"
                result.append(EnumValueMapping(raw, option, count, 0.99, reason))
                continue
            if option is None and who == "person":
                result.append(EnumValueMapping(raw, None, count, 0.99,
                                               "remembered: a person marked it invalid"))
                continue
        found = match_value(raw, field)
        if found is None:
            reason = f'no option of "{field.key}" matches "{raw.strip()}"'
            result.append(EnumValueMapping(raw, None, count, 0.0, reason))
        else:
            option, conf, why = found
            result.append(EnumValueMapping(raw, option, count, conf, why))
    return result


def known_share(
    counts: Mapping[str, int], field: Field, remembered: Mapping[str, Any] | None = None
) -> float:
    """Share of value occurrences that map to some option (0 when there are none).

    ``remembered`` (normalized value -> option, or (option, by)) counts as mapped.
    """
    total = sum(counts.values())
    if not total:
        return 0.0
    known = {k for k, v in (remembered or {}).items() if _remembered(v)[0] is not None}
    hit = sum(n for v, n in counts.items()
              if value_key(v) in known or match_value(v, field) is not None)
    return hit / total
