"""API keys get a name, where they came from, revocation and last use.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("api_keys") as batch:
        batch.add_column(sa.Column("name", sa.String(200), nullable=False, server_default=""))
        batch.add_column(sa.Column("source", sa.String(20), nullable=False, server_default="cli"))
        batch.add_column(sa.Column("revoked_at", TS))
        batch.add_column(sa.Column("last_used_at", TS))
