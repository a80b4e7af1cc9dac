# Texts of the web API (sign-in, account, Telegram linking).

web-link-telegram-hint =
    { $minutes ->
        [one] Öffne diesen Link in Telegram und tippe auf „Starten“, um deine Konten zu verknüpfen. Der Link funktioniert einmal und { $minutes } Minute lang.
       *[other] Öffne diesen Link in Telegram und tippe auf „Starten“, um deine Konten zu verknüpfen. Der Link funktioniert einmal und { $minutes } Minuten lang.
    }
