# Channel posts and personal reminders of sky events (rendered at send time by the scheduler).
# $title: the event's localized name; $relative: e.g. "tomorrow at 21:14"; $datetime: full local
# date and time; $timezone: an IANA zone name; $start, $end: local times.

reminders-coming = Demnächst, { $relative }: { $title }
reminders-now = Jetzt: { $title }
reminders-reminder = Erinnerung: { $title }, { $relative }
reminders-when = { $datetime } (Zeitzone { $timezone })
reminders-visible = Von deinem Standort aus sichtbar von { $start } bis { $end }.
reminders-visible-at-peak = Zu diesem Zeitpunkt von deinem Standort aus sichtbar.
reminders-not-visible = Von deinem Standort aus nicht sichtbar.
