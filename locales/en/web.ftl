# Texts of the web API (sign-in, account, Telegram linking).

web-link-telegram-hint =
    { $minutes ->
        [one] Open this link in Telegram and tap Start to link your accounts. The link works once, for { $minutes } minute.
       *[other] Open this link in Telegram and tap Start to link your accounts. The link works once, for { $minutes } minutes.
    }
