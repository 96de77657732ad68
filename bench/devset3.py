"""A third development set, written before the third round of mapping changes: a check.

Usage: ``python bench/devset3.py [--show]`` (prints each partner's headers and values).

Six blueprints of domains no earlier set has (hotel bookings, fleet workshop orders,
energy meter readings, clinical laboratory results, purchase orders, IT service desk
tickets) and twelve partners: six in languages feedline has no vocabulary for
(Norwegian, Turkish, Czech, Finnish, Catalan, Hungarian) and six in vocabulary languages
but regional usage and domain words (Spain and Mexico Spanish, European Portuguese,
Austrian German, Flemish Dutch, Italian). Layouts: CSV, nested JSON, XML elements and
attributes, and workbooks with a title row, read by feedline's own extractor. Values as
such exports write them: local dates (``2026.03.14.``, ``14. 3. 2026``), numbers with
spaces and commas, currency codes, yes/no words, numbered priorities, unit symbols.

It was written and measured once before any mapping change of the round it belongs to,
and is reported apart from the sets that round iterated on: its figures are the round's
own check of generality. Nothing here is read by ``feedline/`` or by calibration.
Deliveries behave as in ``devset2``: ``d2`` brings new rows and other spellings of values
already seen, ``d3`` renames a column, adds one and shuffles.
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
    _int,
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
- name: Hospitality
  sheets:
    - slug: bookings
      name: Bookings
      fields:
        - {key: booking_ref, label: Booking Reference, type: string, constraints: [{type: required}, {type: unique}]}
        - {key: guest_name, label: Guest Name, type: string}
        - {key: guest_email, label: Guest Email, type: string}
        - {key: arrival, label: Arrival Date, type: date, constraints: [{type: required}]}
        - {key: departure, label: Departure Date, type: date}
        - {key: nights, label: Nights, type: integer}
        - {key: adults, label: Adults, type: integer}
        - key: room_type
          label: Room Type
          type: enum
          options: [{value: single, label: Single}, {value: double, label: Double}, {value: twin, label: Twin},
                    {value: suite, label: Suite}]
        - key: board
          label: Board
          type: enum
          options: [{value: room_only, label: Room Only}, {value: bb, label: Bed & Breakfast},
                    {value: half_board, label: Half Board}, {value: full_board, label: Full Board},
                    {value: all_inclusive, label: All Inclusive}]
        - {key: total_amount, label: Total Amount, type: number, constraints: [{type: required}]}
        - key: currency
          label: Currency
          type: enum
          options: [{value: EUR, label: Euro}, {value: NOK, label: Norwegian Krone}, {value: TRY, label: Turkish Lira},
                    {value: USD, label: US Dollar}]
        - key: channel
          label: Booking Channel
          type: enum
          options: [{value: direct, label: Direct}, {value: ota, label: Online Travel Agency},
                    {value: agent, label: Travel Agent}, {value: corporate, label: Corporate}]
        - key: status
          label: Status
          type: enum
          options: [{value: confirmed, label: Confirmed}, {value: cancelled, label: Cancelled},
                    {value: no_show, label: No-show}, {value: checked_out, label: Checked Out}]
        - key: guest_country
          label: Guest Country
          type: enum
          options: [{value: "NO", label: Norway}, {value: SE, label: Sweden}, {value: DE, label: Germany},
                    {value: GB, label: United Kingdom}, {value: TR, label: Turkey}, {value: RU, label: Russia},
                    {value: US, label: United States}]
- name: Fleet
  sheets:
    - slug: work_orders
      name: Work Orders
      fields:
        - {key: work_order_id, label: Work Order Number, type: string, constraints: [{type: required}, {type: unique}]}
        - {key: registration, label: Registration Plate, type: string, constraints: [{type: required}]}
        - {key: vin, label: VIN, type: string}
        - {key: odometer_km, label: Odometer (km), type: integer}
        - {key: service_date, label: Service Date, type: date, constraints: [{type: required}]}
        - key: service_type
          label: Service Type
          type: enum
          options: [{value: inspection, label: Inspection}, {value: oil_change, label: Oil Change},
                    {value: tyres, label: Tyres}, {value: brakes, label: Brakes}, {value: repair, label: Repair},
                    {value: bodywork, label: Bodywork}]
        - key: fuel_type
          label: Fuel Type
          type: enum
          options: [{value: petrol, label: Petrol}, {value: diesel, label: Diesel}, {value: electric, label: Electric},
                    {value: hybrid, label: Hybrid}, {value: lpg, label: LPG}]
        - {key: labour_hours, label: Labour Hours, type: number}
        - {key: parts_cost, label: Parts Cost, type: number}
        - {key: total_cost, label: Total Cost, type: number, constraints: [{type: required}]}
        - {key: workshop, label: Workshop, type: string}
        - {key: warranty, label: Under Warranty, type: boolean}
        - {key: next_service, label: Next Service Date, type: date}
- name: Energy
  sheets:
    - slug: readings
      name: Meter Readings
      fields:
        - {key: meter_id, label: Meter Number, type: string, constraints: [{type: required}]}
        - {key: supply_point, label: Supply Point ID, type: string}
        - {key: customer_id, label: Customer Number, type: string}
        - {key: reading_date, label: Reading Date, type: date, constraints: [{type: required}]}
        - {key: reading, label: Meter Reading, type: number, constraints: [{type: required}]}
        - key: unit
          label: Unit
          type: enum
          options: [{value: kwh, label: Kilowatt Hour}, {value: m3, label: Cubic Metre}]
        - key: reading_type
          label: Reading Type
          type: enum
          options: [{value: actual, label: Actual}, {value: estimated, label: Estimated},
                    {value: customer, label: Customer Reading}]
        - key: register
          label: Register
          type: enum
          options: [{value: single, label: Single Rate}, {value: day, label: Day}, {value: night, label: Night}]
        - {key: postcode, label: Postcode, type: string}
        - {key: smart_meter, label: Smart Meter, type: boolean}
- name: Laboratory
  sheets:
    - slug: results
      name: Lab Results
      fields:
        - {key: sample_id, label: Sample ID, type: string, constraints: [{type: required}, {type: unique}]}
        - {key: patient_id, label: Patient ID, type: string, constraints: [{type: required}]}
        - {key: collected_on, label: Collection Date, type: date, constraints: [{type: required}]}
        - {key: test_code, label: Test Code, type: string}
        - {key: test_name, label: Test Name, type: string}
        - {key: result, label: Result Value, type: number}
        - key: unit
          label: Unit
          type: enum
          options: [{value: mmol_l, label: mmol/L}, {value: g_l, label: g/L}, {value: u_l, label: U/L},
                    {value: percent, label: "%"}]
        - key: flag
          label: Abnormal Flag
          type: enum
          options: [{value: normal, label: Normal}, {value: low, label: Low}, {value: high, label: High},
                    {value: critical, label: Critical}]
        - key: status
          label: Result Status
          type: enum
          options: [{value: preliminary, label: Preliminary}, {value: final, label: Final},
                    {value: corrected, label: Corrected}, {value: cancelled, label: Cancelled}]
        - {key: ordering_physician, label: Ordering Physician, type: string}
        - {key: fasting, label: Fasting, type: boolean}
- name: Procurement
  sheets:
    - slug: purchase_orders
      name: Purchase Orders
      fields:
        - {key: po_number, label: PO Number, type: string, constraints: [{type: required}, {type: unique}]}
        - {key: supplier_id, label: Supplier ID, type: string}
        - {key: supplier_name, label: Supplier Name, type: string, constraints: [{type: required}]}
        - {key: order_date, label: Order Date, type: date, constraints: [{type: required}]}
        - {key: expected_date, label: Expected Delivery Date, type: date}
        - {key: item, label: Item Description, type: string}
        - {key: quantity, label: Quantity, type: number}
        - {key: unit_price, label: Unit Price, type: number}
        - {key: total_amount, label: Total Amount, type: number, constraints: [{type: required}]}
        - key: currency
          label: Currency
          type: enum
          options: [{value: EUR, label: Euro}, {value: USD, label: US Dollar}, {value: MXN, label: Mexican Peso}]
        - key: payment_terms
          label: Payment Terms
          type: enum
          options: [{value: net30, label: Net 30 Days}, {value: net60, label: Net 60 Days},
                    {value: prepaid, label: Prepayment}, {value: cod, label: Cash on Delivery}]
        - key: status
          label: Status
          type: enum
          options: [{value: draft, label: Draft}, {value: approved, label: Approved}, {value: sent, label: Sent},
                    {value: received, label: Received}, {value: cancelled, label: Cancelled}]
        - {key: buyer_email, label: Buyer Email, type: string}
- name: ServiceDesk
  sheets:
    - slug: tickets
      name: Tickets
      fields:
        - {key: ticket_id, label: Ticket ID, type: string, constraints: [{type: required}, {type: unique}]}
        - {key: opened_at, label: Opened, type: date, constraints: [{type: required}]}
        - {key: resolved_at, label: Resolved, type: date}
        - {key: requester_email, label: Requester Email, type: string}
        - {key: assignee, label: Assigned To, type: string}
        - key: category
          label: Category
          type: enum
          options: [{value: hardware, label: Hardware}, {value: software, label: Software},
                    {value: network, label: Network}, {value: access, label: Access & Accounts}]
        - key: priority
          label: Priority
          type: enum
          options: [{value: p1, label: Critical}, {value: p2, label: High}, {value: p3, label: Medium},
                    {value: p4, label: Low}]
        - key: status
          label: Status
          type: enum
          options: [{value: new, label: New}, {value: in_progress, label: In Progress}, {value: on_hold, label: On Hold},
                    {value: resolved, label: Resolved}, {value: closed, label: Closed}]
        - {key: summary, label: Summary, type: string}
        - {key: sla_breached, label: SLA Breached, type: boolean}
        - key: channel
          label: Channel
          type: enum
          options: [{value: email, label: Email}, {value: phone, label: Phone}, {value: portal, label: Self-service Portal},
                    {value: walk_in, label: Walk-in}]
"""

