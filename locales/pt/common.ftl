# Palavras e frases usadas pelo bot, pelo site e pelas publicações dos canais.

-brand = StarsCalendars

common-app-name = { -brand }
common-tagline = O calendário do céu, no seu idioma e no seu fuso horário
common-yes = Sim
common-no = Não
common-back = Voltar
common-cancel = Cancelar
common-close = Fechar
common-save = Salvar
common-done = Concluído
common-next = Próximo
common-more = Mostrar mais
common-settings = Configurações
common-language = Idioma
common-timezone = Fuso horário
common-location = Localização
common-hemisphere = Hemisfério
common-hemisphere-north = Hemisfério Norte
common-hemisphere-south = Hemisfério Sul
common-language-set = Idioma alterado para { $language }.
common-timezone-set = Fuso horário alterado para { $timezone }.
common-events-count =
    { $count ->
        [0] Nenhum evento
        [one] { $count } evento
        [many] { $count } de eventos
       *[other] { $count } eventos
    }
common-week-summary =
    { $count ->
        [0] { $name }, o céu está tranquilo esta semana.
        [one] { $name }, esta semana há { $count } evento no céu.
        [many] { $name }, esta semana há { $count } de eventos no céu.
       *[other] { $name }, esta semana há { $count } eventos no céu.
    }
common-days =
    { $count ->
        [one] { $count } dia
        [many] { $count } de dias
       *[other] { $count } dias
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
