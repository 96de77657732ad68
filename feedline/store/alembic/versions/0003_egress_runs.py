"""Egress runs (id, watermark range, state, report) and dead letters.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TS = sa.DateTime(timezone=True)
BIGID = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def upgrade() -> None:
    op.create_table(
        "egress_runs",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("environment_id", sa.String(40), nullable=False),
        sa.Column("space_id", sa.String(40), nullable=False),
        sa.Column("sheet_id", sa.String(40), nullable=False),
        sa.Column("destination", sa.String(200), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
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
    op.create_table(
        "egress_dead_letters",
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
