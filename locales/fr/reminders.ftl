# Channel posts and personal reminders of sky events (rendered at send time by the scheduler).
# $title: the event's localized name; $relative: e.g. "tomorrow at 21:14"; $datetime: full local
# date and time; $timezone: an IANA zone name; $start, $end: local times.

reminders-coming = Bientôt, { $relative } : { $title }
reminders-now = En ce moment : { $title }
reminders-reminder = Rappel : { $title }, { $relative }
reminders-when = { $datetime } (heure de { $timezone })
reminders-visible = Visible depuis votre position de { $start } à { $end }.
reminders-visible-at-peak = Visible depuis votre position à ce moment-là.
reminders-not-visible = Non visible depuis votre position.
