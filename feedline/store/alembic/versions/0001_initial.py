"""The schema of feedline 0.1 (before Alembic: versions 1-3 of its own migrator).

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TS = sa.DateTime(timezone=True)
BIGID = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def upgrade() -> None:
    op.create_table(
        "environments",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_table(
        "api_keys",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("environment_id", sa.String(40), sa.ForeignKey("environments.id"), nullable=False),
        sa.Column("key_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("prefix", sa.String(16), nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_table(
        "spaces",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("environment_id", sa.String(40), sa.ForeignKey("environments.id"), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("feed", sa.String(200), nullable=False),
        sa.Column("metadata", JSON, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.UniqueConstraint("environment_id", "name", name="uq_spaces_env_name"),
    )
    op.create_table(
        "files",
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
        sa.Column("parent_id", sa.String(40)),
        sa.Index("ix_files_space_sha", "space_id", "sha256"),
        sa.Index("ix_files_parent_id", "parent_id"),
    )
    op.create_table(
        "workbooks",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("space_id", sa.String(40), sa.ForeignKey("spaces.id"), nullable=False, index=True),
        sa.Column("file_id", sa.String(40), sa.ForeignKey("files.id"), index=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("name", sa.String(500), nullable=False),
        sa.Column("metadata", JSON, nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_table(
        "sheets",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("workbook_id", sa.String(40), sa.ForeignKey("workbooks.id"), nullable=False, index=True),
        sa.Column("slug", sa.String(200), nullable=False),
        sa.Column("name", sa.String(500), nullable=False),
        sa.Column("columns", JSON, nullable=False),
        sa.Column("row_count", sa.BigInteger, nullable=False),
        sa.Column("blob_key", sa.String(200)),
        sa.Column("metadata", JSON, nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_table(
        "records",
        sa.Column("id", BIGID, primary_key=True, autoincrement=True),
        sa.Column("sheet_id", sa.String(40), sa.ForeignKey("sheets.id"), nullable=False),
        sa.Column("row", sa.BigInteger, nullable=False),
        sa.Column("values", JSON, nullable=False),
        sa.Column("messages", JSON, nullable=False),
        sa.Column("valid", sa.Boolean, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Index("ix_records_sheet_id", "sheet_id", "id"),
        sa.Index("ix_records_sheet_valid", "sheet_id", "valid", "id"),
    )
    op.create_table(
        "jobs",
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
        sa.Index("ix_jobs_claim", "status", "run_after"),
    )
    op.create_table(
        "events",
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
    op.create_table(
        "listener_cursors",
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("position", sa.BigInteger, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
    )
    op.create_table(
        "mapping_memory",
        sa.Column("blueprint", sa.String(200), primary_key=True),
        sa.Column("space_id", sa.String(40), primary_key=True),
        sa.Column("sheet", sa.String(200), primary_key=True),
        sa.Column("document", JSON, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
    )
    op.create_table(
        "record_versions",
        sa.Column("id", BIGID, primary_key=True, autoincrement=True),
        sa.Column("record_id", sa.BigInteger, nullable=False),
        sa.Column("sheet_id", sa.String(40), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("change", sa.String(20), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("old_values", JSON),
        sa.Column("new_values", JSON),
        sa.Column("old_valid", sa.Boolean),
        sa.Column("changed_at", TS, nullable=False),
        sa.Index("ix_record_versions_record", "record_id", "version"),
        sa.Index("ix_record_versions_sheet", "sheet_id", "id"),
    )
