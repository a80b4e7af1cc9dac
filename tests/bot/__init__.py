"""End-to-end tests of the Telegram bot against the fake Bot API over HTTP."""
