"""Extraction: turn a delivered file into all-string tables.

``extract(path, filename, options)`` sniffs the content (binary signatures, encoding,
dialect) and reads delimited text, workbooks (xlsx/xls/ods), JSON/JSONL, XML, gzip and
ZIP archives, returning an :class:`Extraction` holding one
:class:`SourceTable` per table (large delimited files stream into Parquet files in a work
folder). ``unpack_archive`` unpacks a ZIP's members for the pipeline, which stores each as
a file of its own. Failures are :class:`~feedline.errors.ExtractError`
(or :class:`~feedline.errors.UnsupportedFormat`) with a one-line reason.
"""

from __future__ import annotations

from feedline.extract.archive import Member
from feedline.extract.core import extract, unpack_archive
from feedline.extract.model import Extraction, ExtractOptions, Limits, SourceTable

__all__ = ["ExtractOptions", "Extraction", "Limits", "Member", "SourceTable", "extract",
           "unpack_archive"]
