"""Middlewares wrapped around every update: tracking, throttling, database session and user."""
