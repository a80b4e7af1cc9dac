# Слова и фразы, общие для бота, сайта и постов в каналах.

-brand = StarsCalendars

common-app-name = { -brand }
common-tagline = Календарь неба на вашем языке и в вашем часовом поясе
common-yes = Да
common-no = Нет
common-back = Назад
common-cancel = Отмена
common-close = Закрыть
common-save = Сохранить
common-done = Готово
common-next = Далее
common-more = Показать ещё
common-settings = Настройки
common-language = Язык
common-timezone = Часовой пояс
common-location = Местоположение
common-hemisphere = Полушарие
common-hemisphere-north = Северное полушарие
common-hemisphere-south = Южное полушарие
common-language-set = Язык интерфейса: { $language }.
common-timezone-set = Часовой пояс: { $timezone }.
common-events-count =
    { $count ->
        [0] Событий нет
        [one] { $count } событие
        [few] { $count } события
        [many] { $count } событий
       *[other] { $count } события
    }
common-week-summary =
    { $count ->
        [0] { $name }, на этой неделе на небе спокойно.
        [one] { $name }, на этой неделе на небе { $count } событие.
        [few] { $name }, на этой неделе на небе { $count } события.
        [many] { $name }, на этой неделе на небе { $count } событий.
       *[other] { $name }, на этой неделе на небе { $count } события.
    }
common-days =
    { $count ->
        [one] { $count } день
        [few] { $count } дня
        [many] { $count } дней
       *[other] { $count } дня
    }
common-hours =
    { $count ->
        [one] { $count } час
        [few] { $count } часа
        [many] { $count } часов
       *[other] { $count } часа
    }
common-minutes =
    { $count ->
        [one] { $count } минута
        [few] { $count } минуты
        [many] { $count } минут
       *[other] { $count } минуты
    }
