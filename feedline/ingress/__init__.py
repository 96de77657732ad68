"""Ways files enter feedline (upload, CLI push, archive members); every one ends in
:func:`feedline.pipeline.ingest.ingest`."""

from feedline.pipeline.ingest import ingest, ingest_members

__all__ = ["ingest", "ingest_members"]
