"""A fourth development set, written before the sixth round of mapping changes: a check.

Usage: ``python bench/devset4.py [--show]`` (prints each partner's headers and values).

Three blueprints of domains no earlier set, the held-out set or the shared fixtures use
(grain intake at a farmers' cooperative, event ticket sales, charitable donations) and
nine partners: seven in languages feedline has no vocabulary file for (Lithuanian,
Estonian, Indonesian, Icelandic, Welsh, Swahili, Slovenian) and two in English as
Australian grain handlers and British charities abbreviate it. Layouts: CSV, nested
JSON, XML elements and attributes, and workbooks with a title row, read by feedline's own
extractor. Values as such exports write them: local dates and numbers, yes/no words of
each language, enum values as codes, abbreviations and other-language labels.

It was written and measured once before any mapping change of the round it belongs to;
that first measurement is the round's independent check (later figures are not, since
the round's work saw its failures). Nothing here is read by ``feedline/`` or by
calibration. Deliveries behave as in ``devset2``: ``d2`` brings new rows and other
spellings of values already seen, ``d3`` renames a column, adds one and shuffles.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from devset2 import (
    Column,
    Spec,
    _date,
    _email,
    _enum,
    _flag,
    _ident,
    _name,
    _num,
    _pick,
    _plain,
    _plate,
    build,
    parse_blueprints,
)
from learning_sim import Partner, show_partners

BLUEPRINTS = """
- name: Agriculture
  sheets:
    - slug: intakes
      name: Grain Intakes
      fields:
        - {key: ticket_no, label: Intake Ticket Number, type: string, constraints: [{type: required}, {type: unique}]}
        - {key: grower_id, label: Grower ID, type: string, constraints: [{type: required}]}
        - {key: grower_name, label: Grower Name, type: string}
        - {key: intake_date, label: Intake Date, type: date, constraints: [{type: required}]}
        - key: crop
          label: Crop
          type: enum
          options: [{value: wheat, label: Wheat}, {value: barley, label: Barley}, {value: maize, label: Maize},
                    {value: rapeseed, label: Rapeseed}, {value: oats, label: Oats}]
        - key: grade
          label: Grade
          type: enum
          options: [{value: grade_1, label: Grade 1}, {value: grade_2, label: Grade 2}, {value: feed, label: Feed},
                    {value: rejected, label: Rejected}]
        - {key: gross_weight, label: Gross Weight (kg), type: number}
        - {key: moisture, label: Moisture (%), type: number}
        - {key: net_weight, label: Net Weight (kg), type: number, constraints: [{type: required}]}
        - {key: price_per_tonne, label: Price per Tonne, type: number}
        - {key: organic, label: Organic, type: boolean}
        - {key: vehicle, label: Vehicle Registration, type: string}
        - {key: silo, label: Silo, type: string}
- name: Ticketing
  sheets:
    - slug: ticket_sales
      name: Ticket Sales
      fields:
        - {key: ticket_id, label: Ticket Number, type: string, constraints: [{type: required}, {type: unique}]}
        - {key: event_name, label: Event, type: string, constraints: [{type: required}]}
        - {key: event_date, label: Event Date, type: date, constraints: [{type: required}]}
        - {key: purchased_on, label: Purchase Date, type: date}
        - {key: buyer_name, label: Buyer Name, type: string}
        - {key: buyer_email, label: Buyer Email, type: string}
        - key: seat_category
          label: Seat Category
          type: enum
          options: [{value: standing, label: Standing}, {value: seated, label: Seated}, {value: vip, label: VIP},
                    {value: box, label: Box}]
        - {key: price, label: Ticket Price, type: number, constraints: [{type: required}]}
        - key: currency
          label: Currency
          type: enum
          options: [{value: EUR, label: Euro}, {value: GBP, label: British Pound}, {value: IDR, label: Indonesian Rupiah},
                    {value: ISK, label: Icelandic Krona}, {value: USD, label: US Dollar}]
        - key: channel
          label: Sales Channel
          type: enum
          options: [{value: box_office, label: Box Office}, {value: online, label: Online}, {value: phone, label: Phone},
                    {value: reseller, label: Reseller}]
        - key: status
          label: Status
          type: enum
          options: [{value: paid, label: Paid}, {value: reserved, label: Reserved}, {value: refunded, label: Refunded},
                    {value: cancelled, label: Cancelled}]
        - {key: checked_in, label: Checked In, type: boolean}