STAFF = ["Kari Nordmann", "Ola Hansen", "Ayşe Yılmaz", "Mehmet Demir", "Jana Nováková", "Petr Svoboda",
         "Matti Virtanen", "Laia Puig", "Nagy Eszter", "Kovács Péter", "Ana Sousa", "Lukas Gruber"]


def _vin(rng: random.Random, _: int) -> str:
    chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    return "".join(rng.choice(chars) for _ in range(17))


def _ref(prefix: str, lo: int, hi: int) -> Callable[[random.Random, int], str]:
    """A reference that repeats (customers, suppliers, patients): drawn from a range."""
    return lambda rng, _: f"{prefix}{rng.randrange(lo, hi)}"


def _hu_date(lo: int, hi: int) -> Callable[[random.Random, int], str]:
    """Hungarian dates as exports write them: ``2026.03.14.``."""
    make = _date("yyyy.MM.dd", "hu", lo, hi)
    return lambda rng, i: make(rng, i) + "."


def _stamp(lang: str, blank: float = 0.0) -> Callable[[random.Random, int], str]:
    """Date and time of day, as ticket tools export them: ``14/03/2026 09:41``."""
    make = _date("dd/MM/yyyy", lang, 2025, 2026)

    def stamp(rng: random.Random, i: int) -> str:
        if rng.random() < blank:
            return ""
        return f"{make(rng, i)} {rng.randrange(7, 19):02d}:{rng.randrange(60):02d}"
    return stamp


