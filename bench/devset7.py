"""A seventh development set, partners writing in other scripts: a check.

Usage: ``python bench/devset7.py [--show]`` (prints each partner's headers and values).

Three blueprints of domains no earlier set, the held-out set or the shared fixtures use
(insurance policies, job applications, payroll) and nine partners whose exports are
written in Cyrillic and Greek script, as such systems write them: Russian (a 1C payroll
export, ``№ п/п``, ``Таб. №``, ``Отработано, ч``, ``К выплате, руб.``), Ukrainian,
Bulgarian, Serbian Cyrillic, Kazakh and Greek (``Αρ. Συμβολαίου``, ``Α.Φ.Μ.``,
``Ημ/νία Έναρξης``); one Greek partner in Greeklish (romanized Greek typed by a clerk),
one Russian partner whose database columns are transliterated (``Nomer_dogovora``,
``Strakhovatel``) while its values stay Cyrillic, and one Belarusian partner with Russian
headers and Latin codes for its values (``FT``, ``GPC``, ``BANK``). Layouts: CSV (one in
cp1251, one in UTF-8 with a byte-order mark, both semicolon separated, read from their
files), nested JSON, XML elements and attributes with Cyrillic names, and workbooks with
a title row, read by feedline's own extractor. Values as such exports write them: local
dates (``dd.MM.yyyy``, Serbian ``dd.MM.yyyy.``, Bulgarian ``… г.``), decimal commas and
space-grouped thousands, yes/no words of each language (``Да``/``Нет``, ``Так``/``Ні``,
``Ναι``/``Όχι``, ``Иә``/``Жоқ``), enum values as native-language labels, abbreviations of
the trade (``ОСАГО``, ``КАСКО``, ``ДМС``, ``ГПХ``, ``ГО``), Roman-numeral education
degrees, Greek capitals without accents, month names as pay periods.

It was written and measured once before the round's vocabulary for these scripts was
merged (at the commit that romanizes non-Latin words and at the one before it, which
dropped them); that first measurement is the round's independent check (later figures
are not, since the round's work may see its failures). It was written without reading
feedline's word lists. Nothing here is read by ``feedline/`` or by calibration.
Deliveries behave as in ``devset2``: ``d2`` brings new rows and other spellings of
values already seen, ``d3`` renames a column, adds one and shuffles.
"""

from __future__ import annotations

import csv
import io
import random
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from devset2 import (
    ROWS,
    Column,
    Spec,
    _date,
    _enum,
    _flag,
    _ident,
    _num,
    _pick,
    _plain,
    build,
    parse_blueprints,
)
from devset5 import _day
from learning_sim import Delivery, Partner, show_partners

