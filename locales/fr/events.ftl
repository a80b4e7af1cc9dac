# Noms et courtes descriptions des événements célestes, planètes, essaims de météores,
# saisons et signes du zodiaque. $planet et $shower sont des noms déjà traduits ; les phrases
# évitent l’élision devant le nom (« la planète Uranus » plutôt que « d’Uranus »).

event-new-moon = Nouvelle Lune
event-new-moon-desc = La Lune se trouve entre la Terre et le Soleil et reste invisible : les nuits les plus noires pour observer les étoiles.
event-first-quarter = Premier quartier
event-first-quarter-desc = La moitié de la Lune est éclairée. Elle se lève vers midi et brille dans le ciel du soir.
event-full-moon = Pleine Lune
event-full-moon-desc = La Lune est entièrement éclairée. Elle se lève au coucher du Soleil et reste visible toute la nuit.
event-last-quarter = Dernier quartier
event-last-quarter-desc = La moitié de la Lune est éclairée. Elle se lève vers minuit et se voit le mieux le matin.
event-supermoon =
    { $phase ->
        [new] Super nouvelle Lune
       *[full] Super Lune
    }
event-supermoon-desc =
    { $phase ->
        [new] Une nouvelle Lune proche de la Terre : invisible, mais les marées seront plus fortes que d’habitude.
       *[full] Une pleine Lune proche de la Terre : elle paraît un peu plus grande et plus brillante que d’habitude.
    }
event-micromoon =
    { $phase ->
        [new] Micro nouvelle Lune
       *[full] Micro Lune
    }
event-micromoon-desc =
    { $phase ->
        [new] Une nouvelle Lune loin de la Terre : invisible, avec des marées plus faibles que d’habitude.
       *[full] Une pleine Lune loin de la Terre : elle paraît un peu plus petite et plus pâle que d’habitude.
    }
event-lunar-perigee = La Lune au périgée
event-lunar-perigee-desc = La Lune est au plus près de la Terre sur cette orbite.
event-lunar-apogee = La Lune à l’apogée
event-lunar-apogee-desc = La Lune est au plus loin de la Terre sur cette orbite.
event-solar-eclipse =
    { $type ->
        [total] Éclipse totale de Soleil
        [annular] Éclipse annulaire de Soleil
        [hybrid] Éclipse hybride de Soleil
        [partial] Éclipse partielle de Soleil
       *[other] Éclipse de Soleil
    }
event-solar-eclipse-desc =
    { $type ->
        [total] La Lune masque entièrement le Soleil et, le long d’une étroite bande, le jour laisse place au crépuscule.
        [annular] La Lune masque le centre du Soleil et laisse un anneau lumineux tout autour.
        [hybrid] Une éclipse rare, totale à certains endroits et annulaire à d’autres.
       *[other] La Lune masque une partie du Soleil. Ne regardez jamais le Soleil sans lunettes d’éclipse.
    }
event-lunar-eclipse =
    { $type ->
        [total] Éclipse totale de Lune
        [partial] Éclipse partielle de Lune
        [penumbral] Éclipse pénombrale de Lune
       *[other] Éclipse de Lune
    }
event-lunar-eclipse-desc =
    { $type ->
        [total] La Lune traverse l’ombre de la Terre et prend une teinte rouge cuivré. Elle s’observe sans danger à l’œil nu.
        [partial] Une partie de la Lune entre dans l’ombre de la Terre et paraît assombrie, comme croquée.
        [penumbral] La Lune traverse la pénombre de la Terre et s’assombrit légèrement. C’est subtil : regardez attentivement.
       *[other] La Lune traverse l’ombre de la Terre. Elle s’observe sans danger à l’œil nu.
    }
event-equinox =
    { $season ->
        [spring] Équinoxe de printemps
       *[autumn] Équinoxe d’automne
    }
event-equinox-desc =
    { $season ->
        [spring] Le jour et la nuit ont presque la même durée partout, et le printemps astronomique commence dans votre hémisphère.
       *[autumn] Le jour et la nuit ont presque la même durée partout, et l’automne astronomique commence dans votre hémisphère.
    }
