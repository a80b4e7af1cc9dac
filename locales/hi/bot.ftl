# टेलीग्राम बॉट: शुरुआती सेटअप, सेटिंग्स, आकाश के कमांड, खाता जोड़ना, चैनल सदस्यता और एडमिन।
# संदेश टेलीग्राम HTML में जाते हैं: केवल <b>, <i> और <a>; अकेला एम्परसैंड कभी नहीं।

bot-welcome = नमस्ते, { $name }! मैं { -brand } हूँ, आपका आकाश कैलेंडर: चंद्रमा की कलाएँ, ग्रहण, विषुव और ग्रह, सब आपके समय क्षेत्र में।
bot-welcome-back = फिर से स्वागत है! आने वाली घटनाओं के लिए /next, आज के आकाश के लिए /today, और कुछ भी बदलने के लिए /settings भेजें।
bot-language-prompt = मैं आपसे किस भाषा में बात करूँ?
bot-tz-prompt = अब आपका समय क्षेत्र, ताकि मैं जो भी समय दिखाऊँ वह आपका हो। नीचे दिए बटन से अपना स्थान भेजें (इससे मैं यह भी बता पाऊँगा कि आपकी जगह से क्या दिखेगा), अपने शहर का नाम लिखें, या UTC से अंतर चुनें।
bot-tz-share-location = 📍 मेरा स्थान भेजें
bot-tz-offset-button = 🕐 UTC से अंतर चुनें
bot-tz-placeholder = अपने शहर का नाम लिखें
bot-tz-offset-prompt = UTC से अपना अंतर चुनें:
bot-tz-matches = मुझे ये मिले। अपना शहर चुनें:
bot-tz-no-match = “{ $query }” नाम का कोई शहर नहीं मिला। सबसे नज़दीकी बड़े शहर का नाम आज़माएँ, अपना स्थान भेजें, या UTC से अंतर चुनें:
bot-tz-polar = ध्रुव के पास सभी समय क्षेत्र मिल जाते हैं, इसलिए स्थान से आपका समय क्षेत्र तय नहीं हो सकता। स्थान सहेज लिया है; कृपया UTC से अपना अंतर चुनें:
bot-tz-city-set = आपकी जगह: { $place }, अभी { $time }। उदय और अस्त के समय और वहाँ से क्या दिखेगा, यह मैं इसी शहर की स्थिति से निकालूँगा; ज़्यादा सटीक जगह के लिए कभी भी अपनी लोकेशन भेज दें।
bot-zone-city = { $city } ({ $offset }), अभी { $time }
bot-zone-offset = { $offset }, अभी { $time }
bot-kinds-prompt = आप किन चीज़ों की याद दिलाना चाहेंगे? हर विकल्प को चालू या बंद करने के लिए टैप करें, फिर “{ common-done }” दबाएँ।
bot-leads-prompt = किसी घटना से कितना पहले याद दिलाऊँ? एक या अधिक विकल्प चुनें, फिर “{ common-done }” दबाएँ।
bot-lead-before = { $span } पहले
bot-lead-at-event = घटना के समय
bot-use-buttons = कृपया ऊपर वाले संदेश के बटन इस्तेमाल करें।
bot-step-finished = यह चरण पहले ही पूरा हो चुका है। कुछ भी बदलने के लिए /settings भेजें।
bot-location-cleared = मैंने आपकी साझा की गई लोकेशन हटा दी है: वहाँ का समय इस अंतर से मेल नहीं खाता। जब चाहें, उसे फिर से साझा करें।
bot-onboarding-done = सब तैयार है! आगे क्या होने वाला है, देखने के लिए /next भेजें।

bot-kind-full-moon = पूर्णिमा
bot-kind-new-moon = अमावस्या
bot-kind-quarters = शुक्ल और कृष्ण पक्ष की अष्टमी
bot-kind-supermoon = सुपरमून
bot-kind-eclipses = ग्रहण
bot-kind-seasons = विषुव और संक्रांति
bot-kind-meteors = उल्का वर्षा
bot-kind-planets = ग्रहों के देखने का सबसे अच्छा समय
bot-kind-conjunctions = किसी ग्रह के पास चंद्रमा

