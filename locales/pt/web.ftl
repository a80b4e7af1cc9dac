# Texts of the web API (sign-in, account, Telegram linking).

web-link-telegram-hint =
    { $minutes ->
        [one] Abra este link no Telegram e toque em “Começar” para vincular suas contas. O link funciona uma única vez, por { $minutes } minuto.
        [many] Abra este link no Telegram e toque em “Começar” para vincular suas contas. O link funciona uma única vez, por { $minutes } de minutos.
       *[other] Abra este link no Telegram e toque em “Começar” para vincular suas contas. O link funciona uma única vez, por { $minutes } minutos.
    }