- name: Fundraising
  sheets:
    - slug: donations
      name: Donations
      fields:
        - {key: donation_id, label: Donation ID, type: string, constraints: [{type: required}, {type: unique}]}
        - {key: donor_id, label: Donor ID, type: string, constraints: [{type: required}]}
        - {key: donor_name, label: Donor Name, type: string}
        - {key: donor_email, label: Donor Email, type: string}
        - {key: donated_on, label: Donation Date, type: date, constraints: [{type: required}]}
        - {key: amount, label: Amount, type: number, constraints: [{type: required}]}
        - key: currency
          label: Currency
          type: enum
          options: [{value: EUR, label: Euro}, {value: GBP, label: British Pound}, {value: KES, label: Kenyan Shilling},
                    {value: USD, label: US Dollar}]
        - key: frequency
          label: Frequency
          type: enum
          options: [{value: one_off, label: One-off}, {value: monthly, label: Monthly}, {value: annual, label: Annual}]
        - {key: campaign, label: Campaign, type: string}
        - {key: tax_receipt, label: Tax Receipt, type: boolean}
        - key: donor_country
          label: Donor Country
          type: enum
          options: [{value: KE, label: Kenya}, {value: TZ, label: Tanzania}, {value: UG, label: Uganda},
                    {value: GB, label: United Kingdom}, {value: IE, label: Ireland}, {value: SI, label: Slovenia},
                    {value: HR, label: Croatia}, {value: AT, label: Austria}, {value: US, label: United States}]
        - {key: anonymous, label: Anonymous, type: boolean}
