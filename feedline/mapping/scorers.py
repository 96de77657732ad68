"""Score how well each source column fits each field: names first, values as evidence."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import numpy as np
import polars as pl
from rapidfuzz import fuzz, process

from feedline.blueprint.model import Field, SheetSpec
from feedline.mapping.abbrev import abbreviates
from feedline.mapping.codelists import vocabulary_locales
from feedline.mapping.cognates import cognate_index
from feedline.mapping.enums import distinct_options, known_share
from feedline.mapping.kinship import (
    COGNATE_PART,
    COGNATE_WORDS,
    cognate_match,
    kin_words,
    same_unit,
    unit_owners,
)
from feedline.mapping.normalize import Form, form, header_forms, shared_prefix, words
from feedline.mapping.tables import kept
from feedline.mapping.vocabulary import fold, value_lexicon

# Confidence of each kind of name match; a derived header form (prefix stripped, last
# path segment) costs DERIVED_PENALTY because it throws words away.
EXACT, ALIAS = 1.0, 0.97
WORDS_NAME, WORDS_ALIAS = 0.95, 0.93
LEXICON_NAME, LEXICON_ALIAS = 0.91, 0.90
DERIVED_PENALTY = 0.03
# Confidence of an abbreviation by the length of its letters (1, 2, 3, 4+ letters).
ABBREVIATED = (0.0, 0.45, 0.55, 0.65, 0.72)
VALUES_ONLY = 0.62  # value evidence alone stays "moderate": a person must confirm
# Values that map to this many different options of an enum field raise a values-only
# candidate by a step each (calibrated per shape: ``values-enum``).
ENUM_OPTION_STEP, ENUM_OPTIONS_TELLING = 0.04, 4
# Values that name at least this many options, this share of them known, when the rest
# are words no rule reads: a values-only suggestion of its own (``values-enum-partial``).
PARTIAL_ENUM_OPTIONS, PARTIAL_ENUM_SHARE, PARTIAL_ENUM_BASE = 2, 0.35, 0.55
SAMPLE_ROWS = 5000
FIELD_PREFIX_SHARE = 0.75  # a first word this many field keys share may be dropped (derived)
ENUM_MAX_DISTINCT = 60
_IDENTIFIER = frozenset({"id"})  # sharing only this word says nothing (every "X no" is one)


@dataclass
class Candidate:
    """One scored (source column, field) pair."""

    field: str
    confidence: float
    reason_code: str
    reason: str
    ambiguous: bool = False  # a rival field or column scored nearly as high
    # The calibration group when the evidence is not a scorer's (memory, renames,
    # elimination); None: derived from the reason code.
    group: str | None = None
    # For values-only candidates, the value shape that points at the field (enum, email,
    # boolean, phone): each is calibrated on its own.
    shape: str | None = None


@dataclass(frozen=True)
class Profile:
    """What a column's non-empty values look like, as shares of 0..1."""

    filled: int
    email: float = 0.0
    date: float = 0.0
    number: float = 0.0
    boolean: float = 0.0
    phone: float = 0.0
    distinct: int = 0
    counts: tuple[tuple[str, int], ...] = ()  # distinct values when few enough for enums
    integer: float = 0.0  # whole numbers written without a decimal part (counts, not money)
    blank: float = 0.0  # share of the sampled rows left empty
    year: int | None = None  # the median year of date values (birth dates lie decades back)
    # Every value one prefix and a number, no two alike, the numbers (nearly) consecutive:
    # a running number, as a system gives its own records (``INV-0001041``).
    sequence: bool = False
    # The values are the rows' positions, 1, 2, 3, … in file order: a row counter (``№ п/п``,
    # ``Lp.``, ``R. br.``), which numbers the lines of this file and no record.
    counter: bool = False
    person: float = 0.0  # a person's name: two or more capitalized words (``Lucía de Vries``)
    organization: float = 0.0  # a company's name with its legal form (``Podravka d.d.``, ``Volvo AB``)


_EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
_NUMBER = (r"^[-+]?(?:[A-Z]{3}\s?|[$€£¥]\s?)?(\d+|\d{1,3}([,.'\s]\d{3})+)([.,]\d+)?"
           r"\s?(?:[$€£¥%]|[A-Z]{3})?$")
_PHONE = r"^\+?[\d\s().\-/]{7,20}$"
PHONE_DIGITS = (7, 15)  # a phone number's digits (E.164: 15 at most; a SIM's ICCID has 19 or 20)
_PERSON = r"^\p{Lu}[\p{L}'’\-]+(?:\s+(?:\p{Lu}[\p{L}'’\-]+|\p{Ll}{1,3}))*\s+\p{Lu}[\p{L}'’\-]+$"
_INTEGER = r"^[-+]?\d{1,3}(?:[\s\u00a0'’]?\d{3})*$"  # 12, 1 234, 12'345: no decimal part


SHORT_FORM = 2  # legal forms this short (``AB``, ``AG``, ``SA``) count written in capitals only


@lru_cache(maxsize=1)
def _organization_pattern() -> str:
    """A name, then a legal form of a company as the ``cleanco`` package lists them for
    many countries (``d.o.o.``, ``GmbH``, ``s.r.o.``, ``Sp. z o.o.``, ``Ltd``, ``AB``);
    the plain words among them (``company``, ``limited``, ``private``) left out."""
    from cleanco.termdata import terms_by_type

    terms = {t.strip() for ts in terms_by_type.values() for t in ts if t.strip()}
    terms = {t for t in terms if not t.isalpha() or len(t) <= 5}
    short = sorted({t.upper() for t in terms if t.isalpha() and len(t) <= SHORT_FORM}, key=len, reverse=True)
    long = sorted((t for t in terms if not (t.isalpha() and len(t) <= SHORT_FORM)), key=len, reverse=True)
    spelt = "|".join(re.escape(t).replace(r"\ ", r"\s*") for t in long)
    return rf"\S[\s,]+(?:(?i:{spelt})|{'|'.join(short)})\.?\s*$"


_DAY = r"(0?[1-9]|[12]\d|3[01])"  # a day or month number: never 0 or 00 (20-00-00 is a sort code)


@lru_cache(maxsize=1)
def _date_pattern() -> str:
    """Numeric dates, and dates with month names in every vocabulary language (CLDR via
    Babel; the month names kept between processes)."""
    return kept("date_pattern", lambda: {"pattern": _build_date_pattern()})["pattern"]


def _build_date_pattern() -> str:
    names: set[str] = set()
    for loc in vocabulary_locales():
        months = loc.months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                names.update(fold(m).rstrip(".") for m in months[context][width].values())
    month = "|".join(sorted((re.escape(n) for n in names if n), key=len, reverse=True))
    return (
        r"(?i)^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\.?([ T]\d{1,2}:\d{2}.*)?"
        rf"|{_DAY}(?:[-/]|\.\s?){_DAY}(?:[-/]|\.\s?)\d{{2,4}}([ T]\d{{1,2}}:\d{{2}}.*)?"
        r"|(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])"
        rf"|\d{{1,2}}\.?[ -]?(de )?({month})\.?,?[ -]?(de )?\d{{2,4}}"
        rf"|({month})\.? \d{{1,2}},? \d{{4}})$"
    )


@lru_cache(maxsize=1)
def _boolean_pattern() -> str:
    """Yes/no words of every vocabulary language, plus 1/0 and x."""
    words_ = {"true", "false", "yes", "no", "1", "0", "x"}
    for phrase, targets in value_lexicon().items():
        if len(phrase) == 1 and any(t in (("yes",), ("no",)) for t in targets):
            words_.add(phrase[0])
    return r"(?i)^(" + "|".join(sorted(re.escape(w) for w in words_)) + r")$"


def _share(mask: pl.Series) -> float:
    """Share of True in a boolean series (0 when empty)."""
    n = mask.len()
    return int(mask.sum()) / n if n else 0.0


