# Relative Zeitangaben; $time ist eine lokalisierte Uhrzeit wie „09:00“.

date-now = jetzt
date-today-at = heute um { $time } Uhr
date-tomorrow-at = morgen um { $time } Uhr
date-yesterday-at = gestern um { $time } Uhr
