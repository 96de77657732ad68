"""A sixth development set, written before the ninth round of mapping changes: a check.

Usage: ``python bench/devset6.py [--show]`` (prints each partner's headers and values).

Three blueprints of domains no earlier set, the held-out set or the shared fixtures use
(pharmacy dispensing, customs declarations of freight, university course registrations)
and nine partners: six in languages no earlier set uses and feedline has no vocabulary
file for (Slovak, Maltese, Croatian, Lithuanian, Galician, Malay), one in Azerbaijani and
two in English as American pharmacies and freight forwarders abbreviate it (``Rx #``,
``DAW``, ``DS``, ``NDC``, ``HAWB``, ``Inco``, ``MOT``). Layouts: CSV, nested JSON, XML
elements and attributes, and workbooks with a title row, read by feedline's own
extractor. Values as such exports write them: local dates and numbers, yes/no words of
each language, enum values as trade codes (Incoterms, transport-mode digits of customs
declarations, ECTS grade letters, dosage-form abbreviations of pharmacy systems),
initials, other-language labels, labels with qualifiers, country names typed by a clerk.

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
    _code,
    _email,
    _enum,
    _flag,
    _ident,
    _name,
    _num,
    _pick,
    _plain,
    build,
    parse_blueprints,
)
from devset5 import _day
from learning_sim import Partner, show_partners

BLUEPRINTS = """
- name: Pharmacy
  sheets:
    - slug: dispensing
      name: Dispensed Prescriptions
      fields:
        - {key: rx_no, label: Prescription Number, type: string, constraints: [{type: required}, {type: unique}]}
        - {key: patient_name, label: Patient Name, type: string, constraints: [{type: required}]}
        - {key: dispensed_on, label: Dispensing Date, type: date, constraints: [{type: required}]}
        - {key: drug_name, label: Drug Name, type: string, constraints: [{type: required}]}
        - key: dosage_form
          label: Dosage Form
          type: enum
          options: [{value: tablet, label: Tablet}, {value: capsule, label: Capsule}, {value: syrup, label: Syrup},
                    {value: injection, label: Injection}, {value: cream, label: Cream}, {value: drops, label: Drops}]
        - {key: quantity, label: Quantity Dispensed, type: number, constraints: [{type: required}]}
        - {key: days_supply, label: Days Supply, type: number}
        - key: payer
          label: Payer Type
          type: enum
          options: [{value: insurance, label: Insurance}, {value: cash, label: Cash}, {value: government, label: Government}]
        - {key: generic, label: Generic Substituted, type: boolean}
        - {key: copay, label: Patient Copay, type: number}
        - key: status
          label: Dispensing Status
          type: enum
          options: [{value: filled, label: Filled}, {value: partial, label: Partially Filled},
                    {value: cancelled, label: Cancelled}, {value: returned, label: Returned to Stock}]
- name: Customs
  sheets:
    - slug: declarations
      name: Customs Declarations
      fields:
        - {key: declaration_no, label: Declaration Number, type: string, constraints: [{type: required}, {type: unique}]}
        - {key: declared_on, label: Declaration Date, type: date, constraints: [{type: required}]}
        - {key: importer, label: Importer Name, type: string, constraints: [{type: required}]}
        - {key: hs_code, label: HS Code, type: string}
        - key: origin_country
          label: Country of Origin
          type: enum
          options: [{value: CN, label: China}, {value: TR, label: Turkey}, {value: DE, label: Germany},
                    {value: US, label: United States}, {value: IN, label: India}, {value: HR, label: Croatia},
                    {value: LT, label: Lithuania}, {value: PL, label: Poland}, {value: VN, label: Vietnam}]
        - key: incoterm
          label: Incoterm
          type: enum
          options: [{value: EXW, label: Ex Works}, {value: FOB, label: Free On Board}, {value: CIF, label: Cost Insurance and Freight},
                    {value: DAP, label: Delivered at Place}, {value: DDP, label: Delivered Duty Paid}]
        - key: transport_mode
          label: Mode of Transport
          type: enum
          options: [{value: sea, label: Sea}, {value: rail, label: Rail}, {value: road, label: Road}, {value: air, label: Air}]
        - {key: gross_weight, label: Gross Weight (kg), type: number}
        - {key: customs_value, label: Customs Value, type: number, constraints: [{type: required}]}
        - key: currency
          label: Currency
          type: enum
          options: [{value: EUR, label: Euro}, {value: USD, label: US Dollar}, {value: CNY, label: Chinese Yuan}]
        - {key: duty, label: Duty Amount, type: number}
        - key: procedure
          label: Customs Procedure
          type: enum
          options: [{value: release, label: Release for Free Circulation}, {value: transit, label: Transit},
                    {value: warehousing, label: Customs Warehousing}, {value: export, label: Export}]
