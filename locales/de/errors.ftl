# Meldungen zu den festen Fehlercodes der Plattform: error-<Code>, „_“ als „-“ geschrieben.

error-invalid-json = Der Inhalt der Anfrage ist kein gültiges JSON.
error-validation-failed = Einige Angaben sind ungültig. Bitte prüfe sie und versuche es noch einmal.
error-invalid-timezone = Diese Zeitzone kennen wir nicht. Bitte wähle eine aus der Liste, zum Beispiel Europe/Berlin.
error-invalid-language = Diese Sprache ist nicht verfügbar. Bitte wähle eine unserer zehn Sprachen.
error-invalid-coordinates = Diese Koordinaten liegen nicht auf der Erde: Die Breite reicht von -90 bis 90, die Länge von -180 bis 180.
error-invalid-date-range = Das Startdatum muss vor dem Enddatum liegen.
error-date-out-of-range = Dieses Datum liegt außerhalb der Jahre, die wir berechnen können ({ $supported }). Bitte wähle ein Datum näher an heute.
error-range-too-large = Dieser Zeitraum ist zu lang. Bitte wähle einen kürzeren.
error-unknown-event-kind = Diese Art von Ereignis kennen wir nicht.
error-not-found = Wir konnten nicht finden, wonach du suchst.
error-unauthorized = Bitte melde dich an, um fortzufahren.
error-token-expired = Dieser Link ist abgelaufen. Bitte fordere einen neuen an.
error-token-invalid = Dieser Link ist ungültig. Bitte fordere einen neuen an.
error-token-used = Dieser Link wurde bereits verwendet. Bitte fordere einen neuen an.
error-forbidden = Darauf hast du keinen Zugriff.
error-subscription-required = Bitte abonniere zuerst { $channel } und versuche es dann noch einmal.
error-rate-limited =
    { $seconds ->
        [one] Zu viele Anfragen. Bitte versuche es in { $seconds } Sekunde noch einmal.
       *[other] Zu viele Anfragen. Bitte versuche es in { $seconds } Sekunden noch einmal.
    }
error-body-too-large = Die Anfrage ist zu groß.
error-internal-error = Bei uns ist etwas schiefgelaufen. Bitte versuche es gleich noch einmal.
error-invalid-credentials = E-Mail-Adresse oder Passwort ist falsch.
error-email-taken = Mit dieser E-Mail-Adresse gibt es bereits ein Konto.
error-weak-password = Dieses Passwort ist zu leicht zu erraten. Bitte wähle ein längeres.
error-account-already-linked = Dieses Konto ist bereits mit einem anderen Telegram-Konto verknüpft.
error-method-not-allowed = Diese Aktion ist hier nicht erlaubt.
error-telegram-auth-invalid = Wir konnten deine Anmeldung über Telegram nicht bestätigen. Bitte versuche es noch einmal aus Telegram heraus.
error-telegram-not-configured = Die Anmeldung mit Telegram ist gerade nicht verfügbar.
error-telegram-unavailable = Telegram ist gerade nicht erreichbar. Bitte versuche es gleich noch einmal.
error-refresh-token-reused = Zu deiner Sicherheit wurde diese Sitzung beendet. Bitte melde dich erneut an.
error-server-busy = Der Server ist gerade ausgelastet. Bitte versuchen Sie es gleich noch einmal.
error-account-deactivated = Dieses Konto wurde deaktiviert. Bitte wenden Sie sich an den Support.
error-picture-unavailable = Für dieses Ereignis gibt es kein Bild.
