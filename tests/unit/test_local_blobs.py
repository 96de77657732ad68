"""The local blob store keeps every key inside its folder."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from feedline.blobs import LocalBlobs
from feedline.errors import NotFound


def test_keys_that_climb_out_of_the_store_are_refused(tmp_path: Path) -> None:
    blobs = LocalBlobs(tmp_path / "store")
    (tmp_path / "secret.parquet").write_bytes(b"PAR1")
    for key in ("../secret.parquet", "records/../../secret.parquet", "/etc/passwd", "..", "."):
        with pytest.raises(NotFound, match="outside the blob store"):
            blobs.path(key)
        with pytest.raises(NotFound, match="outside the blob store"):
            blobs.exists(key)


def test_a_written_key_reads_back_and_a_missing_one_is_not_found(tmp_path: Path) -> None:
    blobs = LocalBlobs(tmp_path / "store")
    frame = pl.DataFrame({"_id": [1, 2], "v": ["a", "b"]})
    blobs.write_parquet("records/sh_1/v1/part-00000.parquet", frame)
    assert blobs.exists("records/sh_1/v1/./part-00000.parquet")
    assert blobs.read_parquet("records/sh_1/v1/part-00000.parquet").equals(frame)
    with pytest.raises(NotFound, match="not found"):
        blobs.path("records/sh_1/v1/part-00001.parquet")