bot-settings-language = 🌐 भाषा
bot-settings-timezone = 🕐 समय क्षेत्र
bot-settings-kinds = 🔔 रिमाइंडर
bot-settings-leads = ⏳ कितना पहले

bot-summary-title = <b>आपकी सेटिंग्स</b>
bot-summary-language = भाषा: { $language }
bot-summary-timezone = समय क्षेत्र: { $zone }
bot-summary-location = स्थान: { $latitude }, { $longitude }
bot-summary-no-location = स्थान: साझा नहीं किया
bot-latitude-north = { $degrees }° उत्तर
bot-latitude-south = { $degrees }° दक्षिण
bot-longitude-east = { $degrees }° पूर्व
bot-longitude-west = { $degrees }° पश्चिम
bot-summary-reminders = रिमाइंडर: { $kinds }
bot-summary-reminders-off = बंद
bot-summary-leads = याद दिलाना: { $leads }

bot-event-line = <b>{ $title }</b>
    { $when } ({ $relative })
bot-next-title = <b>आकाश में जल्द ही</b>
bot-no-events = इस अवधि में कोई घटना नहीं है।
bot-month-title = <b>{ $month } का आकाश</b>
bot-eclipses-title = <b>आने वाले ग्रहण</b>
bot-eclipses-share-location = अपना स्थान भेजें, ताकि पता चले कि आपकी जगह से कौन-से ग्रहण दिखेंगे।
bot-eclipse-visible = आपकी जगह से दिखेगा।
bot-eclipse-visible-between = आपकी जगह से { $start } से { $end } तक दिखेगा।
bot-eclipse-not-visible = आपकी जगह से नहीं दिखेगा।
bot-today-title = <b>आज, { $date }</b>
bot-today-moon = चंद्रमा: { $phase }, { $illumination } प्रकाशित
bot-today-sunrise = सूर्योदय: { $time }
bot-today-sunset = सूर्यास्त: { $time }
bot-today-moonrise = चंद्रोदय: { $time }
bot-today-moonset = चंद्रास्त: { $time }
bot-today-none = आज नहीं
bot-today-no-location = अपनी जगह का सूर्योदय, सूर्यास्त, चंद्रोदय और चंद्रास्त देखने के लिए अपना स्थान भेजें।
bot-today-events = <b>आज की घटनाएँ</b>
bot-today-no-events = आज कोई खास घटना नहीं है।
bot-moon-phase-new = अमावस्या
bot-moon-phase-waxing-crescent = बढ़ता अर्धचंद्र
bot-moon-phase-first-quarter = शुक्ल अष्टमी
bot-moon-phase-waxing-gibbous = बढ़ता चंद्रमा
bot-moon-phase-full = पूर्णिमा
bot-moon-phase-waning-gibbous = घटता चंद्रमा
bot-moon-phase-last-quarter = कृष्ण अष्टमी
bot-moon-phase-waning-crescent = घटता अर्धचंद्र

bot-link-confirm = क्या इस टेलीग्राम खाते को वेब खाते <b>{ $account }</b> से जोड़ना है? “{ bot-link-yes }” तभी दबाएँ जब यह लिंक आपने खुद माँगा हो।
bot-link-yes = हाँ, जोड़ें
bot-link-no = नहीं
bot-link-done = हो गया: यह टेलीग्राम खाता अब <b>{ $account }</b> से जुड़ गया है।
bot-link-cancelled = जोड़ना रद्द किया गया। कुछ भी नहीं बदला।
bot-link-howto = अपना मौजूदा वेब खाता जोड़ने के लिए { $url } पर साइन इन करें, “{ page-settings }” खोलें और “{ page-settings-telegram-link }” दबाएँ। आप पुष्टि के लिंक के साथ यहाँ वापस आएँगे। कैलेंडर तुरंत खोलने के लिए /calendar भेजें।
bot-calendar-link = वेब कैलेंडर में साइन इन करने का आपका निजी लिंक: { $url }
    यह केवल एक बार, 15 मिनट तक काम करता है। इसे किसी के साथ साझा न करें।
