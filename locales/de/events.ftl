# Namen und kurze Beschreibungen von Himmelsereignissen, Planeten, Meteorströmen,
# Jahreszeiten und Tierkreiszeichen. $planet und $shower sind bereits übersetzte Namen.

event-new-moon = Neumond
event-new-moon-desc = Der Mond steht zwischen Erde und Sonne und ist unsichtbar – die dunkelsten Nächte, um Sterne zu beobachten.
event-first-quarter = Erstes Viertel
event-first-quarter-desc = Der Mond ist zur Hälfte beleuchtet. Er geht gegen Mittag auf und leuchtet am Abendhimmel.
event-full-moon = Vollmond
event-full-moon-desc = Der Mond ist vollständig beleuchtet. Er geht bei Sonnenuntergang auf und ist die ganze Nacht zu sehen.
event-last-quarter = Letztes Viertel
event-last-quarter-desc = Der Mond ist zur Hälfte beleuchtet. Er geht gegen Mitternacht auf und ist am besten morgens zu sehen.
event-supermoon =
    { $phase ->
        [new] Supermond bei Neumond
       *[full] Supermond
    }
event-supermoon-desc =
    { $phase ->
        [new] Ein Neumond nahe der Erde: unsichtbar, aber mit höheren Gezeiten als sonst.
       *[full] Ein Vollmond nahe der Erde: Er wirkt etwas größer und heller als sonst.
    }
event-micromoon =
    { $phase ->
        [new] Minimond bei Neumond
       *[full] Minimond
    }
event-micromoon-desc =
    { $phase ->
        [new] Ein Neumond fern der Erde: unsichtbar, mit schwächeren Gezeiten als sonst.
       *[full] Ein Vollmond fern der Erde: Er wirkt etwas kleiner und blasser als sonst.
    }
event-lunar-perigee = Mond im Perigäum
event-lunar-perigee-desc = Der Mond ist der Erde auf diesem Umlauf am nächsten.
event-lunar-apogee = Mond im Apogäum
event-lunar-apogee-desc = Der Mond ist auf diesem Umlauf am weitesten von der Erde entfernt.
event-solar-eclipse =
    { $type ->
        [total] Totale Sonnenfinsternis
        [annular] Ringförmige Sonnenfinsternis
        [hybrid] Hybride Sonnenfinsternis
        [partial] Partielle Sonnenfinsternis
       *[other] Sonnenfinsternis
    }
event-solar-eclipse-desc =
    { $type ->
        [total] Der Mond bedeckt die Sonne vollständig, und entlang eines schmalen Streifens wird der Tag zur Dämmerung.
        [annular] Der Mond bedeckt die Mitte der Sonne, ringsum bleibt ein heller Ring sichtbar.
        [hybrid] Eine seltene Finsternis: an manchen Orten total, an anderen ringförmig.
       *[other] Der Mond bedeckt einen Teil der Sonne. Schau nie ohne Finsternisbrille in die Sonne.
    }
event-lunar-eclipse =
    { $type ->
        [total] Totale Mondfinsternis
        [partial] Partielle Mondfinsternis
        [penumbral] Halbschatten-Mondfinsternis
       *[other] Mondfinsternis
    }
event-lunar-eclipse-desc =
    { $type ->
        [total] Der Mond wandert durch den Erdschatten und färbt sich kupferrot. Mit bloßem Auge gefahrlos zu beobachten.
        [partial] Ein Teil des Mondes taucht in den Erdschatten ein und sieht aus wie angebissen.
        [penumbral] Der Mond streift den schwachen Halbschatten der Erde und wird etwas dunkler. Das ist nur zart zu sehen, also genau hinschauen.
       *[other] Der Mond wandert durch den Erdschatten. Mit bloßem Auge gefahrlos zu beobachten.
    }
event-equinox =
    { $season ->
        [spring] Frühlings-Tagundnachtgleiche
       *[autumn] Herbst-Tagundnachtgleiche
    }
event-equinox-desc =
    { $season ->
        [spring] Tag und Nacht sind überall etwa gleich lang, und auf deiner Halbkugel beginnt der astronomische Frühling.
       *[autumn] Tag und Nacht sind überall etwa gleich lang, und auf deiner Halbkugel beginnt der astronomische Herbst.
    }
