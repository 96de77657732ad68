"""Code lists an enum's options may come from: countries, currencies, languages, units,
Incoterms.

When a field's options are ISO codes (3166-1 countries, 4217 currencies, 639-1
languages), units of measure, or the names of such codes, every code and every name of
it maps to the option. Names come from open data that packages ship: pycountry (ISO
lists and their gettext translations) and Babel (Unicode CLDR: localized country,
currency, language and unit names, unit symbols and currency symbols), in the vocabulary
languages and in :data:`NAME_LOCALES`, languages nobody wrote a vocabulary for; currency
names from every CLDR language. The Incoterms rules' names in several languages are data
of feedline's own (``data/incoterms.yaml``): no package ships them.
"""

from __future__ import annotations

import gettext
import unicodedata
from collections import Counter
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path

import pycountry
import yaml
from babel import Locale, UnknownLocaleError

from feedline.blueprint.model import Field
from feedline.mapping.normalize import value_key
from feedline.mapping.tables import kept
from feedline.mapping.vocabulary import LANGUAGES, words

COUNTRY_ALIASES: dict[str, str] = {
    "uk": "GB", "u.k.": "GB", "great britain": "GB", "britain": "GB", "england": "GB",
    "usa": "US", "u.s.": "US", "u.s.a.": "US", "united states of america": "US",
    "america": "US", "holland": "NL", "the netherlands": "NL",
}
MIN_SHARE = 0.8  # this share of a field's options must be codes (or names) of one list
# CLDR locales whose names count besides the vocabulary languages' (Latin script, Europe
# and beyond): a partner writing Norwegian or Turkish names its countries in its language.
NAME_LOCALES = ("en_GB", "da", "sv", "nb", "nn", "fi", "is", "pl", "cs", "sk", "sl", "hr", "bs", "hu", "ro",
                "tr", "ca", "gl", "eu", "et", "lv", "lt", "sq", "ga", "cy", "af", "id", "ms")
UNIT_MAJORITY = 0.8  # the share of languages that must give a spelling one unit
MIN_FOREIGN_NAME = 4  # a name from NAME_LOCALES shorter than this is too easily a code


@cache
def _locale(code: str) -> Locale:
    return Locale.parse(code)


@cache
def vocabulary_locales() -> tuple[Locale, ...]:
    """The CLDR locales of the vocabulary languages, in their order; a language Babel
    has no locale for gives no names (its vocabulary file still counts)."""
    out = []
    for lang in LANGUAGES:
        try:
            out.append(_locale(lang))
        except (UnknownLocaleError, ValueError, LookupError):
            continue
    return tuple(out)


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """The table :func:`_country_names` builds, kept between processes (:mod:`feedline.mapping.tables`)."""
    return kept("country_names", _country_names)


@lru_cache(maxsize=1)
def core_country_names() -> dict[str, str]:
    """:func:`country_names` of the vocabulary languages and :data:`NAME_LOCALES` only: the
    names a people's adjective is compared with (the more names, the more false stems)."""
    return kept("country_names_core", lambda: _country_names(extended=False))


@cache
def _iso_translators() -> tuple[gettext.NullTranslations, ...]:
    """pycountry's ISO 3166-1 translations of the vocabulary languages it has."""
    out = []
    for lang in LANGUAGES[1:]:
        try:
            out.append(gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]))
        except OSError:
            continue
    return tuple(out)


def _country_names(extended: bool = True) -> dict[str, str]:
    """Folded country names and codes (all vocabulary languages) -> alpha-2."""
    names: dict[str, str] = {}
    translators = _iso_translators()
    for c in pycountry.countries:
        for name in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if name:
                names.setdefault(value_key(name), c.alpha_2)
                for t in translators:
                    names.setdefault(value_key(t.gettext(name)), c.alpha_2)
    for loc in vocabulary_locales():
        for code, name in loc.territories.items():
            if len(code) == 2 and code.isalpha() and pycountry.countries.get(alpha_2=code):
                names.setdefault(value_key(name), code)
    for c in pycountry.countries:
        names.setdefault(c.alpha_2.casefold(), c.alpha_2)
        names.setdefault(c.alpha_3.casefold(), c.alpha_2)
    _add_foreign(names, lambda loc: {code: name for code, name in loc.territories.items()
                                     if len(code) == 2 and code.isalpha()
                                     and pycountry.countries.get(alpha_2=code)}, extended)
    names.update(COUNTRY_ALIASES)
    return names


