# Названия и краткие описания событий, планет, метеорных потоков, времён года и знаков зодиака.
# $planet и $shower — уже переведённые названия в именительном падеже (planet-*, shower-*),
# поэтому фразы построены так, чтобы название не склонялось («планета Юпитер», «с планетой Уран»).

event-new-moon = Новолуние
event-new-moon-desc = Луна находится между Землёй и Солнцем и не видна — самые тёмные ночи для наблюдения звёзд.
event-first-quarter = Первая четверть
event-first-quarter-desc = Освещена половина Луны. Она восходит около полудня и хорошо видна вечером.
event-full-moon = Полнолуние
event-full-moon-desc = Луна освещена целиком. Она восходит на закате и светит всю ночь.
event-last-quarter = Последняя четверть
event-last-quarter-desc = Освещена половина Луны. Она восходит около полуночи, лучше всего её видно утром.
event-supermoon =
    { $phase ->
        [new] Суперлуние в новолуние
       *[full] Суперлуние
    }
event-supermoon-desc =
    { $phase ->
        [new] Новолуние рядом с Землёй: Луны не видно, но приливы будут выше обычного.
       *[full] Полнолуние рядом с Землёй: Луна кажется чуть больше и ярче обычного.
    }
event-micromoon =
    { $phase ->
        [new] Микролуние в новолуние
       *[full] Микролуние
    }
event-micromoon-desc =
    { $phase ->
        [new] Новолуние вдали от Земли: Луны не видно, а приливы будут слабее обычного.
       *[full] Полнолуние вдали от Земли: Луна кажется чуть меньше и тусклее обычного.
    }
event-lunar-perigee = Луна в перигее
event-lunar-perigee-desc = Луна ближе всего к Земле за этот оборот по орбите.
event-lunar-apogee = Луна в апогее
event-lunar-apogee-desc = Луна дальше всего от Земли за этот оборот по орбите.
event-solar-eclipse =
    { $type ->
        [total] Полное солнечное затмение
        [annular] Кольцеобразное солнечное затмение
        [hybrid] Гибридное солнечное затмение
        [partial] Частное солнечное затмение
       *[other] Солнечное затмение
    }
event-solar-eclipse-desc =
    { $type ->
        [total] Луна полностью закрывает Солнце, и вдоль узкой полосы день сменяется сумерками.
        [annular] Луна закрывает середину Солнца, и вокруг остаётся яркое кольцо.
        [hybrid] Редкое затмение: в одних местах полное, в других — кольцеобразное.
       *[other] Луна закрывает часть Солнца. Никогда не смотрите на Солнце без защитных очков для затмений.
    }
event-lunar-eclipse =
    { $type ->
        [total] Полное лунное затмение
        [partial] Частное лунное затмение
        [penumbral] Полутеневое лунное затмение
       *[other] Лунное затмение
    }
event-lunar-eclipse-desc =
    { $type ->
        [total] Луна проходит через тень Земли и становится медно-красной. Наблюдать можно невооружённым глазом.
        [partial] Часть Луны заходит в тень Земли и темнеет, словно надкушенная.
        [penumbral] Луна проходит через слабую полутень Земли и чуть тускнеет. Это едва заметно, так что присмотритесь.
       *[other] Луна проходит через тень Земли. Наблюдать можно невооружённым глазом.
    }
event-equinox =
    { $season ->
        [spring] Весеннее равноденствие
       *[autumn] Осеннее равноденствие
    }
event-equinox-desc =
    { $season ->
        [spring] День почти равен ночи по всей Земле, а в вашем полушарии начинается астрономическая весна.
       *[autumn] День почти равен ночи по всей Земле, а в вашем полушарии начинается астрономическая осень.
    }
event-solstice =
    { $season ->
        [summer] Летнее солнцестояние
       *[winter] Зимнее солнцестояние
    }
event-solstice-desc =
    { $season ->
        [summer] Самый длинный день в году в вашем полушарии: начинается астрономическое лето.
       *[winter] Самый короткий день в году в вашем полушарии: начинается астрономическая зима.
    }
event-opposition = { $planet } в противостоянии
event-opposition-desc = Планета { $planet } находится напротив Солнца на нашем небе: она видна всю ночь и сияет ярче всего за год.
event-solar-conjunction =
    { $conjunction ->
        [inferior] { $planet } в нижнем соединении
        [superior] { $planet } в верхнем соединении
       *[other] { $planet } в соединении с Солнцем
    }
event-solar-conjunction-desc =
    { $conjunction ->
        [inferior] Планета { $planet } проходит между Землёй и Солнцем и на несколько дней теряется в его лучах.
       *[other] Планета { $planet } находится за Солнцем и несколько недель скрыта в его лучах.
    }
event-greatest-elongation =
    { $direction ->
        [east] { $planet } в наибольшей восточной элонгации
        [west] { $planet } в наибольшей западной элонгации
       *[other] { $planet } в наибольшей элонгации
    }
event-greatest-elongation-desc =
    { $direction ->
        [east] Планета { $planet } дальше всего от Солнца на нашем небе. Ищите её низко на западе после заката.
        [west] Планета { $planet } дальше всего от Солнца на нашем небе. Ищите её низко на востоке перед рассветом.
       *[other] Планета { $planet } дальше всего от Солнца на нашем небе — лучшее время, чтобы её увидеть.
    }
event-moon-conjunction = Луна рядом с планетой { $planet }
event-moon-conjunction-desc = Луна проходит рядом с планетой { $planet } — красивая пара на небе.
event-meteor-shower = { $shower }: пик метеорного потока
event-meteor-shower-desc = Метеорный поток в максимуме. Чем темнее небо, тем больше метеоров вы увидите; обычно лучшее время — перед рассветом.

event-detail-illumination = Освещённость: { $percent }
event-detail-distance = Расстояние: { $distance } км
event-detail-eclipse-magnitude = Фаза затмения: { $magnitude }
event-detail-brightness = Звёздная величина: { $magnitude }
event-detail-constellation = Созвездие: { $constellation }
event-detail-zodiac = Знак зодиака: { $sign }
event-detail-elongation = { $degrees }° от Солнца
event-detail-meteor-rate =
    { $count ->
        [one] До { $count } метеора в час
        [few] До { $count } метеоров в час
        [many] До { $count } метеоров в час
       *[other] До { $count } метеора в час
    }

planet-mercury = Меркурий
planet-venus = Венера
planet-mars = Марс
planet-jupiter = Юпитер
planet-saturn = Сатурн
planet-uranus = Уран
planet-neptune = Нептун

shower-quadrantids = Квадрантиды
shower-lyrids = Лириды
shower-eta-aquariids = Эта-Аквариды
shower-perseids = Персеиды
shower-orionids = Ориониды
shower-leonids = Леониды
shower-geminids = Геминиды

season-spring = Весна
season-summer = Лето
season-autumn = Осень
season-winter = Зима

zodiac-aries = Овен
zodiac-taurus = Телец
zodiac-gemini = Близнецы
zodiac-cancer = Рак
zodiac-leo = Лев
zodiac-virgo = Дева
zodiac-libra = Весы
zodiac-scorpio = Скорпион
zodiac-sagittarius = Стрелец
zodiac-capricorn = Козерог
zodiac-aquarius = Водолей
zodiac-pisces = Рыбы
