"""Mark the file as a VitaalThuis database (``PRAGMA application_id``).

Another program's SQLite file, alembic-managed or not, can then never be taken for ours (and migrated in
place); files from before this revision are recognised by their tables (:mod:`vitaalthuis.storage.identity`).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

from vitaalthuis.storage.identity import APPLICATION_ID

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def downgrade() -> None:
    op.execute("PRAGMA application_id = 0")
