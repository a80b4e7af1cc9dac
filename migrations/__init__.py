"""Alembic migrations of the StarsCalendars schema (static, reversible)."""

# The newest revision, for /ready without loading Alembic into every web process (~10 MB);
# tests/models/test_migrations.py fails when a new migration is added and this is not updated.
HEAD_REVISION = "0001"
