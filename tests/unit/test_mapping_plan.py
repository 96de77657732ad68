"""Plans: serialization, validation, the gate, overrides and applying a plan."""

from __future__ import annotations

import time

import polars as pl
import pytest

from feedline.blueprint import Constraint, Field, Option, SheetSpec
from feedline.errors import MappingError
from feedline.mapping import (
    MappingMemory,
    Plan,
    apply_plan,
    automap,
    certainty_for,
    gate,
    map_enum_values,
    override,
)
from feedline.mapping.calibration import calibrate

REQUIRED = (Constraint("required"),)
SHEET = SheetSpec(
    "people",
    "People",
    (
        Field("email", "Email", constraints=REQUIRED, alternative_names=("e-mail",)),
        Field("first_name", "First Name"),
        Field("job_title", "Job Title", alternative_names=("title",)),
        Field(
            "status", "Status", type="enum",
            options=(Option("active", "Active"), Option("inactive", "Inactive"), Option("churned", "Churned")),
        ),
        Field("signup_date", "Signup Date", type="date"),
    ),
)


def frame() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "E-Mail": ["a@x.io", "b@y.io", "c@z.io", "d@x.io"],
            "Vorname": ["Ann", "Bo", "Cy", "Di"],
            "Title": ["CEO", "CTO", "Dev", "Ops"],
            "STAT": ["ACT", " inact ", "CHURN", "???"],
            "Notes": ["", "x", "y", ""],
        }
    )


def test_certainty_buckets():
    assert [certainty_for(c) for c in (1.0, 0.99, 0.9, 0.85, 0.7, 0.6, 0.59, 0.0)] == [
        "absolute", "absolute", "strong", "strong", "moderate", "moderate", "weak", "weak",
    ]


def test_plan_dict_has_exact_keys_and_round_trips():
    plan = automap(frame(), SHEET)
    data = plan.to_dict()
    assert set(data) == {
        "sheet", "fields", "enums", "unmapped_source", "unmapped_destination", "auto_accept",
        "review_reasons", "drift", "signatures", "taught",
    }
    assert set(data["fields"][0]) == {"source", "destination", "confidence", "certainty", "reason", "reason_code"}
    assert set(data["enums"]["status"][0]) == {"value", "option", "count", "confidence", "reason"}
    again = Plan.from_dict(data, SHEET)
    assert again.to_dict() == data
    assert again.mapping() == plan.mapping()
    assert plan.unmapped_source == ["Notes"]
    assert plan.unmapped_destination == [{"key": "signup_date", "label": "Signup Date", "required": False}]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["fields"][0].update(destination="nope"), 'unknown field "nope"'),
        (lambda d: d["fields"][1].update(destination="email"), 'field "email" is mapped twice'),
        (lambda d: d["fields"][1].pop("source"), "has no source column"),
        (lambda d: d["fields"].append(dict(d["fields"][0])), "appears twice"),
    ],
)
def test_from_dict_rejects_plans_that_do_not_fit(change, message):
    data = automap(frame(), SHEET).to_dict()
    change(data)
    with pytest.raises(MappingError, match=message) as err:
        Plan.from_dict(data, SHEET)
    assert "\n" not in str(err.value)


def test_from_dict_recomputes_unmapped_lists():
    data = automap(frame(), SHEET).to_dict()
    data["fields"][0]["destination"] = None
    data["unmapped_source"] = []
    plan = Plan.from_dict(data, SHEET)
    assert plan.unmapped_source == ["E-Mail", "Notes"]
    assert {"key": "email", "label": "Email", "required": True} in plan.unmapped_destination


def test_gate_explains_what_blocks_a_plan():
    plan = automap(frame(), SHEET)
    by_source = {m.source: m for m in plan.fields}
    assert by_source["Vorname"].certainty == "strong"
    ok, reasons = gate(plan, SHEET, "exact")
    assert not ok
    assert any('"Vorname" -> "first_name" is only strong' in r for r in reasons)
    # "???" is 1 of 4 status values: far above the 5% tolerated for normal data errors.
    ok, reasons = gate(plan, SHEET, "confident")
    assert not ok and any('of "status" values match no option' in r for r in reasons)
    assert gate(plan, SHEET, "any", max_unmapped_enum_share=0.3) == (True, [])

    without_email = override(plan, {"E-Mail": None}, SHEET)
    ok, reasons = gate(without_email, SHEET, "any", max_unmapped_enum_share=0.3)
    assert not ok
    assert reasons == ['required field "email" (Email) is not mapped']
    with pytest.raises(MappingError):
        gate(plan, SHEET, "sloppy")


