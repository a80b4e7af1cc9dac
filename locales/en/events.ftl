# Names and short descriptions of sky events, planets, meteor showers, seasons and zodiac signs.
# $planet and $shower are already localized names (from planet-* and shower-* below).
# Selectors: $type (eclipse type), $season (spring/summer/autumn/winter), $phase (new/full),
# $conjunction (inferior/superior), $direction (east/west); unknown values take the default variant.

event-new-moon = New Moon
event-new-moon-desc = The Moon is between the Earth and the Sun and can't be seen: the darkest nights for watching stars.
event-first-quarter = First Quarter
event-first-quarter-desc = Half of the Moon is lit. It rises around midday and shines in the evening sky.
event-full-moon = Full Moon
event-full-moon-desc = The whole face of the Moon is lit. It rises at sunset and stays up all night.
event-last-quarter = Last Quarter
event-last-quarter-desc = Half of the Moon is lit. It rises around midnight and is best seen in the morning.
event-supermoon =
    { $phase ->
        [new] New Moon supermoon
       *[full] Supermoon
    }
event-supermoon-desc =
    { $phase ->
        [new] A new moon close to the Earth: invisible, but expect higher tides than usual.
       *[full] A full moon close to the Earth: it looks a little bigger and brighter than usual.
    }
event-micromoon =
    { $phase ->
        [new] New Moon micromoon
       *[full] Micromoon
    }
event-micromoon-desc =
    { $phase ->
        [new] A new moon far from the Earth: invisible, with gentler tides than usual.
       *[full] A full moon far from the Earth: it looks a little smaller and dimmer than usual.
    }
event-lunar-perigee = Moon at perigee
event-lunar-perigee-desc = The Moon is at its closest to the Earth in this orbit.
event-lunar-apogee = Moon at apogee
event-lunar-apogee-desc = The Moon is at its farthest from the Earth in this orbit.
event-solar-eclipse =
    { $type ->
        [total] Total solar eclipse
        [annular] Annular solar eclipse
        [hybrid] Hybrid solar eclipse
        [partial] Partial solar eclipse
       *[other] Solar eclipse
    }
event-solar-eclipse-desc =
    { $type ->
        [total] The Moon covers the Sun completely and day turns to twilight along a narrow path.
        [annular] The Moon covers the middle of the Sun, leaving a bright ring around it.
        [hybrid] A rare eclipse that is total in some places and annular in others.
       *[other] The Moon covers part of the Sun. Never look at the Sun without eclipse glasses.
    }
event-lunar-eclipse =
    { $type ->
        [total] Total lunar eclipse
        [partial] Partial lunar eclipse
        [penumbral] Penumbral lunar eclipse
       *[other] Lunar eclipse
    }
event-lunar-eclipse-desc =
    { $type ->
        [total] The Moon passes through the Earth's shadow and turns a coppery red. Safe to watch with the naked eye.
        [partial] Part of the Moon slips into the Earth's shadow and looks darkened, as if bitten off.
        [penumbral] The Moon passes through the Earth's faint outer shadow and dims slightly. It's subtle, so look closely.
       *[other] The Moon passes through the Earth's shadow. Safe to watch with the naked eye.
    }
event-equinox =
    { $season ->
        [spring] Spring equinox
       *[autumn] Autumn equinox
    }
event-equinox-desc =
    { $season ->
        [spring] Day and night are about equal everywhere, and astronomical spring begins in your hemisphere.
       *[autumn] Day and night are about equal everywhere, and astronomical autumn begins in your hemisphere.
    }
event-solstice =
    { $season ->
        [summer] Summer solstice
       *[winter] Winter solstice
    }
event-solstice-desc =
    { $season ->
        [summer] The longest day of the year in your hemisphere: astronomical summer begins.
       *[winter] The shortest day of the year in your hemisphere: astronomical winter begins.
    }
event-opposition = { $planet } at opposition
event-opposition-desc = The planet { $planet } is opposite the Sun in our sky: it is up all night and at its brightest for the year.
event-solar-conjunction =
    { $conjunction ->
        [inferior] { $planet } at inferior conjunction
        [superior] { $planet } at superior conjunction
       *[other] { $planet } in conjunction with the Sun
    }
event-solar-conjunction-desc =
    { $conjunction ->
        [inferior] The planet { $planet } passes between the Earth and the Sun and is lost in the Sun's glare for a few days.
       *[other] The planet { $planet } is behind the Sun and hidden in its glare for a few weeks.
    }
event-greatest-elongation =
    { $direction ->
        [east] { $planet } at greatest eastern elongation
        [west] { $planet } at greatest western elongation
       *[other] { $planet } at greatest elongation
    }
event-greatest-elongation-desc =
    { $direction ->
        [east] The planet { $planet } is at its farthest from the Sun in our sky. Look low in the west after sunset.
        [west] The planet { $planet } is at its farthest from the Sun in our sky. Look low in the east before sunrise.
       *[other] The planet { $planet } is at its farthest from the Sun in our sky, the best time to spot it.
    }
event-moon-conjunction = The Moon near { $planet }
event-moon-conjunction-desc = The Moon passes close to the planet { $planet }: a lovely pair to find in the sky.
event-meteor-shower = { $shower }: peak of the meteor shower
event-meteor-shower-desc = The meteor shower is at its peak. The darker the sky, the more meteors you'll see; the hours before dawn are usually best.

event-detail-illumination = Illuminated: { $percent }
event-detail-distance = Distance: { $distance } km
event-detail-eclipse-magnitude = Eclipse magnitude: { $magnitude }
event-detail-brightness = Brightness: magnitude { $magnitude }
event-detail-constellation = Constellation: { $constellation }
event-detail-zodiac = Zodiac sign: { $sign }
event-detail-elongation = { $degrees }° from the Sun
event-detail-meteor-rate =
    { $count ->
        [one] Up to { $count } meteor an hour
       *[other] Up to { $count } meteors an hour
    }

planet-mercury = Mercury
planet-venus = Venus
planet-mars = Mars
planet-jupiter = Jupiter
planet-saturn = Saturn
planet-uranus = Uranus
planet-neptune = Neptune

shower-quadrantids = Quadrantids
shower-lyrids = Lyrids
shower-eta-aquariids = Eta Aquariids
shower-perseids = Perseids
shower-orionids = Orionids
shower-leonids = Leonids
shower-geminids = Geminids

season-spring = Spring
season-summer = Summer
season-autumn = Autumn
season-winter = Winter

zodiac-aries = Aries
zodiac-taurus = Taurus
zodiac-gemini = Gemini
zodiac-cancer = Cancer
zodiac-leo = Leo
zodiac-virgo = Virgo
zodiac-libra = Libra
zodiac-scorpio = Scorpio
zodiac-sagittarius = Sagittarius
zodiac-capricorn = Capricorn
zodiac-aquarius = Aquarius
zodiac-pisces = Pisces