def _bookings() -> list[Spec]:
    return [
        ("bergen-hotell", "Hospitality", "bookings", "csv", [
            Column("Bestillingsnr", "booking_ref", _ident("BGO", 6)),
            Column("Gjest", "guest_name", _name),
            Column("E-post", "guest_email", _email("gjest.no")),
            Column("Ankomst", "arrival", _date("dd.MM.yyyy", "nb", 2025, 2026)),
            Column("Avreise", "departure", _date("dd.MM.yyyy", "nb", 2025, 2026)),
            Column("Netter", "nights", _int(1, 9)),
            Column("Voksne", "adults", _int(1, 4)),
            Column("Romtype", "room_type", _enum(
                {"single": ["Enkeltrom"], "double": ["Dobbeltrom"], "twin": ["Tomannsrom"], "suite": ["Suite"]},
                later={"double": ["Dobbeltrom m/utsikt"]})),
            Column("Kost", "board", _enum(
                {"room_only": ["Kun rom"], "bb": ["Frokost inkludert"], "half_board": ["Halvpensjon"],
                 "full_board": ["Helpensjon"]})),
            Column("Totalbeløp", "total_amount", _num("nb", 900, 25000)),
            Column("Valuta", "currency", _enum({"NOK": ["NOK"], "EUR": ["EUR"]}, rare=("EUR",))),
            Column("Kanal", "channel", _enum(
                {"direct": ["Direkte"], "ota": ["Booking.com", "Expedia"], "agent": ["Reisebyrå"],
                 "corporate": ["Bedriftsavtale"]})),
            Column("Status", "status", _enum(
                {"confirmed": ["Bekreftet"], "cancelled": ["Avbestilt"], "no_show": ["Ikke møtt"],
                 "checked_out": ["Utsjekket"]}, later={"cancelled": ["avbestilt"]}), renamed="Bestillingsstatus"),
            Column("Land", "guest_country", _enum(
                {"NO": ["Norge"], "SE": ["Sverige"], "DE": ["Tyskland"], "GB": ["Storbritannia"],
                 "US": ["USA"]}, rare=("US",))),
        ], Column("Kommentar", None, _pick(["", "", "sen ankomst", "allergi"]))),
        ("antalya-otel", "Hospitality", "bookings", "json", [
            Column("rezervasyon.no", "booking_ref", _ident("AYT-", 7)),
            Column("misafir.adSoyad", "guest_name", _name),
            Column("misafir.eposta", "guest_email", _email("misafir.com.tr")),
            Column("girisTarihi", "arrival", _date("dd.MM.yyyy", "tr", 2025, 2026)),
            Column("cikisTarihi", "departure", _date("dd.MM.yyyy", "tr", 2025, 2026)),
            Column("geceSayisi", "nights", _int(1, 14)),
            Column("yetiskin", "adults", _int(1, 5)),
            Column("odaTipi", "room_type", _enum(
                {"single": ["Tek Kişilik"], "double": ["Çift Kişilik"], "twin": ["İki Yataklı"], "suite": ["Süit"]})),
            Column("pansiyon", "board", _enum(
                {"room_only": ["Sadece Oda"], "bb": ["Oda Kahvaltı"], "half_board": ["Yarım Pansiyon"],
                 "full_board": ["Tam Pansiyon"], "all_inclusive": ["Her Şey Dahil"]},
                later={"all_inclusive": ["HSD"]})),
            Column("tutar.toplam", "total_amount", _plain(3000, 90000)),
            Column("tutar.paraBirimi", "currency", _enum({"TRY": ["TRY"], "EUR": ["EUR"], "USD": ["USD"]})),
            Column("kanal", "channel", _enum(
                {"direct": ["Direkt"], "ota": ["OTA"], "agent": ["Acente"], "corporate": ["Kurumsal"]})),
            Column("durum", "status", _enum(
                {"confirmed": ["Onaylandı"], "cancelled": ["İptal"], "no_show": ["Gelmedi"],
                 "checked_out": ["Çıkış Yaptı"]}, later={"cancelled": ["IPTAL"]})),
            Column("misafir.uyruk", "guest_country", _enum(
                {"TR": ["TR"], "DE": ["DE"], "RU": ["RU"], "GB": ["GB"]})),
        ], Column("misafir.telefon", None, _pick(["+90 532 111 2233", "+49 151 2345 678", "+7 916 555 1212"]))),
    ]