def test_override_keeps_the_plan_one_to_one():
    plan = automap(frame(), SHEET)
    assert plan.mapping()["Title"] == "job_title"
    new = override(plan, {"Notes": "job_title", "STAT": None}, SHEET, frame())
    by_source = {m.source: m for m in new.fields}
    assert by_source["Notes"].destination == "job_title"
    assert by_source["Notes"].reason_code == "person"
    assert by_source["Notes"].confidence == 1.0 and by_source["Notes"].certainty == "absolute"
    assert by_source["Title"].destination is None
    assert "status" not in new.enums
    assert "Title" in new.unmapped_source and "STAT" in new.unmapped_source
    assert plan.mapping()["Title"] == "job_title"  # the original plan is untouched

    back = override(new, {"STAT": "status"}, SHEET, frame())
    assert back.enum_map()["status"] == {"ACT": "active", " inact ": "inactive", "CHURN": "churned", "???": None}
    with pytest.raises(MappingError, match="no source column"):
        override(plan, {"Nope": "email"}, SHEET)
    with pytest.raises(MappingError, match='no field "nope"'):
        override(plan, {"Notes": "nope"}, SHEET)
    with pytest.raises(MappingError, match="more than one column"):
        override(plan, {"Notes": "email", "Title": "email"}, SHEET)


def test_override_accepts_only_when_the_gate_passes():
    plan = automap(frame(), SHEET)
    fixed = override(plan, {"Vorname": "first_name"}, SHEET, frame())
    assert not fixed.auto_accept  # "???" still leaves 25% of status values unmapped
    clean = frame().with_columns(pl.col("STAT").replace("???", "ACT"))
    assert override(automap(clean, SHEET), {"Vorname": "first_name"}, SHEET, clean).auto_accept


def test_apply_plan_builds_one_string_column_per_field():
    plan = automap(frame(), SHEET)
    out = apply_plan(frame(), plan, SHEET)
    assert out.columns == SHEET.keys
    assert all(dtype == pl.String for dtype in out.dtypes)
    assert out["email"].to_list() == frame()["E-Mail"].to_list()
    assert out["status"].to_list() == ["ACT", " inact ", "CHURN", "???"]
    assert out["signup_date"].null_count() == 4
    assert apply_plan(frame().head(0), plan, SHEET).height == 0
    with pytest.raises(MappingError, match="E-Mail"):
        apply_plan(frame().drop("E-Mail"), plan, SHEET)


def test_enum_values_stay_unmapped_when_nothing_fits():
    country = Field(
        "country", "Country", type="enum",
        options=tuple(Option(c, n) for c, n in [("US", "United States"), ("GB", "United Kingdom"), ("DE", "Germany"), ("FR", "France")]),
    )
    values = ["UK", "usa", "DEU", "Deutschland", "France ", "Unknown", "?", "UNK", "0", "Europe", "XX", "ZZZ"]
    got = {m.value: m.option for m in map_enum_values([(v, 1) for v in values], country)}
    assert got == {
        "UK": "GB", "usa": "US", "DEU": "DE", "Deutschland": "DE", "France ": "FR",
        "Unknown": None, "?": None, "UNK": None, "0": None, "Europe": None, "XX": None, "ZZZ": None,
    }
    status = SHEET.field("status")
    got = {m.value: m.option for m in map_enum_values({"ACT": 3, "INACT": 1, "CHURN": 2, "Unknown": 1}, status)}
    assert got == {"ACT": "active", "INACT": "inactive", "CHURN": "churned", "Unknown": None}


def test_values_alone_never_run_a_plan_alone():
    f = pl.DataFrame({"col_a": ["a@x.io", "b@x.io", "c@x.io"], "col_b": ["x", "y", "z"]})
    plan = automap(f, SHEET)
    col_a = next(m for m in plan.fields if m.source == "col_a")
    assert col_a.destination == "email"
    # Calibrated per value shape ("values-email"): its certainty may be strong, yet the
    # plan waits until a person confirmed the column once.
    assert col_a.reason_code == "values" and col_a.group == "values-email"
    assert col_a.confidence == calibrate(col_a.score or 0.0, "values-email")
    assert not plan.auto_accept
    assert any('"col_a" -> "email" rests on no name' in r for r in plan.review_reasons)


