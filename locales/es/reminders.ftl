# Channel posts and personal reminders of sky events (rendered at send time by the scheduler).
# $title: the event's localized name; $relative: e.g. "tomorrow at 21:14"; $datetime: full local
# date and time; $timezone: an IANA zone name; $start, $end: local times.

reminders-coming = Próximamente, { $relative }: { $title }
reminders-now = Ocurre ahora: { $title }
reminders-reminder = Recordatorio: { $title }, { $relative }
reminders-when = { $datetime } (hora de { $timezone })
reminders-visible = Visible desde tu ubicación de { $start } a { $end }.
reminders-visible-at-peak = Visible desde tu ubicación en ese momento.
reminders-not-visible = No es visible desde tu ubicación.
