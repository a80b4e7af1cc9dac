# Words and phrases shared by the bot, the web page and channel posts.

-brand = StarsCalendars

common-app-name = { -brand }
common-tagline = The sky's calendar, in your language and your time zone
common-yes = Yes
common-no = No
common-back = Back
common-cancel = Cancel
common-close = Close
common-save = Save
common-done = Done
common-next = Next
common-more = Show more
common-settings = Settings
common-language = Language
common-timezone = Time zone
common-location = Location
common-hemisphere = Hemisphere
common-hemisphere-north = Northern Hemisphere
common-hemisphere-south = Southern Hemisphere
common-language-set = Language set to { $language }.
common-timezone-set = Time zone set to { $timezone }.
common-events-count =
    { $count ->
        [0] No events
        [one] { $count } event
       *[other] { $count } events
    }
common-week-summary =
    { $count ->
        [0] { $name }, the sky is quiet this week.
        [one] { $name }, there is { $count } sky event this week.
       *[other] { $name }, there are { $count } sky events this week.
    }
common-days =
    { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
common-hours =
    { $count ->
        [one] { $count } hour
       *[other] { $count } hours
    }
common-minutes =
    { $count ->
        [one] { $count } minute
       *[other] { $count } minutes
    }
