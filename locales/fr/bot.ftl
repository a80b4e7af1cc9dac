# Le bot Telegram : accueil, réglages, commandes du ciel, association de comptes, canal des membres, administration.
# Les messages partent en HTML Telegram : seulement <b>, <i> et <a> ; jamais d'esperluette seule.

bot-welcome = Bonjour, { $name } ! Je suis { -brand }, votre calendrier du ciel : phases de la Lune, éclipses, équinoxes et planètes, à votre heure.
bot-welcome-back = Content de vous revoir ! Essayez /next pour les prochains événements, /today pour le ciel du jour, ou /settings pour tout modifier.
bot-language-prompt = Dans quelle langue voulez-vous que je vous parle ?
bot-tz-prompt = Maintenant votre fuseau horaire, pour que toutes les heures affichées soient les vôtres. Partagez votre position avec le bouton ci-dessous (je pourrai aussi vous dire ce qui est visible de chez vous), écrivez le nom de votre ville ou choisissez un décalage par rapport à UTC.
bot-tz-share-location = 📍 Partager ma position
bot-tz-offset-button = 🕐 Choisir un décalage UTC
bot-tz-placeholder = Écrivez votre ville
bot-tz-offset-prompt = Choisissez votre décalage par rapport à UTC :
bot-tz-matches = Voici ce que j’ai trouvé. Choisissez votre ville :
bot-tz-no-match = Je n’ai trouvé aucune ville nommée « { $query } ». Essayez la grande ville la plus proche, partagez votre position ou choisissez un décalage UTC :
bot-tz-polar = Près du pôle, tous les fuseaux se rejoignent : je ne peux pas déduire le vôtre de la position. J’ai enregistré le lieu ; choisissez votre décalage UTC, s’il vous plaît :
bot-tz-city-set = Votre lieu : { $place }, il est { $time }. J’utiliserai la position de cette ville pour les heures de lever et de coucher et pour ce qui y est visible ; partagez votre position quand vous voulez plus de précision.
bot-zone-city = { $city } ({ $offset }), il est { $time }
bot-zone-offset = { $offset }, il est { $time }
bot-kinds-prompt = Pour quoi voulez-vous des rappels ? Touchez chaque option pour l’activer ou la désactiver, puis « { common-done } ».
bot-leads-prompt = Combien de temps avant un événement dois-je vous prévenir ? Choisissez une ou plusieurs durées, puis « { common-done } ».
bot-lead-before = { $span } avant
bot-lead-at-event = Au moment même
bot-use-buttons = Utilisez les boutons du message ci-dessus, s’il vous plaît.
bot-step-finished = Cette étape est déjà faite. Envoyez /settings pour modifier quoi que ce soit.
bot-location-cleared = J’ai retiré votre position partagée : l’heure n’y correspond pas à ce décalage. Partagez-la de nouveau quand vous voulez.
bot-onboarding-done = Tout est prêt ! Essayez /next pour voir ce qui arrive.

bot-kind-full-moon = Pleine lune
bot-kind-new-moon = Nouvelle lune
bot-kind-quarters = Premier et dernier quartier
bot-kind-supermoon = Super lunes
bot-kind-eclipses = Éclipses
bot-kind-seasons = Équinoxes et solstices
bot-kind-meteors = Pluies d’étoiles filantes
bot-kind-planets = Planètes au mieux de leur visibilité
bot-kind-conjunctions = La Lune près d’une planète

bot-settings-language = 🌐 Langue
bot-settings-timezone = 🕐 Fuseau horaire
bot-settings-kinds = 🔔 Rappels
bot-settings-leads = ⏳ Combien de temps avant

bot-summary-title = <b>Vos réglages</b>
bot-summary-language = Langue : { $language }
bot-summary-timezone = Fuseau horaire : { $zone }
bot-summary-location = Position : { $latitude }, { $longitude }
bot-summary-no-location = Position : non partagée
bot-latitude-north = { $degrees }° N
bot-latitude-south = { $degrees }° S
bot-longitude-east = { $degrees }° E
bot-longitude-west = { $degrees }° O
bot-summary-reminders = Rappels : { $kinds }
bot-summary-reminders-off = désactivés
bot-summary-leads = Prévenir : { $leads }

bot-event-line = <b>{ $title }</b>
    { $when } ({ $relative })
bot-next-title = <b>Bientôt dans le ciel</b>
bot-no-events = Aucun événement sur cette période.
bot-month-title = <b>Le ciel en { $month }</b>
bot-eclipses-title = <b>Prochaines éclipses</b>
bot-eclipses-share-location = Partagez votre position pour savoir quelles éclipses seront visibles de chez vous.
bot-eclipse-visible = Visible de chez vous.
bot-eclipse-visible-between = Visible de chez vous de { $start } à { $end }.
bot-eclipse-not-visible = Pas visible de chez vous.
bot-today-title = <b>Aujourd’hui, { $date }</b>
bot-today-moon = Lune : { $phase }, éclairée à { $illumination }
bot-today-sunrise = Lever du Soleil : { $time }
bot-today-sunset = Coucher du Soleil : { $time }
bot-today-moonrise = Lever de la Lune : { $time }
bot-today-moonset = Coucher de la Lune : { $time }
bot-today-none = pas aujourd’hui
bot-today-no-location = Partagez votre position pour voir les levers et couchers du Soleil et de la Lune chez vous.
bot-today-events = <b>Événements du jour</b>
bot-today-no-events = Aucun événement particulier aujourd’hui.
bot-moon-phase-new = nouvelle lune
bot-moon-phase-waxing-crescent = premier croissant
bot-moon-phase-first-quarter = premier quartier
bot-moon-phase-waxing-gibbous = gibbeuse croissante
bot-moon-phase-full = pleine lune
bot-moon-phase-waning-gibbous = gibbeuse décroissante
bot-moon-phase-last-quarter = dernier quartier
bot-moon-phase-waning-crescent = dernier croissant

