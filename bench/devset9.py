"""A ninth development set, telecom subscriptions and construction time sheets: a check.

Usage: ``python bench/devset9.py [--show]`` (prints each partner's headers and values).

Two blueprints of trades no earlier set covers (a telecom operator's ``subscriptions``
sheet and a construction contractor's site ``timesheets``) and ten partners as their
systems export them. Subscriptions: a Brazilian operator's semicolon CSV in Latin-1
(``Nº da Linha``, ``Modalidade``: ``Pré-pago``/``Pós-pago``/``Controle``, ``Fim da
Fidelidade``, ``PF``/``PJ``, ``Boleto``), a Thai dealer's workbook with a notes sheet before
the data sheet and Buddhist-era dates (``หมายเลขโทรศัพท์``, ``เติมเงิน``/``รายเดือน``,
``15/03/2568``), an Israeli operator's CSV in Windows-1255 (``מס' מנוי``, ``מסלול``,
``הוראת קבע``, ``ניוד יוצא``), an Indonesian operator's nested JSON (``Prabayar``/
``Pascabayar``, ``Isolir``, ``Autodebet``) and a British business-mobile reseller's CTN
report, a CSV inside a zip, in its own jargon (``CTN``, ``PAYM``/``PAYG``, ``Barred``,
``PAC'd Out``, ``Line Rental (£)``, ``Bolt-ons``). Time sheets: an Iranian contractor's
workbook in Persian with Jalali dates (``1404/08/12``, ``کارکرد عادی``,
``پیمانکار جزء``, ``نیروی شرکتی``), a Czech builder's semicolon CSV in Windows-1250 (``Os.
číslo``, ``HPP``/``OSVČ``, ``PN``, ``Nepříznivé počasí``), an Icelandic contractor's XML with
attributes (``kennitala``, ``Dagvinna``/``Yfirvinna``, ``Sveinn``/``Meistari``/``Nemi``), a
Korean site's CSV in CP949 (``출역일``, ``직영``/``협력업체``, ``우천휴무``, ``공수`` man-days that
go nowhere, ``O``/``X``) and a Finnish site's tab-separated export (``Työmaa``, ``Sääeste``,
``Vuokratyö``, ``K``/``E``, a ``Veronumero`` that goes nowhere). Values as such exports write
them: local dates (Buddhist-era and Jalali years among them) and numbers, native-language
enum labels, initials and abbreviations, system codes, labels with qualifiers.

It was written and measured once before any change it may prompt; that first measurement
is the check (later figures are not, since later work may see its failures). It was
written without reading feedline's word lists or mapping rules, nor the other sets'
partners. Nothing here is read by ``feedline/`` or by calibration. Deliveries behave as in
``devset2``: ``d2`` brings new rows and other spellings of values already seen, ``d3``
renames a column, adds one and shuffles.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from devset2 import (
    Column,
    Spec,
    _code,
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
from devset7 import _as_file, _digits, _phone, _row_no, csv_text, extracted
from learning_sim import Delivery, Partner, show_partners

BLUEPRINTS = """
- name: Telecom
  sheets:
    - slug: subscriptions
      name: Subscriptions
      fields:
        - {key: subscription_id, label: Subscription ID, type: string, constraints: [{type: required}, {type: unique}]}
        - {key: msisdn, label: Phone Number (MSISDN), type: string, constraints: [{type: required}]}
        - {key: iccid, label: SIM Card Number (ICCID), type: string}
        - {key: customer_name, label: Customer Name, type: string, constraints: [{type: required}]}
        - key: customer_type
          label: Customer Type
          type: enum
          options: [{value: residential, label: Residential}, {value: business, label: Business},
                    {value: government, label: Government}]
        - {key: tariff, label: Tariff Plan, type: string}
        - key: billing_type
          label: Billing Type
          type: enum
          constraints: [{type: required}]
          options: [{value: prepaid, label: Prepaid}, {value: postpaid, label: Postpaid},
                    {value: hybrid, label: Hybrid (capped postpaid)}]
        - key: service_type
          label: Service Type
          type: enum
          options: [{value: mobile, label: Mobile Voice}, {value: mobile_broadband, label: Mobile Broadband},
                    {value: fixed_broadband, label: Fixed Broadband}, {value: fixed_line, label: Fixed Line},
                    {value: iptv, label: IPTV}]
        - key: status
          label: Line Status
          type: enum
          constraints: [{type: required}]
          options: [{value: active, label: Active}, {value: suspended, label: Suspended},
                    {value: pending, label: Pending Activation}, {value: cancelled, label: Cancelled},
                    {value: ported_out, label: Ported Out}]
        - {key: activation_date, label: Activation Date, type: date, constraints: [{type: required}]}
        - {key: contract_end, label: Contract End Date, type: date}
        - {key: commitment_months, label: Minimum Term (months), type: number}
        - {key: monthly_fee, label: Monthly Fee, type: number}
        - {key: data_allowance_gb, label: Data Allowance (GB), type: number}
        - key: payment_method
          label: Payment Method
          type: enum
          options: [{value: direct_debit, label: Direct Debit}, {value: card, label: Payment Card},
                    {value: bank_transfer, label: Bank Transfer}, {value: cash, label: Cash or Voucher}]
        - {key: roaming, label: International Roaming, type: boolean}
