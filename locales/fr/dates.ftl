# Expressions de temps relatives ; $time est une heure localisée, par exemple « 09:00 ».

date-now = maintenant
date-today-at = aujourd’hui à { $time }
date-tomorrow-at = demain à { $time }
date-yesterday-at = hier à { $time }
