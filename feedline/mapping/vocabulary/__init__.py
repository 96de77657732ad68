"""Business vocabulary as data: one YAML file per language (``en.yaml``, ``de.yaml``, …).

Each file has a ``format`` version, its ``language``, a ``provenance`` note, ``headers``
(canonical English phrase -> ways to write it in that language: header words and
abbreviations), ``values`` (canonical option word -> ways to write it, for enum values),
``stopwords`` (words that initials skip) and ``negations`` (``nicht aktiv`` = inactive). The mapping layer reads the files once:
:func:`header_lexicon` feeds header normalization, :func:`value_lexicon` enum matching.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from anyascii import anyascii

from feedline.errors import MappingError

FORMAT_VERSION = 1
# Earlier languages win when two files give one phrase different meanings.
LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "da", "nb", "sv", "pl", "ro", "fi", "cs", "hu", "tr", "sk", "hr",
             "lt", "lv", "et", "sl", "ca", "is", "id", "ms", "mt", "ga", "ru", "uk", "ja", "zh", "ko", "el", "bg", "sr",
             "kk", "ar", "he", "hi", "vi", "sw", "tl", "az", "fa", "cy", "th", "bn", "sq", "ka", "ur", "mk", "eu", "af", "uz", "gl")

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NON_WORD = re.compile(r"[^0-9a-z]+")
# One word each, not camel case: B2B, B2C, P2P, B2B2C; abbreviations of a capital, a small
# letter and one or two capitals (KvK, PhD, DoB, EaD, IeFP: words of one or two letters).
_ONE_WORD = re.compile(r"\b(?:[A-Z]2[A-Z](?:2[A-Z])?|[A-Z][a-z][A-Z]{1,2})\b")

Phrase = tuple[str, ...]


# Letters Unicode does not decompose into a base letter and an accent.
_TRANSLIT = str.maketrans({"æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
                           "ı": "i", "ħ": "h", "ŀ": "l"})


def fold(text: str) -> str:
    """Casefold, strip accents and spell out letters without a decomposition
    (ß -> ss, ö -> o, æ -> ae, ø -> o, ł -> l)."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(_TRANSLIT))
    if not text.islower() and any(c.isupper() for c in text):
        text = text.lower()  # what compatibility decomposed: № -> No, ℡ -> TEL
    return "".join(c for c in text if not unicodedata.combining(c) or _ABUGIDA.match(c))


# Scripts whose vowel signs, viramas and tone marks are part of the word (Indic, Thai,
# Lao, Myanmar, Khmer): kept through folding and inside a word, for anyascii to read
# (``विभाग`` -> ``vibhag``), where accents of Latin, Greek or Cyrillic letters are dropped.
_ABUGIDA_BLOCKS = "\u0900-\u0dff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
_ABUGIDA = re.compile(f"[{_ABUGIDA_BLOCKS}]")
# Letters of another script, left after folding, with the apostrophes inside a word
# (Ukrainian ``Ім'я``, ``П’ятниця``).
_LETTER = f"(?:(?![a-z])[^\\W\\d_]|[{_ABUGIDA_BLOCKS}])"
_OTHER_SCRIPT = re.compile(f"{_LETTER}+(?:['’ʼ]{_LETTER}+)*")


def _romanized(match: re.Match[str]) -> str:
    if match.group() == "μ":  # a lone Greek mu is the micro of a unit (µg), not a word
        return " "
    return anyascii(match.group()).replace("'", "").lower()  # ’ and ʼ romanize as '


def _camel_split(text: str) -> str:
    """:data:`_CAMEL` for letters of any script (``ТабельныйНомер``, ``КВыплате``)."""
    out = []
    for i, c in enumerate(text):
        if i and c.isupper() and (text[i - 1].islower() or text[i - 1].isdigit()
                                  or (text[i - 1].isupper() and i + 1 < len(text) and text[i + 1].islower())):
            out.append(" ")
        out.append(c)
    return "".join(out)


def words(text: str) -> list[str]:
    """Split any header style (camelCase, snake_case, SHOUTING, paths) into folded words.
    Words of other scripts are romanized (``Телефон`` -> ``telefon``, ``Κατηγορία`` ->
    ``katigoria``), so that vocabulary written in that script and cognates of Latin words
    both reach them."""
    text = text.replace("#", " number ").replace("°", " ").replace("º", " ")
    text = _ONE_WORD.sub(lambda m: m.group().lower(), text)
    text = _CAMEL.sub(" ", text) if text.isascii() else _camel_split(text)
    folded = fold(text)
    if not folded.isascii():
        folded = _OTHER_SCRIPT.sub(_romanized, folded)
    return [w for w in _NON_WORD.split(folded) if w]


@dataclass(frozen=True)
class Language:
    """One vocabulary file, parsed."""

    code: str
    name: str
    provenance: str
    headers: dict[Phrase, Phrase]
    values: dict[Phrase, tuple[Phrase, ...]]
    stopwords: frozenset[str]
    negations: frozenset[str] = frozenset()


