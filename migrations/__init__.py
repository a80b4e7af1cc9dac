"""Alembic migrations of the StarsCalendars schema (static, reversible)."""
