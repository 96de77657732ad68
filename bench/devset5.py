"""A fifth development set, written before the eighth round of mapping changes: a check.

Usage: ``python bench/devset5.py [--show]`` (prints each partner's headers and values).

Three blueprints of domains no earlier set, the held-out set or the shared fixtures use
(car hire agreements, public library loans, veterinary clinic visits) and nine partners:
seven in languages no earlier set uses and feedline has no vocabulary file for (Latvian,
Greek written in Latin letters, Vietnamese, Afrikaans, Basque, Filipino, Albanian) and
two in English as American rental counters and veterinary practices abbreviate it
(``RA #``, ``C/O Date``, ``MOP``, ``LDW``, ``Pt ID``, ``DOS``, ``Spp``). Layouts: CSV,
nested JSON, XML elements and attributes, and workbooks with a title row, read by
feedline's own extractor. Values as such exports write them: local dates and numbers,
yes/no words of each language, enum values as industry codes (ACRISS car groups, species
and sex codes of practice software), abbreviations, other-language labels, country names
typed by a counter clerk (misspelt now and then).

It was written and measured once before any mapping change of the round it belongs to;
that first measurement is the round's independent check (later figures are not, since
the round's work saw its failures). Nothing here is read by ``feedline/`` or by
calibration. Deliveries behave as in ``devset2``: ``d2`` brings new rows and other
spellings of values already seen, ``d3`` renames a column, adds one and shuffles.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from collections.abc import Callable
from pathlib import Path

from babel.dates import format_date

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from devset2 import (
    Column,
    Spec,
    _code,
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
- name: Car Hire
  sheets:
    - slug: rentals
      name: Rental Agreements
      fields:
        - {key: agreement_no, label: Rental Agreement Number, type: string, constraints: [{type: required}, {type: unique}]}
        - {key: customer_name, label: Customer Name, type: string, constraints: [{type: required}]}
        - {key: licence_no, label: Driving Licence Number, type: string}
        - {key: pickup_date, label: Pick-up Date, type: date, constraints: [{type: required}]}
        - {key: return_date, label: Return Date, type: date}
        - {key: branch, label: Pick-up Branch, type: string}
        - key: car_class
          label: Car Class
          type: enum
          options: [{value: economy, label: Economy}, {value: compact, label: Compact}, {value: suv, label: SUV},
                    {value: van, label: Van}, {value: premium, label: Premium}]
        - {key: plate, label: Registration Plate, type: string}
        - {key: mileage_out, label: Odometer at Pick-up (km), type: number}
        - {key: total, label: Total Charge, type: number, constraints: [{type: required}]}
        - key: currency
          label: Currency
          type: enum
          options: [{value: EUR, label: Euro}, {value: USD, label: US Dollar}, {value: CAD, label: Canadian Dollar}]
        - key: payment_method
          label: Payment Method
          type: enum
          options: [{value: card, label: Credit Card}, {value: cash, label: Cash}, {value: invoice, label: Invoice}]
        - {key: insurance, label: Collision Damage Waiver, type: boolean}
        - key: customer_country
          label: Customer Country
          type: enum
          options: [{value: LV, label: Latvia}, {value: LT, label: Lithuania}, {value: EE, label: Estonia},
                    {value: DE, label: Germany}, {value: GR, label: Greece}, {value: CY, label: Cyprus},
                    {value: IT, label: Italy}, {value: US, label: United States}, {value: CA, label: Canada},
                    {value: MX, label: Mexico}, {value: GB, label: United Kingdom}]
- name: Library
  sheets:
    - slug: loans
      name: Loans
      fields:
        - {key: loan_id, label: Loan ID, type: string, constraints: [{type: required}, {type: unique}]}
        - {key: member_id, label: Member Number, type: string, constraints: [{type: required}]}
        - {key: member_name, label: Member Name, type: string}
        - {key: isbn, label: ISBN, type: string}
        - {key: title, label: Title, type: string, constraints: [{type: required}]}
        - {key: loaned_on, label: Loan Date, type: date, constraints: [{type: required}]}
        - {key: due_on, label: Due Date, type: date}
        - key: item_type
          label: Item Type
          type: enum
          options: [{value: book, label: Book}, {value: ebook, label: E-book}, {value: audiobook, label: Audiobook},
                    {value: dvd, label: DVD}, {value: magazine, label: Magazine}]
        - {key: branch, label: Branch, type: string}
        - key: status
          label: Loan Status
          type: enum
          options: [{value: on_loan, label: On Loan}, {value: returned, label: Returned},
                    {value: overdue, label: Overdue}, {value: lost, label: Lost}]
        - {key: fine, label: Fine Amount, type: number}
        - {key: renewed, label: Renewed, type: boolean}
        - key: language
          label: Language
          type: enum
          options: [{value: vi, label: Vietnamese}, {value: en, label: English}, {value: fr, label: French},
                    {value: af, label: Afrikaans}, {value: zu, label: Zulu}, {value: eu, label: Basque},
                    {value: es, label: Spanish}]
- name: Veterinary
  sheets:
    - slug: visits
      name: Clinic Visits
      fields:
        - {key: visit_id, label: Visit ID, type: string, constraints: [{type: required}, {type: unique}]}
        - {key: patient_id, label: Patient ID, type: string, constraints: [{type: required}]}
        - {key: pet_name, label: Pet Name, type: string}
        - {key: owner_name, label: Owner Name, type: string, constraints: [{type: required}]}
        - {key: owner_email, label: Owner Email, type: string}
        - {key: visit_date, label: Visit Date, type: date, constraints: [{type: required}]}
        - key: species
          label: Species
          type: enum
          options: [{value: dog, label: Dog}, {value: cat, label: Cat}, {value: rabbit, label: Rabbit},
                    {value: bird, label: Bird}, {value: horse, label: Horse}]
        - key: sex
          label: Sex
          type: enum
          options: [{value: male, label: Male}, {value: female, label: Female},
                    {value: male_neutered, label: Male Neutered}, {value: female_spayed, label: Female Spayed}]
        - key: visit_type
          label: Visit Type
          type: enum
          options: [{value: consultation, label: Consultation}, {value: vaccination, label: Vaccination},
                    {value: surgery, label: Surgery}, {value: dental, label: Dental},
                    {value: emergency, label: Emergency}]
        - {key: weight_kg, label: Weight (kg), type: number}
        - {key: fee, label: Fee, type: number, constraints: [{type: required}]}
        - {key: vaccinated, label: Vaccinations Up to Date, type: boolean}
        - {key: follow_up, label: Follow-up Date, type: date}
"""