- name: University
  sheets:
    - slug: registrations
      name: Course Registrations
      fields:
        - {key: registration_id, label: Registration ID, type: string, constraints: [{type: required}, {type: unique}]}
        - {key: student_no, label: Student Number, type: string, constraints: [{type: required}]}
        - {key: student_name, label: Student Name, type: string}
        - {key: student_email, label: Student Email, type: string}
        - {key: course_code, label: Course Code, type: string, constraints: [{type: required}]}
        - {key: registered_on, label: Registration Date, type: date}
        - {key: credits, label: ECTS Credits, type: number}
        - key: semester
          label: Semester
          type: enum
          options: [{value: autumn, label: Autumn}, {value: spring, label: Spring}, {value: summer, label: Summer}]
        - key: study_level
          label: Study Level
          type: enum
          options: [{value: bachelor, label: Bachelor}, {value: master, label: Master}, {value: doctoral, label: Doctoral}]
        - key: attendance
          label: Attendance Mode
          type: enum
          options: [{value: full_time, label: Full-time}, {value: part_time, label: Part-time}, {value: distance, label: Distance}]
        - key: grade
          label: Grade
          type: enum
          options: [{value: A, label: Excellent}, {value: B, label: Very Good}, {value: C, label: Good},
                    {value: D, label: Satisfactory}, {value: E, label: Sufficient}, {value: F, label: Fail}]
        - {key: repeat, label: Repeated Course, type: boolean}
