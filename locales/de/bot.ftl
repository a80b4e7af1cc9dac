# Der Telegram-Bot: Einrichtung, Einstellungen, Himmelsbefehle, Verknüpfung, Mitgliedschaft, Admin.
# Nachrichten gehen als Telegram-HTML hinaus: nur <b>, <i> und <a>; nie ein nacktes Et-Zeichen.

bot-welcome = Hallo, { $name }! Ich bin { -brand }, dein Himmelskalender: Mondphasen, Finsternisse, Tagundnachtgleichen und Planeten, in deiner Zeitzone.
bot-welcome-back = Willkommen zurück! Mit /next siehst du die nächsten Ereignisse, mit /today den heutigen Himmel, und mit /settings änderst du alles.
bot-language-prompt = In welcher Sprache soll ich mit dir sprechen?
bot-tz-prompt = Jetzt deine Zeitzone, damit jede Uhrzeit, die ich zeige, deine ist. Teile deinen Standort über die Schaltfläche unten (dann sage ich dir auch, was von deinem Ort aus sichtbar ist), schreib den Namen deiner Stadt oder wähle einen Abstand zu UTC.
bot-tz-share-location = 📍 Standort teilen
bot-tz-offset-button = 🕐 UTC-Abstand wählen
bot-tz-placeholder = Schreib deine Stadt
bot-tz-offset-prompt = Wähle deinen Abstand zu UTC:
bot-tz-matches = Das habe ich gefunden. Wähle deine Stadt:
bot-tz-no-match = Eine Stadt namens „{ $query }“ habe ich nicht gefunden. Versuch es mit der nächsten größeren Stadt, teile deinen Standort oder wähle einen Abstand zu UTC:
bot-tz-polar = Am Pol treffen sich alle Zeitzonen, daher kann ich deine nicht aus dem Standort ablesen. Den Ort habe ich gespeichert; bitte wähle deinen Abstand zu UTC:
bot-tz-city-set = Dein Ort: { $place }, jetzt { $time }. Mit der Lage dieser Stadt berechne ich Auf- und Untergangszeiten und was von dort aus zu sehen ist; teile jederzeit deinen Standort, wenn du es genauer möchtest.
bot-zone-city = { $city } ({ $offset }), jetzt { $time }
bot-zone-offset = { $offset }, jetzt { $time }
bot-kinds-prompt = Woran soll ich dich erinnern? Tippe zum Ein- und Ausschalten und dann auf „{ common-done }“.
bot-leads-prompt = Wie lange vor einem Ereignis soll ich dich erinnern? Wähle eine oder mehrere Zeiten und tippe dann auf „{ common-done }“.
bot-lead-before = { $span } vorher
bot-lead-at-event = Wenn es so weit ist
bot-use-buttons = Bitte nutze die Schaltflächen der Nachricht oben.
bot-step-finished = Dieser Schritt ist schon erledigt. Mit /settings kannst du alles ändern.
bot-location-cleared = Deinen geteilten Standort habe ich entfernt: Dort gilt eine andere Uhrzeit als bei diesem Versatz. Du kannst ihn jederzeit neu teilen.
bot-onboarding-done = Alles bereit! Mit /next siehst du, was als Nächstes kommt.

bot-kind-full-moon = Vollmond
bot-kind-new-moon = Neumond
bot-kind-quarters = Erstes und letztes Viertel
bot-kind-supermoon = Supermonde
bot-kind-eclipses = Finsternisse
bot-kind-seasons = Tagundnachtgleichen und Sonnenwenden
bot-kind-meteors = Meteorströme
bot-kind-planets = Planeten in bester Stellung
bot-kind-conjunctions = Der Mond bei einem Planeten

bot-settings-language = 🌐 Sprache
bot-settings-timezone = 🕐 Zeitzone
bot-settings-kinds = 🔔 Erinnerungen
bot-settings-leads = ⏳ Wie früh

bot-summary-title = <b>Deine Einstellungen</b>
bot-summary-language = Sprache: { $language }
bot-summary-timezone = Zeitzone: { $zone }
bot-summary-location = Standort: { $latitude }, { $longitude }
bot-summary-no-location = Standort: nicht geteilt
bot-latitude-north = { $degrees }° N
bot-latitude-south = { $degrees }° S
bot-longitude-east = { $degrees }° O
bot-longitude-west = { $degrees }° W
bot-summary-reminders = Erinnerungen: { $kinds }
bot-summary-reminders-off = aus
bot-summary-leads = Erinnern: { $leads }

bot-event-line = <b>{ $title }</b>
    { $when } ({ $relative })
