"""A second development set, written apart from the first: other industries and layouts.

Usage: ``python bench/devset2.py [--show]`` (prints each partner's headers and values).

Five blueprints the vocabulary was not written for (healthcare claims, retail inventory,
real-estate listings, education enrolments, bank transactions), fourteen partners in
English, German, French, Spanish, Italian, Portuguese and Dutch, and in four languages
feedline has no vocabulary for (Polish, Swedish, Danish, Romanian), where only values
and elimination can help. Layouts: nested JSON and XML attributes (read by feedline's
own extractor), SCREAMING_SNAKE and CamelCase, headers with units and codes
(``Amt (EUR)``, ``qty_ord``, ``DOB``, ``Hire Dt.``), numbered duplicates and wide
exports with many columns that go nowhere. Enum values come as codes, single letters,
numeric codes, Y/N and 1/0, other-language labels and mixed case.

Deliveries behave as partners do: ``d2`` brings new rows, values that were rare enough
to be missing from ``d1``, and other spellings of values a person already decided
(case, accents dropped, a trailing dot, a shorter form); ``d3`` renames a column, adds
one and shuffles. Seeded, generated in memory (JSON/XML partners through temporary
files): the same every run. Nothing here is read by ``feedline/`` or by calibration.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

import polars as pl
import yaml
from babel.dates import format_date
from babel.numbers import format_decimal

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from learning_sim import Delivery, Partner, show_partners

from feedline.blueprint import Blueprint, parse_blueprint

ROWS = 80

BLUEPRINTS = """
- name: Claims
  sheets:
    - slug: claims
      name: Claims
      fields:
        - {key: claim_id, label: Claim ID, type: string, constraints: [{type: required}, {type: unique}]}
        - {key: patient_id, label: Patient ID, type: string, constraints: [{type: required}]}
        - {key: patient_birth_date, label: Patient Date of Birth, type: date}
        - key: patient_sex
          label: Patient Sex
          type: enum
          options: [{value: male, label: Male}, {value: female, label: Female}, {value: unknown, label: Unknown}]
        - {key: service_date, label: Date of Service, type: date, constraints: [{type: required}]}
        - {key: provider_id, label: Provider ID, type: string}
        - {key: diagnosis_code, label: Diagnosis Code, type: string}
        - {key: billed_amount, label: Billed Amount, type: number, constraints: [{type: required}]}
        - {key: paid_amount, label: Paid Amount, type: number}
        - key: currency
          label: Currency
          type: enum
          options: [{value: EUR, label: Euro}, {value: USD, label: US Dollar}, {value: GBP, label: Pound Sterling},
                    {value: PLN, label: Polish Zloty}, {value: SEK, label: Swedish Krona}]
        - key: claim_status
          label: Claim Status
          type: enum
          options: [{value: submitted, label: Submitted}, {value: pending, label: Pending},
                    {value: approved, label: Approved}, {value: denied, label: Denied}, {value: paid, label: Paid}]
        - key: claim_type
          label: Claim Type
          type: enum
          options: [{value: inpatient, label: Inpatient}, {value: outpatient, label: Outpatient},
                    {value: pharmacy, label: Pharmacy}, {value: dental, label: Dental}]
        - {key: in_network, label: In Network, type: boolean}
- name: Inventory
  sheets:
    - slug: stock
      name: Stock Items
      fields:
        - {key: sku, label: SKU, type: string, constraints: [{type: required}]}
        - {key: product_name, label: Product Name, type: string}
        - {key: barcode, label: Barcode, type: string}
        - key: category
          label: Category
          type: enum
          options: [{value: grocery, label: Grocery}, {value: apparel, label: Apparel},
                    {value: electronics, label: Electronics}, {value: home, label: Home & Garden},
                    {value: beauty, label: Health & Beauty}, {value: toys, label: Toys}]
        - {key: quantity_on_hand, label: Quantity on Hand, type: integer, constraints: [{type: required}]}
        - {key: reorder_point, label: Reorder Point, type: integer}
        - {key: unit_cost, label: Unit Cost, type: number}
        - {key: retail_price, label: Retail Price, type: number}
        - {key: store_id, label: Store ID, type: string}
        - {key: last_counted, label: Last Counted, type: date}
        - key: unit_of_measure
          label: Unit of Measure
          type: enum
          options: [{value: each, label: Each}, {value: box, label: Box}, {value: kg, label: Kilogram},
                    {value: litre, label: Litre}, {value: pack, label: Pack}]
        - {key: discontinued, label: Discontinued, type: boolean}
- name: Listings
  sheets:
    - slug: listings
      name: Listings
      fields:
        - {key: listing_id, label: Listing ID, type: string, constraints: [{type: required}, {type: unique}]}
        - {key: listed_on, label: Listing Date, type: date}
        - key: property_type
          label: Property Type
          type: enum
          options: [{value: apartment, label: Apartment}, {value: house, label: Detached House},
                    {value: townhouse, label: Townhouse}, {value: land, label: Land}, {value: commercial, label: Commercial}]
        - key: transaction_type
          label: Transaction Type
          type: enum
          options: [{value: sale, label: For Sale}, {value: rent, label: For Rent}]
        - {key: price, label: Asking Price, type: number, constraints: [{type: required}]}
        - {key: floor_area, label: Floor Area (m²), type: number}
        - {key: bedrooms, label: Bedrooms, type: integer}
        - {key: bathrooms, label: Bathrooms, type: integer}
        - {key: city, label: City, type: string}
        - {key: postal_code, label: Postal Code, type: string}
        - key: energy_rating
          label: Energy Rating
          type: enum
          options: [{value: A, label: A}, {value: B, label: B}, {value: C, label: C}, {value: D, label: D},
                    {value: E, label: E}, {value: F, label: F}, {value: G, label: G}]
        - {key: furnished, label: Furnished, type: boolean}
        - {key: agent_email, label: Agent Email, type: string}
        - key: status
          label: Status
          type: enum
          options: [{value: available, label: Available}, {value: under_offer, label: Under Offer},
                    {value: sold, label: Sold}, {value: withdrawn, label: Withdrawn}]
