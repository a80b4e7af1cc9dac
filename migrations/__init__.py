"""Alembic migrations of the StarsCalendars schema (static, reversible)."""

# The newest revision, for /ready without loading Alembic into every web process (its memory
# cost is in the README's benchmark table, bench.import_rss_bench);
# tests/models/test_migrations.py fails when a new migration is added and this is not updated.
HEAD_REVISION = "0003"
