# Сообщения для стабильных кодов ошибок платформы: error-<код>, где «_» заменено на «-».

error-invalid-json = Тело запроса содержит некорректный JSON.
error-validation-failed = Некоторые данные указаны неверно. Проверьте их и попробуйте ещё раз.
error-invalid-timezone = Мы не знаем такого часового пояса. Выберите пояс из списка, например Europe/Moscow.
error-invalid-language = Этот язык недоступен. Выберите один из десяти языков, на которых мы говорим.
error-invalid-coordinates = Таких координат нет на земном шаре: широта — от -90 до 90, долгота — от -180 до 180.
error-invalid-date-range = Дата начала должна быть раньше даты окончания.
error-date-out-of-range = Эта дата выходит за пределы лет, для которых мы умеем считать события ({ $supported }). Выберите дату поближе к сегодняшней.
error-range-too-large = Слишком длинный период. Выберите период покороче.
error-unknown-event-kind = Мы не знаем такого вида событий.
error-not-found = Ничего не нашлось.
error-unauthorized = Войдите, чтобы продолжить.
error-token-expired = Срок действия ссылки истёк. Запросите новую.
error-token-invalid = Эта ссылка недействительна. Запросите новую.
error-token-used = Эта ссылка уже использована. Запросите новую.
error-forbidden = У вас нет доступа.
error-subscription-required = Сначала подпишитесь на { $channel }, а затем попробуйте ещё раз.
error-rate-limited =
    { $seconds ->
        [one] Слишком много запросов. Попробуйте снова через { $seconds } секунду.
        [few] Слишком много запросов. Попробуйте снова через { $seconds } секунды.
        [many] Слишком много запросов. Попробуйте снова через { $seconds } секунд.
       *[other] Слишком много запросов. Попробуйте снова через { $seconds } секунды.
    }
error-body-too-large = Слишком большой запрос.
error-internal-error = У нас что-то пошло не так. Попробуйте ещё раз чуть позже.
error-invalid-credentials = Неверный адрес электронной почты или пароль.
error-email-taken = Аккаунт с таким адресом электронной почты уже существует.
error-weak-password = Этот пароль слишком легко подобрать. Придумайте пароль подлиннее.
error-account-already-linked = Этот аккаунт уже привязан к другому аккаунту Telegram.
error-method-not-allowed = Это действие здесь недоступно.
error-telegram-auth-invalid = Не удалось подтвердить вход через Telegram. Попробуйте ещё раз из Telegram.
error-telegram-not-configured = Вход через Telegram сейчас недоступен.
error-telegram-unavailable = Сейчас не удаётся связаться с Telegram. Попробуйте ещё раз чуть позже.
error-refresh-token-reused = В целях безопасности этот сеанс завершён. Войдите снова.
error-server-busy = Сервер сейчас перегружен. Пожалуйста, попробуйте чуть позже.
error-account-deactivated = Эта учётная запись отключена. Обратитесь в поддержку.
error-picture-unavailable = Для этого события нет изображения.
