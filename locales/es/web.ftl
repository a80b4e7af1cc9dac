# Texts of the web API (sign-in, account, Telegram linking).

web-link-telegram-hint =
    { $minutes ->
        [one] Abre este enlace en Telegram y pulsa «Iniciar» para vincular tus cuentas. El enlace funciona una sola vez durante { $minutes } minuto.
        [many] Abre este enlace en Telegram y pulsa «Iniciar» para vincular tus cuentas. El enlace funciona una sola vez durante { $minutes } de minutos.
       *[other] Abre este enlace en Telegram y pulsa «Iniciar» para vincular tus cuentas. El enlace funciona una sola vez durante { $minutes } minutos.
    }