- name: Construction
  sheets:
    - slug: timesheets
      name: Site Time Sheets
      fields:
        - {key: entry_id, label: Time Sheet Entry, type: string, constraints: [{type: required}, {type: unique}]}
        - {key: worker_id, label: Worker ID, type: string, constraints: [{type: required}]}
        - {key: worker_name, label: Worker Name, type: string, constraints: [{type: required}]}
        - {key: site, label: Site, type: string, constraints: [{type: required}]}
        - {key: work_date, label: Work Date, type: date, constraints: [{type: required}]}
        - key: trade
          label: Trade
          type: enum
          options: [{value: carpenter, label: Carpenter}, {value: bricklayer, label: Bricklayer},
                    {value: electrician, label: Electrician}, {value: plumber, label: Plumber},
                    {value: labourer, label: Labourer}, {value: steel_fixer, label: Steel Fixer},
                    {value: machine_operator, label: Machine Operator}, {value: scaffolder, label: Scaffolder}]
        - key: qualification
          label: Qualification
          type: enum
          options: [{value: apprentice, label: Apprentice}, {value: unskilled, label: Unskilled},
                    {value: skilled, label: Skilled Tradesman}, {value: master, label: Master Craftsman}]
        - key: employer_type
          label: Engagement
          type: enum
          options: [{value: own_staff, label: Own Staff}, {value: subcontractor, label: Subcontractor},
                    {value: agency, label: Agency Worker}]
        - key: day_type
          label: Day Type
          type: enum
          constraints: [{type: required}]
          options: [{value: worked, label: Worked}, {value: sick, label: Sick Leave},
                    {value: vacation, label: Vacation}, {value: weather, label: Weather Stoppage},
                    {value: training, label: Training}, {value: public_holiday, label: Public Holiday}]
        - {key: regular_hours, label: Regular Hours, type: number, constraints: [{type: required}]}
        - {key: overtime_hours, label: Overtime Hours, type: number}
        - {key: hourly_rate, label: Hourly Rate, type: number}
        - {key: foreman, label: Foreman, type: string}
        - {key: cost_code, label: Cost Code, type: string}
        - {key: approved, label: Approved, type: boolean}
"""

BR_CUSTOMERS = ["Maria da Silva Santos", "João Pereira Lima", "Ana Carolina Souza", "Padaria Pão Dourado Ltda",
                "Construtora Horizonte S.A.", "Lucas Oliveira Costa", "Fernanda Rodrigues Alves",
                "Auto Peças Campinas ME", "Juliana Ferreira Gomes", "Prefeitura Municipal de Valinhos"]
TH_CUSTOMERS = ["นายสมชาย ใจดี", "นางสาวสุดารัตน์ แก้วมณี", "นายอนุชา ศรีสุข", "นางวิไลวรรณ ทองดี",
                "บริษัท ไทยรุ่งเรือง จำกัด", "ห้างหุ้นส่วนจำกัด สมบูรณ์การค้า", "นายธนากร บุญมา",
                "นางสาวพิมพ์ชนก วงศ์ใหญ่", "สำนักงานเขตบางรัก"]
HE_CUSTOMERS = ["כהן יוסף", "לוי מיכל", "מזרחי אבי", "פרץ נועה", "ביטון דניאל", 'אלקטרה צריכה בע"מ',
                "עיריית פתח תקווה", "שפירא רונית", "אברהם משה", "דהן שירה"]
ID_CUSTOMERS = ["Budi Santoso", "Siti Nurhaliza", "Agus Wijaya", "Dewi Lestari", "PT Maju Jaya Abadi",
                "CV Sumber Rejeki", "Rina Kartika", "Dinas Kominfo Kota Surabaya", "Eko Prasetyo", "Putri Rahayu"]
UK_CUSTOMERS = ["Hargreaves Plumbing Ltd", "Mr J Patel", "Northfield Dental Practice", "Ashworth & Co Solicitors LLP",
                "Mrs S O'Brien", "Pennine Haulage Ltd", "Calderdale MBC", "Riverside Cafe",
                "Kaur Accountancy Services", "Whitfield Estates Ltd"]
FA_WORKERS = ["علی رضایی", "محمد حسینی", "رضا احمدی", "حسین کریمی", "مهدی موسوی", "امیر جعفری", "سعید نوری",
              "حمید صادقی", "مجید قاسمی", "عبدالله احمدزی"]
CS_WORKERS = ["Novák Jan", "Dvořák Petr", "Svoboda Tomáš", "Černý Martin", "Procházka Jiří", "Kučera Pavel",
              "Veselý Lukáš", "Horák Josef", "Němec Zdeněk", "Kovalenko Oleh"]
IS_WORKERS = ["Jón Guðmundsson", "Sigurður Jónsson", "Guðrún Sigurðardóttir", "Ólafur Einarsson",
              "Gunnar Kristjánsson", "Tomasz Kowalski", "Piotr Nowak", "Einar Magnússon", "Helgi Þórsson",
              "Kristín Ólafsdóttir"]
KO_WORKERS = ["김민수", "이영호", "박지훈", "최성민", "정우진", "강동원", "조현우", "윤재석", "장성호", "NGUYEN VAN HUNG"]
FI_WORKERS = ["Virtanen Mikko", "Korhonen Jari", "Mäkinen Timo", "Nieminen Juha", "Mäkelä Pekka",
              "Hämäläinen Antti", "Laine Sami", "Tamm Andres", "Koskinen Ville", "Järvinen Marko"]

THAI_NOTES = ["รายงานข้อมูลผู้ใช้บริการ (Subscriber report)", "ข้อมูล ณ วันที่ 30/11/2568",
              "วันที่ทั้งหมดเป็นปีพุทธศักราช (พ.ศ.)", "ข้อมูลนี้เป็นความลับ ห้ามเผยแพร่"]


def _be_date(lo: int, hi: int, blank: float = 0.0) -> Callable[[random.Random, int], str]:
    """A Thai date, ``dd/MM/yyyy`` in the Buddhist era (the year plus 543)."""
    start, span = dt.date(lo, 1, 1), (dt.date(hi, 1, 1) - dt.date(lo, 1, 1)).days

    def make(rng: random.Random, _: int) -> str:
        if rng.random() < blank:
            return ""
        d = start + dt.timedelta(days=rng.randrange(span))
        return f"{d.day:02d}/{d.month:02d}/{d.year + 543}"

    return make


def _jalali(d: dt.date) -> tuple[int, int, int]:
    """The Solar Hijri (Jalali) date of a Gregorian one (the usual arithmetic conversion)."""
    gy, gm, gd = d.year, d.month, d.day
    before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
    gy2 = gy + 1 if gm > 2 else gy
    days = 355666 + 365 * gy + (gy2 + 3) // 4 - (gy2 + 99) // 100 + (gy2 + 399) // 400 + gd + before[gm - 1]
    jy = -1595 + 33 * (days // 12053)
    days %= 12053
    jy += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        jy += (days - 1) // 365
        days = (days - 1) % 365
    if days < 186:
        return jy, 1 + days // 31, 1 + days % 31
    return jy, 7 + (days - 186) // 30, 1 + (days - 186) % 30


def _jalali_day(year: int) -> Callable[[random.Random, int], str]:
    """Row ``i``'s work day (as ``_day`` draws it) written ``1404/08/12``."""
    iso = _day("yyyy-MM-dd", "en", year)

    def make(rng: random.Random, i: int) -> str:
        y, m, d = _jalali(dt.date.fromisoformat(iso(rng, i)))
        return f"{y}/{m:02d}/{d:02d}"

    return make


