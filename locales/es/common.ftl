# Palabras y frases compartidas por el bot, la web y las publicaciones de los canales.

-brand = StarsCalendars

common-app-name = { -brand }
common-tagline = El calendario del cielo, en tu idioma y tu zona horaria
common-yes = Sí
common-no = No
common-back = Atrás
common-cancel = Cancelar
common-close = Cerrar
common-save = Guardar
common-done = Listo
common-next = Siguiente
common-more = Ver más
common-settings = Ajustes
common-language = Idioma
common-timezone = Zona horaria
common-location = Ubicación
common-hemisphere = Hemisferio
common-hemisphere-north = Hemisferio norte
common-hemisphere-south = Hemisferio sur
common-language-set = Idioma cambiado a { $language }.
common-timezone-set = Zona horaria cambiada a { $timezone }.
common-events-count =
    { $count ->
        [0] No hay eventos
        [one] { $count } evento
        [many] { $count } de eventos
       *[other] { $count } eventos
    }
common-week-summary =
    { $count ->
        [0] { $name }, esta semana el cielo está tranquilo.
        [one] { $name }, esta semana hay { $count } evento en el cielo.
        [many] { $name }, esta semana hay { $count } de eventos en el cielo.
       *[other] { $name }, esta semana hay { $count } eventos en el cielo.
    }
common-days =
    { $count ->
        [one] { $count } día
        [many] { $count } de días
       *[other] { $count } días
    }
common-hours =
    { $count ->
        [one] { $count } hora
        [many] { $count } de horas
       *[other] { $count } horas
    }
common-minutes =
    { $count ->
        [one] { $count } minuto
        [many] { $count } de minutos
       *[other] { $count } minutos
    }