bot-link-confirm = Associer ce compte Telegram au compte web <b>{ $account }</b> ? Appuyez sur « { bot-link-yes } » seulement si vous avez demandé ce lien vous-même.
bot-link-yes = Oui, associer
bot-link-no = Non
bot-link-done = C’est fait : ce compte Telegram est maintenant associé à <b>{ $account }</b>.
bot-link-cancelled = Association annulée. Rien n’a changé.
bot-link-howto = Pour associer un compte web existant, connectez-vous sur { $url }, ouvrez « { page-settings } » et appuyez sur « { page-settings-telegram-link } ». Vous reviendrez ici avec un lien à confirmer. Pour ouvrir le calendrier tout de suite, utilisez /calendar.
bot-calendar-link = Votre lien de connexion personnel au calendrier web : { $url }
    Il ne sert qu’une fois, pendant 15 minutes. Ne le partagez pas.
bot-calendar-open = Ouvrir le calendrier
bot-calendar-mini-app = Ouvrir dans Telegram

bot-gate-required =
    { $feature ->
        [calendar] Le calendrier web est réservé aux membres de { $channel }.
       *[reminders] Les rappels personnels sont réservés aux membres de { $channel }.
    } Rejoignez la chaîne, puis appuyez sur « { bot-gate-joined } ».
bot-gate-open-channel = Ouvrir la chaîne
bot-gate-joined = J’ai rejoint
bot-gate-still-not-member = Je ne vous vois pas encore dans la chaîne. Rejoignez-la d’abord, puis appuyez à nouveau sur le bouton.
bot-gate-welcome = Merci de nous avoir rejoints !
bot-gate-reminders-on = Vos rappels personnels sont activés.
bot-admin-gate-broken = Je ne peux pas vérifier les membres de { $channel } : { $reason }. Faites-moi administrateur de la chaîne, s’il vous plaît. En attendant, tout le monde peut utiliser les fonctions réservées aux membres.

bot-help =
    <b>{ -brand }</b> tient pour vous le calendrier du ciel.
    /next : les prochains événements
    /today : la Lune et le ciel du jour
    /month : les événements du mois
    /eclipses : les prochaines éclipses
    /calendar : le calendrier web
    /settings : langue, fuseau horaire et rappels
    /language : changer de langue
    /link : associer un compte web
bot-unknown-command = Je ne connais pas cette commande. Envoyez /help pour voir ce que je sais faire.
bot-not-understood = Je n’ai pas compris. Envoyez /help pour voir ce que je sais faire.
bot-stale-button = Ce bouton ne fonctionne plus. Utilisez le message le plus récent, s’il vous plaît.
bot-throttled = Pas si vite, s’il vous plaît : je vous suis dans un instant.
bot-error = Désolé, quelque chose s’est mal passé de mon côté. Réessayez dans un instant.

bot-command-next = Les prochains événements du ciel
bot-command-today = La Lune et le ciel du jour
bot-command-month = Les événements du mois
bot-command-eclipses = Les prochaines éclipses
bot-command-calendar = Ouvrir le calendrier web
bot-command-settings = Langue, fuseau horaire et rappels
bot-command-language = Changer de langue
bot-command-link = Associer un compte web
bot-command-help = Ce que je sais faire
bot-command-stats = Statistiques pour les administrateurs
bot-command-broadcast = Envoyer une annonce aux utilisateurs

bot-stats =
    <b>Statistiques</b>
    Utilisateurs : { $users }
    Membres : { $members }
    Ont bloqué le bot : { $blocked }
    Langues : { $languages }
    Envois en attente : { $pending }
    Envois échoués : { $failed }
bot-broadcast-usage = Envoyez /broadcast suivi du texte, ou /broadcast ru suivi du texte pour une seule langue.
bot-broadcast-everyone = tout le monde
bot-broadcast-preview =
    <b>Aperçu</b> pour { $audience } ({ $count ->
        [one] { $count } destinataire
        [many] { $count } de destinataires
       *[other] { $count } destinataires
    }). L’envoyer ?
bot-broadcast-send = Envoyer
bot-broadcast-cancelled = Annonce annulée.
bot-broadcast-queued =
    { $count ->
        [one] Annonce mise en file pour { $count } destinataire.
        [many] Annonce mise en file pour { $count } de destinataires.
       *[other] Annonce mise en file pour { $count } destinataires.
    }
