"""Header normalization: words from any header style, plus an abbreviation lexicon."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

# Phrase (normalized words) -> replacement words. Applied longest phrase first, both to
# source headers and to field names, so either side may use the short or the long form.
_LEXICON_TEXT = """
fname|fn|first nm|firstname|forename|given name|vorname|prenom|nombre = first name
lname|ln|last nm|lastname|surname|family name|nachname|familienname|nom|nom de famille|apellido|apellidos = last name
nm = name
e mail|mail|email|courriel|correo|correo electronico|emailadresse = email
addr|adr|adresse|direccion = address
ph|tel|telephone|telefon|telefono|phone no = phone
mobil|handy|cell = mobile
no|num|nbr|nr|nummer|numero|number|identifier|ident|kennung = id
dob|geburtsdatum = date of birth
dt|datum|fecha = date
ttl|titel|titre|titulo = title
co|firma|firmen|unternehmen|entreprise|societe|empresa|compania = company
acct|konto = account
cntry|ctry|land|pays|pais = country
stat|statut|estado = status
qty|menge|anzahl|cantidad|quantite = quantity
amt|betrag|montant|importe = amount
ltv|kundenwert|customer lifetime value|customer value = lifetime value
umsatz|ventas|chiffre d affaires = revenue
optin|opt in|einwilligung = opt in
zip|zipcode|postcode|postal code|plz|postleitzahl|code postal|codigo postal = zip
sign up|anmeldung|registrierung|inscription|registro = signup
anmeldedatum|registrierungsdatum = signup date
stichworter|schlagworter|schlagwort|stichwort|etiquetas|mots cles = keywords
kontakt|contacto = contact
kunde|kunden|cust|client|cliente = customer
bestellung|auftrag|commande|pedido = order
wahrung|devise|moneda|ccy = currency
strasse|rue|calle = street
stadt|ort|ville|ciudad = city
branche|secteur|sector = industry
mitarbeiter|employes|empleados = employees
ref|referenz = reference
"""


def _fold(text: str) -> str:
    """Casefold and strip accents (ß -> ss, ö -> o)."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def words(text: str) -> list[str]:
    """Split any header style (camelCase, snake_case, SHOUTING, paths) into folded words."""
    text = text.replace("#", " number ")
    text = _CAMEL.sub(" ", text)
    return [w for w in _NON_WORD.split(_fold(text)) if w]


def _parse_lexicon(text: str) -> dict[tuple[str, ...], tuple[str, ...]]:
    table: dict[tuple[str, ...], tuple[str, ...]] = {}
    for line in text.strip().splitlines():
        left, right = line.split("=")
        target = tuple(words(right))
        for phrase in left.split("|"):
            key = tuple(words(phrase))
            if key and key != target:
                table[key] = target
    return table


LEXICON = _parse_lexicon(_LEXICON_TEXT)
_MAX_PHRASE = max(len(k) for k in LEXICON)


@dataclass(frozen=True)
class Form:
    """A name as folded words and as lexicon-expanded words, with the expansions used."""

    raw: str
    words: tuple[str, ...]
    expanded: tuple[str, ...]
    notes: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, ...]:
        """Order-free comparison key of the expanded words."""
        return tuple(sorted(self.expanded))

    @property
    def text(self) -> str:
        return " ".join(self.expanded)


def expand(tokens: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Replace lexicon phrases (longest first); return (words, notes like 'addr=address')."""
    out: list[str] = []
    notes: list[str] = []
    i = 0
    while i < len(tokens):
        for size in range(min(_MAX_PHRASE, len(tokens) - i), 0, -1):
            phrase = tuple(tokens[i : i + size])
            target = LEXICON.get(phrase)
            if target is not None:
                out.extend(target)
                notes.append(f"{' '.join(phrase)}={' '.join(target)}")
                i += size
                break
        else:
            out.append(tokens[i])
            i += 1
    return tuple(out), tuple(notes)


def form(text: str, tokens: Sequence[str] | None = None) -> Form:
    """Build the comparison form of a header or field name."""
    toks = tuple(words(text) if tokens is None else tokens)
    expanded, notes = expand(toks)
    return Form(text, toks, expanded, notes)


def shared_prefix(headers: Sequence[str]) -> str | None:
    """The first word every header starts with (e.g. ``cust``), if there are 3+ headers."""
    split = [words(h) for h in headers]
    if len(split) < 3 or any(len(w) < 2 for w in split):
        return None
    first = {w[0] for w in split}
    return first.pop() if len(first) == 1 else None


def header_forms(headers: Sequence[str]) -> list[list[Form]]:
    """Comparison forms per header: whole header, without shared prefix, last path segment."""
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
        result.append(forms)
    return result


def memory_key(header: str) -> str:
    """How a header is remembered: folded words joined by single spaces."""
    return " ".join(words(header)) or header.strip().casefold()


def value_key(value: str) -> str:
    """How an enum value is compared: stripped, casefolded, whitespace collapsed."""
    return " ".join(value.casefold().split())