- name: Education
  sheets:
    - slug: enrolments
      name: Enrolments
      fields:
        - {key: student_id, label: Student ID, type: string, constraints: [{type: required}, {type: unique}]}
        - {key: first_name, label: First Name, type: string}
        - {key: last_name, label: Last Name, type: string, constraints: [{type: required}]}
        - {key: birth_date, label: Date of Birth, type: date}
        - {key: email, label: Email, type: string}
        - {key: programme, label: Programme, type: string}
        - key: level
          label: Level
          type: enum
          options: [{value: bachelor, label: Bachelor}, {value: master, label: Master},
                    {value: doctorate, label: Doctorate}, {value: certificate, label: Certificate}]
        - key: study_mode
          label: Study Mode
          type: enum
          options: [{value: full_time, label: Full-time}, {value: part_time, label: Part-time}, {value: online, label: Online}]
        - {key: enrolled_on, label: Enrolment Date, type: date, constraints: [{type: required}]}
        - key: status
          label: Status
          type: enum
          options: [{value: enrolled, label: Enrolled}, {value: deferred, label: Deferred},
                    {value: withdrawn, label: Withdrawn}, {value: graduated, label: Graduated}]
        - {key: tuition_fee, label: Tuition Fee, type: number}
        - {key: scholarship, label: Scholarship, type: boolean}
        - key: citizenship
          label: Citizenship
          type: enum
          options: [{value: DE, label: Germany}, {value: FR, label: France}, {value: PL, label: Poland},
                    {value: CA, label: Canada}, {value: US, label: United States}, {value: IN, label: India},
                    {value: CN, label: China}, {value: ES, label: Spain}]
- name: Banking
  sheets:
    - slug: transactions
      name: Transactions
      fields:
        - {key: transaction_id, label: Transaction ID, type: string, constraints: [{type: required}, {type: unique}]}
        - {key: account_number, label: Account Number, type: string, constraints: [{type: required}]}
        - {key: booking_date, label: Booking Date, type: date, constraints: [{type: required}]}
        - {key: value_date, label: Value Date, type: date}
        - {key: amount, label: Amount, type: number, constraints: [{type: required}]}
        - key: currency
          label: Currency
          type: enum
          options: [{value: EUR, label: Euro}, {value: GBP, label: Pound Sterling}, {value: RON, label: Romanian Leu},
                    {value: DKK, label: Danish Krone}, {value: USD, label: US Dollar}]
        - key: direction
          label: Debit/Credit
          type: enum
          options: [{value: debit, label: Debit}, {value: credit, label: Credit}]
        - {key: counterparty, label: Counterparty, type: string}
        - key: channel
          label: Channel
          type: enum
          options: [{value: card, label: Card Payment}, {value: transfer, label: Bank Transfer},
                    {value: direct_debit, label: Direct Debit}, {value: cash, label: Cash},
                    {value: cheque, label: Cheque}]
        - {key: description, label: Description, type: string}
        - {key: balance, label: Balance After, type: number}
