# The Telegram bot: onboarding, settings, sky commands, linking, members' gate and admin.
# Messages are sent as Telegram HTML: only <b>, <i> and <a> tags; never a bare ampersand.

bot-welcome = Hello, { $name }! I'm { -brand }, your calendar of the sky: moon phases, eclipses, equinoxes and planets, in your time zone.
bot-welcome-back = Welcome back! Try /next for the coming events, /today for tonight's sky, or /settings to change anything.
bot-language-prompt = Which language should I speak?
bot-tz-prompt = Now your time zone, so that every time I show is yours. Share your location with the button below (it also lets me tell you what is visible from your place), type the name of your city, or pick an offset from UTC.
bot-tz-share-location = 📍 Share my location
bot-tz-offset-button = 🕐 Pick a UTC offset
bot-tz-placeholder = Type your city
bot-tz-offset-prompt = Pick your offset from UTC:
bot-tz-matches = Here is what I found. Pick your city:
bot-tz-no-match = I couldn't find a city called “{ $query }”. Try the nearest large city, share your location, or pick an offset from UTC:
bot-tz-polar = Near the pole every time zone meets, so I can't tell yours from the location. I've saved the place; please pick your offset from UTC:
bot-tz-city-set = Your place: { $place }, now { $time }. I'll use this town's position for rise and set times and for what is visible from there; share your location whenever you want a more exact spot.
bot-zone-city = { $city } ({ $offset }), now { $time }
bot-zone-offset = { $offset }, now { $time }
bot-kinds-prompt = What would you like reminders about? Tap to switch each on or off, then press { common-done }.
bot-leads-prompt = How long before an event should I remind you? Choose one or more, then press { common-done }.
bot-lead-before = { $span } before
bot-lead-at-event = When it happens
bot-use-buttons = Please use the buttons on the message above.
bot-step-finished = This step is already done. Send /settings to change anything.
bot-location-cleared = I've removed your shared location: the clock there differs from this offset. Share it again whenever you like.
bot-onboarding-done = All set! Try /next to see what's coming.

bot-kind-full-moon = Full Moon
bot-kind-new-moon = New Moon
bot-kind-quarters = First and last quarter
bot-kind-supermoon = Supermoons
bot-kind-eclipses = Eclipses
bot-kind-seasons = Equinoxes and solstices
bot-kind-meteors = Meteor showers
bot-kind-planets = Planets at their best
bot-kind-conjunctions = The Moon near a planet

bot-settings-language = 🌐 Language
bot-settings-timezone = 🕐 Time zone
bot-settings-kinds = 🔔 Reminders
bot-settings-leads = ⏳ How early

bot-summary-title = <b>Your settings</b>
bot-summary-language = Language: { $language }
bot-summary-timezone = Time zone: { $zone }
bot-summary-location = Location: { $latitude }, { $longitude }
bot-summary-no-location = Location: not shared
bot-latitude-north = { $degrees }° N
bot-latitude-south = { $degrees }° S
bot-longitude-east = { $degrees }° E
bot-longitude-west = { $degrees }° W
bot-summary-reminders = Reminders: { $kinds }
bot-summary-reminders-off = off
bot-summary-leads = Reminding: { $leads }

bot-event-line = <b>{ $title }</b>
    { $when } · { $relative }
bot-next-title = <b>Coming up in the sky</b>
bot-no-events = No events in this period.
bot-month-title = <b>The sky in { $month }</b>
bot-eclipses-title = <b>Coming eclipses</b>
bot-eclipses-share-location = Share your location to learn which eclipses you can see from your place.
bot-eclipse-visible = Visible from your place.
bot-eclipse-visible-between = Visible from your place from { $start } to { $end }.
bot-eclipse-not-visible = Not visible from your place.
bot-today-title = <b>Today, { $date }</b>
bot-today-moon = Moon: { $phase }, { $illumination } lit
bot-today-sunrise = Sunrise: { $time }
bot-today-sunset = Sunset: { $time }
bot-today-moonrise = Moonrise: { $time }
bot-today-moonset = Moonset: { $time }
bot-today-none = none today
bot-today-no-location = Share your location to see sunrise, sunset, moonrise and moonset for your place.
bot-today-events = <b>Events today</b>
bot-today-no-events = No special events today.
bot-moon-phase-new = new moon
bot-moon-phase-waxing-crescent = waxing crescent
bot-moon-phase-first-quarter = first quarter
bot-moon-phase-waxing-gibbous = waxing gibbous
bot-moon-phase-full = full moon
bot-moon-phase-waning-gibbous = waning gibbous
bot-moon-phase-last-quarter = last quarter
bot-moon-phase-waning-crescent = waning crescent

