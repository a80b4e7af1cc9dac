# Channel posts and personal reminders of sky events (rendered at send time by the scheduler).
# $title: the event's localized name; $relative: e.g. "tomorrow at 21:14"; $datetime: full local
# date and time; $timezone: an IANA zone name; $start, $end: local times.

reminders-coming = Coming up { $relative }: { $title }
reminders-now = Happening now: { $title }
reminders-reminder = Reminder: { $title }, { $relative }
reminders-when = { $datetime } ({ $timezone } time)
reminders-visible = Visible from your location from { $start } to { $end }.
reminders-visible-at-peak = Visible from your location at that moment.
reminders-not-visible = Not visible from your location.
