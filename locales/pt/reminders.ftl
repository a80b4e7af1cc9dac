# Channel posts and personal reminders of sky events (rendered at send time by the scheduler).
# $title: the event's localized name; $relative: e.g. "tomorrow at 21:14"; $datetime: full local
# date and time; $timezone: an IANA zone name; $start, $end: local times.

reminders-coming = Em breve, { $relative }: { $title }
reminders-now = Acontecendo agora: { $title }
reminders-reminder = Lembrete: { $title }, { $relative }
reminders-when = { $datetime } (horário de { $timezone })
reminders-visible = Visível da sua localização das { $start } às { $end }.
reminders-visible-at-peak = Visível da sua localização nesse momento.
reminders-not-visible = Não é visível da sua localização.