"""

FIRST = ["Anna", "Piotr", "Lars", "Ingrid", "Mette", "Jonas", "Ioana", "Mihai", "Lucía", "Marco",
         "Chloé", "Daan", "Priya", "Wei", "Emily", "Noah"]
LAST = ["Nowak", "Kowalski", "Andersson", "Nielsen", "Popescu", "Ionescu", "García", "Rossi",
        "Dubois", "de Vries", "Sharma", "Chen", "Smith", "Brown"]


@dataclass
class Column:
    """One source column: its header, its field (None = goes nowhere), how values are made."""

    header: str
    field: str | None
    make: Callable[[random.Random, int], str]
    renamed: str | None = None  # its header in d3


@dataclass
class _enum:
    """Enum values: option -> spellings in every delivery; ``later``: spellings that appear
    only from d2 on; ``rare``: options seldom sent (often missing from d1); an invalid value
    now and then."""

    spellings: dict[str, list[str]]
    later: dict[str, list[str]] = field(default_factory=dict)
    rare: tuple[str, ...] = ()
    invalid: str | None = None

    def __call__(self, rng: random.Random, i: int) -> str:
        if self.invalid and i % 41 == 7:
            return self.invalid
        options = sorted(set(self.spellings) | set(self.later))
        common = [o for o in options if o not in self.rare]
        option = rng.choice(self.rare) if self.rare and rng.random() < 0.04 else rng.choice(common)
        ways = list(self.spellings.get(option, []))
        if i >= ROWS:  # d2 and d3
            ways += self.later.get(option, []) * 2
        return rng.choice(ways) if ways else rng.choice(self.later[option])

    def truth(self, value: str) -> str | None:
        lookup = {w.casefold(): o for src in (self.spellings, self.later) for o, ws in src.items() for w in ws}
        return lookup.get(value.strip().casefold())


def _date(fmt: str, lang: str, lo: int = 2019, hi: int = 2026, blank: float = 0.0) -> Callable[[random.Random, int], str]:
    start, span = dt.date(lo, 1, 1), (dt.date(hi, 1, 1) - dt.date(lo, 1, 1)).days

    def make(rng: random.Random, _: int) -> str:
        if rng.random() < blank:
            return ""
        return format_date(start + dt.timedelta(days=rng.randrange(span)), fmt, locale=lang)
    return make


def _num(lang: str, lo: float, hi: float, digits: int = 2, suffix: str = "", prefix: str = "") -> Callable[[random.Random, int], str]:
    def make(rng: random.Random, _: int) -> str:
        fmt = "#,##0" + ("." + "0" * digits if digits else "")
        return prefix + format_decimal(round(rng.uniform(lo, hi), digits), fmt, locale=lang) + suffix
    return make


def _plain(lo: float, hi: float, digits: int = 2) -> Callable[[random.Random, int], str]:
    return lambda rng, _: f"{rng.uniform(lo, hi):.{digits}f}"


def _int(lo: int, hi: int) -> Callable[[random.Random, int], str]:
    return lambda rng, _: str(rng.randrange(lo, hi))


def _pick(items: list[str]) -> Callable[[random.Random, int], str]:
    return lambda rng, _: rng.choice(items)


def _ident(prefix: str, width: int = 6, start: int = 1000) -> Callable[[random.Random, int], str]:
    return lambda _rng, i: f"{prefix}{start + i:0{width}d}"


def _code(prefix: str, lo: int, hi: int, width: int = 0) -> Callable[[random.Random, int], str]:
    """A repeating reference (patients, stores, accounts): drawn, not a running number."""
    return lambda rng, _: f"{prefix}{rng.randrange(lo, hi):0{width}d}"


def _email(domain: str) -> Callable[[random.Random, int], str]:
    return lambda rng, i: f"{rng.choice(FIRST).lower().replace('í', 'i').replace('é', 'e')}.{i}@{domain}"


def _flag(yes: str, no: str, p: float = 0.7) -> Callable[[random.Random, int], str]:
    return lambda rng, _: yes if rng.random() < p else no


def _name(rng: random.Random, _: int) -> str:
    """A person's whole name."""
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _plate(fmt: str) -> Callable[[random.Random, int], str]:
    """A licence plate: ``L`` a letter, ``9`` a digit, anything else as it is."""
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    return lambda rng, _: "".join(rng.choice(letters) if c == "L" else str(rng.randrange(10)) if c == "9" else c
                                  for c in fmt)


def _ean(rng: random.Random, _: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(13))


def _iban(cc: str, n: int) -> Callable[[random.Random, int], str]:
    return lambda rng, _: cc + "".join(str(rng.randrange(10)) for _ in range(n))


def _icd(rng: random.Random, _: int) -> str:
    return f"{rng.choice('EIJKMNRS')}{rng.randrange(10, 99)}.{rng.randrange(10)}"


Spec = tuple[str, str, str, str, list[Column], Column]  # name, blueprint, sheet, layout, columns, extra


