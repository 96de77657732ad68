"""Canonical records of the held-out blueprints (values are option keys, dates, hundredths),
before any partner writes them its own way. Keep in step with ``blueprints/*.yaml``.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from typing import TYPE_CHECKING, Any

from partner_kit import weighted

if TYPE_CHECKING:
    from partner_base import Context, Partner

FIELD_TYPES: dict[str, dict[str, str]] = {
    "employees": {"employee_id": "string", "first_name": "string", "last_name": "string",
                  "email": "string", "job_title": "string", "department": "enum",
                  "employment_type": "enum", "hire_date": "date", "termination_date": "date",
                  "salary": "number", "currency": "enum", "manager_id": "reference",
                  "country": "enum", "active": "boolean", "weekly_hours": "number"},
    "absences": {"absence_id": "string", "employee_id": "string", "leave_type": "enum",
                 "start_date": "date", "end_date": "date", "days": "number", "status": "enum",
                 "approver_id": "string"},
    "shipments": {"shipment_id": "string", "order_reference": "string", "carrier": "enum",
                  "service_level": "enum", "status": "enum", "ship_date": "date",
                  "delivery_date": "date", "origin_country": "enum",
                  "destination_country": "enum", "weight_kg": "number",
                  "parcel_count": "integer", "declared_value": "number", "currency": "enum",
                  "insured": "boolean", "recipient_email": "string"},
    "parcels": {"parcel_id": "string", "shipment_id": "string", "packaging": "enum",
                "weight_kg": "number", "length_cm": "number", "width_cm": "number",
                "height_cm": "number", "fragile": "boolean"},
}
BLUEPRINT_OF = {"employees": "hr", "absences": "hr", "shipments": "logistics",
                "parcels": "logistics"}
UNIQUE_KEY = {"employees": "employee_id", "absences": "absence_id", "shipments": "shipment_id",
              "parcels": "parcel_id"}

DEPARTMENTS = {"engineering": 16, "research": 8, "sales": 14, "marketing": 7, "finance": 8,
               "human_resources": 6, "operations": 18, "customer_support": 11, "legal": 3,
               "it": 9}
EMPLOYMENT = {"full_time": 60, "part_time": 18, "contractor": 9, "intern": 6, "temporary": 7}
LEAVE_TYPES = {"vacation": 50, "sick": 22, "parental": 6, "unpaid": 5, "training": 12,
               "other": 5}
LEAVE_STATUS = {"requested": 15, "approved": 70, "rejected": 8, "cancelled": 7}
CARRIERS = ["dhl", "ups", "fedex", "dpd", "gls", "postnl", "ctt", "seur", "royal_mail", "tnt"]
SERVICES = {"standard": 55, "express": 20, "economy": 15, "same_day": 4, "freight": 6}
SHIP_STATUS = {"created": 8, "picked_up": 8, "in_transit": 18, "out_for_delivery": 8,
               "delivered": 50, "returned": 5, "lost": 3}
PACKAGING = {"box": 70, "pallet": 8, "envelope": 14, "crate": 4, "tube": 4}

# kind -> fields it may hit, per target sheet (only fields the partner writes are used)
ERROR_FIELDS: dict[str, dict[str, list[str]]] = {
    "employees": {"invalid_enum": ["department", "employment_type", "country", "currency"],
                  "invalid_date": ["hire_date", "termination_date"],
                  "negative_value": ["salary"],
                  "missing_required": ["employee_id", "last_name", "hire_date"],
                  "invalid_email": ["email"], "duplicate_unique": ["employee_id"]},
    "absences": {"invalid_enum": ["leave_type", "status"],
                 "invalid_date": ["start_date", "end_date"], "negative_value": ["days"],
                 "missing_required": ["absence_id", "employee_id", "start_date"],
                 "duplicate_unique": ["absence_id"]},
    "shipments": {"invalid_enum": ["carrier", "service_level", "status", "origin_country",
                                   "destination_country", "currency"],
                  "invalid_date": ["ship_date", "delivery_date"],
                  "negative_value": ["weight_kg", "declared_value"],
                  "below_min": ["parcel_count"], "missing_required": ["shipment_id", "ship_date"],
                  "invalid_email": ["recipient_email"], "duplicate_unique": ["shipment_id"]},
    "parcels": {"invalid_enum": ["packaging"], "negative_value": ["weight_kg"],
                "missing_required": ["parcel_id", "shipment_id"],
                "duplicate_unique": ["parcel_id"]},
}
ERROR_KINDS = {
    "invalid_enum": "enum value that matches no option (null in enum_mapping)",
    "invalid_date": "date value that parses under no calendar reading",
    "negative_value": "number below a min-0 constraint",
    "below_min": "integer below a positive minimum (parcel count 0 against min 1)",
    "missing_required": "required field left blank (empty cell, absent key or element)",
    "invalid_email": "email that fails the blueprint's email pattern",
    "duplicate_unique": "unique field repeats an earlier row of the same file (see duplicate_of)",
}

FOLD = {"ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "'": "", " ": ""}


def ascii_fold(s: str) -> str:
    s = "".join(FOLD.get(ch, ch) for ch in s.lower())
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if ch.isascii() and (ch.isalnum() or ch in ".-"))


def unique_email(rng: random.Random, ctx: Context, first: str, last: str, domain: str) -> str:
    given, family = ascii_fold(first) or "x", ascii_fold(last) or "user"
    local = rng.choice([f"{given}.{family}", f"{given[0]}.{family}", f"{given}{family[0]}",
                        f"{family}.{given}"])
    email, n = f"{local}@{domain}", 1
    while email in ctx.used_emails:
        n += 1
        email = f"{local}{n}@{domain}"
    ctx.used_emails.add(email)
    return email


def day_between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, max((end - start).days, 0)))


def gen_employee(p: Partner, rng: random.Random, ctx: Context, delivery: str,
                 earlier: list[dict[str, Any]]) -> dict[str, Any]:
    day = ctx.day(delivery)
    country = weighted(rng, p.countries)
    first, last, extra = p.person(rng, country)
    dept = weighted(rng, DEPARTMENTS)
    etype = weighted(rng, EMPLOYMENT)
    hire = day_between(rng, dt.date(2006, 1, 1), day - dt.timedelta(days=10))
    left = rng.random() < 0.11 and (day - hire).days > 40
    term = day_between(rng, hire + dt.timedelta(days=30), day - dt.timedelta(days=1)) if left else None
    base = {"engineering": 62000, "research": 66000, "sales": 52000, "marketing": 50000,
            "finance": 56000, "human_resources": 47000, "operations": 38000,
            "customer_support": 33000, "legal": 71000, "it": 54000}[dept]
    factor = {"full_time": 1.0, "part_time": 0.55, "contractor": 1.35, "intern": 0.3,
              "temporary": 0.8}[etype]
    salary = int(base * factor * p.salary_factor(country) * rng.uniform(0.75, 1.6)) * 100
    if rng.random() < 0.3:
        salary += rng.randint(1, 99) * 50     # some salaries carry cents
    managers = [e["employee_id"] for e in earlier if e["employment_type"] == "full_time"]
    return {
        "employee_id": p.new_id("employees", ctx),
        "first_name": first, "last_name": last,
        "email": unique_email(rng, ctx, first, last, p.domain(country)),
        "job_title": p.job_title(rng, dept) if rng.random() > 0.03 else None,
        "department": dept, "employment_type": etype,
        "hire_date": hire, "termination_date": term,
        "salary": salary, "currency": p.currency_of(country),
        "manager_id": rng.choice(managers[-40:]) if managers and rng.random() < 0.9 else None,
        "country": country, "active": not left,
        "weekly_hours": p.hours(rng, etype, country),
        **extra,
    }


def gen_absence(p: Partner, rng: random.Random, ctx: Context, delivery: str,
                earlier: list[dict[str, Any]]) -> dict[str, Any]:
    day = ctx.day(delivery)
    kind = weighted(rng, LEAVE_TYPES)
    start = day_between(rng, day - dt.timedelta(days=45), day + dt.timedelta(days=60))
    halves = rng.choice([1, 2, 2, 2, 4, 6, 10, 10, 20]) if kind != "parental" else rng.choice([20, 40, 80])
    days = halves * 50                              # hundredths of a day: halves allowed
    span = (halves + 1) // 2
    end = start + dt.timedelta(days=max(span - 1, 0) + 2 * (max(span - 1, 0) // 5))
    status = weighted(rng, LEAVE_STATUS)
    return {"absence_id": p.new_id("absences", ctx), "employee_id": rng.choice(p.staff_ids(ctx)),
            "leave_type": kind, "start_date": start, "end_date": end, "days": days,
            "status": status,
            "approver_id": rng.choice(p.approver_ids(ctx)) if status != "requested" else None,
            "note": p.note(rng, kind) if rng.random() < 0.3 else None,
            "site": rng.choice(p.sites)}


def gen_shipment(p: Partner, rng: random.Random, ctx: Context, delivery: str,
                 earlier: list[dict[str, Any]]) -> dict[str, Any]:
    day = ctx.day(delivery)
    status = weighted(rng, SHIP_STATUS)
    ship = day_between(rng, day - dt.timedelta(days=30), day - dt.timedelta(days=1))
    delivered = (ship + dt.timedelta(days=rng.randint(1, 6))
                 if status in ("delivered", "returned") else None)
    origin = weighted(rng, p.origins)
    dest = weighted(rng, p.destinations)
    count = rng.choice([1, 1, 1, 1, 2, 2, 3, 4, 6, 10])
    weight = sum(rng.randint(20, 2500) for _ in range(count))        # hundredths of a kg
    value = rng.randint(1500, 900000)                                # hundredths
    currency = p.currency_for(origin, dest)
    first, last, _ = p.person(rng, dest)
    return {"shipment_id": p.new_id("shipments", ctx),
            "order_reference": p.order_ref(rng),
            "carrier": weighted(rng, p.carriers), "service_level": weighted(rng, SERVICES),
            "status": status, "ship_date": ship, "delivery_date": delivered,
            "origin_country": origin, "destination_country": dest,
            "weight_kg": weight, "parcel_count": count, "declared_value": value,
            "currency": currency, "insured": value > 250000 or rng.random() < 0.15,
            "recipient_email": (unique_email(rng, ctx, first, last, rng.choice(p.customer_domains))
                                if rng.random() > 0.06 else None),
            **p.shipment_extra(rng)}


def gen_parcels(p: Partner, rng: random.Random, ctx: Context, shipment: dict[str, Any]
                ) -> list[dict[str, Any]]:
    out = []
    for _ in range(max(shipment["parcel_count"], 1)):
        pack = weighted(rng, PACKAGING)
        dims = {"envelope": (35, 25, 2), "tube": (90, 10, 10), "pallet": (120, 80, 140),
                "crate": (100, 60, 60)}.get(pack, (rng.randint(15, 80), rng.randint(10, 60),
                                                   rng.randint(5, 50)))
        out.append({"parcel_id": p.new_id("parcels", ctx),
                    "shipment_id": shipment["shipment_id"], "packaging": pack,
                    "weight_kg": rng.randint(10, 3000) if pack != "pallet" else rng.randint(8000, 60000),
                    "length_cm": dims[0] * 100, "width_cm": dims[1] * 100,
                    "height_cm": dims[2] * 100, "fragile": rng.random() < 0.2,
                    "scan_time": f"{rng.randint(6, 21):02d}:{rng.randint(0, 59):02d}"})
    return out


GENERATORS = {"employees": gen_employee, "absences": gen_absence, "shipments": gen_shipment}
