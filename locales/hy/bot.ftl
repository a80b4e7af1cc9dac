# Telegram բոտը՝ ծանոթություն, կարգավորումներ, երկնքի հրամաններ, հաշիվների կապում, ալիքի անդամություն և ադմին։
# Հաղորդագրությունները գնում են Telegram HTML-ով՝ միայն <b>, <i> և <a>, առանց առանձին ամպերսանդի։

bot-welcome = Բարև, { $name }։ Ես { -brand }-ն եմ՝ ձեր երկնքի օրացույցը․ Լուսնի փուլեր, խավարումներ, գիշերահավասարներ և մոլորակներ՝ ձեր ժամային գոտով։
bot-welcome-back = Բարի վերադարձ։ /next-ը ցույց կտա մոտակա երևույթները, /today-ը՝ այսօրվա երկինքը, իսկ /settings-ում կարող եք ամեն ինչ փոխել։
bot-language-prompt = Ո՞ր լեզվով խոսեմ ձեզ հետ։
bot-tz-prompt = Հիմա ձեր ժամային գոտին, որպեսզի իմ ցույց տված բոլոր ժամերը լինեն ձերը։ Ուղարկեք ձեր գտնվելու վայրը ներքևի կոճակով (այդպես կասեմ նաև, թե ինչ է երևում ձեր վայրից), գրեք ձեր քաղաքի անունը կամ ընտրեք շեղումը UTC-ից։
bot-tz-share-location = 📍 Ուղարկել իմ վայրը
bot-tz-offset-button = 🕐 Ընտրել շեղումը UTC-ից
bot-tz-placeholder = Գրեք ձեր քաղաքը
bot-tz-offset-prompt = Ընտրեք ձեր շեղումը UTC-ից․
bot-tz-matches = Ահա թե ինչ գտա։ Ընտրեք ձեր քաղաքը․
bot-tz-no-match = «{ $query }» անունով քաղաք չգտա։ Փորձեք մոտակա մեծ քաղաքը, ուղարկեք ձեր վայրը կամ ընտրեք շեղումը UTC-ից․
bot-tz-polar = Բևեռի մոտ բոլոր ժամային գոտիները հանդիպում են, ուստի վայրով չեմ կարող որոշել ձերը։ Վայրը պահպանեցի, խնդրում եմ ընտրեք ձեր շեղումը UTC-ից․
bot-tz-city-set = Ձեր վայրը՝ { $place }, հիմա { $time }։ Ծագման ու մայրամուտի ժամերը և այն, թե ինչ է երևում այնտեղից, կհաշվեմ այս քաղաքի դիրքով․ ավելի ճշգրիտ տեղի համար ցանկացած պահի ուղարկեք ձեր գտնվելու վայրը։
bot-zone-city = { $city } ({ $offset }), հիմա՝ { $time }
bot-zone-offset = { $offset }, հիմա՝ { $time }
bot-kinds-prompt = Ինչի՞ մասին հիշեցնեմ։ Սեղմեք՝ միացնելու կամ անջատելու համար, հետո՝ «{ common-done }»։
bot-leads-prompt = Երևույթից որքա՞ն առաջ հիշեցնեմ։ Ընտրեք մեկ կամ մի քանի տարբերակ, հետո՝ «{ common-done }»։
bot-lead-before = { $span } առաջ
bot-lead-at-event = Երևույթի պահին
bot-use-buttons = Խնդրում եմ օգտվեք վերևի հաղորդագրության կոճակներից։
bot-step-finished = Այս քայլն արդեն արված է։ Ցանկացած բան փոխելու համար ուղարկեք /settings։
bot-location-cleared = Ձեր կիսված տեղադրությունը հեռացրի․ այնտեղի ժամը չի համընկնում այս շեղման հետ։ Կիսվեք այն նորից, երբ ցանկանաք։
bot-onboarding-done = Ամեն ինչ պատրաստ է։ Փորձեք /next-ը՝ տեսնելու, թե ինչ է սպասվում։

bot-kind-full-moon = Լիալուսին
bot-kind-new-moon = Նորալուսին
bot-kind-quarters = Առաջին և վերջին քառորդ
bot-kind-supermoon = Սուպերլուսիններ
bot-kind-eclipses = Խավարումներ
bot-kind-seasons = Գիշերահավասարներ և արևադարձներ
bot-kind-meteors = Աստղանկումներ
bot-kind-planets = Մոլորակների լավագույն տեսանելիություն
bot-kind-conjunctions = Լուսինը մոլորակի մոտ

