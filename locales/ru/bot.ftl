# Телеграм-бот: знакомство, настройки, команды о небе, привязка, проверка подписки, админка.
# Сообщения уходят как HTML Телеграма: только <b>, <i> и <a>; никаких одиночных амперсандов.

bot-welcome = Здравствуйте, { $name }! Я { -brand }, ваш календарь неба: фазы Луны, затмения, равноденствия и планеты — по вашему времени.
bot-welcome-back = С возвращением! /next покажет ближайшие события, /today — небо сегодня, а в /settings можно всё изменить.
bot-language-prompt = На каком языке мне с вами говорить?
bot-tz-prompt = Теперь часовой пояс, чтобы всё время я показывал по-вашему. Отправьте геопозицию кнопкой ниже (так я ещё и подскажу, что видно из вашего места), напишите название своего города или выберите смещение от UTC.
bot-tz-share-location = 📍 Отправить геопозицию
bot-tz-offset-button = 🕐 Выбрать смещение от UTC
bot-tz-placeholder = Напишите свой город
bot-tz-offset-prompt = Выберите смещение от UTC:
bot-tz-matches = Вот что я нашёл. Выберите свой город:
bot-tz-no-match = Не нашёл город «{ $query }». Попробуйте ближайший крупный город, отправьте геопозицию или выберите смещение от UTC:
bot-tz-polar = У полюса сходятся все часовые пояса, поэтому по геопозиции я ваш не определю. Место я сохранил; выберите, пожалуйста, смещение от UTC:
bot-tz-city-set = Ваше место: { $place }, сейчас { $time }. По координатам этого города я буду считать восходы, заходы и то, что видно у вас; если нужна точность, отправьте геопозицию в любой момент.
bot-zone-city = { $city } ({ $offset }), сейчас { $time }
bot-zone-offset = { $offset }, сейчас { $time }
bot-kinds-prompt = О чём вам напоминать? Нажимайте, чтобы включить или выключить, затем «{ common-done }».
bot-leads-prompt = За сколько до события напоминать? Выберите один или несколько вариантов, затем «{ common-done }».
bot-lead-before = За { $span }
bot-lead-at-event = В момент события
bot-use-buttons = Пожалуйста, воспользуйтесь кнопками в сообщении выше.
bot-step-finished = Этот шаг уже пройден. Чтобы что-то изменить, отправьте /settings.
bot-location-cleared = Я удалил вашу геопозицию: время там не совпадает с выбранным смещением. Поделитесь ею снова, когда захотите.
bot-onboarding-done = Всё готово! Загляните в /next — там ближайшие события.

bot-kind-full-moon = Полнолуние
bot-kind-new-moon = Новолуние
bot-kind-quarters = Первая и последняя четверть
bot-kind-supermoon = Суперлуния
bot-kind-eclipses = Затмения
bot-kind-seasons = Равноденствия и солнцестояния
bot-kind-meteors = Метеорные потоки
bot-kind-planets = Лучшая видимость планет
bot-kind-conjunctions = Луна рядом с планетой

bot-settings-language = 🌐 Язык
bot-settings-timezone = 🕐 Часовой пояс
bot-settings-kinds = 🔔 Напоминания
bot-settings-leads = ⏳ Как заранее

bot-summary-title = <b>Ваши настройки</b>
bot-summary-language = Язык: { $language }
bot-summary-timezone = Часовой пояс: { $zone }
bot-summary-location = Место: { $latitude }, { $longitude }
bot-summary-no-location = Место: не указано
bot-latitude-north = { $degrees }° с. ш.
bot-latitude-south = { $degrees }° ю. ш.
bot-longitude-east = { $degrees }° в. д.
bot-longitude-west = { $degrees }° з. д.
bot-summary-reminders = Напоминания: { $kinds }
bot-summary-reminders-off = выключены
bot-summary-leads = Когда напоминать: { $leads }

bot-event-line = <b>{ $title }</b>
    { $when } ({ $relative })
