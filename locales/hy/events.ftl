# Երկնային իրադարձությունների, մոլորակների, աստղային անձրևների, եղանակների և կենդանակերպի
# նշանների անուններն ու կարճ նկարագրությունները։ $planet-ը և $shower-ը արդեն թարգմանված
# անուններ են․ դրանք չեն հոլովվում, ուստի հոլովվում է «մոլորակ» բառը («Յուպիտեր մոլորակի»)։

event-new-moon = Նորալուսին
event-new-moon-desc = Լուսինը Երկրի և Արեգակի միջև է և չի երևում․ աստղեր դիտելու ամենամութ գիշերներն են։
event-first-quarter = Առաջին քառորդ
event-first-quarter-desc = Լուսնի կեսն է լուսավորված։ Այն ծագում է կեսօրին մոտ և փայլում երեկոյան երկնքում։
event-full-moon = Լիալուսին
event-full-moon-desc = Լուսինն ամբողջությամբ լուսավորված է։ Այն ծագում է մայրամուտին և երևում է ամբողջ գիշեր։
event-last-quarter = Վերջին քառորդ
event-last-quarter-desc = Լուսնի կեսն է լուսավորված։ Այն ծագում է կեսգիշերին մոտ և լավագույնս երևում է առավոտյան։
event-supermoon =
    { $phase ->
        [new] Նորալուսնի սուպերլուսին
       *[full] Սուպերլուսին
    }
event-supermoon-desc =
    { $phase ->
        [new] Երկրին մոտ նորալուսին․ Լուսինը չի երևում, բայց մակընթացությունները սովորականից բարձր կլինեն։
       *[full] Երկրին մոտ լիալուսին․ Լուսինը սովորականից մի փոքր ավելի մեծ ու պայծառ է թվում։
    }
event-micromoon =
    { $phase ->
        [new] Նորալուսնի միկրոլուսին
       *[full] Միկրոլուսին
    }
event-micromoon-desc =
    { $phase ->
        [new] Երկրից հեռու նորալուսին․ Լուսինը չի երևում, իսկ մակընթացությունները սովորականից թույլ կլինեն։
       *[full] Երկրից հեռու լիալուսին․ Լուսինը սովորականից մի փոքր ավելի փոքր ու աղոտ է թվում։
    }
event-lunar-perigee = Լուսինը պերիգեյում
event-lunar-perigee-desc = Այս պտույտի ընթացքում Լուսինն ամենամոտն է Երկրին։
event-lunar-apogee = Լուսինն ապոգեյում
event-lunar-apogee-desc = Այս պտույտի ընթացքում Լուսինն ամենահեռուն է Երկրից։
event-solar-eclipse =
    { $type ->
        [total] Արեգակի լրիվ խավարում
        [annular] Արեգակի օղակաձև խավարում
        [hybrid] Արեգակի հիբրիդային խավարում
        [partial] Արեգակի մասնակի խավարում
       *[other] Արեգակի խավարում
    }
event-solar-eclipse-desc =
    { $type ->
        [total] Լուսինն ամբողջությամբ ծածկում է Արեգակը, և նեղ շերտի երկայնքով ցերեկը վերածվում է մթնշաղի։
        [annular] Լուսինը ծածկում է Արեգակի կենտրոնը՝ շուրջը թողնելով պայծառ օղակ։
        [hybrid] Հազվագյուտ խավարում՝ որոշ վայրերում լրիվ, մյուսներում՝ օղակաձև։
       *[other] Լուսինը ծածկում է Արեգակի մի մասը։ Երբեք մի նայեք Արեգակին առանց խավարումների համար նախատեսված ակնոցի։
    }
event-lunar-eclipse =
    { $type ->
        [total] Լուսնի լրիվ խավարում
        [partial] Լուսնի մասնակի խավարում
        [penumbral] Լուսնի կիսաստվերային խավարում
       *[other] Լուսնի խավարում
    }
event-lunar-eclipse-desc =
    { $type ->
        [total] Լուսինն անցնում է Երկրի ստվերով և ստանում պղնձակարմիր երանգ։ Կարելի է անվտանգ դիտել անզեն աչքով։
        [partial] Լուսնի մի մասը մտնում է Երկրի ստվերի մեջ և մթնում՝ կարծես կծած լինի։
        [penumbral] Լուսինն անցնում է Երկրի թույլ կիսաստվերով և մի փոքր խամրում։ Փոփոխությունը նուրբ է, ուստի ուշադիր նայեք։
       *[other] Լուսինն անցնում է Երկրի ստվերով։ Կարելի է անվտանգ դիտել անզեն աչքով։
    }
event-equinox =
    { $season ->
        [spring] Գարնանային գիշերահավասար
       *[autumn] Աշնանային գիշերահավասար
    }
