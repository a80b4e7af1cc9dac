# Channel posts and personal reminders of sky events (rendered at send time by the scheduler).
# $title: the event's localized name; $relative: e.g. "tomorrow at 21:14"; $datetime: full local
# date and time; $timezone: an IANA zone name; $start, $end: local times.

reminders-coming = 即将到来（{ $relative }）：{ $title }
reminders-now = 正在发生：{ $title }
reminders-reminder = 提醒：{ $title }，{ $relative }
reminders-when = { $datetime }（{ $timezone } 时间）
reminders-visible = 在你所在的位置可见，时间为 { $start } 至 { $end }。
reminders-visible-at-peak = 届时在你所在的位置可见。
reminders-not-visible = 在你所在的位置看不到。
