"""Header normalization: words from any header style, plus the vocabulary lexicon.

The lexicon (phrase -> canonical English phrase, every language) is data: see
:mod:`feedline.mapping.vocabulary`. Words the lexicon does not know are split when they
are compounds of words it does (``Kundennummer`` = Kunden + Nummer = customer id).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from feedline.mapping.cognates import MIN_KEY as MIN_INFLECTED
from feedline.mapping.cognates import keys as cognate_keys
from feedline.mapping.vocabulary import header_lexicon, languages
from feedline.mapping.vocabulary import words as words

# The lexicon (header_lexicon) loads on first use, not on import: ``feedline run`` loads
# it on a thread while it reads the file (see feedline.mapping.assign.warm_up).


@lru_cache(maxsize=1)
def _canonical() -> frozenset[tuple[str, ...]]:
    """Phrases already in canonical form: they stay as they are."""
    return frozenset(header_lexicon().values())


@lru_cache(maxsize=1)
def _max_phrase() -> int:
    return max(len(k) for k in (*header_lexicon(), *_canonical()))


# Linking letters between the parts of a compound (Eintritt-s-datum, Kunde-n-nummer).
_LINKS = ("s", "n", "en", "e", "es", "er")
MIN_COMPOUND = 10  # a compound whose first part is unknown must be this long


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    """Single words the lexicon knows, as a phrase or as part of a canonical phrase."""
    out = {k[0] for k in header_lexicon() if len(k) == 1}
    out.update(w for target in header_lexicon().values() for w in target)
    return frozenset(out)


@lru_cache(maxsize=1)
def _english() -> frozenset[str]:
    """The words of the English vocabulary file. An English word is no compound of other
    languages' words: ``control`` is no cont + rol, ``support`` no supp + ort (a city)."""
    out: set[str] = set()
    for lang in languages():
        if lang.code == "en":
            for variant, canonical in lang.headers.items():
                out.update(variant, canonical)
            for canonical, variants in lang.values.items():
                out.update(canonical)
                for v in variants:
                    out.update(v)
    return frozenset(out)


def _head(part: str) -> tuple[str, ...] | None:
    """The lexicon meaning of a compound's first part, with a linking letter dropped."""
    lexicon = header_lexicon()
    for cut in ("", *_LINKS):
        stem = part[: -len(cut)] if cut else part
        if cut and not part.endswith(cut):
            continue
        if len(stem) >= 3 and (stem,) in lexicon:
            return lexicon[(stem,)]
        if len(stem) >= 3 and stem in _known():
            return (stem,)
    return None


# Number words that end compounds of any head (Sagsnr, Posteringsnummer): an identifier.
_NUMBER_TAILS = ("nummer", "number", "numero", "nr")
MIN_TRUNCATION = 4  # letters a truncated word (naiss = naissance) keeps, at least


@lru_cache(maxsize=65536)
def split_compound(word: str) -> tuple[tuple[str, ...], str] | None:
    """``kundennummer`` -> ((customer, id), note), or None when it is no known compound."""
    lexicon = header_lexicon()
    if len(word) < 6 or (word,) in lexicon or word in _known() or not word.isalpha() or word in _english():
        return None
    unknown_head: tuple[tuple[str, ...], str] | None = None  # the first split whose tail is known but whose head is not
    for i in range(len(word) - 2, 2, -1):
        head, tail = word[:i], word[i:]
        if tail not in _known() and (tail,) not in lexicon:
            continue
        meaning = lexicon.get((tail,), (tail,))
        front = _head(head)
        if front is not None:
            return (*front, *meaning), f"{word}={head}+{tail}"
        if unknown_head is None and len(word) >= MIN_COMPOUND and len(tail) >= 5 and len(head) >= 4:
            unknown_head = (head, *meaning), f"{word}={head}+{tail}"
    if unknown_head is not None:
        # no longer tail has a known head either (顧客電話番号 = 顧客 + 電話番号, not
        # 顧客電話 + 番号: customer phone, not an identifier of an unknown head)
        return unknown_head
    for tail in _NUMBER_TAILS:
        head = word[: -len(tail)]
        if word.endswith(tail) and len(head) >= 3:
            return (head, "id"), f"{word}={head}+{tail}"
    return None


