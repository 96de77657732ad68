"""Map the distinct values of an enum column onto the field's options.

Per value, the first rule that finds exactly one option wins: memory (a person's or an
executed plan's decision) -> the option's value or label (case, spaces, ``_``, ``&``, a
final stop) ->
a code list (country, currency and language codes and names; for countries also a
people's adjective) -> the same words with a number as a digit or a word (``1-off`` =
One-off) -> a code or label with a qualifier in brackets, read without it (``A (91-100)``,
``Single (sea view)``) -> a label's words in another order -> initials of a value decided before
(``TP`` after ``Tempo parcial``) -> the vocabulary (other
languages, synonyms: ``Vollzeit`` = full time) -> its words read one by one writing an
option's label (``Awaiting activation`` = Pending Activation) -> a known value qualified with more words
(``Approved with conditions``) -> initials (``FT`` = Full time,
``R&D``) -> an abbreviation or truncation (``Mgmt``, ``FIN SVC``, ``TECH``, ``TABS`` in
the plural; ``sir`` cuts ``Syrup`` short as Slovak spells it) -> a close spelling -> a value read after the code
it begins with (``1 - Pomorski``) -> a vocabulary word as a neighbouring language spells it
(Afrikaans ``Agterstallig``, Dutch ``achterstallig``) -> a code of parts one of which
names the option (``FT-HRLY``). Last, guesses a person confirms (confidence below
:data:`~feedline.mapping.plan.ENUM_GUESS`): one run of a value's words that names an option
while the other words name none (``Juridische dienst``), words that are vocabulary words in
another inflection (``Здравна``), a country's initials (``PRC``) and, over the column, codes
that are another language's initials for one option (Romanian ``ID``). Values that match
nothing are listed with ``option: None``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from feedline.blueprint.model import Field
from feedline.mapping.abbrev import abbreviates
from feedline.mapping.codelists import (
    code_list,
    core_country_names,
    country_initials,
    country_names,
)
from feedline.mapping.cognates import related
from feedline.mapping.normalize import value_key
from feedline.mapping.plan import INVALID_REASON, EnumValueMapping
from feedline.mapping.tables import kept
from feedline.mapping.vocabulary import languages, negations, stopwords, value_lexicon, words

Match = tuple[str, float, str]  # option value, confidence, reason
_ENDINGS = ("s", "e", "en", "es", "er")  # inflections of Germanic and Romance adjectives
Words = tuple[str, ...]
WORD_GUESS = 0.75  # a value read from some of its words, their forms or initials only: a guess (below plan.ENUM_GUESS)


def _meanings(ws: Words) -> list[Words]:
    """The words themselves, then what the vocabulary says they mean (most likely first)."""
    return [ws, *value_lexicon().get(ws, ())]


Extra = tuple[tuple[str, str], ...]  # (spelling, option) pairs memory learnt, sorted


def folded(raw: str) -> str:
    """A value compared without case, accents and punctuation (``Refusé.`` = ``refuse``)."""
    return " ".join(words(raw))


_SPELLING = (("ph", "f"), ("th", "t"), ("x", "ks"), ("k", "c"), ("y", "i"), ("z", "s"), ("w", "v"))
_DOUBLE = re.compile(r"(.)\1+")
_ENDING = re.compile(r"(?<=[a-z]{4})(?:[aeiou]{1,2}s?|s)$")


def _respelt(word: str) -> str:
    """A word with the letters European languages spell differently made alike (c/k,
    f/ph, i/y, s/z, v/w, x/ks, doubled letters), its ending kept: ``sir`` cuts ``Sirup`` and
    ``Syrup`` short alike."""
    for a, b in _SPELLING:
        word = word.replace(a, b)
    return _DOUBLE.sub(r"\1", word)


def cognate(raw: str) -> str:
    """A spelling-neutral key for words European languages share (``Elektronik`` =
    ``Electronics``, ``Kategori`` = ``Category``): c/k, f/ph, i/y, s/z, v/w, x/ks, single
    letters for doubled ones, and no final vowel or plural ``s``."""
    out = []
    for w in words(raw):
        for a, b in _SPELLING:
            w = w.replace(a, b)
        w = _DOUBLE.sub(r"\1", w)
        out.append(_ENDING.sub("", w))
    return " ".join(out)


def _own_names(field: Field) -> dict[str, set[Words]]:
    """Per option, the words of its own label and value: the names no other option takes."""
    return {o.value: {tuple(words(o.label)), tuple(words(o.value.replace("_", " ")))} for o in field.options}


@lru_cache(maxsize=256)
def _index(field: Field, extra: Extra = ()) -> tuple[dict[str, Match], dict[Words, set[str]], str | None,
                                                    dict[str, set[str]]]:
    """Exact spellings -> match; option meanings (words) -> options; the code list kind;
    folded spellings (options' and those memory learnt in ``extra``) -> options."""
    index: dict[str, Match] = {}
    meanings: dict[Words, set[str]] = {}
    loose: dict[str, set[str]] = {}
    for o in field.options:
        index.setdefault(value_key(o.value), (o.value, 1.0, "option value"))
        index.setdefault(value_key(o.value.replace("_", " ")), (o.value, 0.98, "option value"))
        index.setdefault(value_key(o.label), (o.value, 0.98, "option label"))
        index.setdefault(value_key(o.label.replace("&", "and")), (o.value, 0.97, "option label"))
        for name in (o.label, o.value.replace("_", " ")):
            loose.setdefault(folded(name), set()).add(o.value)
            for m in _meanings(tuple(words(name))):
                meanings.setdefault(m, set()).add(o.value)
    owners: dict[Words, set[str]] = {}
    for option, own_names in _own_names(field).items():
        for own_name in own_names:
            owners.setdefault(own_name, set()).add(option)
    for m, found in meanings.items():
        # An option whose own name is the meaning keeps it from options that only mean it
        # through the vocabulary (``Pending`` beside ``On hold``, a way to write pending).
        own = owners.get(m, set())
        if len(found) > 1 and len(own) == 1:
            meanings[m] = own
    for spelling, option in extra:
        loose.setdefault(folded(spelling), set()).add(option)
    loose.pop("", None)
    for o in field.options:
        for name in (o.label, o.value.replace("_", " ")):
            if len(folded(name)) >= 5:
                meanings.setdefault(("\x00cognate", cognate(name)), set()).add(o.value)
    listed = code_list(field)
    if listed is not None:
        kind, spellings = listed
        for spelling, option in spellings.items():
            index.setdefault(spelling, (option, 0.95, f"{kind} {option}"))
    return index, meanings, listed[0] if listed else None, loose


def _initials(ws: Words) -> set[str]:
    """Initials of a label, with and without its stop words (``Research & Development``)."""
    content = [w for w in ws if w not in stopwords()]
    return {"".join(w[0] for w in ws), "".join(w[0] for w in content)} - {""}


@lru_cache(maxsize=256)
def _shapes(field: Field, extra: Extra = ()) -> list[tuple[str, list[Words]]]:
    """Per option, the word forms initials and abbreviations are compared against: its
    label and value, what the vocabulary says they mean, and spellings memory learnt."""
    own = _own_names(field)
    out = []
    for o in field.options:
        forms: list[Words] = []
        names = [o.label, o.value.replace("_", " "), *(s for s, opt in extra if opt == o.value)]
        for name in names:
            for m in _meanings(tuple(words(name))):
                # Another option's own name is no form of this one (``Out for delivery`` is
                # a kind of in transit, but not beside the option In transit).
                if m and m not in forms and not any(m in names_ for v, names_ in own.items() if v != o.value):
                    forms.append(m)
        out.append((o.value, forms))
    return out


MIN_CUT_WORD = 5  # letters of an English word a value may cut short (``CAN`` = canine)


@lru_cache(maxsize=1)
def _english_ways() -> dict[Words, set[str]]:
    """Meaning -> the one-word English ways of five letters or more the vocabulary writes
    it (built once)."""
    ways: dict[Words, set[str]] = {}
    for lang in languages():
        if lang.code == "en":
            for phrase, targets in lang.values.items():
                if len(phrase) == 1 and len(phrase[0]) >= MIN_CUT_WORD:
                    for t in targets:
                        ways.setdefault(t, set()).add(phrase[0])
    return ways


@lru_cache(maxsize=256)
def _english_words(field: Field) -> dict[str, set[str]]:
    """Per option, the one-word English ways the vocabulary writes what its label means
    (``canine`` for Dog, ``lorry`` for Road): a code may cut one of them short."""
    ways = _english_ways()
    return {o.value: {w for m in _meanings(tuple(words(o.label))) for w in ways.get(m, ())}
            for o in field.options}


def _unique(found: set[str]) -> str | None:
    return next(iter(found)) if len(found) == 1 else None


def _stems(ws: Words) -> list[Words]:
    """Inflected forms of a one-word value without its ending (``voltijds`` -> ``voltijd``)."""
    if len(ws) != 1:
        return []
    w = ws[0]
    return [(w[: -len(end)],) for end in _ENDINGS if w.endswith(end) and len(w) - len(end) >= 4]


MIN_RELATED = 0.8  # cognates.related() of every word of a value and an option form


def _cognate_options(ws: Words, field: Field, extra: Extra) -> set[str]:
    """Options one of whose forms has as many words as the value, each the same word in
    another language (``Kritikus`` = Critical, ``Elektrisch`` = Electric)."""
    if not ws or not all(w.isalpha() for w in ws):
        return set()
    out = set()
    for option, forms in _shapes(field, extra):
        for f in forms:
            if len(f) == len(ws) and all(a == b or related(a, b) >= MIN_RELATED
                                         for a, b in zip(ws, f, strict=True)):
                out.add(option)
    return out


_NUMBER = re.compile(r"\d+")
_GLUED = re.compile(r"([^\W\d_]*)\d+([^\W\d_]*)")


def _numbered(raw: str, field: Field) -> set[str]:
    """The one option whose value or label carries the value's only number (``1 - Kritiek``
    = ``p1``; ``30 Tage netto`` = ``net30``), when no other option carries it."""
    numbers = _NUMBER.findall(raw)
    if len(numbers) != 1:
        return set()
    n = numbers[0].lstrip("0") or "0"
    # Letters glued to the number (``GR1``, ``Prio2``, ``FD1``) must abbreviate the option's
    # or the field's words: ``FD1`` is no "Grade 1".
    glued = "".join(_GLUED.search(raw).groups()).casefold()  # type: ignore[union-attr]
    return {o.value for o in field.options
            if any((m.lstrip("0") or "0") == n for m in _NUMBER.findall(f"{o.value} {o.label}"))
            and (not glued or any(abbreviates((glued,), (w,)) or w.startswith(glued) or glued.startswith(w)
                                  for w in words(f"{o.value} {o.label} {field.label}") if w.isalpha()))}


# ISO/IEC 5218 codes of the sexes, with the option meanings each may take (first found wins).
_ISO_SEX = {"1": ("male",), "2": ("female",), "0": ("unknown", "not known"),
            "9": ("not applicable", "other", "unknown")}


@lru_cache(maxsize=256)
def _form_options(field: Field) -> dict[str, str]:
    """Each word form of the options (see :func:`_shapes`), joined by spaces -> its option
    (the last option of a form shared), for code lists that name meanings."""
    return {" ".join(f): o for o, forms in _shapes(field, ()) for f in forms}


_TRANSPORT = {"1": "sea", "2": "rail", "3": "road", "4": "air", "5": "post"}  # UN/ECE Recommendation 19
_TRANSPORT_CODE = re.compile(r"[1-5]\d?")
MIN_MODES = 3  # options of a field that must be modes of transport for its codes to be read


def _transport_code(key: str, field: Field) -> str | None:
    """A one- or two-digit mode of transport code (UN/ECE Recommendation 19, the customs
    declarations' ``10`` sea, ``20`` rail, ``30`` road, ``40`` air, ``50`` post: the first
    digit says the mode) for a field whose options are such modes and no number."""
    if not _TRANSPORT_CODE.fullmatch(key) or any(_NUMBER.search(o.value) for o in field.options):
        return None
    meaning = _form_options(field)
    if sum(mode in meaning for mode in _TRANSPORT.values()) < MIN_MODES:
        return None
    return meaning.get(_TRANSPORT[key[0]])


# UN/ECE Recommendation 21, the package type codes of EDI messages and customs declarations.
_PACKAGE = {"px": "pallet", "ct": "carton", "cr": "crate", "bx": "box", "en": "envelope", "bg": "bag",
            "dr": "drum", "cs": "case", "pk": "package", "be": "bundle", "sa": "sack", "rl": "reel",
            "tu": "tube", "ba": "barrel", "bo": "bottle", "pl": "pail", "pc": "parcel", "ro": "roll"}
_PACKAGE_KINDS = frozenset(_PACKAGE.values())
MIN_PACKAGES = 3  # options of a field that must be package types for its codes to be read


def _package_code(key: str, field: Field) -> str | None:
    """A two-letter package type code (UN/ECE Recommendation 21: ``PX`` pallet, ``CT``
    carton, ``CR`` crate, ``EN`` envelope) for a field whose options are such types."""
    kind = _PACKAGE.get(key.casefold())
    if kind is None:
        return None
    meaning = _form_options(field)
    if sum(k in meaning for k in _PACKAGE_KINDS) < MIN_PACKAGES:
        return None
    return meaning.get(kind)


# ACRISS car codes (the rental industry's four letters): the first says the category,
# the second the body type; each read as the words an option of a car class may use.
_ACRISS = re.compile(r"[mnehcdijsrfgpulwox][bcdwvlstfjxpqzemrhyngk][mncabd][rndqhieclsabmfvzux]")
_ACRISS_CATEGORY = {"m": "mini", "n": "mini", "e": "economy", "h": "economy", "c": "compact", "d": "compact",
                    "i": "intermediate", "j": "intermediate", "s": "standard", "r": "standard", "f": "fullsize",
                    "g": "fullsize", "p": "premium", "u": "premium", "l": "luxury", "w": "luxury"}
_ACRISS_TYPE = {"f": "suv", "j": "suv", "v": "van", "m": "van", "w": "wagon", "t": "convertible", "p": "pickup",
                "q": "pickup", "e": "coupe", "k": "van"}
_CAR_WORDS = {"mini": ("mini",), "economy": ("economy",), "compact": ("compact",),
              "intermediate": ("intermediate", "midsize", "mid size", "medium"), "standard": ("standard",),
              "fullsize": ("fullsize", "full size", "large"), "premium": ("premium",), "luxury": ("luxury",),
              "suv": ("suv",), "van": ("van", "minivan", "mpv", "passenger van"), "wagon": ("wagon", "estate"),
              "convertible": ("convertible", "cabriolet", "cabrio"), "pickup": ("pickup", "pick up"),
              "coupe": ("coupe",)}
MIN_CAR_WORDS = 3  # options of a field that must be car classes for its codes to be read


def _acriss(key: str, field: Field) -> str | None:
    """A car class written as its ACRISS code (``ECAR`` economy, ``IFAR`` an
    intermediate SUV): the body type when the field has it as an option, else the
    category, for a field whose options are car classes."""
    code = key.casefold()
    if len(code) != 4 or not _ACRISS.fullmatch(code):
        return None
    meaning = _form_options(field)
    named = {kind: next((meaning[w] for w in ways if w in meaning), None) for kind, ways in _CAR_WORDS.items()}
    if sum(o is not None for o in named.values()) < MIN_CAR_WORDS:
        return None
    body = _ACRISS_TYPE.get(code[1])
    return (named.get(body) if body else None) or named.get(_ACRISS_CATEGORY.get(code[0], ""))


def _iso_sex(key: str, field: Field) -> str | None:
    """``1``/``2``/``0``/``9`` for a field whose options mean male and female (ISO/IEC 5218:
    male, female, not known, not applicable), when no option is itself a number."""
    wanted = _ISO_SEX.get(key)
    if wanted is None or any(_NUMBER.search(o.value) for o in field.options):
        return None
    meaning = _form_options(field)
    if "male" not in meaning or "female" not in meaning:
        return None
    return next((meaning[w] for w in wanted if w in meaning), None)


def _negated(ws: Words, field: Field, extra: Extra = ()) -> str | None:
    """``not active`` / ``nicht aktiv`` -> the option labelled ``inactive`` (in-, un-, non-)."""
    if len(ws) < 2 or ws[0] not in negations():
        return None
    rest = match_value(" ".join(ws[1:]), field, extra)
    if rest is None:
        return None
    base = next((tuple(words(o.label)) for o in field.options if o.value == rest[0]), ())
    if len(base) != 1:
        return None
    wanted = {(p + base[0],) for p in ("in", "un", "non")} | {(n, base[0]) for n in ("not", "non")}
    return _unique({o.value for o in field.options if tuple(words(o.label)) in wanted
                    or tuple(words(o.value)) in wanted})


MIN_DEMONYM, MIN_STEM = 5, 3  # letters of a people's adjective, and those its country's name shares
MAX_ENDING = 8  # letters an adjective adds after the stem it shares (``französisch``: 7)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


@lru_cache(maxsize=256)
def _one_word_names(field: Field) -> tuple[tuple[str, str], ...] | None:
    """(name, option) for the one-word names longer than a stem of a code-list field's
    options, in every language the list knows; None when its options are no code list."""
    listed = code_list(field)
    if listed is None:
        return None
    core = core_country_names()
    return tuple((name[0], option) for spelling, option in listed[1].items()
                 if len(name := words(spelling)) == 1 and len(name[0]) > MIN_STEM
                 and (listed[0] != "country" or spelling in core))


def _demonym(fk: str, field: Field) -> str | None:
    """The one option of a country field whose name, in some language, shares the most
    first letters (three at least) with a one-word value (``französisch`` = Frankreich,
    ``polnisch`` = Polen, ``Chinese`` = China): a people's adjective, which CLDR does not
    list. Only the field's own options compete, a tie decides nothing, and the name of a
    country the options lack (``België``) is no adjective."""
    if " " in fk or len(fk) < MIN_DEMONYM or not fk.isalpha() or fk in country_names():
        return None
    names = _one_word_names(field)
    if names is None:
        return None
    best: dict[str, int] = {}
    for name, option in names:
        best[option] = max(best.get(option, 0), _common_prefix(fk, name))
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < MIN_STEM or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    if len(fk) - ranked[0][1] > MAX_ENDING:  # ``Lielbritānija`` is no adjective of Lietuva
        return None
    return ranked[0][0]


def _initials_of_country(raw: str, field: Field) -> Match | None:
    """A country written as the capital initials of its name in some language (``PRC``,
    ``UAE``, ``U.A.E.``, Croatian ``SAD``): a guess a person confirms, since three letters
    are easily something else."""
    letters = raw.strip().replace(".", "")
    if not (letters.isalpha() and letters.isupper() and len(letters) <= 6):
        return None
    code = country_initials().get(letters.casefold())
    hit = listed_spellings(field).get(code.casefold()) if code else None
    if hit is None:
        return None
    return hit, WORD_GUESS, f'"{raw.strip()}" are the initials of a name of "{hit}"'


def listed_spellings(field: Field) -> dict[str, str]:
    """Spelling -> option of a field whose options come from a code list (else empty)."""
    listed = code_list(field)
    return listed[1] if listed is not None else {}


@lru_cache(maxsize=1)
def _folded_countries() -> tuple[dict[str, tuple[str, ...]], dict[int, list[str]]]:
    """Country names and codes of every language, folded (no case, accents) -> codes, and
    the names by length (a slip of the pen changes the length by two letters at most)."""
    table = {name: tuple(codes.split(",")) for name, codes in
             kept("country_names_folded", _build_folded_countries).items()}
    by_length: dict[int, list[str]] = {}
    for name in table:
        by_length.setdefault(len(name), []).append(name)
    return table, by_length


def _build_folded_countries() -> dict[str, str]:
    out: dict[str, set[str]] = {}
    for name, code in country_names().items():
        if len(name) > 3:
            out.setdefault(folded(name), set()).add(code)
    return {name: ",".join(sorted(codes)) for name, codes in out.items()}


def load_country_names() -> None:
    """Build (or read) the country name tables a country field's values are matched with."""
    _folded_countries()
    core_country_names()
    country_initials()


MIN_MISSPELT = 5  # letters a country name needs before a slip of the pen is read


def _near_countries(fk: str) -> set[str]:
    """Codes of the countries whose name, in some language, the value is or misspells (a
    letter dropped, doubled, swapped or wrong: ``Untied States``, ``Itallia``; two in a name
    of nine letters or more): more than one code means the slip cannot be read
    (``Austrai`` is as near Australia as Austria)."""
    if len(fk) < MIN_MISSPELT or not fk.replace(" ", "").isalpha():
        return set()
    table, by_length = _folded_countries()
    if fk in table:
        return set(table[fk])
    allowed = 1 if len(fk) < 9 else 2
    names = [n for size in range(len(fk) - allowed, len(fk) + allowed + 1)
             for n in by_length.get(size, ())]
    near = process.extract(fk, names, scorer=OSA.distance, score_cutoff=allowed, limit=50)
    return {c for name, _, _ in near for c in table[name]}


# English number words: a blueprint's labels are English, a partner may write the digit.
_CARDINALS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
              "ten", "eleven", "twelve")
