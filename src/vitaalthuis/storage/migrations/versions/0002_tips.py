"""Tips: which tip was shown in which week, and the user's feedback on tips.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tip_shown",
        sa.Column("week", sa.String(8), nullable=False),
        sa.Column("tip_id", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("week", "tip_id"),
    )
    op.create_table(
        "tip_feedback",
        sa.Column("tip_id", sa.String(64), primary_key=True),
        sa.Column("value", sa.String(16), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("value IN ('helpful', 'not_for_me')", name="ck_tip_feedback_value"),
    )


def downgrade() -> None:
    op.drop_table("tip_feedback")
    op.drop_table("tip_shown")