bot-link-confirm = Link this Telegram account to the web account <b>{ $account }</b>? Only press “{ bot-link-yes }” if you asked for this link yourself.
bot-link-yes = Yes, link them
bot-link-no = No
bot-link-done = Done: this Telegram account is now linked to <b>{ $account }</b>.
bot-link-cancelled = Linking cancelled. Nothing was changed.
bot-link-howto = To link a web account you already have, sign in at { $url }, open “{ page-settings }” and press “{ page-settings-telegram-link }”. You'll come back here with a link to confirm. To open the calendar right away, use /calendar.
bot-calendar-link = Your personal sign-in link to the web calendar: { $url }
    It works once, for 15 minutes. Don't share it.
bot-calendar-open = Open the calendar
bot-calendar-mini-app = Open in Telegram

bot-gate-required =
    { $feature ->
        [calendar] The web calendar is for members of { $channel }.
       *[reminders] Personal reminders are for members of { $channel }.
    } Join the channel, then press “{ bot-gate-joined }”.
bot-gate-open-channel = Open the channel
bot-gate-joined = I've joined
bot-gate-still-not-member = I can't see you in the channel yet. Join it first, then press the button again.
bot-gate-welcome = Thank you for joining!
bot-gate-reminders-on = Your personal reminders are on.
bot-admin-gate-broken = I can't check membership of { $channel }: { $reason }. Please make me an administrator of the channel. Until then everyone can use the members' features.

bot-help =
    <b>{ -brand }</b> keeps the calendar of the sky for you.
    /next: the next few events
    /today: the Moon and today's sky
    /month: this month's events
    /eclipses: the coming eclipses
    /calendar: the web calendar
    /settings: language, time zone and reminders
    /language: change the language
    /link: link a web account
bot-unknown-command = I don't know this command. Send /help to see what I can do.
bot-not-understood = I didn't understand that. Send /help to see what I can do.
bot-stale-button = This button no longer works. Please use the latest message.
bot-throttled = Not so fast, please: I'll keep up in a moment.
bot-error = Sorry, something went wrong on my side. Please try again in a moment.

bot-command-next = The next events in the sky
bot-command-today = The Moon and today's sky
bot-command-month = This month's events
bot-command-eclipses = The coming eclipses
bot-command-calendar = Open the web calendar
bot-command-settings = Language, time zone and reminders
bot-command-language = Change the language
bot-command-link = Link a web account
bot-command-help = What I can do

bot-stats =
    <b>Statistics</b>
    Users: { $users }
    Members: { $members }
    Blocked the bot: { $blocked }
    Languages: { $languages }
    Deliveries pending: { $pending }
    Deliveries failed: { $failed }
bot-broadcast-usage = Send /broadcast followed by the text, or /broadcast ru followed by the text for one language only.
bot-broadcast-everyone = everyone
bot-broadcast-preview =
    <b>Preview</b> for { $audience } ({ $count ->
        [one] { $count } recipient
       *[other] { $count } recipients
    }). Send it?
bot-broadcast-send = Send
bot-broadcast-cancelled = Broadcast cancelled.
bot-broadcast-queued =
    { $count ->
        [one] Broadcast queued for { $count } recipient.
       *[other] Broadcast queued for { $count } recipients.
    }
bot-command-stats = Statistics for admins
bot-command-broadcast = Send an announcement to users