BLUEPRINTS = """
- name: Insurance
  sheets:
    - slug: policies
      name: Insurance Policies
      fields:
        - {key: policy_no, label: Policy Number, type: string, constraints: [{type: required}, {type: unique}]}
        - {key: policyholder, label: Policyholder Name, type: string, constraints: [{type: required}]}
        - {key: holder_tax_id, label: Policyholder Tax ID, type: string}
        - {key: holder_birth_date, label: Policyholder Date of Birth, type: date}
        - {key: start_date, label: Cover Start Date, type: date, constraints: [{type: required}]}
        - {key: end_date, label: Cover End Date, type: date}
        - key: line
          label: Line of Business
          type: enum
          options: [{value: motor_liability, label: Motor Third-Party Liability}, {value: motor_hull, label: Motor Own Damage},
                    {value: health, label: Health}, {value: life, label: Life}, {value: property, label: Property},
                    {value: travel, label: Travel}]
        - {key: sum_insured, label: Sum Insured, type: number}
        - {key: premium, label: Premium, type: number, constraints: [{type: required}]}
        - key: currency
          label: Currency
          type: enum
          options: [{value: EUR, label: Euro}, {value: RUB, label: Russian Rouble}, {value: BGN, label: Bulgarian Lev},
                    {value: USD, label: US Dollar}]
        - key: payment_frequency
          label: Payment Frequency
          type: enum
          options: [{value: single, label: Single Payment}, {value: monthly, label: Monthly},
                    {value: quarterly, label: Quarterly}, {value: annual, label: Annual}]
        - key: status
          label: Policy Status
          type: enum
          options: [{value: active, label: Active}, {value: expired, label: Expired},
                    {value: cancelled, label: Cancelled}, {value: suspended, label: Suspended}]
        - {key: auto_renewal, label: Auto Renewal, type: boolean}
- name: Recruitment
  sheets:
    - slug: applications
      name: Job Applications
      fields:
        - {key: application_id, label: Application ID, type: string, constraints: [{type: required}, {type: unique}]}
        - {key: applicant_name, label: Applicant Name, type: string, constraints: [{type: required}]}
        - {key: applicant_email, label: Applicant Email, type: string}
        - {key: applicant_phone, label: Applicant Phone, type: string}
        - {key: birth_date, label: Date of Birth, type: date}
        - {key: vacancy_code, label: Vacancy Code, type: string, constraints: [{type: required}]}
        - {key: applied_on, label: Application Date, type: date, constraints: [{type: required}]}
        - key: source
          label: Source
          type: enum
          options: [{value: job_board, label: Job Board}, {value: referral, label: Employee Referral},
                    {value: agency, label: Recruitment Agency}, {value: career_site, label: Company Website},
                    {value: social, label: Social Media}]
        - key: stage
          label: Stage
          type: enum
          options: [{value: new, label: New}, {value: screening, label: Screening}, {value: interview, label: Interview},
                    {value: offer, label: Offer}, {value: hired, label: Hired}, {value: rejected, label: Rejected}]
        - key: education
          label: Education Level
          type: enum
          options: [{value: secondary, label: Secondary School}, {value: vocational, label: Vocational},
                    {value: bachelor, label: Bachelor's Degree}, {value: master, label: Master's Degree},
                    {value: doctorate, label: Doctorate}]
        - {key: experience_years, label: Years of Experience, type: number}
        - {key: expected_salary, label: Expected Salary, type: number}
        - {key: relocate, label: Willing to Relocate, type: boolean}
- name: Payroll
  sheets:
    - slug: payslips
      name: Payslips
      fields:
        - {key: employee_no, label: Employee Number, type: string, constraints: [{type: required}]}
        - {key: employee_name, label: Employee Name, type: string, constraints: [{type: required}]}
        - {key: department, label: Department, type: string}
        - {key: job_title, label: Job Title, type: string}
        - {key: pay_period, label: Pay Period, type: string}
        - {key: paid_on, label: Payment Date, type: date, constraints: [{type: required}]}
        - key: employment_type
          label: Employment Type
          type: enum
          options: [{value: full_time, label: Full-time}, {value: part_time, label: Part-time},
                    {value: contractor, label: Contractor}, {value: intern, label: Intern}]
        - {key: hours_worked, label: Hours Worked, type: number}
        - {key: gross_pay, label: Gross Pay, type: number, constraints: [{type: required}]}
        - {key: income_tax, label: Income Tax Withheld, type: number}
        - {key: net_pay, label: Net Pay, type: number, constraints: [{type: required}]}
        - key: payment_method
          label: Payment Method
          type: enum
          options: [{value: bank_transfer, label: Bank Transfer}, {value: card, label: Payroll Card},
                    {value: cash, label: Cash}]
        - key: currency
          label: Currency
          type: enum
          options: [{value: RUB, label: Russian Rouble}, {value: KZT, label: Kazakhstani Tenge},
                    {value: BYN, label: Belarusian Rouble}, {value: USD, label: US Dollar}]
        - {key: sick_leave, label: Sick Leave in Period, type: boolean}
"""

RU = ["Иванов Сергей Петрович", "Смирнова Ольга Викторовна", "Кузнецов Андрей Николаевич",
      "Попова Елена Сергеевна", "Соколов Дмитрий Александрович", "Лебедева Наталья Ивановна",
      "Козлов Максим Юрьевич", "Новикова Татьяна Олеговна"]
UK = ["Коваленко Олена", "Шевченко Андрій", "Бондаренко Ірина", "Ткаченко Олег", "Кравчук Юлія",
      "Мельник Богдан", "Олійник Наталія", "Поліщук Євген"]
UK_LATIN = ["o.kovalenko", "a.shevchenko", "i.bondarenko", "o.tkachenko", "yu.kravchuk",
            "b.melnyk", "n.oliinyk", "ye.polishchuk"]