bot-calendar-open = कैलेंडर खोलें
bot-calendar-mini-app = टेलीग्राम में खोलें

bot-gate-required =
    { $feature ->
        [calendar] वेब कैलेंडर { $channel } के सदस्यों के लिए है।
       *[reminders] निजी रिमाइंडर { $channel } के सदस्यों के लिए हैं।
    } चैनल से जुड़ें, फिर “{ bot-gate-joined }” दबाएँ।
bot-gate-open-channel = चैनल खोलें
bot-gate-joined = मैं जुड़ गया
bot-gate-still-not-member = आप अभी चैनल में नहीं दिख रहे। पहले जुड़ें, फिर बटन दोबारा दबाएँ।
bot-gate-welcome = जुड़ने के लिए धन्यवाद!
bot-gate-reminders-on = आपके निजी रिमाइंडर चालू हैं।
bot-admin-gate-broken = मैं { $channel } की सदस्यता जाँच नहीं पा रहा: { $reason }। कृपया मुझे चैनल का एडमिन बनाएँ। तब तक सदस्यों वाली सुविधाएँ सभी के लिए खुली हैं।

bot-help =
    <b>{ -brand }</b> आपके लिए आकाश का कैलेंडर रखता है।
    /next: आने वाली घटनाएँ
    /today: आज का चंद्रमा और आकाश
    /month: इस महीने की घटनाएँ
    /eclipses: आने वाले ग्रहण
    /calendar: वेब कैलेंडर
    /settings: भाषा, समय क्षेत्र और रिमाइंडर
    /language: भाषा बदलें
    /link: वेब खाता जोड़ें
bot-unknown-command = मुझे यह कमांड नहीं पता। मैं क्या कर सकता हूँ, यह देखने के लिए /help भेजें।
bot-not-understood = मैं समझ नहीं पाया। मैं क्या कर सकता हूँ, यह देखने के लिए /help भेजें।
bot-stale-button = यह बटन अब काम नहीं करता। कृपया सबसे नया संदेश इस्तेमाल करें।
bot-throttled = कृपया थोड़ा धीरे: मैं अभी साथ आता हूँ।
bot-error = माफ़ कीजिए, मेरी तरफ़ कुछ गड़बड़ हो गई। कृपया थोड़ी देर बाद फिर कोशिश करें।

bot-command-next = आकाश की आने वाली घटनाएँ
bot-command-today = आज का चंद्रमा और आकाश
bot-command-month = इस महीने की घटनाएँ
bot-command-eclipses = आने वाले ग्रहण
bot-command-calendar = वेब कैलेंडर खोलें
bot-command-settings = भाषा, समय क्षेत्र और रिमाइंडर
bot-command-language = भाषा बदलें
bot-command-link = वेब खाता जोड़ें
bot-command-help = मैं क्या कर सकता हूँ
bot-command-stats = एडमिन के लिए आँकड़े
bot-command-broadcast = उपयोगकर्ताओं को घोषणा भेजें

bot-stats =
    <b>आँकड़े</b>
    उपयोगकर्ता: { $users }
    सदस्य: { $members }
    बॉट को ब्लॉक किया: { $blocked }
    भाषाएँ: { $languages }
    भेजने के लिए बाकी: { $pending }
    भेजना विफल: { $failed }
bot-broadcast-usage = /broadcast के बाद पाठ भेजें, या केवल एक भाषा के लिए /broadcast ru के बाद पाठ भेजें।
bot-broadcast-everyone = सभी
bot-broadcast-preview = <b>पूर्वावलोकन</b>: { $audience } के लिए ({ NUMBER($count) } प्राप्तकर्ता)। भेजें?
bot-broadcast-send = भेजें
bot-broadcast-cancelled = घोषणा रद्द की गई।
bot-broadcast-queued =
    { $count ->
        [one] घोषणा { $count } प्राप्तकर्ता के लिए कतार में है।
       *[other] घोषणा { $count } प्राप्तकर्ताओं के लिए कतार में है।
    }
