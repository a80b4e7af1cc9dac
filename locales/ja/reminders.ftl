# Channel posts and personal reminders of sky events (rendered at send time by the scheduler).
# $title: the event's localized name; $relative: e.g. "tomorrow at 21:14"; $datetime: full local
# date and time; $timezone: an IANA zone name; $start, $end: local times.

reminders-coming = まもなく（{ $relative }）：{ $title }
reminders-now = ただいま進行中：{ $title }
reminders-reminder = リマインダー：{ $title }（{ $relative }）
reminders-when = { $datetime }（{ $timezone } 時間）
reminders-visible = あなたの場所から { $start }～{ $end } に見えます。
reminders-visible-at-peak = その時刻にあなたの場所から見えます。
reminders-not-visible = あなたの場所からは見えません。
