"""The learning loop as a user lives it, measured on a real ``feedline serve``.

    python bench/learning_loop.py [--dataset shared|heldout|both] [--rows 300] [--seed 1]
                                  [--timeout 120] [--keep DIR] [--verbose]

For each dataset (the shared CRM fixtures, the held-out HR/logistics partners of
``bench/heldout``) it generates the deliveries into a temporary folder, starts
``feedline serve`` on a fresh data directory and a free loopback port, and for every
partner (one space each): uploads d1, waits for its map jobs and records automap's plans;
a map job waiting in ``needs_review`` gets the right plan from a person (PUT every column,
PATCH the right enum values, execute), a notes/summary sheet's job is canceled; then d2 and
d3 are uploaded with no further help. It prints four measures per dataset and ends with
one JSON line:

- first delivery: d1 source columns with a field whose plan destination is right AND
  whose certainty is strong or absolute;
- later deliveries: d2/d3 data files whose map job ran alone with every column right (k/n);
- plans that ran alone with a wrong column, any delivery (a count);
- enum values right, d1 / d3: distinct (field, raw value) pairs of the plans and the
  manifest whose option is the expected one (an expected null is right when unmapped).

No assertions: it measures. Never tune the mapping on the held-out set.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import yaml

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
HELDOUT = REPO / "bench" / "heldout"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HELDOUT))

from measures import (  # noqa: E402
    PlanRecord,
    alone_wrong,
    enum_pairs,
    enum_right,
    first_delivery_columns,
    later_alone_right,
    summarize,
    wrong_columns,
)

SETTLED = {"complete", "needs_review", "failed", "canceled"}
DONE = {"complete", "failed", "canceled"}


# --------------------------------------------------------------------------------------
# Datasets
# --------------------------------------------------------------------------------------
def make_dataset(name: str, out: Path, rows: int, seed: str) -> tuple[dict[str, Any], list[Path]]:
    """Generate a dataset; answer its manifest and the feed configs to serve."""
    if name == "shared":
        from tests.conftest import write_crm_feed

        subprocess.run([sys.executable, str(SHARED / "fixtures" / "make_fixtures.py"), str(out),
                        "--rows", str(rows)], check=True, capture_output=True)
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        for e in manifest["files"]:
            e.setdefault("feed", "crm")
            e.setdefault("member", None)
            e.setdefault("ignored_sheets", [])
        feed = write_crm_feed(out, SHARED / "fixtures" / "blueprints" / "crm.yaml")
        return manifest, [feed]
    subprocess.run([sys.executable, str(HELDOUT / "make_partners.py"), str(out), "--rows",
                    str(rows), "--seed", seed], check=True, capture_output=True)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return manifest, [out / p for p in manifest["feeds"].values()]


def required_fields(manifest: dict[str, Any], feeds: list[Path]) -> dict[tuple[str, str], set[str]]:
    """(feed, sheet) -> its required fields; stops when the manifest names a field or
    option the served blueprint lacks (a stale manifest would measure nonsense)."""
    sheets: dict[tuple[str, str], dict[str, Any]] = {}
    for feed_path in feeds:
        feed = yaml.safe_load(feed_path.read_text(encoding="utf-8"))
        bp = yaml.safe_load((feed_path.parent / feed["blueprint"]).read_text(encoding="utf-8"))
        for sheet in bp["sheets"]:
            sheets[(feed["name"], sheet["slug"])] = {f["key"]: f for f in sheet["fields"]}
    for e in manifest["files"]:
        fields = sheets[(e["feed"], e["target_sheet"])]
        for src, key in e["column_mapping"].items():
            if key is not None and key not in fields:
                raise SystemExit(f"{e['path']}: column {src!r} expects unknown field {key!r}")
        for key, values in e["enum_mapping"].items():
            options = {o["value"] for o in fields[key].get("options", [])}
            if any(v is not None and v not in options for v in values.values()):
                raise SystemExit(f"{e['path']}: enum {key!r} expects an unknown option")

    def required(f: dict[str, Any]) -> bool:
        return any(c == "required" or (isinstance(c, dict) and c.get("type") == "required")
                   for c in f.get("constraints") or [])

    return {k: {key for key, f in fields.items() if required(f)} for k, fields in sheets.items()}


# --------------------------------------------------------------------------------------
# The server and its API
# --------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def feedline_serve(data_dir: Path, feeds: list[Path]) -> Iterator[httpx.Client]:
    """A real ``feedline serve`` on a fresh data directory; yields an authenticated client."""
    exe = REPO / ".venv" / "bin" / "feedline"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "feedline.cli"]
    port = free_port()
    key = "fl_bench_" + secrets.token_hex(12)
    env = {k: v for k, v in os.environ.items() if not k.startswith("FEEDLINE_")}
    env["FEEDLINE_API_KEY"] = key
    data_dir.mkdir(parents=True, exist_ok=True)
    log = data_dir.parent / "server.log"
    args = [*cmd, "serve", "--data-dir", str(data_dir), "--host", "127.0.0.1", "--port", str(port)]
    for feed in feeds:
        args += ["--feed", str(feed)]
    with log.open("w") as out:
        proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"feedline serve did not start:\n{log.read_text()}")
            time.sleep(0.2)
        with httpx.Client(base_url=url, timeout=60, transport=RetryingTransport(),
                          headers={"Authorization": f"Bearer {key}"}) as client:
            yield client
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


class RetryingTransport(httpx.HTTPTransport):
    """Sends a request again when the connection breaks, if sending it twice is harmless:
    reads, plan edits, and uploads (the same bytes again are the same file)."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        safe = request.method in ("GET", "PUT", "PATCH") or (
            request.method == "POST" and request.url.path == "/v1/files")
        for attempt in range(4 if safe else 1):
            try:
                return super().handle_request(request)
            except httpx.TransportError as exc:
                if not safe or attempt == 3:
                    raise
                print(f"note: {request.method} {request.url.path} broke ({exc!r}); sending it "
                      "again", file=sys.stderr)
                time.sleep(0.5 * (attempt + 1))
        raise AssertionError("unreachable")


