# Texts of the web API (sign-in, account, Telegram linking).

web-link-telegram-hint = Բացեք այս հղումը Telegram-ում և սեղմեք «Սկսել»՝ հաշիվները կապելու համար։ Հղումը գործում է միայն մեկ անգամ՝ { $minutes } րոպե։