SEQUENCE_MIN, SEQUENCE_STEP_SHARE = 5, 0.8


def running_number(s: pl.Series) -> bool:
    """Whether non-empty values ``s`` are a running number: one prefix (letters, dashes)
    before the digits of every value, no value twice, and at least
    :data:`SEQUENCE_STEP_SHARE` of the sorted numbers one more than the one before."""
    n = s.len()
    if n < SEQUENCE_MIN or s.n_unique() != n:
        return False
    parts = s.str.extract_groups(r"^([^\d]*?)(\d{1,12})$")
    prefix, digits = parts.struct.field("1"), parts.struct.field("2")
    if digits.null_count() or prefix.n_unique() != 1:
        return False
    numbers = digits.cast(pl.Int64).sort()
    steps = numbers.diff().drop_nulls()
    return bool(steps.len()) and _share(steps == 1) >= SEQUENCE_STEP_SHARE


def row_counter(s: pl.Series) -> bool:
    """Whether the values are 1, 2, 3, … in the order of the rows."""
    return bool((s == pl.int_range(1, s.len() + 1, eager=True).cast(pl.String)).all())


def profile_column(series: pl.Series) -> Profile:
    """Measure the shapes of a column's non-empty values (first rows only)."""
    s = series.head(SAMPLE_ROWS).cast(pl.String).str.strip_chars()
    rows = s.len()
    s = s.filter(s.is_not_null() & (s != ""))
    n = s.len()
    if n == 0:
        return Profile(0, blank=1.0 if rows else 0.0)
    digits = s.str.count_matches(r"\d")
    phone_like = s.str.contains(_PHONE) & (digits >= PHONE_DIGITS[0]) & (digits <= PHONE_DIGITS[1])
    ascii_only = not bool(s.str.contains(r"[^\x00-\x7f]").any())
    folded = s if ascii_only else s.str.normalize("NFKD").str.replace_all(r"\p{Mn}", "")
    date_like = folded.str.contains(_date_pattern())
    distinct = s.n_unique()
    counts: tuple[tuple[str, int], ...] = ()
    if distinct <= ENUM_MAX_DISTINCT:
        vc = series.head(SAMPLE_ROWS).cast(pl.String).value_counts()
        counts = tuple(
            (v, int(c)) for v, c in vc.iter_rows() if v is not None and v.strip()
        )
    date = _share(date_like)
    number = _share(s.str.contains(_NUMBER))
    year = None
    if date >= 0.5:
        years = folded.filter(date_like).str.extract(r"((?:19|20)\d{2})", 1).drop_nulls()
        year = int(years.cast(pl.Int32).median()) if years.len() else None  # type: ignore[arg-type]
    return Profile(
        blank=1.0 - n / rows,
        integer=_share(s.str.contains(_INTEGER)) if number >= 0.5 else 0.0,
        year=year,
        filled=n,
        email=_share(s.str.contains(_EMAIL)),
        date=date,
        number=number,
        boolean=_share(folded.str.contains(_boolean_pattern())),
        phone=_share(phone_like & ~date_like),
        distinct=distinct,
        counts=counts,
        sequence=(sequence := distinct == n and running_number(s)),
        counter=sequence and n == rows and row_counter(s),
        person=_share(s.str.contains(_PERSON)),
        # a column mostly of numbers holds no company names (the pattern is long: skip it)
        organization=_share(s.str.contains(_organization_pattern())) if number < 0.5 else 0.0,
    )


def field_kind(f: Field) -> str:
    """The value shape a field expects: email, phone, date, number, boolean, enum or text."""
    words = f"{f.key} {f.label}".casefold()
    if f.type in ("date", "datetime"):
        return "date"
    if f.type in ("number", "integer"):
        return "number"
    if f.type in ("boolean", "enum"):
        return f.type
    if "email" in words or "e-mail" in words:
        return "email"
    if "phone" in words:
        return "phone"
    return "text"


def specific_kind(f: Field) -> str | None:
    """The field's value shape when values alone can point at it (not text or number)."""
    kind = field_kind(f)
    return kind if kind in ("email", "phone", "date", "boolean", "enum") else None


