#!/usr/bin/env python3
"""Held-out partner deliveries for the HR and logistics blueprints of ``blueprints/``.

    python make_partners.py OUTDIR [--rows N] [--seed S]

Writes OUTDIR/<partner>/<d1|d2|d3>/<file> for seven partners, OUTDIR/blueprints/*.yaml,
OUTDIR/feeds/*.yaml (one feed per blueprint) and OUTDIR/manifest.json, which gives for
every data table the expected column and enum mappings, the layout and the injected
errors. Same arguments, same bytes. Needs Python 3.11+ and xlsxwriter, nothing else.

Never tune feedline's mapping on these files: they measure how it does on partners it
was not written for.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from hr_partners import HR_PARTNERS  # noqa: E402
from logistics_partners import LOGISTICS_PARTNERS  # noqa: E402
from partner_base import Context, Delivered, Partner  # noqa: E402
from partner_kit import DELIVERIES, Table  # noqa: E402
from records import BLUEPRINT_OF, ERROR_KINDS  # noqa: E402

PARTNERS: list[Partner] = [*HR_PARTNERS, *LOGISTICS_PARTNERS]
BLUEPRINTS = {"hr": "HR", "logistics": "Logistics"}
FEED_EGRESS = "out/{space}/{sheet}/{file}.csv"


def feed_yaml(blueprint: str) -> str:
    """The feed config for one blueprint: a route per partner file name, confident gate."""
    lines = [f"name: {blueprint}", f"blueprint: ../blueprints/{blueprint}.yaml", "routes:"]
    for p in PARTNERS:
        if p.blueprint == blueprint:
            for glob, sheet in p.routes:
                lines += [f'  - match: "{glob}"', f"    sheet: {sheet}"]
    lines += ["automap:", "  accuracy: confident", "egress:", "  policy: valid-only",
              "  destinations:", "    - type: file", f'      path: "{FEED_EGRESS}"', ""]
    return "\n".join(lines)


def entry(p: Partner, delivery: str, rel: str, member: Any, t: Table) -> dict[str, Any]:
    s = t.stream
    drift = None
    if delivery == "d3":
        drift = {"renamed": {s.rename[0]: s.rename[1]}, "added": [s.added.header],
                 "reordered": True,
                 "new_enum_spellings": {f: {v: o for o, v in m.items()}
                                        for f, m in s.new_spellings.items()}}
    return {
        "partner": p.name, "delivery": delivery, "delivered_on": DELIVERIES[delivery].isoformat(),
        "path": rel, "member": member.member, "blueprint": p.blueprint, "feed": p.feed,
        "target_sheet": s.sheet, "format": member.format, "encoding": member.encoding,
        "delimiter": member.delimiter, "line_ending": member.line_ending,
        "header_row": member.header_row, "sheet_name": member.sheet_name,
        "record_path": member.record_path, "ignored_sheets": member.ignored_sheets,
        "row_count": len(t.rows),
        "column_mapping": {c.header: c.field for c in t.cols},
        "enum_mapping": t.enum_mapping,
        "errors": t.errors,
        "drift": drift,
    }


def generate(outdir: Path, rows: int, seed: str) -> dict[str, Any]:
    ctx = Context(seed)
    files: list[dict[str, Any]] = []
    for p in PARTNERS:
        assert all(BLUEPRINT_OF[s.sheet] == p.blueprint for s in p.streams), p.name
        for delivery in DELIVERIES:
            tables = {s.key: p.build(s, delivery, rows, ctx) for s in p.streams}
            delivered: list[Delivered] = p.package(delivery, tables)
            for d in delivered:
                rel = f"{p.name}/{delivery}/{d.name}"
                (outdir / rel).parent.mkdir(parents=True, exist_ok=True)
                (outdir / rel).write_bytes(d.data)
                files += [entry(p, delivery, rel, m, tables[m.stream]) for m in d.members]
    (outdir / "blueprints").mkdir(exist_ok=True)
    (outdir / "feeds").mkdir(exist_ok=True)
    for bp in BLUEPRINTS:
        shutil.copyfile(HERE / "blueprints" / f"{bp}.yaml", outdir / "blueprints" / f"{bp}.yaml")
        (outdir / "feeds" / f"{bp}.yaml").write_bytes(feed_yaml(bp).encode("utf-8"))
    return {
        "dataset": "feedline held-out partners (never tune mapping on it)",
        "seed": seed, "rows_per_file": rows,
        "blueprints": {bp: f"blueprints/{bp}.yaml" for bp in BLUEPRINTS},
        "feeds": {bp: f"feeds/{bp}.yaml" for bp in BLUEPRINTS},
        "partners": [{"name": p.name, "blueprint": p.blueprint, "feed": p.feed,
                      "language": p.language, "description": p.description}
                     for p in PARTNERS],
        "conventions": {
            "path": "the uploaded file, relative to this folder (for zip members: the archive)",
            "member": "name of the data file inside the zip archive, else null",
            "row": "0-based index of the data record",
            "header_row": "0-based line (text) or sheet row (workbook) of the header; "
                          "null for JSON and XML",
            "column_mapping": "source column -> blueprint field key; null = must stay unmapped",
            "json_columns": "dot-joined key paths inside each record of record_path",
            "xml_columns": "paths relative to each record element; '@x' is an attribute",
            "enum_mapping": "every distinct non-blank value written -> option value; null = invalid",
            "ignored_sheets": "other sheets of the workbook (notes, summary, legend): "
                              "none of their columns may be mapped",
        },
        "error_kinds": ERROR_KINDS,
        "files": files,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--rows", type=int, default=300, help="data rows per table (default 300)")
    ap.add_argument("--seed", default="1", help="any text; the same seed gives the same bytes")
    args = ap.parse_args(argv)
    if args.rows < 20:
        ap.error("--rows must be at least 20")
    outdir: Path = args.outdir
    outdir.mkdir(parents=True, exist_ok=True)
    manifest = generate(outdir, args.rows, args.seed)
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    (outdir / "manifest.json").write_bytes(text.encode("utf-8"))
    n_err = sum(len(f["errors"]) for f in manifest["files"])
    uploads = len({f["path"] for f in manifest["files"]})
    print(f"wrote {uploads} files ({len(manifest['files'])} data tables of {args.rows} rows, "
          f"{n_err} injected errors), feeds and manifest.json to {outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
