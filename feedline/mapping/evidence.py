"""Evidence beyond names: remembered decisions and elimination by value shape.

Each kind of evidence names its own calibration group, so ``bench/automap_calibrate.py``
learns how often it is right apart from the name scorers: ``person-space`` (a person
decided this header in this space), ``automap-space`` (a plan that ran alone did),
``person-other`` / ``automap-other`` (another space of the blueprint did), each with
``-misfit`` when today's values no longer fit the field (a header memory says to leave
unmapped is the same kind of evidence as a mapped one), and ``eliminated`` (the only free field of a value shape and the only
unmapped column of that shape).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence, Set
from typing import Any

import polars as pl

from feedline.blueprint.model import Field, SheetSpec
from feedline.mapping.codelists import code_list
from feedline.mapping.dateorder import day_numbers, order_pairs
from feedline.mapping.drift import shapes_alike
from feedline.mapping.enums import SURE, map_enum_values
from feedline.mapping.memory import AGREE, PERSON, Remembered
from feedline.mapping.normalize import form
from feedline.mapping.plan import IN_THIS_SPACE
from feedline.mapping.scorers import Candidate, Profile, entity_words, field_kind, value_fit
from feedline.mapping.vocabulary import words

# Raw scores rank remembered decisions above every name match (a person's first); what
# they are worth as probabilities comes from calibration, per group.
MEMORY_SCORE = {"person-space": 1.03, "automap-space": 1.02, "person-other": 0.985,
                "automap-other": 0.975}
MISFIT_SCORE = 0.7  # a remembered field whose values no longer fit: a hint only
DISPUTED = 0.1  # past choices disagreed: this much lower
# Elimination: base score per value shape (how telling the shape is).
ELIMINATION_BASE = {"email": 0.85, "date": 0.8, "birthdate": 0.8, "phone": 0.8, "boolean": 0.75,
                    "identifier": 0.7, "number": 0.6, "integer": 0.6, "enum": 0.6, "person": 0.6,
                    "organization": 0.6}
# A column shape weaker than its field's kind: a running number for an identifier field,
# two words no vocabulary reads for a boolean one, date columns paired by their order.
WEAKER_SHAPE = {"binary": 0.65, "sequence": 0.7, "ordered": 0.7, "categorical": 0.6}
# Which field shapes a column of each value shape may fill.
FITS = {"email": ("email",), "phone": ("phone",), "boolean": ("boolean",), "binary": ("boolean",),
        "identifier": ("identifier",), "sequence": ("identifier",), "categorical": ("enum",), "date": ("date", "birthdate"), "date-new": ("date",),
        "date-old": ("date", "birthdate"), "integer": ("integer", "number"), "number": ("number",),
        "person": ("person",), "organization": ("organization",)}
# A field named a name is a person's whole name unless its words say it is part of one, or
# another thing's (the blueprint is the target schema, in English: these are its words).
NOT_A_PERSON = frozenset({
    "first", "last", "given", "family", "middle", "surname", "nickname", "user", "username", "file",
    "company", "organisation", "organization", "business", "product", "item", "event", "brand",
    "campaign", "vessel", "carrier", "pet", "branch", "site", "store", "shop", "bank", "account",
    "street", "city", "project", "team", "department", "supplier", "vendor", "title",
})
# A text field whose words name a company or a party of trade holds a company's name
# (not its id, code, country or address: those words say the field is another thing).
ORGANIZATION = frozenset({
    "company", "organisation", "organization", "business", "firm", "supplier", "vendor", "importer", "exporter",
    "consignee", "consignor", "shipper", "carrier", "employer", "insurer", "manufacturer", "distributor",
    "wholesaler", "merchant", "haulier", "forwarder", "declarant", "broker", "agency", "contractor",
})
NOT_A_NAME = frozenset({
    "id", "code", "number", "no", "nr", "ref", "reference", "key", "country", "city", "address", "street", "zip",
    "postal", "email", "phone", "vat", "tax", "type", "kind", "category", "size", "status", "account", "iban",
    "contact", "person", "website", "url", "region", "state",
})
ORGANIZATION_SHARE = 0.6  # of values written as a company's name with its legal form
PERSON_SHARE, PERSON_DISTINCT = 0.9, 5  # of values written as a person's name; different names
NOUN = {"birthdate": "date", "integer": "number"}  # how a field shape is named in reasons
BIRTH_YEARS = 15  # date columns this many years apart: the earlier one may be a birth date
INTEGER_SHARE = 0.95  # a number column this whole is integer-shaped
SPARSE = 0.5  # a column emptier than this does not feed a required field by elimination
HINT, HINT_MARGIN = 0.3, 0.05  # a best free field this strong and this far ahead is a suggestion
IDENTIFIER_DISTINCT = 0.98  # an identifier column's values are (nearly) all different
CATEGORICAL_MAX, CATEGORICAL_REPEAT = 12, 3  # at most this many values, each written 3 times on average
BINARY_MIN, BINARY_WORD = 10, re.compile(r"^[^\W\d_]{1,12}$")  # two words, each written often
REQUIRED_BONUS = 0.05
_WHERE = {"space": IN_THIS_SPACE, "other": "in another space of this blueprint"}


def _who(r: Remembered) -> str:
    return "a person" if r.by == PERSON else "automap (a plan that ran alone)"


def _scope(r: Remembered) -> str:
    return _WHERE["space" if r.kind.endswith("-space") else "other"]


def still_fits(
    profile: Profile,
    now: Mapping[str, Any] | None,
    then: Mapping[str, Any] | None,
    f: Field,
    enum_values: Mapping[str, Any] | None = None,
) -> tuple[bool, str]:
    """Do today's values still fit the remembered field? Same shapes as when it was
    decided, or values that do not contradict the field's type."""
    if then is not None and shapes_alike(now, then):
        return True, "values look as before"
    fit, note = value_fit(profile, f, enum_values)
    return fit >= 0, note