_ORDINALS = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
             "ninth", "tenth", "eleventh", "twelfth")
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)")


def _spelt(fk: str) -> str:
    """A folded value with its small numbers written as English words (``1 off`` -> ``one
    off``, ``2nd class`` -> ``second class``)."""
    out = []
    for w in fk.split():
        if w.isdigit() and int(w) < len(_CARDINALS):
            w = _CARDINALS[int(w)]
        elif (m := _ORDINAL.fullmatch(w)) and 0 < int(m.group(1)) < len(_ORDINALS):
            w = _ORDINALS[int(m.group(1))]
        out.append(w)
    return " ".join(out)


@lru_cache(maxsize=256)
def _spelt_index(field: Field, extra: Extra = ()) -> dict[str, set[str]]:
    """Folded spellings (options' and those memory learnt) with numbers as words -> options."""
    out: dict[str, set[str]] = {}
    for known, options in _index(field, extra)[3].items():
        out.setdefault(_spelt(known), set()).update(options)
    return out


def _reordered(fk: str, loose: Mapping[str, set[str]]) -> set[str]:
    """Options whose label (or a value decided before) has the value's words in another
    order (``Debit direct`` = Direct Debit: Romance languages put the adjective after)."""
    ws = sorted(fk.split())
    if len(ws) < 2:
        return set()
    return {o for known, opts in loose.items() if sorted(known.split()) == ws for o in opts}