def _phrases(raw: Any, where: str) -> dict[Phrase, list[Phrase]]:
    """``{canonical: [synonym, …]}`` -> {canonical words: [synonym words, …]}."""
    if not isinstance(raw, dict):
        raise MappingError(f"vocabulary {where} must be a mapping of phrase -> list")
    out: dict[Phrase, list[Phrase]] = {}
    for canonical, synonyms in raw.items():
        if not isinstance(synonyms, list):
            raise MappingError(f"vocabulary {where}: {canonical!r} needs a list of synonyms")
        target = tuple(words(str(canonical)))
        out.setdefault(target, []).extend(w for w in (tuple(words(str(s))) for s in synonyms) if w)
    return out


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """YAML without implicit booleans (``no``, ``on``, ``off`` are words here), and no key
    written twice in one mapping (YAML keeps the last silently: the first one's words
    would be lost)."""

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise MappingError(f"{key!r} is written twice (line {key_node.start_mark.line + 1})")
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse(text: str, code: str) -> Language:
    """Parse one vocabulary file; a clear error when its format is not understood."""
    try:
        data = yaml.load(text, Loader=_Loader)
    except MappingError as exc:
        raise MappingError(f"vocabulary {code}: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_VERSION:
        raise MappingError(f"vocabulary {code}: unknown format {data.get('format') if isinstance(data, dict) else None!r}")
    headers: dict[Phrase, Phrase] = {}
    for target, synonyms in _phrases(data.get("headers") or {}, f"{code}.headers").items():
        for s in synonyms:
            if s != target:
                headers.setdefault(s, target)
    values: dict[Phrase, tuple[Phrase, ...]] = {}
    for target, synonyms in _phrases(data.get("values") or {}, f"{code}.values").items():
        for s in synonyms:
            if s != target and target not in values.get(s, ()):
                values[s] = (*values.get(s, ()), target)
    stop = frozenset(w for s in data.get("stopwords") or [] for w in words(str(s)))
    negations = frozenset(w for s in data.get("negations") or [] for w in words(str(s)))
    return Language(code, str(data.get("name", code)), str(data.get("provenance", "")).strip(),
                    headers, values, stop, negations)


@lru_cache(maxsize=1)
def languages() -> tuple[Language, ...]:
    """Every shipped vocabulary file, in priority order. Parsing them takes about half a
    second, so the parsed files are kept in the cache folder of the name tables (a file
    that cannot be kept or read is only parsed again)."""
    from feedline.mapping.tables import kept

    try:
        return tuple(_unpacked(lang) for lang in kept("vocabulary", _packed, _valid_packed))
    except (KeyError, TypeError, ValueError):  # a kept file of another shape
        return _parsed()


def _parsed() -> tuple[Language, ...]:
    root = resources.files(__package__)
    return tuple(parse(root.joinpath(f"{code}.yaml").read_text(encoding="utf-8"), code)
                 for code in LANGUAGES)


def _packed() -> list[dict[str, Any]]:
    """The parsed files as JSON: phrases as lists of words."""
    return [{"code": lang.code, "name": lang.name, "provenance": lang.provenance,
             "headers": [[list(p), list(t)] for p, t in lang.headers.items()],
             "values": [[list(p), [list(t) for t in ts]] for p, ts in lang.values.items()],
             "stopwords": sorted(lang.stopwords), "negations": sorted(lang.negations)}
            for lang in _parsed()]


def _valid_packed(data: object) -> bool:
    return (isinstance(data, list) and [d.get("code") if isinstance(d, dict) else None for d in data]
            == list(LANGUAGES))


def _unpacked(d: dict[str, Any]) -> Language:
    return Language(d["code"], d["name"], d["provenance"],
                    {tuple(p): tuple(t) for p, t in d["headers"]},
                    {tuple(p): tuple(tuple(t) for t in ts) for p, ts in d["values"]},
                    frozenset(d["stopwords"]), frozenset(d["negations"]))


@lru_cache(maxsize=1)
def header_lexicon() -> dict[Phrase, Phrase]:
    """Header phrase -> canonical phrase, over all languages (earlier languages win)."""
    merged: dict[Phrase, Phrase] = {}
    for lang in languages():
        for phrase, target in lang.headers.items():
            merged.setdefault(phrase, target)
    return merged


@lru_cache(maxsize=1)
def value_lexicon() -> dict[Phrase, tuple[Phrase, ...]]:
    """Value phrase -> canonical option words it may mean, most likely first."""
    merged: dict[Phrase, tuple[Phrase, ...]] = {}
    for lang in languages():
        for phrase, targets in lang.values.items():
            merged[phrase] = merged.get(phrase, ()) + tuple(
                t for t in targets if t not in merged.get(phrase, ()))
    return merged


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Words that initials and abbreviations of option labels may skip (and, und, et, …)."""
    return frozenset().union(*(lang.stopwords for lang in languages()))


@lru_cache(maxsize=1)
def negations() -> frozenset[str]:
    """Words that negate an enum value (not, nicht, non, niet, …)."""
    return frozenset().union(*(lang.negations for lang in languages()))


def conflicts() -> list[tuple[Phrase, str, Phrase, str, Phrase]]:
    """Header phrases two languages give different meanings: (phrase, lang, target, lang, target)."""
    seen: dict[Phrase, tuple[str, Phrase]] = {}
    out = []
    for lang in languages():
        for phrase, target in lang.headers.items():
            first = seen.setdefault(phrase, (lang.code, target))
            if first[1] != target:
                out.append((phrase, first[0], first[1], lang.code, target))
    return out


__all__ = ["LANGUAGES", "Language", "conflicts", "fold", "header_lexicon", "languages",
           "negations", "stopwords", "value_lexicon", "words"]
