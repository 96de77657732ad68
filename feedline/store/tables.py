"""SQLAlchemy Core tables: the whole state of a feedline installation but file bytes and
record segments, which live in the blob store."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

metadata = sa.MetaData()

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TS = sa.DateTime(timezone=True)
BIGID = sa.BigInteger().with_variant(sa.Integer, "sqlite")  # SQLite autoincrements INTEGER only

environments = sa.Table(
    "environments", metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("created_at", TS, nullable=False),
)

api_keys = sa.Table(
    "api_keys", metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("environment_id", sa.String(40), sa.ForeignKey("environments.id"), nullable=False),
    sa.Column("key_hash", sa.String(64), nullable=False, unique=True),  # sha256: never the key
    sa.Column("prefix", sa.String(16), nullable=False),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("name", sa.String(200), nullable=False, server_default=""),
    sa.Column("source", sa.String(20), nullable=False, server_default="cli"),  # env | generated | cli | api
    sa.Column("revoked_at", TS),
    sa.Column("last_used_at", TS),
)

spaces = sa.Table(
    "spaces", metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("environment_id", sa.String(40), sa.ForeignKey("environments.id"), nullable=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("feed", sa.String(200), nullable=False),
    sa.Column("metadata", JSON, nullable=False),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("updated_at", TS, nullable=False),
    sa.UniqueConstraint("environment_id", "name", name="uq_spaces_env_name"),
)

files = sa.Table(
    "files", metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("space_id", sa.String(40), sa.ForeignKey("spaces.id"), nullable=False, index=True),
    sa.Column("name", sa.String(500), nullable=False),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("blob_key", sa.String(200), nullable=False),
    sa.Column("content_type", sa.String(200)),
    sa.Column("mode", sa.String(20), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("error", sa.Text),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("updated_at", TS, nullable=False),
    sa.Column("parent_id", sa.String(40)),  # the archive a member was unpacked from
    sa.Index("ix_files_space_sha", "space_id", "sha256"),
    sa.Index("ix_files_parent_id", "parent_id"),
)

workbooks = sa.Table(
    "workbooks", metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("space_id", sa.String(40), sa.ForeignKey("spaces.id"), nullable=False, index=True),
    sa.Column("file_id", sa.String(40), sa.ForeignKey("files.id"), index=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("name", sa.String(500), nullable=False),
    sa.Column("metadata", JSON, nullable=False),
    sa.Column("created_at", TS, nullable=False),
)

sheets = sa.Table(
    "sheets", metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("workbook_id", sa.String(40), sa.ForeignKey("workbooks.id"), nullable=False, index=True),
    sa.Column("slug", sa.String(200), nullable=False),
    sa.Column("name", sa.String(500), nullable=False),
    sa.Column("columns", JSON, nullable=False),
    sa.Column("row_count", sa.BigInteger, nullable=False),
    sa.Column("blob_key", sa.String(200)),  # source sheets: the extracted all-string Parquet
    sa.Column("metadata", JSON, nullable=False),
    sa.Column("created_at", TS, nullable=False),
    # Destination sheets: the current record segment version and the next record id.
    sa.Column("segment_version", sa.Integer, nullable=False, server_default="0"),
    sa.Column("next_id", sa.BigInteger, nullable=False, server_default="1"),
)

sheet_segments = sa.Table(
    "sheet_segments", metadata,
    sa.Column("sheet_id", sa.String(40), sa.ForeignKey("sheets.id"), primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("prefix", sa.String(300), nullable=False),  # blob key prefix of its Parquet parts
    sa.Column("parts", sa.Integer, nullable=False),
    sa.Column("rows", sa.BigInteger, nullable=False),
    sa.Column("compacted_seq", sa.BigInteger, nullable=False),  # edits up to here are inside
    sa.Column("created_at", TS, nullable=False),
)

record_edits = sa.Table(
    "record_edits", metadata,
    # The edit's sequence number: edits of a sheet are ordered by it, and egress watermarks
    # are positions in it.
    sa.Column("id", BIGID, primary_key=True, autoincrement=True),
    sa.Column("sheet_id", sa.String(40), nullable=False),
    sa.Column("record_id", sa.BigInteger, nullable=False),
    sa.Column("row", sa.BigInteger, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("change", sa.String(20), nullable=False),  # create | update | delete | revalidate
    sa.Column("actor", sa.String(200), nullable=False),
    sa.Column("values", JSON),  # the record's values after the change (None: deleted)
    sa.Column("messages", JSON),
    sa.Column("valid", sa.Boolean),
    sa.Column("old_values", JSON),
    sa.Column("old_valid", sa.Boolean),
    sa.Column("changed_at", TS, nullable=False),
    sa.Index("ix_record_edits_record", "sheet_id", "record_id", "id"),
    sa.Index("ix_record_edits_sheet", "sheet_id", "id"),
)

jobs = sa.Table(
    "jobs", metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("environment_id", sa.String(40), nullable=False),
    sa.Column("space_id", sa.String(40), sa.ForeignKey("spaces.id"), index=True),
    sa.Column("file_id", sa.String(40), index=True),
    sa.Column("operation", sa.String(50), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("dedupe_key", sa.String(200), unique=True),
    sa.Column("progress", sa.Float, nullable=False),
    sa.Column("info", sa.Text),
    sa.Column("input", JSON, nullable=False),
    sa.Column("plan", JSON),
    sa.Column("outcome", JSON),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("max_attempts", sa.Integer, nullable=False),
    sa.Column("lease_owner", sa.String(100)),
    sa.Column("lease_expires_at", TS),
    sa.Column("run_after", TS, nullable=False),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("updated_at", TS, nullable=False),
    sa.Column("worker", sa.String(200)),  # host:pid of the worker that ran the last attempt
    sa.Index("ix_jobs_claim", "status", "run_after"),
)

events = sa.Table(
    "events", metadata,
    sa.Column("id", BIGID, primary_key=True, autoincrement=True),
    sa.Column("topic", sa.String(100), nullable=False),
    sa.Column("environment_id", sa.String(40)),
    sa.Column("space_id", sa.String(40), index=True),
    sa.Column("workbook_id", sa.String(40)),
    sa.Column("sheet_id", sa.String(40)),
    sa.Column("file_id", sa.String(40)),
    sa.Column("job_id", sa.String(40)),
    sa.Column("payload", JSON, nullable=False),
    sa.Column("created_at", TS, nullable=False),
)

event_deliveries = sa.Table(
    "event_deliveries", metadata,
    # One row per event and consumer until it is handled: written with the event (so it
    # exists exactly when the event does), claimed with a lease, deleted once handled.
    # Nothing is skipped when transactions commit their events out of id order.
    sa.Column("consumer", sa.String(100), primary_key=True),
    sa.Column("event_id", sa.BigInteger, primary_key=True),
    sa.Column("status", sa.String(20), nullable=False),  # pending | failed
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("locked_until", TS),
    sa.Column("owner", sa.String(200)),
    sa.Column("error", sa.Text),
    sa.Index("ix_event_deliveries_claim", "consumer", "status", "locked_until", "event_id"),
)

mapping_memory = sa.Table(
    "mapping_memory", metadata,
    sa.Column("environment_id", sa.String(40), primary_key=True),
    sa.Column("blueprint", sa.String(200), primary_key=True),
    sa.Column("space_id", sa.String(40), primary_key=True),
    sa.Column("sheet", sa.String(200), primary_key=True),
    sa.Column("document", JSON, nullable=False),
    sa.Column("updated_at", TS, nullable=False),
)

egress_runs = sa.Table(
    "egress_runs", metadata,
    # One delivery of one sheet to one destination. Its id stays the same across retries
    # (the destination's idempotency key); it covers the sheet's edits in
    # (from_seq, upto_seq] of segment version ``segment_version``.
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("environment_id", sa.String(40), nullable=False),
    sa.Column("space_id", sa.String(40), nullable=False),
    sa.Column("sheet_id", sa.String(40), nullable=False),
    sa.Column("destination", sa.String(200), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),  # running | committed | failed
    sa.Column("full", sa.Boolean, nullable=False),
    sa.Column("segment_version", sa.Integer, nullable=False),
    sa.Column("from_seq", sa.BigInteger, nullable=False),
    sa.Column("upto_seq", sa.BigInteger, nullable=False),
    sa.Column("job_id", sa.String(40)),
    sa.Column("sent", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("held", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("state", JSON, nullable=False),
    sa.Column("report", JSON),
    sa.Column("error", sa.Text),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("finished_at", TS),
    sa.Index("ix_egress_runs_sheet", "sheet_id", "destination", "created_at"),
)

egress_dead_letters = sa.Table(
    "egress_dead_letters", metadata,
    sa.Column("id", BIGID, primary_key=True, autoincrement=True),
    sa.Column("environment_id", sa.String(40), nullable=False),
    sa.Column("space_id", sa.String(40), nullable=False),
    sa.Column("sheet_id", sa.String(40), nullable=False),
    sa.Column("run_id", sa.String(40), nullable=False),
    sa.Column("destination", sa.String(200), nullable=False),
    sa.Column("batch", sa.Integer, nullable=False),
    sa.Column("idempotency_key", sa.String(200), nullable=False),
    sa.Column("records", sa.Integer, nullable=False),
    sa.Column("error", sa.Text, nullable=False),
    sa.Column("payload", sa.LargeBinary, nullable=False),
    sa.Column("created_at", TS, nullable=False),
    sa.Index("ix_egress_dead_letters_space", "space_id", "id"),
)