"""

GROWERS = ["Jonas Petraitis", "Rasa Kazlauskienė", "Mart Tamm", "Kadri Saar", "Bill Hartley",
           "Sue McKenzie", "Tomas Jankauskas", "Liis Kask"]


def _ref(prefix: str, lo: int, hi: int) -> Callable[[random.Random, int], str]:
    """A reference that repeats (growers, donors): drawn from a range."""
    return lambda rng, _: f"{prefix}{rng.randrange(lo, hi)}"


def _intakes() -> list[Spec]:
    return [
        ("kedainiai-grudai", "Agriculture", "intakes", "csv", [
            Column("Kvito Nr.", "ticket_no", _ident("KG", 7)),
            Column("Augintojo kodas", "grower_id", _ref("A", 1000, 1200)),
            Column("Augintojas", "grower_name", _pick(GROWERS[:2] + GROWERS[6:7])),
            Column("Priėmimo data", "intake_date", _date("yyyy-MM-dd", "lt", 2025, 2026)),
            Column("Kultūra", "crop", _enum(
                {"wheat": ["Kviečiai"], "barley": ["Miežiai"], "maize": ["Kukurūzai"], "rapeseed": ["Rapsai"],
                 "oats": ["Avižos"]}, rare=("oats",), later={"wheat": ["kviečiai"]})),
            Column("Klasė", "grade", _enum(
                {"grade_1": ["I klasė"], "grade_2": ["II klasė"], "feed": ["Pašarinė"], "rejected": ["Atmesta"]},
                rare=("rejected",))),
            Column("Bruto svoris, kg", "gross_weight", _num("lt", 8000, 30000, digits=0)),
            Column("Drėgmė, %", "moisture", _num("lt", 10, 19, digits=1)),
            Column("Neto svoris, kg", "net_weight", _num("lt", 7000, 28000, digits=0)),
            Column("Kaina už toną", "price_per_tonne", _num("lt", 150, 290)),
            Column("Ekologiška", "organic", _flag("Ne", "Taip", 0.85)),
            Column("Automobilio Nr.", "vehicle", _plate("LLL 999"), renamed="Transporto priemonė"),
            Column("Silosas", "silo", _pick(["S1", "S2", "S3", "S4"])),
        ], Column("Laborantas", None, _pick(["R. Jonaitė", "D. Vaitkus"]))),
        ("tartu-vili", "Agriculture", "intakes", "xlsx", [
            Column("Kviitungi nr", "ticket_no", _ident("TV-", 6)),
            Column("Tootja kood", "grower_id", _ref("T", 300, 420)),
            Column("Tootja", "grower_name", _pick(GROWERS[2:4] + GROWERS[7:8])),
            Column("Vastuvõtu kuupäev", "intake_date", _date("dd.MM.yyyy", "et", 2025, 2026)),
            Column("Kultuur", "crop", _enum(
                {"wheat": ["Nisu"], "barley": ["Oder"], "maize": ["Mais"], "rapeseed": ["Raps"], "oats": ["Kaer"]},
                rare=("maize",))),
            Column("Klass", "grade", _enum(
                {"grade_1": ["1. klass"], "grade_2": ["2. klass"], "feed": ["Sööt"], "rejected": ["Tagasi lükatud"]},
                rare=("rejected",), later={"feed": ["sööt"]})),
            Column("Brutokaal (kg)", "gross_weight", _num("et", 6000, 26000, digits=0)),
            Column("Niiskus (%)", "moisture", _num("et", 11, 20, digits=1)),
            Column("Netokaal (kg)", "net_weight", _num("et", 5500, 25000, digits=0)),
            Column("Hind EUR/t", "price_per_tonne", _num("et", 140, 280)),
            Column("Mahe", "organic", _flag("Ei", "Jah", 0.8)),
            Column("Auto reg nr", "vehicle", _plate("999 LLL")),
            Column("Punker", "silo", _pick(["P-1", "P-2", "P-3"]), renamed="Hoidla"),
        ], Column("Märkused", None, _pick(["", "", "umbrohi", "niiske"]))),
        ("wimmera-grain", "Agriculture", "intakes", "csv", [
            Column("Tkt #", "ticket_no", _ident("WG", 6)),
            Column("Grower No", "grower_id", _ref("NGR", 10000, 10400)),
            Column("Grower", "grower_name", _pick([*GROWERS[4:6], "Kev O'Brien"])),
            Column("Recv Dt", "intake_date", _date("dd/MM/yyyy", "en_AU", 2025, 2026)),
            Column("Commodity", "crop", _enum(
                {"wheat": ["WHT"], "barley": ["BAR"], "maize": ["MZE"], "rapeseed": ["CAN"], "oats": ["OAT"]},
                rare=("maize",))),
            Column("Grd", "grade", _enum(
                {"grade_1": ["GR1"], "grade_2": ["GR2"], "feed": ["FD1"], "rejected": ["REJ"]},
                rare=("rejected",))),
            Column("Gross Wt", "gross_weight", _plain(20000, 60000, digits=0)),
            Column("Moist %", "moisture", _plain(8, 14, digits=1)),
            Column("Nett Wt", "net_weight", _plain(18000, 56000, digits=0), renamed="Net (kg)"),
            Column("$/t", "price_per_tonne", _plain(280, 420)),
            Column("Org", "organic", _flag("N", "Y", 0.9)),
            Column("Truck Rego", "vehicle", _plate("9LL9LL")),
            Column("Site Bin", "silo", _pick(["HOR-B1", "HOR-B2", "DIM-B4"])),
        ], Column("Sampler", None, _pick(["JB", "MK", "TS"]))),
    ]


def _ticket_sales() -> list[Spec]:
    return [
        ("jakarta-tiket", "Ticketing", "ticket_sales", "json", [
            Column("tiket.nomor", "ticket_id", _ident("JKT", 8)),
            Column("acara.nama", "event_name", _pick(["Konser Jazz Senayan", "Festival Film Kota", "Pentas Wayang"])),
            Column("acara.tanggal", "event_date", _date("dd-MM-yyyy", "id", 2026, 2027)),
            Column("tanggalPembelian", "purchased_on", _date("dd-MM-yyyy", "id", 2025, 2026)),
            Column("pembeli.nama", "buyer_name", _name),
            Column("pembeli.surel", "buyer_email", _email("surel.co.id")),
            Column("kategoriKursi", "seat_category", _enum(
                {"standing": ["Berdiri"], "seated": ["Duduk"], "vip": ["VIP"], "box": ["Boks"]},
                rare=("box",))),
            Column("harga", "price", _plain(150000, 2500000, digits=0)),
            Column("mataUang", "currency", _enum({"IDR": ["IDR"], "USD": ["USD"]}, rare=("USD",))),
            Column("saluranPenjualan", "channel", _enum(
                {"box_office": ["Loket"], "online": ["Daring"], "phone": ["Telepon"], "reseller": ["Agen"]})),
            Column("status", "status", _enum(
                {"paid": ["Lunas"], "reserved": ["Dipesan"], "refunded": ["Dikembalikan"],
                 "cancelled": ["Dibatalkan"]}, later={"paid": ["LUNAS"]})),
            Column("sudahMasuk", "checked_in", _flag("ya", "tidak", 0.6), renamed="hadir"),
        ], Column("pembeli.telepon", None, _pick(["+62 812 3456 7890", "+62 21 555 0101"]))),
        ("reykjavik-midar", "Ticketing", "ticket_sales", "csv", [
            Column("Miðanúmer", "ticket_id", _ident("RVK", 7)),
            Column("Viðburður", "event_name", _pick(["Sinfóníutónleikar", "Jólatónleikar", "Leiksýning"])),
            Column("Dagsetning viðburðar", "event_date", _date("d.M.yyyy", "is", 2026, 2027)),
            Column("Kaupdagur", "purchased_on", _date("d.M.yyyy", "is", 2025, 2026)),
            Column("Nafn kaupanda", "buyer_name", _name),
            Column("Netfang", "buyer_email", _email("simnet.is")),
            Column("Svæði", "seat_category", _enum(
                {"standing": ["Stæði"], "seated": ["Sæti"], "vip": ["VIP"], "box": ["Stúka"]}, rare=("box",))),
            Column("Verð", "price", _num("is", 3500, 25000, digits=0)),
            Column("Gjaldmiðill", "currency", _enum({"ISK": ["ISK"], "EUR": ["EUR"]}, rare=("EUR",))),
            Column("Söluleið", "channel", _enum(
                {"box_office": ["Miðasala"], "online": ["Vefur"], "phone": ["Sími"], "reseller": ["Endursöluaðili"]},
                later={"online": ["vefur"]})),
            Column("Staða", "status", _enum(
                {"paid": ["Greitt"], "reserved": ["Frátekið"], "refunded": ["Endurgreitt"],
                 "cancelled": ["Hætt við"]}), renamed="Staða miða"),
            Column("Skannaður", "checked_in", _flag("Já", "Nei", 0.55)),
        ], Column("Sæti nr.", None, _pick(["A12", "B7", "C3", ""]))),
        ("caerdydd-tocynnau", "Ticketing", "ticket_sales", "xml", [
            Column("@rhif", "ticket_id", _ident("CDF", 6)),
            Column("Digwyddiad", "event_name", _pick(["Cyngerdd yr Hydref", "Noson Gomedi", "Eisteddfod y Dref"])),
            Column("Digwyddiad/@dyddiad", "event_date", _date("dd/MM/yyyy", "cy", 2026, 2027)),
            Column("DyddiadPrynu", "purchased_on", _date("dd/MM/yyyy", "cy", 2025, 2026)),
            Column("Prynwr", "buyer_name", _name),
            Column("Prynwr/@ebost", "buyer_email", _email("post.cymru")),
            Column("Categori", "seat_category", _enum(
                {"standing": ["Sefyll"], "seated": ["Eistedd"], "vip": ["VIP"], "box": ["Bocs"]}, rare=("box",))),
            Column("Pris", "price", _plain(8, 95)),
            Column("Arian", "currency", _enum({"GBP": ["GBP"], "EUR": ["EUR"]}, rare=("EUR",))),
            Column("Sianel", "channel", _enum(
                {"box_office": ["Swyddfa docynnau"], "online": ["Ar-lein"], "phone": ["Ffôn"],
                 "reseller": ["Ailwerthwr"]}, later={"phone": ["Ffon"]})),
            Column("Statws", "status", _enum(
                {"paid": ["Talwyd"], "reserved": ["Cadwyd"], "refunded": ["Ad-dalwyd"], "cancelled": ["Canslwyd"]})),
            Column("WediSganio", "checked_in", _flag("Ie", "Na", 0.6), renamed="Mynediad"),
        ], Column("Nodiadau", None, _pick(["", "cadair olwyn", ""]))),
    ]


def _donations() -> list[Spec]:
    return [
        ("nairobi-michango", "Fundraising", "donations", "csv", [
            Column("Nambari ya mchango", "donation_id", _ident("MC", 6)),
            Column("Nambari ya mfadhili", "donor_id", _ref("MF", 2000, 2600)),
            Column("Jina la mfadhili", "donor_name", _name),
            Column("Barua pepe", "donor_email", _email("mfadhili.co.ke")),
            Column("Tarehe ya mchango", "donated_on", _date("dd/MM/yyyy", "sw", 2025, 2026)),
            Column("Kiasi", "amount", _plain(100, 50000, digits=0)),
            Column("Sarafu", "currency", _enum({"KES": ["KES", "KSh"], "USD": ["USD"]}, rare=("USD",))),
            Column("Mara", "frequency", _enum(
                {"one_off": ["Mara moja"], "monthly": ["Kila mwezi"], "annual": ["Kila mwaka"]})),
            Column("Kampeni", "campaign", _pick(["Maji Safi", "Elimu Kwa Wote", "Afya Bora"])),
            Column("Risiti ya kodi", "tax_receipt", _flag("Ndiyo", "Hapana", 0.4)),
            Column("Nchi", "donor_country", _enum(
                {"KE": ["Kenya"], "TZ": ["Tanzania"], "UG": ["Uganda"], "US": ["Marekani"], "GB": ["Uingereza"]},
                rare=("US", "GB"))),
            Column("Bila jina", "anonymous", _flag("Hapana", "Ndiyo", 0.85), renamed="Siri"),
        ], Column("Simu", None, _pick(["+254 712 345678", "+254 733 000111"]))),
        ("ljubljana-donacije", "Fundraising", "donations", "xlsx", [
            Column("Št. donacije", "donation_id", _ident("DON", 6)),
            Column("Šifra donatorja", "donor_id", _ref("D", 500, 900)),
            Column("Donator", "donor_name", _name),
            Column("E-pošta", "donor_email", _email("siol.net")),
            Column("Datum donacije", "donated_on", _date("d. M. yyyy", "sl", 2025, 2026)),
            Column("Znesek", "amount", _num("sl", 5, 2000)),
            Column("Valuta", "currency", _enum({"EUR": ["EUR"]})),
            Column("Pogostost", "frequency", _enum(
                {"one_off": ["Enkratno"], "monthly": ["Mesečno"], "annual": ["Letno"]},
                later={"monthly": ["mesecno"]})),
            Column("Kampanja", "campaign", _pick(["Topla hiša", "Šolske potrebščine", "Pomoč po poplavah"]),
                   renamed="Akcija"),
            Column("Davčno potrdilo", "tax_receipt", _flag("Da", "Ne", 0.5)),
            Column("Država", "donor_country", _enum(
                {"SI": ["Slovenija"], "HR": ["Hrvaška"], "AT": ["Avstrija"]}, rare=("AT",))),
            Column("Anonimno", "anonymous", _flag("Ne", "Da", 0.9)),
        ], Column("Opomba", None, _pick(["", "", "v spomin", "podjetje"]))),
        ("hope-trust-uk", "Fundraising", "donations", "csv", [
            Column("Gift Ref", "donation_id", _ident("GFT", 7)),
            Column("Supporter No.", "donor_id", _ref("SUP", 40000, 41000)),
            Column("Supporter", "donor_name", _name),
            Column("Email Addr", "donor_email", _email("btinternet.com")),
            Column("Gift Dt", "donated_on", _date("dd/MM/yy", "en_GB", 2025, 2026)),
            Column("Amt", "amount", _num("en_GB", 2, 500, prefix="£")),
            Column("Ccy", "currency", _enum({"GBP": ["GBP"], "EUR": ["EUR"]}, rare=("EUR",))),
            Column("Freq", "frequency", _enum(
                {"one_off": ["Single"], "monthly": ["Mthly"], "annual": ["Yrly"]},
                later={"one_off": ["1-off"]})),
            Column("Appeal", "campaign", _pick(["Winter Appeal 25", "Spring Raffle", "Legacy Drive"])),
            Column("GA Elig", "tax_receipt", _flag("Y", "N", 0.7)),
            Column("Ctry", "donor_country", _enum(
                {"GB": ["UK", "GB"], "IE": ["IRL"], "US": ["USA"]}, rare=("US",))),
            Column("Anon", "anonymous", _flag("N", "Y", 0.9)),
        ], Column("Fundraiser", None, _pick(["Team Bristol", "Online", "Team Leeds"]))),
    ]


def _specs() -> list[Spec]:
    return [*_intakes(), *_ticket_sales(), *_donations()]


def partners() -> list[Partner]:
    """Every partner of this set with three deliveries (d1, d2, d3)."""
    return build(_specs(), parse_blueprints(BLUEPRINTS), seed=7000)


def main(argv: list[str] | None = None) -> int:
    return show_partners(__doc__, partners(), argv)


if __name__ == "__main__":
    raise SystemExit(main())
