"""End to end, on one messy file: plain Polars, ``feedline run``, a real ``feedline serve``
on SQLite and on PostgreSQL, and frictionless — time and peak memory of each.

    python bench/e2e.py [--rows 1000000] [--repeat 3] [--database-url postgresql://…] [--no-frictionless] [--clean]

The file is ``bench/messy/generate.py``'s deterministic customer export (20 columns:
mixed date formats, currency amounts, yes/no/1 booleans, enum variants, quoted text with
commas and newlines, about 2% invalid values). Each path runs as its own process:

1. ``baseline``: ``bench/messy/baseline.py``, a plain-Polars script doing the same rules
   (the denominator of every ratio);
2. ``offline``: ``feedline run FILE --blueprint … --out out.csv``;
3. ``server_sqlite``: ``feedline serve`` on SQLite: HTTP upload until the egress file is
   complete (extract, map, validate, store and egress jobs through the queue);
4. ``server_postgres``: the same on a fresh PostgreSQL database (with ``--database-url``
   or ``FEEDLINE_TEST_DATABASE_URL``);
5. ``frictionless``: ``frictionless validate`` of the first 100,000 rows against the same
   rules as a Table Schema, its time scaled to the file (it stops at nothing, so scaling
   is fair; its memory is its own at 100,000 rows).

With ``--clean`` the file has no invalid values (every record valid: the path a clean
delivery takes, where a chunk may have no message at all).

Prints a table, appends a row to ``bench/results.md`` and ends with one JSON line:
``rows`` and, for each path P, ``P_s``, ``P_rss_mb`` and (but for the baseline) ``P_ratio``.

With ``--repeat N`` the baseline and every path run N times, in interleaved rounds (a
machine that slows down for a while slows a whole round): ``P_s`` is the median time,
``P_ratio`` the median of the path's time over its own round's baseline (with
``P_ratio_range``, the lowest and highest), ``P_rss_mb`` the highest peak.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.messy.generate import write  # noqa: E402

BIN = Path(sys.executable).parent
BLUEPRINT = REPO / "bench" / "messy" / "blueprint.yaml"
FEED = REPO / "bench" / "messy" / "feed.yaml"
RESULTS = REPO / "bench" / "results.md"
FRICTIONLESS_ROWS = 100_000
KEY = "fl_bench_e2e_0123456789"


def run_measured(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Run ``cmd``; its wall seconds, peak RSS (MiB) and standard output."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, **(env or {})})
    _pid, status, usage = os.wait4(proc.pid, 0)
    took = time.perf_counter() - start
    out = proc.stdout.read().decode() if proc.stdout else ""
    err = proc.stderr.read().decode() if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{cmd[0]} failed: {err.strip()[-500:]}")
    return took, usage.ru_maxrss / 1024, out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


@contextmanager
def fresh_postgres(url: str) -> Any:
    import sqlalchemy as sa

    from feedline.settings import Settings

    admin_url = Settings(database_url=url).resolved_database_url
    name = f"feedline_e2e_{os.getpid()}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield sa.make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def server(path: Path, work: Path, database_url: str | None) -> tuple[float, float, int]:
    """Upload ``path`` to a real ``feedline serve``; seconds until its egress completed,
    the server's peak RSS and the rows it delivered."""
    port = free_port()
    env = {**os.environ, "FEEDLINE_API_KEY": KEY, "FEEDLINE_LOG_LEVEL": "warning"}
    if database_url:
        env["FEEDLINE_DATABASE_URL"] = database_url
    proc = subprocess.Popen([str(BIN / "feedline"), "serve", "--data-dir", str(work / "data"),
                             "--feed", str(FEED), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {KEY}"},
                          timeout=600) as http:
            for _ in range(300):
                try:
                    if http.get("/healthz").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.1)
            space = http.post("/v1/spaces", json={"name": "bench", "feed": "messy"}).json()["id"]
            start = time.perf_counter()
            with path.open("rb") as fh:
                file = http.post("/v1/files", data={"space_id": space},
                                 files={"file": (path.name, fh, "text/csv")}).json()["id"]
            while True:
                jobs = http.get("/v1/jobs", params={"file_id": file}).json()["data"]
                states = {j["operation"]: j for j in jobs}
                if any(j["status"] in ("failed", "needs_review") for j in jobs):
                    raise SystemExit(f"server pipeline stopped: {jobs}")
                if states.get("egress", {}).get("status") == "complete":
                    took = time.perf_counter() - start
                    rows = sum(d["rows"] for d in states["egress"]["outcome"]["destinations"])
                    return took, peak_rss_mb(proc.pid), rows
                time.sleep(0.05)
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def frictionless(path: Path, work: Path) -> tuple[float, float] | None:
    """Seconds and peak RSS of ``frictionless validate`` on the first rows, or None."""
    try:
        import frictionless  # noqa: F401
    except ImportError:
        return None
    import polars as pl

    sample = work / "frictionless.csv"
    pl.read_csv(path, infer_schema=False, n_rows=FRICTIONLESS_ROWS).write_csv(sample)
    schema = {"fields": [
        {"name": "Customer ID", "type": "string", "constraints": {"required": True, "unique": True}},
        {"name": "First Name", "type": "string"},
        {"name": "Last Name", "type": "string", "constraints": {"required": True}},
        {"name": "Email", "type": "string", "constraints": {
            "required": True, "unique": True, "pattern": r"[^@\s]+@[^@\s]+\.[^@\s]+"}},
        {"name": "Phone", "type": "string"}, {"name": "Company", "type": "string"},
        {"name": "Job Title", "type": "string"}, {"name": "Country", "type": "string"},
        {"name": "Status", "type": "string"},
        {"name": "Signup Date", "type": "date", "format": "any"},
        {"name": "Last Order At", "type": "datetime", "format": "%Y-%m-%dT%H:%M:%S"},
        {"name": "Lifetime Value", "type": "number", "bareNumber": False,
         "constraints": {"minimum": 0}},
        {"name": "Orders", "type": "integer", "constraints": {"minimum": 0}},
        {"name": "Opt In", "type": "boolean", "trueValues": ["yes", "Yes", "1", "true"],
         "falseValues": ["no", "No", "0", "false"]},
        {"name": "VIP", "type": "boolean", "trueValues": ["Y"], "falseValues": ["N"]},
        {"name": "Tags", "type": "string"}, {"name": "Notes", "type": "string"},
        {"name": "City", "type": "string"}, {"name": "Zip", "type": "string"},
        {"name": "Credit Limit", "type": "number"}]}
    schema_path = work / "schema.json"
    schema_path.write_text(json.dumps(schema), encoding="utf-8")
    took, rss, _ = run_measured_ok([str(BIN / "frictionless"), "validate", str(sample),
                                    "--schema", str(schema_path), "--limit-errors", "1000000"])
    return took, rss