SHARED = "*"  # a currency table entry of a symbol several currencies write: "*INR,LKR,NPR,PKR"
MIN_INITIALS = 3  # letters of a country's initials (two are an ISO code's ground)


@lru_cache(maxsize=1)
def country_initials() -> dict[str, str]:
    """The table :func:`_country_initials` builds, kept between processes."""
    return kept("country_initials", _country_initials)


def _country_initials() -> dict[str, str]:
    """Initials of the country names of several words (ISO names, common and official
    names, in English and pycountry's translations into the vocabulary languages) ->
    alpha-2, with and without the stop words: ``PRC`` (People's Republic of China),
    ``UAE``, ``DRC``, ``ROK``, Croatian ``SAD`` (Sjedinjene Američke Države). Initials
    that stand for two countries, or that are a country's code or name, are left out."""
    from feedline.mapping.vocabulary import stopwords, words

    found: dict[str, set[str]] = {}
    for c in pycountry.countries:
        for name in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if not name:
                continue
            for spelt in {name, *(t.gettext(name) for t in _iso_translators())}:
                head, _, tail = spelt.partition(",")  # ``Korea, Republic of``: Republic of Korea
                ws = words(f"{tail} {head}".replace("'s ", " ").replace("’s ", " "))
                for kept_words in (ws, [w for w in ws if w not in stopwords()]):
                    if len(kept_words) >= MIN_INITIALS:
                        found.setdefault("".join(w[0] for w in kept_words), set()).add(c.alpha_2)
    names = country_names()
    return {initials: codes.pop() for initials, codes in found.items()
            if len(codes) == 1 and initials not in names}


LATIN_SHARE = 0.95  # of the letters of a locale's country names, for it to write Latin script


@cache
def name_locales() -> tuple[str, ...]:
    """:data:`NAME_LOCALES`, then every other CLDR language (no regional variant) that
    writes its country names in Latin letters (Swahili ``Marekani``, Vietnamese ``Tiếng
    Anh``): a partner types names in its own language, and CLDR has most of them."""
    from babel.localedata import locale_identifiers

    out = list(NAME_LOCALES)
    for code in sorted(locale_identifiers()):
        if "_" in code or code in out or code in LANGUAGES:
            continue
        try:
            names = list(_locale(code).territories.values())
        except (UnknownLocaleError, ValueError, LookupError):
            continue
        letters = [c for n in names for c in n if c.isalpha()]
        if len(names) >= 100 and letters and \
                sum("LATIN" in unicodedata.name(c, "") for c in letters) >= LATIN_SHARE * len(letters):
            out.append(code)
    return tuple(out)


def _add_foreign(names: dict[str, str], read: Callable[[Locale], dict[str, str]],
                 extended: bool = True) -> None:
    """Names of :data:`NAME_LOCALES`, then (``extended``) of the other :func:`name_locales`
    (code -> name per locale), that no other code has: the later locales add names, they
    take none away."""
    for locales in (NAME_LOCALES, name_locales()[len(NAME_LOCALES):] if extended else ()):
        found: dict[str, set[str]] = {}
        for lang in locales:
            try:
                pairs = read(_locale(lang))
            except (UnknownLocaleError, ValueError, LookupError):
                continue
            for code, name in pairs.items():
                key = value_key(name)
                if len(key) >= MIN_FOREIGN_NAME and key not in names:
                    found.setdefault(key, set()).add(code)
        names.update({key: next(iter(codes)) for key, codes in found.items() if len(codes) == 1})


_ISO_CURRENCIES = frozenset(c.alpha_3 for c in pycountry.currencies)