def _claims() -> list[Spec]:
    sex_en = {"male": ["M"], "female": ["F"], "unknown": ["U"]}
    return [
        ("ohio-claims-api", "Claims", "claims", "json", [
            Column("claimId", "claim_id", _ident("CLM", 8)),
            Column("member.memberId", "patient_id", _code("MBR", 1000, 1400, 5)),
            Column("member.dob", "patient_birth_date", _date("yyyy-MM-dd", "en", 1940, 2015)),
            Column("member.sex", "patient_sex", _enum(sex_en, later={"unknown": ["u"]})),
            Column("serviceDate", "service_date", _date("yyyy-MM-dd", "en", 2024, 2026)),
            Column("provider.npi", "provider_id", _code("", 1000000000, 1999999999)),
            Column("dx.primary", "diagnosis_code", _icd),
            Column("billing.chargedAmt", "billed_amount", _plain(40, 9000)),
            Column("billing.allowedPaid", "paid_amount", _plain(0, 6000)),
            Column("billing.ccy", "currency", _enum({"USD": ["USD"]})),
            Column("status", "claim_status", _enum(
                {"submitted": ["RECEIVED"], "pending": ["IN_REVIEW"], "approved": ["APPROVED"],
                 "denied": ["DENIED"], "paid": ["PAID"]}, later={"denied": ["REJECTED"]}),
                renamed="claimStatus"),
            Column("claimType", "claim_type", _enum(
                {"inpatient": ["IP"], "outpatient": ["OP"], "pharmacy": ["RX"], "dental": ["DEN"]})),
            Column("inNetwork", "in_network", _flag("true", "false")),
        ], Column("adjudicator.userId", None, _code("U", 10, 60, 3))),
        ("lyon-mutuelle", "Claims", "claims", "csv", [
            Column("NUM_DOSSIER", "claim_id", _ident("D", 7)),
            Column("NUM_ASSURE", "patient_id", _code("", 1_000_000, 1_100_000)),
            Column("DT_NAISS", "patient_birth_date", _date("dd/MM/yyyy", "fr", 1940, 2015)),
            Column("SEXE", "patient_sex", _enum({"male": ["1"], "female": ["2"]}, later={"unknown": ["9"]})),
            Column("DT_SOINS", "service_date", _date("dd/MM/yyyy", "fr", 2024, 2026), renamed="DATE_ACTE"),
            Column("NUM_PS", "provider_id", _code("", 100000000, 999999999)),
            Column("CODE_CIM10", "diagnosis_code", _icd),
            Column("MT_FACTURE (EUR)", "billed_amount", _num("fr", 20, 3000)),
            Column("MT_REMB (EUR)", "paid_amount", _num("fr", 0, 2000)),
            Column("STATUT", "claim_status", _enum(
                {"submitted": ["Reçu"], "pending": ["En cours"], "approved": ["Accepté"],
                 "denied": ["Refusé"], "paid": ["Payé"]},
                later={"approved": ["ACCEPTE"], "denied": ["Refuse"], "paid": ["Paye"]})),
            Column("TYPE_PREST", "claim_type", _enum(
                {"inpatient": ["Hospitalisation"], "outpatient": ["Consultation"], "pharmacy": ["Pharmacie"],
                 "dental": ["Dentaire"]}, later={"inpatient": ["Hospit."]})),
            Column("TIERS_PAYANT", None, _flag("O", "N")),
            Column("CAISSE", None, _pick(["CPAM 69", "CPAM 75", "MSA"])),
        ], Column("COMMENTAIRE", None, _pick(["", "", "urgent", "relance"]))),
        ("warszawa-szkody", "Claims", "claims", "csv", [
            Column("Nr szkody", "claim_id", _ident("SZ/", 6)),
            Column("Nr pacjenta", "patient_id", _code("P", 10000, 14000)),
            Column("Data urodzenia", "patient_birth_date", _date("dd.MM.yyyy", "pl", 1940, 2015)),
            Column("Płeć", "patient_sex", _enum({"male": ["M"], "female": ["K"]})),
            Column("Data świadczenia", "service_date", _date("dd.MM.yyyy", "pl", 2024, 2026)),
            Column("Kod ICD-10", "diagnosis_code", _icd),
            Column("Kwota (PLN)", "billed_amount", _num("pl", 50, 8000)),
            Column("Waluta", "currency", _enum({"PLN": ["PLN"], "EUR": ["EUR"]}, rare=("EUR",))),
            Column("Status", "claim_status", _enum(
                {"submitted": ["Zgłoszona"], "pending": ["W trakcie"], "approved": ["Zaakceptowana"],
                 "denied": ["Odrzucona"], "paid": ["Wypłacona"]}, later={"pending": ["w trakcie oceny"]})),
            Column("W sieci", "in_network", _flag("Tak", "Nie")),
        ], Column("Oddział NFZ", None, _pick(["07", "12", "14"]))),
    ]


def _inventory() -> list[Spec]:
    return [
        ("texas-pos", "Inventory", "stock", "csv", [
            Column("ItemNo", "sku", _ident("", 7, 4000000)),
            Column("ItemDesc", "product_name", _pick(["Peanut Butter 16oz", "Crew Tee M", "USB-C Cable", "Mop Head",
                                                      "Lip Balm", "Puzzle 500pc"])),
            Column("UPC", "barcode", _ean),
            Column("DeptCd", "category", _enum(
                {"grocery": ["GROC"], "apparel": ["APPRL"], "electronics": ["ELEC"], "home": ["HMGDN"],
                 "beauty": ["HBA"], "toys": ["TOYS"]})),
            Column("QtyOnHand", "quantity_on_hand", _int(0, 500)),
            Column("ReorderPt", "reorder_point", _int(5, 50)),
            Column("UnitCost", "unit_cost", _num("en", 0.5, 90, prefix="$")),
            Column("RetailPrc", "retail_price", _num("en", 1, 150, prefix="$"), renamed="RetailPrice"),
            Column("StoreNo", "store_id", _code("", 100, 140, 4)),
            Column("LastCntDt", "last_counted", _date("MM/dd/yyyy", "en", 2025, 2026)),
            Column("UOM", "unit_of_measure", _enum(
                {"each": ["EA"], "box": ["BX"], "kg": ["KG"], "pack": ["PK"]}, later={"litre": ["LTR"]})),
            Column("DiscFlg", "discontinued", _flag("N", "Y", 0.9)),
        ], Column("VendorNo", None, _code("V", 100, 200))),
        ("stockholm-lager", "Inventory", "stock", "csv", [
            Column("Artikelnummer", "sku", _ident("A", 6)),
            Column("Benämning", "product_name", _pick(["Mjölk 1 l", "Tröja", "Laddare", "Kudde", "Tvål", "Pussel"])),
            Column("EAN", "barcode", _ean),
            Column("Kategori", "category", _enum(
                {"grocery": ["Livsmedel"], "apparel": ["Kläder"], "electronics": ["Elektronik"],
                 "home": ["Hem & trädgård"], "beauty": ["Hälsa & skönhet"], "toys": ["Leksaker"]},
                later={"apparel": ["Klader"]})),
            Column("Antal i lager", "quantity_on_hand", _int(0, 400)),
            Column("Beställningspunkt", "reorder_point", _int(2, 40)),
            Column("Inköpspris (SEK)", "unit_cost", _num("sv", 5, 900)),
            Column("Pris (SEK)", "retail_price", _num("sv", 10, 1500)),
            Column("Butik", "store_id", _code("S", 10, 30)),
            Column("Inventerad", "last_counted", _date("yyyy-MM-dd", "sv", 2025, 2026)),
            Column("Enhet", "unit_of_measure", _enum(
                {"each": ["st"], "box": ["kartong"], "kg": ["kg"], "litre": ["l"], "pack": ["förp"]},
                later={"pack": ["forp."]})),
            Column("Utgått", "discontinued", _flag("Nej", "Ja", 0.9)),
        ], Column("Hylla", None, _pick(["A1", "B4", "C2"]))),
        ("bologna-magazzino", "Inventory", "stock", "xml", [
            Column("@codice", "sku", _ident("ART", 5)),
            Column("Descrizione", "product_name", _pick(["Pasta 500 g", "Camicia", "Cuffie", "Lampada", "Crema", "Lego"])),
            Column("@ean", "barcode", _ean),
            Column("Reparto", "category", _enum(
                {"grocery": ["Alimentari"], "apparel": ["Abbigliamento"], "electronics": ["Elettronica"],
                 "home": ["Casa e giardino"], "beauty": ["Salute e bellezza"], "toys": ["Giocattoli"]})),
            Column("Giacenza", "quantity_on_hand", _int(0, 300)),
            Column("ScortaMinima", "reorder_point", _int(1, 30)),
            Column("Costo/@valuta", None, _pick(["EUR"])),
            Column("Costo", "unit_cost", _plain(0.5, 80)),
            Column("PrezzoVendita", "retail_price", _plain(1, 120)),
            Column("Negozio/@id", "store_id", _code("N", 1, 40, 3)),
            Column("UltimoInventario", "last_counted", _date("dd/MM/yyyy", "it", 2025, 2026)),
            Column("UnitaMisura", "unit_of_measure", _enum(
                {"each": ["PZ"], "box": ["CF"], "kg": ["KG"], "litre": ["LT"]})),
            Column("FuoriProduzione", "discontinued", _flag("0", "1", 0.85)),
        ], Column("Fornitore", None, _pick(["Barilla", "Rossi Srl", "Bianchi SpA"]))),
    ]


