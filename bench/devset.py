"""A development set of partners feedline's mapping was not written against.

Usage: ``python bench/devset.py [--show]`` (prints each partner's headers and values).

Nine partners (and five "fresh" ones, written after tuning) in French, German, Spanish, Italian, Portuguese, Dutch and abbreviated
English deliver three files each to three blueprints: an HR blueprint (employees), a
logistics blueprint (shipments) and the shared CRM blueprint (contacts, orders,
accounts; ``../shared/fixtures/blueprints/crm.yaml``). Headers and values are written
the way such exports look (local date and number formats, translated or abbreviated
enum values, a few invalid values); ``d2`` re-delivers new rows, ``d3`` renames one
column, adds one and shuffles the order. Generated in memory, seeded: the same every run.
It is a check of generality, never a source of rules: nothing here is read by
``feedline/`` or by the calibration fit.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import yaml
from babel.dates import format_date
from babel.numbers import format_decimal

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from learning_sim import Delivery, Partner, show_partners

from feedline.blueprint import Blueprint, load_blueprint, parse_blueprint

ROWS = 60
CRM = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "blueprints" / "crm.yaml"

HR = """
name: HR
sheets:
  - slug: employees
    name: Employees
    fields:
      - {key: employee_id, label: Employee ID, type: string, constraints: [{type: required}, {type: unique}]}
      - {key: first_name, label: First Name, type: string}
      - {key: last_name, label: Last Name, type: string, constraints: [{type: required}]}
      - {key: email, label: Work Email, type: string, alternative_names: [email]}
      - key: department
        label: Department
        type: enum
        options:
          - {value: sales, label: Sales}
          - {value: marketing, label: Marketing}
          - {value: finance, label: Finance}
          - {value: hr, label: Human Resources}
          - {value: engineering, label: Engineering}
          - {value: rnd, label: Research & Development}
          - {value: it, label: IT}
          - {value: legal, label: Legal}
          - {value: operations, label: Operations}
      - {key: job_title, label: Job Title, type: string}
      - {key: hire_date, label: Hire Date, type: date, constraints: [{type: required}]}
      - {key: termination_date, label: Termination Date, type: date}
      - {key: salary, label: Annual Salary, type: number}
      - key: employment_type
        label: Employment Type
        type: enum
        options:
          - {value: full_time, label: Full time}
          - {value: part_time, label: Part time}
          - {value: contractor, label: Contractor}
          - {value: intern, label: Intern}
      - {key: manager_id, label: Manager ID, type: string}
      - {key: location, label: Location, type: string}
      - {key: active, label: Active, type: boolean}
"""

LOGISTICS = """
name: Logistics
sheets:
  - slug: shipments
    name: Shipments
    fields:
      - {key: shipment_id, label: Shipment ID, type: string, constraints: [{type: required}]}
      - {key: order_ref, label: Order Reference, type: string}
      - {key: carrier, label: Carrier, type: string}
      - {key: tracking_number, label: Tracking Number, type: string}
      - {key: ship_date, label: Ship Date, type: date, constraints: [{type: required}]}
      - {key: delivered_on, label: Delivery Date, type: date}
      - {key: weight_kg, label: Weight (kg), type: number}
      - key: destination_country
        label: Destination Country
        type: enum
        options:
          - {value: DE, label: Germany}
          - {value: FR, label: France}
          - {value: NL, label: Netherlands}
          - {value: BE, label: Belgium}
          - {value: AT, label: Austria}
          - {value: PL, label: Poland}
      - key: status
        label: Status
        type: enum
        options:
          - {value: pending, label: Pending}
          - {value: in_transit, label: In transit}
          - {value: delivered, label: Delivered}
          - {value: returned, label: Returned}
          - {value: lost, label: Lost}
      - {key: cost, label: Freight Cost, type: number}
      - key: currency
        label: Currency
        type: enum
        options:
          - {value: EUR, label: Euro}
          - {value: USD, label: US Dollar}
          - {value: CHF, label: Swiss Franc}
          - {value: PLN, label: Polish Zloty}
