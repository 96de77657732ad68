"""Scale-out: records per second end to end with 1, 2 and 4 worker processes on PostgreSQL.

    python bench/scale_bench.py [--files 8] [--rows 100000] [--database-url postgresql://…]

Starts an API-only ``feedline serve`` and N ``feedline worker`` processes (one job thread
each) on a fresh database and a shared blob folder, uploads ``--files`` messy customer
files of ``--rows`` rows at once, and times until every one was extracted, mapped,
validated, stored and delivered. Prints records/s per worker count (and how many
distinct processes ran jobs). The machine's core count bounds the speed-up: more worker
processes than cores only share them.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.e2e import free_port, fresh_postgres  # noqa: E402
from bench.messy.generate import write  # noqa: E402

FEED = REPO / "bench" / "messy" / "feed.yaml"
KEY = "fl_bench_scale_0123456789"
BIN = Path(sys.executable).parent


def run(workers: int, files: list[Path], database_url: str, work: Path) -> tuple[float, int]:
    env = {**os.environ, "FEEDLINE_API_KEY": KEY, "FEEDLINE_DATABASE_URL": database_url,
           "FEEDLINE_LOG_LEVEL": "warning", "FEEDLINE_POLL_INTERVAL": "1"}
    port = free_port()
    data = work / f"data-{workers}"
    procs = [subprocess.Popen([str(BIN / "feedline"), "serve", "--data-dir", str(data), "--feed",
                               str(FEED), "--port", str(port), "--workers", "0"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    procs += [subprocess.Popen([str(BIN / "feedline"), "worker", "--data-dir", str(data),
                                "--feed", str(FEED), "--workers", "1"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
              for _ in range(workers)]
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=600,
                          headers={"Authorization": f"Bearer {KEY}"}) as http:
            for _ in range(300):
                try:
                    if http.get("/readyz").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.1)
            space = http.post("/v1/spaces", json={"name": f"scale{workers}", "feed": "messy"}).json()["id"]
            start = time.perf_counter()

            def send(path: Path) -> str:
                with path.open("rb") as fh:
                    return str(http.post("/v1/files", data={"space_id": space},
                                         files={"file": (path.name, fh)}).json()["id"])

            with ThreadPoolExecutor(4) as pool:
                ids = list(pool.map(send, files))
            seen: set[str] = set()
            while True:
                done = 0
                for file_id in ids:
                    jobs = http.get("/v1/jobs", params={"file_id": file_id}).json()["data"]
                    if any(j["status"] == "failed" for j in jobs):
                        raise SystemExit(f"a job failed: {jobs}")
                    seen |= {j["worker"] for j in jobs if j["worker"]}
                    done += any(j["operation"] == "egress" and j["status"] == "complete" for j in jobs)
                if done == len(ids):
                    return time.perf_counter() - start, len(seen)
                time.sleep(0.2)
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=8)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--database-url", default=os.environ.get("FEEDLINE_TEST_DATABASE_URL"))
    args = parser.parse_args()
    if not args.database_url:
        raise SystemExit("needs PostgreSQL: --database-url or FEEDLINE_TEST_DATABASE_URL")
    with tempfile.TemporaryDirectory(prefix="feedline-scale-") as tmp:
        work = Path(tmp)
        files = [write(work / f"customers_{i:02d}.csv", args.rows, seed=i) for i in range(args.files)]
        total = args.files * args.rows
        print(f"{args.files} files × {args.rows:,} rows = {total:,} records, {os.cpu_count()} cores")
        print(f"{'workers':>8} {'seconds':>9} {'records/s':>11} {'processes used':>15}")
        for n in (int(x) for x in args.workers.split(",")):
            with fresh_postgres(args.database_url) as url:
                took, used = run(n, files, url, work)
            print(f"{n:>8} {took:9.1f} {total / took:11,.0f} {used:>15}")


if __name__ == "__main__":
    main()
