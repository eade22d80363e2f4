"""Initial schema: check-ins with raw answers, drafts, meta.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checkin",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("week", sa.String(8), nullable=False),
        sa.Column("scoring_version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("week", name="uq_checkin_week"),
        sa.CheckConstraint("week GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]'", name="ck_checkin_week"),
    )
    op.create_table(
        "answer",
        sa.Column("checkin_id", sa.Integer(), sa.ForeignKey("checkin.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("item", sa.String(32), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("checkin_id", "item"),
    )
    op.create_table(
        "draft",
        sa.Column("week", sa.String(8), primary_key=True),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("meta")
    op.drop_table("draft")
    op.drop_table("answer")
    op.drop_table("checkin")