def run_measured_ok(cmd: list[str]) -> tuple[float, float, str]:
    """Like :func:`run_measured`, for a validator that exits 1 when it found errors."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{cmd[0]} failed: {proc.stderr.read().decode()[-500:] if proc.stderr else ''}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024, ""


def measure_round(path: Path, work: Path, args: argparse.Namespace) -> dict[str, tuple[float, float, int]]:
    """One baseline run and one run of each path, one after the other: per path its
    seconds, peak RSS (MiB) and valid rows."""
    work.mkdir()
    got: dict[str, tuple[float, float, int]] = {}
    took, rss, out = run_measured([sys.executable, str(REPO / "bench/messy/baseline.py"),
                                   str(path), str(work / "baseline.csv")])
    got["baseline"] = (took, rss, int(out.strip()))
    if "offline" not in args.skip:
        took, rss, out = run_measured([str(BIN / "feedline"), "run", str(path), "--blueprint",
                                       str(BLUEPRINT), "--out", str(work / "offline.csv"),
                                       "--json"])
        got["offline"] = (took, rss, json.loads(out)["valid"])
    if "server_sqlite" not in args.skip:
        got["server_sqlite"] = server(path, work / "sqlite", None)
    if args.database_url and "server_postgres" not in args.skip:
        with fresh_postgres(args.database_url) as url:
            got["server_postgres"] = server(path, work / "postgres", url)
    for name in ("offline.csv", "baseline.csv"):  # a round's outputs go before the next
        (work / name).unlink(missing_ok=True)
    return got


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--database-url", default=os.environ.get("FEEDLINE_TEST_DATABASE_URL"))
    parser.add_argument("--no-frictionless", action="store_true")
    parser.add_argument("--clean", action="store_true", help="a file without invalid values")
    parser.add_argument("--repeat", type=int, default=1,
                        help="rounds of every path, interleaved; medians are reported")
    parser.add_argument("--skip", action="append", default=[],
                        help="a path to leave out: offline, server_sqlite, server_postgres")
    args = parser.parse_args()
    result: dict[str, Any] = {"rows": args.rows, "repeat": args.repeat, "clean": args.clean}
    # feedline as installed from a wheel: its bytecode compiled (an editable install on a
    # machine with PYTHONDONTWRITEBYTECODE would compile every module at every start).
    compileall.compile_dir(REPO / "feedline", quiet=1)
    with tempfile.TemporaryDirectory(prefix="feedline-e2e-") as tmp:
        work = Path(tmp)
        path = write(work / f"customers_{args.rows}.csv", args.rows, clean=args.clean)
        size = path.stat().st_size / 2**20
        print(f"{args.rows:,} rows, {size:,.0f} MiB ({platform.node()}, {os.cpu_count()} cores)"
              + (f", {args.repeat} interleaved rounds" if args.repeat > 1 else ""))
        rounds = [measure_round(path, work / f"round{i}", args) for i in range(args.repeat)]
        valid = {name: got[2] for name, got in rounds[-1].items()}
        for name in rounds[0]:
            times = [r[name][0] for r in rounds]
            result.update({f"{name}_s": round(statistics.median(times), 2),
                           f"{name}_rss_mb": round(max(r[name][1] for r in rounds))})
            if name != "baseline":
                # each round's path against the baseline of the same round: a machine
                # that slows down between rounds moves both
                ratios = [r[name][0] / r["baseline"][0] for r in rounds]
                result[f"{name}_ratio"] = round(statistics.median(ratios), 2)
                if args.repeat > 1:
                    result[f"{name}_ratio_range"] = [round(min(ratios), 2), round(max(ratios), 2)]
        if not args.no_frictionless:
            measured = frictionless(path, work)
            if measured is not None:
                took, rss = measured
                scale = args.rows / min(args.rows, FRICTIONLESS_ROWS)
                result.update(frictionless_s=round(took * scale, 2), frictionless_rss_mb=round(rss),
                              frictionless_ratio=round(took * scale / result["baseline_s"], 2))
    w = 23 if args.repeat > 1 else 11
    print(f"{'path':<18} {'seconds':>9} {'× baseline':>{w}} {'peak RSS MiB':>13} {'valid rows':>11}")
    for name in ("baseline", "offline", "server_sqlite", "server_postgres", "frictionless"):
        if f"{name}_s" not in result:
            continue
        ratio = "" if name == "baseline" else f"{result[f'{name}_ratio']:.2f}"
        spread = result.get(f"{name}_ratio_range")
        if spread:
            ratio = f"{ratio} ({spread[0]:.2f}–{spread[1]:.2f})"
        print(f"{name:<18} {result[f'{name}_s']:9.2f} {ratio:>{w}} {result[f'{name}_rss_mb']:13,} "
              f"{valid.get(name, ''):>11}")
    _append(result)
    print(json.dumps(result))


def _append(result: dict[str, Any]) -> None:
    """One row per run in bench/results.md, with the date and the machine."""
    names = ("baseline", "offline", "server_sqlite", "server_postgres", "frictionless")
    if not RESULTS.exists():
        header = "| date | machine | rows | " + " | ".join(
            f"{n} s (×, MiB)" for n in names) + " |\n|" + "---|" * (3 + len(names)) + "\n"
        RESULTS.write_text("# bench/e2e.py results\n\n" + header, encoding="utf-8")
    cells = []
    for n in names:
        if f"{n}_s" not in result:
            cells.append("–")
            continue
        ratio = f"{result[n + '_ratio']}×, " if n != "baseline" else ""
        cells.append(f"{result[n + '_s']} ({ratio}{result[n + '_rss_mb']})")
    machine = f"{platform.node()} ({os.cpu_count()} cores)"
    rows = f"{result['rows']:,}" + (" clean" if result.get("clean") else "") + (
        f" (median of {result['repeat']} rounds)" if result.get("repeat", 1) > 1 else "")
    row = f"| {datetime.now(UTC):%Y-%m-%d %H:%M} | {machine} | {rows} | " + " | ".join(cells) + " |\n"
    with RESULTS.open("a", encoding="utf-8") as fh:
        fh.write(row)


if __name__ == "__main__":
    main()