def _listings() -> list[Spec]:
    return [
        ("madrid-inmuebles", "Listings", "listings", "csv", [
            Column("Referencia", "listing_id", _ident("REF-", 5)),
            Column("Fecha publicación", "listed_on", _date("dd/MM/yyyy", "es", 2025, 2026)),
            Column("Tipo de inmueble", "property_type", _enum(
                {"apartment": ["Piso"], "house": ["Chalet"], "townhouse": ["Adosado"], "land": ["Terreno"],
                 "commercial": ["Local comercial"]}, later={"apartment": ["PISO"], "commercial": ["Local"]})),
            Column("Operación", "transaction_type", _enum({"sale": ["Venta"], "rent": ["Alquiler"]})),
            Column("Precio (€)", "price", _num("es", 500, 900000, digits=0)),
            Column("Superficie (m²)", "floor_area", _int(30, 400)),
            Column("Habitaciones", "bedrooms", _int(0, 6)),
            Column("Baños", "bathrooms", _int(1, 4)),
            Column("Población", "city", _pick(["Madrid", "Alcalá de Henares", "Getafe", "Móstoles"])),
            Column("C.P.", "postal_code", _code("28", 0, 999, 3)),
            Column("Certificado energético", "energy_rating", _enum({x: [x] for x in "ABCDEFG"},
                                                                     later={"E": ["e"]}, invalid="En trámite")),
            Column("Amueblado", "furnished", _flag("Sí", "No", 0.4)),
            Column("Email agente", "agent_email", _email("inmobiliaria.es")),
            Column("Estado", "status", _enum(
                {"available": ["Disponible"], "under_offer": ["Reservado"], "sold": ["Vendido"],
                 "withdrawn": ["Retirado"]}, rare=("withdrawn",)), renamed="Situación"),
        ], Column("Planta", None, _pick(["Bajo", "1º", "2º", "Ático"]))),
        ("kobenhavn-bolig", "Listings", "listings", "csv", [
            Column("Sagsnr.", "listing_id", _ident("", 7, 2000000)),
            Column("Oprettet", "listed_on", _date("dd-MM-yyyy", "da", 2025, 2026)),
            Column("Boligtype", "property_type", _enum(
                {"apartment": ["Ejerlejlighed"], "house": ["Villa"], "townhouse": ["Rækkehus"], "land": ["Grund"]},
                later={"townhouse": ["Raekkehus"]})),
            Column("Kontantpris (DKK)", "price", _num("da", 800000, 9000000, digits=0)),
            Column("Boligareal (m2)", "floor_area", _int(40, 300)),
            Column("Værelser", "bedrooms", _int(1, 7)),
            Column("Postnr.", "postal_code", _code("", 1000, 2990)),
            Column("By", "city", _pick(["København", "Frederiksberg", "Hellerup", "Valby"])),
            Column("Energimærke", "energy_rating", _enum({x: [x] for x in "ABCDEFG"})),
            Column("Mægler e-mail", "agent_email", _email("bolig.dk")),
            Column("Status", "status", _enum(
                {"available": ["Til salg"], "under_offer": ["Købsaftale underskrevet"], "sold": ["Solgt"]},
                later={"withdrawn": ["Trukket tilbage"]})),
        ], Column("Ejerudgift", None, _num("da", 1000, 6000, digits=0))),
        ("nyc-listings", "Listings", "listings", "json", [
            Column("listing.id", "listing_id", _ident("NY", 7)),
            Column("listing.listedAt", "listed_on", _date("yyyy-MM-dd'T'00:00:00", "en", 2025, 2026)),
            Column("property.kind", "property_type", _enum(
                {"apartment": ["Condo", "Co-op"], "house": ["Single Family"], "townhouse": ["Townhome"],
                 "commercial": ["Commercial"]}, later={"apartment": ["CONDO"]})),
            Column("listing.type", "transaction_type", _enum({"sale": ["SALE"], "rent": ["RENTAL"]})),
            Column("listing.askingPrice", "price", _int(1500, 4000000)),
            Column("property.sqft", None, _int(300, 4000)),
            Column("property.beds", "bedrooms", _int(0, 6)),
            Column("property.baths", "bathrooms", _int(1, 5)),
            Column("address.city", "city", _pick(["Brooklyn", "Queens", "New York", "Bronx"])),
            Column("address.zip", "postal_code", _code("1", 1000, 1499, 4)),
            Column("agent.email", "agent_email", _email("realty.com")),
            Column("listing.status", "status", _enum(
                {"available": ["ACTIVE"], "under_offer": ["IN_CONTRACT"], "sold": ["CLOSED"],
                 "withdrawn": ["OFF_MARKET"]}), renamed="listing.state"),
            Column("pets", None, _flag("true", "false")),
        ], Column("listing.views", None, _int(0, 900))),
    ]