NUMBERS_NO_NAME = 0.9  # of a column's values written as numbers: it holds no person's name


@lru_cache(maxsize=4096)
def _names_a_person(f: Field) -> bool:
    from feedline.mapping.evidence import field_shape

    return field_shape(f) == "person"


def value_fit(
    profile: Profile, f: Field, remembered: Mapping[str, Any] | None = None
) -> tuple[float, str]:
    """How strongly the values support (>0) or contradict (<0) ``f``, with a note.

    ``remembered`` holds enum values memory learnt for ``f`` (they count as fitting).
    """
    if profile.filled < 3:
        return 0.0, ""
    kind = field_kind(f)
    share: float
    if kind == "enum":
        if not profile.counts:
            return -0.3, "too many distinct values for an enum"
        share = known_share(dict(profile.counts), f, remembered)
        if share < 0.5 and max(profile.email, profile.date) < 0.5 and (
                profile.number < 0.8 or _numeric_options(f)):
            # Few distinct words or codes that no rule knows (another language, a code
            # scheme): no evidence against the field; the enum gate asks about the values.
            return 0.0, f"{share:.0%} of values are known options"
    elif kind == "text":
        if profile.email >= 0.8:
            return -0.1, "values are emails"
        if profile.date >= 0.8:
            return -0.1, "values are dates"
        if profile.number >= NUMBERS_NO_NAME and _names_a_person(f):
            return -0.35, "values are numbers, no one's name"
        return 0.0, ""
    else:
        share = getattr(profile, kind)
        if kind == "number" and profile.date >= 0.5:
            return -0.45, f"{profile.date:.0%} of values are dates"
    if share >= 0.8:
        return 0.05, f"{share:.0%} of values fit {kind}"
    if share >= 0.5:
        return 0.0, ""
    if share >= 0.2:
        return -0.15, f"only {share:.0%} of values fit {kind}"
    return -0.35, f"only {share:.0%} of values fit {kind}"


def _numeric_options(f: Field) -> bool:
    """Options that are numbers themselves (codes 1, 2, 3): numeric values may be them."""
    return any(o.value.strip().lstrip("-").replace(".", "", 1).isdigit() for o in f.options)


def entity_words(sheet: SheetSpec) -> set[str]:
    """Singular forms of the sheet's slug and name (``orders`` -> ``order``)."""
    out = set()
    for w in words(f"{sheet.slug} {sheet.name}"):
        out.add(w[:-3] + "y" if w.endswith("ies") else w[:-1] if w.endswith("s") else w)
    return out


def _names(
    f: Field, entity: Set[str] = frozenset(), prefix: str | None = None
) -> list[tuple[Form, bool, bool]]:
    """Comparison forms of a field as (form, primary, derived).

    Key and label are primary and read as English (the blueprint's language), alternative
    names are not and read in any language; a primary name that starts
    with the sheet's entity (``order date`` on ``orders``) also counts without it (derived).
    """
    out = [(form(f.key, english=True), True, False), (form(f.label, english=True), True, False)]
    out += [(form(a), False, False) for a in f.alternative_names]  # a person may list any language's
    for name in (f.key, f.label):
        toks = words(name)
        if len(toks) > 1 and (toks[0] in entity or toks[0] == prefix):
            out.append((form(name, toks[1:], english=True), True, True))
    return out


def _notes(*forms: Form) -> str:
    notes = sorted({n for fm in forms for n in fm.notes})
    return f" (abbreviation: {', '.join(notes)})" if notes else ""