MIN_BASE = 4  # letters a known value needs before a longer value may extend it


def _extended(fk: str, loose: Mapping[str, set[str]]) -> tuple[str, str] | None:
    """(option, known value) when the value's first words are a known value (an option's
    label, or a value decided before) and the rest qualifies it: ``w trakcie oceny`` after
    ``W trakcie`` was decided Pending, ``Approved with conditions``. The longest known
    value wins; one that stands for more than one option decides nothing."""
    ws = fk.split()
    for n in range(len(ws) - 1, 0, -1):
        base = " ".join(ws[:n])
        found = loose.get(base, set())
        if found and len(base.replace(" ", "")) >= MIN_BASE:
            hit = _unique(found)
            if hit is not None and any(o != hit for w in ws[n:] for o in loose.get(w, set())):
                return None  # ``Returned / Delivered`` names two options
            return (hit, base) if hit is not None else None
    return None


def _ended(fk: str, loose: Mapping[str, set[str]]) -> tuple[str, str] | None:
    """(option, known value) when the value's last words are a known value and the words
    before it are a code, a number or a qualifier (``FT - Full time``, ``01 Full time``,
    ``Delivery exception``), none of them a negation (``not delivered``) and none naming
    another option. The longest known value wins."""
    ws = fk.split()
    for n in range(1, len(ws)):
        base = " ".join(ws[n:])
        found = loose.get(base, set())
        if not found or len(base.replace(" ", "")) < MIN_BASE:
            continue
        head = ws[:n]
        if any(w in negations() for w in head):
            return None
        hit = _unique(found)
        if hit is None or any(o != hit for w in head for o in loose.get(w, set())):
            return None
        return hit, base
    return None


