"""The stored language of recently seen users, for replies made before the database is opened."""

from collections import OrderedDict

# Enough for every user active within a throttling window on a busy bot, a few hundred KB.
DEFAULT_CAPACITY = 10_000


class RecentLanguages:
    """A small LRU map of Telegram user id to the language the user chose."""

    def __init__(self, capacity: int = DEFAULT_CAPACITY) -> None:
        self.capacity = capacity
        self._languages: OrderedDict[int, str] = OrderedDict()

    def remember(self, telegram_user_id: int, language: str | None) -> None:
        """Note the user's chosen language (None: they never chose, Telegram's will do)."""
        if language is None:
            self._languages.pop(telegram_user_id, None)
            return
        self._languages[telegram_user_id] = language
        self._languages.move_to_end(telegram_user_id)
        if len(self._languages) > self.capacity:
            self._languages.popitem(last=False)

    def get(self, telegram_user_id: int) -> str | None:
        """The user's chosen language if they were seen lately."""
        return self._languages.get(telegram_user_id)
