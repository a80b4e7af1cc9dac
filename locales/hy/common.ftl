# Բոտի, կայքի և ալիքների հրապարակումների ընդհանուր բառերն ու արտահայտությունները։

-brand = StarsCalendars

common-app-name = { -brand }
common-tagline = Երկնքի օրացույցը՝ ձեր լեզվով և ձեր ժամային գոտում
common-yes = Այո
common-no = Ոչ
common-back = Հետ
common-cancel = Չեղարկել
common-close = Փակել
common-save = Պահպանել
common-done = Պատրաստ է
common-next = Հաջորդը
common-more = Ցույց տալ ավելին
common-settings = Կարգավորումներ
common-language = Լեզու
common-timezone = Ժամային գոտի
common-location = Գտնվելու վայր
common-hemisphere = Կիսագունդ
common-hemisphere-north = Հյուսիսային կիսագունդ
common-hemisphere-south = Հարավային կիսագունդ
common-language-set = Ընտրված լեզուն՝ { $language }։
common-timezone-set = Ընտրված ժամային գոտին՝ { $timezone }։
common-events-count =
    { $count ->
        [0] Իրադարձություններ չկան
        [one] { $count } իրադարձություն
       *[other] { $count } իրադարձություն
    }
common-week-summary =
    { $count ->
        [0] { $name }, այս շաբաթ երկնքում հանգիստ է։
        [one] { $name }, այս շաբաթ երկնքում { $count } իրադարձություն կա։
       *[other] { $name }, այս շաբաթ երկնքում { $count } իրադարձություն կա։
    }
common-days = { NUMBER($count) } օր
common-hours = { NUMBER($count) } ժամ
common-minutes = { NUMBER($count) } րոպե