def _education() -> list[Spec]:
    return [
        ("toronto-registrar", "Education", "enrolments", "csv", [
            Column("STU_ID", "student_id", _ident("", 8, 10000000)),
            Column("GIVEN_NAME", "first_name", _pick(FIRST)),
            Column("SURNAME", "last_name", _pick(LAST)),
            Column("DOB", "birth_date", _date("yyyy-MM-dd", "en", 1980, 2007)),
            Column("EMAIL_ADDR", "email", _email("mail.utoronto.ca")),
            Column("PROG_CD", "programme", _pick(["BSC-CS", "BA-ECON", "MENG-EE", "PHD-BIO"])),
            Column("DEG_LVL", "level", _enum(
                {"bachelor": ["UG"], "master": ["GR-M"], "doctorate": ["GR-D"], "certificate": ["CERT"]})),
            Column("LOAD", "study_mode", _enum({"full_time": ["FT"], "part_time": ["PT"], "online": ["DL"]})),
            Column("ENRL_DT", "enrolled_on", _date("yyyy-MM-dd", "en", 2022, 2026)),
            Column("STATUS", "status", _enum(
                {"enrolled": ["E"], "deferred": ["D"], "withdrawn": ["W"], "graduated": ["G"]})),
            Column("TUITION_CAD", "tuition_fee", _plain(4000, 60000)),
            Column("SCHOL_IND", "scholarship", _flag("0", "1", 0.75)),
            Column("CITZ", "citizenship", _enum(
                {"CA": ["CAN"], "US": ["USA"], "IN": ["IND"], "CN": ["CHN"], "FR": ["FRA"]}, rare=("FR",))),
        ], Column("RES_IND", None, _flag("Y", "N"))),
        ("munchen-hochschule", "Education", "enrolments", "csv", [
            Column("Matrikelnummer", "student_id", _ident("", 7, 3000000)),
            Column("Vorname", "first_name", _pick(FIRST)),
            Column("Nachname", "last_name", _pick(LAST)),
            Column("Geb.-Datum", "birth_date", _date("dd.MM.yyyy", "de", 1980, 2007)),
            Column("E-Mail (Hochschule)", "email", _email("hm.edu")),
            Column("Studiengang", "programme", _pick(["Informatik", "Maschinenbau", "BWL", "Architektur"])),
            Column("Abschluss", "level", _enum(
                {"bachelor": ["Bachelor"], "master": ["Master"], "doctorate": ["Promotion"],
                 "certificate": ["Zertifikat"]}, later={"bachelor": ["B.Sc.", "B.A."], "master": ["M.Sc."]})),
            Column("Studienform", "study_mode", _enum(
                {"full_time": ["Vollzeit"], "part_time": ["Teilzeit", "berufsbegleitend"], "online": ["Fernstudium"]})),
            Column("Immatrikuliert am", "enrolled_on", _date("dd.MM.yyyy", "de", 2022, 2026)),
            Column("Status", "status", _enum(
                {"enrolled": ["immatrikuliert"], "deferred": ["beurlaubt"], "withdrawn": ["exmatrikuliert"],
                 "graduated": ["Absolvent"]}, rare=("graduated",))),
            Column("Semesterbeitrag", "tuition_fee", _num("de", 80, 150)),
            Column("Stipendium", "scholarship", _flag("nein", "ja", 0.8)),
            Column("Staatsangehörigkeit", "citizenship", _enum(
                {"DE": ["deutsch"], "FR": ["französisch"], "PL": ["polnisch"], "ES": ["spanisch"],
                 "CN": ["chinesisch"], "IN": ["indisch"]}, invalid="staatenlos")),
        ], Column("Fachsemester", None, _int(1, 12))),
        ("bucuresti-universitate", "Education", "enrolments", "csv", [
            Column("Nr. matricol", "student_id", _ident("M", 6)),
            Column("Prenume", "first_name", _pick(FIRST)),
            Column("Nume", "last_name", _pick(LAST)),
            Column("Data nașterii", "birth_date", _date("dd.MM.yyyy", "ro", 1980, 2007)),
            Column("E-mail", "email", _email("unibuc.ro")),
            Column("Program de studii", "programme", _pick(["Informatică", "Drept", "Economie"])),
            Column("Ciclu", "level", _enum({"bachelor": ["Licență"], "master": ["Master"], "doctorate": ["Doctorat"]},
                                           later={"bachelor": ["Licenta"]})),
            Column("Forma de învățământ", "study_mode", _enum(
                {"full_time": ["IF"], "part_time": ["FR"], "online": ["ID"]})),
            Column("Data înmatriculării", "enrolled_on", _date("dd.MM.yyyy", "ro", 2022, 2026)),
            Column("Situație", "status", _enum(
                {"enrolled": ["Înmatriculat"], "deferred": ["Întrerupere"], "withdrawn": ["Exmatriculat"],
                 "graduated": ["Absolvent"]})),
            Column("Taxă (RON)", "tuition_fee", _num("ro", 2000, 9000)),
            Column("Bursă", "scholarship", _flag("Nu", "Da", 0.7)),
            Column("Cetățenie", "citizenship", _enum({"PL": ["Polonia"], "FR": ["Franța"], "DE": ["Germania"],
                                                     "ES": ["Spania"]}, rare=("ES",))),
        ], Column("An", None, _int(1, 5))),
    ]


