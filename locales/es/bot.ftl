# El bot de Telegram: bienvenida, ajustes, comandos del cielo, vinculación, canal de miembros y administración.
# Los mensajes se envían como HTML de Telegram: solo <b>, <i> y <a>; nunca un ampersand suelto.

bot-welcome = ¡Hola, { $name }! Soy { -brand }, tu calendario del cielo: fases de la Luna, eclipses, equinoccios y planetas, en tu zona horaria.
bot-welcome-back = ¡Qué bueno verte de nuevo! Usa /next para los próximos eventos, /today para el cielo de hoy o /settings para cambiar lo que quieras.
bot-language-prompt = ¿En qué idioma quieres que te hable?
bot-tz-prompt = Ahora tu zona horaria, para que todas las horas que te muestre sean las tuyas. Comparte tu ubicación con el botón de abajo (así también te diré qué se ve desde tu lugar), escribe el nombre de tu ciudad o elige una diferencia con UTC.
bot-tz-share-location = 📍 Compartir mi ubicación
bot-tz-offset-button = 🕐 Elegir diferencia con UTC
bot-tz-placeholder = Escribe tu ciudad
bot-tz-offset-prompt = Elige tu diferencia con UTC:
bot-tz-matches = Esto es lo que encontré. Elige tu ciudad:
bot-tz-no-match = No encontré ninguna ciudad llamada «{ $query }». Prueba con la ciudad grande más cercana, comparte tu ubicación o elige una diferencia con UTC:
bot-tz-polar = Cerca del polo se juntan todas las zonas horarias, así que no puedo deducir la tuya por la ubicación. Guardé el lugar; elige tu diferencia con UTC, por favor:
bot-tz-city-set = Tu lugar: { $place }, ahora son las { $time }. Usaré la posición de esta ciudad para las horas de salida y puesta y para saber qué se ve desde allí; comparte tu ubicación cuando quieras más precisión.
bot-zone-city = { $city } ({ $offset }), ahora son las { $time }
bot-zone-offset = { $offset }, ahora son las { $time }
bot-kinds-prompt = ¿Sobre qué quieres recordatorios? Toca cada opción para activarla o desactivarla y luego pulsa «{ common-done }».
bot-leads-prompt = ¿Con cuánta antelación te aviso? Elige una o varias opciones y luego pulsa «{ common-done }».
bot-lead-before = { $span } antes
bot-lead-at-event = En el momento
bot-use-buttons = Usa los botones del mensaje de arriba, por favor.
bot-step-finished = Este paso ya está hecho. Envía /settings para cambiar lo que quieras.
bot-location-cleared = He quitado tu ubicación compartida: allí la hora no coincide con este desfase. Compártela de nuevo cuando quieras.
bot-onboarding-done = ¡Todo listo! Prueba /next para ver lo que viene.

bot-kind-full-moon = Luna llena
bot-kind-new-moon = Luna nueva
bot-kind-quarters = Cuarto creciente y menguante
bot-kind-supermoon = Superlunas
bot-kind-eclipses = Eclipses de Sol y de Luna
bot-kind-seasons = Equinoccios y solsticios
bot-kind-meteors = Lluvias de meteoros
bot-kind-planets = Planetas en su mejor momento
bot-kind-conjunctions = La Luna junto a un planeta

bot-settings-language = 🌐 Idioma
bot-settings-timezone = 🕐 Zona horaria
bot-settings-kinds = 🔔 Recordatorios
bot-settings-leads = ⏳ Antelación

bot-summary-title = <b>Tus ajustes</b>
bot-summary-language = Idioma: { $language }
bot-summary-timezone = Zona horaria: { $zone }
bot-summary-location = Ubicación: { $latitude }, { $longitude }
bot-summary-no-location = Ubicación: sin compartir
bot-latitude-north = { $degrees }° N
bot-latitude-south = { $degrees }° S
bot-longitude-east = { $degrees }° E
bot-longitude-west = { $degrees }° O
bot-summary-reminders = Recordatorios: { $kinds }
bot-summary-reminders-off = desactivados
bot-summary-leads = Aviso: { $leads }

bot-event-line = <b>{ $title }</b>
    { $when } ({ $relative })