def _name_score(
    header: str, hforms: list[Form], f: Field, names: list[tuple[Form, bool, bool]]
) -> Candidate | None:
    """Best exact, alias, normalized or lexicon match of a header to a field's names."""
    raw = header.strip().casefold()
    label = f'field "{f.label}"'
    if raw in (f.key.casefold(), f.label.casefold()):
        return Candidate(f.key, EXACT, "exact", f'header "{header}" = {label}')
    if raw in (a.casefold() for a in f.alternative_names):
        return Candidate(f.key, ALIAS, "alias", f'header "{header}" is a known name of {label}')
    best: Candidate | None = None
    for i, hf in enumerate(hforms):
        for nf, primary, derived in names:
            conf = 0.0
            penalty = (DERIVED_PENALTY if i else 0.0) + (DERIVED_PENALTY if derived else 0.0)
            if sorted(hf.words) == sorted(nf.words):
                conf = (WORDS_NAME if primary else WORDS_ALIAS) - penalty
                reason = f'header "{header}" ~ {label}'
            elif hf.key == nf.key:
                conf = (LEXICON_NAME if primary else LEXICON_ALIAS) - penalty
                reason = f'header "{header}" ~ {label}{_notes(hf, nf)}'
            elif "".join(hf.expanded) == "".join(nf.expanded) or "".join(hf.words) == "".join(nf.words):
                conf = (LEXICON_NAME if primary else LEXICON_ALIAS) - penalty
                reason = f'header "{header}" ~ {label} (same letters, words run together)'
            if conf and (best is None or conf > best.confidence):
                best = Candidate(f.key, conf, "normalized", reason)
    return best


# Words that name a field's type: shared by several fields of it, they tell them apart no more
# than the type does ("Recheck Dt" is no more "Visit Date" than "Follow-up Date").
TYPE_WORDS = {"date": frozenset({"date", "day"}), "datetime": frozenset({"date", "day", "time"})}


UNIT_NUMBERS = 0.9  # share of a column's values that are numbers, for a unit to name its field


def _shared_words(sheet: SheetSpec, field_names: list[list[tuple[Form, bool, bool]]]) -> list[frozenset[str]]:
    """Per field, the words of its type (:data:`TYPE_WORDS`) another field of its type has too."""
    per_field = [{w for nf, primary, _ in names if primary for w in nf.expanded} for names in field_names]
    out = []
    for j, f in enumerate(sheet.fields):
        others = set().union(*(ws for k, ws in enumerate(per_field)
                               if k != j and sheet.fields[k].type == f.type))
        out.append(frozenset(per_field[j] & others & TYPE_WORDS.get(f.type, frozenset())))
    return out


def _fuzzy_conf(similarity: float) -> float:
    """Only near-identical spellings (similarity >= ~0.975) reach "strong"."""
    return 0.93 * similarity**3


