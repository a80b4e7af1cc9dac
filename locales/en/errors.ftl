# Messages for the platform's stable error codes: error-<code> with "_" written as "-".

error-invalid-json = The request body is not valid JSON.
error-validation-failed = Some of the data is not valid. Please check it and try again.
error-invalid-timezone = We don't recognise this time zone. Please choose one from the list, such as Europe/Berlin.
error-invalid-language = This language is not available. Please choose one of the ten languages we speak.
error-invalid-coordinates = These coordinates are not on the globe: latitude goes from -90 to 90, longitude from -180 to 180.
error-invalid-date-range = The start date must come before the end date.
error-date-out-of-range = This date is outside the years we can calculate ({ $supported }). Please choose a date closer to today.
error-range-too-large = This date range is too long. Please choose a shorter one.
error-unknown-event-kind = We don't know this kind of event.
error-not-found = We couldn't find what you were looking for.
error-unauthorized = Please sign in to continue.
error-token-expired = This link has expired. Please ask for a new one.
error-token-invalid = This link is not valid. Please ask for a new one.
error-token-used = This link has already been used. Please ask for a new one.
error-forbidden = You don't have access to this.
error-subscription-required = Please subscribe to { $channel } first, then try again.
error-rate-limited =
    { $seconds ->
        [one] Too many requests. Please try again in { $seconds } second.
       *[other] Too many requests. Please try again in { $seconds } seconds.
    }
error-body-too-large = The request is too large.
error-internal-error = Something went wrong on our side. Please try again in a moment.
error-invalid-credentials = The email or password is incorrect.
error-email-taken = An account with this email already exists.
error-weak-password = This password is too easy to guess. Please choose a longer one.
error-account-already-linked = This account is already linked to another Telegram account.
error-method-not-allowed = This action is not allowed here.
error-telegram-auth-invalid = We couldn't confirm your Telegram sign-in. Please try again from Telegram.
error-telegram-not-configured = Signing in with Telegram is not available right now.
error-telegram-unavailable = We can't reach Telegram right now. Please try again in a moment.
error-refresh-token-reused = For your safety, this session has ended. Please sign in again.
error-server-busy = The server is busy right now. Please try again in a moment.
error-account-deactivated = This account has been deactivated. Please contact support.
error-picture-unavailable = There is no picture for this event.