PETS = ["Rex", "Bella", "Max", "Luna", "Coco", "Milo", "Kiki", "Simba", "Bantay", "Muning", "Lola"]


def _day(
    fmt: str, lang: str, year: int, after: tuple[int, int] | None = None, blank: float = 0.0
) -> Callable[[random.Random, int], str]:
    """Row ``i``'s date, the same in every column of the row; ``after`` (fewest, most days)
    puts it that many days after the row's first date (a return after its pick-up)."""

    def make(rng: random.Random, i: int) -> str:
        if rng.random() < blank:
            return ""
        day = dt.date(year, 1, 1) + dt.timedelta(days=random.Random(i * 7919 + year).randrange(330))
        if after:
            day += dt.timedelta(days=random.Random(i * 104729 + year).randint(*after))
        return format_date(day, fmt, locale=lang)

    return make


def _isbn(rng: random.Random, _: int) -> str:
    return "978" + "".join(str(rng.randrange(10)) for _ in range(10))


def _rentals() -> list[Spec]:
    return [
        (
            "riga-auto-noma",
            "Car Hire",
            "rentals",
            "csv",
            [
                Column("Līguma Nr.", "agreement_no", _ident("RN-", 6)),
                Column("Klients", "customer_name", _name),
                Column("Vadītāja apliecība", "licence_no", _code("AV", 100000, 999999)),
                Column("Izsniegšanas datums", "pickup_date", _day("dd.MM.yyyy", "lv", 2025)),
                Column(
                    "Atgriešanas datums",
                    "return_date",
                    _day("dd.MM.yyyy", "lv", 2025, (1, 14), blank=0.1),
                ),
                Column("Filiāle", "branch", _pick(["Rīga Centrs", "Lidosta RIX", "Jūrmala"])),
                Column(
                    "Auto klase",
                    "car_class",
                    _enum(
                        {
                            "economy": ["Ekonomiskā"],
                            "compact": ["Kompaktā"],
                            "suv": ["Apvidus"],
                            "van": ["Mikroautobuss"],
                            "premium": ["Premium"],
                        },
                        rare=("premium",),
                        later={"economy": ["Ekonomiska"]},
                    ),
                ),
                Column("Valsts numurs", "plate", _plate("LL-9999")),
                Column("Nobraukums, km", "mileage_out", _num("lv", 5000, 180000, digits=0)),
                Column("Summa", "total", _num("lv", 35, 900)),
                Column("Valūta", "currency", _enum({"EUR": ["EUR"]})),
                Column(
                    "Apmaksas veids",
                    "payment_method",
                    _enum(
                        {"card": ["Karte"], "cash": ["Skaidrā naudā"], "invoice": ["Rēķins"]},
                        rare=("invoice",),
                    ),
                    renamed="Maksājums",
                ),
                Column("KASKO", "insurance", _flag("Jā", "Nē", 0.45)),
                Column(
                    "Klienta valsts",
                    "customer_country",
                    _enum(
                        {
                            "LV": ["Latvija"],
                            "LT": ["Lietuva"],
                            "EE": ["Igaunija"],
                            "DE": ["Vācija"],
                            "GB": ["Lielbritānija"],
                        },
                        rare=("GB",),
                        later={"DE": ["Vacija"]},
                    ),
                ),
            ],
            Column("Darbinieks", None, _pick(["I. Bērziņa", "K. Ozols", "L. Kalniņa"])),
        ),
        (
            "athina-rent",
            "Car Hire",
            "rentals",
            "json",
            [
                Column("symvolaio.arithmos", "agreement_no", _ident("ATH", 7)),
                Column("pelatis.onomateponymo", "customer_name", _name),
                Column("pelatis.diploma", "licence_no", _code("", 10000000, 99999999)),
                Column("paralavi.imerominia", "pickup_date", _day("d/M/yyyy", "el", 2025)),
                Column(
                    "epistrofi.imerominia", "return_date", _day("d/M/yyyy", "el", 2025, (1, 21))
                ),
                Column(
                    "paralavi.simeio", "branch", _pick(["Aerodromio ATH", "Syntagma", "Peiraias"])
                ),
                Column(
                    "katigoria",
                    "car_class",
                    _enum(
                        {
                            "economy": ["Oikonomiko"],
                            "compact": ["Mikro"],
                            "suv": ["SUV"],
                            "van": ["Minivan"],
                            "premium": ["Polyteleias"],
                        },
                        rare=("van",),
                        later={"premium": ["POLYTELEIAS"]},
                    ),
                ),
                Column("pinakida", "plate", _plate("LLL-9999")),
                Column("chiliometra", "mileage_out", _plain(3000, 150000, digits=0)),
                Column("synolo", "total", _plain(40, 1100)),
                Column("nomisma", "currency", _enum({"EUR": ["EUR", "€"]})),
                Column(
                    "tropos_pliromis",
                    "payment_method",
                    _enum(
                        {"card": ["Karta"], "cash": ["Metrita"], "invoice": ["Timologio"]},
                        rare=("invoice",),
                    ),
                ),
                Column(
                    "asfaleia", "insurance", _flag("Nai", "Ochi", 0.6), renamed="plires_kalypsi"
                ),
                Column(
                    "pelatis.chora",
                    "customer_country",
                    _enum(
                        {
                            "GR": ["Ellada"],
                            "CY": ["Kypros"],
                            "DE": ["Germania"],
                            "IT": ["Italia"],
                            "GB": ["Vretania"],
                        },
                        rare=("GB",),
                        later={"IT": ["Itallia"]},
                    ),
                ),
            ],
            Column("pelatis.tilefono", None, _pick(["+30 210 555 0101", "+30 697 123 4567"])),
        ),
        (
            "desert-sun-rentals",
            "Car Hire",
            "rentals",
            "csv",
            [
                Column("RA #", "agreement_no", _ident("RA", 8)),
                Column("Renter", "customer_name", _name),
                Column("DL #", "licence_no", _code("D", 1000000, 9999999)),
                Column("C/O Date", "pickup_date", _day("MM/dd/yyyy", "en_US", 2025)),
                Column("C/I Date", "return_date", _day("MM/dd/yyyy", "en_US", 2025, (1, 10))),
                Column("C/O Loc", "branch", _pick(["PHX-APT", "TUS-APT", "SCOTTSDALE"])),
                Column(
                    "Car Grp",
                    "car_class",
                    _enum(
                        {
                            "economy": ["ECAR"],
                            "compact": ["CCAR"],
                            "suv": ["IFAR"],
                            "van": ["MVAR"],
                            "premium": ["PCAR"],
                        },
                        rare=("van",),
                    ),
                ),
                Column("Lic Plt", "plate", _plate("LLL9999")),
                Column("Mi Out", "mileage_out", _plain(2000, 90000, digits=0)),
                Column("Tot Chg", "total", _num("en_US", 45, 1500, prefix="$")),
                Column("Curr", "currency", _enum({"USD": ["USD"], "CAD": ["CAD"]}, rare=("CAD",))),
                Column(
                    "MOP",
                    "payment_method",
                    _enum(
                        {"card": ["CC"], "cash": ["CA"], "invoice": ["DB"]},
                        rare=("invoice",),
                        later={"card": ["C/C"]},
                    ),
                ),
                Column("LDW", "insurance", _flag("Y", "N", 0.35), renamed="LDW Accepted"),
                Column(
                    "Ctry",
                    "customer_country",
                    _enum(
                        {
                            "US": ["USA", "United States"],
                            "CA": ["Canada"],
                            "MX": ["Mexico"],
                            "GB": ["UK"],
                        },
                        rare=("GB",),
                        later={"US": ["Untied States"], "MX": ["Mexcio"]},
                    ),
                ),
            ],
            Column("Agent", None, _pick(["JR", "TMC", "AL"])),
        ),
    ]