def score_columns(
    headers: Sequence[str],
    sheet: SheetSpec,
    profiles: Sequence[Profile] | None = None,
) -> list[dict[str, Candidate]]:
    """Score every (header, field) pair; returns per header a dict field -> candidate."""
    all_forms = header_forms(headers)
    entity = entity_words(sheet)
    prefix = shared_prefix([f.key for f in sheet.fields], share=FIELD_PREFIX_SHARE)
    field_names = [_names(f, entity, prefix) for f in sheet.fields]
    # Fuzzy similarity of every header form to every field name, in one vectorized call.
    flat_h = [(i, hf) for i, forms in enumerate(all_forms) for hf in forms]
    flat_n = [(j, nf) for j, names in enumerate(field_names) for nf, _, _ in names]
    sim = process.cdist(
        [hf.text for _, hf in flat_h], [nf.text for _, nf in flat_n],
        scorer=fuzz.token_sort_ratio, workers=1,
    )
    best_sim = np.zeros((len(headers), len(sheet.fields)))
    h_idx = np.array([i for i, _ in flat_h], dtype=int)
    n_idx = np.array([j for j, _ in flat_n], dtype=int)
    if sim.size:
        np.maximum.at(best_sim, (h_idx[:, None], n_idx[None, :]), sim / 100.0)

    only_field = unit_owners([f"{f.key} {f.label}" for f in sheet.fields])
    index = cognate_index({w for names in field_names for nf, _, _ in names for w in nf.expanded})
    ignore = _IDENTIFIER | entity
    shared = _shared_words(sheet, field_names)
    result: list[dict[str, Candidate]] = []
    for i, header in enumerate(headers):
        cands: dict[str, Candidate] = {}
        kin = kin_words(all_forms[i], index)  # only fields with one of these are tried
        for j, f in enumerate(sheet.fields):
            cand = _name_score(header, all_forms[i], f, field_names[j])
            if cand is None:
                cand = _loose(header, all_forms[i], f, field_names[j], float(best_sim[i, j]),
                              entity, shared[j])
            if kin and (cand is None or (cand.reason_code == "fuzzy"
                                         and cand.confidence < COGNATE_WORDS)) and any(
                    w in kin for nf, _, _ in field_names[j] for w in nf.expanded):
                found = cognate_match(all_forms[i], [nf for nf, _, _ in field_names[j]], ignore)
                if found is not None:
                    cand = Candidate(f.key, found[0], "cognate",
                                     f'header "{header}" ~ field "{f.label}" ({found[1]})')
            if only_field and (cand is None or cand.confidence < COGNATE_WORDS):
                unit = same_unit(header, j, only_field)
                # The only field in the header's unit, and the column writes numbers in
                # it: as telling as a whole name in another language.
                counted = profiles is not None and profiles[i].filled >= 3 and \
                    profiles[i].number >= UNIT_NUMBERS and field_kind(f) == "number"
                score = COGNATE_WORDS if counted else COGNATE_PART
                if unit is not None and (cand is None or cand.confidence < score):
                    cand = Candidate(f.key, score, "cognate",
                                     f'header "{header}" and field "{f.label}" are both in {unit}s '
                                     "(CLDR unit names)" + ("; the column writes numbers" if counted else ""))
            if profiles is not None:
                cand = _with_values(cand, profiles[i], f, header)
            if cand is not None and cand.confidence > 0:
                cands[f.key] = cand
        if profiles is not None:
            cands = _options_of_another(cands, profiles[i], sheet)
        result.append(cands)
    return result


OTHER_OPTIONS_SHARE = 0.8  # of a column's values that name another enum field's options
OTHER_OPTIONS_PENALTY = 0.35


def _options_of_another(cands: dict[str, Candidate], profile: Profile, sheet: SheetSpec) -> dict[str, Candidate]:
    """A name that points at an enum field none of whose options the values name, while
    they name another enum field's options (``Стать``, gender, read as ``stat``, status,
    writing ``Чоловіча``/``Жіноча``): the values speak against the name."""
    if profile.filled < 3 or not profile.counts:
        return cands
    counts = dict(profile.counts)
    enums = [f for f in sheet.fields if f.type == "enum" and f.options]
    # Only a name candidate whose values name none of its options is in question.
    doubted = [f for f in enums if (c := cands.get(f.key)) is not None and c.reason_code != "values"
               and known_share(counts, f) == 0]
    if not doubted or len(enums) < 2:
        return cands
    named = [f for f in enums if f not in doubted and known_share(counts, f) >= OTHER_OPTIONS_SHARE
             and distinct_options(counts, f) >= 2]
    if not named:
        return cands
    other = named[0]  # never a doubted field: the values name its options
    out = dict(cands)
    for f in doubted:
        cand = cands[f.key]
        conf = cand.confidence - OTHER_OPTIONS_PENALTY
        reason = f'{cand.reason}; but the values name options of field "{other.label}", none of "{f.label}"'
        if conf > 0:
            out[f.key] = Candidate(cand.field, round(conf, 4), cand.reason_code, reason)
        else:
            del out[f.key]
    return out