def _work_orders() -> list[Spec]:
    return [
        ("brno-servis", "Fleet", "work_orders", "csv", [
            Column("Číslo zakázky", "work_order_id", _ident("ZK", 6)),
            Column("SPZ", "registration", _plate("9L9 9999")),
            Column("VIN", "vin", _vin),
            Column("Stav tachometru", "odometer_km", _int(5000, 350000), renamed="Najeto km"),
            Column("Datum servisu", "service_date", _date("d. M. yyyy", "cs", 2025, 2026)),
            Column("Typ servisu", "service_type", _enum(
                {"inspection": ["Technická kontrola"], "oil_change": ["Výměna oleje"],
                 "tyres": ["Přezutí pneumatik"], "brakes": ["Brzdy"], "repair": ["Oprava"],
                 "bodywork": ["Karosářské práce"]}, later={"inspection": ["STK"]})),
            Column("Palivo", "fuel_type", _enum(
                {"petrol": ["Benzín"], "diesel": ["Nafta"], "electric": ["Elektro"], "hybrid": ["Hybrid"],
                 "lpg": ["LPG"]}, rare=("lpg",))),
            Column("Hodiny práce", "labour_hours", _num("cs", 0.5, 12, digits=1)),
            Column("Cena dílů (Kč)", "parts_cost", _num("cs", 0, 40000)),
            Column("Celkem (Kč)", "total_cost", _num("cs", 500, 60000)),
            Column("Servis", "workshop", _pick(["Autoservis Brno-střed", "Pneu Kotlářská", "Škoda Žabovřesky"])),
            Column("Záruka", "warranty", _flag("Ne", "Ano", 0.8)),
            Column("Příští servis", "next_service", _date("d. M. yyyy", "cs", 2026, 2027)),
        ], Column("Technik", None, _pick(STAFF[4:6]))),
        ("sevilla-flota", "Fleet", "work_orders", "xlsx", [
            Column("Nº OT", "work_order_id", _ident("OT-", 5)),
            Column("Matrícula", "registration", _plate("9999 LLL")),
            Column("Nº bastidor", "vin", _vin),
            Column("Km", "odometer_km", _int(1000, 400000)),
            Column("Fecha intervención", "service_date", _date("dd/MM/yyyy", "es", 2025, 2026)),
            Column("Tipo de intervención", "service_type", _enum(
                {"inspection": ["ITV"], "oil_change": ["Cambio de aceite"], "tyres": ["Neumáticos"],
                 "brakes": ["Frenos"], "repair": ["Reparación"], "bodywork": ["Chapa y pintura"]},
                later={"tyres": ["Neumaticos"]})),
            Column("Combustible", "fuel_type", _enum(
                {"petrol": ["Gasolina"], "diesel": ["Gasóleo"], "electric": ["Eléctrico"], "hybrid": ["Híbrido"],
                 "lpg": ["GLP"]})),
            Column("Horas M.O.", "labour_hours", _num("es", 0.5, 10, digits=1)),
            Column("Importe recambios", "parts_cost", _num("es", 0, 3000)),
            Column("Importe total", "total_cost", _num("es", 60, 5000)),
            Column("Taller", "workshop", _pick(["Talleres Triana", "Neumáticos Macarena", "Oficial Nervión"])),
            Column("Garantía", "warranty", _flag("No", "Sí", 0.85)),
            Column("Próxima revisión", "next_service", _date("dd/MM/yyyy", "es", 2026, 2027)),
        ], Column("Conductor", None, _name)),
    ]


