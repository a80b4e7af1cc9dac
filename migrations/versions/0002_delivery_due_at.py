"""deliveries: due_at orders the queue; indexes for the queue and the rows in flight

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PENDING = "status = 'pending'"
_CLAIMED = "status = 'pending' AND claimed_until IS NOT NULL"


def upgrade() -> None:
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("due_at", sa.DateTime(timezone=True), nullable=True))
    # Rows planned before this revision were due when they were first to be tried.
    op.execute("UPDATE deliveries SET due_at = next_attempt_at")
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.alter_column("due_at", existing_type=sa.DateTime(timezone=True), nullable=False)
        batch_op.create_index(
            "ix_deliveries_queue",
            ["due_at", "id"],
            unique=False,
            postgresql_where=sa.text(_PENDING),
            sqlite_where=sa.text(_PENDING),
        )
        batch_op.create_index(
            "ix_deliveries_claimed",
            ["claimed_by"],
            unique=False,
            postgresql_where=sa.text(_CLAIMED),
            sqlite_where=sa.text(_CLAIMED),
        )


def downgrade() -> None:
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_deliveries_claimed",
            postgresql_where=sa.text(_CLAIMED),
            sqlite_where=sa.text(_CLAIMED),
        )
        batch_op.drop_index(
            "ix_deliveries_queue",
            postgresql_where=sa.text(_PENDING),
            sqlite_where=sa.text(_PENDING),
        )
        batch_op.drop_column("due_at")
