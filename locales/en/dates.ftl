# Relative time phrases; $time is a localized clock time such as "09:00".

date-now = now
date-today-at = today at { $time }
date-tomorrow-at = tomorrow at { $time }
date-yesterday-at = yesterday at { $time }
