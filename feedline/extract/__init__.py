"""Extraction: turn a delivered file into all-string tables.

``extract(path, filename)`` sniffs the content (binary signatures, encoding, dialect),
reads delimited text with Polars and returns an :class:`Extraction` holding one
:class:`SourceTable` per table. Failures are :class:`~feedline.errors.ExtractError`
(or :class:`~feedline.errors.UnsupportedFormat`) with a one-line reason.
"""

from __future__ import annotations

from feedline.extract.core import extract
from feedline.extract.model import Extraction, SourceTable

__all__ = ["Extraction", "SourceTable", "extract"]