BG = ["Иван Георгиев Петров", "Мария Димитрова Иванова", "Георги Николов Стоянов",
      "Елена Христова Тодорова", "Димитър Василев Атанасов", "Десислава Петрова Колева"]
SR = ["Марко Јовановић", "Јелена Петровић", "Никола Николић", "Милица Марковић", "Стефан Ђорђевић",
      "Ана Стојановић", "Лука Илић", "Ивана Павловић"]
SR_LATIN = ["marko.jovanovic", "jelena.petrovic", "nikola.nikolic", "milica.markovic",
            "stefan.djordjevic", "ana.stojanovic", "luka.ilic", "ivana.pavlovic"]
EL = ["Παπαδόπουλος Γεώργιος", "Παπαδοπούλου Μαρία", "Νικολάου Δημήτριος", "Γεωργίου Ελένη",
      "Οικονόμου Κωνσταντίνος", "Αθανασίου Αικατερίνη", "Βασιλείου Ιωάννης"]
GREEKLISH = ["Papadopoulos Giorgos", "Papadopoulou Maria", "Nikolaou Dimitris", "Georgiou Eleni",
             "Oikonomou Kostas", "Athanasiou Katerina", "Vasileiou Giannis"]
KK = ["Нұрланов Ерлан Серікұлы", "Әбілқасымова Айгүл Болатқызы", "Жұмабеков Данияр Асқарұлы",
      "Сейітова Гүлнар Маратқызы", "Оспанов Нұрсұлтан Қайратұлы", "Ахметова Динара Ержанқызы"]
BY = ["Ковалев Андрей Иванович", "Новик Ольга Петровна", "Шевчук Дмитрий Сергеевич",
      "Мельникова Анна Викторовна", "Козловский Павел Николаевич", "Жук Татьяна Александровна"]


def _row_no(_rng: random.Random, i: int) -> str:
    """A 1C export's ``№ п/п``: the row's number in its file, from 1."""
    return str(i % ROWS + 1)


def _mail(names: list[str], domain: str) -> Callable[[random.Random, int], str]:
    return lambda rng, i: f"{rng.choice(names)}{i % 97}@{domain}"


def _phone(fmt: str) -> Callable[[random.Random, int], str]:
    """A phone number: ``9`` a digit, anything else as it is."""
    return lambda rng, _: "".join(str(rng.randrange(10)) if c == "9" else c for c in fmt)


def _digits(n: int) -> Callable[[random.Random, int], str]:
    return lambda rng, _: str(rng.randrange(1, 10)) + "".join(str(rng.randrange(10)) for _ in range(n - 1))


