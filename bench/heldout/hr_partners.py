"""Partners delivering to the HR blueprint: French, US, Dutch and Spanish employee lists and
Italian absences, each in its own language, codes and file layout.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from partner_base import Context, Delivered, Member, Partner
from partner_kit import (
    DELIVERIES,
    MISSING,
    Col,
    Stream,
    XlsxSheet,
    delimited_bytes,
    json_bytes,
    nested_records,
    xlsx_bytes,
    xml_bytes,
)


def pick(rng: random.Random, words: str) -> str:
    return rng.choice(words.split(","))


class Lumiere(Partner):
    """French group: workbook with a read-me sheet, a summary sheet, then the staff list."""

    name, blueprint, feed, language = "lumiere", "hr", "hr", "fr"
    routes = [("*salaries*", "employees")]
    description = ("XLSX, sheets Lisez-moi (notes) / Synthèse (summary table) / Salariés "
                   "(data, title lines above the header); French headers and values; "
                   "real date and number cells; € / CHF / £ symbols as currencies")
    date_format = None
    native_numbers = True
    bool_tokens = ("Oui", "Non")
    blank = None
    ids = {"employees": ("LUM-{:05d}", 1200)}
    countries = {"FR": 70, "BE": 12, "CH": 8, "LU": 5, "GB": 5}
    streams = [Stream(
        key="salaries", sheet="employees",
        columns=[Col("Matricule", "employee_id"), Col("Prénom", "first_name"),
                 Col("Nom", "last_name"), Col("Courriel professionnel", "email"),
                 Col("Intitulé du poste", "job_title"), Col("Service", "department"),
                 Col("Type de contrat", "employment_type"), Col("Date d'entrée", "hire_date"),
                 Col("Date de sortie", "termination_date"),
                 Col("Salaire annuel brut", "salary"), Col("Devise", "currency"),
                 Col("Matricule du manager", "manager_id"), Col("Pays", "country"),
                 Col("Actif", "active"), Col("Heures hebdo", "weekly_hours"),
                 Col("Site", None, "site")],
        spellings={
            "department": {"engineering": "Ingénierie", "research": "R&D",
                           "sales": "Commercial", "marketing": "Marketing",
                           "finance": "Finance", "human_resources": "Ressources humaines",
                           "operations": "Opérations", "customer_support": "Service client",
                           "legal": "Juridique", "it": "DSI"},
            "employment_type": {"full_time": "Temps plein", "part_time": "Temps partiel",
                                "contractor": "Prestataire", "intern": "Stagiaire",
                                "temporary": "Intérim"},
            "currency": {"EUR": "€", "CHF": "CHF", "GBP": "£"},
            "country": {"FR": "France", "BE": "Belgique", "CH": "Suisse",
                        "LU": "Luxembourg", "GB": "Royaume-Uni"}},
        bad_enums={"department": ["Divers", "À définir"], "employment_type": ["Autre", "NC"],
                   "country": ["Europe", "Monde"], "currency": ["EUR/CHF", "?"]},
        rename=("Courriel professionnel", "Adresse e-mail"),
        added=Col("Code analytique", None, "cost_code"),
        new_spellings={"employment_type": {"temporary": "Intérimaire"}},
        bad_dates=["31/02/2025", "à confirmer", "00/00/0000"])]

    FIRST = ("Camille,Léa,Manon,Chloé,Inès,Jade,Louise,Zoé,Hugo,Lucas,Théo,Nathan,Mathis,"
             "Raphaël,Gabriel,Antoine,Élodie,Sébastien,Hélène,François,Aurélie,Jérôme,Benoît,"
             "Cécile,Noémie,Maël,Margaux,Gaëtan")
    LAST = ("Martin,Bernard,Dubois,Thomas,Robert,Richard,Petit,Durand,Leroy,Moreau,Simon,"
            "Laurent,Lefèbvre,Michel,Garcia,David,Bertrand,Roux,Vincent,Fournier,Morel,Girard,"
            "André,Mercier,Dupont,Lambert,Bonnet,Faure,Rousseau,Blanc,Guérin,Muller,Perrin,"
            "Morin,Le Gall,De Smet,Peeters,Schmit")
    TITLES = {"engineering": "Ingénieur logiciel,Ingénieure DevOps,Cheffe de projet technique",
              "research": "Chercheur,Ingénieur R&D,Docteure en chimie",
              "sales": "Commercial terrain,Responsable grands comptes,Directrice commerciale",
              "marketing": "Chargée de marketing,Responsable communication",
              "finance": "Comptable,Contrôleur de gestion,Directeur financier",
              "human_resources": "Chargée de recrutement,Gestionnaire paie,DRH",
              "operations": "Responsable logistique,Technicien de maintenance,Opérateur de production",
              "customer_support": "Conseiller clientèle,Chargé de support",
              "legal": "Juriste,Responsable conformité",
              "it": "Administrateur systèmes,Technicien support,Architecte SI"}
    SITES = {"FR": "Paris,Lyon,Nantes,Lille", "BE": "Bruxelles,Liège", "CH": "Genève,Lausanne",
             "LU": "Luxembourg", "GB": "Londres"}

    def person(self, rng, country):
        return (pick(rng, self.FIRST), pick(rng, self.LAST),
                {"site": pick(rng, self.SITES[country]),
                 "cost_code": f"CA-{rng.randint(100, 999)}"})

    def job_title(self, rng, dept):
        return pick(rng, self.TITLES[dept])

    def domain(self, country):
        return "lumiere-groupe.fr"

    def currency_of(self, country):
        return {"CH": "CHF", "GB": "GBP"}.get(country, "EUR")

    def salary_factor(self, country):
        return {"CH": 1.45, "LU": 1.2, "GB": 1.05}.get(country, 1.0)

    def hours(self, rng, etype, country):
        full = {"FR": 3500, "BE": 3800, "CH": 4200}.get(country, 4000)
        return rng.choice([1750, 2100, 2450, 2800]) if etype == "part_time" else full

    def package(self, delivery, tables):
        t = tables["salaries"]
        day = DELIVERIES[delivery]
        spell = t.stream.spelling("department", delivery)
        summary: dict[str, list[int]] = {}
        for rec in t.recs:
            s = summary.setdefault(spell[rec["department"]], [0, 0])
            s[0] += 1
            s[1] += rec["salary"]
        matrix: list[list[Any]] = [[k, v[0], round(v[1] / 100)] for k, v in sorted(summary.items())]
        matrix.append(["Total", sum(v[0] for v in summary.values()),
                       round(sum(v[1] for v in summary.values()) / 100)])
        summary_headers = ["Service", "Effectif", "Masse salariale"]
        sheets = [
            XlsxSheet("Lisez-moi", lines=[
                "Export du personnel du groupe Lumière", f"Date d'extraction : {day:%d/%m/%Y}",
                "", "Les salaires sont des montants annuels bruts dans la devise indiquée.",
                "Les sorties des douze derniers mois restent dans la liste (Actif = Non).",
                "Confidentiel : ne pas transférer en dehors de la DRH."]),
            XlsxSheet("Synthèse", headers=summary_headers, matrix=matrix),
            XlsxSheet("Salariés", headers=t.headers, matrix=t.matrix(),
                      title_lines=["Liste du personnel — Groupe Lumière",
                                   f"Extraction du {day:%d/%m/%Y}"]),
        ]
        data = xlsx_bytes(sheets, "Export du personnel", "Lumière SIRH",
                          dt.datetime.combine(day, dt.time(7, 0)))
        member = Member("salaries", format="xlsx", sheet_name="Salariés",
                        header_row=sheets[2].header_row,
                        ignored_sheets=[{"sheet_name": "Lisez-moi", "role": "notes", "columns": []},
                                        {"sheet_name": "Synthèse", "role": "summary",
                                         "columns": summary_headers}])
        return [Delivered(f"lumiere_salaries_{day:%Y-%m}.xlsx", data, [member])]


class PeopleCore(Partner):
    """US HRIS roster: pipe-delimited text, terse headers, FT/PT codes, 10-character departments."""

    name, blueprint, feed, language = "peoplecore", "hr", "hr", "en-US"
    routes = [("*emp_roster*", "employees")]
    description = ("pipe-delimited UTF-8 .txt with CRLF; HRIS headers (Emp #, DOH, Term Dt, "
                   "Supv Emp #); FT/PT/CNTR codes; department names cut at 10 characters; "
                   "USA/CAN/MEX; $ amounts; A/T for active/terminated; MM/DD/YYYY")
    date_format = "%m/%d/%Y"
    thousands = ","
    money_prefix = "$"
    bool_tokens = ("A", "T")
    ids = {"employees": ("{:06d}", 104000)}
    countries = {"US": 78, "CA": 14, "MX": 8}
    streams = [Stream(
        key="roster", sheet="employees",
        columns=[Col("Emp #", "employee_id"), Col("Last", "last_name"), Col("First", "first_name"),
                 Col("MI", None, "middle_initial"), Col("Work Email", "email"),
                 Col("Position Title", "job_title"), Col("Dept", "department"),
                 Col("FT/PT", "employment_type"), Col("DOH", "hire_date"),
                 Col("Term Dt", "termination_date"), Col("Annual Rate", "salary"),
                 Col("Curr", "currency"), Col("Supv Emp #", "manager_id"),
                 Col("Work Ctry", "country"), Col("Emp Status", "active"),
                 Col("Std Hrs", "weekly_hours"), Col("Pay Grade", None, "pay_grade")],
        spellings={
            "department": {"engineering": "ENGINEERIN", "research": "R&D", "sales": "SALES",
                           "marketing": "MARKETING", "finance": "FINANCE",
                           "human_resources": "HUMAN RESO", "operations": "OPERATIONS",
                           "customer_support": "CUSTOMER S", "legal": "LEGAL",
                           "it": "INFORMATIO"},
            "employment_type": {"full_time": "FT", "part_time": "PT", "contractor": "CNTR",
                                "intern": "INTN", "temporary": "TEMP"},
            "currency": {"USD": "USD", "CAD": "CAD", "MXN": "MXN"},
            "country": {"US": "USA", "CA": "CAN", "MX": "MEX"}},
        bad_enums={"department": ["UNASSIGNED", "XXXX"], "employment_type": ["??", "OTH"],
                   "country": ["ZZZ", "N/A"], "currency": ["XXX", "US$?"]},
        rename=("DOH", "Orig Hire Date"),
        added=Col("Cost Ctr", None, "cost_center"),
        new_spellings={"department": {"customer_support": "CUST SVC"}},
        bad_dates=["02/30/2025", "13/45/2024", "00/00/0000", "TBD"])]

    FIRST = ("Michael,Jennifer,David,Jessica,Christopher,Ashley,Matthew,Amanda,Joshua,Sarah,"
             "Daniel,Brittany,James,Stephanie,Robert,Megan,Tyler,Lauren,Brandon,Kayla,DeShawn,"
             "Latoya,Jose,Maria,Carlos,Guadalupe,Wei,Priya")
    LAST = ("Smith,Johnson,Williams,Brown,Jones,Miller,Davis,Garcia,Rodriguez,Wilson,Martinez,"
            "Anderson,Taylor,Thomas,Hernandez,Moore,Jackson,Thompson,White,Lopez,Lee,Gonzalez,"
            "Harris,Clark,Lewis,Robinson,Walker,Perez,Hall,Young,Allen,Sanchez,Wright,King,"
            "Chen,Patel,O'Connor")
    TITLES = {"engineering": "Software Engineer II,Sr. Software Engineer,Engineering Mgr",
              "research": "Research Scientist,Lab Technician,Principal Scientist",
              "sales": "Account Exec,Sales Dev Rep,Regional Sales Dir",
              "marketing": "Mktg Coordinator,Brand Manager",
              "finance": "Staff Accountant,FP&A Analyst,Controller",
              "human_resources": "HR Generalist,Recruiter,HRBP",
              "operations": "Ops Supervisor,Warehouse Associate,Plant Mgr",
              "customer_support": "Customer Svc Rep,Support Specialist",
              "legal": "Paralegal,Corporate Counsel",
              "it": "Help Desk Tech,Sys Admin,Network Engineer"}

    def person(self, rng, country):
        return (pick(rng, self.FIRST), pick(rng, self.LAST),
                {"middle_initial": rng.choice("ABCDEFGHJKLMNPRSTW") if rng.random() < 0.6 else None,
                 "pay_grade": f"G{rng.randint(3, 14):02d}",
                 "cost_center": f"{rng.randint(1000, 9999)}-{rng.choice(['A', 'B', 'C'])}"})

    def job_title(self, rng, dept):
        return pick(rng, self.TITLES[dept])

    def domain(self, country):
        return "peoplecore-demo.com"

    def currency_of(self, country):
        return {"CA": "CAD", "MX": "MXN"}.get(country, "USD")

    def salary_factor(self, country):
        return {"US": 1.2, "CA": 1.15, "MX": 4.5}.get(country, 1.0)

    def hours(self, rng, etype, country):
        return rng.choice([2000, 2400, 3000]) if etype == "part_time" else 4000

    def package(self, delivery, tables):
        t = tables["roster"]
        data = delimited_bytes(t.headers, t.matrix(), "|", "utf-8", "\r\n")
        member = Member("roster", format="csv", encoding="utf-8", delimiter="|",
                        line_ending="\r\n", header_row=0)
        return [Delivered(f"PEOPLECORE_EMP_ROSTER_{DELIVERIES[delivery]:%Y%m%d}.txt", data,
                          [member])]


class Werkvolk(Partner):
    """Dutch payroll export: nested JSON, Dutch keys and values, JSON numbers and booleans."""

    name, blueprint, feed, language = "werkvolk", "hr", "hr", "nl"
    routes = [("*medewerkers*", "employees")]
    description = ("nested JSON under 'medewerkers' (naam.*, contact.*, dienstverband.*, "
                   "salaris.*); Dutch keys and values (P&O, ZZP, voltijd); dd-mm-yyyy; "
                   "JSON numbers and booleans; absent keys for blanks")
    date_format = "%d-%m-%Y"
    native_numbers = True
    bool_tokens = (True, False)
    blank = MISSING
    ids = {"employees": ("P{:05d}", 3000)}
    countries = {"NL": 80, "BE": 10, "DE": 6, "LU": 4}
    streams = [Stream(
        key="medewerkers", sheet="employees",
        columns=[Col("personeelsnummer", "employee_id"), Col("naam.voornaam", "first_name"),
                 Col("naam.tussenvoegsel", None, "infix"), Col("naam.achternaam", "last_name"),
                 Col("contact.email_zakelijk", "email"), Col("contact.telefoon", None, "phone"),
                 Col("functie", "job_title"), Col("afdeling", "department"),
                 Col("dienstverband.soort", "employment_type"),
                 Col("dienstverband.uren_per_week", "weekly_hours"),
                 Col("dienstverband.datum_in_dienst", "hire_date"),
                 Col("dienstverband.datum_uit_dienst", "termination_date"),
                 Col("salaris.bruto_per_jaar", "salary"), Col("salaris.valuta", "currency"),
                 Col("leidinggevende", "manager_id"), Col("land", "country"),
                 Col("actief", "active")],
        spellings={
            "department": {"engineering": "Techniek", "research": "Onderzoek & Ontwikkeling",
                           "sales": "Verkoop", "marketing": "Marketing", "finance": "Financiën",
                           "human_resources": "P&O", "operations": "Bedrijfsvoering",
                           "customer_support": "Klantenservice", "legal": "Juridische Zaken",
                           "it": "ICT"},
            "employment_type": {"full_time": "voltijd", "part_time": "deeltijd",
                                "contractor": "ZZP", "intern": "stagiair",
                                "temporary": "uitzendkracht"},
            "currency": {"EUR": "euro"},
            "country": {"NL": "Nederland", "BE": "België", "DE": "Duitsland",
                        "LU": "Luxemburg"}},
        bad_enums={"department": ["Onbekend", "Overig"], "employment_type": ["onbekend", "?"],
                   "country": ["Europa", "Onbekend"], "currency": ["gulden", "?"]},
        rename=("functie", "functietitel"),
        added=Col("kostenplaats", None, "cost_center"),
        bad_dates=["31-02-2025", "nog onbekend", "00-00-0000"])]

    FIRST = ("Daan,Sem,Lucas,Levi,Finn,Milan,Jesse,Bram,Thijs,Ruben,Emma,Julia,Mila,Tess,Sophie,"
             "Zoë,Sara,Nora,Eva,Anouk,Femke,Maartje,Joost,Pieter,Willem,Sanne,Lotte,Floor")
    LAST = ("|Jansen,de|Vries,van den|Berg,van|Dijk,|Bakker,|Janssen,|Visser,|Smit,|Meijer,"
            "de|Boer,|Mulder,de|Groot,|Bos,|Vos,|Peters,|Hendriks,van|Leeuwen,|Dekker,|Brouwer,"
            "de|Wit,|Dijkstra,|Smits,de|Graaf,van der|Meer,van der|Linden,|Kok,|Jacobs,de|Haan,"
            "|Vermeulen,van den|Heuvel")
    TITLES = {"engineering": "Software-ontwikkelaar,Werktuigbouwkundige",
              "research": "Onderzoeker,Laborant", "sales": "Accountmanager,Verkoopadviseur",
              "marketing": "Marketingmedewerker,Contentspecialist",
              "finance": "Financieel administrateur,Controller",
              "human_resources": "HR-adviseur,Salarisadministrateur",
              "operations": "Teamleider productie,Orderpicker,Planner",
              "customer_support": "Klantenservicemedewerker",
              "legal": "Bedrijfsjurist", "it": "Systeembeheerder,Servicedeskmedewerker"}

    def person(self, rng, country):
        infix, last = pick(rng, self.LAST).split("|")
        return (pick(rng, self.FIRST), last,
                {"infix": infix or None, "phone": f"+31 6 {rng.randint(10000000, 99999999)}",
                 "cost_center": f"KP-{rng.randint(100, 499)}"})

    def job_title(self, rng, dept):
        return pick(rng, self.TITLES[dept])

    def domain(self, country):
        return "werkvolk.nl"

    def currency_of(self, country):
        return "EUR"

    def salary_factor(self, country):
        return 1.0

    def hours(self, rng, etype, country):
        return rng.choice([1600, 2400, 3200, 3250]) if etype == "part_time" else rng.choice([3600, 3800, 4000])

    def package(self, delivery, tables):
        t = tables["medewerkers"]
        day = DELIVERIES[delivery]
        doc = {"bron": "Werkvolk salarisadministratie", "gegenereerd_op": f"{day.isoformat()}T06:00:00+01:00",
               "aantal": len(t.rows), "medewerkers": nested_records(t.headers, t.matrix())}
        member = Member("medewerkers", format="json", encoding="utf-8", record_path="medewerkers")
        return [Delivered(f"werkvolk_medewerkers_{day.isoformat()}.json", json_bytes(doc), [member])]


class Nomina(Partner):
    """Spanish payroll: UTF-16 tab-separated text (Excel's Unicode text), decimal comma."""

    name, blueprint, feed, language = "nomina", "hr", "hr", "es"
    routes = [("*plantilla*", "employees")]
    description = ("UTF-16 LE with BOM, tab-separated, CRLF; Spanish headers and values "
                   "(I+D, RR. HH., Jornada completa); two surnames; dd/mm/yyyy; 45.000,00; "
                   "Sí/No; currency as words")
    date_format = "%d/%m/%Y"
    decimal, thousands = ",", "."
    bool_tokens = ("Sí", "No")
    trim_fields = frozenset({"weekly_hours"})
    ids = {"employees": ("E-{:05d}", 500)}
    countries = {"ES": 80, "PT": 8, "MX": 12}
    streams = [Stream(
        key="plantilla", sheet="employees",
        columns=[Col("Nº empleado", "employee_id"), Col("Nombre", "first_name"),
                 Col("Apellidos", "last_name"), Col("DNI/NIE", None, "national_id"),
                 Col("Correo electrónico", "email"), Col("Puesto", "job_title"),
                 Col("Departamento", "department"), Col("Tipo de contrato", "employment_type"),
                 Col("Fecha de alta", "hire_date"), Col("Fecha de baja", "termination_date"),
                 Col("Salario bruto anual", "salary"), Col("Moneda", "currency"),
                 Col("Jefe directo", "manager_id"), Col("País", "country"),
                 Col("En activo", "active"), Col("Horas semanales", "weekly_hours")],
        spellings={
            "department": {"engineering": "Ingeniería", "research": "I+D", "sales": "Ventas",
                           "marketing": "Marketing", "finance": "Finanzas",
                           "human_resources": "RR. HH.", "operations": "Operaciones",
                           "customer_support": "Atención al cliente",
                           "legal": "Asesoría jurídica", "it": "Sistemas"},
            "employment_type": {"full_time": "Jornada completa", "part_time": "Media jornada",
                                "contractor": "Autónomo", "intern": "Becario",
                                "temporary": "Temporal"},
            "currency": {"EUR": "euros", "MXN": "pesos mexicanos"},
            "country": {"ES": "España", "PT": "Portugal", "MX": "México"}},
        bad_enums={"department": ["Varios", "Sin asignar"], "employment_type": ["Otro", "N/D"],
                   "country": ["Europa", "Desconocido"], "currency": ["dólares?", "N/D"]},
        rename=("Puesto", "Cargo"),
        added=Col("Centro de trabajo", None, "site"),
        bad_dates=["30/02/2025", "pendiente", "00/00/0000"])]

    FIRST = ("Lucía,Sofía,Martina,María,Paula,Julia,Valeria,Hugo,Martín,Pablo,Mateo,Álvaro,"
             "Alejandro,Daniel,Javier,Sergio,Nuria,Begoña,Iñaki,Ainhoa,Rocío,Jesús,José Luis,"
             "María José,Ángel,Raúl,Íker,João,Guadalupe")
    LAST = ("García,Rodríguez,González,Fernández,López,Martínez,Sánchez,Pérez,Gómez,Martín,"
            "Jiménez,Ruiz,Hernández,Díaz,Moreno,Muñoz,Álvarez,Romero,Alonso,Gutiérrez,Navarro,"
            "Torres,Domínguez,Vázquez,Ramos,Gil,Ramírez,Serrano,Blanco,Molina,Castro,Ortiz,"
            "Núñez,Iglesias,Peña,Ibáñez")
    TITLES = {"engineering": "Ingeniero de software,Ingeniera de procesos",
              "research": "Investigadora,Técnico de laboratorio",
              "sales": "Comercial,Jefe de ventas,Delegada comercial",
              "marketing": "Técnico de marketing,Responsable de comunicación",
              "finance": "Contable,Analista financiero,Director financiero",
              "human_resources": "Técnica de selección,Responsable de nóminas",
              "operations": "Jefe de almacén,Operario de producción,Planificador",
              "customer_support": "Agente de atención al cliente,Teleoperadora",
              "legal": "Abogada,Asesor jurídico",
              "it": "Técnico de sistemas,Administrador de redes"}
    SITES = {"ES": "Madrid,Barcelona,Valencia,Bilbao", "PT": "Lisboa", "MX": "Monterrey,CDMX"}

    def person(self, rng, country):
        letters = "TRWAGMYFPDXBNJZSQVHLCKE"
        num = rng.randint(10000000, 99999999)
        return (pick(rng, self.FIRST), f"{pick(rng, self.LAST)} {pick(rng, self.LAST)}",
                {"national_id": f"{num}{letters[num % 23]}", "site": pick(rng, self.SITES[country])})

    def job_title(self, rng, dept):
        return pick(rng, self.TITLES[dept])

    def domain(self, country):
        return "grupo-nomina.es"

    def currency_of(self, country):
        return "MXN" if country == "MX" else "EUR"

    def salary_factor(self, country):
        return {"ES": 0.85, "PT": 0.7, "MX": 4.0}.get(country, 1.0)

    def hours(self, rng, etype, country):
        return rng.choice([2000, 2500, 3000, 3750]) if etype == "part_time" else 4000

    def package(self, delivery, tables):
        t = tables["plantilla"]
        text = delimited_bytes(t.headers, t.matrix(), "\t", "utf-8", "\r\n").decode("utf-8")
        data = b"\xff\xfe" + text.encode("utf-16-le")
        member = Member("plantilla", format="csv", encoding="utf-16", delimiter="\t",
                        line_ending="\r\n", header_row=0)
        return [Delivered(f"nomina_plantilla_{DELIVERIES[delivery]:%Y%m}.txt", data, [member])]


class Presenze(Partner):
    """Italian absence register: ISO-8859-1 XML, attributes and child elements, Italian labels."""

    name, blueprint, feed, language = "presenze", "hr", "hr", "it"
    routes = [("*assenze*", "absences")]
    description = ("XML in ISO-8859-1, /assenze/assenza records with @id, @matricola, "
                   "periodo/@dal, periodo/@al, approvatore/@matricola; Italian leave types "
                   "and states; dd/mm/yyyy; days with a decimal comma")
    date_format = "%d/%m/%Y"
    decimal = ","
    trim_fields = frozenset({"days"})
    blank = MISSING
    ids = {"absences": ("ASS-{:06d}", 26000)}
    sites = ["Milano", "Torino", "Bologna", "Padova"]
    streams = [Stream(
        key="assenze", sheet="absences",
        columns=[Col("@id", "absence_id"), Col("@matricola", "employee_id"),
                 Col("tipo", "leave_type"), Col("periodo/@dal", "start_date"),
                 Col("periodo/@al", "end_date"), Col("giorni", "days"), Col("stato", "status"),
                 Col("approvatore/@matricola", "approver_id"), Col("note", None, "note")],
        spellings={
            "leave_type": {"vacation": "Ferie", "sick": "Malattia",
                           "parental": "Congedo parentale", "unpaid": "Aspettativa non retribuita",
                           "training": "Formazione", "other": "Altro"},
            "status": {"requested": "In attesa", "approved": "Approvata",
                       "rejected": "Respinta", "cancelled": "Annullata"}},
        bad_enums={"leave_type": ["Sconosciuto", "Da definire"], "status": ["Bozza", "N.D."]},
        rename=("giorni", "giorni_lavorativi"),
        added=Col("sede", None, "site"),
        new_spellings={"status": {"cancelled": "Revocata"}},
        bad_dates=["31/02/2026", "da definire", "00/00/0000"])]
    NOTES = {"vacation": "Ferie estive anticipate,Ponte,Viaggio", "sick": "Certificato medico inviato,Visita specialistica",
             "parental": "Congedo facoltativo", "unpaid": "Motivi personali",
             "training": "Corso sicurezza,Corso Excel avanzato", "other": "Donazione sangue,Trasloco"}

    def staff_ids(self, ctx: Context) -> list[str]:
        return [f"{4100 + 7 * i:06d}" for i in range(160)]

    def approver_ids(self, ctx: Context) -> list[str]:
        return self.staff_ids(ctx)[:12]

    def note(self, rng, kind):
        return pick(rng, self.NOTES[kind])

    def package(self, delivery, tables):
        t = tables["assenze"]
        day = DELIVERIES[delivery]
        data = xml_bytes("assenze", {"azienda": "Presenze S.r.l.", "estratto_il": day.isoformat()},
                         "assenza", t.headers, t.matrix(), "ISO-8859-1")
        member = Member("assenze", format="xml", encoding="iso-8859-1", record_path="/assenze/assenza")
        return [Delivered(f"presenze_assenze_{day:%Y-%m}.xml", data, [member])]


HR_PARTNERS: list[Partner] = [Lumiere(), PeopleCore(), Werkvolk(), Nomina(), Presenze()]

