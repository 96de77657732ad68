"""Words European languages share: a spelling-neutral key and a cognate test.

``departamento`` = department, ``salario`` = salary, ``Kategorie`` = category,
``tranzacție`` = transaction, ``Priorität`` = priority: Romance and Germanic languages
write the Latin and Greek stock of business words with regular differences (c/k, f/ph,
i/y, s/z, v/w, doubled letters, the suffix families -tion/-ción/-zione/-tie/-cja/-sjon
(and the cases of romanized Slavic -ция/-ција: ``registratsii`` = registration),
-ity/-ité/-idad/-ità/-ität/-iteit/-itet, -ic/-ique/-ico/-isch/-ik, and inflection
endings). :func:`key` removes those differences; :func:`related` says whether two words
are the same word in two languages. No word list: this carries to languages nobody
wrote a vocabulary for. A cognate is evidence of a moderate kind (false friends exist:
Norwegian ``kost`` is board, not cost), calibrated in its own group.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

# Suffix families, longest first: each becomes one spelling.
_SUFFIXES = (
    (re.compile(r"(?:zione|zioni|ziones|ciones|cion|cao|coes|tion|tions|tie|ties|cja|cje|sjon|sjoner|syon|tsioon|tsiya|tsii|tsiyu|tsiei|tsija|tsije|tsiji|tsiju)$"), "tion"),
    (re.compile(r"(?:itaet|itat|itate|itet|iteit|itaten|idad|idades|idade|idades|ita|ite|ity|ities|itas)$"), "ity"),
    (re.compile(r"(?:ical|icale|icali|ikal|ique|iques|ico|ica|icos|icas|isch|ische|isk|iska|iske|ik|iko|ikus|ic|ics)$"), "ic"),
    (re.compile(r"(?:ancia|encia|ancie|encie|anza|enza|anz|enz|ance|ence|anse|ense)$"), "ence"),
    (re.compile(r"(?:mento|mente|ment|ments|menti)$"), "ment"),
    (re.compile(r"(?:ario|aria|arios|ary|aire|ar|aer)$"), "ary"),
    # Past participles: confirmed, confirmado, confermato, confirmé; estimated, estimado.
    (re.compile(r"(?<=[a-z]{5})(?:ated|ados|adas|ado|ada|ato|ata|ati|ate|ed|idos|idas|ido|ida|ito|ita|iti"
                r"|eerd|iert|ert)$"), ""),
)
_SPELLING = (("ph", "f"), ("th", "t"), ("ch", "c"), ("qu", "c"), ("k", "c"), ("y", "i"), ("z", "s"),
             ("w", "v"), ("j", "i"))
_LATIN_TI = re.compile(r"(?<=[aeiou])c[ij](?=[aeiou])")  # paciente, pacjent = patient
_DOUBLE = re.compile(r"(.)\1+")
_ENDING = re.compile(r"(?<=[a-z]{3})(?:[aeiou]{1,2}[sn]?|s|en|er)$")
MIN_KEY = 5  # shorter keys say too little (kod, tip; monto is no month)
MIN_PREFIX = 5  # keys that differ must share this many first letters
MIN_SIMILARITY = 0.8  # and be this similar (normalized edit distance)
MIN_RELATED = 0.8  # related() at least this much: a cognate
MIN_TRUNCATED, TRUNCATED = 6, 0.85  # a key that begins the other (elektro = electric)


@lru_cache(maxsize=65536)
def key(word: str) -> str:
    """The spelling-neutral key of one folded word (``kategorie`` -> ``categor``)."""
    return _keys(word)[-1]


@lru_cache(maxsize=65536)
def _keys(word: str) -> tuple[str, ...]:
    """The word's spelling-neutral form, with and without an inflection ending."""
    w = word
    for pattern, repl in _SUFFIXES:
        if len(w) >= 6:
            new = pattern.sub(repl, w)
            if new != w:
                w = new
                break
    w = _LATIN_TI.sub("ti", w)
    for a, b in _SPELLING:
        w = w.replace(a, b)
    w = _DOUBLE.sub(r"\1", w)
    if w.endswith(("tion", "ity", "ic", "ment", "ary", "ence")):
        return (w,)
    bare = _ENDING.sub("", w)
    return (w, bare) if bare != w else (w,)


@lru_cache(maxsize=262144)
def related(a: str, b: str) -> float:
    """How surely two folded words are one word in two languages (0 = not at all, 1 = same key)."""
    if a == b:
        return 1.0
    if not (a.isalpha() and b.isalpha()):
        return 0.0
    if any(len(k) >= MIN_KEY for k in set(_keys(a)) & set(_keys(b))):
        return 1.0
    ka, kb = key(a), key(b)
    if len(ka) < MIN_KEY or len(kb) < MIN_KEY:
        return 0.0
    short, long_ = sorted((ka, kb), key=len)
    if len(short) >= MIN_TRUNCATED and long_.startswith(short) and len(long_) - len(short) <= 2:
        return TRUNCATED
    prefix = 0
    for x, y in zip(ka, kb, strict=False):
        if x != y:
            break
        prefix += 1
    if prefix < MIN_PREFIX:
        return 0.0
    sim = Levenshtein.normalized_similarity(ka, kb)
    return sim if sim >= MIN_SIMILARITY else 0.0


def keys(word: str) -> tuple[str, ...]:
    """Every spelling-neutral key of a word (with and without its inflection ending)."""
    return _keys(word) if word.isalpha() else ()


def cognate_index(words: Iterable[str]) -> dict[str, list[str]]:
    """Words by the first letters of their key: every cognate pair shares them."""
    out: dict[str, list[str]] = {}
    for w in words:
        if w.isalpha():
            for k in set(_keys(w)):
                if len(k) >= MIN_KEY - 1:
                    out.setdefault(k[: MIN_KEY - 1], []).append(w)
    return out


def cognates_of(word: str, index: Mapping[str, list[str]]) -> set[str]:
    """The indexed words ``word`` is a cognate of (itself excluded)."""
    if not word.isalpha():
        return set()
    found = set()
    for k in set(_keys(word)):
        for other in index.get(k[: MIN_KEY - 1], ()):
            if other != word and related(word, other) >= MIN_RELATED:
                found.add(other)
    return found


__all__ = ["cognate_index", "cognates_of", "key", "keys", "related"]