def _policies() -> list[Spec]:
    return [
        (
            "strakh-kazan-translit",
            "Insurance",
            "policies",
            "csv",
            [
                Column("Nomer_dogovora", "policy_no", _ident("ХХХ-", 10, 7001200), renamed="Nomer_polisa"),
                Column("Strakhovatel", "policyholder", _pick(RU)),
                Column("INN_strakhovatelya", "holder_tax_id", _digits(12)),
                Column("Data_rozhdeniya", "holder_birth_date", _date("dd.MM.yyyy", "ru", 1955, 2005)),
                Column("Data_nachala", "start_date", _day("dd.MM.yyyy", "ru", 2025)),
                Column("Data_okonchaniya", "end_date", _day("dd.MM.yyyy", "ru", 2025, after=(364, 364))),
                Column(
                    "Vid_strakhovaniya",
                    "line",
                    _enum(
                        {"motor_liability": ["ОСАГО"], "motor_hull": ["КАСКО"], "health": ["ДМС"],
                         "property": ["Имущество физлиц"], "travel": ["ВЗР"], "life": ["НСЖ"]},
                        rare=("life",),
                        later={"property": ["Имущество ФЛ"]},
                    ),
                ),
                Column("Strakhovaya_summa", "sum_insured", _num("ru", 100000, 5000000)),
                Column("Strakhovaya_premiya", "premium", _num("ru", 3000, 90000)),
                Column("Valyuta", "currency", _enum({"RUB": ["RUB"], "USD": ["USD"]}, rare=("USD",),
                                                    later={"RUB": ["руб."]})),
                Column(
                    "Poryadok_oplaty",
                    "payment_frequency",
                    _enum({"single": ["Единовременно"], "monthly": ["Ежемесячно"], "quarterly": ["Ежеквартально"],
                           "annual": ["Ежегодно"]}, later={"single": ["единовременно"]}),
                ),
                Column(
                    "Status",
                    "status",
                    _enum({"active": ["Действует"], "expired": ["Истек"], "cancelled": ["Расторгнут"],
                           "suspended": ["Приостановлен"]}, rare=("suspended",), later={"expired": ["Истёк"]}),
                ),
                Column("Prolongatsiya", "auto_renewal", _flag("Да", "Нет", 0.6)),
                Column("Agent", None, _pick(["Петрова А.В.", "Гарипов Р.Р.", "Прямые продажи"])),
            ],
            Column("Kod_filiala", None, _pick(["1601", "1602", "0201"])),
        ),
        (
            "interamerican-athina",
            "Insurance",
            "policies",
            "xlsx",
            [
                Column("Αρ. Συμβολαίου", "policy_no", _ident("ΣΥΜ", 8, 4500000)),
                Column("Συμβαλλόμενος", "policyholder", _pick(EL)),
                Column("Α.Φ.Μ.", "holder_tax_id", _digits(9)),
                Column("Ημ/νία Γέννησης", "holder_birth_date", _date("dd/MM/yyyy", "el", 1950, 2004)),
                Column("Ημ/νία Έναρξης", "start_date", _day("dd/MM/yyyy", "el", 2025)),
                Column("Ημ/νία Λήξης", "end_date", _day("dd/MM/yyyy", "el", 2025, after=(182, 365))),
                Column(
                    "Κλάδος",
                    "line",
                    _enum(
                        {"motor_liability": ["Αστική Ευθύνη Οχημάτων"], "motor_hull": ["Ίδιες Ζημιές"],
                         "health": ["Υγείας"], "life": ["Ζωής"], "property": ["Πυρός Κατοικίας"],
                         "travel": ["Ταξιδιωτική"]},
                        rare=("travel",),
                        later={"life": ["ΖΩΗΣ"], "health": ["ΥΓΕΙΑΣ"]},
                    ),
                ),
                Column("Ασφ. Κεφάλαιο", "sum_insured", _num("el", 5000, 400000)),
                Column("Μικτό Ασφάλιστρο (€)", "premium", _num("el", 120, 4000)),
                Column(
                    "Συχνότητα Πληρωμής",
                    "payment_frequency",
                    _enum({"single": ["Εφάπαξ"], "monthly": ["Μηνιαία"], "quarterly": ["Τριμηνιαία"],
                           "annual": ["Ετήσια"]}, later={"quarterly": ["Τριμ."]}),
                ),
                Column(
                    "Κατάσταση",
                    "status",
                    _enum({"active": ["Σε ισχύ"], "expired": ["Ληγμένο"], "cancelled": ["Ακυρωμένο"],
                           "suspended": ["Σε αναστολή"]}, rare=("suspended",), later={"active": ["ΣΕ ΙΣΧΥ"]}),
                    renamed="Κατάσταση Συμβολαίου",
                ),
                Column("Αυτόματη Ανανέωση", "auto_renewal", _flag("Ναι", "Όχι", 0.7)),
            ],
            Column("Κωδ. Συνεργάτη", None, _pick(["Π-1021", "Π-3380", "Δ-0007"])),
        ),
        (
            "bulstrad-sofia",
            "Insurance",
            "policies",
            "xml",
            [
                Column("@номер", "policy_no", _ident("BG/11/", 9, 125000000)),
                Column("Застраховащ", "policyholder", _pick(BG)),
                Column("ЕГН", "holder_tax_id", _digits(10)),
                Column("Покритие/@от", "start_date", _day("dd.MM.yyyy 'г.'", "bg", 2025)),
                Column("Покритие/@до", "end_date", _day("dd.MM.yyyy 'г.'", "bg", 2025, after=(364, 364))),
                Column(
                    "Вид",
                    "line",
                    _enum(
                        {"motor_liability": ["ГО на автомобилистите"], "motor_hull": ["Каско"],
                         "health": ["Здравна"], "life": ["Живот"], "property": ["Имущество"],
                         "travel": ["Помощ при пътуване"]},
                        rare=("life",),
                        later={"motor_liability": ["ГО"]},
                    ),
                ),
                Column("ЗастрахователнаСума", "sum_insured", _num("bg", 2000, 300000)),
                Column("Премия", "premium", _num("bg", 80, 3500)),
                Column("Премия/@валута", "currency", _enum({"BGN": ["лв."], "EUR": ["EUR"]}, rare=("EUR",),
                                                           later={"BGN": ["BGN"]})),
                Column(
                    "Разсрочване",
                    "payment_frequency",
                    _enum({"single": ["еднократно"], "monthly": ["12 вноски"], "quarterly": ["4 вноски"],
                           "annual": ["годишно"]}),
                    renamed="Плащане",
                ),
                Column(
                    "Статус",
                    "status",
                    _enum({"active": ["Активна"], "expired": ["Изтекла"], "cancelled": ["Прекратена"],
                           "suspended": ["Спряна"]}, rare=("suspended",), later={"cancelled": ["прекратена"]}),
                ),
                Column("Подновяване", "auto_renewal", _flag("да", "не", 0.5)),
            ],
            Column("Агенция", None, _pick(["София-Център", "Пловдив", "Варна-Морска"])),
        ),
    ]


