"""The LRU of chosen languages that throttling reads instead of the database."""

from bot.middlewares.languages import RecentLanguages


def test_remembers_forgets_and_evicts_the_least_recent() -> None:
    languages = RecentLanguages(capacity=2)
    languages.remember(1, "ru")
    languages.remember(2, "hy")
    languages.remember(1, "de")  # 1 is now the most recent
    languages.remember(3, "ja")
    assert (languages.get(1), languages.get(2), languages.get(3)) == ("de", None, "ja")
    languages.remember(3, None)  # back to Telegram's language_code
    assert languages.get(3) is None