def _readings() -> list[Spec]:
    return [
        ("tampere-energia", "Energy", "readings", "csv", [
            Column("Mittarinumero", "meter_id", _ref("", 70000000, 70000400)),
            Column("Käyttöpaikka", "supply_point", _ref("643006", 10000000, 99999999)),
            Column("Asiakasnumero", "customer_id", _ref("", 200000, 260000)),
            Column("Lukemapäivä", "reading_date", _date("d.M.yyyy", "fi", 2025, 2026)),
            Column("Lukema", "reading", _num("fi", 100, 90000, digits=1)),
            Column("Yksikkö", "unit", _enum({"kwh": ["kWh"], "m3": ["m3"]}, rare=("m3",))),
            Column("Lukematyyppi", "reading_type", _enum(
                {"actual": ["Todellinen"], "estimated": ["Arvio"], "customer": ["Asiakkaan ilmoittama"]})),
            Column("Rekisteri", "register", _enum({"single": ["Yleissähkö"], "day": ["Päivä"], "night": ["Yö"]})),
            Column("Postinumero", "postcode", _ref("33", 100, 999)),
            Column("Etäluettava", "smart_meter", _flag("Kyllä", "Ei", 0.9)),
        ], Column("Verkkoalue", None, _pick(["Tampereen Sähköverkko", "Elenia"]))),
        ("barcelona-energia", "Energy", "readings", "csv", [
            Column("Núm. comptador", "meter_id", _ref("ZIV", 1000000, 1000300)),
            Column("CUPS", "supply_point", _ref("ES0031", 100000000000, 999999999999)),
            Column("Núm. client", "customer_id", _ref("C", 50000, 58000)),
            Column("Data lectura", "reading_date", _date("dd/MM/yyyy", "ca", 2025, 2026)),
            Column("Lectura", "reading", _num("ca", 100, 60000, digits=0)),
            Column("Unitat", "unit", _enum({"kwh": ["kWh"], "m3": ["m³"]})),
            Column("Tipus de lectura", "reading_type", _enum(
                {"actual": ["Real"], "estimated": ["Estimada"], "customer": ["Facilitada pel client"]},
                later={"estimated": ["ESTIMADA"]})),
            Column("Període", "register", _enum({"single": ["Únic"], "day": ["Punta"], "night": ["Vall"]})),
            Column("Codi postal", "postcode", _ref("080", 10, 42)),
            Column("Telegestió", "smart_meter", _flag("Sí", "No", 0.85)),
        ], Column("Distribuïdora", None, _pick(["e-distribución", "Endesa"]))),
    ]