def _applications() -> list[Spec]:
    return [
        (
            "rabota-kyiv",
            "Recruitment",
            "applications",
            "json",
            [
                Column("заявка.id", "application_id", _ident("ZV-", 6, 52000)),
                Column("кандидат.ПІБ", "applicant_name", _pick(UK)),
                Column("кандидат.email", "applicant_email", _mail(UK_LATIN, "ukr.net")),
                Column("кандидат.телефон", "applicant_phone", _phone("+380 (67) 999-99-99")),
                Column("кандидат.дата_народження", "birth_date", _date("dd.MM.yyyy", "uk", 1965, 2006)),
                Column("вакансія.код", "vacancy_code", _pick(["ВК-014", "ВК-022", "ВК-031", "ВК-047"])),
                Column("заявка.дата", "applied_on", _day("dd.MM.yyyy", "uk", 2025)),
                Column(
                    "заявка.джерело",
                    "source",
                    _enum({"job_board": ["Work.ua", "robota.ua"], "referral": ["Рекомендація"],
                           "agency": ["Кадрове агентство"], "career_site": ["Сайт компанії"],
                           "social": ["LinkedIn", "Telegram"]}, rare=("agency",)),
                ),
                Column(
                    "заявка.етап",
                    "stage",
                    _enum({"new": ["Нова"], "screening": ["Первинний відбір"], "interview": ["Співбесіда"],
                           "offer": ["Пропозиція"], "hired": ["Прийнято"], "rejected": ["Відмова"]},
                          rare=("hired",), later={"interview": ["співбесіда"]}),
                ),
                Column(
                    "кандидат.освіта",
                    "education",
                    _enum({"secondary": ["Повна загальна середня"], "vocational": ["Професійно-технічна"],
                           "bachelor": ["Бакалавр"], "master": ["Магістр"], "doctorate": ["Кандидат наук"]},
                          rare=("doctorate",)),
                ),
                Column("кандидат.досвід_років", "experience_years", _plain(0, 25, digits=0)),
                Column("кандидат.очікувана_зп", "expected_salary", _num("uk", 15000, 90000, digits=0)),
                Column("кандидат.переїзд", "relocate", _flag("Так", "Ні", 0.3), renamed="кандидат.готовий_до_переїзду"),
            ],
            Column("рекрутер", None, _pick(["Оксана К.", "Ігор П."])),
        ),
        (
            "nsz-beograd",
            "Recruitment",
            "applications",
            "csv;utf-8-sig",
            [
                Column("Р. бр.", None, _row_no),
                Column("Број пријаве", "application_id", _ident("П-2025/", 5, 300)),
                Column("Име и презиме", "applicant_name", _pick(SR)),
                Column("Е-пошта", "applicant_email", _mail(SR_LATIN, "gmail.com")),
                Column("Телефон", "applicant_phone", _phone("06999999999")),
                Column("Датум рођења", "birth_date", _date("dd.MM.yyyy.", "sr", 1965, 2006)),
                Column("Шифра огласа", "vacancy_code", _pick(["ОГ-12/25", "ОГ-15/25", "ОГ-21/25"])),
                Column("Датум пријаве", "applied_on", _day("dd.MM.yyyy.", "sr", 2025)),
                Column(
                    "Извор",
                    "source",
                    _enum({"job_board": ["Инфостуд"], "referral": ["Препорука запосленог"],
                           "agency": ["Агенција за запошљавање"], "career_site": ["Сајт компаније"],
                           "social": ["Друштвене мреже"]}, rare=("agency",), later={"job_board": ["ИНФОСТУД"]}),
                ),
                Column(
                    "Фаза",
                    "stage",
                    _enum({"new": ["Нова"], "screening": ["Селекција"], "interview": ["Интервју"],
                           "offer": ["Понуда"], "hired": ["Запослен"], "rejected": ["Одбијен"]},
                          rare=("offer",)),
                    renamed="Статус пријаве",
                ),
                Column(
                    "Степен стручне спреме",
                    "education",
                    _enum({"secondary": ["IV"], "vocational": ["III"], "bachelor": ["VI"], "master": ["VII"],
                           "doctorate": ["VIII"]}, rare=("doctorate",), later={"master": ["VII/1"]}),
                ),
                Column("Радно искуство (год.)", "experience_years", _plain(0, 30, digits=0)),
                Column("Очекивана зарада (РСД)", "expected_salary", _num("sr", 60000, 250000)),
                Column("Спреман за пресељење", "relocate", _flag("Да", "Не", 0.25)),
            ],
            Column("Напомена", None, _pick(["", "", "позвати поново", "возачка дозвола Б"])),
        ),
        (
            "kariera-greeklish",
            "Recruitment",
            "applications",
            "csv",
            [
                Column("Kwd_Aitisis", "application_id", _ident("AIT", 6, 18000)),
                Column("Onomateponymo", "applicant_name", _pick(GREEKLISH)),
                Column("Email", "applicant_email", _mail(["g.papad", "m.papa", "dnik", "eleni.g"], "yahoo.gr")),
                Column("Kinito", "applicant_phone", _phone("6999999999")),
                Column("Hm_Gennisis", "birth_date", _date("dd/MM/yyyy", "el", 1965, 2006)),
                Column("Kwd_Thesis", "vacancy_code", _pick(["TH-101", "TH-115", "TH-130"])),
                Column("Hmnia_Aitisis", "applied_on", _day("dd/MM/yyyy", "el", 2025)),
                Column(
                    "Pigi",
                    "source",
                    _enum({"job_board": ["Kariera.gr", "Skywalker"], "referral": ["Systasi"],
                           "agency": ["Grafeio Evresis"], "career_site": ["Site etaireias"],
                           "social": ["Facebook", "LinkedIn"]}, rare=("agency",)),
                ),
                Column(
                    "Stadio",
                    "stage",
                    _enum({"new": ["Nea"], "screening": ["Proepilogi"], "interview": ["Synenteyxi"],
                           "offer": ["Prosfora"], "hired": ["Proslipsi"], "rejected": ["Aporripsi"]},
                          rare=("hired",), later={"interview": ["SYNENTEYXI"]}),
                ),
                Column(
                    "Ekpaideysi",
                    "education",
                    _enum({"secondary": ["Lykeio"], "vocational": ["IEK"], "bachelor": ["Ptyxio AEI"],
                           "master": ["Metaptyxiako"], "doctorate": ["Didaktoriko"]},
                          rare=("doctorate",), later={"master": ["Metapt."]}),
                    renamed="Spoudes",
                ),
                Column("Eti_Proyp", "experience_years", _plain(0, 25, digits=0)),
                Column("Epithymitos_Misthos", "expected_salary", _num("el", 800, 3000, digits=0)),
                Column("Metakinisi", "relocate", _flag("NAI", "OXI", 0.35)),
            ],
            Column("Paratiriseis", None, _pick(["", "diploma odigisis", "agglika C2"])),
        ),
    ]