def _iccid(prefix: str) -> Callable[[random.Random, int], str]:
    """A SIM's ICCID: ``89``, the country's calling code and the issuer, 19 digits in all."""
    return lambda rng, _: prefix + "".join(str(rng.randrange(10)) for _ in range(19 - len(prefix)))


def _allowance(amounts: list[str], unlimited: str = "", suffix: str = "") -> Callable[[random.Random, int], str]:
    """A plan's data allowance; now and then the system's word for unlimited."""
    def make(rng: random.Random, _: int) -> str:
        if unlimited and rng.random() < 0.12:
            return unlimited
        return rng.choice(amounts) + suffix
    return make


def _kennitala(rng: random.Random, _: int) -> str:
    """An Icelandic national id: birth date ``DDMMYY``, a dash, four digits."""
    return f"{rng.randrange(1, 29):02d}{rng.randrange(1, 13):02d}{rng.randrange(60, 100):02d}-{rng.randrange(2000, 9999)}"


def _subscriptions() -> list[Spec]:
    return [
        (
            "operadora-campinas",
            "Telecom",
            "subscriptions",
            "csv;latin-1;semicolon",
            [
                Column("Nº do Contrato", "subscription_id", _ident("", 9, 410030000)),
                Column("Nº da Linha", "msisdn", lambda rng, _: f"({rng.choice(['19', '19', '11', '35'])}) 9{rng.randrange(1000, 9999)}-{rng.randrange(1000, 9999)}"),
                Column("ICCID", "iccid", _iccid("895510")),
                Column("Nome/Razão Social", "customer_name", _pick(BR_CUSTOMERS)),
                Column("CPF/CNPJ", None, lambda rng, _: f"***.{rng.randrange(100, 999)}.{rng.randrange(100, 999)}-**"),
                Column("Tipo Cliente", "customer_type",
                       _enum({"residential": ["PF"], "business": ["PJ"], "government": ["Órgão Público"]},
                             rare=("government",), later={"residential": ["Pessoa Física"]})),
                Column("Plano", "tariff", _pick(["Controle 15GB", "Pós 50GB", "Pré Mensal 8GB", "Fibra 500 Mega",
                                                 "Empresas 100GB"])),
                Column(
                    "Modalidade",
                    "billing_type",
                    _enum({"prepaid": ["Pré-pago"], "postpaid": ["Pós-pago"], "hybrid": ["Controle"]},
                          later={"postpaid": ["Pos-pago"], "prepaid": ["PRÉ"]}),
                ),
                Column("Produto", "service_type",
                       _enum({"mobile": ["Telefonia Móvel"], "mobile_broadband": ["Internet Móvel"],
                              "fixed_broadband": ["Banda Larga Fixa"], "fixed_line": ["Telefonia Fixa"],
                              "iptv": ["TV por Assinatura"]}, rare=("iptv", "fixed_line"),
                             later={"fixed_broadband": ["Fibra"]})),
                Column(
                    "Situação",
                    "status",
                    _enum({"active": ["Ativa"], "suspended": ["Suspensa", "Bloqueada por débito"],
                           "pending": ["Em ativação"], "cancelled": ["Cancelada"], "ported_out": ["Portada (saída)"]},
                          rare=("ported_out", "pending"), later={"active": ["ATIVA"], "cancelled": ["Cancelado"]}),
                    renamed="Status da Linha",
                ),
                Column("Data de Ativação", "activation_date", _date("dd/MM/yyyy", "pt_BR", 2016, 2026)),
                Column("Fim da Fidelidade", "contract_end", _date("dd/MM/yyyy", "pt_BR", 2025, 2028, blank=0.35)),
                Column("Fidelidade (meses)", "commitment_months", _pick(["12", "12", "24", "0"])),
                Column("Valor Mensal (R$)", "monthly_fee", _pick(["49,99", "89,90", "129,90", "199,99", "64,90"])),
                Column("Franquia (GB)", "data_allowance_gb", _allowance(["8", "15", "25", "50", "100"])),
                Column("Forma de Pagamento", "payment_method",
                       _enum({"direct_debit": ["Débito Automático"], "card": ["Cartão de Crédito"],
                              "bank_transfer": ["Boleto"], "cash": ["Recarga"]},
                             later={"bank_transfer": ["Boleto Bancário", "Pix"]})),
                Column("Roaming Internacional", "roaming", _flag("Sim", "Não", 0.2)),
                Column("UF", None, _pick(["SP", "SP", "SP", "MG"])),
            ],
            Column("Ponto de Venda", None, _pick(["Loja Shopping Iguatemi", "Televendas", "App", "Revenda Centro"])),
        ),
        (
            "dealer-bangkok",
            "Telecom",
            "subscriptions",
            "xlsx+notes",
            [
                Column("เลขที่สัญญา", "subscription_id", _ident("BKK", 8, 2250000)),
                Column("หมายเลขโทรศัพท์", "msisdn", _phone("089-999-9999")),
                Column("หมายเลขซิม", "iccid", _iccid("896603")),
                Column("ชื่อลูกค้า", "customer_name", _pick(TH_CUSTOMERS)),
                Column("ประเภทลูกค้า", "customer_type",
                       _enum({"residential": ["บุคคลธรรมดา"], "business": ["นิติบุคคล"],
                              "government": ["หน่วยงานราชการ"]}, rare=("government",))),
                Column("แพ็กเกจ", "tariff", _pick(["5G Max Speed 699", "เน็ตไม่อั้น 15Mbps", "รายเดือน 499",
                                                   "Fiber 1Gbps 790", "ซิมเติมเงิน 7 วัน"])),
                Column("ระบบ", "billing_type",
                       _enum({"prepaid": ["เติมเงิน"], "postpaid": ["รายเดือน"]}, later={"postpaid": ["Postpaid"]})),
                Column("บริการ", "service_type",
                       _enum({"mobile": ["มือถือ"], "mobile_broadband": ["Pocket WiFi"],
                              "fixed_broadband": ["เน็ตบ้าน"], "fixed_line": ["โทรศัพท์บ้าน"]},
                             rare=("fixed_line",), later={"fixed_broadband": ["อินเทอร์เน็ตบ้าน"]})),
                Column(
                    "สถานะ",
                    "status",
                    _enum({"active": ["ใช้งาน"], "suspended": ["ระงับชั่วคราว"], "pending": ["รอเปิดใช้"],
                           "cancelled": ["ยกเลิก"], "ported_out": ["ย้ายค่ายออก"]}, rare=("pending", "ported_out"),
                          later={"suspended": ["ระงับ (ค้างชำระ)"]}),
                    renamed="สถานะหมายเลข",
                ),
                Column("วันที่เปิดใช้บริการ", "activation_date", _be_date(2017, 2026)),
                Column("วันสิ้นสุดสัญญา", "contract_end", _be_date(2025, 2028, blank=0.4)),
                Column("ระยะสัญญา (เดือน)", "commitment_months", _pick(["12", "12", "6", "10", "0"])),
                Column("ค่าบริการรายเดือน (บาท)", "monthly_fee", _pick(["499.00", "699.00", "1,299.00", "790.00",
                                                                        "299.00"])),
                Column("ปริมาณเน็ต (GB)", "data_allowance_gb", _allowance(["15", "30", "60", "100"], "ไม่จำกัด")),
                Column("วิธีชำระเงิน", "payment_method",
                       _enum({"direct_debit": ["หักบัญชีอัตโนมัติ"], "card": ["บัตรเครดิต"],
                              "bank_transfer": ["โอนผ่านธนาคาร"], "cash": ["เงินสด"]},
                             later={"card": ["บัตรเครดิต/เดบิต"]})),
                Column("โรมมิ่งต่างประเทศ", "roaming", _flag("เปิด", "ปิด", 0.15)),
                Column("สาขา", None, _pick(["เซ็นทรัลเวิลด์", "สยามพารากอน", "ฟิวเจอร์พาร์ค รังสิต"])),
                Column("รหัสพนักงานขาย", None, _code("S", 1001, 1099)),
            ],
            Column("หมายเหตุ", None, _pick(["", "", "ลูกค้าขอใบกำกับภาษี", "โอนสิทธิ์"])),
        ),
        (
            "selular-petah-tikva",
            "Telecom",
            "subscriptions",
            "csv;cp1255;comma",
            [
                Column("מס' מנוי", "subscription_id", _ident("", 8, 30120000)),
                Column("מספר טלפון", "msisdn", lambda rng, _: f"05{rng.choice('02348')}-{rng.randrange(1000000, 9999999)}"),
                Column("מס' סים", "iccid", _iccid("8997201")),
                Column("שם הלקוח", "customer_name", _pick(HE_CUSTOMERS)),
                Column("ת.ז./ח.פ.", None, _digits(9)),
                Column("סוג לקוח", "customer_type",
                       _enum({"residential": ["פרטי"], "business": ["עסקי"], "government": ["ממשלתי"]},
                             rare=("government",))),
                Column("מסלול", "tariff", _pick(["5G 1000GB", "כשר 4G", "מסלול עסקי 500GB", "סיבים 1000",
                                                "גלישה בלבד 100GB"])),
                Column("סוג חיוב", "billing_type",
                       _enum({"prepaid": ["פריפייד"], "postpaid": ["חודשי"]}, later={"postpaid": ["פוסטפייד"]})),
                Column("סוג שירות", "service_type",
                       _enum({"mobile": ["סלולר"], "mobile_broadband": ["גלישה סלולרית"],
                              "fixed_broadband": ["אינטרנט סיבים"], "fixed_line": ["טלפון קווי"], "iptv": ["טלוויזיה"]},
                             rare=("iptv", "fixed_line"))),
                Column(
                    "סטטוס",
                    "status",
                    _enum({"active": ["פעיל"], "suspended": ["מושהה"], "pending": ["ממתין להפעלה"],
                           "cancelled": ["מנותק"], "ported_out": ["ניוד יוצא"]}, rare=("pending",),
                          later={"cancelled": ["בוטל"]}),
                    renamed="סטטוס מנוי",
                ),
                Column("תאריך הצטרפות", "activation_date", _date("dd/MM/yyyy", "he", 2015, 2026)),
                Column("סיום התחייבות", "contract_end", _date("dd/MM/yyyy", "he", 2025, 2028, blank=0.5)),
                Column("תקופת התחייבות", "commitment_months", _pick(["0", "12", "24", "36"])),
                Column("מחיר חודשי ₪", "monthly_fee", _pick(["29.90", "49.90", "59.90", "99.00", "119.90"])),
                Column("נפח גלישה (GB)", "data_allowance_gb", _allowance(["100", "500", "1000", "3000"])),
                Column("אמצעי תשלום", "payment_method",
                       _enum({"direct_debit": ["הוראת קבע"], "card": ["כרטיס אשראי"], "bank_transfer": ["העברה בנקאית"],
                              "cash": ["מזומן"]}, rare=("cash",), later={"card": ["אשראי"]})),
                Column('גלישה בחו"ל', "roaming", _flag("כן", "לא", 0.3)),
                Column("סניף", None, _pick(["פתח תקווה", "רמת גן", "בני ברק", "מוקד טלפוני"])),
            ],
            Column("הערות", None, _pick(["", "", "לקוח VIP", "חסימת שיחות לחו\"ל"])),
        ),
        (
            "pelanggan-surabaya",
            "Telecom",
            "subscriptions",
            "json",
            [
                Column("langganan.idLangganan", "subscription_id", _ident("LGN-", 8, 7003000)),
                Column("langganan.nomorHP", "msisdn", _phone("628129999999")),
                Column("kartu.iccid", "iccid", _iccid("896210")),
                Column("pelanggan.nama", "customer_name", _pick(ID_CUSTOMERS)),
                Column("pelanggan.nik", None, _digits(16)),
                Column("pelanggan.jenis", "customer_type",
                       _enum({"residential": ["Perorangan"], "business": ["Korporat"],
                              "government": ["Instansi Pemerintah"]}, rare=("government",),
                             later={"business": ["KORPORAT"]})),
                Column("paket.nama", "tariff", _pick(["Halo+ 50GB", "Simpati Combo 30GB", "IndiHome 50 Mbps",
                                                      "Orbit 100GB", "Halo Bisnis 75GB"])),
                Column("paket.jenisTagihan", "billing_type",
                       _enum({"prepaid": ["Prabayar"], "postpaid": ["Pascabayar"]},
                             later={"prepaid": ["PRA"], "postpaid": ["PASCA"]})),
                Column("paket.layanan", "service_type",
                       _enum({"mobile": ["Seluler"], "mobile_broadband": ["Modem/MiFi"],
                              "fixed_broadband": ["Internet Rumah"], "fixed_line": ["Telepon Rumah"],
                              "iptv": ["TV Interaktif"]}, rare=("fixed_line", "iptv")),
                       renamed="paket.jenisLayanan"),
                Column("status", "status",
                       _enum({"active": ["Aktif"], "suspended": ["Isolir"], "pending": ["Menunggu Aktivasi"],
                              "cancelled": ["Berhenti Berlangganan"]}, rare=("pending",),
                             later={"suspended": ["Diblokir Sementara"], "active": ["AKTIF"]})),
                Column("tanggal.aktivasi", "activation_date", _date("yyyy-MM-dd", "id", 2016, 2026)),
                Column("tanggal.akhirKontrak", "contract_end", _date("yyyy-MM-dd", "id", 2025, 2028, blank=0.45)),
                Column("kontrak.durasiBulan", "commitment_months", _pick(["0", "12", "12", "24"])),
                Column("tagihan.abonemen", "monthly_fee", _pick(["99000", "150000", "235000", "385000", "520000"])),
                Column("kuota.dataGB", "data_allowance_gb", _allowance(["15", "30", "50", "75", "100"])),
                Column("pembayaran.metode", "payment_method",
                       _enum({"direct_debit": ["Autodebet"], "card": ["Kartu Kredit"],
                              "bank_transfer": ["Transfer Bank", "Virtual Account"], "cash": ["Tunai"]},
                             later={"bank_transfer": ["VA"]})),
                Column("roaming", "roaming", _flag("Ya", "Tidak", 0.1)),
                Column("wilayah", None, _pick(["Jawa Timur", "Jawa Timur", "Bali", "Jawa Tengah"])),
            ],
            Column("kodeSales", None, _code("SBY", 100, 199)),
        ),
        (
            "ctn-report-leeds",
            "Telecom",
            "subscriptions",
            "zip;utf-8;comma",
            [
                Column("Conn Ref", "subscription_id", _ident("CN", 7, 880000)),
                Column("CTN", "msisdn", _phone("07999 999999")),
                Column("SIM Serial", "iccid", _iccid("894411")),
                Column("Customer", "customer_name", _pick(UK_CUSTOMERS)),
                Column("Acct Type", "customer_type",
                       _enum({"residential": ["Consumer"], "business": ["SME", "Corporate"],
                              "government": ["Public Sector"]}, rare=("government",), later={"business": ["Corp"]})),
                Column("Tariff", "tariff", _pick(["Business Unlimited 24m", "SIMO 30GB 12m", "Red Business 100GB",
                                                  "Shared Data 500GB Pool", "FTTP 900 Pro"])),
                Column("Pay Type", "billing_type",
                       _enum({"postpaid": ["PAYM"], "prepaid": ["PAYG"], "hybrid": ["Capped"]},
                             rare=("hybrid",), later={"postpaid": ["Pay Monthly"]})),
                Column("Product", "service_type",
                       _enum({"mobile": ["Voice"], "mobile_broadband": ["Data Only"], "fixed_broadband": ["FTTP", "FTTC"],
                              "fixed_line": ["PSTN"]}, rare=("fixed_line",), later={"mobile": ["Voice & Data"]})),
                Column(
                    "Line Status",
                    "status",
                    _enum({"active": ["Live"], "suspended": ["Barred"], "pending": ["Pending Conn"],
                           "cancelled": ["Disconnected"], "ported_out": ["PAC'd Out"]}, rare=("pending", "ported_out"),
                          later={"suspended": ["Barred (Non-Pay)"], "cancelled": ["Disc"]}),
                    renamed="Status",
                ),
                Column("Conn Date", "activation_date", _date("dd/MM/yyyy", "en_GB", 2017, 2026)),
                Column("Contract End", "contract_end", _date("dd/MM/yyyy", "en_GB", 2025, 2029, blank=0.1)),
                Column("Min Term", "commitment_months", _pick(["24", "24", "12", "36", "1"])),
                Column("Line Rental (£)", "monthly_fee", _plain(8, 65)),
                Column("Data Allowance", "data_allowance_gb", _allowance(["30", "100", "250"], "Unlimited", "GB")),
                Column("Payment Method", "payment_method",
                       _enum({"direct_debit": ["DD"], "card": ["Card"], "bank_transfer": ["BACS"],
                              "cash": ["Top-up Voucher"]}, rare=("cash",), later={"direct_debit": ["Direct Debit"]})),
                Column("Roaming", "roaming", _flag("Enabled", "Barred", 0.75)),
                Column("Bolt-ons", None, _pick(["", "", "EU Roam", "500 Intl Mins", "EU Roam; Data 5GB"])),
                Column("Cost Centre", None, _pick(["CC100 Sales", "CC200 Ops", "CC300 Field"])),
            ],
            Column("PAC", None, lambda rng, _: "" if rng.random() < 0.9 else
                   "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(3)) + str(rng.randrange(100000, 999999))),
        ),
    ]


def _timesheets() -> list[Spec]:
    return [
        (
            "peymankar-tehran",
            "Construction",
            "timesheets",
            "xlsx",
            [
                Column("ردیف", None, _row_no),
                Column("شماره برگه", "entry_id", _ident("", 6, 140400)),
                Column("کد پرسنلی", "worker_id", _code("", 1200, 1290)),
                Column("نام و نام خانوادگی", "worker_name", _pick(FA_WORKERS)),
                Column("کارگاه", "site", _pick(["پروژه برج ونک", "کارگاه مسکونی پردیس", "پل کرج - قطعه ۲"])),
                Column("تاریخ", "work_date", _jalali_day(2025)),
                Column(
                    "تخصص",
                    "trade",
                    _enum({"carpenter": ["قالب‌بند"], "bricklayer": ["بنا"], "electrician": ["برقکار"],
                           "plumber": ["لوله‌کش"], "labourer": ["کارگر ساده"], "steel_fixer": ["آرماتوربند"],
                           "machine_operator": ["راننده لودر", "اپراتور جرثقیل"], "scaffolder": ["داربست‌بند"]},
                          rare=("scaffolder",), later={"labourer": ["کارگر"]}),
                    renamed="رسته شغلی",
                ),
                Column("مهارت", "qualification",
                       _enum({"apprentice": ["شاگرد"], "unskilled": ["ساده"], "skilled": ["ماهر"], "master": ["استادکار"]},
                             rare=("master",))),
                Column("نوع همکاری", "employer_type",
                       _enum({"own_staff": ["مستقیم"], "subcontractor": ["پیمانکار جزء"], "agency": ["نیروی شرکتی"]},
                             later={"subcontractor": ["پیمانکار"]})),
                Column("وضعیت", "day_type",
                       _enum({"worked": ["حاضر"], "sick": ["مرخصی استعلاجی"], "vacation": ["مرخصی"],
                              "weather": ["تعطیلی به علت آب و هوا"], "training": ["آموزش"],
                              "public_holiday": ["تعطیل رسمی"]},
                             rare=("weather", "training", "sick", "vacation", "public_holiday"))),
                Column("کارکرد عادی (ساعت)", "regular_hours", _pick(["8", "8", "8", "7.33", "4"])),
                Column("اضافه کار (ساعت)", "overtime_hours", _pick(["0", "0", "2", "3", "4"])),
                Column("نرخ ساعتی (ریال)", "hourly_rate", _num("en", 450_000, 1_500_000, digits=0)),
                Column("سرپرست", "foreman", _pick(["مهندس کاظمی", "مهندس یزدانی", "اوستا رحمان"])),
                Column("کد فعالیت", "cost_code", _code("C-0", 100, 480)),
                Column("تایید", "approved", _flag("بله", "خیر", 0.8)),
                Column("شماره بیمه", None, _digits(10)),
            ],
            Column("توضیحات", None, _pick(["", "", "شیفت شب", "تاخیر ورود"])),
        ),
        (
            "stavby-brno",
            "Construction",
            "timesheets",
            "csv;cp1250;semicolon",
            [
                Column("Číslo výkazu", "entry_id", _ident("VP25/", 5, 1200)),
                Column("Os. číslo", "worker_id", _code("", 3100, 3190)),
                Column("Příjmení a jméno", "worker_name", _pick(CS_WORKERS)),
                Column("Stavba", "site", _pick(["ST-2307 Bytový dům Lesná", "ST-2311 Rekonstrukce ZŠ Kotlářská",
                                                "ST-2402 Hala Modřice"])),
                Column("Datum", "work_date", _day("d. M. yyyy", "cs", 2025)),
                Column(
                    "Profese",
                    "trade",
                    _enum({"carpenter": ["Tesař"], "bricklayer": ["Zedník"], "electrician": ["Elektrikář"],
                           "plumber": ["Instalatér"], "labourer": ["Pomocný dělník"], "steel_fixer": ["Železář"],
                           "machine_operator": ["Strojník"], "scaffolder": ["Lešenář"]},
                          rare=("scaffolder",), later={"labourer": ["Pom. dělník"]}),
                    renamed="Pracovní pozice",
                ),
                Column("Kvalifikace", "qualification",
                       _enum({"skilled": ["Vyučen"], "unskilled": ["Bez vyučení"], "apprentice": ["Učeň"],
                              "master": ["Mistr oboru"]}, rare=("master", "apprentice"))),
                Column("Pracovní poměr", "employer_type",
                       _enum({"own_staff": ["HPP"], "subcontractor": ["Subdodávka"], "agency": ["Agenturní"]},
                             later={"subcontractor": ["OSVČ"]})),
                Column("Typ docházky", "day_type",
                       _enum({"worked": ["Práce"], "sick": ["Nemoc"], "vacation": ["Dovolená"],
                              "weather": ["Nepříznivé počasí"], "training": ["Školení"], "public_holiday": ["Svátek"]},
                             rare=("weather", "training", "public_holiday", "sick"), later={"sick": ["PN"]})),
                Column("Hodiny", "regular_hours", _pick(["8,0", "8,0", "8,0", "7,5", "10,0", "4,0"])),
                Column("Přesčasy", "overtime_hours", _pick(["", "", "0,0", "1,0", "2,0", "1,5"])),
                Column("Hod. sazba (Kč)", "hourly_rate", _num("cs", 180, 420)),
                Column("Mistr", "foreman", _pick(["Horák M.", "Kučera J.", "Pokorný R."])),
                Column("Kód činnosti", "cost_code", _pick(["301 Bednění", "302 Betonáž", "410 Zdění", "520 Elektro",
                                                           "530 ZTI"])),
                Column("Schváleno", "approved", _flag("Ano", "Ne", 0.85)),
                Column("Středisko", None, _pick(["100", "200", "300"])),
            ],
            Column("Poznámka", None, _pick(["", "", "přesun na jinou stavbu", "nářadí"])),
        ),
        (
            "verktaki-reykjavik",
            "Construction",
            "timesheets",
            "xml",
            [
                Column("@faersla", "entry_id", _ident("F-", 6, 51000)),
                Column("Starfsmadur", "worker_name", _pick(IS_WORKERS)),
                Column("Starfsmadur/@kennitala", "worker_id", _kennitala),
                Column("Verk", "site", _pick(["V-2511 Hafnartorg", "V-2504 Meðferðarkjarni", "V-2520 Hringbraut 12"])),
                Column("Verk/@verkthattur", "cost_code", _pick(["2.14", "2.31", "3.05", "4.12", "6.40"])),
                Column("Dagsetning", "work_date", _day("dd.MM.yyyy", "is", 2025)),
                Column(
                    "Idngrein",
                    "trade",
                    _enum({"carpenter": ["Húsasmiður"], "bricklayer": ["Múrari"], "electrician": ["Rafvirki"],
                           "plumber": ["Pípari"], "labourer": ["Verkamaður"], "steel_fixer": ["Járnamaður"],
                           "machine_operator": ["Vélamaður"]}, later={"carpenter": ["Smiður"]}),
                ),
                Column("Rettindi", "qualification",
                       _enum({"skilled": ["Sveinn"], "master": ["Meistari"], "apprentice": ["Nemi"],
                              "unskilled": ["Ófaglærður"]}, rare=("master",), later={"skilled": ["Sveinspróf"]})),
                Column("Radning", "employer_type",
                       _enum({"own_staff": ["Fastráðinn"], "subcontractor": ["Undirverktaki"],
                              "agency": ["Starfsmannaleiga"]})),
                Column(
                    "Tegund",
                    "day_type",
                    _enum({"worked": ["Vinna"], "sick": ["Veikindi"], "vacation": ["Orlof"], "weather": ["Veðurtafir"],
                           "training": ["Námskeið"], "public_holiday": ["Helgidagur"]},
                          rare=("weather", "training", "public_holiday", "sick")),
                    renamed="TegundDags",
                ),
                Column("Dagvinna", "regular_hours", _pick(["8,00", "8,00", "8,00", "7,20", "4,00"])),
                Column("Yfirvinna", "overtime_hours", _pick(["0,00", "0,00", "1,00", "2,00", "3,50"])),
                Column("Taxti", "hourly_rate", _num("is", 3800, 7200, digits=0)),
                Column("Verkstjori", "foreman", _pick(["Guðmundur Árnason", "Baldur Hauksson", "Þórir Ragnarsson"])),
                Column("Samthykkt", "approved", _flag("Já", "Nei", 0.8)),
                Column("Matartimi", None, _pick(["0,50", "0,50", "1,00"])),
            ],
            Column("Athugasemd", None, _pick(["", "", "steypa", "kranabíll"])),
        ),
        (
            "geonseol-incheon",
            "Construction",
            "timesheets",
            "csv;cp949;comma",
            [
                Column("번호", None, _row_no),
                Column("출역번호", "entry_id", _ident("2025-", 5, 8100)),
                Column("사번", "worker_id", _code("K", 20100, 20190)),
                Column("성명", "worker_name", _pick(KO_WORKERS)),
                Column("현장명", "site", _pick(["송도 A3블록 신축공사", "청라 물류센터 신축공사", "부평 재개발 2공구"])),
                Column("출역일", "work_date", _day("yyyy.MM.dd", "ko", 2025)),
                Column(
                    "직종",
                    "trade",
                    _enum({"carpenter": ["형틀목공"], "bricklayer": ["조적공"], "electrician": ["전기공"],
                           "plumber": ["배관공"], "labourer": ["보통인부"], "steel_fixer": ["철근공"],
                           "machine_operator": ["장비기사"], "scaffolder": ["비계공"]},
                          rare=("scaffolder",), later={"labourer": ["보통 인부"]}),
                    renamed="직종명",
                ),
                Column("숙련도", "qualification",
                       _enum({"skilled": ["기능공"], "apprentice": ["견습공"], "unskilled": ["일반공"]})),
                Column("소속", "employer_type",
                       _enum({"own_staff": ["직영"], "subcontractor": ["협력업체"], "agency": ["용역"]},
                             later={"subcontractor": ["협력사"]})),
                Column("구분", "day_type",
                       _enum({"worked": ["출역"], "sick": ["병가"], "vacation": ["연차"], "weather": ["우천휴무"],
                              "training": ["안전교육"], "public_holiday": ["공휴일"]},
                             rare=("sick", "vacation", "training", "public_holiday", "weather"))),
                Column("공수", None, _pick(["1.0", "1.0", "1.0", "1.5", "0.5"])),
                Column("정상근무(시간)", "regular_hours", _pick(["8", "8", "8", "4"])),
                Column("연장근무(시간)", "overtime_hours", _pick(["0", "0", "2", "4"])),
                Column("시급", "hourly_rate", _num("ko", 11_000, 32_000, digits=0)),
                Column("반장", "foreman", _pick(["박철수", "이상훈", "오병철"])),
                Column("공종코드", "cost_code", lambda rng, _: f"A-{rng.randrange(1, 9):02d}-{rng.randrange(1, 40):03d}"),
                Column("확인", "approved", _flag("O", "X", 0.85)),
            ],
            Column("비고", None, _pick(["", "", "조퇴", "야간작업"])),
        ),
        (
            "rakennus-tampere",
            "Construction",
            "timesheets",
            "csv;utf-8;tab",
            [
                Column("Rivi-ID", "entry_id", _ident("", 7, 4400000)),
                Column("Henkilönro", "worker_id", _code("", 5100, 5199)),
                Column("Nimi", "worker_name", _pick(FI_WORKERS)),
                Column("Veronumero", None, _digits(12)),
                Column("Työmaa", "site", _pick(["TM-4512 As Oy Tampereen Ranta", "TM-4520 Hervannan koulu",
                                                "TM-4531 Kalevan kuntokeskus"])),
                Column("Pvm", "work_date", _day("d.M.yyyy", "fi", 2025)),
                Column(
                    "Ammatti",
                    "trade",
                    _enum({"carpenter": ["Kirvesmies"], "bricklayer": ["Muurari"], "electrician": ["Sähköasentaja"],
                           "plumber": ["Putkiasentaja"], "labourer": ["Apumies"], "steel_fixer": ["Raudoittaja"],
                           "machine_operator": ["Koneenkuljettaja"], "scaffolder": ["Telinerakentaja"]},
                          rare=("scaffolder",), later={"carpenter": ["Kirves"]}),
                ),
                Column("Työsuhde", "employer_type",
                       _enum({"own_staff": ["Oma"], "subcontractor": ["Aliurakoitsija"], "agency": ["Vuokratyö"]},
                             later={"subcontractor": ["AU"]}),
                       renamed="Työsuhteen laji"),
                Column("Päivätyyppi", "day_type",
                       _enum({"worked": ["Työ"], "sick": ["Sairaus"], "vacation": ["Vuosiloma"], "weather": ["Sääeste"],
                              "training": ["Koulutus"], "public_holiday": ["Arkipyhä"]},
                             rare=("weather", "training", "public_holiday", "sick"), later={"vacation": ["Loma"]})),
                Column("Norm. h", "regular_hours", _pick(["8", "8", "8", "7,5", "4"])),
                Column("Ylityö h", "overtime_hours", _pick(["", "", "0", "1", "2", "1,5"])),
                Column("Tuntipalkka €", "hourly_rate", _num("fi", 15, 28)),
                Column("Työnjohtaja", "foreman", _pick(["Lehtonen K.", "Saarinen P.", "Heikkinen T."])),
                Column("Nimike", "cost_code", _pick(["1222 Raudoitus", "1231 Muottityö", "1411 Muuraus",
                                                     "2510 Sähkötyöt", "2410 Putkityöt"])),
                Column("Hyväksytty", "approved", _flag("K", "E", 0.85)),
                Column("Päiväraha", None, _pick(["", "", "Osapäiväraha", "Kokopäiväraha"])),
            ],
            Column("Km", None, _pick(["", "", "24", "56"])),
        ),
    ]


def _specs() -> list[Spec]:
    return [*_subscriptions(), *_timesheets()]


SEPARATORS = {"semicolon": ";", "comma": ",", "tab": "\t", "pipe": "|"}


def _as_zip(frame: pl.DataFrame, encoding: str, separator: str) -> pl.DataFrame:
    """A delivery as a CSV member of a zip archive (a monthly report as it is mailed)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "CTN_Report.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("CTN_Report_Monthly.csv", csv_text(frame, separator).encode(encoding))
        return extracted(path)


def _as_notes_book(frame: pl.DataFrame, notes: list[str]) -> pl.DataFrame:
    """A delivery as a workbook whose first sheet holds notes and whose second holds the
    data, header in the first row, all cells text."""
    import xlsxwriter

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "delivery.xlsx"
        book = xlsxwriter.Workbook(str(path))
        first = book.add_worksheet("หมายเหตุ")
        for r, line in enumerate(notes):
            first.write_string(r, 0, line)
        sheet = book.add_worksheet("ข้อมูล")
        for c, header in enumerate(frame.columns):
            sheet.write_string(0, c, header)
            for r, v in enumerate(frame[header].to_list()):
                if v:
                    sheet.write_string(1 + r, c, v)
        book.close()
        return extracted(path)


def _reread(built: list[Partner], writers: dict[str, Callable[[pl.DataFrame], pl.DataFrame]]) -> list[Partner]:
    """The deliveries of the partners in ``writers`` written as their files and read back
    by feedline's extractor, the truth following the columns and values it reads."""
    for p in built:
        if p.name not in writers:
            continue
        for k, d in enumerate(p.deliveries):
            frame = writers[p.name](d.frame)
            if frame.width != d.frame.width:
                raise ValueError(f"{p.name} {d.name}: {frame.width} columns read, {d.frame.width} written")
            truth = {new: d.columns[old] for old, new in zip(d.frame.columns, frame.columns, strict=True)}
            enums = dict(d.enums)
            for old, new in zip(d.frame.columns, frame.columns, strict=True):
                key = d.columns[old]
                if key in d.enums:  # the values as read (a file decoded in another code page)
                    enums[key] = {v: d.enums[key][o] for o, v in zip(d.frame[old], frame[new], strict=True)
                                  if o.strip() and v is not None}
            p.deliveries[k] = Delivery(d.name, frame, truth, enums)
    return built


def partners() -> list[Partner]:
    """Every partner of this set with three deliveries (d1, d2, d3)."""
    specs = _specs()
    writers: dict[str, Callable[[pl.DataFrame], pl.DataFrame]] = {}
    for s in specs:
        kind, _, rest = s[3].partition(";")
        if kind == "xlsx+notes":
            writers[s[0]] = lambda f: _as_notes_book(f, THAI_NOTES)
        elif rest:
            encoding, sep = rest.split(";")
            if kind == "zip":
                writers[s[0]] = lambda f, e=encoding, c=SEPARATORS[sep]: _as_zip(f, e, c)
            else:
                writers[s[0]] = lambda f, e=encoding, c=SEPARATORS[sep]: _as_file(f, e, c)
    built = build([(n, bp, sl, lay.partition(";")[0], cols, ex) for n, bp, sl, lay, cols, ex in specs],
                  parse_blueprints(BLUEPRINTS), seed=13000)
    return _reread(built, writers)


def main(argv: list[str] | None = None) -> int:
    return show_partners(__doc__, partners(), argv)


if __name__ == "__main__":
    raise SystemExit(main())
