# O bot do Telegram: boas-vindas, configurações, comandos do céu, vinculação, canal de membros e administração.
# As mensagens vão como HTML do Telegram: só <b>, <i> e <a>; nunca um "e comercial" solto.

bot-welcome = Olá, { $name }! Eu sou o { -brand }, seu calendário do céu: fases da Lua, eclipses, equinócios e planetas, no seu fuso horário.
bot-welcome-back = Que bom ver você de novo! Use /next para os próximos eventos, /today para o céu de hoje ou /settings para mudar o que quiser.
bot-language-prompt = Em que idioma devo falar com você?
bot-tz-prompt = Agora o seu fuso horário, para que todo horário que eu mostrar seja o seu. Compartilhe sua localização pelo botão abaixo (assim também posso dizer o que dá para ver do seu lugar), digite o nome da sua cidade ou escolha uma diferença em relação ao UTC.
bot-tz-share-location = 📍 Compartilhar minha localização
bot-tz-offset-button = 🕐 Escolher diferença do UTC
bot-tz-placeholder = Digite sua cidade
bot-tz-offset-prompt = Escolha sua diferença em relação ao UTC:
bot-tz-matches = Foi isto que encontrei. Escolha sua cidade:
bot-tz-no-match = Não encontrei nenhuma cidade chamada “{ $query }”. Tente a cidade grande mais próxima, compartilhe sua localização ou escolha uma diferença do UTC:
bot-tz-polar = Perto do polo todos os fusos se encontram, então não consigo descobrir o seu pela localização. Guardei o lugar; escolha sua diferença do UTC, por favor:
bot-tz-city-set = Seu lugar: { $place }, agora são { $time }. Vou usar a posição desta cidade para os horários de nascer e pôr e para saber o que é visível daí; compartilhe sua localização quando quiser mais precisão.
bot-zone-city = { $city } ({ $offset }), agora são { $time }
bot-zone-offset = { $offset }, agora são { $time }
bot-kinds-prompt = Sobre o que você quer lembretes? Toque para ligar ou desligar cada um e depois em “{ common-done }”.
bot-leads-prompt = Com quanta antecedência devo avisar? Escolha uma ou mais opções e depois toque em “{ common-done }”.
bot-lead-before = { $span } antes
bot-lead-at-event = Na hora do evento
bot-use-buttons = Use os botões da mensagem acima, por favor.
bot-step-finished = Esta etapa já foi concluída. Envie /settings para mudar o que quiser.
bot-location-cleared = Removi a sua localização compartilhada: a hora lá não corresponde a este fuso. Compartilhe-a de novo quando quiser.
bot-onboarding-done = Tudo pronto! Experimente /next para ver o que vem por aí.

bot-kind-full-moon = Lua cheia
bot-kind-new-moon = Lua nova
bot-kind-quarters = Quarto crescente e minguante
bot-kind-supermoon = Superluas
bot-kind-eclipses = Eclipses solares e lunares
bot-kind-seasons = Equinócios e solstícios
bot-kind-meteors = Chuvas de meteoros
bot-kind-planets = Planetas no seu melhor momento
bot-kind-conjunctions = A Lua perto de um planeta

bot-settings-language = 🌐 Idioma
bot-settings-timezone = 🕐 Fuso horário
bot-settings-kinds = 🔔 Lembretes
bot-settings-leads = ⏳ Antecedência

bot-summary-title = <b>Suas configurações</b>
bot-summary-language = Idioma: { $language }
bot-summary-timezone = Fuso horário: { $zone }
bot-summary-location = Localização: { $latitude }, { $longitude }
bot-summary-no-location = Localização: não compartilhada
bot-latitude-north = { $degrees }° N
bot-latitude-south = { $degrees }° S
bot-longitude-east = { $degrees }° L
bot-longitude-west = { $degrees }° O
bot-summary-reminders = Lembretes: { $kinds }
bot-summary-reminders-off = desligados
bot-summary-leads = Avisar: { $leads }

bot-event-line = <b>{ $title }</b>
    { $when } ({ $relative })