def _own_initials(ws: Words, extra: Extra) -> tuple[str, str] | None:
    """(option, spelling) when a short code is the initials of exactly one spelling memory
    learnt for the field (``TP`` after ``Tempo parcial`` was decided part time): the
    partner's own words go before what the code means in some other language (French
    ``TP``, temps plein, is full time)."""
    letters = "".join(ws)
    if not (2 <= len(letters) <= 5 and len(ws) == 1 and letters.isalpha()):
        return None
    found = {(option, spelling) for spelling, option in extra
             if len(f := tuple(words(spelling))) > 1 and letters in _initials(f)}
    return found.pop() if len(found) == 1 else None


def _spelt_out(ws: Words, extra: Extra) -> tuple[str, str] | None:
    """(option, code) when a value of two words or more writes out the initials of exactly
    one short code memory learnt for the field (``Pessoa Física`` after ``PF`` was decided
    residential): the partner wrote its own code in full."""
    if len(ws) < 2 or any(len(w) < 2 for w in ws):
        return None
    mine = _initials(ws)
    found = {(option, spelling) for spelling, option in extra
             if len(code := "".join(words(spelling))) >= 2 and code.isalpha() and len(spelling.split()) == 1
             and code in mine}
    return found.pop() if len(found) == 1 else None


_CODE = re.compile(r"[A-Z]{2,4}")
_HEAD_CODE = re.compile(r"^\s*([A-Z]{2,4})(?:\s*[-–,:/]\s*|\s+)(\S.*)$")


def _code_then_place(raw: str, field: Field) -> str | None:
    """The option whose code a value begins with, written as the codes are, and a place or
    a qualifier after it (``CIF Rotterdam``, ``FOB - Shanghai``: an Incoterm and its named
    place), when every option is such a code and the rest names no other."""
    m = _HEAD_CODE.match(raw)
    if m is None or not field.options or not all(_CODE.fullmatch(o.value) for o in field.options):
        return None
    codes = {o.value for o in field.options}
    if m.group(1) not in codes or any(w in codes for w in re.split(r"[\W_]+", m.group(2).upper())) \
            or any(w in negations() for w in words(m.group(2))):
        return None
    return m.group(1)


_NUMBER_HEAD = re.compile(r"^\s*(\d{1,4})(?:\s*[-–.:)/]\s*|\s+)(?P<rest>[^\W\d_].*)$")


def _number_then_words(raw: str, field: Field, extra: Extra) -> Match | None:
    """A value that is a number code, then words (``01 Consumption``, ``3 - Closed``,
    ``10. Cancelled``): the option its words name, unless its number is another option's
    or that option carries another number (``2-off`` is no "One-off")."""
    m = _NUMBER_HEAD.match(raw)
    if m is None:
        return None
    got = match_value(m.group("rest"), field, extra)
    if got is None or _numbered(raw, field) - {got[0]}:
        return None
    option = next(o for o in field.options if o.value == got[0])
    named = _spelt(folded(f"{option.value} {option.label}")).split()
    carried = {str(_CARDINALS.index(w)) for w in named if w in _CARDINALS} \
        | {str(_ORDINALS.index(w)) for w in named if w in _ORDINALS[1:]} \
        | {d.lstrip("0") or "0" for d in _NUMBER.findall(" ".join(named))}
    if carried and carried != {m.group(1).lstrip("0") or "0"}:
        return None
    return got[0], min(got[1], 0.85), f'"{value_key(raw)}" is a number code, then "{got[0]}" in words'


_BRACKETS = re.compile(r"^(?P<head>[^()\[\]]*?)\s*[(\[](?P<inner>[^()\[\]]+)[)\]]\s*$")


def _bracketed(raw: str, field: Field, extra: Extra) -> Match | None:
    """A value with a qualifier in brackets at its end (``A (91-100)``, ``EUR (Euro)``,
    ``Single (shared bath)``): the part before the brackets, and the part inside them,
    each read as a value on its own; the option they name when one names it and the
    other names no other (a value naming two options names none), nor may narrow it."""
    m = _BRACKETS.match(raw.strip())
    if m is None or not m.group("head").strip():
        return None
    read = [match_value(part, field, extra) for part in (m.group("head"), m.group("inner"))]
    option = _unique({got[0] for got in read if got is not None})
    if option is None:
        return None
    unread = [part for part, got in zip((m.group("head"), m.group("inner")), read, strict=True) if got is None]
    if unread and _may_narrow(words(unread[0])) and _narrower(option, field):  # ``Lalaki (kapon)``
        return _narrowed(value_key(raw), option, field)
    return option, 0.85, f'"{value_key(raw)}" is "{option}" with a qualifier in brackets'


_PARTS = re.compile(r"[-_/+]")
_QUALIFIERS = frozenset({"ex", "former", "non", "un", "pre", "post", "semi", "anti", "sub", "out", "de", "dis"})


def _parted(raw: str, field: Field, extra: Extra) -> Match | None:
    """A code joined from parts (``FT-HRLY``, ``PT_SAL``: the contract, then the pay
    basis): the option one part names when no other part names another, none turns it
    round (``EX-``, ``NON-``) and none is a lone letter (``E-boek`` is no book)."""
    text = raw.strip()
    if any(c.isspace() for c in text):
        return None
    parts = [p for p in _PARTS.split(text) if p]
    if not 2 <= len(parts) <= 4 or any(len(p) < 2 for p in parts):
        return None
    if any(w in negations() or w in _QUALIFIERS for p in parts for w in words(p)):
        return None
    found = {got[0] for p in parts if (got := match_value(p, field, extra)) is not None}
    option = _unique(found)
    if option is None:
        return None
    return option, 0.8, f'one part of "{value_key(raw)}" names "{option}", the others no option'