bot-settings-language = 🌐 Լեզու
bot-settings-timezone = 🕐 Ժամային գոտի
bot-settings-kinds = 🔔 Հիշեցումներ
bot-settings-leads = ⏳ Որքան առաջ

bot-summary-title = <b>Ձեր կարգավորումները</b>
bot-summary-language = Լեզու՝ { $language }
bot-summary-timezone = Ժամային գոտի՝ { $zone }
bot-summary-location = Վայր՝ { $latitude }, { $longitude }
bot-summary-no-location = Վայր՝ նշված չէ
bot-latitude-north = { $degrees }° հս․ լ․
bot-latitude-south = { $degrees }° հվ․ լ․
bot-longitude-east = { $degrees }° արլ․ ե․
bot-longitude-west = { $degrees }° արմ․ ե․
bot-summary-reminders = Հիշեցումներ՝ { $kinds }
bot-summary-reminders-off = անջատված են
bot-summary-leads = Հիշեցնել՝ { $leads }

bot-event-line = <b>{ $title }</b>
    { $when } ({ $relative })
bot-next-title = <b>Շուտով երկնքում</b>
bot-no-events = Այս ժամանակահատվածում երևույթներ չկան։
bot-month-title = <b>Երկինքը՝ { $month }</b>
bot-eclipses-title = <b>Մոտակա խավարումները</b>
bot-eclipses-share-location = Ուղարկեք ձեր վայրը՝ իմանալու, թե որ խավարումները կերևան ձեր վայրից։
bot-eclipse-visible = Երևում է ձեր վայրից։
bot-eclipse-visible-between = Երևում է ձեր վայրից { $start }-ից մինչև { $end }։
bot-eclipse-not-visible = Ձեր վայրից չի երևում։
bot-today-title = <b>Այսօր, { $date }</b>
bot-today-moon = Լուսին՝ { $phase }, լուսավորված է { $illumination }-ով
bot-today-sunrise = Արևածագ՝ { $time }
bot-today-sunset = Մայրամուտ՝ { $time }
bot-today-moonrise = Լուսնածագ՝ { $time }
bot-today-moonset = Լուսնամուտ՝ { $time }
bot-today-none = այսօր չկա
bot-today-no-location = Ուղարկեք ձեր վայրը՝ տեսնելու Արևի և Լուսնի ծագն ու մայրամուտը ձեր վայրում։
bot-today-events = <b>Այսօրվա երևույթները</b>
bot-today-no-events = Այսօր առանձնահատուկ երևույթներ չկան։
bot-moon-phase-new = նորալուսին
bot-moon-phase-waxing-crescent = աճող մահիկ
bot-moon-phase-first-quarter = առաջին քառորդ
bot-moon-phase-waxing-gibbous = աճող լուսին
bot-moon-phase-full = լիալուսին
bot-moon-phase-waning-gibbous = նվազող լուսին
bot-moon-phase-last-quarter = վերջին քառորդ
bot-moon-phase-waning-crescent = նվազող մահիկ

bot-link-confirm = Կապե՞լ այս Telegram հաշիվը <b>{ $account }</b> վեբ հաշվի հետ։ Սեղմեք «{ bot-link-yes }» միայն, եթե այս հղումն ինքներդ եք խնդրել։
bot-link-yes = Այո, կապել
bot-link-no = Ոչ
bot-link-done = Պատրաստ է․ այս Telegram հաշիվն այժմ կապված է <b>{ $account }</b>-ի հետ։
bot-link-cancelled = Կապումը չեղարկվեց։ Ոչինչ չի փոխվել։
bot-link-howto = Արդեն ունեցած վեբ հաշիվը կապելու համար մուտք գործեք { $url }, բացեք «{ page-settings }» բաժինը և սեղմեք «{ page-settings-telegram-link }»։ Կվերադառնաք այստեղ՝ հաստատման հղումով։ Օրացույցը հենց հիմա բացելու համար օգտվեք /calendar-ից։
bot-calendar-link = Վեբ օրացույց մուտք գործելու ձեր անձնական հղումը՝ { $url }
    Այն աշխատում է մեկ անգամ, 15 րոպե։ Ոչ մեկին մի փոխանցեք։
