# Texts of the web API (sign-in, account, Telegram linking).

web-link-telegram-hint = 在 Telegram 中打开此链接并点按“开始”，即可关联你的账户。该链接只能使用一次，{ $minutes } 分钟内有效。
