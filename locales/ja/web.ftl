# Texts of the web API (sign-in, account, Telegram linking).

web-link-telegram-hint = このリンクを Telegram で開いて「開始」をタップすると、アカウントが連携されます。リンクは 1 回限りで、{ $minutes } 分間有効です。