bot-next-title = <b>Próximamente en el cielo</b>
bot-no-events = No hay eventos en este período.
bot-month-title = <b>El cielo en { $month }</b>
bot-eclipses-title = <b>Próximos eclipses</b>
bot-eclipses-share-location = Comparte tu ubicación para saber qué eclipses podrás ver desde tu lugar.
bot-eclipse-visible = Visible desde tu lugar.
bot-eclipse-visible-between = Visible desde tu lugar de { $start } a { $end }.
bot-eclipse-not-visible = No se ve desde tu lugar.
bot-today-title = <b>Hoy, { $date }</b>
bot-today-moon = Luna: { $phase }, iluminada al { $illumination }
bot-today-sunrise = Salida del Sol: { $time }
bot-today-sunset = Puesta del Sol: { $time }
bot-today-moonrise = Salida de la Luna: { $time }
bot-today-moonset = Puesta de la Luna: { $time }
bot-today-none = hoy no hay
bot-today-no-location = Comparte tu ubicación para ver la salida y la puesta del Sol y de la Luna en tu lugar.
bot-today-events = <b>Eventos de hoy</b>
bot-today-no-events = Hoy no hay eventos especiales.
bot-moon-phase-new = luna nueva
bot-moon-phase-waxing-crescent = luna creciente
bot-moon-phase-first-quarter = cuarto creciente
bot-moon-phase-waxing-gibbous = gibosa creciente
bot-moon-phase-full = luna llena
bot-moon-phase-waning-gibbous = gibosa menguante
bot-moon-phase-last-quarter = cuarto menguante
bot-moon-phase-waning-crescent = luna menguante

bot-link-confirm = ¿Vincular esta cuenta de Telegram con la cuenta web <b>{ $account }</b>? Pulsa «{ bot-link-yes }» solo si pediste este enlace tú mismo.
bot-link-yes = Sí, vincular
bot-link-no = No, gracias
bot-link-done = Listo: esta cuenta de Telegram ya está vinculada con <b>{ $account }</b>.
bot-link-cancelled = Vinculación cancelada. No se cambió nada.
bot-link-howto = Para vincular una cuenta web que ya tienes, inicia sesión en { $url }, abre «{ page-settings }» y pulsa «{ page-settings-telegram-link }». Volverás aquí con un enlace para confirmar. Para abrir el calendario ahora mismo, usa /calendar.
bot-calendar-link = Tu enlace personal para entrar al calendario web: { $url }
    Funciona una sola vez, durante 15 minutos. No lo compartas.
bot-calendar-open = Abrir el calendario
bot-calendar-mini-app = Abrir en Telegram

bot-gate-required =
    { $feature ->
        [calendar] El calendario web es para los miembros de { $channel }.
       *[reminders] Los recordatorios personales son para los miembros de { $channel }.
    } Únete al canal y luego pulsa «{ bot-gate-joined }».
bot-gate-open-channel = Abrir el canal
bot-gate-joined = Ya me uní
bot-gate-still-not-member = Todavía no te veo en el canal. Únete primero y luego vuelve a pulsar el botón.
bot-gate-welcome = ¡Gracias por unirte!
bot-gate-reminders-on = Tus recordatorios personales están activados.
bot-admin-gate-broken = No puedo comprobar quién es miembro de { $channel }: { $reason }. Hazme administrador del canal, por favor. Mientras tanto, cualquiera puede usar las funciones para miembros.

bot-help =
    <b>{ -brand }</b> lleva para ti el calendario del cielo.
    /next: los próximos eventos
    /today: la Luna y el cielo de hoy
    /month: los eventos de este mes
    /eclipses: los próximos eclipses
    /calendar: el calendario web
    /settings: idioma, zona horaria y recordatorios
    /language: cambiar el idioma
    /link: vincular una cuenta web
bot-unknown-command = No conozco ese comando. Envía /help para ver lo que sé hacer.
bot-not-understood = No te he entendido. Envía /help para ver lo que sé hacer.
bot-stale-button = Este botón ya no funciona. Usa el mensaje más reciente, por favor.
bot-throttled = Más despacio, por favor: enseguida te sigo.
bot-error = Lo siento, algo ha fallado por mi parte. Vuelve a intentarlo en un momento.

bot-command-next = Los próximos eventos del cielo
bot-command-today = La Luna y el cielo de hoy
bot-command-month = Los eventos de este mes
bot-command-eclipses = Los próximos eclipses
bot-command-calendar = Abrir el calendario web
bot-command-settings = Idioma, zona horaria y recordatorios
bot-command-language = Cambiar el idioma
bot-command-link = Vincular una cuenta web
bot-command-help = Lo que sé hacer
bot-command-stats = Estadísticas para administradores
bot-command-broadcast = Enviar un anuncio a los usuarios

bot-stats =
    <b>Estadísticas</b>
    Usuarios: { $users }
    Miembros: { $members }
    Bloquearon el bot: { $blocked }
    Idiomas: { $languages }
    Envíos pendientes: { $pending }
    Envíos fallidos: { $failed }
bot-broadcast-usage = Envía /broadcast seguido del texto, o /broadcast ru seguido del texto para un solo idioma.
bot-broadcast-everyone = todos
bot-broadcast-preview =
    <b>Vista previa</b> para { $audience } ({ $count ->
        [one] { $count } destinatario
        [many] { $count } de destinatarios
       *[other] { $count } destinatarios
    }). ¿La envío?
bot-broadcast-send = Enviar
bot-broadcast-cancelled = Anuncio cancelado.
bot-broadcast-queued =
    { $count ->
        [one] Anuncio en cola para { $count } destinatario.
        [many] Anuncio en cola para { $count } de destinatarios.
       *[other] Anuncio en cola para { $count } destinatarios.
    }
