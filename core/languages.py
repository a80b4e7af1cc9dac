"""The ten languages StarsCalendars speaks (the stored value of a user's language)."""

LANGUAGES: tuple[str, ...] = ("en", "zh", "es", "hi", "pt", "de", "fr", "ja", "ru", "hy")
DEFAULT_LANGUAGE = "en"