@lru_cache(maxsize=65536)
def match_value(raw: str, field: Field, extra: Extra = ()) -> Match | None:
    """Best option for one source value, or None when nothing fits well enough.

    ``extra`` holds spellings memory learnt for the field ((spelling, option) pairs): a
    value written like one of them (other case, accents, punctuation), abbreviating or
    truncating one, or spelt nearly the same maps to its option.
    """
    key = value_key(raw)
    if not key:
        return None
    index, meanings, listed, loose = _index(field, extra)
    if key in index:
        return index[key]
    bare = key.rstrip(".,;:")  # ``kWh.``, ``Active.``: a final stop changes nothing
    if bare != key and bare in index:
        option, confidence, _ = index[bare]
        return option, min(confidence, 0.96), f'"{key}" is "{bare}" with a final "{key[len(bare):]}"'
    fk = folded(raw)
    same = _unique(loose.get(fk, set()))
    if same is not None:
        return same, 0.96, f'"{key}" is written like "{same}" or a value decided before'
    singles = fk.split()
    if len(singles) > 1 and all(len(w) == 1 for w in singles) and "." in raw:
        glued = "".join(singles)  # ``C.D.I.`` = ``CDI``
        same = _unique(loose.get(glued, set()))
        if same is not None:
            return same, 0.96, f'"{key}" is "{glued}" written with stops'
    same = _unique(_spelt_index(field, extra).get(_spelt(fk), set()))
    if same is not None:
        return same, 0.93, f'"{key}" is "{same}" with its number written another way'
    qualified = _bracketed(raw, field, extra) or _number_then_words(raw, field, extra)
    if qualified is not None:
        return qualified
    if listed == "country":
        # Country codes are too short for initials, prefix or fuzzy guesses; a name a
        # letter or two away from one country's only is a slip of the pen, and a people's
        # adjective (``deutsch``, ``polnisch``, ``Chinese``) begins its country's name.
        near = _near_countries(fk)
        if near:  # another country's name, or a slip between two, names no option
            hit = listed_spellings(field).get(near.pop().casefold()) if len(near) == 1 else None
            return (hit, 0.8, f'"{key}" is a name of "{hit}" spelt another way') if hit else None
        hit = _demonym(fk, field)
        if hit is not None:
            return hit, 0.8, f'"{key}" is the adjective of "{hit}"'
        return _initials_of_country(raw, field)
    reordered = _unique(_reordered(fk, loose))
    if reordered is not None:
        return reordered, 0.9, f'"{key}" has the words of "{reordered}" in another order'
    ws = tuple(words(raw))
    own = _own_initials(ws, extra)
    if own is not None:
        return own[0], 0.88, f'"{key}" are the initials of "{own[1]}", a value decided before'
    for m in _meanings(ws)[1:]:
        hit = _unique(meanings.get(m, set()))
        if hit is not None:
            return hit, 0.93, f'"{key}" means "{" ".join(m)}"'
    kind = set(words(field.label)) | set(words(field.key))
    for m in _meanings(ws)[1:]:  # ``Einzelzimmer`` = single room: Single of a Room Type field
        unkind = tuple(w for w in m if w not in kind)
        hit = _unique(meanings.get(unkind, set())) if unkind and unkind != m else None
        if hit is not None:
            return hit, 0.9, f'"{key}" means "{" ".join(m)}", "{" ".join(unkind)}" of this field\'s kind'
    for m in _meanings(ws)[1:]:  # a specific status where the field has the general one only
        for broader in value_lexicon().get(m, ()):
            hit = _unique(meanings.get(broader, set()))
            if hit is not None:
                return hit, 0.9, f'"{key}" means "{" ".join(m)}", a kind of "{" ".join(broader)}"'
    translated = _word_by_word(ws, field)
    if translated is not None:
        return translated[0], 0.9, f'"{key}" reads word by word as "{translated[1]}"'
    for stem in _stems(ws):
        for m in _meanings(stem):
            hit = _unique(meanings.get(m, set()))
            if hit is not None:
                return hit, 0.9, f'"{key}" is a form of "{" ".join(m)}"'
    extended = _extended(fk, loose)
    if extended is not None:
        if _may_narrow(fk.split()[len(extended[1].split()):]) and _narrower(extended[0], field):
            return _narrowed(key, extended[0], field)
        return extended[0], 0.85, f'"{key}" qualifies "{extended[1]}" with more words'
    ended = _ended(fk, loose)
    if ended is not None:
        if _may_narrow(fk.split()[:-len(ended[1].split())]) and _narrower(ended[0], field):
            return _narrowed(key, ended[0], field)
        return ended[0], 0.85, f'"{key}" ends with "{ended[1]}"'
    placed = _code_then_place(raw, field)
    if placed is not None:
        return placed, 0.85, f'"{key}" is the code "{placed}" with a place or qualifier after it'
    if len(fk) >= 5 and listed is None:
        hit = _unique(meanings.get(("\x00cognate", cognate(raw)), set()))
        if hit is not None:
            return hit, 0.82, f'"{key}" is spelt like "{hit}" in another language'
    cut = raw.strip().endswith(".")  # a word cut short is no inflected cognate (``Gasol.``)
    if listed is None and not cut:
        hit = _unique(_cognate_options(ws, field, extra))
        if hit is not None:
            return hit, 0.82, f'"{key}" is spelt like "{hit}" in another language'
        hit = _unique(_numbered(raw, field))
        if hit is not None:
            return hit, 0.8, f'"{key}" carries the number of option "{hit}"'
        hit = _iso_sex(key, field)
        if hit is not None:
            return hit, 0.85, f'"{key}" is the ISO/IEC 5218 code of "{hit}"'
        hit = _transport_code(key, field)
        if hit is not None:  # a partner's own numbering may differ: a guess
            return hit, WORD_GUESS, f'"{key}" is the UN/ECE Recommendation 19 code of "{hit}"'
        hit = _acriss(key, field)
        if hit is not None:
            return hit, 0.8, f'"{key}" is the ACRISS car code of "{hit}"'
        hit = _package_code(key, field)
        if hit is not None:
            return hit, 0.8, f'"{key}" is the UN/ECE Recommendation 21 code of "{hit}"'
    negated = _negated(ws, field, extra)
    if negated is not None:
        return negated, 0.88, f'"{key}" negates an option: "{negated}"'
    letters = "".join(ws)
    shapes = _shapes(field, extra)
    if 2 <= len(letters) <= 5 and len(ws) <= 2 and letters.isalpha():
        hit = _unique({o for o, forms in shapes for f in forms
                       if len(f) > 1 and letters in _initials(f)})
        if hit is not None:
            return hit, 0.88, f'"{key}" are the initials of "{hit}"'
    if ws and len(letters) >= 2:
        hit = _unique({o for o, forms in shapes for f in forms
                       if abbreviates(ws, f) or abbreviates(ws, tuple(w for w in f if w not in stopwords()))})
        if hit is not None and (len(letters) >= 3 or len(ws) > 1):
            return hit, 0.85, f'abbreviation of "{hit}"'
    if len(letters) >= 3 and letters.isalpha():
        starts = {m[0] for k, m in index.items() if k.startswith(key)}
        starts |= {o for k, opts in loose.items() if k.startswith(fk) for o in opts}
        if len(starts) == 1:
            option = starts.pop()
            return option, 0.85, f'abbreviation of "{option}"'
        plural = None if starts else _cut_plural(fk, loose)  # ``TABS`` = tablets
        if plural is not None:
            return plural, 0.85, f'"{key}" is "{plural}" cut short, in the plural'
        if not starts and listed is None and len(ws) == 1:
            cut_to = _respelt(ws[0])
            starts = {o.value for o in field.options
                      if any(_respelt(n).startswith(cut_to) for n in (folded(o.label), o.value.casefold()))}
            if len(starts) == 1:
                option = starts.pop()
                return option, 0.82, f'"{key}" cuts short "{option}" as another language spells it'
            english = {(o, w) for o, ways in _english_words(field).items() for w in ways if w.startswith(ws[0])}
            hit = _unique({o for o, _ in english})
            if hit is not None:
                return hit, 0.8, f'"{key}" cuts short "{min(w for _, w in english)}", a word for "{hit}"'
    if len(fk) >= 4 and listed is None:
        choices = {**{k: {m[0]} for k, m in index.items()}, **loose}
        best = process.extract(fk, list(choices), scorer=fuzz.ratio, limit=2, score_cutoff=88)
        options = {o for k, _, _ in best for o in choices[k]}
        if len(options) == 1:
            return next(iter(options)), 0.8, f'similar to "{best[0][0]}"'
    spelt_out = _spelt_out(ws, extra)
    if spelt_out is not None:
        return spelt_out[0], 0.85, f'"{key}" has the initials of "{spelt_out[1]}", a value decided before'
    if listed is None:
        return (_coded(ws, field, extra) or _near_word(fk, field) or _parted(raw, field, extra)
                or _worded(key, ws, field, extra) or (None if cut else _inflected(key, ws, field)))
    return None


