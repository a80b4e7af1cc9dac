"""The bot's routers, one per feature, composed in order by bot.factory."""