def _loans() -> list[Spec]:
    return [
        (
            "hanoi-thuvien",
            "Library",
            "loans",
            "xlsx",
            [
                Column("Mã phiếu mượn", "loan_id", _ident("PM", 7)),
                Column("Mã bạn đọc", "member_id", _code("BD", 10000, 19999)),
                Column(
                    "Họ tên bạn đọc",
                    "member_name",
                    _pick(
                        [
                            "Nguyễn Văn An",
                            "Trần Thị Bích",
                            "Lê Minh Tuấn",
                            "Phạm Thu Hà",
                            "Hoàng Quốc Bảo",
                        ]
                    ),
                ),
                Column("ISBN", "isbn", _isbn),
                Column(
                    "Nhan đề",
                    "title",
                    _pick(
                        [
                            "Truyện Kiều",
                            "Số đỏ",
                            "Dế Mèn phiêu lưu ký",
                            "Tắt đèn",
                            "Harry Potter và Hòn đá Phù thủy",
                        ]
                    ),
                ),
                Column("Ngày mượn", "loaned_on", _day("dd/MM/yyyy", "vi", 2025)),
                Column(
                    "Hạn trả",
                    "due_on",
                    _day("dd/MM/yyyy", "vi", 2025, (14, 14)),
                    renamed="Ngày phải trả",
                ),
                Column(
                    "Loại tài liệu",
                    "item_type",
                    _enum(
                        {
                            "book": ["Sách"],
                            "ebook": ["Sách điện tử"],
                            "audiobook": ["Sách nói"],
                            "dvd": ["Đĩa DVD"],
                            "magazine": ["Tạp chí"],
                        },
                        rare=("dvd",),
                        later={"book": ["sach"]},
                    ),
                ),
                Column("Chi nhánh", "branch", _pick(["Hoàn Kiếm", "Cầu Giấy", "Đống Đa"])),
                Column(
                    "Trạng thái",
                    "status",
                    _enum(
                        {
                            "on_loan": ["Đang mượn"],
                            "returned": ["Đã trả"],
                            "overdue": ["Quá hạn"],
                            "lost": ["Mất"],
                        },
                        rare=("lost",),
                    ),
                ),
                Column("Tiền phạt (đ)", "fine", _num("vi", 0, 50000, digits=0)),
                Column("Gia hạn", "renewed", _flag("Có", "Không", 0.25)),
                Column(
                    "Ngôn ngữ",
                    "language",
                    _enum(
                        {"vi": ["Tiếng Việt"], "en": ["Tiếng Anh"], "fr": ["Tiếng Pháp"]},
                        rare=("fr",),
                    ),
                ),
            ],
            Column("Ghi chú", None, _pick(["", "", "rách bìa", "gia hạn qua điện thoại"])),
        ),
        (
            "stellenbosch-biblioteek",
            "Library",
            "loans",
            "csv",
            [
                Column("Leningnr", "loan_id", _ident("L", 7)),
                Column("Lidnommer", "member_id", _code("", 200000, 209999)),
                Column("Lid se naam", "member_name", _name),
                Column("ISBN", "isbn", _isbn),
                Column(
                    "Titel",
                    "title",
                    _pick(
                        [
                            "Fiela se kind",
                            "Kringe in 'n bos",
                            "Die Swerfjare van Poppie Nongena",
                            "Triomf",
                            "Agaat",
                        ]
                    ),
                ),
                Column("Uitleendatum", "loaned_on", _day("yyyy/MM/dd", "af", 2025)),
                Column("Vervaldatum", "due_on", _day("yyyy/MM/dd", "af", 2025, (21, 21))),
                Column(
                    "Soort",
                    "item_type",
                    _enum(
                        {
                            "book": ["Boek"],
                            "ebook": ["E-boek"],
                            "audiobook": ["Oudioboek"],
                            "dvd": ["DVD"],
                            "magazine": ["Tydskrif"],
                        },
                        rare=("audiobook",),
                        later={"magazine": ["Tydskr."]},
                    ),
                ),
                Column("Tak", "branch", _pick(["Hoofbiblioteek", "Idas Vallei", "Cloetesville"])),
                Column(
                    "Status",
                    "status",
                    _enum(
                        {
                            "on_loan": ["Uitgeleen"],
                            "returned": ["Terugbesorg"],
                            "overdue": ["Agterstallig"],
                            "lost": ["Verlore"],
                        },
                        rare=("lost",),
                    ),
                    renamed="Leningstatus",
                ),
                Column("Boete (R)", "fine", _num("af", 0, 60)),
                Column("Hernu", "renewed", _flag("Ja", "Nee", 0.3)),
                Column(
                    "Taal",
                    "language",
                    _enum({"af": ["Afrikaans"], "en": ["Engels"], "zu": ["Zoeloe"]}, rare=("zu",)),
                ),
            ],
            Column("Personeel", None, _pick(["MvdM", "JdV", "PK"])),
        ),
        (
            "donostia-liburutegia",
            "Library",
            "loans",
            "xml",
            [
                Column("@zenbakia", "loan_id", _ident("MAI", 6)),
                Column("Bazkidea/@zk", "member_id", _code("B", 3000, 3999)),
                Column("Bazkidea", "member_name", _name),
                Column("Alea/@isbn", "isbn", _isbn),
                Column(
                    "Alea",
                    "title",
                    _pick(["Obabakoak", "Bi anai", "Soinujolearen semea", "Martutene"]),
                ),
                Column("MaileguData", "loaned_on", _day("yyyy-MM-dd", "eu", 2025)),
                Column("ItzulketaData", "due_on", _day("yyyy-MM-dd", "eu", 2025, (21, 28))),
                Column(
                    "Mota",
                    "item_type",
                    _enum(
                        {
                            "book": ["Liburua"],
                            "ebook": ["Liburu elektronikoa"],
                            "audiobook": ["Audioliburua"],
                            "dvd": ["DVDa"],
                            "magazine": ["Aldizkaria"],
                        },
                        rare=("dvd",),
                    ),
                ),
                Column("Liburutegia", "branch", _pick(["Koldo Mitxelena", "Egia", "Intxaurrondo"])),
                Column(
                    "Egoera",
                    "status",
                    _enum(
                        {
                            "on_loan": ["Maileguan"],
                            "returned": ["Itzulita"],
                            "overdue": ["Epez kanpo"],
                            "lost": ["Galduta"],
                        },
                        rare=("lost",),
                        later={"returned": ["ITZULITA"]},
                    ),
                ),
                Column("Isuna", "fine", _num("eu", 0, 20)),
                Column("Berritua", "renewed", _flag("Bai", "Ez", 0.3), renamed="Luzatua"),
                Column(
                    "Hizkuntza",
                    "language",
                    _enum(
                        {
                            "eu": ["Euskara"],
                            "es": ["Gaztelania"],
                            "fr": ["Frantsesa"],
                            "en": ["Ingelesa"],
                        },
                        rare=("en",),
                    ),
                ),
            ],
            Column("Oharrak", None, _pick(["", "", "hondatuta", "erreserba"])),
        ),
    ]


