# Nombres y descripciones breves de los eventos del cielo, planetas, lluvias de meteoros,
# estaciones y signos del zodiaco. $planet y $shower son nombres ya traducidos.

event-new-moon = Luna nueva
event-new-moon-desc = La Luna está entre la Tierra y el Sol y no se ve: las noches más oscuras para mirar las estrellas.
event-first-quarter = Cuarto creciente
event-first-quarter-desc = La mitad de la Luna está iluminada. Sale hacia el mediodía y brilla en el cielo de la tarde.
event-full-moon = Luna llena
event-full-moon-desc = La Luna está iluminada por completo. Sale al atardecer y se ve toda la noche.
event-last-quarter = Cuarto menguante
event-last-quarter-desc = La mitad de la Luna está iluminada. Sale hacia la medianoche y se ve mejor por la mañana.
event-supermoon =
    { $phase ->
        [new] Superluna nueva
       *[full] Superluna
    }
event-supermoon-desc =
    { $phase ->
        [new] Una luna nueva cerca de la Tierra: no se ve, pero las mareas serán más altas de lo habitual.
       *[full] Una luna llena cerca de la Tierra: se ve un poco más grande y brillante de lo habitual.
    }
event-micromoon =
    { $phase ->
        [new] Microluna nueva
       *[full] Microluna
    }
event-micromoon-desc =
    { $phase ->
        [new] Una luna nueva lejos de la Tierra: no se ve y las mareas serán más suaves de lo habitual.
       *[full] Una luna llena lejos de la Tierra: se ve un poco más pequeña y tenue de lo habitual.
    }
event-lunar-perigee = La Luna en el perigeo
event-lunar-perigee-desc = La Luna está en su punto más cercano a la Tierra en esta órbita.
event-lunar-apogee = La Luna en el apogeo
event-lunar-apogee-desc = La Luna está en su punto más lejano de la Tierra en esta órbita.
event-solar-eclipse =
    { $type ->
        [total] Eclipse total de Sol
        [annular] Eclipse anular de Sol
        [hybrid] Eclipse híbrido de Sol
        [partial] Eclipse parcial de Sol
       *[other] Eclipse de Sol
    }
event-solar-eclipse-desc =
    { $type ->
        [total] La Luna tapa el Sol por completo y, a lo largo de una franja estrecha, el día se vuelve crepúsculo.
        [annular] La Luna tapa el centro del Sol y deja un anillo brillante a su alrededor.
        [hybrid] Un eclipse poco común: total en algunos lugares y anular en otros.
       *[other] La Luna tapa parte del Sol. Nunca mires al Sol sin gafas para eclipses.
    }
event-lunar-eclipse =
    { $type ->
        [total] Eclipse total de Luna
        [partial] Eclipse parcial de Luna
        [penumbral] Eclipse penumbral de Luna
       *[other] Eclipse de Luna
    }
event-lunar-eclipse-desc =
    { $type ->
        [total] La Luna atraviesa la sombra de la Tierra y se tiñe de rojo cobrizo. Se puede ver sin peligro a simple vista.
        [partial] Parte de la Luna entra en la sombra de la Tierra y se ve oscurecida, como mordida.
        [penumbral] La Luna atraviesa la tenue penumbra de la Tierra y se oscurece un poco. Es sutil: fíjate bien.
       *[other] La Luna atraviesa la sombra de la Tierra. Se puede ver sin peligro a simple vista.
    }
event-equinox =
    { $season ->
        [spring] Equinoccio de primavera
       *[autumn] Equinoccio de otoño
    }
event-equinox-desc =
    { $season ->
        [spring] El día y la noche duran casi lo mismo en todo el planeta, y en tu hemisferio empieza la primavera astronómica.
       *[autumn] El día y la noche duran casi lo mismo en todo el planeta, y en tu hemisferio empieza el otoño astronómico.
    }
event-solstice =
    { $season ->
        [summer] Solsticio de verano
       *[winter] Solsticio de invierno
    }
event-solstice-desc =
    { $season ->
        [summer] El día más largo del año en tu hemisferio: empieza el verano astronómico.
       *[winter] El día más corto del año en tu hemisferio: empieza el invierno astronómico.
    }
event-opposition = { $planet } en oposición
event-opposition-desc = El planeta { $planet } está en el lado opuesto al Sol en nuestro cielo: se ve toda la noche y alcanza su máximo brillo del año.
event-solar-conjunction =
    { $conjunction ->
        [inferior] { $planet } en conjunción inferior
        [superior] { $planet } en conjunción superior
       *[other] { $planet } en conjunción con el Sol
    }
event-solar-conjunction-desc =
    { $conjunction ->
        [inferior] El planeta { $planet } pasa entre la Tierra y el Sol y se pierde en su resplandor durante unos días.
       *[other] El planeta { $planet } está detrás del Sol y queda oculto en su resplandor durante unas semanas.
    }
event-greatest-elongation =
    { $direction ->
        [east] { $planet } en su máxima elongación este
        [west] { $planet } en su máxima elongación oeste
       *[other] { $planet } en su máxima elongación
    }
event-greatest-elongation-desc =
    { $direction ->
        [east] El planeta { $planet } está en su punto más alejado del Sol en nuestro cielo. Búscalo bajo, al oeste, después de la puesta de sol.
        [west] El planeta { $planet } está en su punto más alejado del Sol en nuestro cielo. Búscalo bajo, al este, antes del amanecer.
       *[other] El planeta { $planet } está en su punto más alejado del Sol en nuestro cielo: el mejor momento para verlo.
    }
event-moon-conjunction = La Luna cerca de { $planet }
event-moon-conjunction-desc = La Luna pasa cerca del planeta { $planet }: una bonita pareja para buscar en el cielo.
event-meteor-shower = { $shower }: máximo de la lluvia de meteoros
event-meteor-shower-desc = La lluvia de meteoros alcanza su máximo. Cuanto más oscuro esté el cielo, más meteoros verás; las horas antes del amanecer suelen ser las mejores.

event-detail-illumination = Iluminación: { $percent }
event-detail-distance = Distancia: { $distance } km
event-detail-eclipse-magnitude = Magnitud del eclipse: { $magnitude }
event-detail-brightness = Brillo: magnitud { $magnitude }
event-detail-constellation = Constelación: { $constellation }
event-detail-zodiac = Signo del zodiaco: { $sign }
event-detail-elongation = A { $degrees }° del Sol
event-detail-meteor-rate =
    { $count ->
        [one] Hasta { $count } meteoro por hora
        [many] Hasta { $count } de meteoros por hora
       *[other] Hasta { $count } meteoros por hora
    }

planet-mercury = Mercurio
planet-venus = Venus
planet-mars = Marte
planet-jupiter = Júpiter
planet-saturn = Saturno
planet-uranus = Urano
planet-neptune = Neptuno

shower-quadrantids = Cuadrántidas
shower-lyrids = Líridas
shower-eta-aquariids = Eta Acuáridas
shower-perseids = Perseidas
shower-orionids = Oriónidas
shower-leonids = Leónidas
shower-geminids = Gemínidas

season-spring = Primavera
season-summer = Verano
season-autumn = Otoño
season-winter = Invierno

zodiac-aries = Aries
zodiac-taurus = Tauro
zodiac-gemini = Géminis
zodiac-cancer = Cáncer
zodiac-leo = Leo
zodiac-virgo = Virgo
zodiac-libra = Libra
zodiac-scorpio = Escorpio
zodiac-sagittarius = Sagitario
zodiac-capricorn = Capricornio
zodiac-aquarius = Acuario
zodiac-pisces = Piscis
