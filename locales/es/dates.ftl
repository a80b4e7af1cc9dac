# Expresiones de tiempo relativas; $time es una hora localizada, por ejemplo «9:00».
# Se usa la coma («mañana, 1:30») porque «a las» no concuerda con la una («a la 1:30»).

date-now = ahora
date-today-at = hoy, { $time }
date-tomorrow-at = mañana, { $time }
date-yesterday-at = ayer, { $time }