def remembered_candidate(
    r: Remembered, profile: Profile, now: Mapping[str, Any] | None, f: Field,
    enum_values: Mapping[str, Any] | None = None,
) -> Candidate:
    """The candidate a remembered decision makes for today's column."""
    fits, note = still_fits(profile, now, r.signature, f, enum_values)
    when = f" on {r.when}" if r.when else ""
    reason = f'remembered: {_who(r)} mapped "{r.header}" to "{f.key}"{when} {_scope(r)}'
    score = MEMORY_SCORE[r.kind] if fits else MISFIT_SCORE
    if r.share < AGREE:
        score -= DISPUTED
        reason += f" (past choices agree {r.share:.0%})"
    if not fits:
        reason += f"; but {note}" if note else "; but the values look different now"
    return Candidate(f.key, round(score, 4), "remembered", reason,
                     group=r.kind if fits else f"{r.kind}-misfit")


def remembered_unmapped(r: Remembered) -> tuple[float, str, str]:
    """(raw score, group, reason) of a header memory says to leave unmapped."""
    when = f" on {r.when}" if r.when else ""
    reason = f'remembered: {_who(r)} left "{r.header}" unmapped{when} {_scope(r)}'
    score = MEMORY_SCORE[r.kind] if r.share >= AGREE else MEMORY_SCORE[r.kind] - DISPUTED
    return score, r.kind, reason


def field_shape(f: Field, entity: Set[str] = frozenset()) -> str:
    """A field's value shape for elimination: its kind, ``identifier`` for a unique text
    field or the id of the sheet's own records (``Shipment ID`` on shipments: ``entity``
    holds the sheet's words), ``birthdate`` for a date of birth, ``integer`` for a
    whole-number field."""
    kind = field_kind(f)
    if kind == "text" and f.constraint("unique") is not None:
        return "identifier"
    if kind == "text" and entity and f.required:
        named = set(form(f"{f.key} {f.label}", english=True).expanded)
        if "id" in named and named - {"id"} <= entity:
            return "identifier"
    if kind == "date" and "birth" in form(f"{f.key} {f.label}", english=True).expanded:
        return "birthdate"
    if kind == "number" and f.type == "integer":
        return "integer"
    named = set(words(f"{f.key} {f.label}"))
    if kind == "text" and not named & NOT_A_NAME and (
            named & ORGANIZATION or ("name" in named and named <= {"name", "full"} and entity & ORGANIZATION)):
        return "organization"  # ``Importer``, ``Carrier Name``; ``Name`` on a sheet of suppliers
    if kind == "text" and "name" in named and not named & NOT_A_PERSON:
        return "person"
    return kind


