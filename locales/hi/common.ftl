# बॉट, वेबसाइट और चैनल पोस्ट में साझा शब्द और वाक्यांश।

-brand = StarsCalendars

common-app-name = { -brand }
common-tagline = आकाश का कैलेंडर, आपकी भाषा और आपके समय क्षेत्र में
common-yes = हाँ
common-no = नहीं
common-back = वापस
common-cancel = रद्द करें
common-close = बंद करें
common-save = सहेजें
common-done = हो गया
common-next = आगे
common-more = और देखें
common-settings = सेटिंग्स
common-language = भाषा
common-timezone = समय क्षेत्र
common-location = स्थान
common-hemisphere = गोलार्ध
common-hemisphere-north = उत्तरी गोलार्ध
common-hemisphere-south = दक्षिणी गोलार्ध
common-language-set = भाषा बदलकर { $language } कर दी गई है।
common-timezone-set = समय क्षेत्र बदलकर { $timezone } कर दिया गया है।
common-events-count =
    { $count ->
        [0] कोई घटना नहीं
        [one] { $count } घटना
       *[other] { $count } घटनाएँ
    }
common-week-summary =
    { $count ->
        [0] { $name }, इस हफ़्ते आकाश शांत है।
        [one] { $name }, इस हफ़्ते आकाश में { $count } घटना है।
       *[other] { $name }, इस हफ़्ते आकाश में { $count } घटनाएँ हैं।
    }
common-days = { NUMBER($count) } दिन
common-hours =
    { $count ->
        [one] { $count } घंटा
       *[other] { $count } घंटे
    }
common-minutes = { NUMBER($count) } मिनट