@lru_cache(maxsize=1)
def _single_words() -> tuple[list[str], dict[str, tuple[str, ...]]]:
    """Sorted single words the vocabulary knows, and what each means."""
    meaning: dict[str, tuple[str, ...]] = {w: (w,) for w in _known()}
    meaning.update({k[0]: v for k, v in header_lexicon().items() if len(k) == 1})
    return sorted(meaning), meaning


@lru_cache(maxsize=65536)
def truncated(word: str) -> tuple[tuple[str, ...], str] | None:
    """``naiss`` -> the meaning of ``naissance``: a word cut short, when every word the
    vocabulary knows that it begins means the same and it keeps half its letters."""
    if len(word) < MIN_TRUNCATION or not word.isalpha() or word in _known() or (word,) in header_lexicon():
        return None
    ordered, meaning = _single_words()
    i = bisect.bisect_left(ordered, word)
    found: dict[tuple[str, ...], str] = {}
    while i < len(ordered) and ordered[i].startswith(word):
        full = ordered[i]
        if len(full) >= len(word) + 2 and 2 * len(word) >= len(full):
            found.setdefault(meaning[full], full)
        elif len(full) >= len(word) + 2:
            return None  # it also begins a word it keeps too little of: too short to tell
        i += 1
    if len(found) != 1:
        return None
    (target, full), = found.items()
    return target, f"{word}={full}"


@lru_cache(maxsize=1)
def _inflection_index() -> dict[str, set[tuple[str, ...]]]:
    """Spelling-neutral keys of the vocabulary's single words -> what they mean."""
    out: dict[str, set[tuple[str, ...]]] = {}
    for phrase, target in header_lexicon().items():
        if len(phrase) == 1:
            for k in cognate_keys(phrase[0]):
                if len(k) >= MIN_INFLECTED:
                    out.setdefault(k, set()).add(target)
    return out


@lru_cache(maxsize=65536)
def inflected(word: str) -> tuple[str, ...] | None:
    """What a word the vocabulary does not know means when it is an inflected or
    otherwise respelt form of one it does (``Lieferanten`` = Lieferant = supplier,
    ``empleados`` = empleado), the same word in every vocabulary language: None unless
    exactly one meaning comes out."""
    if (word,) in header_lexicon() or word in _known():
        return None
    found: set[tuple[str, ...]] = set()
    for k in cognate_keys(word):
        found |= _inflection_index().get(k, set())
    return next(iter(found)) if len(found) == 1 else None


@dataclass(frozen=True)
class Form:
    """A name as folded words and as lexicon-expanded words, with the expansions used."""

    raw: str
    words: tuple[str, ...]
    expanded: tuple[str, ...]
    notes: tuple[str, ...] = ()

    @cached_property
    def key(self) -> tuple[str, ...]:
        """Order-free comparison key of the expanded words (plural -s folded)."""
        return tuple(sorted(singular(w) for w in self.expanded))

    @cached_property
    def text(self) -> str:
        return " ".join(self.expanded)


def singular(word: str) -> str:
    """A light plural fold for comparison: ``employees`` -> ``employee``, ``cities`` -> ``city``."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# A party of a shipment names its side where a place is said of it: the consignee's city is
# the destination city, the consignor's country the origin country (canonical phrases).
_SIDES = {"consignee": "destination", "consignor": "origin"}
_PLACES = frozenset({"country", "city", "zip", "address", "street", "state"})


@lru_cache(maxsize=1)
def _english_lexicon() -> dict[tuple[str, ...], tuple[str, ...]]:
    """The English file's header phrases only."""
    return next((dict(lang.headers) for lang in languages() if lang.code == "en"), {})


