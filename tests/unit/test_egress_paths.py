"""Path templates: injective, path-safe values; templates that cannot escape their root."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from feedline.blueprint import Field, SheetSpec
from feedline.egress.base import RunInfo
from feedline.egress.paths import check_template, encode, local_target, with_run
from feedline.egress.runstate import ListDeadLetters, MemoryRunState
from feedline.errors import ConfigError, TerminalError

SPEC = SheetSpec("orders", "Orders", (Field("code", "Code"),))


def info(space: str, file: str = "records", run_id: str = "r1") -> RunInfo:
    return RunInfo(run_id=run_id, space=space, space_id="sp1", sheet="orders", sheet_id="sh1",
                   file=file, file_id=None, started_at=datetime(2026, 3, 4, 23, 59, tzinfo=UTC),
                   spec=SPEC, policy="valid-only", root=Path("/data"), state=MemoryRunState(),
                   dead_letters=ListDeadLetters())


def test_the_names_that_used_to_collide_get_their_own_folders() -> None:
    assert encode("partner one") == "partner%20one"
    assert encode("partner_one") == "partner_one"
    assert encode("partner/one") == "partner%2Fone"
    assert encode("..") == "%2E%2E"
    assert encode(".hidden") == "%2Ehidden"
    assert encode("Zoë") == "Zo%C3%AB"
    assert encode("100%") == "100%25"
    assert encode("") == "%"


@given(st.text(st.characters(exclude_categories=())))  # lone surrogates too
def test_encoding_is_one_to_one_and_path_safe(value: str) -> None:
    out = encode(value)
    assert "/" not in out and "\\" not in out and not out.startswith(".") and out
    assert set(out) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-%")
    assert (unquote(out, errors="surrogatepass") if out != "%" else "") == value


@given(st.text(), st.text())
def test_different_values_render_different_paths(a: str, b: str) -> None:
    template = check_template("out/{space}/{file}.{run}.csv", "destination #1", remote=False)
    if a != b:
        assert template.render(info(a)) != template.render(info(b))
        assert template.render(info("x", a)) != template.render(info("x", b))


def test_every_placeholder_renders() -> None:
    t = check_template("{space}/{space_id}/{sheet}/{sheet_id}/{file}/{file_id}/{date}/{run}.csv",
                       "d", remote=False)
    assert t.render(info("a b", "f.x", "run 1")) == "a%20b/sp1/orders/sh1/f%2Ex/%/2026-03-04/run%201.csv"


@pytest.mark.parametrize(("template", "reason"), [
    ("/etc/{sheet}.csv", "relative to the data directory"),
    ("~/{sheet}.csv", "relative to the data directory"),
    ("C:/out/{sheet}.csv", "relative to the data directory"),
    ("out/../{sheet}.csv", r"'\.' or '\.\.' folders"),
    ("../{sheet}.csv", r"'\.' or '\.\.' folders"),
    ("out\\{sheet}.csv", "'/' between folders"),
    ("out/{spaces}.csv", r"unknown placeholder \{spaces\}"),
    ("out/{space!r}.csv", "takes no format"),
    ("out/{space}{sheet}.csv", "touch"),
    ("out/{space}-{sheet}.csv", r"\{space\} is followed by '-'\{sheet\}"),
    ("out/{file}_{date}.csv", r"\{file\} is followed by '_'\{date\}"),
    ("out/{sheet}/", "end in a file name"),
    ("", "non-empty"),
])
def test_unsafe_templates_are_refused(template: str, reason: str) -> None:
    with pytest.raises(ConfigError, match=f"^destination #3: .*{reason}"):
        check_template(template, "destination #3", remote=False)


@pytest.mark.parametrize("template", [
    "out/{space}/{sheet}-{run}.csv", "out/{space}.{date}.csv", "{space}/{file} {run}.csv",
    "out/{sheet}_{date}/{space}.jsonl",
])
def test_safe_templates_are_accepted(template: str) -> None:
    assert check_template(template, "d", remote=False).text == template


def test_url_templates_keep_placeholders_out_of_the_bucket() -> None:
    with pytest.raises(ConfigError, match="bucket or host"):
        check_template("s3://{space}/x.csv", "d", remote=True)
    assert check_template("s3://b/out/{space}/{sheet}-{run}.csv", "d", remote=True)


def test_new_mode_adds_the_run_before_the_extension() -> None:
    assert with_run(check_template("out/{space}/{sheet}.csv", "d", remote=False)).text == \
        "out/{space}/{sheet}.{run}.csv"
    assert with_run(check_template("{file}", "d", remote=False)).text == "{file}.{run}"
    kept = check_template("out/{run}/{sheet}.csv", "d", remote=False)
    assert with_run(kept) is kept


def test_a_rendered_path_stays_inside_the_root(tmp_path: Path) -> None:
    assert local_target(tmp_path, "out/a.csv") == tmp_path / "out" / "a.csv"
    for bad in ("../x.csv", "out/../../x.csv", "/etc/passwd", "."):
        with pytest.raises(TerminalError, match="leaves the data directory"):
            local_target(tmp_path, bad)