def _banking() -> list[Spec]:
    return [
        ("london-ledger", "Banking", "transactions", "csv", [
            Column("TXN_REF", "transaction_id", _ident("TX", 9)),
            Column("ACCT_NO", "account_number", _code("", 10000000, 10000040, 8)),
            Column("SORT_CODE", None, _pick(["20-00-00", "40-11-62"])),
            Column("POST_DT", "booking_date", _date("dd/MM/yyyy", "en", 2025, 2026)),
            Column("VAL_DT", "value_date", _date("dd/MM/yyyy", "en", 2025, 2026)),
            Column("AMT (GBP)", "amount", _plain(1, 5000)),
            Column("CCY", "currency", _enum({"GBP": ["GBP"], "EUR": ["EUR"]}, rare=("EUR",), later={"USD": ["USD"]})),
            Column("DR_CR", "direction", _enum({"debit": ["DR"], "credit": ["CR"]}, later={"debit": ["D"], "credit": ["C"]})),
            Column("CPTY_NAME", "counterparty", _pick(["TESCO STORES", "HMRC", "ACME LTD", "J SMITH"])),
            Column("TXN_TYPE", "channel", _enum(
                {"card": ["POS"], "transfer": ["FPS"], "direct_debit": ["DD"], "cash": ["ATM"], "cheque": ["CHQ"]},
                later={"transfer": ["BACS"]})),
            Column("NARRATIVE_1", "description", _pick(["GROCERIES", "TAX", "SALARY", "RENT"])),
            Column("NARRATIVE_2", None, _pick(["", "REF 1234", "ONLINE"])),
            Column("RUNNING_BAL", "balance", _plain(-500, 20000)),
            Column("BRANCH_ID", None, _code("", 100, 130)),
            Column("BATCH_NO", None, _code("B", 1, 30, 4)),
            Column("REV_FLAG", None, _flag("N", "Y", 0.97)),
        ], Column("CHANNEL_ID", None, _pick(["MOB", "WEB", "BR"]))),
        ("bucuresti-banca", "Banking", "transactions", "csv", [
            Column("ID tranzacție", "transaction_id", _ident("T", 8)),
            Column("Cont IBAN", "account_number", _iban("RO49AAAA", 16)),
            Column("Data înregistrării", "booking_date", _date("dd.MM.yyyy", "ro", 2025, 2026)),
            Column("Data valutei", "value_date", _date("dd.MM.yyyy", "ro", 2025, 2026)),
            Column("Sumă", "amount", _num("ro", 1, 9000)),
            Column("Monedă", "currency", _enum({"RON": ["RON"], "EUR": ["EUR"]}, later={"USD": ["USD"]})),
            Column("Tip", "direction", _enum({"debit": ["Debit"], "credit": ["Credit"]})),
            Column("Beneficiar / Plătitor", "counterparty", _pick(["Kaufland", "ANAF", "Enel", "Popescu Ion"])),
            Column("Canal", "channel", _enum(
                {"card": ["Plată card"], "transfer": ["Transfer bancar"], "direct_debit": ["Debit direct"],
                 "cash": ["Numerar"]}, later={"card": ["Plata card"]})),
            Column("Detalii", "description", _pick(["Cumpărături", "Impozit", "Salariu", "Chirie"])),
            Column("Sold final", "balance", _num("ro", -100, 40000)),
        ], Column("Categorie", None, _pick(["Alimente", "Utilități", "Venit"]))),
        ("aarhus-bank", "Banking", "transactions", "csv", [
            Column("Posteringsnr", "transaction_id", _ident("", 9, 500000000)),
            Column("Kontonr", "account_number", _code("", 1000000000, 1000000030)),
            Column("Bogført", "booking_date", _date("dd-MM-yyyy", "da", 2025, 2026)),
            Column("Rentedato", "value_date", _date("dd-MM-yyyy", "da", 2025, 2026)),
            Column("Beløb", "amount", _num("da", -9000, 9000)),
            Column("Valuta", "currency", _enum({"DKK": ["DKK"], "EUR": ["EUR"]}, rare=("EUR",))),
            Column("Modpart", "counterparty", _pick(["Netto", "Skat", "DSB", "Ørsted"])),
            Column("Type", "channel", _enum(
                {"card": ["Dankort"], "transfer": ["Overførsel"], "direct_debit": ["Betalingsservice"],
                 "cash": ["Kontant"]})),
            Column("Tekst", "description", _pick(["Dagligvarer", "Skat", "Løn", "Husleje"])),
            Column("Saldo", "balance", _num("da", -1000, 50000)),
        ], Column("Afstemt", None, _flag("Ja", "Nej"))),
    ]


