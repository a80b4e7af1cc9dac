"""Tests of the web side, through aiohttp's test client against the real application."""
