"""An eighth development set, HR and logistics exports from companies of many countries: a check.

Usage: ``python bench/devset8.py [--show]`` (prints each partner's headers and values).

Two blueprints of its own (an HR ``employees`` sheet and a logistics ``shipments`` sheet,
written without reading the first development set's HR and logistics partners) and ten
partners as their systems export them. Employees: a German Personio-style workbook
(``Personalnummer``, ``Eintrittsdatum``, ``Beschäftigungsart``: ``Vollzeit``/``VZ``), a French
payroll CSV in cp1252 (``Matricule``, ``Nature du contrat``: ``CDI``/``CDD``, ``Civilité`` as
the only word of sex), an SAP HCM table extract in English system codes, tab separated
(``PERNR``, ``VORNA``, ``GBDAT``, ``ENDDA`` = ``99991231``, ``STAT2`` = ``3``, ``GESCH`` =
``1``/``2``, ``ABKRS`` payroll areas ``M1``/``B1``), a Vietnamese HR system's JSON with ASCII
camelCase keys (``hoDem``, ``ngayVaoLam``, ``HĐKXĐTH``) and a Kenyan Swahili CSV (``Jina la
Ukoo``, ``Tarehe ya Kuajiriwa``, ``Me``/``Ke``). Shipments: a Spanish carrier's XML (elements
and attributes, ``Palé``, ``Incidencia``), an Italian forwarder's semicolon CSV with a
byte-order mark (``Lettera di vettura``, ``Colli``, ``Resa``: ``Franco fabbrica``,
``Giacenza``), a Dutch forwarder's nested JSON with EDI-style codes (``DLV``, ``POD``,
``OFD``, ``PLT``, ``CTN``, ``CIF Rotterdam``), a Turkish cargo workbook (``Teslim alındı``
against ``Teslim edildi``, ``Desi``) and an Indian warehouse's CSV with romanized Hindi
headers (``Khep Sankhya``, ``Preshan Tithi``, ``Vahak``, ``RTO``, lakh-grouped rupees).
Values as such exports write them: local dates and numbers, native-language enum labels,
initials and abbreviations, system codes, labels with qualifiers.

It was written and measured once before any change it may prompt; that first measurement
is the check (later figures are not, since later work may see its failures). It was
written without reading feedline's word lists or mapping rules. Nothing here is read by
``feedline/`` or by calibration. Deliveries behave as in ``devset2``: ``d2`` brings new
rows and other spellings of values already seen, ``d3`` renames a column, adds one and
shuffles.
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
    _date,
    _enum,
    _flag,
    _ident,
    _int,
    _num,
    _pick,
    _plain,
    build,
    parse_blueprints,
)
from devset5 import _day
from devset7 import _digits, _mail, _phone, _row_no, read_back
from learning_sim import Partner, show_partners

BLUEPRINTS = """
- name: People
  sheets:
    - slug: employees
      name: Employees
      fields:
        - {key: employee_no, label: Employee Number, type: string, constraints: [{type: required}, {type: unique}]}
        - {key: first_name, label: First Name, type: string, constraints: [{type: required}]}
        - {key: last_name, label: Last Name, type: string, constraints: [{type: required}]}
        - {key: work_email, label: Work Email, type: string, constraints: [{type: unique}]}
        - {key: phone, label: Phone Number, type: string}
        - {key: birth_date, label: Date of Birth, type: date}
        - {key: hire_date, label: Hire Date, type: date, constraints: [{type: required}]}
        - {key: termination_date, label: Termination Date, type: date}
        - key: department
          label: Department
          type: enum
          options: [{value: finance, label: Finance}, {value: hr, label: Human Resources},
                    {value: it, label: Information Technology}, {value: sales, label: Sales},
                    {value: operations, label: Operations}, {value: marketing, label: Marketing}]
        - {key: job_title, label: Job Title, type: string}
        - key: employment_type
          label: Employment Type
          type: enum
          options: [{value: full_time, label: Full-time}, {value: part_time, label: Part-time},
                    {value: intern, label: Intern}, {value: contractor, label: Contractor}]
        - key: contract_type
          label: Contract Type
          type: enum
          options: [{value: permanent, label: Permanent}, {value: fixed_term, label: Fixed-term},
                    {value: apprenticeship, label: Apprenticeship}]
        - key: work_location
          label: Work Location
          type: enum
          options: [{value: office, label: Office}, {value: remote, label: Remote}, {value: hybrid, label: Hybrid}]
        - key: status
          label: Employment Status
          type: enum
          constraints: [{type: required}]
          options: [{value: active, label: Active}, {value: on_leave, label: On Leave},
                    {value: terminated, label: Terminated}]
        - {key: base_salary, label: Base Salary, type: number}
        - key: currency
          label: Salary Currency
          type: enum
          options: [{value: EUR, label: Euro}, {value: USD, label: US Dollar}, {value: GBP, label: Pound Sterling},
                    {value: VND, label: Vietnamese Dong}, {value: KES, label: Kenyan Shilling}]
        - key: pay_frequency
          label: Pay Frequency
          type: enum
          options: [{value: monthly, label: Monthly}, {value: biweekly, label: Every Two Weeks},
                    {value: weekly, label: Weekly}]
        - {key: manager, label: Line Manager, type: string}
        - {key: country, label: Country of Work, type: string}
        - key: gender
          label: Gender
          type: enum
          options: [{value: female, label: Female}, {value: male, label: Male}, {value: diverse, label: Diverse}]
