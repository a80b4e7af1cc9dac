# Nomes e descrições curtas de eventos do céu, planetas, chuvas de meteoros, estações e
# signos do zodíaco. $planet e $shower são nomes já traduzidos.

event-new-moon = Lua nova
event-new-moon-desc = A Lua está entre a Terra e o Sol e não pode ser vista: as noites mais escuras para observar as estrelas.
event-first-quarter = Quarto crescente
event-first-quarter-desc = Metade da Lua está iluminada. Ela nasce por volta do meio-dia e brilha no céu do anoitecer.
event-full-moon = Lua cheia
event-full-moon-desc = A Lua está totalmente iluminada. Ela nasce ao pôr do sol e fica visível a noite toda.
event-last-quarter = Quarto minguante
event-last-quarter-desc = Metade da Lua está iluminada. Ela nasce por volta da meia-noite e é mais bem vista pela manhã.
event-supermoon =
    { $phase ->
        [new] Superlua nova
       *[full] Superlua
    }
event-supermoon-desc =
    { $phase ->
        [new] Uma lua nova perto da Terra: invisível, mas com marés mais altas que o normal.
       *[full] Uma lua cheia perto da Terra: ela parece um pouco maior e mais brilhante que o normal.
    }
event-micromoon =
    { $phase ->
        [new] Microlua nova
       *[full] Microlua
    }
event-micromoon-desc =
    { $phase ->
        [new] Uma lua nova longe da Terra: invisível, com marés mais fracas que o normal.
       *[full] Uma lua cheia longe da Terra: ela parece um pouco menor e mais apagada que o normal.
    }
event-lunar-perigee = Lua no perigeu
event-lunar-perigee-desc = A Lua está no ponto mais próximo da Terra nesta órbita.
event-lunar-apogee = Lua no apogeu
event-lunar-apogee-desc = A Lua está no ponto mais distante da Terra nesta órbita.
event-solar-eclipse =
    { $type ->
        [total] Eclipse solar total
        [annular] Eclipse solar anular
        [hybrid] Eclipse solar híbrido
        [partial] Eclipse solar parcial
       *[other] Eclipse solar
    }
event-solar-eclipse-desc =
    { $type ->
        [total] A Lua cobre o Sol por completo e, ao longo de uma faixa estreita, o dia vira crepúsculo.
        [annular] A Lua cobre o centro do Sol e deixa um anel brilhante em volta.
        [hybrid] Um eclipse raro: total em alguns lugares e anular em outros.
       *[other] A Lua cobre parte do Sol. Nunca olhe para o Sol sem óculos próprios para eclipse.
    }
event-lunar-eclipse =
    { $type ->
        [total] Eclipse lunar total
        [partial] Eclipse lunar parcial
        [penumbral] Eclipse lunar penumbral
       *[other] Eclipse lunar
    }
event-lunar-eclipse-desc =
    { $type ->
        [total] A Lua atravessa a sombra da Terra e fica vermelho-acobreada. Dá para observar a olho nu com segurança.
        [partial] Parte da Lua entra na sombra da Terra e parece escurecida, como se tivesse levado uma mordida.
        [penumbral] A Lua passa pela penumbra fraca da Terra e escurece um pouco. É sutil, então observe com atenção.
       *[other] A Lua atravessa a sombra da Terra. Dá para observar a olho nu com segurança.
    }
event-equinox =
    { $season ->
        [spring] Equinócio de primavera
       *[autumn] Equinócio de outono
    }
event-equinox-desc =
    { $season ->
        [spring] O dia e a noite têm quase a mesma duração em todo o planeta, e a primavera astronômica começa no seu hemisfério.
       *[autumn] O dia e a noite têm quase a mesma duração em todo o planeta, e o outono astronômico começa no seu hemisfério.
    }
event-solstice =
    { $season ->
        [summer] Solstício de verão
       *[winter] Solstício de inverno
    }
event-solstice-desc =
    { $season ->
        [summer] O dia mais longo do ano no seu hemisfério: começa o verão astronômico.
       *[winter] O dia mais curto do ano no seu hemisfério: começa o inverno astronômico.
    }
event-opposition = { $planet } em oposição
event-opposition-desc = O planeta { $planet } está do lado oposto ao Sol no nosso céu: fica visível a noite toda e atinge o maior brilho do ano.
event-solar-conjunction =
    { $conjunction ->
        [inferior] { $planet } em conjunção inferior
        [superior] { $planet } em conjunção superior
       *[other] { $planet } em conjunção com o Sol
    }
event-solar-conjunction-desc =
    { $conjunction ->
        [inferior] O planeta { $planet } passa entre a Terra e o Sol e some no brilho do Sol por alguns dias.
       *[other] O planeta { $planet } está atrás do Sol e fica escondido no brilho dele por algumas semanas.
    }
event-greatest-elongation =
    { $direction ->
        [east] { $planet } em máxima elongação leste
        [west] { $planet } em máxima elongação oeste
       *[other] { $planet } em máxima elongação
    }
event-greatest-elongation-desc =
    { $direction ->
        [east] O planeta { $planet } está no ponto mais afastado do Sol no nosso céu. Procure-o baixo no oeste depois do pôr do sol.
        [west] O planeta { $planet } está no ponto mais afastado do Sol no nosso céu. Procure-o baixo no leste antes do nascer do sol.
       *[other] O planeta { $planet } está no ponto mais afastado do Sol no nosso céu: o melhor momento para avistá-lo.
    }
event-moon-conjunction = A Lua perto de { $planet }
event-moon-conjunction-desc = A Lua passa perto do planeta { $planet }: uma bela dupla para encontrar no céu.
event-meteor-shower = { $shower }: pico da chuva de meteoros
event-meteor-shower-desc = A chuva de meteoros está no auge. Quanto mais escuro o céu, mais meteoros você verá; as horas antes do amanhecer costumam ser as melhores.

event-detail-illumination = Parte iluminada: { $percent }
event-detail-distance = Distância: { $distance } km
event-detail-eclipse-magnitude = Magnitude do eclipse: { $magnitude }
event-detail-brightness = Brilho: magnitude { $magnitude }
event-detail-constellation = Constelação: { $constellation }
event-detail-zodiac = Signo do zodíaco: { $sign }
event-detail-elongation = A { $degrees }° do Sol
event-detail-meteor-rate =
    { $count ->
        [one] Até { $count } meteoro por hora
        [many] Até { $count } de meteoros por hora
       *[other] Até { $count } meteoros por hora
    }

planet-mercury = Mercúrio
planet-venus = Vênus
planet-mars = Marte
planet-jupiter = Júpiter
planet-saturn = Saturno
planet-uranus = Urano
planet-neptune = Netuno

shower-quadrantids = Quadrântidas
shower-lyrids = Líridas
shower-eta-aquariids = Eta Aquáridas
shower-perseids = Perseidas
shower-orionids = Oriônidas
shower-leonids = Leônidas
shower-geminids = Geminídeas

season-spring = Primavera
season-summer = Verão
season-autumn = Outono
season-winter = Inverno

zodiac-aries = Áries
zodiac-taurus = Touro
zodiac-gemini = Gêmeos
zodiac-cancer = Câncer
zodiac-leo = Leão
zodiac-virgo = Virgem
zodiac-libra = Libra
zodiac-scorpio = Escorpião
zodiac-sagittarius = Sagitário
zodiac-capricorn = Capricórnio
zodiac-aquarius = Aquário
zodiac-pisces = Peixes
