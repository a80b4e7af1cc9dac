# आकाशीय घटनाओं, ग्रहों, उल्का वर्षाओं, ऋतुओं और राशियों के नाम और छोटे विवरण।
# $planet और $shower पहले से अनूदित नाम हैं; वाक्यों में "ग्रह" शब्द से क्रिया का लिंग तय होता है।

event-new-moon = अमावस्या
event-new-moon-desc = चंद्रमा पृथ्वी और सूर्य के बीच होता है और दिखाई नहीं देता — तारे देखने के लिए सबसे अँधेरी रातें।
event-first-quarter = प्रथम चतुर्थांश
event-first-quarter-desc = चंद्रमा का आधा भाग प्रकाशित होता है। यह दोपहर के आसपास उगता है और शाम के आकाश में चमकता है।
event-full-moon = पूर्णिमा
event-full-moon-desc = चंद्रमा पूरा प्रकाशित होता है। यह सूर्यास्त के समय उगता है और पूरी रात दिखाई देता है।
event-last-quarter = अंतिम चतुर्थांश
event-last-quarter-desc = चंद्रमा का आधा भाग प्रकाशित होता है। यह आधी रात के आसपास उगता है और सुबह सबसे अच्छा दिखता है।
event-supermoon =
    { $phase ->
        [new] अमावस्या का सुपरमून
       *[full] सुपरमून
    }
event-supermoon-desc =
    { $phase ->
        [new] पृथ्वी के पास की अमावस्या: चाँद दिखेगा नहीं, पर ज्वार सामान्य से ऊँचे होंगे।
       *[full] पृथ्वी के पास की पूर्णिमा: चाँद सामान्य से थोड़ा बड़ा और ज़्यादा चमकीला दिखता है।
    }
event-micromoon =
    { $phase ->
        [new] अमावस्या का माइक्रोमून
       *[full] माइक्रोमून
    }
event-micromoon-desc =
    { $phase ->
        [new] पृथ्वी से दूर की अमावस्या: चाँद दिखेगा नहीं, और ज्वार सामान्य से हल्के होंगे।
       *[full] पृथ्वी से दूर की पूर्णिमा: चाँद सामान्य से थोड़ा छोटा और धुँधला दिखता है।
    }
event-lunar-perigee = चंद्रमा उपभू पर
event-lunar-perigee-desc = इस परिक्रमा में चंद्रमा पृथ्वी के सबसे क़रीब है।
event-lunar-apogee = चंद्रमा अपभू पर
event-lunar-apogee-desc = इस परिक्रमा में चंद्रमा पृथ्वी से सबसे दूर है।
event-solar-eclipse =
    { $type ->
        [total] पूर्ण सूर्य ग्रहण
        [annular] वलयाकार सूर्य ग्रहण
        [hybrid] संकर सूर्य ग्रहण
        [partial] आंशिक सूर्य ग्रहण
       *[other] सूर्य ग्रहण
    }
event-solar-eclipse-desc =
    { $type ->
        [total] चंद्रमा सूर्य को पूरी तरह ढक लेता है और एक संकरी पट्टी में दिन साँझ जैसा हो जाता है।
        [annular] चंद्रमा सूर्य के बीच के हिस्से को ढक लेता है और चारों ओर एक चमकीला छल्ला रह जाता है।
        [hybrid] एक दुर्लभ ग्रहण, जो कुछ जगहों पर पूर्ण और कुछ जगहों पर वलयाकार दिखता है।
       *[other] चंद्रमा सूर्य के एक हिस्से को ढक लेता है। ग्रहण वाले चश्मे के बिना सूर्य को कभी न देखें।
    }
event-lunar-eclipse =
    { $type ->
        [total] पूर्ण चंद्र ग्रहण
        [partial] आंशिक चंद्र ग्रहण
        [penumbral] उपच्छाया चंद्र ग्रहण
       *[other] चंद्र ग्रहण
    }
event-lunar-eclipse-desc =
    { $type ->
        [total] चंद्रमा पृथ्वी की छाया से गुज़रता है और ताँबे जैसा लाल हो जाता है। इसे नंगी आँखों से सुरक्षित रूप से देखा जा सकता है।
        [partial] चंद्रमा का एक हिस्सा पृथ्वी की छाया में आ जाता है और ऐसा लगता है मानो उसे किसी ने कुतर लिया हो।
        [penumbral] चंद्रमा पृथ्वी की हल्की बाहरी छाया से गुज़रता है और थोड़ा धुँधला हो जाता है। बदलाव बहुत हल्का होता है, इसलिए ध्यान से देखें।
       *[other] चंद्रमा पृथ्वी की छाया से गुज़रता है। इसे नंगी आँखों से सुरक्षित रूप से देखा जा सकता है।
    }
event-equinox =
    { $season ->
        [spring] वसंत विषुव
       *[autumn] शरद विषुव
    }