- name: Logistics
  sheets:
    - slug: shipments
      name: Shipments
      fields:
        - {key: shipment_no, label: Shipment Number, type: string, constraints: [{type: required}, {type: unique}]}
        - {key: tracking_no, label: Tracking Number, type: string}
        - {key: order_ref, label: Order Reference, type: string}
        - {key: ship_date, label: Ship Date, type: date, constraints: [{type: required}]}
        - {key: delivery_date, label: Delivery Date, type: date}
        - {key: carrier, label: Carrier, type: string}
        - key: service_level
          label: Service Level
          type: enum
          options: [{value: same_day, label: Same Day}, {value: express, label: Express},
                    {value: standard, label: Standard}, {value: economy, label: Economy}]
        - key: status
          label: Shipment Status
          type: enum
          constraints: [{type: required}]
          options: [{value: booked, label: Booked}, {value: picked_up, label: Picked Up},
                    {value: in_transit, label: In Transit}, {value: out_for_delivery, label: Out for Delivery},
                    {value: delivered, label: Delivered}, {value: exception, label: Exception},
                    {value: returned, label: Returned to Sender}]
        - key: transport_mode
          label: Transport Mode
          type: enum
          options: [{value: road, label: Road}, {value: air, label: Air}, {value: sea, label: Sea},
                    {value: rail, label: Rail}]
        - key: package_type
          label: Package Type
          type: enum
          options: [{value: pallet, label: Pallet}, {value: carton, label: Carton}, {value: crate, label: Crate},
                    {value: envelope, label: Envelope}]
        - key: incoterm
          label: Incoterm
          type: enum
          options: [{value: EXW, label: Ex Works}, {value: FCA, label: Free Carrier}, {value: FOB, label: Free On Board},
                    {value: CIF, label: "Cost, Insurance and Freight"}, {value: DAP, label: Delivered at Place},
                    {value: DDP, label: Delivered Duty Paid}]
        - {key: origin_country, label: Origin Country, type: string}
        - {key: destination_country, label: Destination Country, type: string}
        - {key: gross_weight, label: Gross Weight (kg), type: number}
        - {key: volume, label: Volume (m3), type: number}
        - {key: pieces, label: Number of Pieces, type: number}
        - {key: declared_value, label: Declared Value, type: number}
        - key: currency
          label: Currency
          type: enum
          options: [{value: EUR, label: Euro}, {value: USD, label: US Dollar}, {value: TRY, label: Turkish Lira},
                    {value: INR, label: Indian Rupee}]
        - {key: consignee, label: Consignee Name, type: string, constraints: [{type: required}]}
        - {key: city, label: Destination City, type: string}
        - {key: postal_code, label: Destination Postal Code, type: string}
        - {key: dangerous_goods, label: Dangerous Goods, type: boolean}
"""

DE_FIRST = ["Anna", "Lukas", "Sophie", "Maximilian", "Lea", "Jonas", "Katharina", "Florian", "Julia", "Tobias"]
DE_LAST = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Schäfer"]
FR_FIRST = ["Camille", "Julien", "Manon", "Nicolas", "Léa", "Thomas", "Chloé", "Mathieu", "Inès", "Antoine"]
FR_LAST = ["MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND", "LEROY", "MOREAU"]
US_FIRST = ["JOHN", "MARY", "ROBERT", "PATRICIA", "MICHAEL", "JENNIFER", "DAVID", "LINDA", "JAMES", "SUSAN"]
US_LAST = ["SMITH", "JOHNSON", "WILLIAMS", "BROWN", "JONES", "GARCIA", "MILLER", "DAVIS", "WILSON", "TAYLOR"]
VI_FAMILY = ["Nguyễn Văn", "Trần Thị", "Lê Hoàng", "Phạm Minh", "Hoàng Thị", "Vũ Đức", "Đặng Thu", "Bùi Quang"]
VI_GIVEN = ["An", "Bình", "Hương", "Dũng", "Lan", "Tuấn", "Hà", "Minh", "Trang", "Phúc"]
VI_LATIN = ["an.nv", "binh.tt", "huong.lh", "dung.pm", "lan.ht", "tuan.vd", "ha.dt", "minh.bq"]
SW_FIRST = ["Wanjiru", "Otieno", "Akinyi", "Kamau", "Njeri", "Mwangi", "Achieng", "Kiprop", "Zawadi", "Baraka"]
SW_LAST = ["Kariuki", "Odhiambo", "Mutua", "Wambui", "Kipchoge", "Omondi", "Chebet", "Njoroge", "Mwakilema"]
ES_CO = ["Ferretería López S.L.", "Distribuciones Martín S.A.", "Talleres Ibarra S.L.", "Farmacia Ruiz",
         "Muebles Gómez e Hijos", "Supermercados Ebro S.A."]
IT_CO = ["Rossi S.r.l.", "Bianchi & Figli S.n.c.", "Ferramenta Colombo", "Esposito Arredamenti S.p.A.",
         "Ricci Alimentari S.r.l.", "Gallo Meccanica"]
NL_CO = ["Bakker Techniek B.V.", "Van Dijk Groothandel", "Janssen Logistics NV", "De Boer Installaties B.V.",
         "Visser & Zn.", "Smit Retail B.V."]
TR_CO = ["Yılmaz Tekstil A.Ş.", "Demir Otomotiv Ltd. Şti.", "Kaya Gıda San. ve Tic.", "Çelik Mobilya",
         "Şahin Elektronik A.Ş.", "Öztürk Yapı Malz."]
IN_CO = ["Sharma Traders", "Gupta Electricals Pvt Ltd", "Patel Kirana Store", "Singh Auto Parts",
         "Reddy Pharma Distributors", "Mehta Textiles"]


def _cp1252(make: Callable[[random.Random, int], str]) -> Callable[[random.Random, int], str]:
    """French thousands as a cp1252 file writes them: a no-break space, not babel's narrow one."""
    return lambda rng, i: make(rng, i).replace("\u202f", "\xa0")