bot-next-title = <b>Em breve no céu</b>
bot-no-events = Não há eventos neste período.
bot-month-title = <b>O céu em { $month }</b>
bot-eclipses-title = <b>Próximos eclipses</b>
bot-eclipses-share-location = Compartilhe sua localização para saber quais eclipses dá para ver do seu lugar.
bot-eclipse-visible = Visível do seu lugar.
bot-eclipse-visible-between = Visível do seu lugar das { $start } às { $end }.
bot-eclipse-not-visible = Não é visível do seu lugar.
bot-today-title = <b>Hoje, { $date }</b>
bot-today-moon = Lua: { $phase }, { $illumination } iluminada
bot-today-sunrise = Nascer do Sol: { $time }
bot-today-sunset = Pôr do Sol: { $time }
bot-today-moonrise = Nascer da Lua: { $time }
bot-today-moonset = Pôr da Lua: { $time }
bot-today-none = hoje não há
bot-today-no-location = Compartilhe sua localização para ver o nascer e o pôr do Sol e da Lua no seu lugar.
bot-today-events = <b>Eventos de hoje</b>
bot-today-no-events = Nenhum evento especial hoje.
bot-moon-phase-new = lua nova
bot-moon-phase-waxing-crescent = lua crescente
bot-moon-phase-first-quarter = quarto crescente
bot-moon-phase-waxing-gibbous = crescente gibosa
bot-moon-phase-full = lua cheia
bot-moon-phase-waning-gibbous = minguante gibosa
bot-moon-phase-last-quarter = quarto minguante
bot-moon-phase-waning-crescent = lua minguante

bot-link-confirm = Vincular esta conta do Telegram à conta web <b>{ $account }</b>? Só toque em “{ bot-link-yes }” se foi você mesmo quem pediu este link.
bot-link-yes = Sim, vincular
bot-link-no = Não
bot-link-done = Pronto: esta conta do Telegram agora está vinculada a <b>{ $account }</b>.
bot-link-cancelled = Vinculação cancelada. Nada foi alterado.
bot-link-howto = Para vincular uma conta web que você já tem, entre em { $url }, abra “{ page-settings }” e toque em “{ page-settings-telegram-link }”. Você voltará aqui com um link para confirmar. Para abrir o calendário agora mesmo, use /calendar.
bot-calendar-link = Seu link pessoal de acesso ao calendário web: { $url }
    Ele funciona uma única vez, por 15 minutos. Não compartilhe.
bot-calendar-open = Abrir o calendário
bot-calendar-mini-app = Abrir no Telegram

bot-gate-required =
    { $feature ->
        [calendar] O calendário web é para membros de { $channel }.
       *[reminders] Os lembretes pessoais são para membros de { $channel }.
    } Entre no canal e depois toque em “{ bot-gate-joined }”.
bot-gate-open-channel = Abrir o canal
bot-gate-joined = Já entrei
bot-gate-still-not-member = Ainda não vejo você no canal. Entre primeiro e depois toque no botão de novo.
bot-gate-welcome = Obrigado por entrar!
bot-gate-reminders-on = Seus lembretes pessoais estão ligados.
bot-admin-gate-broken = Não consigo verificar os membros de { $channel }: { $reason }. Por favor, torne-me administrador do canal. Até lá, todos podem usar os recursos de membros.

bot-help =
    <b>{ -brand }</b> cuida do calendário do céu para você.
    /next: os próximos eventos
    /today: a Lua e o céu de hoje
    /month: os eventos deste mês
    /eclipses: os próximos eclipses
    /calendar: o calendário web
    /settings: idioma, fuso horário e lembretes
    /language: mudar o idioma
    /link: vincular uma conta web
bot-unknown-command = Não conheço esse comando. Envie /help para ver o que eu sei fazer.
bot-not-understood = Não entendi. Envie /help para ver o que eu sei fazer.
bot-stale-button = Este botão não funciona mais. Use a mensagem mais recente, por favor.
bot-throttled = Mais devagar, por favor: já já eu alcanço você.
bot-error = Desculpe, algo deu errado do meu lado. Tente de novo daqui a pouco.

bot-command-next = Os próximos eventos no céu
bot-command-today = A Lua e o céu de hoje
bot-command-month = Os eventos deste mês
bot-command-eclipses = Os próximos eclipses
bot-command-calendar = Abrir o calendário web
bot-command-settings = Idioma, fuso horário e lembretes
bot-command-language = Mudar o idioma
bot-command-link = Vincular uma conta web
bot-command-help = O que eu sei fazer
bot-command-stats = Estatísticas para administradores
bot-command-broadcast = Enviar um aviso aos usuários

bot-stats =
    <b>Estatísticas</b>
    Usuários: { $users }
    Membros: { $members }
    Bloquearam o bot: { $blocked }
    Idiomas: { $languages }
    Envios pendentes: { $pending }
    Envios com falha: { $failed }
bot-broadcast-usage = Envie /broadcast seguido do texto, ou /broadcast ru seguido do texto para um só idioma.
bot-broadcast-everyone = todos
bot-broadcast-preview =
    <b>Prévia</b> para { $audience } ({ $count ->
        [one] { $count } destinatário
        [many] { $count } de destinatários
       *[other] { $count } destinatários
    }). Enviar?
bot-broadcast-send = Enviar
bot-broadcast-cancelled = Aviso cancelado.
bot-broadcast-queued =
    { $count ->
        [one] Aviso na fila para { $count } destinatário.
        [many] Aviso na fila para { $count } de destinatários.
       *[other] Aviso na fila para { $count } destinatários.
    }