@lru_cache(maxsize=1)
def _phrase_initials() -> dict[str, list[Words]]:
    """Initials of the vocabulary's value phrases of several words, with and without stop
    words -> the phrases (every language; built once)."""
    out: dict[str, list[Words]] = {}
    for phrase in value_lexicon():
        if len(phrase) > 1:
            for initials in _initials(phrase):
                out.setdefault(initials, []).append(phrase)
    return out


def _phrase_option(phrase: Words, field: Field) -> str | None:
    """The one option a vocabulary phrase's first meaning that names one names (as the
    vocabulary rule reads it)."""
    meanings = _index(field)[1]
    for target in value_lexicon().get(phrase, ()):
        hit = _unique(meanings.get(target, set()))
        if hit is not None:
            return hit
    return None


def _foreign_initials(result: list[EnumValueMapping], field: Field) -> None:
    """Codes of two to four capitals left unread that are the initials of a vocabulary
    phrase of one option in some language (Romanian ``IF``, ``ID``, ``FR``: învățământ cu
    frecvență, la distanță, cu frecvență redusă), read as a guess when no value of the
    column names that option surely and no other code points at it: initials of some
    language are too many to be read outside a code scheme (French ``TP``, temps plein,
    beside Spanish ``TC`` and ``TP``, tiempo completo and parcial)."""
    if code_list(field) is not None:
        return
    taken = {v.option for v in result if v.option is not None and v.confidence >= SURE}
    found: dict[int, str] = {}
    for i, v in enumerate(result):
        code = v.value.strip()
        if v.option is None and v.confidence == 0.0 and 2 <= len(code) <= 4 and code.isalpha() \
                and code.isupper():
            hit = _unique({o for phrase in _phrase_initials().get(code.casefold(), ())
                           if (o := _phrase_option(phrase, field)) is not None})
            if hit is not None and hit not in taken:
                found[i] = hit
    _read_once(result, found, WORD_GUESS, 'are the initials of a way to write "{}" in another language')


MIN_INFLECTED, MAX_INFLECTION = 5, 3  # letters a word shares with a vocabulary word; letters it may end otherwise


@lru_cache(maxsize=1)
def _phrase_stems() -> dict[str, list[tuple[str, Words]]]:
    """The first letters of every word of the vocabulary's value phrases -> (word, phrase)
    pairs (every language; built once)."""
    out: dict[str, list[tuple[str, Words]]] = {}
    for phrase in value_lexicon():
        for v in phrase:
            if len(v) >= MIN_INFLECTED:
                out.setdefault(v[:MIN_INFLECTED], []).append((v, phrase))
    return out


def _inflected(key: str, ws: Words, field: Field) -> Match | None:
    """A value whose words are vocabulary words of one option in another inflection
    (Bulgarian ``Здравна`` beside ``здраве``, ``Помощ при пътуване`` beside
    ``пътуване``): every word that begins as a word of an option's phrases (five letters
    at least, three at most ending otherwise) names the same one option, and every other
    word is a stop word between two others or five letters long at least (no code such as
    ``PT`` in ``Permanent PT`` left unread); no word is left unread beside an option that
    narrows the one named (``Mashkull i kastruar`` beside Male Neutered)."""
    if not 1 <= len(ws) <= 3:
        return None
    stems = _phrase_stems()
    named: list[set[str]] = []
    unread = False
    for i, w in enumerate(ws):
        if w in stopwords() and 0 < i < len(ws) - 1:  # a joining word, between two others
            continue
        if len(w) < MIN_INFLECTED or not w.isalpha():
            return None
        found = {option for v, phrase in stems.get(w[:MIN_INFLECTED], ())
                 if (n := _common_prefix(w, v)) >= MIN_INFLECTED
                 and len(w) - n <= MAX_INFLECTION and len(v) - n <= MAX_INFLECTION
                 and (option := _phrase_option(phrase, field)) is not None}
        if len(found) > 1:
            return None
        if found:
            named.append(found)
        else:
            unread = True
    option = _unique(set.union(*named)) if named else None
    if option is None:
        return None
    if unread and _narrower(option, field):
        return _narrowed(key, option, field)
    return option, WORD_GUESS, f'"{key}" is a form of a vocabulary word of "{option}"'


MAX_WORDED = 5  # words of a value one run of which may name its option
WORDED_SURE = 0.9  # how surely that run alone must read as the option


def _narrower(option: str, field: Field) -> set[str]:
    """The options whose label is this option's label with more words (Male Neutered beside
    Male): words a value adds to the option's word may name one of them."""
    mine = next((set(words(o.label)) for o in field.options if o.value == option), set())
    return {o.value for o in field.options if o.value != option and mine < set(words(o.label))}


def _may_narrow(unread: Iterable[str]) -> bool:
    """Whether words left unread could be what a narrower option adds: a word of letters
    (``kapon``, ``castrated``), not a score range or a code number (``A (91-100)``)."""
    return any(len(w) >= 3 and w.isalpha() for w in unread)


def _narrowed(key: str, option: str, field: Field) -> Match | None:
    """For a value that names ``option`` with words left unread: the one option that narrows
    it, as a guess (``Lalaki (kapon)`` = Male Neutered beside Male), or None when none or
    several do (nothing is said then: the unread words may narrow it)."""
    narrower = _narrower(option, field)
    if len(narrower) != 1:
        return None
    guess = narrower.pop()
    return guess, WORD_GUESS, f'"{key}" names "{option}" with more words, as "{guess}" does'


def _worded(key: str, ws: Words, field: Field, extra: Extra) -> Match | None:
    """A value of a few words one run of which reads surely as one option (the
    vocabulary, an option's label, a form of either) while no other word names another or
    turns it round (``Estándar 48/72h``, ``Juridische dienst``, ``Перечислением в банк``), and
    the vocabulary does not read the whole value as another meaning."""
    if not 2 <= len(ws) <= MAX_WORDED or any(w in negations() or w in _QUALIFIERS for w in ws):
        return None
    if ws in value_lexicon():  # ``Temps plein`` means full time, no option here: not ``temps`` of Fixed term
        return None
    found: dict[str, str] = {}
    for size in range(len(ws) - 1, 0, -1):
        for i in range(len(ws) - size + 1):
            part = ws[i:i + size]
            if len("".join(part)) < MIN_BASE or not "".join(part).isalpha():
                continue
            got = match_value(" ".join(part), field, extra)
            if got is not None and got[1] >= WORDED_SURE:
                found.setdefault(got[0], " ".join(part))
    option = _unique(set(found))
    if option is None or any((got := match_value(w, field, extra)) is not None and got[0] != option
                             for w in ws):
        return None  # ``A (Fail)`` names two grades
    if _narrower(option, field):  # ``Mashkull i kastruar`` beside Male Neutered: the rest may narrow it
        return _narrowed(key, option, field)
    return option, WORD_GUESS, f'"{key}" says "{found[option]}", a word of "{option}"'


MAX_WORD_BY_WORD = 4  # words of a value read one by one against the options' labels


def _word_by_word(ws: Words, field: Field) -> tuple[str, str] | None:
    """The one option whose own label or value a value of a few words writes when each
    word is read as the vocabulary reads it alone (``Awaiting activation`` = Pending
    Activation, ``awaiting`` being a way to write pending): every word is itself or a
    one-word meaning of it, at least one is read, and the words in either order make the
    option's name."""
    if not 2 <= len(ws) <= MAX_WORD_BY_WORD:
        return None
    lexicon = value_lexicon()
    ways = [{w, *(m[0] for m in lexicon.get((w,), ()) if len(m) == 1)} for w in ws]
    if all(len(w) == 1 for w in ways):
        return None
    found = {option for option, own in _own_names(field).items()
             if any(_covers(ways, frozenset(name)) for name in own)}
    option = _unique(found)
    if option is None:
        return None
    return option, next(o.label for o in field.options if o.value == option)