def _results() -> list[Spec]:
    tests = ["Glükóz", "Koleszterin", "Kreatinin", "HbA1c", "GPT"]
    return [
        ("debrecen-labor", "Laboratory", "results", "csv", [
            Column("Mintaazonosító", "sample_id", _ident("DL", 8)),
            Column("TAJ szám", "patient_id", _ref("", 100000000, 100400000)),
            Column("Mintavétel dátuma", "collected_on", _hu_date(2025, 2026)),
            Column("Vizsgálat kódja", "test_code", _pick(["GLU", "CHOL", "KREA", "HBA1C", "GPT"])),
            Column("Vizsgálat neve", "test_name", _pick(tests)),
            Column("Eredmény", "result", _num("hu", 0.5, 200, digits=1)),
            Column("Mértékegység", "unit", _enum({"mmol_l": ["mmol/l"], "g_l": ["g/l"], "u_l": ["U/l"], "percent": ["%"]})),
            Column("Jelzés", "flag", _enum(
                {"normal": ["Normál"], "low": ["Alacsony"], "high": ["Magas"], "critical": ["Kritikus"]},
                rare=("critical",))),
            Column("Státusz", "status", _enum(
                {"preliminary": ["Előzetes"], "final": ["Végleges"], "corrected": ["Javított"],
                 "cancelled": ["Törölt"]}, later={"final": ["vegleges"]})),
            Column("Kérő orvos", "ordering_physician", _pick(["Dr. Nagy Eszter", "Dr. Kovács Péter", "Dr. Tóth Anna"])),
            Column("Éhgyomri", "fasting", _flag("Igen", "Nem", 0.6)),
        ], Column("Osztály", None, _pick(["Belgyógyászat", "Sebészet", "Járóbeteg"]))),
        ("porto-analises", "Laboratory", "results", "xml", [
            Column("@id", "sample_id", _ident("AM", 7)),
            Column("Utente/@numero", "patient_id", _ref("", 100000000, 100300000)),
            Column("DataColheita", "collected_on", _date("dd-MM-yyyy", "pt_PT", 2025, 2026)),
            Column("Analise/@codigo", "test_code", _pick(["GLI", "COL", "CRE", "HBA1C"])),
            Column("Analise", "test_name", _pick(["Glicose", "Colesterol total", "Creatinina", "Hemoglobina A1c"])),
            Column("Resultado", "result", _num("pt_PT", 0.5, 250, digits=2)),
            Column("Unidade", "unit", _enum({"mmol_l": ["mmol/L"], "g_l": ["g/L"], "u_l": ["U/L"], "percent": ["%"]})),
            Column("Indicador", "flag", _enum(
                {"normal": ["N"], "low": ["B"], "high": ["A"], "critical": ["C"]}, rare=("critical",))),
            Column("Estado", "status", _enum(
                {"preliminary": ["Provisório"], "final": ["Validado"], "corrected": ["Corrigido"],
                 "cancelled": ["Anulado"]}, later={"final": ["VALIDADO"]})),
            Column("MedicoRequisitante", "ordering_physician", _pick(["Dra. Ana Sousa", "Dr. Rui Costa", "Dr. João Lima"])),
            Column("Jejum", "fasting", _flag("S", "N", 0.6)),
        ], Column("Posto", None, _pick(["Boavista", "Antas", "Foz"]))),
    ]