def column_shape(p: Profile, header: str = "", ages: tuple[int, int] | None = None,
                 categorical: bool = False) -> str | None:
    """The one value shape nearly all of a column's values have, if any; ``identifier``
    when the header names an id (``Nº``, ``code``, ``Nummer``) and no value repeats;
    ``counter`` when the values are 1, 2, 3, … in row order (a row counter, which fits no
    field by its shape: only a name maps it).

    Numbers are ``integer`` when written without decimals; dates are ``date-old`` or
    ``date-new`` when the file's date columns lie :data:`BIRTH_YEARS` or more apart
    (``ages`` = the earliest and latest median year of its date columns), else ``date``.
    With ``categorical``, a few words each written several times are ``categorical``
    (the values of an enum field in words no rule reads).
    """
    if p.filled < 3:
        return None
    identifier = "id" in form(header).expanded and p.distinct >= IDENTIFIER_DISTINCT * p.filled
    if p.counter:
        return "counter"  # it numbers this file's rows: no field's values by their shape
    if p.sequence and p.date < 0.9:  # phone numbers never run one after another
        return "sequence"
    if p.email >= 0.9:
        return "email"
    if p.date >= 0.9:
        if ages is not None and p.year is not None and ages[1] - ages[0] >= BIRTH_YEARS:
            return "date-old" if p.year <= ages[1] - BIRTH_YEARS else "date-new"
        return "date"
    if p.boolean >= 0.9 and p.distinct <= 3:
        return "boolean"
    if p.phone >= 0.9:
        return "phone"
    if identifier:
        return "identifier"
    if p.number >= 0.9:
        return "integer" if p.integer >= INTEGER_SHARE else "number"
    if _binary(p):
        return "binary"
    if p.organization >= ORGANIZATION_SHARE:
        return "organization"
    if p.person >= PERSON_SHARE and p.distinct >= PERSON_DISTINCT:
        return "person"
    if categorical and p.counts and 2 <= p.distinct <= CATEGORICAL_MAX and p.filled >= BINARY_MIN \
            and p.distinct * CATEGORICAL_REPEAT <= p.filled and max(p.number, p.date, p.email, p.organization) < 0.5:
        return "categorical"
    return None


def _binary(p: Profile) -> bool:
    """Two words, each written several times, and nothing else: yes and no in a language
    feedline cannot read (Swahili ``Ndiyo``/``Hapana``), unless they are codes (``EUR``/``USD``)."""
    if p.distinct != 2 or p.filled < BINARY_MIN or len(p.counts) != 2:
        return False
    values = [v.strip() for v, _ in p.counts]
    if any(not BINARY_WORD.match(v) for v in values) or min(n for _, n in p.counts) < 2:
        return False
    return not all(v.isupper() and len(v) == 3 for v in values)


_CODE = re.compile(r"[A-Z]{2,3}")
FOREIGN_CODES_MIN = 3  # codes of which one guessed: another list's all the same


def _foreign_codes(p: Profile, f: Field) -> bool:
    """Whether the column writes capital codes of two or three letters that hardly read as
    options of ``f``: an enum's own code scheme is read in part at least (initials,
    abbreviations, a letter that begins an option), another list's codes not at all, or
    one of them by a guess (``PD`` of Italy's provinces as the initials of a word for rail)."""
    values = [v.strip() for v, _ in p.counts]
    if not values or not all(_CODE.fullmatch(v) for v in values):
        return False
    read = [v for v in map_enum_values(p.counts, f) if v.option is not None]
    return not read or (len(read) == 1 and len(values) >= FOREIGN_CODES_MIN and read[0].confidence < SURE)


def fits_shape(column: str | None, field: str) -> bool:
    """Whether a column of value shape ``column`` may fill a field of shape ``field``."""
    return column is not None and field in FITS.get(column, ())


def date_ages(profiles: Sequence[Profile]) -> tuple[int, int] | None:
    """The earliest and latest median year of a file's date columns (None without two)."""
    years = [p.year for p in profiles if p.filled >= 3 and p.date >= 0.9 and p.year is not None]
    return (min(years), max(years)) if len(years) >= 2 else None


