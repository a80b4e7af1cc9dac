# Channel posts and personal reminders of sky events (rendered at send time by the scheduler).
# $title: the event's localized name; $relative: e.g. "tomorrow at 21:14"; $datetime: full local
# date and time; $timezone: an IANA zone name; $start, $end: local times.

reminders-coming = जल्द आ रहा है, { $relative }: { $title }
reminders-now = अभी हो रहा है: { $title }
reminders-reminder = रिमाइंडर: { $title }, { $relative }
reminders-when = { $datetime } ({ $timezone } समय)
reminders-visible = आपके स्थान से { $start } से { $end } तक दिखाई देगा।
reminders-visible-at-peak = उस समय आपके स्थान से दिखाई देगा।
reminders-not-visible = आपके स्थान से दिखाई नहीं देगा।