def test_a_date_column_does_not_map_to_a_number_field():
    sheet = SheetSpec("s", "S", (Field("amount", "Amount", type="number"), Field("order_date", "Order Date", type="date")))
    f = pl.DataFrame({"Amount": ["2024-01-02", "2024-02-03", "2024-03-04"]})
    plan = automap(f, sheet)
    assert plan.mapping() == {} or plan.fields[0].certainty not in ("absolute", "strong")
    assert not plan.auto_accept


def test_shared_prefix_and_camel_case_are_normalized():
    f = pl.DataFrame({"cust_eMail": ["a@x.io"] * 3, "cust_firstName": ["A"] * 3, "cust_jobTitle": ["B"] * 3})
    plan = automap(f, SHEET)
    assert plan.mapping() == {"cust_eMail": "email", "cust_firstName": "first_name", "cust_jobTitle": "job_title"}


def test_negative_evidence_is_not_suggested_again_in_that_space():
    memory = MappingMemory("CRM")
    plan = automap(frame(), SHEET)
    memory.remember("acme", "people", plan, corrected={"Title": None})
    assert memory.recall("acme", "people", ["Title"])["rejected"] == {"Title": {"job_title"}}

    only_rejection = MappingMemory.from_json(
        {"spaces": {"acme": {"people": {"rejected": {"title": ["job_title"]}}}}}
    )
    again = automap(frame(), SHEET, memory=only_rejection, space="acme")
    assert again.mapping().get("Title") != "job_title"
    elsewhere = automap(frame(), SHEET, memory=only_rejection, space="globex")
    assert elsewhere.mapping()["Title"] == "job_title"


def test_memory_files_load_save_forget(tmp_path):
    path = tmp_path / "sub" / "memory.json"
    assert MappingMemory.load(path, "CRM").entries() == []
    memory = MappingMemory("CRM")
    memory.remember("acme", "people", automap(frame(), SHEET))
    memory.remember("globex", "people", automap(frame(), SHEET))
    memory.save(path)
    assert [p.name for p in path.parent.iterdir()] == ["memory.json"]
    loaded = MappingMemory.load(path)
    assert loaded.to_json() == memory.to_json()
    rows = loaded.entries()
    assert [(r["space"], r["sheet"]) for r in rows] == [("acme", "people"), ("globex", "people")]
    assert rows[0]["headers"]["e mail"] == "email"
    assert rows[0]["enums"]["status"]["act"] == "active"
    recalled = loaded.recall("acme", "people", frame().columns)
    assert recalled["plan"] is not None and recalled["plan"]["E-Mail"] == "email"
    assert recalled["headers"]["Vorname"] == ("first_name", 0.97, "space")
    assert loaded.recall("new", "people", ["VORNAME"])["headers"]["VORNAME"] == ("first_name", 0.9, "other")
    own = loaded.evidence("acme", "people", ["Vorname"]).decisions["Vorname"]
    assert (own.field, own.kind, own.by) == ("first_name", "automap-space", "automap")
    other = loaded.evidence("new", "people", ["VORNAME"]).decisions["VORNAME"]
    assert (other.field, other.kind) == ("first_name", "automap-other")
    assert loaded.forget("acme") == 1
    assert loaded.forget("acme") == 0
    assert [r["space"] for r in loaded.entries()] == ["globex"]

    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(MappingError, match="not valid JSON") as err:
        MappingMemory.load(path)
    assert "\n" not in str(err.value)
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(MappingError):
        MappingMemory.load(path)


def test_planning_200_columns_against_200_fields_works():
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"]
    names = [f"{words[i % 10]} {words[(i // 10) % 10]} {i // 100}" for i in range(200)]
    sheet = SheetSpec("wide", "Wide", tuple(Field(n.replace(" ", "_"), n.title()) for n in names))
    f = pl.DataFrame({n.upper().replace(" ", "_"): [str(i), "x", ""] for i, n in enumerate(names)})
    start = time.perf_counter()
    plan = automap(f, sheet)
    print(f"planned 200 x 200 in {time.perf_counter() - start:.2f}s")
    assert len(plan.fields) == 200
    assert plan.mapping() == {n.upper().replace(" ", "_"): n.replace(" ", "_") for n in names}
    assert plan.auto_accept


def test_a_corrected_suggestion_survives_json_into_memory():
    plan = automap(frame(), SHEET)
    decided = Plan.from_dict(override(plan, {"Title": None}, SHEET).to_dict(), SHEET)
    memory = MappingMemory("CRM")
    memory.remember("acme", "people", decided, corrected={"Title": None})
    assert memory.recall("acme", "people", ["Title"])["rejected"] == {"Title": {"job_title"}}