event-solstice =
    { $season ->
        [summer] Solstice d’été
       *[winter] Solstice d’hiver
    }
event-solstice-desc =
    { $season ->
        [summer] Le jour le plus long de l’année dans votre hémisphère : l’été astronomique commence.
       *[winter] Le jour le plus court de l’année dans votre hémisphère : l’hiver astronomique commence.
    }
event-opposition = { $planet } à l’opposition
event-opposition-desc = La planète { $planet } est à l’opposé du Soleil dans notre ciel : elle est visible toute la nuit et à son plus brillant de l’année.
event-solar-conjunction =
    { $conjunction ->
        [inferior] { $planet } en conjonction inférieure
        [superior] { $planet } en conjonction supérieure
       *[other] { $planet } en conjonction avec le Soleil
    }
event-solar-conjunction-desc =
    { $conjunction ->
        [inferior] La planète { $planet } passe entre la Terre et le Soleil et se perd dans son éclat pendant quelques jours.
       *[other] La planète { $planet } est derrière le Soleil et reste cachée par son éclat pendant quelques semaines.
    }
event-greatest-elongation =
    { $direction ->
        [east] { $planet } à sa plus grande élongation est
        [west] { $planet } à sa plus grande élongation ouest
       *[other] { $planet } à sa plus grande élongation
    }
event-greatest-elongation-desc =
    { $direction ->
        [east] La planète { $planet } est au plus loin du Soleil dans notre ciel. Cherchez-la bas à l’ouest après le coucher du Soleil.
        [west] La planète { $planet } est au plus loin du Soleil dans notre ciel. Cherchez-la bas à l’est avant le lever du Soleil.
       *[other] La planète { $planet } est au plus loin du Soleil dans notre ciel : le meilleur moment pour l’apercevoir.
    }
event-moon-conjunction = La Lune près de la planète { $planet }
event-moon-conjunction-desc = La Lune passe près de la planète { $planet } : un joli duo à repérer dans le ciel.
event-meteor-shower = { $shower } : pic de la pluie de météores
event-meteor-shower-desc = La pluie de météores est à son maximum. Plus le ciel est sombre, plus vous verrez de météores ; les heures qui précèdent l’aube sont souvent les meilleures.

event-detail-illumination = Partie éclairée : { $percent }
event-detail-distance = Distance : { $distance } km
event-detail-eclipse-magnitude = Magnitude de l’éclipse : { $magnitude }
event-detail-brightness = Éclat : magnitude { $magnitude }
event-detail-constellation = Constellation : { $constellation }
event-detail-zodiac = Signe du zodiaque : { $sign }
event-detail-elongation = À { $degrees }° du Soleil
event-detail-meteor-rate =
    { $count ->
        [one] Jusqu’à { $count } météore par heure
        [many] Jusqu’à { $count } de météores par heure
       *[other] Jusqu’à { $count } météores par heure
    }

planet-mercury = Mercure
planet-venus = Vénus
planet-mars = Mars
planet-jupiter = Jupiter
planet-saturn = Saturne
planet-uranus = Uranus
planet-neptune = Neptune

shower-quadrantids = Quadrantides
shower-lyrids = Lyrides
shower-eta-aquariids = Êta Aquarides
shower-perseids = Perséides
shower-orionids = Orionides
shower-leonids = Léonides
shower-geminids = Géminides

season-spring = Printemps
season-summer = Été
season-autumn = Automne
season-winter = Hiver

zodiac-aries = Bélier
zodiac-taurus = Taureau
zodiac-gemini = Gémeaux
zodiac-cancer = Cancer
zodiac-leo = Lion
zodiac-virgo = Vierge
zodiac-libra = Balance
zodiac-scorpio = Scorpion
zodiac-sagittarius = Sagittaire
zodiac-capricorn = Capricorne
zodiac-aquarius = Verseau
zodiac-pisces = Poissons
