# Mots et phrases communs au bot, au site et aux publications des canaux.

-brand = StarsCalendars

common-app-name = { -brand }
common-tagline = Le calendrier du ciel, dans votre langue et votre fuseau horaire
common-yes = Oui
common-no = Non
common-back = Retour
common-cancel = Annuler
common-close = Fermer
common-save = Enregistrer
common-done = Terminé
common-next = Suivant
common-more = Afficher plus
common-settings = Paramètres
common-language = Langue
common-timezone = Fuseau horaire
common-location = Position
common-hemisphere = Hémisphère
common-hemisphere-north = Hémisphère Nord
common-hemisphere-south = Hémisphère Sud
common-language-set = Langue choisie : { $language }.
common-timezone-set = Fuseau horaire choisi : { $timezone }.
common-events-count =
    { $count ->
        [0] Aucun événement
        [one] { $count } événement
        [many] { $count } d’événements
       *[other] { $count } événements
    }
common-week-summary =
    { $count ->
        [0] { $name }, le ciel est calme cette semaine.
        [one] { $name }, { $count } événement céleste cette semaine.
        [many] { $name }, { $count } d’événements célestes cette semaine.
       *[other] { $name }, { $count } événements célestes cette semaine.
    }
common-days =
    { $count ->
        [one] { $count } jour
        [many] { $count } de jours
       *[other] { $count } jours
    }
common-hours =
    { $count ->
        [one] { $count } heure
        [many] { $count } d’heures
       *[other] { $count } heures
    }
common-minutes =
    { $count ->
        [one] { $count } minute
        [many] { $count } de minutes
       *[other] { $count } minutes
    }
