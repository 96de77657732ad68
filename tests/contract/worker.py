"""A separate process delivering one run slowly, so a test can SIGKILL it mid-run.

    python -m tests.contract.worker '{"config": {...}, "root": ..., "state": ..., ...}'

Prints ``wrote <i>`` after each batch and ``committed <rows>`` at the end.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from feedline.egress.registry import parse_destination
from feedline.egress.runstate import JsonFileRunState, ListDeadLetters
from tests.contract.data import batches, run_info


def main(raw: str) -> None:
    args = json.loads(raw)
    dest = parse_destination(args["config"], "destination #1")
    info = run_info(args["run_id"], Path(args["root"]), JsonFileRunState(Path(args["state"])),
                    ListDeadLetters(), policy=args.get("policy", "valid-only"))
    run = dest.open(info)
    if run.committed() is not None:
        print("already committed", flush=True)
        return
    for i, batch in enumerate(batches(args["total"], args["size"], info.policy,
                                      args.get("start", 0))):
        run.write(batch)
        print(f"wrote {i}", flush=True)
        time.sleep(args.get("delay", 0.0))
    print(f"committed {run.commit().rows}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