def eliminate(
    headers: Sequence[str],
    profiles: Sequence[Profile],
    chosen: Sequence[Candidate | None],
    sheet: SheetSpec,
    candidates: Sequence[Mapping[str, Candidate]],
    skip: Set[int] = frozenset(),
    unfilled: Set[str] = frozenset(),
    frame: pl.DataFrame | None = None,
) -> dict[int, Candidate]:
    """Columns whose value shape fits free fields in one way only: the only unmapped date
    column and the only free date field, or a date of birth and a recent date for a
    birth-date and a date field (see :func:`_forced`). Columns in ``skip`` (memory says: leave unmapped) and fields in ``unfilled``
    (this space's last executed plan left them empty: the partner does not send them)
    take no part. A running number outranks other unique columns for an identifier field
    (a plate or a serial number is another thing's id), and date columns the shapes leave
    unpaired are paired by their order in the rows (``frame``; see
    :mod:`feedline.mapping.dateorder`). A weak name score for the pair (below the
    assignment's threshold) adds a tenth of itself.
    """
    taken = {c.field for c in chosen if c is not None}
    entity = entity_words(sheet)
    free = {f.key: (f, wanted) for f in sheet.fields
            if f.key not in taken and f.key not in unfilled
            and (wanted := field_shape(f, entity)) in ELIMINATION_BASE}
    ages = date_ages(profiles)
    cols = {i: shape for i, c in enumerate(chosen)
            if c is None and i not in skip
            and (shape := column_shape(profiles[i], headers[i], ages, categorical=True)) is not None}
    if "sequence" in cols.values():
        cols = {i: shape for i, shape in cols.items() if shape != "identifier"}
    out: dict[int, Candidate] = {}
    # A column mostly left empty does not feed a required field (it would fail its records).
    sparse = {i for i in cols if profiles[i].blank > SPARSE}
    required = {k for k, (f, _) in free.items() if f.required}

    def allowed(i: int, k: str) -> bool:
        if cols[i] == "categorical":
            f = free[k][0]
            listed = code_list(f)
            if profiles[i].distinct > len(f.options) + 1:
                return False  # more values than the field has options (one invalid aside)
            if listed is not None and listed[0] != "unit":
                return False  # countries, currencies, languages: their names would be read
            if _foreign_codes(profiles[i], f):
                return False  # ``VR``, ``MI``: a province's codes, no Sea, Rail or Road
        return not (i in sparse and k in required)

    groups, partial = _forced(cols, {k: fs for k, (_, fs) in free.items()}, allowed)
    if frame is not None:
        groups += _by_order(frame, headers, cols, free, groups, allowed)
    for pairs in groups:
        ordered = any(cols[i] == "ordered" for i, _ in pairs)
        for i, key in pairs:
            f, kind = free[key]
            noun = NOUN.get(kind, kind)
            hint = candidates[i].get(f.key)
            base = min(WEAKER_SHAPE.get(cols[i], 1.0), ELIMINATION_BASE[kind])
            score = base + (REQUIRED_BONUS if f.required else 0.0)
            if i in partial:
                reason = (f'"{headers[i]}" fits "{f.key}" ({noun}) in every way the unmapped '
                          "columns of these shapes could fill the free fields")
            elif ordered:
                reason = (f'"{headers[i]}" fits "{f.key}" (date): in every row the {len(pairs)} '
                          "unmapped date columns come in the order the free date fields name")
            elif len(pairs) == 1:
                reason = (f'"{headers[i]}" is the only unmapped {noun} column and "{f.key}" the '
                          f"only free {noun} field")
            else:
                reason = (f'"{headers[i]}" fits "{f.key}" ({noun}) in the only way the '
                          f"{len(pairs)} unmapped columns of these shapes fill the {len(pairs)} "
                          "free fields")
            if f.required:
                reason += " (a required one)"
            if hint is not None and hint.confidence > 0:
                score += 0.1 * min(hint.confidence, 1.0)
                reason += f"; {hint.reason}"
            out[i] = Candidate(f.key, round(score, 4), "eliminated", reason, group="eliminated")
    return out


def _by_order(
    frame: pl.DataFrame,
    headers: Sequence[str],
    cols: dict[int, str],
    free: Mapping[str, tuple[Field, str]],
    groups: Sequence[Sequence[tuple[int, str]]],
    allowed: Callable[[int, str], bool],
) -> list[list[tuple[int, str]]]:
    """Date columns and free date fields that shapes left unpaired, paired by row order;
    the columns' shape becomes ``ordered`` (scored apart)."""
    done = {i for g in groups for i, _ in g} | {k for g in groups for _, k in g}
    dates = [i for i, shape in cols.items() if shape.startswith("date") and i not in done]
    fields = [f for k, (f, shape) in free.items() if shape == "date" and k not in done]
    if len(dates) != len(fields):
        return []
    days = {i: d for i in dates if (d := day_numbers(frame.get_column(headers[i]))) is not None}
    pairs = order_pairs(days, fields) if len(days) == len(dates) else None
    if not pairs or not all(allowed(i, k) for i, k in pairs):
        return []
    for i, _ in pairs:
        cols[i] = "ordered"
    return [pairs]


