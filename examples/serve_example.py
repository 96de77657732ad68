"""What `make run` starts: feedline with the bundled shop feed and its sample deliveries.

On first start it creates the space ``example`` and uploads the files of
``examples/shop/samples`` into it: a new partner's customers of two months and orders,
whose plans wait for a person's review (accepting January's customers plan lets February
run alone); then it runs ``feedline serve`` (API, event dispatcher and workers in one
process).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from feedline import Feedline, Settings
from feedline.ingress import ingest
from feedline.store import repo

HERE = Path(__file__).resolve().parent
FEED = HERE / "shop" / "feed.yaml"
SAMPLES = HERE / "shop" / "samples"


def seed(settings: Settings) -> None:
    app = Feedline.from_paths(settings, [FEED])
    try:
        with app.begin() as conn:
            space = repo.find_space(conn, app.environment_id, "example")
            if space is None:
                space = repo.create_space(conn, app.environment_id, "example", "shop")
        for sample in sorted(SAMPLES.glob("*.csv")):
            with sample.open("rb") as fh:
                ingest(app.context, space.id, sample.name, fh, "text/csv")
    finally:
        app.close()
    print(f"space 'example' ({space.id}) holds the sample deliveries of {SAMPLES}", file=sys.stderr)


if __name__ == "__main__":
    seed(Settings())
    os.execv(sys.executable, [sys.executable, "-m", "feedline.cli", "serve", "--feed", str(FEED)])