bot-next-title = <b>Demnächst am Himmel</b>
bot-no-events = In diesem Zeitraum gibt es keine Ereignisse.
bot-month-title = <b>Der Himmel im { $month }</b>
bot-eclipses-title = <b>Kommende Finsternisse</b>
bot-eclipses-share-location = Teile deinen Standort, dann erfährst du, welche Finsternisse du von deinem Ort aus sehen kannst.
bot-eclipse-visible = Von deinem Ort aus sichtbar.
bot-eclipse-visible-between = Von deinem Ort aus sichtbar von { $start } bis { $end }.
bot-eclipse-not-visible = Von deinem Ort aus nicht sichtbar.
bot-today-title = <b>Heute, { $date }</b>
bot-today-moon = Mond: { $phase }, zu { $illumination } beleuchtet
bot-today-sunrise = Sonnenaufgang: { $time }
bot-today-sunset = Sonnenuntergang: { $time }
bot-today-moonrise = Mondaufgang: { $time }
bot-today-moonset = Monduntergang: { $time }
bot-today-none = heute keiner
bot-today-no-location = Teile deinen Standort, um Sonnen- und Mondaufgang und -untergang für deinen Ort zu sehen.
bot-today-events = <b>Ereignisse heute</b>
bot-today-no-events = Heute gibt es keine besonderen Ereignisse.
bot-moon-phase-new = Neumond
bot-moon-phase-waxing-crescent = zunehmende Sichel
bot-moon-phase-first-quarter = erstes Viertel
bot-moon-phase-waxing-gibbous = zunehmender Mond
bot-moon-phase-full = Vollmond
bot-moon-phase-waning-gibbous = abnehmender Mond
bot-moon-phase-last-quarter = letztes Viertel
bot-moon-phase-waning-crescent = abnehmende Sichel

bot-link-confirm = Dieses Telegram-Konto mit dem Webkonto <b>{ $account }</b> verknüpfen? Tippe nur auf „{ bot-link-yes }“, wenn du diesen Link selbst angefordert hast.
bot-link-yes = Ja, verknüpfen
bot-link-no = Nein
bot-link-done = Fertig: Dieses Telegram-Konto ist jetzt mit <b>{ $account }</b> verknüpft.
bot-link-cancelled = Verknüpfung abgebrochen. Es wurde nichts geändert.
bot-link-howto = Um ein bestehendes Webkonto zu verknüpfen, melde dich auf { $url } an, öffne „{ page-settings }“ und tippe auf „{ page-settings-telegram-link }“. Du kommst dann mit einem Link zum Bestätigen hierher zurück. Den Kalender öffnest du sofort mit /calendar.
bot-calendar-link = Dein persönlicher Anmeldelink zum Webkalender: { $url }
    Er funktioniert einmal, 15 Minuten lang. Gib ihn nicht weiter.
bot-calendar-open = Kalender öffnen
bot-calendar-mini-app = In Telegram öffnen

bot-gate-required =
    { $feature ->
        [calendar] Der Webkalender ist für Mitglieder von { $channel }.
       *[reminders] Persönliche Erinnerungen sind für Mitglieder von { $channel }.
    } Tritt dem Kanal bei und tippe dann auf „{ bot-gate-joined }“.
bot-gate-open-channel = Kanal öffnen
bot-gate-joined = Ich bin beigetreten
bot-gate-still-not-member = Ich sehe dich noch nicht im Kanal. Tritt zuerst bei und tippe dann erneut auf die Schaltfläche.
bot-gate-welcome = Danke fürs Beitreten!
bot-gate-reminders-on = Deine persönlichen Erinnerungen sind eingeschaltet.
bot-admin-gate-broken = Ich kann die Mitgliedschaft in { $channel } nicht prüfen: { $reason }. Bitte mach mich zum Administrator des Kanals. Bis dahin kann jeder die Mitgliederfunktionen nutzen.

bot-help =
    <b>{ -brand }</b> führt für dich den Kalender des Himmels.
    /next: die nächsten Ereignisse
    /today: der Mond und der Himmel heute
    /month: die Ereignisse dieses Monats
    /eclipses: die kommenden Finsternisse
    /calendar: der Webkalender
    /settings: Sprache, Zeitzone und Erinnerungen
    /language: Sprache ändern
    /link: ein Webkonto verknüpfen
bot-unknown-command = Diesen Befehl kenne ich nicht. Schick /help, um zu sehen, was ich kann.
bot-not-understood = Das habe ich nicht verstanden. Schick /help, um zu sehen, was ich kann.
bot-stale-button = Diese Schaltfläche funktioniert nicht mehr. Bitte nutze die neueste Nachricht.
bot-throttled = Nicht so schnell, bitte: Ich komme gleich hinterher.
bot-error = Entschuldige, bei mir ist etwas schiefgegangen. Bitte versuch es gleich noch einmal.

bot-command-next = Die nächsten Ereignisse am Himmel
bot-command-today = Der Mond und der Himmel heute
bot-command-month = Die Ereignisse dieses Monats
bot-command-eclipses = Die kommenden Finsternisse
bot-command-calendar = Den Webkalender öffnen
bot-command-settings = Sprache, Zeitzone und Erinnerungen
bot-command-language = Sprache ändern
bot-command-link = Ein Webkonto verknüpfen
bot-command-help = Was ich kann
bot-command-stats = Statistik für Admins
bot-command-broadcast = Eine Ankündigung an alle senden

bot-stats =
    <b>Statistik</b>
    Nutzer: { $users }
    Mitglieder: { $members }
    Bot blockiert: { $blocked }
    Sprachen: { $languages }
    Zustellungen offen: { $pending }
    Zustellungen fehlgeschlagen: { $failed }
bot-broadcast-usage = Schick /broadcast gefolgt vom Text, oder /broadcast ru gefolgt vom Text für nur eine Sprache.
bot-broadcast-everyone = alle
bot-broadcast-preview = <b>Vorschau</b> für { $audience } ({ NUMBER($count) } Empfänger). Senden?
bot-broadcast-send = Senden
bot-broadcast-cancelled = Ankündigung abgebrochen.
bot-broadcast-queued = Ankündigung für { NUMBER($count) } Empfänger eingereiht.
