# Wörter und Sätze, die Bot, Website und Kanalbeiträge gemeinsam nutzen.

-brand = StarsCalendars

common-app-name = { -brand }
common-tagline = Der Himmelskalender – in deiner Sprache und deiner Zeitzone
common-yes = Ja
common-no = Nein
common-back = Zurück
common-cancel = Abbrechen
common-close = Schließen
common-save = Speichern
common-done = Fertig
common-next = Weiter
common-more = Mehr anzeigen
common-settings = Einstellungen
common-language = Sprache
common-timezone = Zeitzone
common-location = Standort
common-hemisphere = Halbkugel
common-hemisphere-north = Nordhalbkugel
common-hemisphere-south = Südhalbkugel
common-language-set = Die Sprache ist jetzt { $language }.
common-timezone-set = Die Zeitzone ist jetzt { $timezone }.
common-events-count =
    { $count ->
        [0] Keine Ereignisse
        [one] { $count } Ereignis
       *[other] { $count } Ereignisse
    }
common-week-summary =
    { $count ->
        [0] { $name }, diese Woche ist es am Himmel ruhig.
        [one] { $name }, diese Woche gibt es { $count } Ereignis am Himmel.
       *[other] { $name }, diese Woche gibt es { $count } Ereignisse am Himmel.
    }
common-days =
    { $count ->
        [one] { $count } Tag
       *[other] { $count } Tage
    }
common-hours =
    { $count ->
        [one] { $count } Stunde
       *[other] { $count } Stunden
    }
common-minutes =
    { $count ->
        [one] { $count } Minute
       *[other] { $count } Minuten
    }