def _visits() -> list[Spec]:
    return [
        (
            "cebu-vet-klinika",
            "Veterinary",
            "visits",
            "csv",
            [
                Column("Blg. ng Bisita", "visit_id", _ident("CV", 6)),
                Column("ID ng Alaga", "patient_id", _code("A-", 1000, 1400)),
                Column("Pangalan ng Alaga", "pet_name", _pick(PETS)),
                Column("May-ari", "owner_name", _name),
                Column("Email ng May-ari", "owner_email", _email("yahoo.com.ph")),
                Column("Petsa ng Bisita", "visit_date", _day("MM/dd/yyyy", "fil", 2025)),
                Column(
                    "Uri ng Hayop",
                    "species",
                    _enum(
                        {
                            "dog": ["Aso"],
                            "cat": ["Pusa"],
                            "rabbit": ["Kuneho"],
                            "bird": ["Ibon"],
                            "horse": ["Kabayo"],
                        },
                        rare=("horse", "bird"),
                    ),
                ),
                Column(
                    "Kasarian",
                    "sex",
                    _enum(
                        {
                            "male": ["Lalaki"],
                            "female": ["Babae"],
                            "male_neutered": ["Lalaki (kapon)"],
                            "female_spayed": ["Babae (kapon)"],
                        }
                    ),
                ),
                Column(
                    "Serbisyo",
                    "visit_type",
                    _enum(
                        {
                            "consultation": ["Konsulta"],
                            "vaccination": ["Bakuna"],
                            "surgery": ["Operasyon"],
                            "dental": ["Paglilinis ng ngipin"],
                            "emergency": ["Emerhensiya"],
                        },
                        rare=("emergency",),
                        later={"vaccination": ["bakuna"]},
                    ),
                ),
                Column("Timbang (kg)", "weight_kg", _plain(0.5, 45, digits=1)),
                Column("Bayad (PHP)", "fee", _num("fil", 300, 8000)),
                Column("Bakunado", "vaccinated", _flag("Oo", "Hindi", 0.7)),
                Column(
                    "Susunod na Bisita",
                    "follow_up",
                    _day("MM/dd/yyyy", "fil", 2025, (7, 60), blank=0.4),
                    renamed="Balik",
                ),
            ],
            Column("Beterinaryo", None, _pick(["Dr. Santos", "Dr. Reyes", "Dr. Cruz"])),
        ),
        (
            "tirana-veteriner",
            "Veterinary",
            "visits",
            "json",
            [
                Column("vizita.numri", "visit_id", _ident("VT", 6)),
                Column("pacienti.kodi", "patient_id", _code("P", 500, 800)),
                Column("pacienti.emri", "pet_name", _pick(PETS)),
                Column("pronari.emri", "owner_name", _name),
                Column("pronari.email", "owner_email", _email("gmail.com")),
                Column("vizita.data", "visit_date", _day("dd.MM.yyyy", "sq", 2025)),
                Column(
                    "pacienti.lloji",
                    "species",
                    _enum(
                        {
                            "dog": ["Qen"],
                            "cat": ["Mace"],
                            "rabbit": ["Lepur"],
                            "bird": ["Zog"],
                            "horse": ["Kalë"],
                        },
                        rare=("horse",),
                        later={"horse": ["Kale"]},
                    ),
                ),
                Column(
                    "pacienti.gjinia",
                    "sex",
                    _enum(
                        {
                            "male": ["Mashkull"],
                            "female": ["Femër"],
                            "male_neutered": ["Mashkull i kastruar"],
                            "female_spayed": ["Femër e sterilizuar"],
                        },
                        later={"female": ["Femer"]},
                    ),
                ),
                Column(
                    "sherbimi",
                    "visit_type",
                    _enum(
                        {
                            "consultation": ["Konsultë"],
                            "vaccination": ["Vaksinim"],
                            "surgery": ["Kirurgji"],
                            "dental": ["Dentare"],
                            "emergency": ["Urgjencë"],
                        },
                        rare=("emergency",),
                    ),
                ),
                Column("pesha_kg", "weight_kg", _plain(0.3, 40, digits=1)),
                Column("tarifa", "fee", _plain(1500, 25000, digits=0), renamed="pagesa"),
                Column("vaksinuar", "vaccinated", _flag("Po", "Jo", 0.65)),
                Column(
                    "kontrolli.tjeter",
                    "follow_up",
                    _day("dd.MM.yyyy", "sq", 2025, (10, 90), blank=0.5),
                ),
            ],
            Column("pronari.telefoni", None, _pick(["+355 69 123 4567", "+355 68 765 4321"])),
        ),
        (
            "prairie-animal-hospital",
            "Veterinary",
            "visits",
            "xlsx",
            [
                Column("Visit #", "visit_id", _ident("", 7, start=4400000)),
                Column("Pt ID", "patient_id", _code("", 10000, 14000)),
                Column("Pt Name", "pet_name", _pick(PETS)),
                Column("Client", "owner_name", _name),
                Column("Client Email", "owner_email", _email("outlook.com")),
                Column("DOS", "visit_date", _day("M/d/yy", "en_US", 2025)),
                Column(
                    "Spp",
                    "species",
                    _enum(
                        {
                            "dog": ["CAN"],
                            "cat": ["FEL"],
                            "rabbit": ["LAG"],
                            "bird": ["AVI"],
                            "horse": ["EQU"],
                        },
                        rare=("bird", "horse"),
                    ),
                ),
                Column(
                    "Sex",
                    "sex",
                    _enum(
                        {
                            "male": ["MI"],
                            "female": ["FI"],
                            "male_neutered": ["MN"],
                            "female_spayed": ["FS"],
                        },
                        later={"male_neutered": ["M/N"]},
                    ),
                ),
                Column(
                    "Appt Type",
                    "visit_type",
                    _enum(
                        {
                            "consultation": ["Exam"],
                            "vaccination": ["Vacc"],
                            "surgery": ["Sx"],
                            "dental": ["Dent"],
                            "emergency": ["ER"],
                        },
                        rare=("emergency",),
                        later={"surgery": ["SX"]},
                    ),
                    renamed="Appt Reason",
                ),
                Column("Wt (kg)", "weight_kg", _plain(0.5, 50, digits=1)),
                Column("Inv Total", "fee", _num("en_US", 45, 2500, prefix="$")),
                Column("Vacc UTD", "vaccinated", _flag("Y", "N", 0.75)),
                Column(
                    "Recheck Dt", "follow_up", _day("M/d/yy", "en_US", 2025, (14, 180), blank=0.5)
                ),
            ],
            Column("DVM", None, _pick(["KLM", "RJT", "AB"])),
        ),
    ]


def _specs() -> list[Spec]:
    return [*_rentals(), *_loans(), *_visits()]


def partners() -> list[Partner]:
    """Every partner of this set with three deliveries (d1, d2, d3)."""
    return build(_specs(), parse_blueprints(BLUEPRINTS), seed=9000)


def main(argv: list[str] | None = None) -> int:
    return show_partners(__doc__, partners(), argv)


if __name__ == "__main__":
    raise SystemExit(main())