def _covers(ways: list[set[str]], name: frozenset[str]) -> bool:
    """Whether one way of each word, all different, make exactly the words of ``name`` (a
    name of as many words as the value, none twice)."""
    if len(name) != len(ways):
        return False
    def place(i: int, left: frozenset[str]) -> bool:
        return i == len(ways) or any(place(i + 1, left - {w}) for w in ways[i] & left)
    return place(0, name)


def _cut_plural(fk: str, loose: Mapping[str, set[str]]) -> str | None:
    """The one option a one-word value names as a cut-short word with a plural ``s``
    (``tabs`` = Tablet, ``caps`` = Capsule): three letters at least before the ``s``, the
    last a consonant (a word is cut after one: ``plus`` is no plural of ``plu``), and no
    option or known value begins with the value itself."""
    if " " in fk or not fk.endswith("s") or len(fk) < 4 or fk[-2] in "aeiouys":
        return None
    cut = fk[:-1]
    return _unique({o for k, opts in loose.items() if k.startswith(cut) and k != cut
                    for o in opts})


def _coded(ws: Words, field: Field, extra: Extra) -> Match | None:
    """A value read after the code or number it begins with (``1 - Pomorski``, ``07
    Vollzeit``): every word before the rest carries a digit, and the rest, four letters at
    least, is read as a value on its own."""
    for n in range(1, len(ws)):
        if not any(c.isdigit() for c in ws[n - 1]):
            return None
        rest = " ".join(ws[n:])
        if len(rest.replace(" ", "")) >= MIN_BASE and not any(c.isdigit() for c in rest):
            found = match_value(rest, field, extra)
            if found is not None:
                return found[0], min(found[1], 0.85), f'"{" ".join(ws)}" is "{found[0]}" after a code'
    return None


MIN_NEAR = 6  # letters of a value read as a vocabulary word of another spelling


@lru_cache(maxsize=256)
def _vocabulary_words(field: Field) -> dict[str, str]:
    """Vocabulary value phrases (every language) -> the one option their first meaning
    that names one names, as the vocabulary rule reads them."""
    meanings = _index(field)[1]
    out = {}
    for phrase, targets in value_lexicon().items():
        for target in targets:
            hit = _unique(meanings.get(target, set()))
            if hit is not None:
                out[" ".join(phrase)] = hit
                break
    return out


def _near_word(fk: str, field: Field) -> Match | None:
    """A value spelt as a neighbouring language writes a vocabulary word (Afrikaans
    ``Agterstallig``, Dutch ``achterstallig``: overdue; Galician ``Sobresaínte``, Spanish
    ``sobresaliente``): the option of the vocabulary words at least 88% alike, when they
    name one."""
    if len(fk.replace(" ", "")) < MIN_NEAR:
        return None
    spelt = _vocabulary_words(field)
    best = process.extract(fk, list(spelt), scorer=fuzz.ratio, limit=3, score_cutoff=88)
    options = {spelt[k] for k, _, _ in best}
    if len(options) != 1:
        return None
    option = options.pop()
    return option, 0.8, f'"{fk}" is spelt like "{best[0][0]}", a word of "{option}"'


def _short_code_options(code: str, field: Field, extra: Extra) -> set[str]:
    """Options a one- or two-letter code may stand for: the first letter of one of its
    forms (``D`` = Deferred), or two letters that abbreviate one (``BX`` = box)."""
    out = set()
    for option, forms in _shapes(field, extra):
        for f in forms:
            if (len(code) == 1 and f[0].startswith(code)) or (
                    len(code) == 2 and (abbreviates((code,), f) or code in _initials(f))):
                out.add(option)
    return out


def _short_codes(result: list[EnumValueMapping], field: Field, extra: Extra) -> None:
    """Map left-over one- and two-letter codes when each points at one option and no two
    codes of a length share one (``E``/``D``/``W``/``G`` = enrolled/deferred/withdrawn/
    graduated): a code scheme read as a whole. Country, currency and language lists excluded."""
    if code_list(field) is not None:
        return
    found: dict[int, tuple[str, str]] = {}
    for i, v in enumerate(result):
        code = "".join(words(v.value))
        if v.option is None and v.confidence < 0.99 and 1 <= len(code) <= 2 and code.isalpha():
            options = _short_code_options(code, field, extra)
            if len(options) == 1:
                found[i] = (code, options.pop())
    for i, (code, option) in found.items():
        rivals = [c for c, o in found.values() if o == option and len(c) == len(code) and c != code]
        if rivals:
            continue
        v = result[i]
        what = "the initial" if len(code) == 1 else "an abbreviation"
        # A letter that begins a value decided before (``D`` after ``DR``) is no guess.
        decided = any(o == option and folded(spelling).startswith(code) for spelling, o in extra)
        result[i] = EnumValueMapping(v.value, option, v.count, 0.8 if decided or len(code) == 2 else 0.75,
                                     f'"{v.value.strip()}" is {what} of "{option}" (a code scheme'
                                     + (", as a value decided before)" if decided else ")"))


def _foreign(entry: Any) -> bool:
    """Whether a remembered value was decided in another space of the blueprint."""
    return isinstance(entry, tuple) and len(entry) > 2 and entry[2] == "other"


def _own_spelling(raw: str, own: Extra, field: Field) -> Match | None:
    """This space's own decided values first: one written like the value (case, accents,
    punctuation) or whose initials the value is (``TP`` after ``Tempo parcial``), before
    what another partner of the blueprint meant by the same letters (French ``TP``)."""
    if not own:
        return None
    fk = folded(raw)
    same = _unique({o for spelling, o in own if folded(spelling) == fk})
    if same is not None:
        return same, 0.96, f'"{value_key(raw)}" is written like a value this partner decided as "{same}"'
    found = _own_initials(tuple(words(raw)), own)
    if found is not None:
        return found[0], 0.88, f'"{value_key(raw)}" are the initials of "{found[1]}", a value decided before'
    if len(fk.replace(" ", "")) >= MIN_BASE:
        cut = _unique({o for spelling, o in own if folded(spelling).startswith(fk)})
        # Another option's own label cut short the same way: the usual rules weigh both
        # (``Deliv.`` after ``Delivery ke liye nikla`` was decided out for delivery, beside
        # the option Delivered).
        if cut is not None and not any(o.value != cut and (folded(o.label).startswith(fk)
                                                           or folded(o.value).startswith(fk))
                                       for o in field.options):
            return cut, 0.85, f'"{value_key(raw)}" cuts short a value this partner decided as "{cut}"'
        near = {o for spelling, o in own if fuzz.ratio(fk, folded(spelling)) >= 88}
        if (hit := _unique(near)) is not None:
            return hit, 0.8, f'"{value_key(raw)}" is spelt nearly as a value this partner decided as "{hit}"'
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
    extra = _learnt(remembered, options)
    own = _learnt({k: e for k, e in (remembered or {}).items() if not _foreign(e)}, options)
    mixed = own != extra  # another space decided values too
    result = []
    for raw, count in items:
        key = value_key(raw)
        first = _own_spelling(raw, own, field) if mixed and not (remembered and key in remembered
                                                          and not _foreign(remembered[key])) else None
        if first is not None:
            result.append(EnumValueMapping(raw, first[0], count, first[1], first[2]))
            continue
        if remembered and key in remembered:
            option, who = _remembered(remembered[key])
            if option in options:
                reason = "remembered: a person chose it" if who == "person" else "remembered"
                result.append(EnumValueMapping(raw, option, count, 0.99, reason))
                continue
            if option is None and who == "person":
                result.append(EnumValueMapping(raw, None, count, 0.99, INVALID_REASON))
                continue
        found = match_value(raw, field, extra)
        if found is None:
            reason = f'no option of "{field.key}" matches "{raw.strip()}"'
            result.append(EnumValueMapping(raw, None, count, 0.0, reason))
        else:
            option, conf, why = found
            result.append(EnumValueMapping(raw, option, count, conf, why))
    _shared_affix(result, field, extra)
    _short_codes(result, field, extra)
    _qualified_sibling(result, field, extra)
    _sibling_initials(result)
    _left_by_initial(result, field, extra)
    _foreign_initials(result, field)
    _last_left(result, field)
    return result


