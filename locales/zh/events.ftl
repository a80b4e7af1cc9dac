# 天象事件、行星、流星雨、季节和黄道星座的名称与简介。$planet 和 $shower 是已翻译的名称。

event-new-moon = 新月
event-new-moon-desc = 月球位于地球和太阳之间，看不见月亮——这是观星最暗的夜晚。
event-first-quarter = 上弦月
event-first-quarter-desc = 月亮被照亮一半。它在中午前后升起，傍晚挂在天空。
event-full-moon = 满月
event-full-moon-desc = 月亮整面被照亮。它在日落时升起，整夜可见。
event-last-quarter = 下弦月
event-last-quarter-desc = 月亮被照亮一半。它在午夜前后升起，清晨最适合观看。
event-supermoon =
    { $phase ->
        [new] 超级新月
       *[full] 超级月亮
    }
event-supermoon-desc =
    { $phase ->
        [new] 离地球较近的新月：虽然看不见，但潮汐会比平时更高。
       *[full] 离地球较近的满月：看起来比平时更大、更亮一些。
    }
event-micromoon =
    { $phase ->
        [new] 微型新月
       *[full] 微型月亮
    }
event-micromoon-desc =
    { $phase ->
        [new] 离地球较远的新月：看不见，潮汐也比平时更弱。
       *[full] 离地球较远的满月：看起来比平时更小、更暗一些。
    }
event-lunar-perigee = 月球过近地点
event-lunar-perigee-desc = 月球运行到这一圈轨道上离地球最近的位置。
event-lunar-apogee = 月球过远地点
event-lunar-apogee-desc = 月球运行到这一圈轨道上离地球最远的位置。
event-solar-eclipse =
    { $type ->
        [total] 日全食
        [annular] 日环食
        [hybrid] 日全环食
        [partial] 日偏食
       *[other] 日食
    }
event-solar-eclipse-desc =
    { $type ->
        [total] 月球完全遮住太阳，在一条狭窄的地带上，白昼会变得如同黄昏。
        [annular] 月球遮住太阳的中心，四周留下一圈明亮的光环。
        [hybrid] 一种罕见的日食：在一些地方是全食，在另一些地方是环食。
       *[other] 月球遮住太阳的一部分。切勿在没有专用日食眼镜的情况下直视太阳。
    }
event-lunar-eclipse =
    { $type ->
        [total] 月全食
        [partial] 月偏食
        [penumbral] 半影月食
       *[other] 月食
    }
event-lunar-eclipse-desc =
    { $type ->
        [total] 月球穿过地球的影子，变成古铜般的红色。可以用肉眼安全观看。
        [partial] 月球的一部分进入地球的影子，看起来像被咬掉了一口。
        [penumbral] 月球穿过地球淡淡的半影，亮度略微降低。变化很细微，要仔细看。
       *[other] 月球穿过地球的影子。可以用肉眼安全观看。
    }
event-equinox =
    { $season ->
        [spring] 春分
       *[autumn] 秋分
    }
event-equinox-desc =
    { $season ->
        [spring] 全球各地昼夜几乎等长，你所在的半球进入天文意义上的春季。
       *[autumn] 全球各地昼夜几乎等长，你所在的半球进入天文意义上的秋季。
    }
event-solstice =
    { $season ->
        [summer] 夏至
       *[winter] 冬至
    }
event-solstice-desc =
    { $season ->
        [summer] 你所在的半球一年中白昼最长的一天，天文意义上的夏季开始。
       *[winter] 你所在的半球一年中白昼最短的一天，天文意义上的冬季开始。
    }
event-opposition = { $planet }冲日
event-opposition-desc = { $planet }在天空中与太阳遥遥相对：整夜可见，也是一年中最亮的时候。
event-solar-conjunction =
    { $conjunction ->
        [inferior] { $planet }下合
        [superior] { $planet }上合
       *[other] { $planet }合日
    }
event-solar-conjunction-desc =
    { $conjunction ->
        [inferior] { $planet }从地球和太阳之间经过，几天内隐没在阳光中。
       *[other] { $planet }位于太阳背后，几周内隐没在阳光中。
    }
event-greatest-elongation =
    { $direction ->
        [east] { $planet }东大距
        [west] { $planet }西大距
       *[other] { $planet }大距
    }
event-greatest-elongation-desc =
    { $direction ->
        [east] { $planet }在天空中离太阳最远。日落后到西方低空寻找它。
        [west] { $planet }在天空中离太阳最远。日出前到东方低空寻找它。
       *[other] { $planet }在天空中离太阳最远，这是观看它的最佳时机。
    }
event-moon-conjunction = { $planet }合月
event-moon-conjunction-desc = 月亮从{ $planet }旁边经过，在夜空中组成美丽的一对。
event-meteor-shower = { $shower }极大
event-meteor-shower-desc = 流星雨迎来极大。天空越暗，看到的流星越多；通常黎明前的几个小时最好。

event-detail-illumination = 被照亮：{ $percent }
event-detail-distance = 距离：{ $distance } 公里
event-detail-eclipse-magnitude = 食分：{ $magnitude }
event-detail-brightness = 星等：{ $magnitude }
event-detail-constellation = 所在星座：{ $constellation }
event-detail-zodiac = 黄道星座：{ $sign }
event-detail-elongation = 距太阳 { $degrees }°
event-detail-meteor-rate = 每小时最多{ NUMBER($count) }颗流星

planet-mercury = 水星
planet-venus = 金星
planet-mars = 火星
planet-jupiter = 木星
planet-saturn = 土星
planet-uranus = 天王星
planet-neptune = 海王星

shower-quadrantids = 象限仪座流星雨
shower-lyrids = 天琴座流星雨
shower-eta-aquariids = 宝瓶座η流星雨
shower-perseids = 英仙座流星雨
shower-orionids = 猎户座流星雨
shower-leonids = 狮子座流星雨
shower-geminids = 双子座流星雨

season-spring = 春季
season-summer = 夏季
season-autumn = 秋季
season-winter = 冬季

zodiac-aries = 白羊座
zodiac-taurus = 金牛座
zodiac-gemini = 双子座
zodiac-cancer = 巨蟹座
zodiac-leo = 狮子座
zodiac-virgo = 处女座
zodiac-libra = 天秤座
zodiac-scorpio = 天蝎座
zodiac-sagittarius = 射手座
zodiac-capricorn = 摩羯座
zodiac-aquarius = 水瓶座
zodiac-pisces = 双鱼座