def _purchase_orders() -> list[Spec]:
    return [
        ("graz-einkauf", "Procurement", "purchase_orders", "csv", [
            Column("Bestell-Nr.", "po_number", _ident("4500", 6)),
            Column("Lieferanten-Nr.", "supplier_id", _ref("L", 10000, 10300)),
            Column("Lieferant", "supplier_name", _pick(["Steirische Metall GmbH", "Grazer Papier KG", "Alpen Elektro AG"])),
            Column("Bestelldatum", "order_date", _date("dd.MM.yyyy", "de_AT", 2025, 2026)),
            Column("Liefertermin", "expected_date", _date("dd.MM.yyyy", "de_AT", 2025, 2026)),
            Column("Artikelbezeichnung", "item", _pick(["Kabelrolle 50 m", "Kopierpapier A4", "Schrauben M8"])),
            Column("Menge", "quantity", _int(1, 500)),
            Column("Einzelpreis", "unit_price", _num("de_AT", 0.2, 400)),
            Column("Gesamtbetrag", "total_amount", _num("de_AT", 10, 40000)),
            Column("Währung", "currency", _enum({"EUR": ["EUR"], "USD": ["USD"]}, rare=("USD",))),
            Column("Zahlungsbedingung", "payment_terms", _enum(
                {"net30": ["30 Tage netto"], "net60": ["60 Tage netto"], "prepaid": ["Vorauskasse"],
                 "cod": ["Nachnahme"]})),
            Column("Status", "status", _enum(
                {"draft": ["Entwurf"], "approved": ["Freigegeben"], "sent": ["Versendet"],
                 "received": ["Wareneingang"], "cancelled": ["Storniert"]}, later={"approved": ["freigegeben"]})),
            Column("Einkäufer E-Mail", "buyer_email", _email("einkauf.at"), renamed="Besteller"),
        ], Column("Kostenstelle", None, _ref("KST", 100, 140))),
        ("monterrey-compras", "Procurement", "purchase_orders", "json", [
            Column("ordenCompra.folio", "po_number", _ident("OC-", 6)),
            Column("proveedor.rfc", "supplier_id", _pick(["ABC010203XY1", "MTY990101AB2", "NLE850505ZZ9"])),
            Column("proveedor.razonSocial", "supplier_name", _pick(["Aceros del Norte SA de CV", "Papelera Regia",
                                                                     "Eléctrica Monterrey"])),
            Column("fechaEmision", "order_date", _date("yyyy-MM-dd", "es_MX", 2025, 2026)),
            Column("fechaEntregaEstimada", "expected_date", _date("yyyy-MM-dd", "es_MX", 2025, 2026)),
            Column("partida.descripcion", "item", _pick(["Tornillo hexagonal", "Papel bond carta", "Cable THW"])),
            Column("partida.cantidad", "quantity", _int(1, 900)),
            Column("partida.precioUnitario", "unit_price", _plain(1, 5000)),
            Column("importeTotal", "total_amount", _plain(100, 400000)),
            Column("moneda", "currency", _enum({"MXN": ["MXN"], "USD": ["USD"]})),
            Column("condicionesPago", "payment_terms", _enum(
                {"net30": ["Crédito 30 días"], "net60": ["Crédito 60 días"], "prepaid": ["Anticipo"],
                 "cod": ["Contra entrega"]})),
            Column("estatus", "status", _enum(
                {"draft": ["BORRADOR"], "approved": ["AUTORIZADA"], "sent": ["ENVIADA"], "received": ["RECIBIDA"],
                 "cancelled": ["CANCELADA"]})),
            Column("comprador.correo", "buyer_email", _email("compras.mx")),
        ], Column("centroCostos", None, _ref("CC", 10, 40))),
    ]


