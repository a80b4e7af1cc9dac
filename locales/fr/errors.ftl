# Messages des codes d’erreur stables de la plateforme : error-<code>, « _ » écrit « - ».

error-invalid-json = Le corps de la requête n’est pas un JSON valide.
error-validation-failed = Certaines données ne sont pas valides. Vérifiez-les et réessayez.
error-invalid-timezone = Nous ne connaissons pas ce fuseau horaire. Choisissez-en un dans la liste, par exemple Europe/Paris.
error-invalid-language = Cette langue n’est pas disponible. Choisissez l’une des dix langues que nous parlons.
error-invalid-coordinates = Ces coordonnées ne sont pas sur le globe : la latitude va de -90 à 90, la longitude de -180 à 180.
error-invalid-date-range = La date de début doit précéder la date de fin.
error-date-out-of-range = Cette date sort des années que nous savons calculer ({ $supported }). Choisissez une date plus proche d’aujourd’hui.
error-range-too-large = Cette période est trop longue. Choisissez-en une plus courte.
error-unknown-event-kind = Nous ne connaissons pas ce type d’événement.
error-not-found = Nous n’avons pas trouvé ce que vous cherchez.
error-unauthorized = Connectez-vous pour continuer.
error-token-expired = Ce lien a expiré. Demandez-en un nouveau.
error-token-invalid = Ce lien n’est pas valide. Demandez-en un nouveau.
error-token-used = Ce lien a déjà été utilisé. Demandez-en un nouveau.
error-forbidden = Vous n’avez pas accès à ce contenu.
error-subscription-required = Abonnez-vous d’abord à { $channel }, puis réessayez.
error-rate-limited =
    { $seconds ->
        [one] Trop de requêtes. Réessayez dans { $seconds } seconde.
        [many] Trop de requêtes. Réessayez dans { $seconds } de secondes.
       *[other] Trop de requêtes. Réessayez dans { $seconds } secondes.
    }
error-body-too-large = La requête est trop volumineuse.
error-internal-error = Un problème est survenu de notre côté. Réessayez dans un instant.
error-invalid-credentials = L’adresse e-mail ou le mot de passe est incorrect.
error-email-taken = Un compte existe déjà avec cette adresse e-mail.
error-weak-password = Ce mot de passe est trop facile à deviner. Choisissez-en un plus long.
error-account-already-linked = Ce compte est déjà lié à un autre compte Telegram.
error-method-not-allowed = Cette action n’est pas autorisée ici.
error-telegram-auth-invalid = Nous n’avons pas pu confirmer votre connexion via Telegram. Réessayez depuis Telegram.
error-telegram-not-configured = La connexion avec Telegram n’est pas disponible pour le moment.
error-telegram-unavailable = Impossible de joindre Telegram pour le moment. Réessayez dans un instant.
error-refresh-token-reused = Par sécurité, cette session a été fermée. Reconnectez-vous.
error-server-busy = Le serveur est occupé pour le moment. Veuillez réessayer dans un instant.
error-account-deactivated = Ce compte a été désactivé. Veuillez contacter l’assistance.
error-picture-unavailable = Cet événement n’a pas d’image.