def failed_request(exc: httpx.HTTPError) -> str:
    try:
        return f"{exc.request.method} {exc.request.url.path}"
    except RuntimeError:       # an error raised without a request
        return ""


def listing(client: httpx.Client, path: str, **params: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    cursor = None
    while True:
        r = client.get(path, params={**params, **({"cursor": cursor} if cursor else {})})
        r.raise_for_status()
        body = r.json()
        out += body["data"]
        cursor = body.get("next_cursor")
        if not cursor:
            return out


def answer(r: httpx.Response) -> str:
    """A response as one line for the record: status and error message."""
    try:
        err = r.json().get("error") if r.content else None
    except ValueError:
        err = None
    return f"{r.status_code}" + (f" {err.get('code')}: {err.get('message')}" if err else "")


# --------------------------------------------------------------------------------------
# One upload: wait for its jobs, match them to the manifest
# --------------------------------------------------------------------------------------
def settle(client: httpx.Client, space: str, file_id: str, timeout: float) -> dict[str, Any]:
    """Poll until the file, its zip members and every tabular sheet's map job have settled."""
    deadline = time.monotonic() + timeout
    while True:
        files = {f["id"]: f for f in listing(client, "/v1/files", space_id=space)}
        ours = {file_id}
        for _ in range(3):   # zip members, and members of a zip inside it
            ours |= {fid for fid, f in files.items() if f.get("parent_id") in ours}
        extracts = {j["file_id"]: j for j in listing(client, "/v1/jobs", space_id=space,
                                                     operation="extract") if j["file_id"] in ours}
        maps = {j["input"].get("source_sheet_id"): j for j in sorted(   # the latest per sheet
            (j for j in listing(client, "/v1/jobs", space_id=space, operation="map")
             if j["file_id"] in ours), key=lambda j: j["created_at"])}
        pending = False
        sheets: dict[str, tuple[str, str]] = {}
        for fid in ours:
            ex = extracts.get(fid)
            if ex is None or ex["status"] not in DONE:
                pending = True
                continue
            outcome = ex.get("outcome") or {}
            pending |= any(m["file_id"] not in ours for m in outcome.get("members") or [])
            for s in outcome.get("sheets") or []:
                if s.get("tabular", True):
                    sheets[s["id"]] = (fid, s["name"])
                    job = maps.get(s["id"])
                    pending |= job is None or job["status"] not in SETTLED
        if not pending or time.monotonic() > deadline:
            return {"files": files, "ours": ours, "extracts": extracts, "sheets": sheets,
                    "maps": maps, "timed_out": pending}
        time.sleep(0.3)


def basename(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1]


def match(snap: dict[str, Any], entries: list[dict[str, Any]], partner: str,
          delivery: str) -> list[PlanRecord]:
    """A record per manifest data file, and one per other map job (notes, summary, unexpected)."""
    files, maps = snap["files"], snap["maps"]
    records = []
    used: set[str] = set()
    for e in entries:
        want = basename(e["member"] or e["path"])
        cands = [(sid, fid, name) for sid, (fid, name) in snap["sheets"].items()
                 if basename(files[fid]["name"]) == want
                 and (e.get("sheet_name") is None or name == e["sheet_name"])]
        rec = PlanRecord(partner, delivery, "data", want, e.get("sheet_name"), e)
        if cands:
            sid, fid, name = cands[0]
            used.add(sid)
            rec.sheet = name
            job = maps.get(sid)
            rec.status = "timeout" if job is None or job["status"] not in SETTLED else job["status"]
            if job is not None:
                rec.job_id = job["id"]
        else:
            failed = [f for fid, f in files.items() if fid in snap["ours"] and f.get("error")]
            rec.status = "timeout" if snap["timed_out"] else "missing"
            rec.reasons = [f"{f['name']}: {f['error']}" for f in failed]
        records.append(rec)
    ignored = {(basename(e["member"] or e["path"]), s["sheet_name"])
               for e in entries for s in e.get("ignored_sheets") or []}
    for sid, (fid, name) in snap["sheets"].items():
        if sid in used:
            continue
        fname = basename(files[fid]["name"])
        rec = PlanRecord(partner, delivery, "ignored" if (fname, name) in ignored else "unexpected",
                         fname, name, None)
        job = maps.get(sid)
        rec.status = "timeout" if job is None or job["status"] not in SETTLED else job["status"]
        rec.job_id = job["id"] if job else None
        records.append(rec)
    return records


def load_plans(client: httpx.Client, records: list[PlanRecord]) -> None:
    for rec in records:
        if rec.job_id is None or rec.status not in ("complete", "needs_review"):
            continue
        job = client.get(f"/v1/jobs/{rec.job_id}").json()
        outcome = job.get("outcome") or {}
        rec.accepted_by = outcome.get("accepted_by")
        rec.reasons = list(outcome.get("reasons") or [])
        r = client.get(f"/v1/jobs/{rec.job_id}/plan")
        rec.plan = r.json() if r.status_code == 200 else None


def wait_job(client: httpx.Client, job_id: str, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = client.get(f"/v1/jobs/{job_id}").json()["status"]
        if status in DONE:
            return str(status)
        time.sleep(0.3)
    return "timeout"


# --------------------------------------------------------------------------------------
# The person
# --------------------------------------------------------------------------------------
def review(client: httpx.Client, rec: PlanRecord, required: set[str], timeout: float) -> None:
    """Give a waiting map job the right plan and run it; cancel a sheet that is not data."""
    jid = rec.job_id
    if rec.entry is None:
        r = client.post(f"/v1/jobs/{jid}/cancel")
        rec.person.append(f"cancel {answer(r)}")
        rec.final_status = client.get(f"/v1/jobs/{jid}").json()["status"]
        return
    expected = rec.entry["column_mapping"]
    sources = [f["source"] for f in (rec.plan or {}).get("fields", [])]
    body = {"fields": [{"source": s, "destination": expected.get(s)} for s in sources]}
    absent = [s for s in expected if s not in sources]
    if absent:
        rec.person.append(f"columns absent from the plan: {absent}")
    r = client.put(f"/v1/jobs/{jid}/plan", json=body)
    rec.person.append(f"PUT plan {answer(r)}")
    mapped = {d for d in expected.values() if d}
    enums = {f: dict(v) for f, v in rec.entry["enum_mapping"].items() if f in mapped and v}
    if enums:
        r = client.patch(f"/v1/jobs/{jid}/plan", json={"enums": enums})
        rec.person.append(f"PATCH enums ({sum(map(len, enums.values()))} values) {answer(r)}")
        if r.status_code >= 400:
            listed = {f: {e["value"] for e in v} for f, v in
                      (client.get(f"/v1/jobs/{jid}/plan").json().get("enums") or {}).items()}
            only = {f: {raw: o for raw, o in v.items() if raw in listed.get(f, set())}
                    for f, v in enums.items()}
            only = {f: v for f, v in only.items() if v}
            if only:
                r = client.patch(f"/v1/jobs/{jid}/plan", json={"enums": only})
                rec.person.append(f"PATCH listed enums only ({sum(map(len, only.values()))} "
                                  f"values) {answer(r)}")
    missing = sorted(required - mapped)      # the right plan itself leaves these unmapped
    if missing:
        r = client.post(f"/v1/jobs/{jid}/execute", json={"allow_missing_required": True})
        rec.person.append(f"execute (required left unmapped: {missing}) {answer(r)}")
    else:
        r = client.post(f"/v1/jobs/{jid}/execute")
        rec.person.append(f"execute {answer(r)}")
    rec.final_status = wait_job(client, str(jid), timeout) if r.status_code < 400 else "needs_review"
    after = client.get(f"/v1/jobs/{jid}/plan")
    if after.status_code == 200:     # did the person's plan stick?
        probe = replace(rec, plan=after.json())
        cols = wrong_columns(probe)
        values = [k for k, (exp, got) in enum_pairs(probe).items() if exp != got]
        if cols or values:
            rec.person.append(f"plan after the person still differs: columns {cols}, "
                              f"enum values {values}")


# --------------------------------------------------------------------------------------
# The loop
# --------------------------------------------------------------------------------------
def run_dataset(client: httpx.Client, root: Path, manifest: dict[str, Any],
                required: dict[tuple[str, str], set[str]], timeout: float) -> list[PlanRecord]:
    partners: list[str] = []
    for e in manifest["files"]:
        if e["partner"] not in partners:
            partners.append(e["partner"])
    records: list[PlanRecord] = []
    for partner in partners:
        mine = [e for e in manifest["files"] if e["partner"] == partner]
        r = client.post("/v1/spaces", json={"name": partner, "feed": mine[0]["feed"]})
        r.raise_for_status()
        space = r.json()["id"]
        for delivery in ("d1", "d2", "d3"):
            entries = [e for e in mine if e["delivery"] == delivery]
            for path in dict.fromkeys(e["path"] for e in entries):
                these = [e for e in entries if e["path"] == path]
                try:
                    records += deliver(client, space, root / path, these, partner, delivery,
                                       required, timeout)
                except httpx.HTTPError as exc:   # the server broke down: count it, go on
                    where = failed_request(exc)
                    records += [PlanRecord(partner, delivery, "data",
                                           basename(e["member"] or e["path"]), e.get("sheet_name"),
                                           e, status="failed",
                                           reasons=[f"bench: {where} {exc!r}"])
                                for e in these]
    return records


def deliver(client: httpx.Client, space: str, path: Path, entries: list[dict[str, Any]],
            partner: str, delivery: str, required: dict[tuple[str, str], set[str]],
            timeout: float) -> list[PlanRecord]:
    """Upload one file, record its plans, and on d1 let the person review what waits."""
    up = client.post("/v1/files", data={"space_id": space},
                     files={"file": (path.name, path.read_bytes())})
    up.raise_for_status()
    snap = settle(client, space, up.json()["id"], timeout)
    recs = match(snap, entries, partner, delivery)
    load_plans(client, recs)
    if delivery == "d1":
        for rec in recs:
            if rec.status == "needs_review" and rec.job_id:
                target = (entries[0]["feed"], (rec.entry or entries[0])["target_sheet"])
                review(client, rec, required.get(target, set()), timeout)
    return recs


def report(name: str, records: list[PlanRecord], seconds: float, verbose: bool) -> dict[str, Any]:
    summary = summarize(records)
    c_right, c_total, c_miss = first_delivery_columns(records)
    k, n = later_alone_right(records)
    wrong, alone = alone_wrong(records)
    e1, t1, miss1 = enum_right(records, "d1")
    e3, t3, miss3 = enum_right(records, "d3")
    if verbose:
        print(f"\n== {name}: per partner")
        for rec in records:
            where = rec.file + (f" [{rec.sheet}]" if rec.sheet else "")
            how = rec.status + (" (ran alone)" if rec.ran_alone else "")
            if rec.final_status:
                how += f" -> person -> {rec.final_status}"
            print(f"  {rec.partner:<11} {rec.delivery} {rec.role:<10} {where}: {how}")
            for reason in rec.reasons:
                print(f"      why: {reason}")
            for step in rec.person:
                print(f"      person: {step}")
            if rec.plan is not None or rec.role == "data":
                for src, exp, got in wrong_columns(rec):
                    print(f"      wrong column {src!r}: expected {exp}, plan {got}")
        for title, misses in (("d1 columns not right and sure", c_miss),
                              ("d1 enum values wrong", miss1), ("d3 enum values wrong", miss3)):
            print(f"  {title}: {len(misses)}")
            for m in misses:
                print(f"      {m}")

    def pct(a: int, b: int) -> str:
        return f"{a}/{b} = {100 * a / b:.1f}%" if b else "n/a"

    print(f"\n== {name} ({len({r.partner for r in records})} partners, {seconds:.0f} s)")
    print(f"  first delivery: columns right and strong/absolute   {pct(c_right, c_total)}")
    print(f"  later deliveries run alone with every column right  {k}/{n}")
    print(f"  plans run alone with a wrong column (any delivery)  {wrong} (of {alone} run alone)")
    print(f"  enum values right, first / third delivery           {pct(e1, t1)} / {pct(e3, t3)}")
    m1, n1, _ = enum_right(records, "d1", mapped_only=True)
    print(f"    (first delivery, columns mapped to the right field only: {pct(m1, n1)})")
    return {**summary, "seconds": round(seconds, 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--dataset", choices=["shared", "heldout", "both"], default="both")
    ap.add_argument("--rows", type=int, default=300, help="rows per generated file (default 300)")
    ap.add_argument("--seed", default="1", help="seed of the held-out generator")
    ap.add_argument("--timeout", type=float, default=120, help="seconds a job may take to settle")
    ap.add_argument("--keep", type=Path, help="keep fixtures, data dirs and server logs here")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    names = ["shared", "heldout"] if args.dataset == "both" else [args.dataset]
    base = args.keep or Path(tempfile.mkdtemp(prefix="feedline-loop-"))
    started = time.monotonic()
    results: dict[str, Any] = {}
    try:
        for name in names:
            t0 = time.monotonic()
            work = base / name
            if work.exists():
                shutil.rmtree(work)
            manifest, feeds = make_dataset(name, work / "fixtures", args.rows, args.seed)
            required = required_fields(manifest, feeds)
            with feedline_serve(work / "data", feeds) as client:
                records = run_dataset(client, work / "fixtures", manifest, required, args.timeout)
            results[name] = report(name, records, time.monotonic() - t0, args.verbose)
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)
    results["seconds"] = round(time.monotonic() - started, 1)
    print(json.dumps(results, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