def _sap_end(rng: random.Random, _: int) -> str:
    """SAP's end date: ``99991231`` while the person is employed, a date after."""
    if rng.random() < 0.85:
        return "99991231"
    return f"2025{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}"


def _employees() -> list[Spec]:
    return [
        (
            "personio-muenchen",
            "People",
            "employees",
            "xlsx",
            [
                Column("Personalnummer", "employee_no", _ident("", 5, 10100)),
                Column("Nachname", "last_name", _pick(DE_LAST)),
                Column("Vorname", "first_name", _pick(DE_FIRST)),
                Column("E-Mail (geschäftlich)", "work_email", _mail(["a.mueller", "l.schmidt", "s.weber", "j.becker"],
                                                                   "firma.de")),
                Column("Telefon mobil", "phone", _phone("+49 151 99999999")),
                Column("Geburtsdatum", "birth_date", _date("dd.MM.yyyy", "de", 1962, 2004)),
                Column("Eintrittsdatum", "hire_date", _date("dd.MM.yyyy", "de", 2008, 2026)),
                Column("Austrittsdatum", "termination_date", _date("dd.MM.yyyy", "de", 2025, 2027, blank=0.85)),
                Column(
                    "Abteilung",
                    "department",
                    _enum({"finance": ["Finanzen", "Buchhaltung"], "hr": ["Personal"], "it": ["IT"],
                           "sales": ["Vertrieb"], "operations": ["Produktion"], "marketing": ["Marketing"]},
                          later={"hr": ["Personalwesen"], "sales": ["VERTRIEB"]}),
                ),
                Column("Position", "job_title", _pick(["Sachbearbeiter/in Buchhaltung", "Personalreferent/in",
                                                       "Softwareentwickler/in", "Key Account Manager/in",
                                                       "Schichtleiter/in"])),
                Column(
                    "Beschäftigungsart",
                    "employment_type",
                    _enum({"full_time": ["Vollzeit"], "part_time": ["Teilzeit"], "intern": ["Werkstudent", "Praktikant"],
                           "contractor": ["Freier Mitarbeiter"]}, rare=("contractor",),
                          later={"full_time": ["VZ"], "part_time": ["TZ"]}),
                ),
                Column("Vertragsart", "contract_type",
                       _enum({"permanent": ["unbefristet"], "fixed_term": ["befristet"], "apprenticeship": ["Ausbildung"]},
                             rare=("apprenticeship",))),
                Column(
                    "Arbeitsort",
                    "work_location",
                    _enum({"office": ["Büro"], "remote": ["Homeoffice"], "hybrid": ["Hybrid"]},
                          later={"remote": ["Home-Office"]}),
                    renamed="Arbeitsmodell",
                ),
                Column("Status", "status", _enum({"active": ["aktiv"], "on_leave": ["ruhend", "Elternzeit"],
                                                  "terminated": ["ausgeschieden"]}, rare=("on_leave",),
                                                 later={"active": ["Aktiv"]})),
                Column("Jahresbrutto (€)", "base_salary", _num("de", 38000, 95000)),
                Column("Vorgesetzte/r", "manager", _pick(["Huber, Anna", "Bauer, Markus", "Koch, Sabine"])),
                Column("Land", "country", _pick(["Deutschland", "Deutschland", "Österreich"])),
                Column("Geschlecht", "gender", _enum({"male": ["männlich"], "female": ["weiblich"], "diverse": ["divers"]},
                                                     rare=("diverse",), later={"male": ["m"], "female": ["w"]})),
            ],
            Column("Kostenstelle", None, _pick(["4100", "4200", "5300", "6100"])),
        ),
        (
            "rh-lyon-paie",
            "People",
            "employees",
            "csv;cp1252;semicolon",
            [
                Column("Matricule", "employee_no", _ident("M", 5, 300)),
                Column("Nom", "last_name", _pick(FR_LAST)),
                Column("Prénom", "first_name", _pick(FR_FIRST)),
                Column("Adresse e-mail", "work_email", _mail(["c.martin", "j.bernard", "m.dubois", "n.petit"],
                                                            "societe.fr")),
                Column("N° de téléphone", "phone", _phone("06 99 99 99 99")),
                Column("Date de naissance", "birth_date", _date("dd/MM/yyyy", "fr", 1962, 2004)),
                Column("Date d'entrée", "hire_date", _date("dd/MM/yyyy", "fr", 2005, 2026)),
                Column("Date de sortie", "termination_date", _date("dd/MM/yyyy", "fr", 2025, 2027, blank=0.85)),
                Column(
                    "Service",
                    "department",
                    _enum({"finance": ["Comptabilité"], "hr": ["RH"], "it": ["DSI"], "sales": ["Commercial"],
                           "operations": ["Exploitation"], "marketing": ["Marketing"]},
                          later={"hr": ["Ressources humaines"], "it": ["D.S.I."]}),
                ),
                Column("Emploi", "job_title", _pick(["Comptable", "Chargé(e) de recrutement", "Technicien support",
                                                     "Commercial terrain", "Chef d'équipe"])),
                Column(
                    "Temps de travail",
                    "employment_type",
                    _enum({"full_time": ["Temps complet"], "part_time": ["Temps partiel"], "intern": ["Stagiaire"]},
                          rare=("intern",), later={"full_time": ["TC"], "part_time": ["TP"]}),
                ),
                Column(
                    "Nature du contrat",
                    "contract_type",
                    _enum({"permanent": ["CDI"], "fixed_term": ["CDD"], "apprenticeship": ["Apprentissage",
                                                                                        "Contrat pro"]},
                          rare=("apprenticeship",), later={"permanent": ["C.D.I."]}),
                ),
                Column("Télétravail", "work_location",
                       _enum({"office": ["Sur site"], "remote": ["Télétravail total"],
                              "hybrid": ["Télétravail partiel"]})),
                Column(
                    "Situation",
                    "status",
                    _enum({"active": ["Actif"], "on_leave": ["Congé parental", "Arrêt maladie"], "terminated": ["Sorti"]},
                          rare=("on_leave",), later={"terminated": ["sorti"]}),
                    renamed="Statut salarié",
                ),
                Column("Salaire de base mensuel", "base_salary", _cp1252(_num("fr", 1800, 5200))),
                Column("Responsable hiérarchique", "manager", _pick(["Mme DUBOIS", "M. LEROY", "Mme FAURE"])),
                Column("Pays", "country", _pick(["France"])),
                Column("Civilité", "gender", _enum({"male": ["M."], "female": ["Mme"]}, later={"female": ["Madame"]})),
            ],
            Column("N° Sécurité sociale", None, _digits(15)),
        ),
        (
            "sap-hcm-pa-extract",
            "People",
            "employees",
            "csv;utf-8;tab",
            [
                Column("PERNR", "employee_no", _ident("", 8, 100400)),
                Column("NACHN", "last_name", _pick(US_LAST)),
                Column("VORNA", "first_name", _pick(US_FIRST)),
                Column("USRID_LONG", "work_email", _mail(["jsmith", "mjohnson", "rwilliams", "pbrown"], "corp.com")),
                Column("TELNR", "phone", _phone("312-999-9999")),
                Column("GBDAT", "birth_date", _date("yyyyMMdd", "en", 1960, 2004)),
                Column("BEGDA", "hire_date", _date("yyyyMMdd", "en", 2000, 2026)),
                Column("ENDDA", "termination_date", _sap_end),
                Column("ORGTX", "department",
                       _enum({"finance": ["FIN"], "hr": ["HR"], "it": ["IT"], "sales": ["SLS"], "operations": ["OPS"],
                              "marketing": ["MKT"]})),
                Column("PLSTX", "job_title", _pick(["Sr. Accountant", "HR Bus. Partner", "SW Eng. II", "Acct Exec",
                                                    "Ops Supv."])),
                Column(
                    "PERSK",
                    "employment_type",
                    _enum({"full_time": ["FT-SAL", "FT-HRLY"], "part_time": ["PT-HRLY"], "intern": ["INTRN"],
                           "contractor": ["CONTR"]}, rare=("intern", "contractor"), later={"full_time": ["ft-sal"]}),
                ),
                Column("CTTYP", "contract_type", _enum({"permanent": ["01"], "fixed_term": ["02"],
                                                        "apprenticeship": ["03"]}, rare=("apprenticeship",))),
                Column("WORK_ARR", "work_location",
                       _enum({"office": ["ONSITE"], "remote": ["REMOTE"], "hybrid": ["HYBRID"]},
                             later={"office": ["On-site"]}), renamed="WRK_ARRANGEMENT"),
                Column("STAT2", "status", _enum({"active": ["3"], "on_leave": ["1"], "terminated": ["0"]},
                                                rare=("on_leave",))),
                Column("ANSAL", "base_salary", _plain(55000, 180000)),
                Column("WAERS", "currency", _enum({"USD": ["USD"], "EUR": ["EUR"], "GBP": ["GBP"]}, rare=("GBP",))),
                Column("ABKRS", "pay_frequency", _enum({"biweekly": ["B1"], "monthly": ["M1"], "weekly": ["W1"]},
                                                       rare=("weekly",))),
                Column("MGR_PERNR", "manager", _code("00", 100400, 100420, 6)),
                Column("LAND1", "country", _pick(["US", "US", "US", "DE", "GB"])),
                Column("GESCH", "gender", _enum({"male": ["1"], "female": ["2"]})),
            ],
            Column("BUKRS", None, _pick(["1000", "2000", "3000"])),
        ),
        (
            "nhansu-hanoi",
            "People",
            "employees",
            "json",
            [
                Column("nhanVien.maNV", "employee_no", _ident("NV", 4, 1)),
                Column("nhanVien.hoDem", "last_name", _pick(VI_FAMILY)),
                Column("nhanVien.ten", "first_name", _pick(VI_GIVEN)),
                Column("lienHe.email", "work_email", _mail(VI_LATIN, "congty.vn")),
                Column("lienHe.soDienThoai", "phone", _phone("09 9999 9999")),
                Column("nhanVien.ngaySinh", "birth_date", _date("dd/MM/yyyy", "vi", 1968, 2004)),
                Column("hopDong.ngayVaoLam", "hire_date", _date("dd/MM/yyyy", "vi", 2010, 2026)),
                Column("hopDong.ngayNghiViec", "termination_date", _date("dd/MM/yyyy", "vi", 2025, 2027, blank=0.9)),
                Column(
                    "congViec.phongBan",
                    "department",
                    _enum({"finance": ["Phòng Tài chính - Kế toán"], "hr": ["Phòng Nhân sự"], "it": ["Phòng CNTT"],
                           "sales": ["Phòng Kinh doanh"], "operations": ["Phòng Vận hành"]},
                          later={"it": ["Phòng Công nghệ thông tin"], "hr": ["P. Nhân sự"]}),
                ),
                Column("congViec.chucDanh", "job_title", _pick(["Kế toán viên", "Chuyên viên nhân sự", "Lập trình viên",
                                                                "Nhân viên kinh doanh", "Trưởng nhóm"])),
                Column("hopDong.loaiHinh", "employment_type",
                       _enum({"full_time": ["Toàn thời gian"], "part_time": ["Bán thời gian"],
                              "intern": ["Thực tập sinh"]}, rare=("intern",))),
                Column(
                    "hopDong.loaiHopDong",
                    "contract_type",
                    _enum({"permanent": ["Không xác định thời hạn"], "fixed_term": ["Xác định thời hạn"],
                           "apprenticeship": ["Học việc"]}, rare=("apprenticeship",),
                          later={"permanent": ["HĐKXĐTH"], "fixed_term": ["HĐXĐTH"]}),
                ),
                Column("congViec.hinhThuc", "work_location",
                       _enum({"office": ["Tại văn phòng"], "remote": ["Làm việc từ xa"], "hybrid": ["Kết hợp"]})),
                Column(
                    "trangThai",
                    "status",
                    _enum({"active": ["Đang làm việc"], "on_leave": ["Nghỉ thai sản", "Tạm hoãn HĐ"],
                           "terminated": ["Đã nghỉ việc"]}, rare=("on_leave",)),
                    renamed="tinhTrang",
                ),
                Column("luong.luongCoBan", "base_salary", _num("vi", 8_000_000, 45_000_000, digits=0)),
                Column("luong.donViTienTe", "currency", _enum({"VND": ["VND"], "USD": ["USD"]}, rare=("USD",),
                                                              later={"VND": ["đ"]})),
                Column("quanLy", "manager", _pick(["Nguyễn Văn Hùng", "Trần Thị Mai", "Lê Quốc Bảo"])),
                Column("gioiTinh", "gender", _enum({"male": ["Nam"], "female": ["Nữ"]})),
            ],
            Column("soCCCD", None, _digits(12)),
        ),
        (
            "wafanyakazi-nairobi",
            "People",
            "employees",
            "csv;utf-8;comma",
            [
                Column("Namba ya Mfanyakazi", "employee_no", _ident("KE-", 4, 200)),
                Column("Jina la Kwanza", "first_name", _pick(SW_FIRST)),
                Column("Jina la Ukoo", "last_name", _pick(SW_LAST)),
                Column("Barua Pepe", "work_email", _mail(["wanjiru.k", "otieno.o", "akinyi.m", "kamau.n"], "kampuni.co.ke")),
                Column("Namba ya Simu", "phone", _phone("+254 799 999999")),
                Column("Tarehe ya Kuzaliwa", "birth_date", _date("dd/MM/yyyy", "sw", 1965, 2004)),
                Column("Tarehe ya Kuajiriwa", "hire_date", _date("dd/MM/yyyy", "sw", 2008, 2026)),
                Column("Tarehe ya Kuacha Kazi", "termination_date", _date("dd/MM/yyyy", "sw", 2025, 2027, blank=0.88)),
                Column(
                    "Idara",
                    "department",
                    _enum({"finance": ["Fedha"], "hr": ["Rasilimali Watu"], "it": ["TEHAMA"], "sales": ["Mauzo"],
                           "operations": ["Uendeshaji"], "marketing": ["Masoko"]},
                          later={"hr": ["RASILIMALI WATU"], "it": ["Tehama"]}),
                ),
                Column("Cheo", "job_title", _pick(["Mhasibu", "Afisa Rasilimali Watu", "Mhandisi wa Programu",
                                                   "Afisa Mauzo", "Msimamizi wa Ghala"])),
                Column("Aina ya Ajira", "employment_type",
                       _enum({"full_time": ["Muda wote"], "part_time": ["Muda mfupi"],
                              "intern": ["Mwanafunzi wa mafunzo"], "contractor": ["Mkandarasi"]},
                             rare=("intern", "contractor"))),
                Column("Aina ya Mkataba", "contract_type",
                       _enum({"permanent": ["Kudumu"], "fixed_term": ["Muda maalum"], "apprenticeship": ["Uanagenzi"]},
                             rare=("apprenticeship",), later={"permanent": ["kudumu."]})),
                Column(
                    "Mahali pa Kazi",
                    "work_location",
                    _enum({"office": ["Ofisini"], "remote": ["Nyumbani"], "hybrid": ["Mseto"]}),
                    renamed="Mfumo wa Kazi",
                ),
                Column("Hali ya Ajira", "status",
                       _enum({"active": ["Hai"], "on_leave": ["Likizoni"], "terminated": ["Ameacha"]},
                             rare=("on_leave",))),
                Column("Mshahara wa Msingi", "base_salary", _num("en", 45000, 350000)),
                Column("Sarafu", "currency", _enum({"KES": ["KES"], "USD": ["USD"]}, rare=("USD",),
                                                   later={"KES": ["KSh"]})),
                Column("Kipindi cha Malipo", "pay_frequency",
                       _enum({"monthly": ["Kila mwezi"], "weekly": ["Kila wiki"]}, rare=("weekly",))),
                Column("Msimamizi", "manager", _pick(["Bi. Wambui", "Bw. Odhiambo", "Dkt. Mutua"])),
                Column("Nchi", "country", _pick(["Kenya", "Kenya", "Tanzania", "Uganda"])),
                Column("Jinsia", "gender", _enum({"male": ["Me"], "female": ["Ke"]},
                                                 later={"male": ["Mwanaume"], "female": ["Mwanamke"]})),
            ],
            Column("Namba ya KRA PIN", None, lambda rng, _: "A0" + "".join(str(rng.randrange(10)) for _ in range(8)) + "K"),
        ),
    ]


