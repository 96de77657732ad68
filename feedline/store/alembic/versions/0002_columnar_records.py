"""Columnar records: Parquet segments in the blob store with an edit overlay; mapping
memory as one row per (environment, blueprint, space, sheet); the worker of each job.

The old ``records`` and ``record_versions`` tables are kept as ``legacy_records`` and
``legacy_record_versions``: turning their rows into segments needs the blob store and the
blueprint, so :mod:`feedline.records.legacy` does it when the application starts.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TS = sa.DateTime(timezone=True)
BIGID = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("sheets") as batch:
        batch.add_column(sa.Column("segment_version", sa.Integer, nullable=False,
                                   server_default="0"))
        batch.add_column(sa.Column("next_id", sa.BigInteger, nullable=False, server_default="1"))
    with op.batch_alter_table("jobs") as batch:
        batch.add_column(sa.Column("worker", sa.String(200)))
    op.create_table(
        "sheet_segments",
        sa.Column("sheet_id", sa.String(40), sa.ForeignKey("sheets.id"), primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("prefix", sa.String(300), nullable=False),
        sa.Column("parts", sa.Integer, nullable=False),
        sa.Column("rows", sa.BigInteger, nullable=False),
        sa.Column("compacted_seq", sa.BigInteger, nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_table(
        "record_edits",
        sa.Column("id", BIGID, primary_key=True, autoincrement=True),
        sa.Column("sheet_id", sa.String(40), nullable=False),
        sa.Column("record_id", sa.BigInteger, nullable=False),
        sa.Column("row", sa.BigInteger, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("change", sa.String(20), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("values", JSON),
        sa.Column("messages", JSON),
        sa.Column("valid", sa.Boolean),
        sa.Column("old_values", JSON),
        sa.Column("old_valid", sa.Boolean),
        sa.Column("changed_at", TS, nullable=False),
        sa.Index("ix_record_edits_record", "sheet_id", "record_id", "id"),
        sa.Index("ix_record_edits_sheet", "sheet_id", "id"),
    )
    op.rename_table("records", "legacy_records")
    op.rename_table("record_versions", "legacy_record_versions")
    _memory_rows()


def _memory_rows() -> None:
    """One document per blueprint (``spaces`` → ``sheets`` → memo) becomes one row per
    (environment, blueprint, space, sheet); the environment is the space's."""
    conn = op.get_bind()
    old = sa.table("mapping_memory", sa.column("blueprint"), sa.column("space_id"),
                   sa.column("sheet"), sa.column("document", JSON), sa.column("updated_at", TS))
    spaces = sa.table("spaces", sa.column("id"), sa.column("environment_id"))
    documents = conn.execute(sa.select(old)).all()
    owner = dict(conn.execute(sa.select(spaces.c.id, spaces.c.environment_id)).all())
    op.drop_table("mapping_memory")
    new = op.create_table(
        "mapping_memory",
        sa.Column("environment_id", sa.String(40), primary_key=True),
        sa.Column("blueprint", sa.String(200), primary_key=True),
        sa.Column("space_id", sa.String(40), primary_key=True),
        sa.Column("sheet", sa.String(200), primary_key=True),
        sa.Column("document", JSON, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
    )
    rows = []
    for doc in documents:
        body = doc.document if isinstance(doc.document, dict) else {}
        for space, sheets in (body.get("spaces") or {}).items():
            for sheet, memo in (sheets or {}).items():
                rows.append({"environment_id": owner.get(space, "env_default"),
                             "blueprint": doc.blueprint, "space_id": space, "sheet": sheet,
                             "document": memo, "updated_at": doc.updated_at})
    if rows:
        op.bulk_insert(new, rows)