bot-next-title = <b>Скоро на небе</b>
bot-no-events = За этот период событий нет.
bot-month-title = <b>Небо: { $month }</b>
bot-eclipses-title = <b>Ближайшие затмения</b>
bot-eclipses-share-location = Отправьте геопозицию, и я скажу, какие затмения видны из вашего места.
bot-eclipse-visible = Видно из вашего места.
bot-eclipse-visible-between = Видно из вашего места с { $start } до { $end }.
bot-eclipse-not-visible = Из вашего места не видно.
bot-today-title = <b>Сегодня, { $date }</b>
bot-today-moon = Луна: { $phase }, освещена на { $illumination }
bot-today-sunrise = Восход Солнца: { $time }
bot-today-sunset = Заход Солнца: { $time }
bot-today-moonrise = Восход Луны: { $time }
bot-today-moonset = Заход Луны: { $time }
bot-today-none = сегодня нет
bot-today-no-location = Отправьте геопозицию, чтобы видеть восход и заход Солнца и Луны для вашего места.
bot-today-events = <b>События сегодня</b>
bot-today-no-events = Сегодня особых событий нет.
bot-moon-phase-new = новолуние
bot-moon-phase-waxing-crescent = растущий серп
bot-moon-phase-first-quarter = первая четверть
bot-moon-phase-waxing-gibbous = растущая Луна
bot-moon-phase-full = полнолуние
bot-moon-phase-waning-gibbous = убывающая Луна
bot-moon-phase-last-quarter = последняя четверть
bot-moon-phase-waning-crescent = убывающий серп

bot-link-confirm = Привязать этот аккаунт Телеграма к веб-аккаунту <b>{ $account }</b>? Нажимайте «{ bot-link-yes }», только если сами запросили эту ссылку.
bot-link-yes = Да, привязать
bot-link-no = Нет
bot-link-done = Готово: этот аккаунт Телеграма привязан к <b>{ $account }</b>.
bot-link-cancelled = Привязка отменена. Ничего не изменилось.
bot-link-howto = Чтобы привязать уже существующий веб-аккаунт, войдите на { $url }, откройте «{ page-settings }» и нажмите «{ page-settings-telegram-link }». Вы вернётесь сюда со ссылкой для подтверждения. Открыть календарь прямо сейчас можно командой /calendar.
bot-calendar-link = Ваша личная ссылка для входа в веб-календарь: { $url }
    Она работает один раз в течение 15 минут. Никому её не передавайте.
bot-calendar-open = Открыть календарь
bot-calendar-mini-app = Открыть в Телеграме

bot-gate-required =
    { $feature ->
        [calendar] Веб-календарь доступен подписчикам { $channel }.
       *[reminders] Личные напоминания доступны подписчикам { $channel }.
    } Подпишитесь на канал и нажмите «{ bot-gate-joined }».
bot-gate-open-channel = Открыть канал
bot-gate-joined = Я подписался
bot-gate-still-not-member = Пока не вижу вас в канале. Сначала подпишитесь, потом нажмите кнопку ещё раз.
bot-gate-welcome = Спасибо за подписку!
bot-gate-reminders-on = Личные напоминания включены.
bot-admin-gate-broken = Не могу проверить подписку на { $channel }: { $reason }. Сделайте меня администратором канала. Пока это не исправлено, функции для подписчиков открыты всем.

bot-help =
    <b>{ -brand }</b> ведёт для вас календарь неба.
    /next — ближайшие события
    /today — Луна и небо сегодня
    /month — события этого месяца
    /eclipses — ближайшие затмения
    /calendar — веб-календарь
    /settings — язык, часовой пояс и напоминания
    /language — сменить язык
    /link — привязать веб-аккаунт
bot-unknown-command = Такой команды я не знаю. Отправьте /help, чтобы узнать, что я умею.
bot-not-understood = Я не понял. Отправьте /help, чтобы узнать, что я умею.
bot-stale-button = Эта кнопка больше не работает. Воспользуйтесь последним сообщением.
bot-throttled = Не так быстро, пожалуйста: сейчас всё успею.
bot-error = Простите, у меня что-то пошло не так. Попробуйте ещё раз через минуту.

bot-command-next = Ближайшие события на небе
bot-command-today = Луна и небо сегодня
bot-command-month = События этого месяца
bot-command-eclipses = Ближайшие затмения
bot-command-calendar = Открыть веб-календарь
bot-command-settings = Язык, часовой пояс и напоминания
bot-command-language = Сменить язык
bot-command-link = Привязать веб-аккаунт
bot-command-help = Что я умею
bot-command-stats = Статистика для админов
bot-command-broadcast = Разослать объявление

bot-stats =
    <b>Статистика</b>
    Пользователей: { $users }
    Подписчиков: { $members }
    Заблокировали бота: { $blocked }
    Языки: { $languages }
    Доставок в очереди: { $pending }
    Неудачных доставок: { $failed }
bot-broadcast-usage = Отправьте /broadcast и текст после команды, или /broadcast ru и текст — только для одного языка.
bot-broadcast-everyone = всех
bot-broadcast-preview = <b>Предпросмотр</b> для: { $audience } (получателей: { NUMBER($count) }). Отправить?
bot-broadcast-send = Отправить
bot-broadcast-cancelled = Рассылка отменена.
bot-broadcast-queued = Рассылка поставлена в очередь, получателей: { NUMBER($count) }.
