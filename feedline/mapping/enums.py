"""Map the distinct values of an enum column onto the field's options."""

from __future__ import annotations

import gettext
from collections.abc import Iterable, Mapping
from functools import lru_cache

import pycountry
from rapidfuzz import fuzz, process

from feedline.blueprint.model import Field
from feedline.mapping.normalize import value_key
from feedline.mapping.plan import EnumValueMapping

# Translated or variant spellings -> an English word an option value or label may carry.
VALUE_SYNONYMS: dict[str, str] = {
    "aktiv": "active", "actif": "active", "activo": "active", "activa": "active",
    "inaktiv": "inactive", "inactif": "inactive", "inactivo": "inactive",
    "interessent": "lead", "prospect": "lead", "prospecto": "lead",
    "abgewandert": "churned", "gekündigt": "churned", "perdu": "churned",
    "ausstehend": "pending", "offen": "pending", "en attente": "pending", "pendiente": "pending",
    "bezahlt": "paid", "payé": "paid", "pagado": "paid",
    "versendet": "shipped", "versandt": "shipped", "expédié": "shipped", "enviado": "shipped",
    "geliefert": "delivered", "zugestellt": "delivered", "livré": "delivered",
    "entregado": "delivered",
    "storniert": "cancelled", "canceled": "cancelled", "annulé": "cancelled",
    "cancelado": "cancelled",
    "erstattet": "refunded", "rückerstattet": "refunded", "remboursé": "refunded",
    "reembolsado": "refunded",
    "y": "yes", "j": "yes", "ja": "yes", "oui": "yes", "si": "yes", "sí": "yes", "sim": "yes",
    "n": "no", "nein": "no", "non": "no", "nee": "no", "não": "no",
    "m": "male", "man": "male", "männlich": "male", "homme": "male", "hombre": "male",
    "f": "female", "w": "female", "woman": "female", "weiblich": "female", "femme": "female",
    "mujer": "female",
}
COUNTRY_ALIASES: dict[str, str] = {
    "uk": "GB", "u.k.": "GB", "great britain": "GB", "britain": "GB", "usa": "US",
    "u.s.": "US", "u.s.a.": "US", "united states of america": "US", "america": "US",
    "holland": "NL", "the netherlands": "NL",
}
_LANGUAGES = ("de", "fr", "es", "it", "nl", "pt")

Match = tuple[str, float, str]  # option value, confidence, reason


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Folded country names and codes (English and a few languages) -> alpha-2."""
    names: dict[str, str] = {}
    translators = []
    for lang in _LANGUAGES:
        try:
            translators.append(
                gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
            )
        except OSError:
            continue
    for c in pycountry.countries:
        a2 = c.alpha_2
        english = [c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)]
        for name in english:
            if name:
                names.setdefault(value_key(name), a2)
                for t in translators:
                    names.setdefault(value_key(t.gettext(name)), a2)
    return names


def is_country_field(field: Field) -> bool:
    """True when the options look like ISO country codes or country names."""
    if not field.options:
        return False
    hits = 0
    names = _country_names()
    for o in field.options:
        code = o.value.upper()
        if (len(code) == 2 and pycountry.countries.get(alpha_2=code)) or value_key(o.label) in names:
            hits += 1
    return hits >= max(2, int(0.8 * len(field.options)))


def _option_country(value: str, label: str) -> str | None:
    code = value.upper()
    if len(code) == 2 and pycountry.countries.get(alpha_2=code):
        return code
    return _country_names().get(value_key(label))


@lru_cache(maxsize=256)
def _index(field: Field) -> tuple[dict[str, Match], bool]:
    """Normalized spelling -> match, for every exact way to name an option."""
    index: dict[str, Match] = {}
    for o in field.options:
        index.setdefault(value_key(o.value), (o.value, 1.0, "option value"))
        index.setdefault(value_key(o.value.replace("_", " ")), (o.value, 0.98, "option value"))
        index.setdefault(value_key(o.label), (o.value, 0.98, "option label"))
        index.setdefault(value_key(o.label.replace("&", "and")), (o.value, 0.97, "option label"))
    country = is_country_field(field)
    if country:
        by_a2 = {_option_country(o.value, o.label): o.value for o in field.options}
        by_a2.pop(None, None)
        spellings = dict(_country_names())
        for c in pycountry.countries:
            spellings.setdefault(c.alpha_2.casefold(), c.alpha_2)
            spellings.setdefault(c.alpha_3.casefold(), c.alpha_2)
        spellings.update(COUNTRY_ALIASES)
        for spelling, a2 in spellings.items():
            if a2 in by_a2:
                index.setdefault(spelling, (by_a2[a2], 0.95, f"country {a2}"))
    return index, country


def match_value(raw: str, field: Field) -> Match | None:
    """Best option for one source value, or None when nothing fits well enough."""
    key = value_key(raw)
    if not key:
        return None
    index, country = _index(field)
    if key in index:
        return index[key]
    synonym = VALUE_SYNONYMS.get(key)
    if synonym is not None and synonym in index:
        option, _, _ = index[synonym]
        return option, 0.95, f'synonym "{key}"="{synonym}"'
    if country:
        return None  # country codes are too short for prefix or fuzzy guesses
    if len(key) >= 3 and key.isalpha():
        starts = {m[0] for k, m in index.items() if k.startswith(key)}
        if len(starts) == 1:
            option = starts.pop()
            return option, 0.85, f'abbreviation of "{option}"'
    if len(key) >= 4:
        best = process.extract(key, list(index), scorer=fuzz.ratio, limit=2, score_cutoff=88)
        options = {index[k][0] for k, _, _ in best}
        if len(options) == 1:
            return index[best[0][0]][0], 0.8, f'similar to "{best[0][0]}"'
    return None


def map_enum_values(
    counts: Mapping[str, int] | Iterable[tuple[str, int]],
    field: Field,
    *,
    remembered: Mapping[str, str] | None = None,
) -> list[EnumValueMapping]:
    """Map each distinct source value (with its count) of ``field`` to an option or None.

    ``remembered`` holds normalized value -> option pairs learnt from earlier plans.
    """
    items = list(counts.items()) if isinstance(counts, Mapping) else list(counts)
    options = {o.value for o in field.options}
    result = []
    for raw, count in items:
        key = value_key(raw)
        if remembered and remembered.get(key) in options:
            result.append(EnumValueMapping(raw, remembered[key], count, 0.99, "remembered"))
            continue
        found = match_value(raw, field)
        if found is None:
            reason = f'no option of "{field.key}" matches "{raw.strip()}"'
            result.append(EnumValueMapping(raw, None, count, 0.0, reason))
        else:
            option, conf, why = found
            result.append(EnumValueMapping(raw, option, count, conf, why))
    return result


def known_share(counts: Mapping[str, int], field: Field) -> float:
    """Share of value occurrences that map to some option (0 when there are none)."""
    total = sum(counts.values())
    if not total:
        return 0.0
    hit = sum(n for v, n in counts.items() if match_value(v, field) is not None)
    return hit / total
