# Относительное время; $time — локализованное время, например «09:00».

date-now = сейчас
date-today-at = сегодня в { $time }
date-tomorrow-at = завтра в { $time }
date-yesterday-at = вчера в { $time }