event-solstice =
    { $season ->
        [summer] Sommersonnenwende
       *[winter] Wintersonnenwende
    }
event-solstice-desc =
    { $season ->
        [summer] Der längste Tag des Jahres auf deiner Halbkugel: Der astronomische Sommer beginnt.
       *[winter] Der kürzeste Tag des Jahres auf deiner Halbkugel: Der astronomische Winter beginnt.
    }
event-opposition = { $planet } in Opposition
event-opposition-desc = Der Planet { $planet } steht der Sonne am Himmel gegenüber: Er ist die ganze Nacht zu sehen und so hell wie sonst nie im Jahr.
event-solar-conjunction =
    { $conjunction ->
        [inferior] { $planet } in unterer Konjunktion
        [superior] { $planet } in oberer Konjunktion
       *[other] { $planet } in Konjunktion mit der Sonne
    }
event-solar-conjunction-desc =
    { $conjunction ->
        [inferior] Der Planet { $planet } zieht zwischen Erde und Sonne hindurch und verschwindet für einige Tage im Sonnenlicht.
       *[other] Der Planet { $planet } steht hinter der Sonne und ist für einige Wochen in ihrem Glanz verborgen.
    }
event-greatest-elongation =
    { $direction ->
        [east] { $planet } in größter östlicher Elongation
        [west] { $planet } in größter westlicher Elongation
       *[other] { $planet } in größter Elongation
    }
event-greatest-elongation-desc =
    { $direction ->
        [east] Der Planet { $planet } steht am Himmel am weitesten von der Sonne entfernt. Such ihn nach Sonnenuntergang tief im Westen.
        [west] Der Planet { $planet } steht am Himmel am weitesten von der Sonne entfernt. Such ihn vor Sonnenaufgang tief im Osten.
       *[other] Der Planet { $planet } steht am Himmel am weitesten von der Sonne entfernt – die beste Zeit, ihn zu entdecken.
    }
event-moon-conjunction = Der Mond beim Planeten { $planet }
event-moon-conjunction-desc = Der Mond zieht nahe am Planeten { $planet } vorbei – ein schönes Paar am Himmel.
event-meteor-shower = { $shower }: Höhepunkt des Meteorstroms
event-meteor-shower-desc = Der Meteorstrom erreicht seinen Höhepunkt. Je dunkler der Himmel, desto mehr Sternschnuppen siehst du; meist sind die Stunden vor der Morgendämmerung am besten.

event-detail-illumination = Beleuchtet: { $percent }
event-detail-distance = Entfernung: { $distance } km
event-detail-eclipse-magnitude = Größe der Finsternis: { $magnitude }
event-detail-brightness = Helligkeit: { $magnitude } mag
event-detail-constellation = Sternbild: { $constellation }
event-detail-zodiac = Tierkreiszeichen: { $sign }
event-detail-elongation = { $degrees }° von der Sonne entfernt
event-detail-meteor-rate =
    { $count ->
        [one] Bis zu { $count } Meteor pro Stunde
       *[other] Bis zu { $count } Meteore pro Stunde
    }

planet-mercury = Merkur
planet-venus = Venus
planet-mars = Mars
planet-jupiter = Jupiter
planet-saturn = Saturn
planet-uranus = Uranus
planet-neptune = Neptun

shower-quadrantids = Quadrantiden
shower-lyrids = Lyriden
shower-eta-aquariids = Eta-Aquariiden
shower-perseids = Perseiden
shower-orionids = Orioniden
shower-leonids = Leoniden
shower-geminids = Geminiden

season-spring = Frühling
season-summer = Sommer
season-autumn = Herbst
season-winter = Winter

zodiac-aries = Widder
zodiac-taurus = Stier
zodiac-gemini = Zwillinge
zodiac-cancer = Krebs
zodiac-leo = Löwe
zodiac-virgo = Jungfrau
zodiac-libra = Waage
zodiac-scorpio = Skorpion
zodiac-sagittarius = Schütze
zodiac-capricorn = Steinbock
zodiac-aquarius = Wassermann
zodiac-pisces = Fische