def _payslips() -> list[Spec]:
    return [
        (
            "1c-zup-ekaterinburg",
            "Payroll",
            "payslips",
            "csv;cp1251",
            [
                Column("№ п/п", None, _row_no),
                Column("Таб. №", "employee_no", _ident("00-", 6, 120)),
                Column("Сотрудник", "employee_name", _pick(RU)),
                Column("Подразделение", "department", _pick(["Бухгалтерия", "Цех № 2", "Отдел продаж", "Склад"])),
                Column("Должность", "job_title", _pick(["Бухгалтер", "Токарь", "Менеджер", "Кладовщик"])),
                Column("Период", "pay_period", _day("LLLL yyyy", "ru", 2025)),
                Column("Дата выплаты", "paid_on", _day("dd.MM.yyyy", "ru", 2025, after=(10, 15))),
                Column(
                    "Вид занятости",
                    "employment_type",
                    _enum({"full_time": ["Основное место работы"], "part_time": ["Внутреннее совместительство"],
                           "contractor": ["Договор ГПХ"], "intern": ["Ученический договор"]},
                          rare=("intern",), later={"contractor": ["ГПХ"]}),
                ),
                Column("Отработано, ч", "hours_worked", _num("ru", 40, 184)),
                Column("Начислено, руб.", "gross_pay", _num("ru", 25000, 180000)),
                Column("НДФЛ, руб.", "income_tax", _num("ru", 3000, 23000)),
                Column("К выплате, руб.", "net_pay", _num("ru", 20000, 160000)),
                Column(
                    "Способ выплаты",
                    "payment_method",
                    _enum({"bank_transfer": ["Перечислением в банк"], "card": ["Зарплатный проект"],
                           "cash": ["Через кассу"]}, rare=("cash",)),
                    renamed="Вид выплаты",
                ),
                Column("Больничный", "sick_leave", _flag("Да", "Нет", 0.12)),
            ],
            Column("Кол-во дней", None, _plain(5, 23, digits=0)),
        ),
        (
            "kaztelecom-almaty",
            "Payroll",
            "payslips",
            "xlsx",
            [
                Column("Табель нөмірі", "employee_no", _ident("", 5, 4100)),
                Column("Қызметкердің аты-жөні", "employee_name", _pick(KK)),
                Column("Бөлімше", "department", _pick(["Қаржы бөлімі", "IT бөлімі", "Кадрлар бөлімі"])),
                Column("Лауазымы", "job_title", _pick(["Есепші", "Инженер", "Маман", "Жүргізуші"])),
                Column("Кезең", "pay_period", _day("yyyy 'ж.' LLLL", "kk", 2025)),
                Column("Төлем күні", "paid_on", _day("dd.MM.yyyy", "kk", 2025, after=(5, 10))),
                Column(
                    "Жұмыспен қамту түрі",
                    "employment_type",
                    _enum({"full_time": ["Толық жұмыс күні"], "part_time": ["Толық емес жұмыс күні"],
                           "contractor": ["Азаматтық-құқықтық шарт"], "intern": ["Тағылымдамашы"]},
                          rare=("intern",)),
                ),
                Column("Жұмыс сағаттары", "hours_worked", _num("kk", 40, 184)),
                Column("Есептелді", "gross_pay", _num("kk", 150000, 900000)),
                Column("ЖТС", "income_tax", _num("kk", 10000, 90000)),
                Column("Төленуге тиіс", "net_pay", _num("kk", 120000, 800000)),
                Column(
                    "Төлем тәсілі",
                    "payment_method",
                    _enum({"bank_transfer": ["Банк аударымы"], "card": ["Жалақы картасы"], "cash": ["Қолма-қол"]},
                          rare=("cash",)),
                ),
                Column("Валюта", "currency", _enum({"KZT": ["теңге"], "USD": ["АҚШ доллары"]}, rare=("USD",),
                                                   later={"KZT": ["тг."]})),
                Column("Еңбекке жарамсыздық", "sick_leave", _flag("Иә", "Жоқ", 0.1), renamed="Ауру парағы"),
            ],
            Column("ЖСН", None, _digits(12)),
        ),
        (
            "minsk-mixed-codes",
            "Payroll",
            "payslips",
            "json",
            [
                Column("ТабельныйНомер", "employee_no", _ident("BY", 5, 700)),
                Column("ФИО", "employee_name", _pick(BY)),
                Column("Подразделение", "department", _pick(["IT-01", "FIN-02", "HR-03", "OPS-04"])),
                Column("Должность", "job_title", _pick(["Developer", "QA Engineer", "Accountant", "Driver"])),
                Column("Период", "pay_period", _day("yyyy-MM", "ru", 2025)),
                Column("ДатаВыплаты", "paid_on", _day("yyyy-MM-dd", "ru", 2025, after=(5, 12))),
                Column(
                    "ТипДоговора",
                    "employment_type",
                    _enum({"full_time": ["FT"], "part_time": ["PT"], "contractor": ["GPC"], "intern": ["INT"]},
                          rare=("intern",), later={"contractor": ["gpc"]}),
                    renamed="ВидДоговора",
                ),
                Column("Часы", "hours_worked", _plain(40, 184, digits=1)),
                Column("Начислено", "gross_pay", _plain(900, 9000)),
                Column("ПодоходныйНалог", "income_tax", _plain(90, 1200)),
                Column("КВыплате", "net_pay", _plain(800, 8000)),
                Column("СпособВыплаты", "payment_method", _enum({"bank_transfer": ["BANK"], "card": ["CARD"],
                                                                 "cash": ["CASH"]}, rare=("cash",))),
                Column("Валюта", "currency", _enum({"BYN": ["BYN"], "USD": ["USD"], "RUB": ["RUB"]},
                                                   rare=("RUB",))),
                Column("Больничный", "sick_leave", _flag("N", "Y", 0.9)),
            ],
            Column("УНП", None, _digits(9)),
        ),
    ]