"""

FIRST = {"fr": ["Camille", "Louis", "Chloé", "Hugo", "Léa", "Jules", "Manon", "Arthur"],
         "de": ["Lukas", "Anna", "Jonas", "Lea", "Felix", "Marie", "Paul", "Sophie"],
         "es": ["Lucía", "Hugo", "Martina", "Mateo", "Sofía", "Leo", "Valeria", "Daniel"],
         "it": ["Giulia", "Leonardo", "Sofia", "Francesco", "Aurora", "Tommaso"],
         "pt": ["Maria", "João", "Beatriz", "Tiago", "Inês", "Rodrigo", "Ana", "Duarte"],
         "nl": ["Daan", "Emma", "Sem", "Julia", "Lucas", "Mila", "Finn", "Tess"],
         "en": ["Olivia", "Jack", "Amelia", "Noah", "Isla", "Oliver", "Mia", "Leo"]}
LAST = {"fr": ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Petit"],
        "de": ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer"],
        "es": ["García", "Rodríguez", "González", "Fernández", "López", "Martínez"],
        "it": ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano"],
        "pt": ["Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa"],
        "nl": ["de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser"],
        "en": ["Smith", "Jones", "Williams", "Brown", "Taylor", "Wilson"]}
JOBS = {"fr": ["Comptable", "Ingénieur logiciel", "Chef de projet", "Juriste", "Commercial"],
        "de": ["Buchhalter", "Softwareentwickler", "Projektleiterin", "Jurist", "Vertriebsleiter"],
        "pt": ["Contabilista", "Engenheira de software", "Gestor de projeto", "Jurista", "Vendedor"],
        "en": ["Accountant", "Software Engineer", "Project Manager", "Counsel", "Account Executive"],
        "es": ["Contable", "Ingeniera de software", "Jefe de proyecto", "Abogado", "Comercial"]}


@dataclass
class Column:
    """One source column: its header per delivery, its field (None = goes nowhere), values."""

    header: str
    field: str | None
    make: Callable[[random.Random, int], str]
    renamed: str | None = None  # its header in d3


def _date(fmt: str, lang: str, blank: float = 0.0) -> Callable[[random.Random, int], str]:
    def make(rng: random.Random, _: int) -> str:
        if rng.random() < blank:
            return ""
        d = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(4000))
        return format_date(d, fmt, locale=lang)
    return make


def _number(lang: str, lo: float, hi: float, digits: int = 2, suffix: str = "") -> Callable[[random.Random, int], str]:
    def make(rng: random.Random, _: int) -> str:
        fmt = "#,##0" + ("." + "0" * digits if digits else "")
        return format_decimal(round(rng.uniform(lo, hi), digits), fmt, locale=lang) + suffix
    return make


def _pick(items: list[str]) -> Callable[[random.Random, int], str]:
    return lambda rng, _: rng.choice(items)


def _ident(prefix: str, width: int = 5, start: int = 1000) -> Callable[[random.Random, int], str]:
    return lambda _rng, i: f"{prefix}{start + i:0{width}d}"


@dataclass
class _enum:
    """Enum values: option -> the ways this partner writes it, plus an invalid value now and then."""

    spellings: dict[str, list[str]]
    invalid: str | None = None

    def __call__(self, rng: random.Random, i: int) -> str:
        if self.invalid and i % 37 == 5:
            return self.invalid
        word = rng.choice(self.spellings[rng.choice(sorted(self.spellings))])
        noise = rng.random()
        return word.upper() if noise < 0.1 else f" {word}" if noise < 0.15 else word

    def truth(self, value: str) -> str | None:
        lookup = {w.casefold(): o for o, ws in self.spellings.items() for w in ws}
        return lookup.get(value.strip().casefold())


def _email(lang: str, domain: str) -> Callable[[random.Random, int], str]:
    def make(rng: random.Random, i: int) -> str:
        first = rng.choice(FIRST[lang]).lower().replace("é", "e").replace("ã", "a")
        return f"{first}.{i}@{domain}"
    return make


def _phone(prefix: str) -> Callable[[random.Random, int], str]:
    return lambda rng, _: f"{prefix} {rng.randrange(100, 999)} {rng.randrange(1000, 9999)}"


def _flag(yes: str, no: str) -> Callable[[random.Random, int], str]:
    return lambda rng, _: yes if rng.random() < 0.8 else no


def _partners_spec() -> list[tuple[str, str, str, list[Column], Column]]:
    """(name, blueprint, sheet, columns, extra column added in d3) per partner."""
    fr_dept = {"sales": ["Ventes"], "marketing": ["Marketing"], "finance": ["Comptabilité", "Finance"],
               "hr": ["Ressources humaines", "RH"], "rnd": ["R&D"], "it": ["Informatique"],
               "legal": ["Juridique"]}
    de_dept = {"sales": ["Vertrieb"], "marketing": ["Marketing"], "finance": ["Buchhaltung", "Finanzen"],
               "hr": ["Personal"], "rnd": ["Forschung und Entwicklung", "F&E"], "it": ["IT"],
               "legal": ["Recht"], "operations": ["Betrieb"]}
    pt_dept = {"sales": ["Vendas", "Comercial"], "finance": ["Finanças", "Contabilidade"],
               "hr": ["Recursos Humanos", "RH"], "it": ["TI", "Informática"], "legal": ["Jurídico"],
               "marketing": ["Marketing"], "operations": ["Operações"]}
    en_dept = {"sales": ["SLS"], "marketing": ["MKT"], "finance": ["FIN"], "hr": ["HR"],
               "engineering": ["ENG"], "rnd": ["R&D"], "it": ["IT"], "operations": ["OPS"]}
    return [
        ("lyon-rh", "HR", "employees", [
            Column("Matricule", "employee_id", _ident("E", 6)),
            Column("Nom", "last_name", _pick(LAST["fr"])),
            Column("Prénom", "first_name", _pick(FIRST["fr"])),
            Column("Adresse e-mail professionnelle", "email", _email("fr", "entreprise.fr")),
            Column("Service", "department", _enum(fr_dept)),
            Column("Intitulé du poste", "job_title", _pick(JOBS["fr"]), renamed="Fonction"),
            Column("Date d'entrée", "hire_date", _date("dd/MM/yyyy", "fr")),
            Column("Date de sortie", "termination_date", _date("dd/MM/yyyy", "fr", blank=0.8)),
            Column("Salaire annuel brut", "salary", _number("fr", 28000, 90000)),
            Column("Temps de travail", "employment_type", _enum(
                {"full_time": ["Temps plein"], "part_time": ["Temps partiel"],
                 "intern": ["Stagiaire"], "contractor": ["Prestataire"]})),
            Column("Site", "location", _pick(["Lyon", "Paris", "Lille", "Nantes"])),
            Column("Actif", "active", _flag("Oui", "Non")),
        ], Column("Code analytique", None, _ident("CA", 3))),
        ("hamburg-personal", "HR", "employees", [
            Column("Personalnr.", "employee_id", _ident("", 5, 20000)),
            Column("Vorname", "first_name", _pick(FIRST["de"])),
            Column("Nachname", "last_name", _pick(LAST["de"]), renamed="Familienname"),
            Column("E-Mail", "email", _email("de", "firma.de")),
            Column("Abteilung", "department", _enum(de_dept, invalid="Sonstiges")),
            Column("Stellenbezeichnung", "job_title", _pick(JOBS["de"])),
            Column("Eintrittsdatum", "hire_date", _date("dd.MM.yyyy", "de")),
            Column("Austrittsdatum", "termination_date", _date("dd.MM.yyyy", "de", blank=0.85)),
            Column("Jahresgehalt brutto", "salary", _number("de", 35000, 110000)),
            Column("Beschäftigungsart", "employment_type", _enum(
                {"full_time": ["Vollzeit", "VZ"], "part_time": ["Teilzeit", "TZ"],
                 "intern": ["Praktikant"], "contractor": ["Freiberufler"]})),
            Column("Vorgesetzter", "manager_id", _ident("", 5, 20000)),
            Column("Kostenstelle", None, _pick(["4100", "4200", "5100", "6300"])),
            Column("Standort", "location", _pick(["Hamburg", "Berlin", "München"])),
        ], Column("Bemerkung", None, _pick(["", "Elternzeit", "", "Homeoffice"]))),
        ("porto-rh", "HR", "employees", [
            Column("Nº Funcionário", "employee_id", _ident("F", 4)),
            Column("Primeiro Nome", "first_name", _pick(FIRST["pt"])),
            Column("Apelido", "last_name", _pick(LAST["pt"])),
            Column("Email", "email", _email("pt", "empresa.pt")),
            Column("Departamento", "department", _enum(pt_dept)),
            Column("Função", "job_title", _pick(JOBS["pt"])),
            Column("Data de Admissão", "hire_date", _date("yyyy-MM-dd", "pt"), renamed="Admitido em"),
            Column("Data de Saída", "termination_date", _date("yyyy-MM-dd", "pt", blank=0.8)),
            Column("Vencimento Base", "salary", _number("pt", 900, 4000, suffix=" €")),
            Column("Regime", "employment_type", _enum(
                {"full_time": ["Tempo inteiro"], "part_time": ["Tempo parcial"], "intern": ["Estagiário"]})),
            Column("Local de Trabalho", "location", _pick(["Porto", "Lisboa", "Braga"])),
            Column("Ativo", "active", _flag("Sim", "Não")),
        ], Column("NIF", None, _ident("5", 8, 10000000))),
        ("sydney-hris", "HR", "employees", [
            Column("EMP_NO", "employee_id", _ident("", 6, 300000)),
            Column("GIVEN_NM", "first_name", _pick(FIRST["en"])),
            Column("FAMILY_NM", "last_name", _pick(LAST["en"])),
            Column("WORK_EMAIL", "email", _email("en", "corp.com.au")),
            Column("DEPT_CD", "department", _enum(en_dept, invalid="XX")),
            Column("JOB_FN", "job_title", _pick(JOBS["en"])),
            Column("DOH", "hire_date", _date("yyyy-MM-dd", "en")),
            Column("TERM_DT", "termination_date", _date("yyyy-MM-dd", "en", blank=0.8)),
            Column("BASE_SAL", "salary", _number("en", 60000, 180000, digits=0), renamed="ANNUAL_BASE"),
            Column("EMP_TYP", "employment_type", _enum(
                {"full_time": ["FT"], "part_time": ["PT"], "contractor": ["CTR"], "intern": ["INT"]})),
            Column("MGR_NO", "manager_id", _ident("", 6, 300000)),
            Column("LOC", "location", _pick(["SYD", "MEL", "BNE"])),
            Column("ACTIVE_FLG", "active", _flag("Y", "N")),
        ], Column("SUPER_FUND", None, _pick(["AustralianSuper", "REST", "HESTA"]))),
        ("madrid-clientes", "CRM", "contacts", [
            Column("Código cliente", "contact_id", _ident("C-", 5)),
            Column("Nombre", "first_name", _pick(FIRST["es"])),
            Column("Apellidos", "last_name", _pick(LAST["es"])),
            Column("Correo electrónico", "email", _email("es", "correo.es")),
            Column("Teléfono", "phone", _phone("+34")),
            Column("Cargo", "job_title", _pick(JOBS["es"])),
            Column("Empresa", "account_id", _ident("A", 4, 100)),
            Column("Estado", "status", _enum(
                {"active": ["Activo"], "inactive": ["Inactivo"], "lead": ["Potencial"], "churned": ["Baja"]})),
            Column("País", "country", _enum(
                {"ES": ["España"], "FR": ["Francia"], "DE": ["Alemania"], "IT": ["Italia"], "GB": ["Reino Unido"]},
                invalid="México")),
            Column("Fecha de alta", "signup_date", _date("dd/MM/yyyy", "es"), renamed="Alta"),
            Column("Acepta publicidad", "opt_in", _flag("Sí", "No")),
            Column("Valor cliente", "lifetime_value", _number("es", 0, 9000)),
        ], Column("Delegación", None, _pick(["Madrid", "Barcelona", "Valencia"]))),
        ("milano-ordini", "CRM", "orders", [
            Column("Numero ordine", "order_id", _ident("ORD", 6)),
            Column("Data ordine", "order_date", _date("dd/MM/yyyy", "it")),
            Column("Email cliente", "contact_email", _email("it", "posta.it")),
            Column("Codice articolo", "sku", lambda rng, _: f"{rng.choice(['ABC', 'XYZ', 'QRS'])}-{rng.randrange(1000, 9999)}"),
            Column("Quantità", "quantity", lambda rng, _: str(rng.randrange(1, 20))),
            Column("Totale", "amount", _number("it", 10, 3000)),
            Column("Valuta", "currency", _enum({"EUR": ["Euro", "EUR"], "USD": ["Dollaro statunitense"],
                                                "GBP": ["Sterlina britannica"]})),
            Column("Stato", "status", _enum(
                {"pending": ["In attesa"], "paid": ["Pagato"], "shipped": ["Spedito"],
                 "delivered": ["Consegnato"], "cancelled": ["Annullato"], "refunded": ["Rimborsato"]})),
            Column("Data spedizione", "ship_date", _date("dd/MM/yyyy", "it", blank=0.2), renamed="Spedito il"),
        ], Column("Agente", None, _pick(["Bianchi", "Verdi", "Neri"]))),
        ("utrecht-klanten", "CRM", "accounts", [
            Column("Klantnummer", "account_id", _ident("K", 5)),
            Column("Bedrijfsnaam", "name", _pick(["Bakker BV", "Visser Groep", "De Haan NV", "Smit Logistiek", "Mulder ICT"])),
            Column("Sector", "industry", _enum(
                {"technology": ["TECH"], "financial_services": ["FIN SVC"], "healthcare": ["HLTHCR"],
                 "retail": ["RETAIL"], "manufacturing": ["MANUF"], "logistics": ["TRANSP & LOG"],
                 "professional_services": ["PROF SVC"], "energy": ["ENERGY"]})),
            Column("Land", "country", _enum(
                {"NL": ["Nederland"], "DE": ["Duitsland"], "FR": ["Frankrijk"], "GB": ["Verenigd Koninkrijk"],
                 "SE": ["Zweden"]}, invalid="België")),
            Column("Aantal medewerkers", "employees", lambda rng, _: str(rng.randrange(5, 5000))),
            Column("Jaaromzet", "annual_revenue", _number("nl", 1e5, 5e7, digits=0), renamed="Omzet per jaar"),
            Column("Website", "website", lambda rng, i: f"https://www.bedrijf{i}.nl"),
        ], Column("KvK-nummer", None, _ident("", 8, 30000000))),
        ("bremen-fracht", "Logistics", "shipments", [
            Column("Sendungsnummer", "shipment_id", _ident("S", 7)),
            Column("Auftragsnummer", "order_ref", _ident("A", 6)),
            Column("Spediteur", "carrier", _pick(["DHL", "DPD", "Hermes", "GLS"])),
            Column("Sendungsverfolgung", "tracking_number", lambda rng, _: f"JJD{rng.randrange(10**12, 10**13)}"),
            Column("Versanddatum", "ship_date", _date("d. MMMM y", "de"), renamed="Versand am"),
            Column("Zustelldatum", "delivered_on", _date("d. MMMM y", "de", blank=0.3)),
            Column("Gewicht (kg)", "weight_kg", _number("de", 0.2, 40, digits=1)),
            Column("Zielland", "destination_country", _enum(
                {"DE": ["Deutschland"], "FR": ["Frankreich"], "NL": ["Niederlande"], "BE": ["Belgien"],
                 "AT": ["Österreich"], "PL": ["Polen"]})),
            Column("Status", "status", _enum(
                {"pending": ["Offen"], "in_transit": ["Unterwegs"], "delivered": ["Zugestellt"],
                 "returned": ["Retoure"], "lost": ["Verloren"]}, invalid="Unbekannt")),
            Column("Frachtkosten", "cost", _number("de", 4, 120)),
            Column("Währung", "currency", _enum({"EUR": ["EUR"], "CHF": ["CHF"], "PLN": ["PLN"]})),
        ], Column("Packstück", None, lambda rng, _: str(rng.randrange(1, 4)))),
        ("lille-transport", "Logistics", "shipments", [
            Column("N° expédition", "shipment_id", _ident("EXP", 6)),
            Column("Réf. commande", "order_ref", _ident("CMD", 6)),
            Column("Transporteur", "carrier", _pick(["Geodis", "Chronopost", "DB Schenker"])),
            Column("N° de suivi", "tracking_number", lambda rng, _: f"XY{rng.randrange(10**9, 10**10)}FR"),
            Column("Date d'expédition", "ship_date", _date("d MMM y", "fr")),
            Column("Livré le", "delivered_on", _date("d MMM y", "fr", blank=0.3)),
            Column("Poids", "weight_kg", _number("fr", 0.5, 30, digits=1), renamed="Poids brut"),
            Column("Pays de destination", "destination_country", _enum(
                {"FR": ["France"], "BE": ["Belgique"], "DE": ["Allemagne"], "NL": ["Pays-Bas"]})),
            Column("Statut", "status", _enum(
                {"pending": ["En attente"], "in_transit": ["En cours d'acheminement"],
                 "delivered": ["Livré"], "returned": ["Retourné"]})),
            Column("Coût", "cost", _number("fr", 5, 90)),
            Column("Devise", "currency", _enum({"EUR": ["€", "EUR"]})),
        ], Column("Entrepôt", None, _pick(["Lille", "Lesquin", "Roubaix"]))),
    ]


def _fresh_spec() -> list[tuple[str, str, str, list[Column], Column]]:
    """Five more partners, written after the vocabulary and rules were last tuned and
    measured once: the honest check of generality (see docs/automap.md)."""
    return [
        ("gent-personeel", "HR", "employees", [
            Column("Personeelsnr", "employee_id", _ident("P", 5)),
            Column("Voornaam", "first_name", _pick(FIRST["nl"])),
            Column("Familienaam", "last_name", _pick(LAST["nl"])),
            Column("E-mailadres werk", "email", _email("nl", "bedrijf.be")),
            Column("Dienst", "department", _enum(
                {"sales": ["Verkoop"], "finance": ["Boekhouding"], "hr": ["HR"], "it": ["IT"],
                 "legal": ["Juridische dienst"]})),
            Column("Functieomschrijving", "job_title", _pick(["Boekhouder", "Ontwikkelaar", "Jurist", "Verkoper"])),
            Column("Datum in dienst", "hire_date", _date("dd-MM-yyyy", "nl"), renamed="In dienst sinds"),
            Column("Datum uit dienst", "termination_date", _date("dd-MM-yyyy", "nl", blank=0.8)),
            Column("Brutoloon per jaar", "salary", _number("nl", 30000, 90000)),
            Column("Arbeidsregime", "employment_type", _enum(
                {"full_time": ["Voltijds"], "part_time": ["Deeltijds"], "intern": ["Stagiair"]})),
            Column("Werkplek", "location", _pick(["Gent", "Brussel", "Antwerpen"])),
            Column("Actief", "active", _flag("J", "N")),
        ], Column("Rijksregisternummer", None, _ident("85", 9, 100000000))),
        ("sevilla-envios", "Logistics", "shipments", [
            Column("Nº envío", "shipment_id", _ident("ENV", 6)),
            Column("Pedido", "order_ref", _ident("PED", 6)),
            Column("Empresa de transporte", "carrier", _pick(["SEUR", "MRW", "Correos Express"])),
            Column("Nº de seguimiento", "tracking_number", lambda rng, _: f"ES{rng.randrange(10**10, 10**11)}"),
            Column("Fecha de salida", "ship_date", _date("d 'de' MMMM 'de' y", "es")),
            Column("Fecha de entrega", "delivered_on", _date("d 'de' MMMM 'de' y", "es", blank=0.3)),
            Column("Peso (kg)", "weight_kg", _number("es", 0.3, 25, digits=1)),
            Column("País destino", "destination_country", _enum(
                {"DE": ["Alemania"], "FR": ["Francia"], "NL": ["Países Bajos"], "BE": ["Bélgica"],
                 "AT": ["Austria"], "PL": ["Polonia"]})),
            Column("Estado", "status", _enum(
                {"pending": ["Pendiente"], "in_transit": ["En tránsito"], "delivered": ["Entregado"],
                 "returned": ["Devuelto"], "lost": ["Extraviado"]}), renamed="Estado del envío"),
            Column("Coste del porte", "cost", _number("es", 3, 80)),
            Column("Moneda", "currency", _enum({"EUR": ["Euro"], "USD": ["Dólar estadounidense"]})),
        ], Column("Bultos", None, lambda rng, _: str(rng.randrange(1, 5)))),
        ("torino-clienti", "CRM", "contacts", [
            Column("Cod. cliente", "contact_id", _ident("CL", 5)),
            Column("Nome", "first_name", _pick(FIRST["it"])),
            Column("Cognome", "last_name", _pick(LAST["it"])),
            Column("Indirizzo e-mail", "email", _email("it", "posta.it")),
            Column("Cellulare", "phone", _phone("+39")),
            Column("Qualifica", "job_title", _pick(["Impiegato", "Dirigente", "Quadro"])),
            Column("Azienda", "account_id", _ident("AZ", 4)),
            Column("Stato", "status", _enum(
                {"active": ["Attivo"], "inactive": ["Non attivo"], "lead": ["Potenziale"], "churned": ["Perso"]})),
            Column("Nazione", "country", _enum(
                {"IT": ["Italia"], "FR": ["Francia"], "DE": ["Germania"], "CH": ["Svizzera"], "AT": ["Austria"]})),
            Column("Data registrazione", "signup_date", _date("dd/MM/yyyy", "it")),
            Column("Consenso newsletter", "opt_in", _flag("Sì", "No"), renamed="Consenso marketing"),
            Column("Valore cliente", "lifetime_value", _number("it", 0, 5000)),
        ], Column("Provincia", None, _pick(["TO", "MI", "CN", "AT"]))),
        ("curitiba-pedidos", "CRM", "orders", [
            Column("Nº do pedido", "order_id", _ident("PD", 6)),
            Column("Data do pedido", "order_date", _date("dd/MM/yyyy", "pt")),
            Column("E-mail do cliente", "contact_email", _email("pt", "exemplo.com.br")),
            Column("Código do produto", "sku", lambda rng, _: f"{rng.choice(['ABC', 'KLM'])}-{rng.randrange(1000, 9999)}"),
            Column("Qtde", "quantity", lambda rng, _: str(rng.randrange(1, 12))),
            Column("Valor total", "amount", _number("pt", 20, 2500)),
            Column("Moeda", "currency", _enum({"USD": ["Dólar americano"], "EUR": ["Euro"],
                                               "GBP": ["Libra esterlina"]})),
            Column("Status", "status", _enum(
                {"pending": ["Aguardando pagamento"], "paid": ["Pago"], "shipped": ["Enviado"],
                 "delivered": ["Entregue"], "cancelled": ["Cancelado"], "refunded": ["Reembolsado"]})),
            Column("Data de envio", "ship_date", _date("dd/MM/yyyy", "pt", blank=0.3), renamed="Enviado em"),
        ], Column("Vendedor", None, _pick(["Ana", "Bruno", "Carla"]))),
        ("leeds-payroll", "HR", "employees", [
            Column("Staff Number", "employee_id", _ident("", 6, 500000)),
            Column("Forename", "first_name", _pick(FIRST["en"])),
            Column("Surname", "last_name", _pick(LAST["en"])),
            Column("Email Address", "email", _email("en", "firm.co.uk")),
            Column("Division", "department", _enum(
                {"sales": ["Sales"], "finance": ["Finance"], "hr": ["People"], "it": ["Technology"],
                 "legal": ["Legal"], "operations": ["Ops"]})),
            Column("Role", "job_title", _pick(JOBS["en"])),
            Column("Start Date", "hire_date", _date("d MMM yyyy", "en")),
            Column("Leaving Date", "termination_date", _date("d MMM yyyy", "en", blank=0.85)),
            Column("Gross Pay", "salary", _number("en", 25000, 95000), renamed="Gross Annual Pay"),
            Column("Contract", "employment_type", _enum(
                {"full_time": ["Permanent FT"], "part_time": ["Permanent PT"], "contractor": ["Contractor"],
                 "intern": ["Apprentice"]})),
            Column("Line Manager", "manager_id", _ident("", 6, 500000)),
            Column("Office", "location", _pick(["Leeds", "York", "Hull"])),
            Column("Current", "active", _flag("Yes", "No")),
        ], Column("NI Number", None, lambda rng, _: f"QQ{rng.randrange(100000, 999999)}C")),
    ]


def _blueprints() -> dict[str, Blueprint]:
    return {"HR": parse_blueprint(yaml.safe_load(HR)),
            "Logistics": parse_blueprint(yaml.safe_load(LOGISTICS)),
            "CRM": load_blueprint(CRM)}


def partners(fresh: bool = False) -> list[Partner]:
    """Every development partner (``fresh``: the five measured once) with three deliveries."""
    bps = _blueprints()
    out = []
    for n, (name, bp, slug, columns, extra) in enumerate(_fresh_spec() if fresh else _partners_spec()):
        sheet = bps[bp].sheet(slug)
        rng = random.Random((2000 if fresh else 1000) + n)
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
            frame = pl.DataFrame(data, schema=dict.fromkeys(data, pl.String))
            deliveries.append(Delivery(dname, frame, truth, enums))
        out.append(Partner(name, bps[bp].name, sheet, deliveries))
    return out


def main(argv: list[str] | None = None) -> int:
    return show_partners(__doc__, partners(), argv)


if __name__ == "__main__":
    raise SystemExit(main())