@lru_cache(maxsize=1)
def currency_names() -> dict[str, str]:
    """The table :func:`_currency_names` builds, kept between processes (:mod:`feedline.mapping.tables`)."""
    return kept("currency_names", _currency_names)


def _currency_names() -> dict[str, str]:
    """Folded currency codes, names (all vocabulary languages) and unique symbols -> code."""
    names: dict[str, str] = {}
    for c in pycountry.currencies:
        names.setdefault(c.alpha_3.casefold(), c.alpha_3)
        names.setdefault(value_key(c.name), c.alpha_3)
    symbols: dict[str, set[str]] = {}
    for loc in vocabulary_locales():
        for code, name in loc.currencies.items():
            if "(" not in name:  # historic currencies carry their years
                names.setdefault(value_key(name), code)
        for code, sym in loc.currency_symbols.items():
            symbols.setdefault(value_key(sym), set()).add(code)
    for sym, codes in symbols.items():
        if len(codes) == 1 and sym not in names:
            names[sym] = next(iter(codes))
        elif sym not in names:  # ``$``, ``Rs``: read where the field has one of them only
            names[sym] = SHARED + ",".join(sorted(codes))
    _add_foreign(names, lambda loc: {code: name for code, name in loc.currencies.items() if "(" not in name})
    _add_every_locale(names)
    return names


def _add_every_locale(names: dict[str, str]) -> None:
    """Currency names of every CLDR language, in any script (``АҚШ доллары``), with their
    plural forms, that name one currency; then single words of those names that name only
    one currency in every language (``тенге``, ``złoty``, ``đồng``): a partner writes the
    currency's own word without its country."""
    from babel.localedata import locale_identifiers

    full: dict[str, set[str]] = {}
    words: dict[str, set[str]] = {}
    for lang in sorted(locale_identifiers()):
        if "_" in lang:
            continue
        try:
            loc = _locale(lang)
            plural = loc._data["currency_names_plural"]
        except (UnknownLocaleError, ValueError, LookupError):
            continue
        for code, name in loc.currencies.items():
            if "(" in name or code not in _ISO_CURRENCIES:
                continue  # historic and non-ISO currencies carry their years or none
            spelt = {name, *dict(plural.get(code) or {}).values()}
            for text in spelt:
                key = value_key(text)
                full.setdefault(key, set()).add(code)
                for word in key.split():
                    if sum(c.isalpha() for c in word) >= MIN_FOREIGN_NAME:
                        words.setdefault(word, set()).add(code)
    for table in (full, words):
        for key, codes in table.items():
            if len(codes) == 1 and key not in names and len(key) >= MIN_FOREIGN_NAME:
                names[key] = next(iter(codes))


@lru_cache(maxsize=1)
def unit_names() -> dict[str, str]:
    """The table :func:`_unit_names` builds, kept between processes (:mod:`feedline.mapping.tables`)."""
    return kept("unit_names", _unit_names)


def _unit_names() -> dict[str, str]:
    """Folded unit names and symbols (CLDR, every language here) -> CLDR unit id
    (``kg``, ``Kilogramm``, ``kilogrammat`` -> ``mass-kilogram``). A spelling two units
    share goes to the one nearly all languages give it (``km``), else to none."""
    found: dict[str, Counter[str]] = {}
    for lang in (*LANGUAGES, *NAME_LOCALES):
        try:
            data = _locale(lang)._data
        except (UnknownLocaleError, ValueError, LookupError):
            continue
        spelt: set[tuple[str, str]] = set()
        for unit, widths in data["unit_display_names"].items():
            spelt.update((value_key(n), unit) for n in widths.values() if isinstance(n, str))
        for unit, widths in data["unit_patterns"].items():
            for width in ("long", "short"):
                spelt.update((value_key(p.replace("{0}", "")), unit)
                             for p in (widths.get(width) or {}).values()
                             if isinstance(p, str) and "{0}" in p)
        for spelling, unit in spelt:
            if spelling and not unit.endswith("-person"):  # day-person: a day, for grammar
                found.setdefault(spelling, Counter())[unit] += 1
                if "²" in spelling or "³" in spelling:
                    found.setdefault(spelling.translate(_SUPERSCRIPTS), Counter())[unit] += 1
    out = {}
    for spelling, units in found.items():
        (unit, n), = units.most_common(1)
        if n >= UNIT_MAJORITY * sum(units.values()):
            out[spelling] = unit
    return out