event-equinox-desc =
    { $season ->
        [spring] Ամբողջ Երկրի վրա ցերեկն ու գիշերը գրեթե հավասար են, և ձեր կիսագնդում սկսվում է աստղագիտական գարունը։
       *[autumn] Ամբողջ Երկրի վրա ցերեկն ու գիշերը գրեթե հավասար են, և ձեր կիսագնդում սկսվում է աստղագիտական աշունը։
    }
event-solstice =
    { $season ->
        [summer] Ամառային արևադարձ
       *[winter] Ձմեռային արևադարձ
    }
event-solstice-desc =
    { $season ->
        [summer] Տարվա ամենաերկար օրը ձեր կիսագնդում․ սկսվում է աստղագիտական ամառը։
       *[winter] Տարվա ամենակարճ օրը ձեր կիսագնդում․ սկսվում է աստղագիտական ձմեռը։
    }
event-opposition = { $planet } մոլորակի հակադրություն
event-opposition-desc = { $planet } մոլորակը մեր երկնքում Արեգակի դիմաց է․ այն երևում է ամբողջ գիշեր և տարվա մեջ ամենապայծառն է։
event-solar-conjunction =
    { $conjunction ->
        [inferior] { $planet } մոլորակի ստորին միացում
        [superior] { $planet } մոլորակի վերին միացում
       *[other] { $planet } մոլորակի միացում Արեգակի հետ
    }
event-solar-conjunction-desc =
    { $conjunction ->
        [inferior] { $planet } մոլորակն անցնում է Երկրի և Արեգակի միջով և մի քանի օր կորչում Արեգակի փայլի մեջ։
       *[other] { $planet } մոլորակն Արեգակի հետևում է և մի քանի շաբաթ թաքնված է նրա փայլի մեջ։
    }
event-greatest-elongation =
    { $direction ->
        [east] { $planet } մոլորակի մեծագույն արևելյան էլոնգացիա
        [west] { $planet } մոլորակի մեծագույն արևմտյան էլոնգացիա
       *[other] { $planet } մոլորակի մեծագույն էլոնգացիա
    }
event-greatest-elongation-desc =
    { $direction ->
        [east] { $planet } մոլորակը մեր երկնքում Արեգակից ամենահեռու դիրքում է։ Փնտրեք այն արևմուտքում՝ հորիզոնի մոտ, մայրամուտից հետո։
        [west] { $planet } մոլորակը մեր երկնքում Արեգակից ամենահեռու դիրքում է։ Փնտրեք այն արևելքում՝ հորիզոնի մոտ, արևածագից առաջ։
       *[other] { $planet } մոլորակը մեր երկնքում Արեգակից ամենահեռու դիրքում է․ դա այն տեսնելու լավագույն պահն է։
    }
event-moon-conjunction = Լուսինը { $planet } մոլորակի մոտ
event-moon-conjunction-desc = Լուսինն անցնում է { $planet } մոլորակի մոտով․ գեղեցիկ զույգ, որը կարելի է գտնել երկնքում։
event-meteor-shower = { $shower }՝ աստղային անձրևի գագաթնակետ
event-meteor-shower-desc = Աստղային անձրևն իր գագաթնակետին է։ Որքան մութ է երկինքը, այնքան շատ ասուպներ կտեսնեք․ սովորաբար լավագույն ժամերը լուսաբացից առաջ են։

event-detail-illumination = Լուսավորված մասը՝ { $percent }
event-detail-distance = Հեռավորությունը՝ { $distance } կմ
event-detail-eclipse-magnitude = Խավարման մեծությունը՝ { $magnitude }
event-detail-brightness = Աստղային մեծությունը՝ { $magnitude }
event-detail-constellation = Համաստեղությունը՝ { $constellation }
event-detail-zodiac = Կենդանակերպի նշանը՝ { $sign }
event-detail-elongation = Արեգակից { $degrees }° հեռու
event-detail-meteor-rate = Ժամում մինչև { NUMBER($count) } ասուպ

planet-mercury = Մերկուրի
planet-venus = Վեներա
planet-mars = Մարս
planet-jupiter = Յուպիտեր
planet-saturn = Սատուրն
planet-uranus = Ուրան
planet-neptune = Նեպտուն

shower-quadrantids = Քվադրանտիդներ
shower-lyrids = Լիրիդներ
shower-eta-aquariids = Էտա Ակվարիդներ
shower-perseids = Պերսեիդներ
shower-orionids = Օրիոնիդներ
shower-leonids = Լեոնիդներ
shower-geminids = Գեմինիդներ

season-spring = Գարուն
season-summer = Ամառ
season-autumn = Աշուն
season-winter = Ձմեռ

zodiac-aries = Խոյ
zodiac-taurus = Ցուլ
zodiac-gemini = Երկվորյակներ
zodiac-cancer = Խեցգետին
zodiac-leo = Առյուծ
zodiac-virgo = Կույս
zodiac-libra = Կշեռք
zodiac-scorpio = Կարիճ
zodiac-sagittarius = Աղեղնավոր
zodiac-capricorn = Այծեղջյուր
zodiac-aquarius = Ջրհոս
zodiac-pisces = Ձկներ
