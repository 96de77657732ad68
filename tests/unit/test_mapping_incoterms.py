"""Incoterms: a field whose options are the ICC's trade-term codes reads a value written as
a term's name, in English or another language, as its code."""

from __future__ import annotations

import pytest
import yaml

from feedline.blueprint import Field, Option
from feedline.mapping import map_enum_values
from feedline.mapping.codelists import INCOTERMS, code_list, incoterm_names
from feedline.mapping.vocabulary import words

INCOTERM = Field("incoterm", "Incoterm", type="enum", options=tuple(
    Option(code, label) for code, label in [
        ("EXW", "Ex Works"), ("FCA", "Free Carrier"), ("FOB", "Free On Board"),
        ("CIF", "Cost Insurance and Freight"), ("DAP", "Delivered at Place"), ("DDP", "Delivered Duty Paid")]))
CODES_ONLY = Field("terms", "Delivery Terms", type="enum",
                   options=tuple(Option(c, c) for c in ("EXW", "FCA", "FOB", "CIF", "DAP", "DDP")))


@pytest.mark.parametrize(("value", "code"), [
    ("Franco fabbrica", "EXW"), ("ab Werk", "EXW"), ("Ex-Works", "EXW"), ("af fabriek", "EXW"),
    ("Franco vettore", "FCA"), ("frei Frachtführer", "FCA"),
    ("Frei an Bord", "FOB"), ("franco à bord", "FOB"), ("franco a bordo", "FOB"),
    ("Cost, Insurance and Freight", "CIF"), ("coût, assurance et fret", "CIF"),
    ("Franco destino", "DAP"), ("rendu au lieu de destination", "DAP"),
    ("Geliefert verzollt", "DDP"), ("rendu droits acquittés", "DDP"), ("поставка с оплатой пошлины", "DDP"),
])
@pytest.mark.parametrize("field", [INCOTERM, CODES_ONLY], ids=["labelled", "codes"])
def test_a_term_written_as_its_name_in_any_language_is_its_code(field, value, code):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == code, mapped.reason
    assert mapped.confidence >= 0.9


def test_a_term_that_is_no_option_names_none():
    # CPT is an Incoterm, not one of these options; nothing else takes its name
    [mapped] = map_enum_values({"Carriage Paid To": 1}, INCOTERM)
    assert mapped.option is None


def test_only_a_field_of_incoterm_codes_reads_the_list():
    assert code_list(INCOTERM) is not None and code_list(INCOTERM)[0] == "incoterm"
    shipping = Field("service", "Service", type="enum",
                     options=(Option("standard", "Standard"), Option("express", "Express"), Option("fob", "FOB")))
    assert code_list(shipping) is None
    [mapped] = map_enum_values({"Franco fabbrica": 1}, shipping)
    assert mapped.option is None


def test_no_name_is_given_two_codes():
    terms = yaml.safe_load(INCOTERMS.read_text(encoding="utf-8"))["terms"]
    owners: dict[str, set[str]] = {}
    for code, spellings in terms.items():
        for spelling in spellings:
            owners.setdefault(" ".join(words(spelling)), set()).add(code)
    assert {name: codes for name, codes in owners.items() if len(codes) > 1} == {}
    assert len(terms) == 16 and set(incoterm_names().values()) == set(terms)
