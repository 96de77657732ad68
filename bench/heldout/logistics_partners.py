"""Partners delivering to the logistics blueprint: a Portuguese forwarder's workbook and a
British haulier's zip of consignments and parcels.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from partner_base import Context, Delivered, Member, Partner
from partner_kit import (
    DELIVERIES,
    Col,
    Stream,
    XlsxSheet,
    delimited_bytes,
    xlsx_bytes,
    zip_bytes,
)
from records import gen_parcels


def pick(rng: random.Random, words: str) -> str:
    return rng.choice(words.split(","))


PT_COUNTRIES = {"PT": "Portugal", "ES": "Espanha", "FR": "França", "DE": "Alemanha",
                "NL": "Países Baixos", "BE": "Bélgica", "IT": "Itália", "GB": "Reino Unido",
                "IE": "Irlanda", "CH": "Suíça", "US": "Estados Unidos"}
PT_BAD_COUNTRIES = ["UE", "Desconhecido"]


class Rotas(Partner):
    """Portuguese forwarder: workbook with a cover sheet first and a legend sheet after the data."""

    name, blueprint, feed, language = "rotas", "logistics", "logistics", "pt"
    routes = [("*envios*", "shipments")]
    description = ("XLSX, sheets Capa (notes) / Envios (data) / Legenda (a two-column table "
                   "describing the columns); Portuguese headers and values; two country "
                   "columns; € / £ / US$ as currencies; Sim/Não; real date and number cells")
    date_format = None
    native_numbers = True
    bool_tokens = ("Sim", "Não")
    blank = None
    ids = {"shipments": ("RT{:08d}", 26000000)}
    origins = {"PT": 85, "ES": 15}
    destinations = {"PT": 45, "ES": 20, "FR": 10, "DE": 6, "NL": 4, "BE": 4, "IT": 4,
                    "GB": 4, "IE": 1, "CH": 1, "US": 1}
    carriers = {"ctt": 35, "dhl": 15, "ups": 10, "fedex": 5, "dpd": 15, "gls": 10, "seur": 10}
    customer_domains = ["cliente.pt", "exemplo.pt", "correio.example"]
    streams = [Stream(
        key="envios", sheet="shipments",
        columns=[Col("Nº de envio", "shipment_id"), Col("Ref. encomenda", "order_reference"),
                 Col("Transportadora", "carrier"), Col("Serviço", "service_level"),
                 Col("Estado", "status"), Col("Data de expedição", "ship_date"),
                 Col("Data de entrega", "delivery_date"),
                 Col("País de origem", "origin_country"),
                 Col("País de destino", "destination_country"),
                 Col("Peso bruto (kg)", "weight_kg"), Col("Volumes", "parcel_count"),
                 Col("Valor declarado", "declared_value"), Col("Moeda", "currency"),
                 Col("Seguro", "insured"), Col("Email do destinatário", "recipient_email"),
                 Col("Motorista", None, "driver")],
        spellings={
            "carrier": {"dhl": "DHL Express", "ups": "UPS", "fedex": "FedEx", "dpd": "DPD",
                        "gls": "GLS", "ctt": "CTT", "seur": "Seur"},
            "service_level": {"standard": "Normal", "express": "Expresso",
                              "economy": "Económico", "same_day": "Mesmo dia",
                              "freight": "Carga"},
            "status": {"created": "Criado", "picked_up": "Recolhido",
                       "in_transit": "Em trânsito", "out_for_delivery": "Em distribuição",
                       "delivered": "Entregue", "returned": "Devolvido", "lost": "Extraviado"},
            "origin_country": PT_COUNTRIES, "destination_country": PT_COUNTRIES,
            "currency": {"EUR": "€", "GBP": "£", "USD": "US$", "CHF": "CHF"}},
        bad_enums={"carrier": ["Outra", "Frota própria"], "service_level": ["Especial", "?"],
                   "status": ["Pendente?", "Erro"], "origin_country": PT_BAD_COUNTRIES,
                   "destination_country": PT_BAD_COUNTRIES, "currency": ["R$", "?"]},
        rename=("Volumes", "Nº de volumes"),
        added=Col("Centro logístico", None, "hub"),
        new_spellings={"status": {"out_for_delivery": "Em entrega"}},
        bad_dates=["31/02/2026", "a confirmar", "00/00/0000"])]

    FIRST = "João,Maria,Ana,Pedro,Inês,Tiago,Beatriz,Rui,Mariana,Gonçalo,Lucía,Javier,Claire,Jan"
    LAST = "Silva,Santos,Ferreira,Pereira,Oliveira,Costa,Rodrigues,Martins,Sousa,Gonçalves,García,Dupont,Müller"

    def person(self, rng, country):
        return pick(rng, self.FIRST), pick(rng, self.LAST), {}

    def order_ref(self, rng):
        return f"ENC-{rng.randint(100000, 999999)}"

    def currency_for(self, origin, dest):
        return {"GB": "GBP", "US": "USD", "CH": "CHF"}.get(dest, "EUR")

    def shipment_extra(self, rng):
        return {"driver": f"{pick(rng, self.FIRST)} {pick(rng, self.LAST)}",
                "hub": pick(rng, "Lisboa,Porto,Braga,Faro")}

    def package(self, delivery, tables):
        t = tables["envios"]
        day = DELIVERIES[delivery]
        legend = [["Nº de envio", "Número do envio atribuído pela Rotas"],
                  ["Transportadora", "Empresa que transporta o envio"],
                  ["Serviço", "Normal, Expresso, Económico, Mesmo dia ou Carga"],
                  ["Estado", "Último estado conhecido do envio"],
                  ["Peso bruto (kg)", "Peso total do envio em quilogramas"],
                  ["Volumes", "Número de volumes do envio"],
                  ["Valor declarado", "Valor da mercadoria declarado à transportadora"],
                  ["Seguro", "Sim quando o envio tem seguro"]]
        sheets = [
            XlsxSheet("Capa", lines=["Rotas Transitários, Lda.", "Relatório mensal de envios",
                                     f"Emitido em {day:%d/%m/%Y}", "",
                                     "Os envios estão na folha Envios; a folha Legenda explica as colunas."]),
            XlsxSheet("Envios", headers=t.headers, matrix=t.matrix()),
            XlsxSheet("Legenda", headers=["Campo", "Descrição"], matrix=legend),
        ]
        data = xlsx_bytes(sheets, "Relatório de envios", "Rotas TMS",
                          dt.datetime.combine(day, dt.time(5, 30)))
        member = Member("envios", format="xlsx", sheet_name="Envios", header_row=0,
                        ignored_sheets=[{"sheet_name": "Capa", "role": "notes", "columns": []},
                                        {"sheet_name": "Legenda", "role": "legend",
                                         "columns": ["Campo", "Descrição"]}])
        return [Delivered(f"rotas_envios_{day:%Y-%m}.xlsx", data, [member])]


UK_COUNTRIES = {"GB": "UK", "IE": "IE", "FR": "FR", "DE": "DE", "NL": "NL", "BE": "BE",
                "ES": "ES", "US": "US", "CH": "CH", "IT": "IT", "PT": "PT"}


class Northline(Partner):
    """British haulier: a zip holding a consignments CSV and a parcels CSV, in ISO-8859-1."""

    name, blueprint, feed, language = "northline", "logistics", "logistics", "en-GB"
    routes = [("*consignments*", "shipments"), ("*parcels*", "parcels")]
    description = ("ZIP with consignments_*.csv and parcels_*.csv (ISO-8859-1, comma, CRLF); "
                   "haulier shorthand headers (Consignment No, Svc, Desp Date, POD Date, Pcs, "
                   "Decl Val, Ccy, Ins'd); carrier and status codes (RM, FDX, POD, RTS); "
                   "package codes (CTN, PLT); Y/N and 1/0 flags; dd/mm/yyyy")
    date_format = "%d/%m/%Y"
    thousands = ","
    bool_tokens = ("Y", "N")
    trim_fields = frozenset({"length_cm", "width_cm", "height_cm"})
    ids = {"shipments": ("CN{:08d}", 40012000), "parcels": ("JJD{:012d}", 146000000000)}
    origins = {"GB": 85, "IE": 10, "NL": 5}
    destinations = {"GB": 55, "IE": 12, "FR": 8, "DE": 8, "NL": 6, "BE": 4, "ES": 4, "US": 3}
    carriers = {"royal_mail": 25, "dpd": 25, "ups": 12, "fedex": 8, "dhl": 12, "tnt": 8,
                "postnl": 5, "gls": 5}
    customer_domains = ["customer.example.co.uk", "example.ie", "mail.example"]
    streams = [
        Stream(
            key="consignments", sheet="shipments",
            columns=[Col("Consignment No", "shipment_id"), Col("Cust Ref", "order_reference"),
                     Col("Haulier", "carrier"), Col("Svc", "service_level"),
                     Col("Trk Status", "status"), Col("Desp Date", "ship_date"),
                     Col("POD Date", "delivery_date"), Col("Orig Ctry", "origin_country"),
                     Col("Dest Ctry", "destination_country"), Col("Gross Wt", "weight_kg"),
                     Col("Pcs", "parcel_count"), Col("Decl Val", "declared_value"),
                     Col("Ccy", "currency"), Col("Ins'd", "insured"),
                     Col("Consignee Email", "recipient_email"),
                     Col("Del Instr", None, "instructions")],
            spellings={
                "carrier": {"dhl": "DHL", "ups": "UPS", "fedex": "FDX", "dpd": "DPD",
                            "gls": "GLS", "postnl": "PNL", "royal_mail": "RM", "tnt": "TNT"},
                "service_level": {"standard": "STD", "express": "EXP", "economy": "ECO",
                                  "same_day": "SDY", "freight": "FRT"},
                "status": {"created": "BOOKED", "picked_up": "COLLECTED",
                           "in_transit": "IN TRANSIT", "out_for_delivery": "OUT FOR DEL",
                           "delivered": "POD", "returned": "RTS", "lost": "LOST"},
                "origin_country": UK_COUNTRIES, "destination_country": UK_COUNTRIES,
                "currency": {"GBP": "GBP", "EUR": "EUR", "USD": "USD", "CHF": "CHF"}},
            bad_enums={"carrier": ["OWN", "CPU"], "service_level": ["TBC", "X"],
                       "status": ["HELD", "??"], "origin_country": ["EU", "XX"],
                       "destination_country": ["EU", "XX"], "currency": ["GBX", "XXX"]},
            rename=("Svc", "Service Code"),
            added=Col("Depot", None, "depot"),
            bad_dates=["30/02/2026", "TBC", "00/00/0000"]),
        Stream(
            key="parcels", sheet="parcels",
            columns=[Col("Parcel Barcode", "parcel_id"), Col("Consignment No", "shipment_id"),
                     Col("Pkg", "packaging"), Col("Wt (kg)", "weight_kg"),
                     Col("L (cm)", "length_cm"), Col("W (cm)", "width_cm"),
                     Col("H (cm)", "height_cm"), Col("Fragile", "fragile")],
            spellings={"packaging": {"box": "CTN", "pallet": "PLT", "envelope": "ENV",
                                     "crate": "CRT", "tube": "TUB"}},
            bad_enums={"packaging": ["BAG", "MISC"]},
            rename=("Pkg", "Pkg Type"),
            added=Col("Scan Time", None, "scan_time")),
    ]
    FIRST = "Oliver,Amelia,Harry,Isla,George,Ava,Jack,Emily,Seán,Aoife,Niamh,Callum,Freya"
    LAST = "Smith,Jones,Taylor,Brown,Williams,Wilson,Davies,Evans,Murphy,O'Brien,Walsh,Campbell"

    def person(self, rng, country):
        return pick(rng, self.FIRST), pick(rng, self.LAST), {}

    def order_ref(self, rng):
        return f"PO{rng.randint(10000, 99999)}/{rng.randint(1, 9)}"

    def currency_for(self, origin, dest):
        return {"GB": "GBP", "US": "USD"}.get(origin, "EUR")

    def shipment_extra(self, rng):
        return {"instructions": (pick(rng, "Leave in porch,Call on arrival,Signature req'd,"
                                           "Tail-lift needed,COD £25.00,Gate code 1492")
                                 if rng.random() < 0.35 else None),
                "depot": pick(rng, "LEEDS,DONCASTER,BELLSHILL,DUBLIN")}

    def fmt_bool(self, fld, b):
        if fld == "fragile":
            return "1" if b else "0"
        return super().fmt_bool(fld, b)

    def records(self, stream, rng, ctx: Context, delivery, n):
        if stream.sheet != "parcels":
            recs = super().records(stream, rng, ctx, delivery, n)
            ctx.pools[f"{self.name}:{delivery}"] = recs
            return recs
        parcels: list[dict[str, Any]] = []
        for shipment in ctx.pools[f"{self.name}:{delivery}"]:
            if len(parcels) >= n:
                break
            parcels += gen_parcels(self, rng, ctx, shipment)
        return parcels[:n]

    def package(self, delivery, tables):
        stamp = f"{DELIVERIES[delivery]:%Y%m%d}"
        members, listed = [], []
        for key in ("consignments", "parcels"):
            t = tables[key]
            name = f"{key}_{stamp}.csv"
            members.append((name, delimited_bytes(t.headers, t.matrix(), ",", "iso-8859-1", "\r\n")))
            listed.append(Member(key, member=name, format="csv", encoding="iso-8859-1",
                                 delimiter=",", line_ending="\r\n", header_row=0))
        return [Delivered(f"northline_despatch_{stamp}.zip", zip_bytes(members), listed)]


LOGISTICS_PARTNERS: list[Partner] = [Rotas(), Northline()]
