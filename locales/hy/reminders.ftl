# Channel posts and personal reminders of sky events (rendered at send time by the scheduler).
# $title: the event's localized name; $relative: e.g. "tomorrow at 21:14"; $datetime: full local
# date and time; $timezone: an IANA zone name; $start, $end: local times.

reminders-coming = Շուտով՝ { $relative }․ { $title }
reminders-now = Հենց հիմա․ { $title }
reminders-reminder = Հիշեցում․ { $title }, { $relative }
reminders-when = { $datetime } ({ $timezone } ժամանակով)
reminders-visible = Տեսանելի է ձեր վայրից { $start }-ից մինչև { $end }։
reminders-visible-at-peak = Այդ պահին տեսանելի է ձեր վայրից։
reminders-not-visible = Ձեր վայրից տեսանելի չէ։
