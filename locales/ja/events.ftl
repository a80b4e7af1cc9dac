# 天文現象、惑星、流星群、季節、黄道十二星座の名前と短い説明。$planet と $shower は翻訳済みの名前です。

event-new-moon = 新月
event-new-moon-desc = 月が地球と太陽の間にあり、見えません。星を見るのにいちばん暗い夜です。
event-first-quarter = 上弦の月
event-first-quarter-desc = 月の半分が照らされています。昼ごろに昇り、夕方の空で輝きます。
event-full-moon = 満月
event-full-moon-desc = 月の全面が照らされています。日の入りのころに昇り、一晩中見えます。
event-last-quarter = 下弦の月
event-last-quarter-desc = 月の半分が照らされています。真夜中ごろに昇り、明け方によく見えます。
event-supermoon =
    { $phase ->
        [new] 新月のスーパームーン
       *[full] スーパームーン
    }
event-supermoon-desc =
    { $phase ->
        [new] 地球に近い新月です。月は見えませんが、潮の満ち引きがいつもより大きくなります。
       *[full] 地球に近い満月です。いつもより少し大きく、明るく見えます。
    }
event-micromoon =
    { $phase ->
        [new] 新月のマイクロムーン
       *[full] マイクロムーン
    }
event-micromoon-desc =
    { $phase ->
        [new] 地球から遠い新月です。月は見えず、潮の満ち引きもいつもより小さくなります。
       *[full] 地球から遠い満月です。いつもより少し小さく、暗く見えます。
    }
event-lunar-perigee = 月の近地点通過
event-lunar-perigee-desc = 月がこの公転で地球にいちばん近づきます。
event-lunar-apogee = 月の遠地点通過
event-lunar-apogee-desc = 月がこの公転で地球からいちばん遠ざかります。
event-solar-eclipse =
    { $type ->
        [total] 皆既日食
        [annular] 金環日食
        [hybrid] 金環皆既日食
        [partial] 部分日食
       *[other] 日食
    }
event-solar-eclipse-desc =
    { $type ->
        [total] 月が太陽を完全に隠し、細い帯状の地域では昼間でも夕暮れのように暗くなります。
        [annular] 月が太陽の中心を隠し、周りに明るい光の輪が残ります。
        [hybrid] 場所によって皆既日食にも金環日食にもなる、珍しい日食です。
       *[other] 月が太陽の一部を隠します。日食グラスなしで太陽を見ないでください。
    }
event-lunar-eclipse =
    { $type ->
        [total] 皆既月食
        [partial] 部分月食
        [penumbral] 半影月食
       *[other] 月食
    }
event-lunar-eclipse-desc =
    { $type ->
        [total] 月が地球の影に入り、赤銅色に染まります。肉眼で安全に見られます。
        [partial] 月の一部が地球の影に入り、欠けたように暗く見えます。
        [penumbral] 月が地球のうすい半影を通り、わずかに暗くなります。変化はかすかなので、よく見てください。
       *[other] 月が地球の影を通ります。肉眼で安全に見られます。
    }
event-equinox =
    { $season ->
        [spring] 春分
       *[autumn] 秋分
    }
event-equinox-desc =
    { $season ->
        [spring] 世界中で昼と夜の長さがほぼ同じになり、あなたのいる半球では天文学上の春が始まります。
       *[autumn] 世界中で昼と夜の長さがほぼ同じになり、あなたのいる半球では天文学上の秋が始まります。
    }
event-solstice =
    { $season ->
        [summer] 夏至
       *[winter] 冬至
    }
event-solstice-desc =
    { $season ->
        [summer] あなたのいる半球で一年のうち昼がいちばん長い日です。天文学上の夏が始まります。
       *[winter] あなたのいる半球で一年のうち昼がいちばん短い日です。天文学上の冬が始まります。
    }
event-opposition = { $planet }の衝
event-opposition-desc = { $planet }が空で太陽の反対側に来ます。一晩中見え、一年でいちばん明るくなります。
event-solar-conjunction =
    { $conjunction ->
        [inferior] { $planet }の内合
        [superior] { $planet }の外合
       *[other] { $planet }の合
    }
event-solar-conjunction-desc =
    { $conjunction ->
        [inferior] { $planet }が地球と太陽の間を通ります。数日間は太陽の光にまぎれて見えません。
       *[other] { $planet }が太陽の向こう側にあります。数週間は太陽の光にまぎれて見えません。
    }
event-greatest-elongation =
    { $direction ->
        [east] { $planet }の東方最大離角
        [west] { $planet }の西方最大離角
       *[other] { $planet }の最大離角
    }
event-greatest-elongation-desc =
    { $direction ->
        [east] { $planet }が空で太陽からいちばん離れます。日の入り後、西の低い空を探してみてください。
        [west] { $planet }が空で太陽からいちばん離れます。日の出前、東の低い空を探してみてください。
       *[other] { $planet }が空で太陽からいちばん離れます。見つけるのにいちばんよい時期です。
    }
event-moon-conjunction = 月と{ $planet }の接近
event-moon-conjunction-desc = 月が{ $planet }のすぐ近くを通ります。夜空に並ぶ美しい組み合わせです。
event-meteor-shower = { $shower }が極大
event-meteor-shower-desc = 流星群が極大を迎えます。空が暗いほど多くの流星が見えます。たいてい明け方前の数時間がおすすめです。

event-detail-illumination = 輝面比：{ $percent }
event-detail-distance = 距離：{ $distance } km
event-detail-eclipse-magnitude = 食分：{ $magnitude }
event-detail-brightness = 明るさ：{ $magnitude }等
event-detail-constellation = 星座：{ $constellation }
event-detail-zodiac = 黄道十二宮：{ $sign }
event-detail-elongation = 太陽から{ $degrees }°
event-detail-meteor-rate = 1時間に最大{ NUMBER($count) }個の流星

planet-mercury = 水星
planet-venus = 金星
planet-mars = 火星
planet-jupiter = 木星
planet-saturn = 土星
planet-uranus = 天王星
planet-neptune = 海王星

shower-quadrantids = しぶんぎ座流星群
shower-lyrids = こと座流星群
shower-eta-aquariids = みずがめ座η流星群
shower-perseids = ペルセウス座流星群
shower-orionids = オリオン座流星群
shower-leonids = しし座流星群
shower-geminids = ふたご座流星群

season-spring = 春
season-summer = 夏
season-autumn = 秋
season-winter = 冬

zodiac-aries = おひつじ座
zodiac-taurus = おうし座
zodiac-gemini = ふたご座
zodiac-cancer = かに座
zodiac-leo = しし座
zodiac-virgo = おとめ座
zodiac-libra = てんびん座
zodiac-scorpio = さそり座
zodiac-sagittarius = いて座
zodiac-capricorn = やぎ座
zodiac-aquarius = みずがめ座
zodiac-pisces = うお座
