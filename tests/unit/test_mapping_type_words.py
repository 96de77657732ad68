"""A word that names a field's type tells two fields of that type apart no better than the
type does: a header that shares only ``date`` with several date fields is read by its
values (order, emptiness), not by the field with the fewest other words."""

from __future__ import annotations

import datetime as dt

import polars as pl

from feedline.blueprint import Field, SheetSpec
from feedline.blueprint.model import Constraint
from feedline.mapping import automap
from feedline.mapping.scorers import score_columns

VISITS = SheetSpec(
    "visits",
    "Clinic Visits",
    (
        Field("visit_id", "Visit ID", constraints=(Constraint("unique"), Constraint("required"))),
        Field("visit_date", "Visit Date", type="date", constraints=(Constraint("required"),)),
        Field("follow_up", "Follow-up Date", type="date"),
    ),
)


def _frame() -> pl.DataFrame:
    start = dt.date(2025, 1, 1)
    visits = [start + dt.timedelta(days=7 * i) for i in range(20)]
    return pl.DataFrame(
        {
            "Visit #": [f"V{1000 + i}" for i in range(20)],
            "DOS": [d.strftime("%m/%d/%Y") for d in visits],
            "Recheck Dt": [
                (d + dt.timedelta(days=30)).strftime("%m/%d/%Y") if i % 5 < 2 else ""
                for i, d in enumerate(visits)
            ],
        }
    )


def test_sharing_only_the_word_date_names_neither_date_field():
    cands = score_columns(["Recheck Dt"], VISITS)[0]
    assert "visit_date" not in cands and "follow_up" not in cands


def test_the_date_columns_are_paired_by_their_values_instead():
    plan = automap(_frame(), VISITS)
    assert plan.mapping() == {"Visit #": "visit_id", "DOS": "visit_date", "Recheck Dt": "follow_up"}


def test_a_header_with_the_fields_own_words_still_names_it():
    cands = score_columns(["Follow up dt"], VISITS)[0]
    assert max(cands.values(), key=lambda c: c.confidence).field == "follow_up"


WEIGHED = SheetSpec(
    "visits",
    "Visits",
    (
        Field("visit_id", "Visit ID", constraints=(Constraint("unique"), Constraint("required"))),
        Field("weight_kg", "Weight (kg)", type="number"),
        Field("fee", "Fee", type="number"),
    ),
)


def test_the_only_field_in_the_headers_unit_is_strong_when_the_column_writes_numbers():
    frame = pl.DataFrame(
        {
            "Visit #": [f"V{i}" for i in range(12)],
            "Timbang (kg)": [f"{3 + i * 1.5:.1f}" for i in range(12)],
        }
    )
    by_source = {m.source: m for m in automap(frame, WEIGHED).fields}
    assert by_source["Timbang (kg)"].destination == "weight_kg"
    assert by_source["Timbang (kg)"].certainty == "strong"
    # Words in the unit's column say nothing about a weight: the unit alone stays a hint.
    frame = frame.with_columns(pl.Series("Timbang (kg)", ["mabigat", "magaan", "katamtaman"] * 4))
    assert "weight_kg" not in {
        m.destination for m in automap(frame, WEIGHED).fields if m.certainty == "strong"
    }


RENTALS = SheetSpec(
    "rentals",
    "Rental Agreements",
    (
        Field(
            "agreement_no",
            "Rental Agreement Number",
            constraints=(Constraint("unique"), Constraint("required")),
        ),
        Field("customer_name", "Customer Name"),
    ),
)


def test_a_fields_number_word_alone_abbreviates_no_header():
    # "no" (number) is a subsequence of "onomateponymo" (a Greek full name): no evidence.
    cands = score_columns(["pelatis.onomateponymo"], RENTALS)[0]
    assert "agreement_no" not in cands or cands["agreement_no"].confidence < 0.5
    assert score_columns(["Agr No"], RENTALS)[0]["agreement_no"].confidence >= 0.5