def _loose(
    header: str, hforms: list[Form], f: Field, names: list[tuple[Form, bool, bool]], sim: float,
    entity: Set[str] = frozenset(), shared: Set[str] = frozenset(),
) -> Candidate | None:
    """Fuzzy spelling or word containment: never more than a hint unless near-identical.
    Words of a type ``shared`` by the names of several fields of it (``date`` of Visit Date
    and Follow-up Date) say nothing about which of them a header means."""
    conf = _fuzzy_conf(sim)
    reason = f'header "{header}" resembles field "{f.label}" ({sim:.0%} similar)'
    for hf in hforms:
        for nf, _, _ in names:
            if set(nf.expanded) <= _IDENTIFIER:
                pass  # "no" (id) abbreviates nothing: ``onomateponymo`` is no number
            elif abbreviates(nf.words, hf.words) or abbreviates(hf.words, nf.words):
                short = min(len("".join(nf.words)), len("".join(hf.words)))
                abbrev = ABBREVIATED[min(short, len(ABBREVIATED) - 1)]
                if abbrev > conf:
                    conf = abbrev
                    reason = f'field "{f.label}" looks like an abbreviation of header "{header}"'
            h, n = set(hf.expanded), set(nf.expanded)
            if h & n <= _IDENTIFIER and (h ^ n) - entity:
                continue  # "internal id" is not "contact id": ids of different things
            if h & n and h & n <= shared and h != n:
                continue  # "Recheck Dt" is no more "Visit Date" than "Follow-up Date"
            if h and n and (h < n or n < h):
                contained = 0.5 + 0.2 * min(len(h), len(n)) / max(len(h), len(n))
                if contained > conf:
                    conf = contained
                    reason = f'header "{header}" shares the words "{" ".join(sorted(h & n))}" with field "{f.label}"'
    if conf < 0.3:
        return None
    return Candidate(f.key, conf, "fuzzy", reason)


_TELLING = ("email", "boolean", "enum", "phone")  # value shapes that point at a field alone


def _with_values(cand: Candidate | None, profile: Profile, f: Field, header: str) -> Candidate | None:
    """Adjust a name candidate by value evidence, or propose a values-only candidate."""
    fit, note = value_fit(profile, f)
    kind = field_kind(f)
    if cand is not None and cand.reason_code == "cognate" and fit > 0 and kind in _TELLING:
        # A cognate the values confirm: the values' own evidence, the cognate in the reason.
        values = _with_values(None, profile, f, header)
        if values is not None:
            return replace(values, reason=f"{values.reason}; {cand.reason}")
    if cand is not None:
        if not fit:
            return cand
        conf = min(cand.confidence + fit, 0.99 if cand.confidence < 0.99 else 1.0)
        if fit > 0 and cand.confidence < 0.85:
            conf = min(conf, 0.84)  # values may support a hint, never promote it to strong
        return Candidate(cand.field, max(conf, 0.0), cand.reason_code, f"{cand.reason}; {note}")
    if fit > 0 and kind in _TELLING:
        reason = f'values of "{header}" fit field "{f.label}" ({note})'
        score = VALUES_ONLY
        if kind == "enum":
            # Several distinct values that each map to a different option say more than one.
            hits = distinct_options(dict(profile.counts), f)
            score += ENUM_OPTION_STEP * min(hits, ENUM_OPTIONS_TELLING)
            reason += f"; {hits} options found among the values"
        return Candidate(f.key, round(score, 4), "values", reason, shape=kind)
    if kind == "enum" and fit == 0 and profile.counts and profile.distinct <= len(f.options) + 1:
        # Some of a few distinct values name options (``Hybrid``, ``LPG`` beside words of a
        # language no rule reads): a suggestion calibrated on its own, the gate asks.
        counts = dict(profile.counts)
        hits, share = distinct_options(counts, f), known_share(counts, f)
        if hits >= PARTIAL_ENUM_OPTIONS and share >= PARTIAL_ENUM_SHARE:
            reason = (f'values of "{header}" fit field "{f.label}" in part ({share:.0%} of values '
                      f"are known options; {hits} options found among them)")
            score = PARTIAL_ENUM_BASE + ENUM_OPTION_STEP * min(hits, ENUM_OPTIONS_TELLING)
            return Candidate(f.key, round(score, 4), "values", reason, shape="enum-partial")
    return None


__all__ = [
    "COGNATE_WORDS", "Candidate", "Profile", "field_kind", "profile_column", "score_columns", "specific_kind",
    "value_fit",
]
