"""Extraction benchmark: feedline vs plain Polars (CSV) and fastexcel (XLSX), same run.

    python bench/extract_bench.py [--rows 1000000] [--xlsx-rows 100000] [--out /tmp/fl-bench]
                                  [--stream-rows 10000000] [--format-rows 2000000]

Each measurement runs in its own subprocess so its peak RSS is its own. Prints figures;
targets (CSV ≤ 1.5× Polars, XLSX ≤ 1.3× fastexcel) are for a person to read, not asserts.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path

COLUMNS = 20


def make_csv(path: Path, rows: int) -> None:
    """A messy CSV: quoted delimiters, escaped quotes, blanks, accents, mixed kinds."""
    rnd = random.Random(7)
    header = ",".join([f"col {i}" for i in range(COLUMNS - 4)] + ["email", "note", "day", "amt"])
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(header + "\n")
        cells = [str(rnd.randint(0, 10**6)) for _ in range(1000)]
        notes = ['"Müller, Hans"', '"say ""hi"""', "", "plain text", '"multi\nline"']
        for i in range(rows):
            base = cells[i % 1000]
            fields = [base] * (COLUMNS - 4) + [f"u{i}@x.io", notes[i % 5],
                                                f"2025-01-{i % 28 + 1:02d}", f"{i % 997}.5"]
            fh.write(",".join(fields) + "\n")