bot-calendar-open = Բացել օրացույցը
bot-calendar-mini-app = Բացել Telegram-ում

bot-gate-required =
    { $feature ->
        [calendar] Վեբ օրացույցը { $channel }-ի անդամների համար է։
       *[reminders] Անձնական հիշեցումները { $channel }-ի անդամների համար են։
    } Միացեք ալիքին, հետո սեղմեք «{ bot-gate-joined }»։
bot-gate-open-channel = Բացել ալիքը
bot-gate-joined = Միացա
bot-gate-still-not-member = Դեռ չեմ տեսնում ձեզ ալիքում։ Նախ միացեք, հետո նորից սեղմեք կոճակը։
bot-gate-welcome = Շնորհակալություն միանալու համար։
bot-gate-reminders-on = Ձեր անձնական հիշեցումները միացված են։
bot-admin-gate-broken = Չեմ կարող ստուգել { $channel }-ի անդամությունը՝ { $reason }։ Խնդրում եմ ինձ դարձրեք ալիքի ադմինիստրատոր։ Մինչ այդ անդամների հնարավորությունները բաց են բոլորի համար։

bot-help =
    <b>{ -brand }</b>-ը ձեզ համար վարում է երկնքի օրացույցը։
    /next՝ մոտակա երևույթները
    /today՝ Լուսինը և այսօրվա երկինքը
    /month՝ այս ամսվա երևույթները
    /eclipses՝ մոտակա խավարումները
    /calendar՝ վեբ օրացույցը
    /settings՝ լեզու, ժամային գոտի և հիշեցումներ
    /language՝ փոխել լեզուն
    /link՝ կապել վեբ հաշիվը
bot-unknown-command = Այդ հրամանը չգիտեմ։ Ուղարկեք /help՝ տեսնելու, թե ինչ կարող եմ անել։
bot-not-understood = Չհասկացա։ Ուղարկեք /help՝ տեսնելու, թե ինչ կարող եմ անել։
bot-stale-button = Այս կոճակն այլևս չի աշխատում։ Խնդրում եմ օգտվեք վերջին հաղորդագրությունից։
bot-throttled = Խնդրում եմ՝ մի փոքր դանդաղ․ մի պահից կհասնեմ։
bot-error = Ներեցեք, իմ կողմից ինչ-որ բան սխալ գնաց։ Խնդրում եմ փորձեք մի փոքր ուշ։

bot-command-next = Երկնքի մոտակա երևույթները
bot-command-today = Լուսինը և այսօրվա երկինքը
bot-command-month = Այս ամսվա երևույթները
bot-command-eclipses = Մոտակա խավարումները
bot-command-calendar = Բացել վեբ օրացույցը
bot-command-settings = Լեզու, ժամային գոտի և հիշեցումներ
bot-command-language = Փոխել լեզուն
bot-command-link = Կապել վեբ հաշիվը
bot-command-help = Ինչ կարող եմ անել
bot-command-stats = Վիճակագրություն ադմինների համար
bot-command-broadcast = Հայտարարություն ուղարկել օգտատերերին

bot-stats =
    <b>Վիճակագրություն</b>
    Օգտատերեր՝ { $users }
    Անդամներ՝ { $members }
    Արգելափակել են բոտը՝ { $blocked }
    Լեզուներ՝ { $languages }
    Սպասվող առաքումներ՝ { $pending }
    Ձախողված առաքումներ՝ { $failed }
bot-broadcast-usage = Ուղարկեք /broadcast և դրանից հետո տեքստը, կամ /broadcast ru և տեքստը՝ միայն մեկ լեզվի համար։
bot-broadcast-everyone = բոլորը
bot-broadcast-preview = <b>Նախադիտում</b>՝ { $audience } ({ NUMBER($count) } ստացող)։ Ուղարկե՞լ։
bot-broadcast-send = Ուղարկել
bot-broadcast-cancelled = Հայտարարությունը չեղարկվեց։
bot-broadcast-queued = Հայտարարությունը հերթագրվեց { NUMBER($count) } ստացողի համար։
