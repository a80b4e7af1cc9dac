# Channel posts and personal reminders of sky events (rendered at send time by the scheduler).
# $title: the event's localized name; $relative: e.g. "tomorrow at 21:14"; $datetime: full local
# date and time; $timezone: an IANA zone name; $start, $end: local times.

reminders-coming = Скоро, { $relative }: { $title }
reminders-now = Прямо сейчас: { $title }
reminders-reminder = Напоминание: { $title }, { $relative }
reminders-when = { $datetime } (часовой пояс { $timezone })
reminders-visible = Видно из вашего места с { $start } до { $end }.
reminders-visible-at-peak = В этот момент видно из вашего места.
reminders-not-visible = Из вашего места не видно.