"""

DRUGS = ["Amoxicilin", "Ibuprofen", "Paracetamol", "Omeprazol", "Metformin", "Atorvastatin"]


def _rx(prefix: str, digits: int) -> Callable[[random.Random, int], str]:
    return lambda _rng, i: f"{prefix}{7340000 + i * 3:0{digits}d}"


def _hs(rng: random.Random, _: int) -> str:
    return f"{rng.choice(['8471', '6109', '9403', '8517', '3004', '7308'])}{rng.randrange(10, 99)}{rng.randrange(10, 99)}"


def _dispensing() -> list[Spec]:
    return [
        (
            "lekaren-zilina",
            "Pharmacy",
            "dispensing",
            "csv",
            [
                Column("Číslo receptu", "rx_no", _ident("RZ", 8)),
                Column("Pacient", "patient_name", _name),
                Column("Dátum výdaja", "dispensed_on", _day("d. M. yyyy", "sk", 2025)),
                Column("Liek", "drug_name", _pick(["Paralen 500", "Ibalgin 400", "Amoksiklav 1 g", "Helicid 20"])),
                Column(
                    "Lieková forma",
                    "dosage_form",
                    _enum(
                        {
                            "tablet": ["tbl"],
                            "capsule": ["cps"],
                            "syrup": ["sir"],
                            "injection": ["inj"],
                            "cream": ["crm"],
                            "drops": ["gtt"],
                        },
                        rare=("injection",),
                        later={"tablet": ["tbl flm"]},
                    ),
                ),
                Column("Množstvo", "quantity", _num("sk", 1, 100, digits=0)),
                Column("Doplatok", "copay", _num("sk", 0, 25)),
                Column(
                    "Platiteľ",
                    "payer",
                    _enum(
                        {"insurance": ["ZP", "zdravotná poisťovňa"], "cash": ["hotovosť"], "government": ["štát"]},
                        rare=("government",),
                    ),
                ),
                Column("Generická substitúcia", "generic", _flag("áno", "nie", 0.4)),
                Column(
                    "Stav",
                    "status",
                    _enum(
                        {"filled": ["vydaný"], "partial": ["čiastočne vydaný"], "cancelled": ["stornovaný"],
                         "returned": ["vrátený"]},
                        rare=("returned",),
                    ),
                    renamed="Stav výdaja",
                ),
            ],
            Column("Lekárnik", None, _pick(["PharmDr. Kováčová", "Mgr. Horváth"])),
        ),
        (
            "spizerija-valletta",
            "Pharmacy",
            "dispensing",
            "json",
            [
                Column("riċetta.numru", "rx_no", _ident("VLT", 6)),
                Column("pazjent.isem", "patient_name", _name),
                Column("data", "dispensed_on", _day("dd/MM/yyyy", "mt", 2025)),
                Column("mediċina.isem", "drug_name", _pick(DRUGS)),
                Column(
                    "mediċina.forma",
                    "dosage_form",
                    _enum(
                        {
                            "tablet": ["Pillola"],
                            "capsule": ["Kapsula"],
                            "syrup": ["Xarop"],
                            "injection": ["Injezzjoni"],
                            "cream": ["Krema"],
                            "drops": ["Qtar"],
                        },
                        rare=("injection",),
                    ),
                ),
                Column("kwantità", "quantity", _plain(1, 60, digits=0)),
                Column("jiem", "days_supply", _plain(5, 90, digits=0)),
                Column(
                    "ħlas",
                    "payer",
                    _enum({"insurance": ["Assigurazzjoni"], "cash": ["Flus kontanti"], "government": ["POYC"]}),
                ),
                Column("ġeneriku", "generic", _flag("Iva", "Le", 0.5), renamed="sostituzzjoni_ġenerika"),
                Column(
                    "stat",
                    "status",
                    _enum(
                        {"filled": ["Mogħti"], "partial": ["Mogħti parzjalment"], "cancelled": ["Ikkanċellat"],
                         "returned": ["Rritornat"]},
                        rare=("returned",),
                    ),
                ),
            ],
            Column("spiżjar", None, _pick(["J. Borg", "M. Camilleri"])),
        ),
        (
            "mesa-drug-rx",
            "Pharmacy",
            "dispensing",
            "csv",
            [
                Column("Rx #", "rx_no", _rx("", 7)),
                Column("Pt Name", "patient_name", _name),
                Column("Fill Dt", "dispensed_on", _day("MM/dd/yyyy", "en_US", 2025)),
                Column("Drug Desc", "drug_name", _pick(["AMOXICILLIN 500MG CAP", "LISINOPRIL 10MG TAB",
                                                        "ATORVASTATIN 20MG TAB", "ALBUTEROL HFA INH"])),
                Column(
                    "Dose Frm",
                    "dosage_form",
                    _enum(
                        {
                            "tablet": ["TAB"],
                            "capsule": ["CAP"],
                            "syrup": ["SYR"],
                            "injection": ["INJ"],
                            "cream": ["CRE"],
                            "drops": ["DRP", "SOL/DRP"],
                        },
                        rare=("injection",),
                        later={"tablet": ["TABS"]},
                    ),
                ),
                Column("Qty", "quantity", _plain(10, 120, digits=0)),
                Column("DS", "days_supply", _plain(7, 90, digits=0)),
                Column(
                    "Plan Type",
                    "payer",
                    _enum({"insurance": ["COMM"], "cash": ["CASH"], "government": ["MCD", "MCR"]}),
                ),
                Column("DAW", "generic", _flag("0", "1", 0.85)),
                Column("Copay", "copay", _num("en_US", 0, 60, prefix="$")),
                Column(
                    "Rx Status",
                    "status",
                    _enum(
                        {"filled": ["F"], "partial": ["P"], "cancelled": ["X"], "returned": ["RTS"]},
                        rare=("cancelled",),
                    ),
                    renamed="Fill Status",
                ),
            ],
            Column("RPh", None, _pick(["JKL", "MTS", "AB"])),
        ),
    ]


def _declarations() -> list[Spec]:
    return [
        (
            "rijeka-carina",
            "Customs",
            "declarations",
            "xlsx",
            [
                Column("Broj deklaracije", "declaration_no", _ident("HR-CD-", 7)),
                Column("Datum prihvata", "declared_on", _day("dd.MM.yyyy.", "hr", 2025)),
                Column("Uvoznik", "importer", _pick(["Podravka d.d.", "Kraš d.d.", "Atlantic Grupa d.d.",
                                                     "Pevec d.o.o."])),
                Column("Tarifna oznaka", "hs_code", _hs),
                Column(
                    "Zemlja podrijetla",
                    "origin_country",
                    _enum(
                        {
                            "CN": ["Kina"],
                            "TR": ["Turska"],
                            "DE": ["Njemačka"],
                            "IN": ["Indija"],
                            "US": ["SAD"],
                        },
                        rare=("US",),
                        later={"DE": ["Njemacka"]},
                    ),
                ),
                Column(
                    "Paritet",
                    "incoterm",
                    _enum({"EXW": ["EXW"], "FOB": ["FOB"], "CIF": ["CIF"], "DAP": ["DAP"]},
                          later={"CIF": ["CIF Rijeka"]}),
                ),
                Column(
                    "Vrsta prijevoza",
                    "transport_mode",
                    _enum({"sea": ["1 - Pomorski"], "rail": ["2 - Željeznički"], "road": ["3 - Cestovni"],
                           "air": ["4 - Zračni"]}, rare=("air",)),
                ),
                Column("Bruto masa (kg)", "gross_weight", _num("hr", 100, 24000)),
                Column("Carinska vrijednost", "customs_value", _num("hr", 1000, 250000)),
                Column("Valuta", "currency", _enum({"EUR": ["EUR"], "USD": ["USD"]}, rare=("USD",))),
                Column("Carina", "duty", _num("hr", 0, 12000)),
                Column(
                    "Postupak",
                    "procedure",
                    _enum({"release": ["40"], "transit": ["T1"], "warehousing": ["71"], "export": ["10"]},
                          rare=("export",)),
                    renamed="Šifra postupka",
                ),
            ],
            Column("Deklarant", None, _pick(["I. Horvat", "A. Babić"])),
        ),
        (
            "klaipeda-muitine",
            "Customs",
            "declarations",
            "xml",
            [
                Column("@nr", "declaration_no", _ident("LTKL", 8)),
                Column("Data", "declared_on", _day("yyyy-MM-dd", "lt", 2025)),
                Column("Importuotojas", "importer", _pick(["UAB Baltic Trade", "UAB Maxima LT", "AB Achema"])),
                Column("Prekė/@kodas", "hs_code", _hs),
                Column(
                    "Prekė/@kilmė",
                    "origin_country",
                    _enum(
                        {
                            "CN": ["Kinija"],
                            "PL": ["Lenkija"],
                            "DE": ["Vokietija"],
                            "VN": ["Vietnamas"],
                            "TR": ["Turkija"],
                        },
                        rare=("VN",),
                    ),
                ),
                Column("Sąlygos", "incoterm", _enum({"FOB": ["FOB"], "CIF": ["CIF"], "DDP": ["DDP"],
                                                       "EXW": ["EXW"]}, rare=("DDP",))),
                Column(
                    "Transportas",
                    "transport_mode",
                    _enum({"sea": ["Jūrų"], "rail": ["Geležinkelio"], "road": ["Kelių"], "air": ["Oro"]},
                          rare=("air",)),
                ),
                Column("Masė", "gross_weight", _num("lt", 50, 22000)),
                Column("Vertė", "customs_value", _num("lt", 500, 180000)),
                Column("Vertė/@valiuta", "currency", _enum({"EUR": ["EUR"], "USD": ["USD"], "CNY": ["CNY"]},
                                                            rare=("CNY",))),
                Column("Muitas", "duty", _num("lt", 0, 9000)),
                Column(
                    "Procedūra",
                    "procedure",
                    _enum({"release": ["Išleidimas į laisvą apyvartą"], "transit": ["Tranzitas"],
                           "warehousing": ["Muitinės sandėliavimas"], "export": ["Eksportas"]},
                          rare=("export",)),
                ),
            ],
            Column("Deklarantas", None, _pick(["J. Kazlauskas", "R. Petraitienė"])),
        ),
        (
            "gulfport-forwarding",
            "Customs",
            "declarations",
            "csv",
            [
                Column("Entry #", "declaration_no", _ident("GPF-", 7)),
                Column("Entry Dt", "declared_on", _day("MM/dd/yy", "en_US", 2025)),
                Column("IOR", "importer", _pick(["ACME Housewares LLC", "Delta Outdoor Inc", "Bayou Foods Co"])),
                Column("HTS", "hs_code", _hs),
                Column(
                    "COO",
                    "origin_country",
                    _enum({"CN": ["CN", "PRC"], "VN": ["VN"], "IN": ["IN"], "DE": ["DE"], "TR": ["TR"]},
                          rare=("TR",), later={"VN": ["VNM"]}),
                ),
                Column("Inco", "incoterm", _enum({"FOB": ["FOB"], "EXW": ["EXW", "EXWKS"], "DDP": ["DDP"],
                                                   "CIF": ["CIF"]}, rare=("DDP",))),
                Column("MOT", "transport_mode", _enum({"sea": ["11"], "air": ["40"], "rail": ["20"], "road": ["30"]},
                                                      rare=("rail",)), renamed="MOT Code"),
                Column("Gr Wt (kg)", "gross_weight", _plain(20, 20000, digits=1)),
                Column("Entered Value", "customs_value", _num("en_US", 800, 300000, prefix="$")),
                Column("Curr", "currency", _enum({"USD": ["USD"], "CNY": ["CNY"]}, rare=("CNY",))),
                Column("Duty", "duty", _num("en_US", 0, 15000, prefix="$")),
                Column(
                    "Entry Type",
                    "procedure",
                    _enum({"release": ["01 Consumption"], "warehousing": ["21 Warehouse"],
                           "transit": ["61 IT"], "export": ["EXP"]}, rare=("export",)),
                ),
            ],
            Column("Filer", None, _pick(["GPF", "K9X"])),
        ),
    ]


def _registrations() -> list[Spec]:
    return [
        (
            "usc-matricula",
            "University",
            "registrations",
            "csv",
            [
                Column("Código matrícula", "registration_id", _ident("MAT", 6)),
                Column("DNI alumno", "student_no", _code("", 30000000, 39999999)),
                Column("Alumno", "student_name", _name),
                Column("Correo", "student_email", _email("rai.usc.gal")),
                Column("Materia", "course_code", _code("G", 1000, 4999)),
                Column("Data de matrícula", "registered_on", _day("dd/MM/yyyy", "gl", 2025)),
                Column("Créditos", "credits", _num("gl", 3, 12, digits=1)),
                Column(
                    "Cuadrimestre",
                    "semester",
                    _enum({"autumn": ["1º cuadrimestre", "1C"], "spring": ["2º cuadrimestre", "2C"],
                           "summer": ["Verán"]}, rare=("summer",)),
                ),
                Column(
                    "Nivel",
                    "study_level",
                    _enum({"bachelor": ["Grao"], "master": ["Mestrado"], "doctoral": ["Doutoramento"]},
                          rare=("doctoral",)),
                ),
                Column(
                    "Dedicación",
                    "attendance",
                    _enum({"full_time": ["Tempo completo", "TC"], "part_time": ["Tempo parcial", "TP"],
                           "distance": ["Non presencial"]}, rare=("distance",)),
                ),
                Column(
                    "Cualificación",
                    "grade",
                    _enum({"A": ["Sobresaínte"], "B": ["Notable"], "C": ["Aprobado"], "F": ["Suspenso"]}),
                    renamed="Nota",
                ),
                Column("Repetidor", "repeat", _flag("Si", "Non", 0.2)),
            ],
            Column("Centro", None, _pick(["Fac. Química", "Fac. Filoloxía", "ETSE"])),
        ),
        (
            "adnsu-qeydiyyat",
            "University",
            "registrations",
            "json",
            [
                Column("qeydiyyat.id", "registration_id", _ident("QY", 7)),
                Column("tələbə.nömrə", "student_no", _code("T", 200000, 299999)),
                Column("tələbə.ad", "student_name", _name),
                Column("tələbə.email", "student_email", _email("student.adnsu.az")),
                Column("fənn.kod", "course_code", _code("NFT-", 100, 499)),
                Column("tarix", "registered_on", _day("dd.MM.yyyy", "az", 2025)),
                Column("fənn.kredit", "credits", _plain(2, 8, digits=0)),
                Column("semestr", "semester", _enum({"autumn": ["Payız"], "spring": ["Yaz"], "summer": ["Yay"]},
                                                     rare=("summer",))),
                Column(
                    "səviyyə",
                    "study_level",
                    _enum({"bachelor": ["Bakalavr"], "master": ["Magistr"], "doctoral": ["Doktorantura"]},
                          rare=("doctoral",)),
                ),
                Column(
                    "təhsil_forması",
                    "attendance",
                    _enum({"full_time": ["Əyani"], "part_time": ["Qiyabi"], "distance": ["Distant"]},
                          rare=("distance",)),
                ),
                Column("qiymət", "grade", _enum({"A": ["A (91-100)"], "B": ["B (81-90)"], "C": ["C (71-80)"],
                                                  "D": ["D (61-70)"], "E": ["E (51-60)"], "F": ["F (0-50)"]})),
                Column("təkrar", "repeat", _flag("Bəli", "Xeyr", 0.15)),
            ],
            Column("tələbə.telefon", None, _pick(["+994 50 555 12 34", "+994 55 444 22 11"])),
        ),
        (
            "utm-pendaftaran",
            "University",
            "registrations",
            "xlsx",
            [
                Column("No. Pendaftaran", "registration_id", _ident("UTM/", 6)),
                Column("No. Matrik", "student_no", _code("A22EC", 1000, 9999)),
                Column("Nama Pelajar", "student_name", _name),
                Column("E-mel", "student_email", _email("graduate.utm.my")),
                Column("Kod Kursus", "course_code", _code("SECJ", 1000, 4999)),
                Column("Tarikh Daftar", "registered_on", _day("d/M/yyyy", "ms", 2025)),
                Column("Kredit", "credits", _plain(2, 4, digits=0)),
                Column(
                    "Semester",
                    "semester",
                    _enum({"autumn": ["Sem 1"], "spring": ["Sem 2"], "summer": ["Sem Pendek"]}, rare=("summer",),
                          later={"autumn": ["SEM I"]}),
                ),
                Column(
                    "Tahap Pengajian",
                    "study_level",
                    _enum({"bachelor": ["Sarjana Muda"], "master": ["Sarjana"], "doctoral": ["PhD"]},
                          rare=("doctoral",)),
                    renamed="Peringkat",
                ),
                Column(
                    "Mod Pengajian",
                    "attendance",
                    _enum({"full_time": ["Sepenuh Masa", "SPM"], "part_time": ["Separuh Masa"],
                           "distance": ["Jarak Jauh"]}, rare=("distance",)),
                ),
                Column("Gred", "grade", _enum({"A": ["A", "A-"], "B": ["B+", "B"], "C": ["C+", "C"], "D": ["D"],
                                               "F": ["E"]})),
                Column("Ulang", "repeat", _flag("Ya", "Tidak", 0.1)),
            ],
            Column("Fakulti", None, _pick(["FC", "FKE", "FKM"])),
        ),
    ]


def _specs() -> list[Spec]:
    return [*_dispensing(), *_declarations(), *_registrations()]


def partners() -> list[Partner]:
    """Every partner of this set with three deliveries (d1, d2, d3)."""
    return build(_specs(), parse_blueprints(BLUEPRINTS), seed=10000)


def main(argv: list[str] | None = None) -> int:
    return show_partners(__doc__, partners(), argv)


if __name__ == "__main__":
    raise SystemExit(main())