_SUPERSCRIPTS = str.maketrans({"²": "2", "³": "3"})  # m³ is written m3 as often


@lru_cache(maxsize=1)
def language_names() -> dict[str, str]:
    """The table :func:`_language_names` builds, kept between processes (:mod:`feedline.mapping.tables`)."""
    return kept("language_names", _language_names)


def _language_names() -> dict[str, str]:
    """Folded ISO 639-1 codes and language names (all vocabulary languages, and those of
    :data:`NAME_LOCALES` no other code has: ``Gaztelania``, ``Engels``) -> code."""
    names: dict[str, str] = {}
    for loc in vocabulary_locales():
        for code, name in loc.languages.items():
            if len(code) == 2:
                names.setdefault(value_key(name), code)
    _add_foreign(names, lambda loc: {code: name for code, name in loc.languages.items() if len(code) == 2})
    for code in set(names.values()):
        names.setdefault(code, code)
        iso = pycountry.languages.get(alpha_2=code)
        if iso is not None and getattr(iso, "alpha_3", None):
            names.setdefault(str(iso.alpha_3).casefold(), code)
    return names


INCOTERMS = Path(__file__).with_name("data") / "incoterms.yaml"


@cache
def incoterm_names() -> dict[str, str]:
    """Incoterms codes and their names (``ex works``, ``franco fabbrica``, ``frei an Bord``)
    -> code, as written and without their punctuation."""
    terms = yaml.safe_load(INCOTERMS.read_text(encoding="utf-8"))["terms"]
    names: dict[str, str] = {}
    for code, spellings in terms.items():
        names[code.casefold()] = code
        for spelling in spellings:
            names.setdefault(value_key(spelling), code)
            names.setdefault(" ".join(words(spelling)), code)
    return names


_LISTS: dict[str, Callable[[], dict[str, str]]] = {
    "country": country_names, "currency": currency_names, "language": language_names,
    "unit": unit_names, "incoterm": incoterm_names,
}


def _option_code(kind: str, value: str, label: str) -> str | None:
    """The code an option stands for in a list (by its value, else its label)."""
    names = _LISTS[kind]()
    code = names.get(value_key(value))
    if code is not None and value_key(value) == code.casefold():
        return code
    found = names.get(value_key(label)) or code
    return None if found is None or found.startswith(SHARED) else found


@lru_cache(maxsize=256)
def code_list(field: Field) -> tuple[str, dict[str, str]] | None:
    """(list name, spelling -> option value) when ``field``'s options come from a code list."""
    if len(field.options) < 2:
        return None
    for kind in ("country", "currency", "language", "unit", "incoterm"):
        if kind == "language" and not any(w in f"{field.key} {field.label}".casefold()
                                          for w in ("lang", "sprach", "langu", "idiom", "lingu", "taal")):
            continue  # two-letter options are more often countries; say "language" to mean it
        codes = {o.value: _option_code(kind, o.value, o.label) for o in field.options}
        hits = [c for c in codes.values() if c is not None]
        if len(hits) < max(2, int(MIN_SHARE * len(field.options))) or len(set(hits)) < len(hits):
            continue
        by_code = {c: v for v, c in codes.items() if c is not None}
        spellings = {}
        for s, c in _LISTS[kind]().items():
            if c.startswith(SHARED):  # a symbol of several currencies, one of them an option
                mine = [by_code[x] for x in c[len(SHARED):].split(",") if x in by_code]
                if len(mine) == 1:
                    spellings[s] = mine[0]
            elif c in by_code:
                spellings[s] = by_code[c]
        return kind, spellings
    return None


__all__ = ["COUNTRY_ALIASES", "NAME_LOCALES", "code_list", "core_country_names", "country_names", "currency_names",
           "incoterm_names", "language_names", "unit_names"]