MAX_COMPONENT = 6  # larger groups of look-alike columns are left to names
MAX_MATCHINGS = 30  # a group paired in more ways than this is left to names


def _forced(cols: Mapping[int, str], free: Mapping[str, str],
            allowed: Callable[[int, str], bool] = lambda i, k: True,
            ) -> tuple[list[list[tuple[int, str]]], set[int]]:
    """Groups of (column, field) pairs value shapes force: per connected group of columns
    and fields that fit each other, as many columns as fields and exactly one way to pair
    them all (a date of birth and a recent date for a birth-date and a date field; a full
    date column and a mostly empty one for a required and an optional date field), or
    the pairs every way of pairing them shares (the only whole-number column for the only
    whole-number field, whichever way the decimal columns go: their columns are the
    second value)."""
    fit = {i: [k for k, fs in free.items() if fits_shape(shape, fs) and allowed(i, k)]
           for i, shape in cols.items()}
    seen: set[int] = set()
    groups, partial = [], set()
    for start in cols:
        if start in seen or not fit[start]:
            continue
        group_cols, group_fields, todo = {start}, set(fit[start]), list(fit[start])
        while todo:
            k = todo.pop()
            for i in cols:
                if k in fit[i] and i not in group_cols:
                    group_cols.add(i)
                    for k2 in fit[i]:
                        if k2 not in group_fields:
                            group_fields.add(k2)
                            todo.append(k2)
        seen |= group_cols
        if len(group_cols) != len(group_fields) or len(group_cols) > MAX_COMPONENT:
            continue
        found = _matchings(sorted(group_cols), fit, set(), [], limit=MAX_MATCHINGS)
        if len(found) == 1:
            groups.append(found[0])
        elif 1 < len(found) < MAX_MATCHINGS:  # every way pairs these alike: they are forced
            common = [pair for pair in found[0] if all(pair in other for other in found[1:])]
            if common:
                groups.append(common)
                partial |= {i for i, _ in common}
    return groups, partial


def _matchings(order: list[int], fit: Mapping[int, list[str]], used: set[str],
               so_far: list[tuple[int, str]], limit: int) -> list[list[tuple[int, str]]]:
    """Up to ``limit`` ways to give each column of ``order`` its own fitting field."""
    if not order:
        return [list(so_far)]
    out: list[list[tuple[int, str]]] = []
    for k in fit[order[0]]:
        if k in used:
            continue
        used.add(k)
        so_far.append((order[0], k))
        out += _matchings(order[1:], fit, used, so_far, limit - len(out))
        so_far.pop()
        used.discard(k)
        if len(out) >= limit:
            break
    return out


def best_free(
    headers: Sequence[str],
    chosen: Sequence[Candidate | None],
    candidates: Sequence[Mapping[str, Candidate]],
    skip: Set[int] = frozenset(),
) -> dict[int, Candidate]:
    """Unmapped columns with a clear best free field: a weak name score (below the
    assignment's threshold, at least :data:`HINT`) that no other unmapped column shares.

    The pair becomes a ``suggested`` decision with its calibrated probability.
    """
    taken = {c.field for c in chosen if c is not None}
    best: dict[int, Candidate] = {}
    for i, c in enumerate(chosen):
        if c is not None or i in skip:
            continue
        free = [x for x in candidates[i].values() if x.field not in taken and x.confidence >= HINT]
        ranked = sorted(free, key=lambda x: -x.confidence)
        if ranked and (len(ranked) == 1 or ranked[1].confidence < ranked[0].confidence - HINT_MARGIN):
            best[i] = ranked[0]
    wanted: dict[str, list[int]] = defaultdict(list)
    for i, cand in best.items():
        wanted[cand.field].append(i)
    out: dict[int, Candidate] = {}
    for i, cand in best.items():
        if len(wanted[cand.field]) == 1:
            out[i] = Candidate(cand.field, cand.confidence, cand.reason_code,
                               f"{cand.reason} (the only free field that comes close)",
                               group="suggested")
    return out
