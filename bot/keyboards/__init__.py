"""Inline and reply keyboards of the bot, with typed callback data."""