def _shipments() -> list[Spec]:
    return [
        (
            "transportes-zaragoza",
            "Logistics",
            "shipments",
            "xml",
            [
                Column("@numeroEnvio", "shipment_no", _ident("ENV-2025-", 6, 41000)),
                Column("NumSeguimiento", "tracking_no", _digits(14)),
                Column("RefPedido", "order_ref", _code("PED-", 20000, 29999)),
                Column("FechaSalida", "ship_date", _day("dd/MM/yyyy", "es", 2025)),
                Column("FechaEntrega", "delivery_date", _day("dd/MM/yyyy", "es", 2025, after=(1, 4))),
                Column("Transportista", "carrier", _pick(["SEUR", "MRW", "Correos Express", "DHL", "GLS"])),
                Column(
                    "Servicio",
                    "service_level",
                    _enum({"express": ["Urgente 24h", "SEUR 10"], "standard": ["Estándar 48/72h"],
                           "economy": ["Económico"], "same_day": ["Mismo día"]},
                          rare=("same_day",), later={"standard": ["Estandar 48/72h"]}),
                ),
                Column(
                    "Estado",
                    "status",
                    _enum({"booked": ["Grabado"], "picked_up": ["Recogido"], "in_transit": ["En tránsito"],
                           "out_for_delivery": ["En reparto"], "delivered": ["Entregado"], "exception": ["Incidencia"],
                           "returned": ["Devuelto"]}, rare=("returned",),
                          later={"delivered": ["ENTREGADO"], "in_transit": ["En transito"]}),
                ),
                Column("ModoTransporte", "transport_mode",
                       _enum({"road": ["Terrestre", "Carretera"], "air": ["Aéreo"], "sea": ["Marítimo"]},
                             rare=("sea",))),
                Column("Bultos", "pieces", _int(1, 12)),
                Column("Bultos/@tipo", "package_type",
                       _enum({"pallet": ["Palé"], "carton": ["Caja"], "envelope": ["Sobre"]},
                             later={"pallet": ["Palet"]})),
                Column("PesoKg", "gross_weight", _num("es", 0.5, 900, digits=1)),
                Column("VolumenM3", "volume", _num("es", 0.01, 4, digits=3)),
                Column("Incoterm", "incoterm", _enum({"EXW": ["EXW"], "DAP": ["DAP"], "DDP": ["DDP"], "FCA": ["FCA"]},
                                                     rare=("FCA",))),
                Column("Destinatario", "consignee", _pick(ES_CO)),
                Column("Destinatario/@cp", "postal_code", _pick(["50001", "28045", "08025", "46010", "41012"])),
                Column("Poblacion", "city", _pick(["Zaragoza", "Madrid", "Barcelona", "Valencia", "Sevilla"]),
                       renamed="Localidad"),
                Column("PaisDestino", "destination_country", _pick(["ES", "ES", "ES", "PT", "FR"])),
                Column("ValorDeclarado", "declared_value", _num("es", 20, 15000)),
                Column("ValorDeclarado/@moneda", "currency", _enum({"EUR": ["EUR"], "USD": ["USD"]}, rare=("USD",),
                                                                   later={"EUR": ["€"]})),
            ],
            Column("Observaciones", None, _pick(["", "", "Llamar antes", "Entregar por la mañana"])),
        ),
        (
            "spedizioni-verona",
            "Logistics",
            "shipments",
            "csv;utf-8-sig;semicolon",
            [
                Column("N. Spedizione", "shipment_no", _ident("SP", 7, 250000)),
                Column("Lettera di vettura", "tracking_no", _digits(12)),
                Column("Rif. Ordine Cliente", "order_ref", _code("OC/25/", 1000, 9999)),
                Column("Data Ritiro", "ship_date", _day("dd/MM/yyyy", "it", 2025)),
                Column("Data Consegna", "delivery_date", _day("dd/MM/yyyy", "it", 2025, after=(1, 5))),
                Column("Vettore", "carrier", _pick(["BRT", "GLS Italy", "SDA", "TNT", "Fercam"])),
                Column(
                    "Tipo Servizio",
                    "service_level",
                    _enum({"express": ["Espresso"], "standard": ["Normale"], "economy": ["Economico"],
                           "same_day": ["In giornata"]}, rare=("same_day",), later={"express": ["ESPR."]}),
                ),
                Column(
                    "Stato",
                    "status",
                    _enum({"booked": ["Prenotata"], "picked_up": ["Ritirata"], "in_transit": ["In transito"],
                           "out_for_delivery": ["In consegna"], "delivered": ["Consegnata"], "exception": ["Giacenza"],
                           "returned": ["Reso al mittente"]}, rare=("returned",),
                          later={"delivered": ["CONSEGNATA"]}),
                    renamed="Stato spedizione",
                ),
                Column("Colli", "pieces", _int(1, 20)),
                Column("Tipo Imballo", "package_type",
                       _enum({"pallet": ["Bancale", "EPAL"], "carton": ["Cartone"], "crate": ["Cassa"]},
                             rare=("crate",), later={"pallet": ["Banc."]})),
                Column("Peso lordo (kg)", "gross_weight", _num("it", 1, 1200, digits=1)),
                Column("Volume (m³)", "volume", _num("it", 0.02, 6, digits=3)),
                Column("Valore merce", "declared_value", _num("it", 50, 25000)),
                Column("Resa", "incoterm",
                       _enum({"EXW": ["Franco fabbrica"], "DAP": ["Franco destino"], "FCA": ["Franco vettore"]},
                             rare=("FCA",), later={"EXW": ["franco fabbrica"]})),
                Column("Ragione sociale destinatario", "consignee", _pick(IT_CO)),
                Column("Località", "city", _pick(["Verona", "Milano", "Bologna", "Padova", "Torino"])),
                Column("CAP", "postal_code", _pick(["37121", "20121", "40121", "35121", "10121"])),
                Column("Prov.", None, _pick(["VR", "MI", "BO", "PD", "TO"])),
                Column("Nazione", "destination_country", _pick(["IT", "IT", "IT", "AT", "DE"])),
                Column("ADR", "dangerous_goods", _flag("Sì", "No", 0.08)),
            ],
            Column("Contrassegno", None, _pick(["", "", "150,00", "89,90"])),
        ),
        (
            "expeditie-rotterdam",
            "Logistics",
            "shipments",
            "json",
            [
                Column("zending.nummer", "shipment_no", _ident("RTM", 8, 5100000)),
                Column("zending.trackTrace", "tracking_no", lambda rng, _: "3S" + "".join(
                    rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(13))),
                Column("zending.orderReferentie", "order_ref", _code("PO", 450000, 459999)),
                Column("datums.verzonden", "ship_date", _day("yyyy-MM-dd", "nl", 2025)),
                Column("datums.afgeleverd", "delivery_date", _day("yyyy-MM-dd", "nl", 2025, after=(1, 30), blank=0.2)),
                Column("vervoerder.naam", "carrier", _pick(["PostNL", "DHL Parcel", "DPD", "Van der Vlist", "Maersk"])),
                Column("vervoerder.dienst", "service_level",
                       _enum({"express": ["EXP"], "standard": ["STD"], "economy": ["ECO"], "same_day": ["SDD"]},
                             rare=("same_day",), later={"standard": ["std"]})),
                Column(
                    "status.code",
                    "status",
                    _enum({"booked": ["BKD"], "picked_up": ["PUP"], "in_transit": ["TRN"], "out_for_delivery": ["OFD"],
                           "delivered": ["DLV", "POD"], "exception": ["EXC"], "returned": ["RTS"]},
                          rare=("returned",)),
                ),
                Column("vervoer.modaliteit", "transport_mode",
                       _enum({"road": ["Weg"], "sea": ["Zee"], "air": ["Lucht"], "rail": ["Spoor"]},
                             rare=("rail",), later={"road": ["wegvervoer"]})),
                Column("lading.colli", "pieces", _int(1, 40)),
                Column("lading.verpakking", "package_type",
                       _enum({"pallet": ["PLT"], "carton": ["CTN"], "crate": ["CRT"], "envelope": ["ENV"]},
                             rare=("envelope",), later={"pallet": ["PX"]})),
                Column("lading.brutogewicht", "gross_weight", _plain(1, 12000, digits=1)),
                Column("lading.volume", "volume", _plain(0.01, 30, digits=2), renamed="lading.volumeM3"),
                Column("leveringsvoorwaarde", "incoterm",
                       _enum({"DAP": ["DAP"], "DDP": ["DDP"], "CIF": ["CIF"], "FOB": ["FOB"], "EXW": ["EXW"]},
                             later={"CIF": ["CIF Rotterdam"], "FOB": ["FOB Shanghai"]})),
                Column("ontvanger.naam", "consignee", _pick(NL_CO)),
                Column("ontvanger.plaats", "city", _pick(["Rotterdam", "Utrecht", "Eindhoven", "Antwerpen", "Venlo"])),
                Column("ontvanger.postcode", "postal_code", _pick(["3011 AB", "3511 CE", "5611 AZ", "2000", "5911 HM"])),
                Column("ontvanger.land", "destination_country", _pick(["NL", "NL", "BE", "DE"])),
                Column("afzender.land", "origin_country", _pick(["CN", "NL", "US", "TR", "IN"])),
                Column("douanewaarde", "declared_value", _plain(100, 90000)),
                Column("valuta", "currency", _enum({"EUR": ["EUR"], "USD": ["USD"]})),
            ],
            Column("klantnummer", None, _code("K", 10000, 10099)),
        ),
        (
            "kargo-istanbul",
            "Logistics",
            "shipments",
            "xlsx",
            [
                Column("Gönderi No", "shipment_no", _ident("GND", 8, 7700000)),
                Column("Takip No", "tracking_no", _digits(12)),
                Column("Sipariş No", "order_ref", _code("SP-", 300000, 399999)),
                Column("Çıkış Tarihi", "ship_date", _day("dd.MM.yyyy", "tr", 2025)),
                Column("Teslim Tarihi", "delivery_date", _day("dd.MM.yyyy", "tr", 2025, after=(1, 6))),
                Column("Kargo Firması", "carrier", _pick(["Yurtiçi Kargo", "Aras Kargo", "MNG Kargo", "PTT Kargo",
                                                          "Sürat Kargo"])),
                Column("Gönderi Tipi", "service_level",
                       _enum({"express": ["Hızlı"], "standard": ["Standart"], "economy": ["Ekonomik"],
                              "same_day": ["Aynı Gün"]}, rare=("same_day",))),
                Column(
                    "Durum",
                    "status",
                    _enum({"booked": ["Oluşturuldu"], "picked_up": ["Teslim alındı"],
                           "in_transit": ["Yolda", "Transfer merkezinde"], "out_for_delivery": ["Dağıtımda"],
                           "delivered": ["Teslim edildi"], "exception": ["Sorunlu"], "returned": ["İade"]},
                          rare=("returned",), later={"delivered": ["TESLİM EDİLDİ"]}),
                    renamed="Kargo Durumu",
                ),
                Column("Taşıma Şekli", "transport_mode",
                       _enum({"road": ["Karayolu"], "sea": ["Denizyolu"], "air": ["Havayolu"], "rail": ["Demiryolu"]},
                             rare=("rail",))),
                Column("Koli Adedi", "pieces", _int(1, 15)),
                Column("Ambalaj", "package_type",
                       _enum({"carton": ["Koli"], "pallet": ["Palet"], "envelope": ["Zarf"], "crate": ["Sandık"]},
                             rare=("crate",))),
                Column("Ağırlık (kg)", "gross_weight", _num("tr", 0.5, 800, digits=1)),
                Column("Desi", None, _int(1, 300)),
                Column("Teslim Şekli", "incoterm",
                       _enum({"EXW": ["EXW"], "FOB": ["FOB"], "CIF": ["CIF"], "DAP": ["DAP"]},
                             later={"FOB": ["FOB İstanbul"]})),
                Column("Alıcı Adı", "consignee", _pick(TR_CO)),
                Column("Alıcı İl", "city", _pick(["İstanbul", "Ankara", "İzmir", "Bursa", "Gaziantep"])),
                Column("Posta Kodu", "postal_code", _pick(["34394", "06420", "35210", "16140", "27060"])),
                Column("Çıkış Ülkesi", "origin_country", _pick(["Türkiye", "Türkiye", "Çin"])),
                Column("Varış Ülkesi", "destination_country", _pick(["Türkiye", "Türkiye", "Almanya", "Irak"])),
                Column("Mal Bedeli", "declared_value", _num("tr", 100, 80000)),
                Column("Para Birimi", "currency", _enum({"TRY": ["TL"], "EUR": ["EUR"], "USD": ["USD"]},
                                                        later={"TRY": ["₺"]})),
                Column("Tehlikeli Madde", "dangerous_goods", _flag("Evet", "Hayır", 0.06)),
            ],
            Column("Şube", None, _pick(["Kadıköy", "Esenyurt", "Çankaya"])),
        ),
        (
            "godown-bhiwandi-hinglish",
            "Logistics",
            "shipments",
            "csv;utf-8;comma",
            [
                Column("Kram Sankhya", None, _row_no),
                Column("Khep Sankhya", "shipment_no", _ident("BHW/25/", 5, 800)),
                Column("AWB Sankhya", "tracking_no", _digits(11)),
                Column("Order Kramank", "order_ref", _code("SO-", 60000, 69999)),
                Column("Preshan Tithi", "ship_date", _day("dd-MM-yyyy", "en_IN", 2025)),
                Column("Vitaran Tithi", "delivery_date", _day("dd-MM-yyyy", "en_IN", 2025, after=(1, 7))),
                Column("Vahak", "carrier", _pick(["Delhivery", "Blue Dart", "DTDC", "Ecom Express", "India Post"])),
                Column("Seva Prakar", "service_level",
                       _enum({"express": ["Air Express"], "standard": ["Surface"], "economy": ["Economy Surface"],
                              "same_day": ["Usi Din"]}, rare=("same_day",), later={"express": ["Express"]})),
                Column(
                    "Sthiti",
                    "status",
                    _enum({"booked": ["Booked"], "picked_up": ["Pick ho gaya"], "in_transit": ["Raaste mein"],
                           "out_for_delivery": ["Delivery ke liye nikla"], "delivered": ["Pahunch gaya"],
                           "exception": ["Samasya"], "returned": ["RTO"]}, rare=("returned",),
                          later={"delivered": ["Delivered"]}),
                    renamed="Vartaman Sthiti",
                ),
                Column("Parivahan Madhyam", "transport_mode",
                       _enum({"road": ["Sadak"], "air": ["Hawai"], "rail": ["Rail"]}, rare=("rail",))),
                Column("Dabbe", "pieces", _int(1, 25)),
                Column("Packing", "package_type",
                       _enum({"carton": ["Carton", "Gatta Peti"], "pallet": ["Pallet"], "envelope": ["Lifafa"]},
                             rare=("envelope",))),
                Column("Vajan (kg)", "gross_weight", _num("en_IN", 0.5, 500, digits=1)),
                Column("Ghoshit Mulya", "declared_value", _num("en_IN", 500, 250000)),
                Column("Mudra", "currency", _enum({"INR": ["INR", "Rs."], "USD": ["USD"]}, rare=("USD",),
                                                  later={"INR": ["₹"]})),
                Column("Prapt Karta", "consignee", _pick(IN_CO)),
                Column("Shahar", "city", _pick(["Mumbai", "Pune", "Nashik", "Surat", "Delhi"])),
                Column("Pin Code", "postal_code", _pick(["400001", "411001", "422001", "395003", "110001"])),
                Column("Rajya", None, _pick(["MH", "MH", "GJ", "DL"])),
                Column("Khatarnak Saman", "dangerous_goods", _flag("Haan", "Nahin", 0.05)),
            ],
            Column("Remarks", None, _pick(["", "", "COD", "fragile - dhyan se"])),
        ),
    ]


def _specs() -> list[Spec]:
    return [*_employees(), *_shipments()]


SEPARATORS = {"semicolon": ";", "comma": ",", "tab": "\t", "pipe": "|"}


def partners() -> list[Partner]:
    """Every partner of this set with three deliveries (d1, d2, d3)."""
    specs = _specs()
    files: dict[str, tuple[str, str]] = {}
    for s in specs:
        if ";" in s[3]:
            encoding, sep = s[3].split(";")[1:]
            files[s[0]] = (encoding, SEPARATORS[sep])
    built = build([(n, bp, sl, lay.partition(";")[0], cols, ex) for n, bp, sl, lay, cols, ex in specs],
                  parse_blueprints(BLUEPRINTS), seed=12000)
    return read_back(built, files)


def main(argv: list[str] | None = None) -> int:
    return show_partners(__doc__, partners(), argv)


if __name__ == "__main__":
    raise SystemExit(main())