def _specs() -> list[Spec]:
    return [*_claims(), *_inventory(), *_listings(), *_education(), *_banking()]


def parse_blueprints(text: str) -> dict[str, Blueprint]:
    """A set's blueprints (a YAML list of them) by name."""
    return {d["name"]: parse_blueprint(d) for d in yaml.safe_load(text)}


def _nest(flat: dict[str, str]) -> dict[str, object]:
    """``{"a.b": 1}`` -> ``{"a": {"b": 1}}`` (the JSON partners' records)."""
    out: dict[str, object] = {}
    for key, value in flat.items():
        node = out
        parts = key.split(".")
        for p in parts[:-1]:
            node = node.setdefault(p, {})  # type: ignore[assignment]
        node[parts[-1]] = value
    return out


def _xml(rows: list[dict[str, str]]) -> str:
    """Rows as ``<Articolo codice=…><Descrizione>…</Descrizione><Costo valuta=…>…</Costo></Articolo>``."""
    items = []
    for row in rows:
        attrs = " ".join(f"{k[1:]}={quoteattr(v)}" for k, v in row.items() if k.startswith("@"))
        children: dict[str, dict[str, str]] = {}
        for k, v in row.items():
            if k.startswith("@"):
                continue
            name, _, attr = k.partition("/@")
            child = children.setdefault(name, {})
            child["@" + attr if attr else ""] = v
        parts = []
        for name, child in children.items():
            cattrs = " ".join(f"{a[1:]}={quoteattr(v)}" for a, v in child.items() if a)
            text = child.get("", "").replace("&", "&amp;").replace("<", "&lt;")
            parts.append(f"<{name}{' ' + cattrs if cattrs else ''}>{text}</{name}>")
        items.append(f"<Articolo {attrs}>{''.join(parts)}</Articolo>")
    return f"<?xml version='1.0' encoding='utf-8'?><Magazzino>{''.join(items)}</Magazzino>"


def _xlsx(path: Path, data: dict[str, list[str]]) -> None:
    """A workbook with a title row above the header (as many exports have), all cells text."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Export")
    sheet.write_string(0, 0, "Export")
    for c, (header, values) in enumerate(data.items()):
        sheet.write_string(2, c, header)
        for r, v in enumerate(values):
            if v:
                sheet.write_string(3 + r, c, v)
    book.close()


def _through_extractor(layout: str, data: dict[str, list[str]]) -> pl.DataFrame:
    """Write the rows as the partner's file and read them back with feedline's extractor."""
    from feedline.extract import extract

    rows = [dict(zip(data, vals, strict=True)) for vals in zip(*data.values(), strict=True)]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"delivery.{layout}"
        if layout == "json":
            path.write_text(json.dumps({"items": [_nest(r) for r in rows]}), encoding="utf-8")
        elif layout == "xlsx":
            _xlsx(path, data)
        else:
            path.write_text(_xml(rows), encoding="utf-8")
        tables = extract(path, path.name, profile=False).tables
    frame = max((t.frame for t in tables if t.frame is not None), key=lambda f: f.width)
    return frame


def _column_name(layout: str, header: str, frame: pl.DataFrame) -> str:
    """The extracted column a generated header became (JSON paths keep their dots)."""
    if header in frame.columns:
        return header
    for c in frame.columns:
        if c.endswith(header) or c.replace("items.", "", 1) == header:
            return c
    raise KeyError(f"{layout}: column {header!r} not among {frame.columns}")


def partners() -> list[Partner]:
    """Every partner of this set with three deliveries (d1, d2, d3)."""
    return build(_specs(), parse_blueprints(BLUEPRINTS), seed=3000)


def build(specs: list[Spec], bps: dict[str, Blueprint], seed: int) -> list[Partner]:
    """Three deliveries (d1, d2, d3) of every partner spec, seeded: the same every run."""
    out = []
    for n, (name, bp, slug, layout, columns, extra) in enumerate(specs):
        sheet = bps[bp].sheet(slug)
        rng = random.Random(seed + n)
        deliveries = []
        for k, dname in enumerate(("d1", "d2", "d3")):
            cols = list(columns) + ([extra] if k == 2 else [])
            if k == 2:
                rng.shuffle(cols)
            data: dict[str, list[str]] = {}
            truth: dict[str, str | None] = {}
            enums: dict[str, dict[str, str | None]] = {}
            for col in cols:
                header = col.renamed if k == 2 and col.renamed else col.header
                values = [col.make(rng, k * ROWS + i) for i in range(ROWS)]
                data[header] = values
                truth[header] = col.field
                if isinstance(col.make, _enum) and col.field is not None:
                    enums[col.field] = {v: col.make.truth(v) for v in values if v.strip()}
            if layout in ("json", "xml", "xlsx"):
                frame = _through_extractor(layout, data)
                truth = {_column_name(layout, h, frame): f for h, f in truth.items()}
            else:
                frame = pl.DataFrame(data, schema=dict.fromkeys(data, pl.String))
            deliveries.append(Delivery(dname, frame, truth, enums))
        out.append(Partner(name, bps[bp].name, sheet, deliveries))
    return out


def main(argv: list[str] | None = None) -> int:
    return show_partners(__doc__, partners(), argv)


if __name__ == "__main__":
    raise SystemExit(main())
