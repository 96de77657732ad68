"""Event delivery rows instead of a listener cursor: an event committed after a later one
is still delivered. Events past the old cursor become pending deliveries.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "event_deliveries",
        sa.Column("consumer", sa.String(100), primary_key=True),
        sa.Column("event_id", sa.BigInteger, primary_key=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("locked_until", TS),
        sa.Column("owner", sa.String(200)),
        sa.Column("error", sa.Text),
        sa.Index("ix_event_deliveries_claim", "consumer", "status", "locked_until", "event_id"),
    )
    conn = op.get_bind()
    position = conn.execute(sa.text(
        "SELECT position FROM listener_cursors WHERE name = 'in-process'")).scalar() or 0
    conn.execute(sa.text(
        "INSERT INTO event_deliveries (consumer, event_id, status, attempts) "
        "SELECT 'in-process', id, 'pending', 0 FROM events WHERE id > :p"), {"p": position})
    op.drop_table("listener_cursors")
