# Texts of the web API (sign-in, account, Telegram linking).

web-link-telegram-hint =
    { $minutes ->
        [one] Ouvrez ce lien dans Telegram et appuyez sur « Démarrer » pour relier vos comptes. Le lien ne fonctionne qu’une fois, pendant { $minutes } minute.
        [many] Ouvrez ce lien dans Telegram et appuyez sur « Démarrer » pour relier vos comptes. Le lien ne fonctionne qu’une fois, pendant { $minutes } de minutes.
       *[other] Ouvrez ce lien dans Telegram et appuyez sur « Démarrer » pour relier vos comptes. Le lien ne fonctionne qu’une fois, pendant { $minutes } minutes.
    }