event-equinox-desc =
    { $season ->
        [spring] पूरी पृथ्वी पर दिन और रात लगभग बराबर होते हैं, और आपके गोलार्ध में खगोलीय वसंत शुरू होता है।
       *[autumn] पूरी पृथ्वी पर दिन और रात लगभग बराबर होते हैं, और आपके गोलार्ध में खगोलीय शरद ऋतु शुरू होती है।
    }
event-solstice =
    { $season ->
        [summer] ग्रीष्म संक्रांति
       *[winter] शीत संक्रांति
    }
event-solstice-desc =
    { $season ->
        [summer] आपके गोलार्ध में साल का सबसे लंबा दिन: खगोलीय ग्रीष्म ऋतु शुरू होती है।
       *[winter] आपके गोलार्ध में साल का सबसे छोटा दिन: खगोलीय शीत ऋतु शुरू होती है।
    }
event-opposition = { $planet } की प्रतियुति
event-opposition-desc = { $planet } ग्रह हमारे आकाश में सूर्य के ठीक सामने है: यह पूरी रात दिखाई देता है और साल में सबसे ज़्यादा चमकता है।
event-solar-conjunction =
    { $conjunction ->
        [inferior] { $planet } की निम्न युति
        [superior] { $planet } की उच्च युति
       *[other] { $planet } की सूर्य से युति
    }
event-solar-conjunction-desc =
    { $conjunction ->
        [inferior] { $planet } ग्रह पृथ्वी और सूर्य के बीच से गुज़रता है और कुछ दिनों तक सूर्य की चमक में छिपा रहता है।
       *[other] { $planet } ग्रह सूर्य के पीछे है और कुछ हफ़्तों तक उसकी चमक में छिपा रहता है।
    }
event-greatest-elongation =
    { $direction ->
        [east] { $planet } की सूर्य से अधिकतम पूर्वी दूरी
        [west] { $planet } की सूर्य से अधिकतम पश्चिमी दूरी
       *[other] { $planet } की सूर्य से अधिकतम दूरी
    }
event-greatest-elongation-desc =
    { $direction ->
        [east] { $planet } ग्रह हमारे आकाश में सूर्य से सबसे दूर है। सूर्यास्त के बाद पश्चिम में क्षितिज के पास देखें।
        [west] { $planet } ग्रह हमारे आकाश में सूर्य से सबसे दूर है। सूर्योदय से पहले पूर्व में क्षितिज के पास देखें।
       *[other] { $planet } ग्रह हमारे आकाश में सूर्य से सबसे दूर है — इसे देखने का यह सबसे अच्छा समय है।
    }
event-moon-conjunction = चंद्रमा और { $planet } पास-पास
event-moon-conjunction-desc = चंद्रमा { $planet } ग्रह के पास से गुज़रता है: आकाश में ढूँढने लायक एक सुंदर जोड़ी।
event-meteor-shower = { $shower }: उल्का वर्षा का चरम
event-meteor-shower-desc = उल्का वर्षा अपने चरम पर है। आकाश जितना अँधेरा होगा, उतनी ज़्यादा उल्काएँ दिखेंगी; आमतौर पर भोर से पहले के घंटे सबसे अच्छे होते हैं।

event-detail-illumination = प्रकाशित भाग: { $percent }
event-detail-distance = दूरी: { $distance } किमी
event-detail-eclipse-magnitude = ग्रहण का परिमाण: { $magnitude }
event-detail-brightness = कांतिमान: { $magnitude }
event-detail-constellation = तारामंडल: { $constellation }
event-detail-zodiac = राशि: { $sign }
event-detail-elongation = सूर्य से { $degrees }° दूर
event-detail-meteor-rate =
    { $count ->
        [one] प्रति घंटे अधिकतम { $count } उल्का
       *[other] प्रति घंटे अधिकतम { $count } उल्काएँ
    }

planet-mercury = बुध
planet-venus = शुक्र
planet-mars = मंगल
planet-jupiter = बृहस्पति
planet-saturn = शनि
planet-uranus = अरुण
planet-neptune = वरुण

shower-quadrantids = क्वाड्रंटिड्स
shower-lyrids = लिरिड्स
shower-eta-aquariids = ईटा एक्वेरिड्स
shower-perseids = पर्सिड्स
shower-orionids = ओरियोनिड्स
shower-leonids = लियोनिड्स
shower-geminids = जेमिनिड्स

season-spring = वसंत ऋतु
season-summer = ग्रीष्म ऋतु
season-autumn = शरद ऋतु
season-winter = शीत ऋतु

zodiac-aries = मेष
zodiac-taurus = वृषभ
zodiac-gemini = मिथुन
zodiac-cancer = कर्क
zodiac-leo = सिंह
zodiac-virgo = कन्या
zodiac-libra = तुला
zodiac-scorpio = वृश्चिक
zodiac-sagittarius = धनु
zodiac-capricorn = मकर
zodiac-aquarius = कुंभ
zodiac-pisces = मीन
