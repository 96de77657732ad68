"""Header normalization: words from any header style, plus an abbreviation lexicon."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

# Phrase (normalized words) -> replacement words. Applied longest phrase first, both to
# source headers and to field names, so either side may use the short or the long form.
_LEXICON_TEXT = """
fname|fn|first nm|firstname|forename|given name|vorname|prenom|nombre|voornaam|nome proprio|primeiro nome = first name
lname|ln|last nm|lastname|surname|family name|nachname|familienname|nom|nom de famille|apellido|apellidos|achternaam|cognome|sobrenome|apelido = last name
nm|naam|nome = name
e mail|mail|email|courriel|correo|correo electronico|emailadresse|e mail adresse|email adresse|adresse email|adresse e mail = email
addr|adr|adresse|direccion|adres|endereco|indirizzo = address
ph|tel|telephone|telefon|telefono|telefoon|telefone|phone no|phone num|phone number|phone nr|ph no|ph num|ph nr|tel no|tel nr|telefonnummer|telefoonnummer|numero de telephone = phone
mobil|handy|cell|cellphone|movil|portable|cellulare|celular = mobile
no|num|nbr|nr|nummer|numero|number|identifier|ident|kennung = id
dob|birthdate|birth date|birthday|geburtsdatum|geboortedatum|date de naissance|fecha de nacimiento|data di nascita|data de nascimento = date of birth
dt|datum|fecha = date
ttl|titel|titre|titulo|titolo = title
co|firma|firmen|unternehmen|entreprise|societe|empresa|compania|bedrijf|azienda = company
acct|konto = account
cntry|ctry|land|pays|pais|paese = country
stat|statut|estado|stato = status
qty|menge|anzahl|cantidad|quantite|aantal|quantita|quantidade = quantity
amt|betrag|montant|importe|bedrag|importo = amount
ltv|kundenwert|customer lifetime value|customer value = lifetime value
umsatz|ventas|chiffre d affaires|omzet|fatturato|receita = revenue
optin|opt in|einwilligung = opt in
zip|zipcode|postcode|postal code|plz|postleitzahl|code postal|codigo postal|cap|cep = zip
sign up|anmeldung|registrierung|inscription|registro = signup
anmeldedatum|registrierungsdatum = signup date
stichworter|schlagworter|schlagwort|stichwort|etiquetas|mots cles = keywords
kontakt|contacto|contatto|contato = contact
kunde|kunden|cust|client|cliente|klant = customer
bestellung|auftrag|commande|pedido|bestelling|ordine|encomenda = order
wahrung|devise|moneda|ccy|valuta|moeda = currency
strasse|rue|calle|straat|via|rua = street
stadt|ort|ville|ciudad|stad|plaats|citta|cidade = city
branche|secteur|sector|settore|setor = industry
mitarbeiter|employes|empleados|medewerkers|dipendenti|funcionarios = employees
ref|referenz|referentie|riferimento|referencia = reference
preis|prix|precio|prijs|prezzo|preco = price
beschreibung|omschrijving|descrizione|descricao|descripcion|desc|descr = description
produkt|produit|producto|prodotto|produto = product
rechnung|facture|factura|factuur|fattura|fatura|inv = invoice
geschlecht|sexe|sexo|geslacht|sesso|sex = gender
alter|edad|leeftijd|eta|idade = age
bemerkung|bemerkungen|notizen|remarques|notas|opmerkingen|note|notiz|comments|comment = notes
web|homepage|home page|web site|webseite|site web|sitio web|url = website
placed|placed at|placed on|ordered at|ordered on|order placed|bestelldatum = order date
shipped|shipped at|shipped on|versanddatum|date d expedition|fecha de envio = ship date
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
