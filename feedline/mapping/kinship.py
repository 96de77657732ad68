"""Names that are the same across languages: cognates, inflected words, units of measure.

A header whose words are the field's words as another European language writes them
(``Prioritet`` = Priority, ``ID tranzacție`` = Transaction ID), or inflected forms of
words the vocabulary knows (``Lieferanten-Nr.`` = supplier id), or a header in the unit of
measure only one field is in (``Vægt kg`` = Weight (kg), ``Hodiny práce`` = Labour Hours:
CLDR unit names in every language). The scorers turn each into a ``cognate`` candidate,
calibrated on its own group (see ``bench/automap_calibrate.py``: leave-one-out
translations of the public cases' headers).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence, Set
from functools import lru_cache
from itertools import pairwise

from feedline.mapping.codelists import unit_names
from feedline.mapping.cognates import cognates_of, related
from feedline.mapping.normalize import Form, inflected
from feedline.mapping.vocabulary import stopwords, words

COGNATE_WORDS, COGNATE_PART = 0.8, 0.6  # raw scores: a whole name, part of one
MIN_COGNATE = 0.8  # word relatedness (feedline.mapping.cognates.related) that counts


def kin_words(hforms: Iterable[Form], index: Mapping[str, list[str]]) -> set[str]:
    """Indexed field words a header word is a cognate or an inflected meaning of."""
    return {x for hf in hforms for w in hf.expanded
            for x in (*cognates_of(w, index), *(inflected(w) or ()))}


def cognate_match(hforms: Sequence[Form], names: Sequence[Form],
                  ignore: Set[str] = frozenset()) -> tuple[float, str] | None:
    """(raw score, note) when the header's words are a field name's words spelt as in
    another language (``Categoria`` = category, ``Data înregistrării``: date + a word
    nobody knows), else None.

    Every header word must equal or be a cognate of a field word (or, for a partial
    match, the field's words all found among the header's). Sharing only words of
    ``ignore`` (an id word, the sheet's entity) is no evidence for a partial match.
    """
    best: tuple[float, str] | None = None
    stop = stopwords()
    for hf in hforms:
        hw, said_as = respelt([w for w in hf.expanded if w not in stop])
        if not hw:
            continue
        for nf in names:
            fw = [w for w in nf.expanded if w not in stop]
            if not fw:
                continue
            pairs: dict[int, tuple[str, float]] = {}
            for k, w in enumerate(hw):
                x, r = max(((x, 1.0 if x == w else related(w, x)) for x in fw), key=lambda t: t[1])
                if r >= MIN_COGNATE:
                    pairs[k] = (x, r)
            cognates = [(said_as.get(k, hw[k]), x, r) for k, (x, r) in pairs.items()
                        if hw[k] != x or k in said_as]
            if not cognates:
                continue
            shared = {x for x, _ in pairs.values()}
            sim = min(r for _, _, r in cognates)
            if len(pairs) == len(hw) and shared == set(fw):
                conf = COGNATE_WORDS * (0.5 + 0.5 * sim)
            elif shared <= ignore:
                continue
            elif shared == set(fw) or len(pairs) == len(hw):
                conf = (COGNATE_PART * (0.5 + 0.5 * sim)
                        * (0.9 + 0.1 * len(shared) / max(len(fw), len(hw))))
            else:
                continue
            if best is None or conf > best[0]:
                best = (round(conf, 4), "cognates: " + ", ".join(f"{a}={b}" for a, b, _ in cognates))
    return best


def respelt(ws: list[str]) -> tuple[list[str], dict[int, str]]:
    """The words with inflected forms of vocabulary words replaced by their meaning
    (``lieferanten`` -> supplier), and per replaced position what was written."""
    out: list[str] = []
    said: dict[int, str] = {}
    for w in ws:
        meaning = inflected(w)
        if meaning is None:
            out.append(w)
            continue
        for m in meaning:
            said[len(out)] = w
            out.append(m)
    return out, said


@lru_cache(maxsize=65536)
def units(name: str) -> frozenset[str]:
    """CLDR units a name is in (``Vægt (kg)``, ``Hodiny práce``, ``Floor Area (m²)``)."""
    names = unit_names()
    toks = words(name.replace("²", "2").replace("³", "3"))
    found = {names.get(t) for t in toks} | {names.get(f"{a} {b}") for a, b in pairwise(toks)}
    return frozenset(u for u in found if u is not None and not u.startswith("concentr"))


def unit_owners(field_names: Sequence[str]) -> dict[str, int]:
    """Units of measure exactly one of the fields is in -> that field's position."""
    holders: dict[str, list[int]] = {}
    for j, name in enumerate(field_names):
        for u in units(name):
            holders.setdefault(u, []).append(j)
    return {u: js[0] for u, js in holders.items() if len(js) == 1}


def same_unit(header: str, j: int, owners: Mapping[str, int]) -> str | None:
    """The unit (``square meter``) the header is in that only field ``j`` is in, if any."""
    shared = sorted(u for u in units(header) if owners.get(u) == j)
    return shared[0].split("-", 1)[-1].replace("-", " ") if shared else None


__all__ = ["COGNATE_PART", "COGNATE_WORDS", "cognate_match", "kin_words", "respelt",
           "same_unit", "unit_owners", "units"]