def expand(tokens: Sequence[str], english: bool = False) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Replace lexicon phrases (longest first) and split known compounds; return (words,
    notes). ``english`` reads the English file's phrases only: a blueprint's field names
    are English, where ``data`` is no date (Italian), ``km`` no tax (Estonian)."""
    lexicon, canonical, longest = (_english_lexicon() if english else header_lexicon()), _canonical(), _max_phrase()
    out: list[str] = []
    notes: list[str] = []
    i = 0
    while i < len(tokens):
        for size in range(min(longest, len(tokens) - i), 0, -1):
            phrase = tuple(tokens[i : i + size])
            target = phrase if phrase in canonical and size > 1 else lexicon.get(phrase)
            if target is phrase:
                out.extend(phrase)
                i += size
                break
            if target is not None:
                out.extend(target)
                notes.append(f"{' '.join(phrase)}={' '.join(target)}")
                i += size
                break
        else:
            split = split_compound(tokens[i]) or truncated(tokens[i])
            if split is not None:
                meaning = split[0]
                # "DT_NAISS": date + (date of birth) says "date" once
                out.extend(meaning[1:] if out and meaning[0] == out[-1] and len(meaning) > 1 else meaning)
                notes.append(split[1])
            else:
                out.append(tokens[i])
            i += 1
    if _PLACES.intersection(out):
        for j, w in enumerate(out):
            if w in _SIDES:  # ``Empfänger Land``: the consignee's country is where goods go
                out[j] = _SIDES[w]
                notes.append(f"{w}={out[j]}")
    return tuple(out), tuple(notes)


def form(text: str, tokens: Sequence[str] | None = None, english: bool = False) -> Form:
    """Build the comparison form of a header or (``english``) a field's key or label."""
    toks = tuple(words(text) if tokens is None else tokens)
    expanded, notes = expand(toks, english)
    return Form(text, toks, expanded, notes)


def shared_prefix(headers: Sequence[str], share: float = 1.0) -> str | None:
    """The first word at least ``share`` of 3+ multi-word names start with (e.g. ``cust``)."""
    split = [words(h) for h in headers]
    if len(split) < 3 or (share >= 1.0 and any(len(w) < 2 for w in split)):
        return None
    firsts = [w[0] for w in split if len(w) >= 2]
    if not firsts:
        return None
    word, count = max(((w, firsts.count(w)) for w in set(firsts)), key=lambda wc: (wc[1], wc[0]))
    return word if count >= share * len(split) else None


_PARENTHESES = re.compile(r"\([^)]*\)")
_VERSION = re.compile(r"v\d+")  # ORDERID_V2: a version suffix is no part of the name


def header_forms(headers: Sequence[str]) -> list[list[Form]]:
    """Comparison forms per header: whole header, without shared prefix, last path segment,
    without a parenthesized remark (``Biodiversity (marker)``) or a version suffix (``_v2``)."""
    prefix = shared_prefix(headers)
    result = []
    for h in headers:
        toks = words(h)
        forms = [form(h, toks)]
        if prefix and toks and toks[0] == prefix:
            forms.append(form(h, toks[1:]))
        segments = [s for s in re.split(r"[/.]", h) if words(s)]
        if len(segments) > 1:
            forms.append(form(h, words(segments[-1])))
        bare = words(_PARENTHESES.sub(" ", h))
        if bare and bare != toks:
            forms.append(form(h, bare))
        if len(toks) > 1 and _VERSION.fullmatch(toks[-1]):
            forms.append(form(h, toks[:-1]))
        result.append(forms)
    return result


def memory_key(header: str) -> str:
    """How a header is remembered: folded words joined by single spaces."""
    return " ".join(words(header)) or header.strip().casefold()


def value_key(value: str) -> str:
    """How an enum value is compared: stripped, casefolded, whitespace collapsed."""
    return " ".join(value.casefold().split())