SURE = 0.85  # a value mapped at least this surely names its option for the column


def _qualified_sibling(result: list[EnumValueMapping], field: Field, extra: Extra) -> None:
    """A value left unread whose first words are another value of the column, read surely
    as one option, and whose other words name no other option, turn it round or may narrow
    it (``tbl flm`` beside ``tbl`` = Tablet): the column's own code, qualified."""
    sure: dict[str, set[str]] = {}
    for v in result:
        if v.option is not None and v.confidence >= SURE:
            sure.setdefault(folded(v.value), set()).add(v.option)
    for i, v in enumerate(result):
        ws = folded(v.value).split()
        if v.option is not None or v.confidence != 0.0 or len(ws) < 2:
            continue
        for n in range(len(ws) - 1, 0, -1):
            base = " ".join(ws[:n])
            option = _unique(sure.get(base, set()))
            if option is None or len(base.replace(" ", "")) < 2:
                continue
            rest = ws[n:]
            if not (any(w in negations() or w in _QUALIFIERS for w in rest)
                    or any((got := match_value(w, field, extra)) is not None and got[0] != option
                           for w in rest)):
                found = (_narrowed(v.value.strip(), option, field)
                         if _may_narrow(rest) and _narrower(option, field) else
                         (option, 0.85, f'"{v.value.strip()}" is "{base}", another value of the column,'
                                        ' with more words'))
                if found is not None:
                    result[i] = EnumValueMapping(v.value, found[0], v.count, found[1], found[2])
            break


def _sibling_initials(result: list[EnumValueMapping]) -> None:
    """A code left unread that writes the initials of another value of the column, of two
    words or more and read surely (``ZP`` beside ``zdravotná poisťovňa``): the column
    writes one option both ways."""
    sure: dict[str, set[str]] = {}
    for v in result:
        ws = tuple(words(v.value))
        if v.option is not None and v.confidence >= SURE and len(ws) >= 2 and any(len(w) > 1 for w in ws):
            for initials in _initials(ws):
                sure.setdefault(initials, set()).add(v.option)
    found: dict[int, str] = {}
    for i, v in enumerate(result):
        code = "".join(words(v.value))
        if v.option is None and v.confidence == 0.0 and 2 <= len(code) <= 5 and code.isalpha() \
                and len(v.value.split()) == 1:
            option = _unique(sure.get(code, set()))
            if option is not None:
                found[i] = option
    _read_once(result, found, 0.85, 'writes the initials of another value of the column, read as "{}"')


_AFFIX = re.compile(r"^(?P<head>[^\W\d_]+)(?P<tail>[-_./ ]?\d{1,2})$")
AFFIX_MIN = 2  # distinct values that must share the number for it to be the scheme's


def _shared_affix(result: list[EnumValueMapping], field: Field, extra: Extra) -> None:
    """Codes that all end with one number (``M1``, ``B1``, ``W1``: a source system's
    variant of its scheme) read without it: each letter part as the value it writes, a
    guess a person confirms, and no two values to one option. Code lists excluded."""
    if code_list(field) is not None or len(result) < AFFIX_MIN:
        return
    parts = [_AFFIX.fullmatch(v.value.strip()) for v in result]
    tails = {m.group("tail") for m in parts if m is not None}
    if len(tails) != 1 or any(m is None for m in parts):
        return
    found: dict[int, str] = {}
    for i, (v, m) in enumerate(zip(result, parts, strict=True)):
        if v.option is None and v.confidence == 0.0 and m is not None:
            got = match_value(m.group("head"), field, extra)
            option = got[0] if got is not None else None
            if option is None and len(m.group("head")) <= 2:
                option = _unique(_short_code_options(folded(m.group("head")), field, extra))
            if option is not None:
                found[i] = option
    tail = tails.pop()
    _read_once(result, found, WORD_GUESS, f'read without "{tail}", which every value of the column ends with,'
                                          ' names "{}"')


def _left_by_initial(result: list[EnumValueMapping], field: Field, extra: Extra) -> None:
    """A short code (two to four letters) left unread whose first letter begins two or more
    options, all but one named by other values of the column (``MN``, ``FS`` read as Male
    Neutered and Female Spayed leave ``MI`` one option, Male): a code scheme names each
    option once. Two codes left to one option decide nothing; code lists are excluded."""
    if code_list(field) is not None:
        return
    taken = {v.option for v in result if v.option is not None and v.confidence >= SURE}
    found: dict[int, str] = {}
    for i, v in enumerate(result):
        code = "".join(words(v.value))
        if v.option is not None or v.confidence != 0.0 or not (2 <= len(code) <= 4 and code.isalpha()):
            continue
        begins = {o for o, forms in _shapes(field, extra) for f in forms if f and f[0].startswith(code[0])}
        left = begins - taken
        if len(begins) >= 2 and len(left) == 1:
            found[i] = left.pop()
    _read_once(result, found, 0.7, 'begins as "{}" does, the one such option no other value names')


def _read_once(result: list[EnumValueMapping], found: Mapping[int, str], confidence: float, why: str) -> None:
    """Map the values at ``found``'s indexes to their options, but none of two values that
    point at one option (a code scheme names each option once); ``why`` has a ``{}`` for
    the option."""
    for i, option in found.items():
        if sum(o == option for o in found.values()) > 1:
            continue
        v = result[i]
        result[i] = EnumValueMapping(v.value, option, v.count, confidence,
                                     f'"{v.value.strip()}" ' + why.format(option))


LAST_LEFT_MIN = 2  # the value left over is written at least this often (not a slip)


def _last_left(result: list[EnumValueMapping], field: Field) -> None:
    """When the column writes as many values as the field has options, every value but one
    names a different option, and one option is left: the value left names it (each
    option written its own way, ``Yleissähkö`` beside ``Päivä`` and ``Yö``). Country,
    currency and language lists excluded (an unread name there is more often invalid)."""
    options = {o.value for o in field.options}
    left = [i for i, v in enumerate(result) if v.option is None and v.confidence == 0.0]
    named = [v.option for v in result if v.option is not None]
    if len(result) != len(options) or len(left) != 1 or len(set(named)) != len(named):
        return
    rest = options - set(named)
    v = result[left[0]]
    listed = code_list(field)
    if len(rest) != 1 or v.count < LAST_LEFT_MIN or (listed is not None and listed[0] != "unit"):
        return
    option = rest.pop()
    result[left[0]] = EnumValueMapping(
        v.value, option, v.count, 0.7,
        f'"{v.value.strip()}" is the only value left and "{option}" the only option left')


def _learnt(remembered: Mapping[str, Any] | None, options: set[str]) -> Extra:
    """The (spelling, option) pairs memory holds for a field, for near variants of them."""
    pairs = {(value, opt) for value, entry in (remembered or {}).items()
             for opt in (_remembered(entry)[0],) if opt in options}
    return tuple(sorted(pairs))


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
    extra = _learnt(remembered, {o.value for o in field.options})
    hit = sum(n for v, n in counts.items()
              if value_key(v) in known or match_value(v, field, extra) is not None)
    return hit / total


def distinct_options(counts: Mapping[str, int], field: Field) -> int:
    """How many different options the values map to (no memory): how telling they are."""
    return len({m[0] for v in counts if (m := match_value(v, field)) is not None})
