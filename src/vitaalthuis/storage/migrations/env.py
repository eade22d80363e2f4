"""Alembic environment: always run as a library with a connection handed in by storage.migrate."""

from __future__ import annotations

from alembic import context

from vitaalthuis.storage.orm import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - the app never runs alembic from its own command line
    raise RuntimeError("VitaalThuis migrations run only through vitaalthuis.storage.migrate")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