def make_xlsx(path: Path, rows: int) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = book.add_worksheet("Data")
    ws.write_row(0, 0, [f"col {i}" for i in range(COLUMNS)])
    for r in range(1, rows + 1):
        ws.write_row(r, 0, [r, f"name {r % 100}", r * 1.25, "x"] * (COLUMNS // 4))
    book.close()


# (imports, timed code): imports are not timed, so the figures compare reading only
CODE = {
    "feedline": ("from feedline.extract import extract",
                 "ex = extract({p!r}, profile=False); n = sum(t.row_count for t in ex.tables)"),
    "feedline+profile": ("from feedline.extract import extract",
                         "ex = extract({p!r}); n = sum(t.row_count for t in ex.tables)"),
    "feedline-stream": (
        "import tempfile; from pathlib import Path; from feedline.extract import extract, "
        "ExtractOptions; w = Path(tempfile.mkdtemp(dir={d!r}))",
        "ex = extract({p!r}, workdir=w, options=ExtractOptions(stream_bytes=0)); "
        "n = sum(t.row_count for t in ex.tables); import shutil; shutil.rmtree(w)"),
    "polars": ("import polars as pl", "n = pl.read_csv({p!r}, infer_schema=False).height"),
    "fastexcel": ("import fastexcel, polars",
                  "n = fastexcel.read_excel({p!r}).load_sheet(0).to_polars().height"),
}


def measure(kind: str, path: Path) -> dict[str, float]:
    imports, timed = CODE[kind]
    script = (
        "import resource, time, json\n"
        f"{imports.format(d=str(path.parent))}\n"
        "t = time.perf_counter()\n"
        f"{timed.format(p=str(path))}\n"
        "print(json.dumps({'s': time.perf_counter() - t, 'rows': n, "
        "'rss': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(label: str, kind: str, path: Path, baseline: dict[str, float] | None) -> dict[str, float]:
    r = measure(kind, path)
    ratio = f"  {r['s'] / baseline['s']:.2f}x time" if baseline else ""
    print(f"{label:<28} {r['s']:7.2f} s  {r['rows'] / r['s']:>12,.0f} rows/s  "
          f"peak RSS {r['rss']:7.0f} MiB{ratio}", flush=True)
    return r


def stream_rss(out: Path, small: Path, rows: int, big_rows: int) -> None:
    """Peak RSS of streaming a big CSV against the small one (both in chunks to Parquet)."""
    big = out / f"messy_{big_rows}.csv"
    t = time.perf_counter()
    make_csv(big, big_rows)
    print(f"streaming (chunks to Parquet): {big_rows:,} rows generated in "
          f"{time.perf_counter() - t:.0f} s ({big.stat().st_size / 2**20:.0f} MiB)")
    try:
        a = report(f"  stream {rows:,} rows", "feedline-stream", small, None)
        b = report(f"  stream {big_rows:,} rows", "feedline-stream", big, None)
        print(f"  peak RSS ratio {b['rss'] / a['rss']:.2f}x for {big_rows // rows}x the rows")
    finally:
        big.unlink(missing_ok=True)


def make_format(path: Path, kind: str, rows: int) -> None:
    """The messy CSV re-encoded as cp1252 (plain or gzipped), or records as JSONL / XML."""
    import gzip

    if kind in ("cp1252", "gzip"):
        utf8 = path.with_suffix(".utf8")
        make_csv(utf8, rows)
        with utf8.open(encoding="utf-8", newline="") as src, path.open("wb") as out:
            while block := src.read(1 << 22):
                out.write(block.encode("cp1252"))
        utf8.unlink()
        if kind == "gzip":
            with path.open("rb") as src, gzip.open(utf8, "wb", compresslevel=1) as packed:
                while block := src.read(1 << 22):
                    packed.write(block)
            utf8.replace(path)
        return
    with path.open("w", encoding="utf-8") as fh:
        if kind == "xml":
            fh.write('<?xml version="1.0" encoding="UTF-8"?>\n<export><orders>\n')
        for i in range(rows):
            if kind == "jsonl":
                fh.write(json.dumps({"id": i, "email": f"u{i}@x.io", "name": f"Müller {i % 1000}",
                                     "address": {"city": "Köln", "zip": f"{i % 99999:05d}"},
                                     "tags": ["a", "b"], "amount": f"{i % 997}.5"}) + "\n")
            else:
                fh.write(f'<order id="{i}"><customer email="u{i}@x.io">Müller {i % 1000}'
                         f'</customer><city>Köln</city><total currency="EUR">{i % 997}.5'
                         "</total></order>\n")
        if kind == "xml":
            fh.write("</orders></export>\n")


def formats_rss(out: Path, rows: int) -> None:
    """Peak RSS streaming each non-plain-UTF-8 format at ``rows`` and ``rows // 10``."""
    suffixes = {"cp1252": ".csv", "gzip": ".csv.gz", "jsonl": ".jsonl", "xml": ".xml"}
    for kind, suffix in suffixes.items():
        results = []
        for n in (rows // 10, rows):
            path = out / f"{kind}_{n}{suffix}"
            make_format(path, kind, n)
            try:
                label = f"  {kind} {n:,} rows ({path.stat().st_size / 2**20:.0f} MiB)"
                results.append(report(label, "feedline-stream", path, None))
            finally:
                path.unlink(missing_ok=True)
        print(f"  {kind}: peak RSS ratio {results[1]['rss'] / results[0]['rss']:.2f}x "
              "for 10x the rows", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--xlsx-rows", type=int, default=100_000)
    ap.add_argument("--out", type=Path, default=Path("/tmp/feedline-bench"))
    ap.add_argument("--stream-rows", type=int, default=0,
                    help="also stream a CSV this long (e.g. 10000000; ~1.4 GB, deleted after) "
                         "and compare its peak RSS with the --rows file's")
    ap.add_argument("--format-rows", type=int, default=0,
                    help="also stream cp1252 CSV, .csv.gz, JSONL and XML of this many rows "
                         "and a tenth of it (e.g. 2000000) and compare their peak RSS")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    csv_path = args.out / f"messy_{args.rows}.csv"
    xlsx_path = args.out / f"sheet_{args.xlsx_rows}.xlsx"
    t = time.perf_counter()
    if not csv_path.exists():
        make_csv(csv_path, args.rows)
    if args.xlsx_rows and not xlsx_path.exists():
        make_xlsx(xlsx_path, args.xlsx_rows)
    print(f"data ready in {time.perf_counter() - t:.1f} s: {csv_path} "
          f"({csv_path.stat().st_size / 2**20:.0f} MiB)")
    print(f"CSV, {args.rows:,} rows x {COLUMNS} columns")
    base = report("  polars read_csv", "polars", csv_path, None)
    report("  feedline extract", "feedline", csv_path, base)
    report("  feedline extract + profile", "feedline+profile", csv_path, base)
    if args.stream_rows:
        stream_rss(args.out, csv_path, args.rows, args.stream_rows)
    if args.format_rows:
        print("streaming other encodings and formats (chunks to Parquet)")
        formats_rss(args.out, args.format_rows)
    if args.xlsx_rows:
        print(f"XLSX, {args.xlsx_rows:,} rows x {COLUMNS} columns")
        base = report("  fastexcel", "fastexcel", xlsx_path, None)
        report("  feedline extract", "feedline", xlsx_path, base)
        report("  feedline extract + profile", "feedline+profile", xlsx_path, base)


if __name__ == "__main__":
    main()