def _specs() -> list[Spec]:
    return [*_policies(), *_applications(), *_payslips()]


def csv_text(frame: pl.DataFrame, separator: str) -> str:
    """A delivery as ``separator``-separated text, CRLF line ends, header first."""
    text = io.StringIO()
    writer = csv.writer(text, delimiter=separator, lineterminator="\r\n")
    writer.writerow(frame.columns)
    writer.writerows(frame.rows())
    return text.getvalue()


def extracted(path: Path) -> pl.DataFrame:
    """The widest table feedline's extractor reads from ``path``."""
    from feedline.extract import extract

    tables = extract(path, path.name, profile=False).tables
    return max((t.frame for t in tables if t.frame is not None), key=lambda f: f.width)


def _as_file(frame: pl.DataFrame, encoding: str, separator: str = ";") -> pl.DataFrame:
    """A delivery written as a ``separator``-separated file in ``encoding`` and read back by
    feedline's extractor (columns keep their order)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ("delivery.tsv" if separator == "\t" else "delivery.csv")
        path.write_bytes(csv_text(frame, separator).encode(encoding))
        return extracted(path)


def read_back(built: list[Partner], files: dict[str, tuple[str, str]]) -> list[Partner]:
    """The deliveries of the partners in ``files`` (name -> encoding, separator) as
    feedline's extractor reads them back from such a file, the truth following the
    columns it reads."""
    for p in built:
        if p.name not in files:
            continue
        for k, d in enumerate(p.deliveries):
            frame = _as_file(d.frame, *files[p.name])
            if frame.width != d.frame.width:
                raise ValueError(f"{p.name} {d.name}: {frame.width} columns read, {d.frame.width} written")
            truth = {new: d.columns[old] for old, new in zip(d.frame.columns, frame.columns, strict=True)}
            p.deliveries[k] = Delivery(d.name, frame, truth, d.enums)
    return built


def partners() -> list[Partner]:
    """Every partner of this set with three deliveries (d1, d2, d3)."""
    specs = _specs()
    files = {s[0]: (s[3].partition(";")[2], ";") for s in specs if ";" in s[3]}
    built = build([(n, bp, sl, lay.partition(";")[0], cols, ex) for n, bp, sl, lay, cols, ex in specs],
                  parse_blueprints(BLUEPRINTS), seed=11000)
    return read_back(built, files)


def main(argv: list[str] | None = None) -> int:
    return show_partners(__doc__, partners(), argv)


if __name__ == "__main__":
    raise SystemExit(main())