def _tickets() -> list[Spec]:
    return [
        ("gent-servicedesk", "ServiceDesk", "tickets", "csv", [
            Column("Ticketnr", "ticket_id", _ident("INC", 7)),
            Column("Aangemaakt op", "opened_at", _stamp("nl_BE")),
            Column("Opgelost op", "resolved_at", _stamp("nl_BE", blank=0.3)),
            Column("Melder", "requester_email", _email("stad.gent")),
            Column("Behandelaar", "assignee", _pick(["Jan Peeters", "Els Maes", "Tom Claes"])),
            Column("Categorie", "category", _enum(
                {"hardware": ["Hardware"], "software": ["Software"], "network": ["Netwerk"],
                 "access": ["Toegang en accounts"]})),
            Column("Prioriteit", "priority", _enum(
                {"p1": ["1 - Kritiek"], "p2": ["2 - Hoog"], "p3": ["3 - Gemiddeld"], "p4": ["4 - Laag"]})),
            Column("Status", "status", _enum(
                {"new": ["Nieuw"], "in_progress": ["In behandeling"], "on_hold": ["In wacht"],
                 "resolved": ["Opgelost"], "closed": ["Gesloten"]})),
            Column("Omschrijving", "summary", _pick(["Printer werkt niet", "Wachtwoord vergeten", "Geen wifi"])),
            Column("SLA overschreden", "sla_breached", _flag("nee", "ja", 0.85)),
            Column("Kanaal", "channel", _enum(
                {"email": ["E-mail"], "phone": ["Telefoon"], "portal": ["Selfservice"], "walk_in": ["Balie"]}),
                renamed="Meldingskanaal"),
        ], Column("Configuratie-item", None, _ref("CI", 1000, 1400))),
        ("milano-helpdesk", "ServiceDesk", "tickets", "xlsx", [
            Column("ID Richiesta", "ticket_id", _ident("RIC", 6)),
            Column("Data apertura", "opened_at", _date("dd/MM/yyyy", "it", 2025, 2026)),
            Column("Data chiusura", "resolved_at", _date("dd/MM/yyyy", "it", 2025, 2026, blank=0.25)),
            Column("Email richiedente", "requester_email", _email("comune.milano.it")),
            Column("Tecnico assegnato", "assignee", _pick(["Luca Bianchi", "Giulia Ferrari", "Marco Colombo"])),
            Column("Categoria", "category", _enum(
                {"hardware": ["Hardware"], "software": ["Software"], "network": ["Rete"], "access": ["Accessi"]})),
            Column("Priorità", "priority", _enum(
                {"p1": ["Critica"], "p2": ["Alta"], "p3": ["Media"], "p4": ["Bassa"]})),
            Column("Stato", "status", _enum(
                {"new": ["Nuovo"], "in_progress": ["In lavorazione"], "on_hold": ["Sospeso"], "resolved": ["Risolto"],
                 "closed": ["Chiuso"]}, later={"in_progress": ["In lavoraz."]})),
            Column("Oggetto", "summary", _pick(["Stampante guasta", "Password scaduta", "VPN non funziona"])),
            Column("SLA violato", "sla_breached", _flag("No", "Sì", 0.8)),
            Column("Canale", "channel", _enum(
                {"email": ["Email"], "phone": ["Telefono"], "portal": ["Portale"], "walk_in": ["Di persona"]})),
        ], Column("Sede", None, _pick(["Via Larga", "Piazza Duomo"]))),
    ]


def _specs() -> list[Spec]:
    return [*_bookings(), *_work_orders(), *_readings(), *_results(), *_purchase_orders(), *_tickets()]


def partners() -> list[Partner]:
    """Every partner of this set with three deliveries (d1, d2, d3)."""
    return build(_specs(), parse_blueprints(BLUEPRINTS), seed=5000)


def main(argv: list[str] | None = None) -> int:
    return show_partners(__doc__, partners(), argv)


if __name__ == "__main__":
    raise SystemExit(main())
