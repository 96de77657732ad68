"""File destination specifics: CSV cells, formula escaping, permissions, paths, appends."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import polars as pl
import pytest
import sqlalchemy as sa

from feedline.blueprint import Field, SheetSpec
from feedline.egress.base import Delivery, batch_schema
from feedline.egress.ledger import AppendLedger
from feedline.egress.registry import parse_destination
from feedline.egress.runstate import JsonFileRunState, ListDeadLetters, MemoryRunState
from feedline.egress.tempfiles import LockedTemp, temp_name
from tests.conftest import REPO
from tests.contract.data import SPEC, batches, expected, run_info
from tests.contract.targets import FileTarget

TEXT_SPEC = SheetSpec("notes", "Notes", (
    Field("note", "Note"), Field("amount", "Amount", "number"), Field("qty", "Qty", "integer"),
    Field("tags", "Tags", "string-list"), Field("day", "Day", "date"),
))
FORMULAS = ["=1+1", "+41", "-3", "@SUM(A1)", "\tTAB", "\rCR", "a=b", "", None, "plain -1"]


def deliver(root: Path, raw: dict[str, Any], frames: list[pl.DataFrame], *, run_id: str = "r1",
            space: str = "partner one", spec: SheetSpec = SPEC, state: Any = None) -> Delivery:
    dest = parse_destination(raw, "destination #1")
    info = run_info(run_id, root, state or MemoryRunState(), ListDeadLetters(), space=space)
    if spec is not SPEC:
        info = type(info)(**{**info.__dict__, "spec": spec, "sheet": spec.slug})
    run = dest.open(info)
    for frame in frames:
        run.write(frame)
    return run.commit()


def notes() -> pl.DataFrame:
    n = len(FORMULAS)
    return pl.DataFrame({
        "_id": range(1, n + 1), "_version": [1] * n, "note": FORMULAS,
        "amount": [-2.0, 3.0, -0.5, None, 1.25, 0.0, 10.0, None, None, 7.0],
        "qty": [-5, 5, None, 0, 1, 2, 3, 4, 5, 6],
        "tags": [["=x", "y"], ["-a"], [], None, ["b"], ["c"], ["d"], ["e"], ["f"], ["g"]],
        "day": [None] * n,
    }, schema=batch_schema(TEXT_SPEC, "valid-only"))


def test_csv_cells_are_what_a_person_and_postgresql_expect(tmp_path: Path) -> None:
    d = deliver(tmp_path, {"type": "file", "path": "out/{sheet}.csv", "mode": "replace",
                           "escape_formulas": False}, [notes()], spec=TEXT_SPEC)
    lines = Path(d.location).read_bytes().decode("utf-8").split("\n")
    assert lines[0] == "note,amount,qty,tags,day"
    assert lines[1] == "=1+1,-2,-5,=x;y,"          # whole float without .0, empty date unquoted
    assert lines[4] == "@SUM(A1),,0,,"              # null number and null list: empty
    assert lines[8] == '"",,4,e,'                   # an empty text is "", unlike a missing one
    assert lines[9] == ",,5,f,"


def test_formula_escaping_is_on_by_default_and_only_touches_text(tmp_path: Path) -> None:
    d = deliver(tmp_path, {"type": "file", "path": "out/{sheet}.csv", "mode": "replace"},
                [notes()], spec=TEXT_SPEC)
    got = pl.read_csv(d.location, schema=dict.fromkeys(TEXT_SPEC.keys, pl.String))
    assert got["note"].to_list() == ["'=1+1", "'+41", "'-3", "'@SUM(A1)", "'\tTAB", "'\rCR",
                                     "a=b", "", None, "plain -1"]
    assert got["amount"][0] == "-2" and got["qty"][0] == "-5"  # typed negatives untouched
    assert got["tags"][:2].to_list() == ["'=x;y", "'-a"]


def test_xlsx_keeps_text_as_text_with_excels_quote_prefix(tmp_path: Path) -> None:
    d = deliver(tmp_path, {"type": "file", "path": "out/{sheet}.xlsx", "mode": "replace"},
                [notes()], spec=TEXT_SPEC)
    sheet = pl.read_excel(d.location)
    assert sheet["note"][0] == "=1+1" and sheet["amount"][0] == -2.0 and sheet["qty"][0] == -5
    with zipfile.ZipFile(d.location) as z:
        styles = z.read("xl/styles.xml").decode()
        cells = z.read("xl/worksheets/sheet1.xml").decode()
    assert 'quotePrefix="1"' in styles
    assert "<f>" not in cells  # no formula anywhere
    off = deliver(tmp_path, {"type": "file", "path": "plain/{sheet}.xlsx", "mode": "replace",
                             "escape_formulas": False}, [notes()], spec=TEXT_SPEC)
    with zipfile.ZipFile(off.location) as z:
        assert 'quotePrefix="1"' not in z.read("xl/styles.xml").decode()


@pytest.mark.parametrize(("umask", "expected_mode"), [(0o022, 0o644), (0o002, 0o664)])
@pytest.mark.parametrize("mode", ["new", "replace", "append"])
def test_files_get_the_permissions_of_the_umask(tmp_path: Path, umask: int, expected_mode: int,
                                                mode: str) -> None:
    old = os.umask(umask)
    try:
        d = deliver(tmp_path, {"type": "file", "path": "out/{space}/{sheet}.csv", "mode": mode},
                    batches(5, 5))
    finally:
        os.umask(old)
    assert Path(d.location).stat().st_mode & 0o777 == expected_mode


def test_different_space_names_never_share_a_file(tmp_path: Path) -> None:
    raw = {"type": "file", "path": "out/{space}/{sheet}.csv", "mode": "replace"}
    names = ["partner one", "partner_one", "partner/one", "partner%20one", "..", ".", ""]
    places = {}
    for i, name in enumerate(names):
        d = deliver(tmp_path, raw, batches(3, 3, start=i * 3), space=name)
        places[name] = Path(d.location)
    assert len(set(places.values())) == len(names)
    for i, name in enumerate(names):
        path = places[name]
        assert path.parent.parent == tmp_path / "out"  # one folder per space, inside out/
        codes = pl.read_csv(path)["code"].to_list()
        assert codes == [f"R{j:06d}" for j in range(i * 3 + 1, i * 3 + 4)]
    assert places["partner one"].parent.name == "partner%20one"
    assert places["partner/one"].parent.name == "partner%2Fone"
    assert places[".."].parent.name == "%2E%2E"


def test_parallel_appends_from_many_processes_lose_nothing(tmp_path: Path) -> None:
    raw = {"type": "file", "path": "out/{space}/{sheet}.csv", "mode": "append"}
    procs = []
    for i in range(12):
        args = {"config": raw, "root": str(tmp_path), "state": str(tmp_path / f"state{i}.json"),
                "run_id": f"run-{i}", "total": 150, "size": 50, "start": i * 150}
        procs.append(subprocess.Popen([sys.executable, "-m", "tests.contract.worker",
                                       json.dumps(args)], cwd=REPO, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.PIPE))
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()
    target = tmp_path / "out" / "partner%20one" / "orders.csv"
    text = target.read_text(encoding="utf-8")
    assert text.count("code,name,amount") == 1 and text.startswith("code,name,amount")
    got = FileTarget("csv", tmp_path, format="csv").read_one(target.read_bytes(), "valid-only")
    assert got.height == 12 * 150
    assert sorted(got["code"]) == [f"R{i:06d}" for i in range(1, 12 * 150 + 1)]
    assert [p.name for p in target.parent.iterdir() if "feedline-tmp" in p.name] == []


def test_an_append_cut_short_by_a_crash_is_rolled_back_before_the_retry(tmp_path: Path) -> None:
    raw = {"type": "file", "path": "out/{sheet}.csv", "mode": "append"}
    deliver(tmp_path, raw, batches(40, 20), run_id="run-1")
    target = tmp_path / "out" / "orders.csv"
    size = target.stat().st_size
    # What a worker killed in the middle of appending run-2 leaves behind: the ledger says
    # pending at the old size, and half a row sits at the end of the file.
    ledger = AppendLedger(target)
    ledger._log({"run": "run-2", "state": "pending", "offset": size})
    with target.open("ab") as fh:
        fh.write(b"R000041,half a ro")
    again = deliver(tmp_path, raw, batches(30, 20, start=40), run_id="run-2")
    assert again.rows == 30
    got = FileTarget("csv", tmp_path, format="csv").read_one(target.read_bytes(), "valid-only")
    assert got.sort("code").equals(expected(70).sort("code"))
    states = [json.loads(line)["state"] for line in ledger.path.read_text().splitlines()]
    assert states == ["pending", "committed", "pending", "rolled-back", "pending", "committed"]
    # run-2 retried once more: the ledger says it is in, nothing is appended
    full = target.stat().st_size
    assert deliver(tmp_path, raw, batches(30, 20, start=40), run_id="run-2") == again
    assert target.stat().st_size == full


def test_a_crashed_runs_temp_file_is_removed_by_a_later_run(tmp_path: Path) -> None:
    raw = {"type": "file", "path": "out/{space}/{sheet}.csv", "mode": "replace"}
    args = {"config": raw, "root": str(tmp_path), "state": str(tmp_path / "s.json"),
            "run_id": "run-dead", "total": 1000, "size": 100, "delay": 0.2}
    with subprocess.Popen([sys.executable, "-m", "tests.contract.worker", json.dumps(args)],
                          cwd=REPO, stdout=subprocess.PIPE, text=True) as proc:
        assert proc.stdout is not None
        assert proc.stdout.readline().startswith("wrote")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    folder = tmp_path / "out" / "partner%20one"
    [dead] = [p for p in folder.iterdir() if p.name.endswith(".feedline-tmp")]
    assert dead.stat().st_size > 0
    # A live writer's temp (this process holds its lock) must survive the same sweep.
    live = LockedTemp(folder, temp_name("orders.csv", "run-live"))
    for p in (dead, live.path):
        os.utime(p, (p.stat().st_atime - 60, p.stat().st_mtime - 60))  # old enough to judge
    deliver(tmp_path, raw, batches(5, 5), run_id="run-next")
    assert not dead.exists() and live.path.exists()
    live.discard()
    assert sorted(p.name for p in folder.iterdir()) == ["orders.csv"]


def test_a_template_without_run_gets_one_file_per_delivery(tmp_path: Path) -> None:
    raw = {"type": "file", "path": "out/{space}/{sheet}.csv"}
    first = deliver(tmp_path, raw, batches(3, 3), run_id="r1")
    second = deliver(tmp_path, raw, batches(3, 3), run_id="r2")
    assert Path(first.location).name == "orders.r1.csv"
    assert Path(second.location).name == "orders.r2.csv"


def test_a_retry_of_a_committed_replace_does_not_overwrite_a_later_run(tmp_path: Path) -> None:
    raw = {"type": "file", "path": "out/{sheet}.csv", "mode": "replace"}
    state = JsonFileRunState(tmp_path / "r1.json")
    first = deliver(tmp_path, raw, batches(3, 3), run_id="r1", state=state)
    deliver(tmp_path, raw, batches(4, 4, start=10), run_id="r2")
    dest = parse_destination(raw, "destination #1")
    info = run_info("r1", tmp_path, state, ListDeadLetters())
    assert dest.open(info).committed() == first
    assert pl.read_csv(first.location)["code"].to_list()[0] == "R000011"  # r2's file stays


def test_a_run_that_died_before_its_rename_is_not_taken_as_committed(tmp_path: Path) -> None:
    raw = {"type": "file", "path": "out/{sheet}.csv", "mode": "replace"}
    state = MemoryRunState()
    deliver(tmp_path, raw, batches(3, 3), run_id="r1", state=state)
    # What a crash right after recording the report, before the rename, leaves: a report
    # not marked renamed, and a target that is some other run's file.
    [key] = [k for k in state.values if k.endswith("report")]
    state.values[key].pop("renamed")
    deliver(tmp_path, raw, batches(4, 4, start=10), run_id="r0")
    dest = parse_destination(raw, "destination #1")
    assert dest.open(run_info("r1", tmp_path, state, ListDeadLetters())).committed() is None


def test_postgresql_copy_csv_header_loads_the_output_unchanged(tmp_path: Path,
                                                               pg_url: str) -> None:
    d = deliver(tmp_path, {"type": "file", "path": "out/{sheet}.csv", "mode": "replace"},
                batches(60, 25))
    engine = sa.create_engine(pg_url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "CREATE TABLE orders (code text, name text, amount double precision, qty bigint,"
                " active boolean, day date, at timestamptz, tags text, kind text)")
            driver = conn.connection.driver_connection
            assert driver is not None
            with driver.cursor() as cur, cur.copy(
                    "COPY orders FROM STDIN (FORMAT csv, HEADER)") as copy:
                copy.write(Path(d.location).read_bytes())
            rows = conn.exec_driver_sql("SELECT * FROM orders ORDER BY code").all()
    finally:
        engine.dispose()
    want = expected(60).sort("code").with_columns(
        pl.col("tags").list.join(";"),
        pl.col("at").dt.convert_time_zone("UTC"))
    got = pl.DataFrame([tuple(r) for r in rows], schema=dict(want.schema), orient="row")
    assert got.equals(want)
    assert got.filter(pl.col("day").is_null()).height == 12  # empty date cells became NULL
    assert got.filter(pl.col("name") == "   padded  ").height > 0


def test_nothing_reaches_the_bucket_before_commit(tmp_path: Path, moto_endpoint: str) -> None:
    from tests.contract.targets import S3Target

    target = S3Target("s3-before-commit", tmp_path, endpoint=moto_endpoint)
    dest = parse_destination(target.config(), "destination #1",
                             _s3_secrets())
    run = dest.open(run_info("r-s3", tmp_path, MemoryRunState(), ListDeadLetters()))
    for frame in batches(50, 10):
        run.write(frame)
    assert target.keys() == []
    delivery = run.commit()
    assert target.keys() == [delivery.location.removeprefix("s3://")]
    assert "s3-contract-secret" not in json.dumps(dest.describe())
    assert dest.describe()["storage_options"]["secret"] == "${env:FEEDLINE_TEST_S3_SECRET}"


def test_an_unreachable_bucket_fails_without_leaking_its_secret(tmp_path: Path) -> None:
    from feedline.errors import FeedlineError

    raw = {"type": "file", "path": "s3://nowhere/{sheet}-{run}.csv",
           "storage_options": {"endpoint_url": "http://127.0.0.1:9", "key": "AKIA-KEY-ID",
                               "secret": "${env:FEEDLINE_TEST_S3_SECRET}",
                               "config_kwargs": {"retries": {"max_attempts": 1},
                                                 "connect_timeout": 1}}}
    dest = parse_destination(raw, "destination #1", _s3_secrets())
    run = dest.open(run_info("r-fail", tmp_path, MemoryRunState(), ListDeadLetters()))
    run.write(batches(5, 5)[0])
    with pytest.raises(FeedlineError) as err:
        run.commit()
    assert "s3-contract-secret" not in str(err.value) and "AKIA-KEY-ID" not in str(err.value)
    assert "\n" not in str(err.value)
    assert dest.describe()["storage_options"]["key"] == "***"
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def _s3_secrets() -> Any:
    from feedline.egress.secrets import SecretResolver
    from tests.contract.targets import S3_ENV

    return SecretResolver(env=S3_ENV)


def test_an_empty_csv_delivery_is_just_the_header(tmp_path: Path) -> None:
    d = deliver(tmp_path, {"type": "file", "path": "out/{sheet}.csv"}, [])
    assert Path(d.location).read_bytes() == b"code,name,amount,qty,active,day,at,tags,kind\n"
    empty_parquet = deliver(tmp_path, {"type": "file", "path": "out/{sheet}.parquet"}, [])
    assert pl.read_parquet(empty_parquet.location).schema == pl.Schema(
        {k: v for k, v in batch_schema(SPEC, "valid-only").items() if not k.startswith("_")})
    jsonl = deliver(tmp_path, {"type": "file", "path": "out/{sheet}.jsonl"}, [])
    assert Path(jsonl.location).read_bytes() == b""
