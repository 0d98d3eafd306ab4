"""Albanian (shqip) translations of the demo content: standard Albanian.

See ``home.demo.content`` for the format: the same dict names and keys, with only the
text fields of ``TRANSLATABLE_FIELDS``. A key that is missing is not translated in this
edition; the other English articles are left untranslated on purpose.
"""

SITE = {
    "site_name": "Shoqata Nejat",
    "tagline": "Në mbështetje të familjeve të ndara nga konfliktet, që nga viti 2003",
    "copyright_holder": "Shoqata Nejat. Të gjitha të drejtat të rezervuara. NejatNGO.org",
    "social_links": [
        ("facebook", "https://www.facebook.com/nejatngo", "Shoqata Nejat në Facebook"),
        ("x", "https://x.com/nejatngo", "Shoqata Nejat në X"),
        ("instagram", "https://www.instagram.com/nejatngo", "Shoqata Nejat në Instagram"),
        ("youtube", "https://www.youtube.com/@nejatngo", "Shoqata Nejat në YouTube"),
        ("telegram", "https://t.me/nejatngo", "Shoqata Nejat në Telegram"),
    ],
}

HOME = {
    "title": "Kryefaqja",
    "intro": (
        "Shoqata Nejat mbështet familjet që kanë humbur kontaktin me të afërmit "
        "e tyre, boton raporte dhe periodikë dhe mban një arkiv lajmesh për "
        "rastet e tyre."
    ),
}

SECTIONS = {
    "articles": {
        "title": "Artikuj",
        "intro": "Lajme, raporte dhe deklarata nga Shoqata Nejat dhe partnerët e saj.",
    },
    "media": {
        "title": "Media",
        "intro": "Karikatura, fotografi lajmesh, galeri fotografish dhe video.",
    },
    "cartoons": {
        "title": "Karikatura",
        "intro": "Karikatura editoriale nga artistë që bashkëpunojnë me Shoqatën.",
    },
    "newspics": {
        "title": "Foto lajmesh",
        "intro": "Fotografi më vete nga aktivitetet tona dhe nga vendet për të cilat raportojmë.",
    },
    "photo-gallery": {
        "title": "Galeri fotografish",
        "intro": "Seri fotografish nga konferencat, takimet dhe vizitat e familjeve.",
    },
    "videos": {
        "title": "Video",
        "intro": "Filma të shkurtër dhe regjistrime nga aktivitetet tona.",
    },
    "publications": {
        "title": "Botime",
        "intro": (
            "Libra, Buletini Nejat dhe Pars Brief, për t’u lexuar në internet ose "
            "për t’u shkarkuar."
        ),
    },
    "books": {
        "title": "Libra",
        "intro": "Libra të botuar ose të mbështetur nga Shoqata Nejat.",
    },
    "nejat-newsletter": {
        "title": "Buletini Nejat",
        "intro": "Buletini ynë mujor: puna me rastet, aktivitetet dhe lajme nga familjet.",
    },
    "pars-brief": {
        "title": "Pars Brief",
        "intro": (
            "Një përmbledhje e shkurtër tremujore e lajmeve rajonale dhe "
            "ndërkombëtare që kanë rëndësi për familjet me të cilat punojmë."
        ),
    },
}

PAGES = {
    "about-us": {
        "title": "Rreth nesh",
        "intro": (
            "Shoqata Nejat është një organizatë joqeveritare që i ndihmon familjet "
            "të rivendosin kontaktin me të afërmit nga të cilët janë ndarë."
        ),
        "body": [
            ("h", "Kush jemi"),
            (
                "p",
                "Shoqata u themelua në vitin 2003 nga familje që kërkonin lajme për të "
                "afërmit e tyre. Sot ajo drejtohet nga një staf i vogël dhe nga një "
                "grup më i madh vullnetarësh, shumë prej të cilëve erdhën fillimisht te "
                "ne për të kërkuar një të afërm të tyre.",
            ),
            (
                "p",
                "Punojmë në anglisht, arabisht, persisht dhe shqip, dhe i përgjigjemi "
                "çdo letre që marrim, edhe kur përgjigjja është vetëm se po vazhdojmë "
                "të kërkojmë.",
            ),
            (
                "img",
                "volunteers-desk",
                "Vullnetarë në sportelin e mbështetjes për familjet.",
                "Vullnetarë të ulur në një tavolinë të gjatë me dosje dhe telefona.",
            ),
            ("h", "Çfarë bëjmë"),
            (
                "p",
                "Dokumentojmë kërkesat e familjeve, përcjellim letra dhe mesazhe kudo "
                "që ekziston një kanal, i shoqërojmë familjet në takime me autoritetet "
                "dhe organizatat ndërkombëtare, dhe botojmë atë që mësojmë, në mënyrë "
                "që të tjerët në të njëjtën situatë të dinë ku të drejtohen.",
            ),
            (
                "p",
                "Organizojmë gjithashtu konferenca dhe mbrëmje kulturore, sepse "
                "familjet na kanë thënë se takimi me të tjerë që e kuptojnë gjendjen e "
                "tyre ka po aq rëndësi sa çdo formular apo procedurë.",
            ),
            (
                "quote",
                "Nuk premtojmë përgjigje. Premtojmë që asnjë letër të mos mbetet e "
                "palexuar dhe asnjë familje të mos lihet të kërkojë e vetme.",
                "Nga deklarata themeluese e Shoqatës, 2003",
            ),
            ("h", "Si financohemi"),
            (
                "p",
                "Shoqata financohet nga dhurimet e individëve dhe nga grante të vogla. "
                "Llogaritë tona shqyrtohen çdo vit dhe përmblidhen në raportin tonë "
                "vjetor.",
            ),
            ("doc", "annual-report-2025", "Shkarkoni raportin vjetor 2025 (PDF)"),
        ],
    },
    "contact-us": {
        "title": "Na kontaktoni",
        "intro": (
            "Na shkruani në anglisht, arabisht, persisht ose shqip. E lexojmë çdo "
            "mesazh dhe përgjigjemi brenda pak ditësh pune. Ju lutemi, mos dërgoni "
            "dokumente që nuk mund t’i zëvendësoni: mjaftojnë kopjet."
        ),
        "thank_you_text": (
            "Faleminderit. Mesazhi juaj na ka mbërritur dhe një punonjës i stafit "
            "do t’ju përgjigjet së shpejti."
        ),
        "fields": [
            ("Emri", "singleline", True),
            ("Adresa e email-it", "email", True),
            ("Subjekti", "singleline", False),
            ("Mesazhi", "multiline", True),
        ],
    },
}

CATEGORIES = {
    "families": {
        "name": "Familjet e ish-anëtarëve",
        "description": "Lajme nga familjet që kërkojnë të afërmit e tyre dhe lajme për to.",
    },
    "iraq": {
        "name": "Iraku",
        "description": "Lajme humanitare nga Iraku dhe nga partnerët tanë atje.",
    },
    "camp-ashraf": {
        "name": "Kampi Ashraf dhe banorët e tij",
        "description": "Pyetjet e familjeve për ish-banorët e Kampit Ashraf.",
    },
    "human-rights": {
        "name": "Raportime për të drejtat e njeriut",
        "description": "Raporte, deklarata dhe udhëzues për të drejtat e familjeve të ndara.",
    },
    "united-nations": {
        "name": "Kombet e Bashkuara",
        "description": "Deklarata dhe sesione të Kombeve të Bashkuara dhe të agjencive të tyre.",
    },
    "regional-politics": {
        "name": "Politika rajonale dhe diplomacia",
        "description": "Takime rajonale, ndërmjetësimi dhe çfarë nënkuptojnë ato për familjet.",
    },
    "culture": {
        "name": "Kultura, kujtesa dhe artet",
        "description": (
            "Festivale, poezi, muzikë dhe mënyrat si i kujtojnë familjet të dashurit e tyre."
        ),
    },
    "society": {
        "name": "Lajme të Shoqatës Nejat",
        "description": "Lajme për Shoqatën: mbledhje, raporte, vullnetarë.",
    },
}

AUTHORS = {
    "elira-marku": {
        "name": "Elira Marku",
        "role": "Korrespondente, Tiranë",
    },
    "sara-nouri": {
        "name": "Sara Nouri",
        "role": "Gazetare e redaksisë",
    },
    "kamran-azadi": {
        "name": "Kamran Azadi",
        "role": "Korrespondent, Bagdad",
    },
    "mina-rahimi": {
        "name": "Mina Rahimi",
        "role": "Kolumniste",
    },
    "jonas-weller": {
        "name": "Jonas Weller",
        "role": "Korrespondent, Gjenevë",
    },
}

IMAGES = {
    "logo": {
        "description": "Shoqata Nejat",
    },
    "tirana-centre": {
        "description": "Ilustrim abstrakt: kodra të ulëta nën qiellin e mbrëmjes.",
    },
    "volunteers-desk": {
        "description": "Ilustrim abstrakt në ngjyra të qeta.",
    },
    "conference-hall": {
        "description": "Ilustrim abstrakt: kreshta njëra pas tjetrës dhe një diell i zbehtë.",
    },
    "geneva-session": {
        "description": "Ilustrim abstrakt në blu dhe gri.",
    },
    "letters": {
        "description": "Ilustrim abstrakt në ngjyra të ngrohta.",
    },
    "spring-table": {
        "description": "Ilustrim abstrakt në të gjelbër pranverore.",
    },
    "workshop": {
        "description": "Ilustrim abstrakt në ngjyrë rëre dhe blu të gjelbër.",
    },
    "garden": {
        "description": "Ilustrim abstrakt në ngjyrë ulliri dhe ari.",
    },
}

ARTICLES = {
    "support-desk-hours": {
        "title": "Sporteli i mbështetjes për familjet zgjat orarin e punës",
        "summary": (
            "Nga shkurti sporteli hapet edhe të shtunave në mëngjes, që të afërmit "
            "që punojnë gjatë javës të mund të vijnë personalisht."
        ),
        "hero_caption": "Hyrja e qendrës së familjeve në Tiranë.",
        "body": [
            (
                "p",
                "Nga shkurti, sporteli i mbështetjes për familjet i Shoqatës do të "
                "hapet edhe të shtunave në mëngjes, përveç orarit të zakonshëm gjatë "
                "ditëve të javës. Ndryshimi i përgjigjet një kërkese që e dëgjuam shumë "
                "herë vitin e kaluar: të afërmit që punojnë gjatë javës mund vetëm të "
                "telefononin, jo të vinin vetë.",
            ),
            (
                "p",
                "Të shtunave do të jenë të pranishëm vullnetarë që flasin persisht, "
                "arabisht dhe shqip. Vizitorët mund të sjellin letra për t’u përkthyer, "
                "të pyesin për një dosje të hapur ose thjesht të vijnë për të biseduar.",
            ),
            (
                "img",
                "tirana-centre",
                "Qendra e familjeve, ku ndodhet sporteli.",
                "Ilustrim abstrakt i qendrës së familjeve.",
            ),
            (
                "p",
                "Nuk nevojitet takim paraprak. Familjet që nuk mund të udhëtojnë mund "
                "të vazhdojnë ta kontaktojnë sportelin me telefon dhe përmes formularit "
                "të kontaktit në këtë faqe.",
            ),
        ],
    },
    "letter-after-eleven-years": {
        "title": "Letra e një nëne i mbërrin të birit pas njëmbëdhjetë vjetësh",
        "summary": (
            "Maryam e shkroi letrën në vitin 2013. Këtë verë, me ndihmën e dy "
            "organizatave, letra më në fund i mbërriti të birit, i cili u përgjigj "
            "brenda një jave."
        ),
        "hero_caption": "Përgjigjja që Maryam shkroi ditën kur mori lajm nga i biri.",
        "body": [
            (
                "p",
                "Maryam, e cila kërkoi që mbiemri i saj të mos publikohej, e shkroi "
                "letrën në vitin 2013. Letra kaloi nëpër tri organizata dhe disa vende "
                "para se t’i mbërrinte të birit këtë verë.",
            ),
            (
                "p",
                "Ai u përgjigj brenda një jave. „E lexova përgjigjen e tij në këmbë, në "
                "korridor“, i tha ajo Shoqatës. „Nuk prita dot të ulesha.“",
            ),
            (
                "quote",
                "Njëmbëdhjetë vjet shkrova sikur ai të mund të më lexonte. Tani e di që mundet.",
                "Maryam, në një bisedë me Shoqatën",
            ),
            (
                "p",
                "Nëna dhe i biri tani i shkruajnë njëri-tjetrit çdo muaj dhe shpresojnë "
                "të takohen.",
            ),
        ],
    },
    "human-rights-day-2024": {
        "title": "Deklaratë për Ditën e të Drejtave të Njeriut: e drejta për të ditur",
        "summary": (
            "Në Ditën e të Drejtave të Njeriut, Shoqata i kërkon çdo autoriteti që "
            "zotëron informacion për të afërmit e zhdukur ta ndajë atë me familjet "
            "e tyre."
        ),
        "hero_caption": "Qirinj të ndezur nga familjet në Ditën e të Drejtave të Njeriut.",
        "body": [
            (
                "p",
                "Në Ditën e të Drejtave të Njeriut, Shoqata publikon një deklaratë të "
                "shkurtër për të drejtën e familjeve për të ditur se çfarë u ka ndodhur "
                "të afërmve të tyre.",
            ),
            (
                "quote",
                "Çdo familje ka të drejtë të dijë, dhe çdo autoritet që zotëron "
                "informacion ka në dorë t’i japë fund një pritjeje.",
                "Deklaratë e Shoqatës Nejat",
            ),
            ("doc", "statement-human-rights-day-2024", ""),
        ],
    },
    "tirana-conference-opens": {
        "title": "Hapet në Tiranë konferenca për bashkimin familjar",
        "summary": (
            "Dy ditë panelesh dhe punëtorish bashkojnë familje, avokatë, punonjës "
            "humanitarë dhe studiues."
        ),
        "hero_caption": "Seanca hapëse e konferencës.",
        "body": [
            (
                "p",
                "Konferenca e Shoqatës për bashkimin familjar u hap sot në mëngjes në "
                "Tiranë, me pjesëmarrjen e familjeve, avokatëve, punonjësve humanitarë "
                "dhe studiuesve nga disa vende.",
            ),
            (
                "img",
                "conference-hall",
                "Salla e konferencës gjatë seancës hapëse.",
                "Ilustrim abstrakt: kreshta njëra pas tjetrës dhe një diell i zbehtë.",
            ),
            (
                "p",
                "Dita e parë u kushtohet përvojave të familjeve; e dyta, mënyrave "
                "praktike për rivendosjen e kontaktit.",
            ),
            ("doc", "conference-programme-2025", "Shkarkoni programin"),
        ],
    },
    "tirana-conference-closes": {
        "title": "Konferenca mbyllet me një thirrje për kanale praktike kontakti",
        "summary": (
            "Deklarata përmbyllëse kërkon kanale funksionale mes zyrave, numra "
            "reference për çdo kërkesë dhe përgjigje brenda një afati të caktuar."
        ),
        "hero_caption": "Pjesëmarrës në seancën përmbyllëse.",
        "body": [
            (
                "p",
                "Konferenca u mbyll me një deklaratë të miratuar nga pjesëmarrësit. Ajo "
                "kërkon kanale praktike kontakti mes zyrave që merren me rastet "
                "familjare, një numër reference për çdo kërkesë dhe përgjigje brenda "
                "një afati të caktuar.",
            ),
            (
                "quote",
                "Dëgjuam shumë histori gjatë dy ditëve. Asnjëra prej tyre nuk kërkonte "
                "diçka të pamundur.",
                "Nga seanca përmbyllëse",
            ),
            ("p", "Deklarata do t’u dërgohet autoriteteve dhe organizatave përkatëse."),
        ],
    },
    "un-day-2025-panel": {
        "title": "Panel në Ditën e OKB-së: t’i dëgjojmë familjet",
        "summary": (
            "Punonjës të organizatave ndërkombëtare dëgjuan drejtpërdrejt nga "
            "familjet se çfarë ndihmon dhe çfarë jo."
        ),
        "hero_caption": "Paneli në Ditën e Kombeve të Bashkuara.",
        "body": [
            (
                "p",
                "Në Ditën e Kombeve të Bashkuara, Shoqata ftoi punonjës të organizatave "
                "ndërkombëtare që t’i dëgjonin familjet, në vend që t’u flisnin atyre.",
            ),
            (
                "p",
                "Familjet treguan se çfarë i kishte ndihmuar: një person kontakti me "
                "emër, një përgjigje në gjuhën e tyre, një datë realiste. Dhe çfarë jo: "
                "formularët pa shpjegim dhe heshtja.",
            ),
            ("embed", "https://www.youtube.com/@nejatngo"),
        ],
    },
    "year-end-2025": {
        "title": "Mesazh në fund të vitit: 2025 në sportelin e mbështetjes për familjet",
        "summary": (
            "Më shumë kërkesa, më shumë letra të dorëzuara dhe një konferencë: një "
            "vështrim pas mbi vitin që kaloi."
        ),
        "hero_caption": "Sporteli i mbështetjes në ditën e fundit të punës së vitit.",
        "body": [
            (
                "p",
                "Këtë vit sporteli i mbështetjes mori më shumë kërkesa se kurrë më "
                "parë. Vullnetarët përkthyen qindra letra dhe disa familje shkëmbyen "
                "lajme për herë të parë pas shumë vitesh.",
            ),
            (
                "p",
                "Falënderojmë të gjithë ata që e bënë të mundur këtë dhe u urojmë të "
                "gjitha familjeve një vit të ri në paqe.",
            ),
        ],
    },
    "renewed-request-information": {
        "title": "Të afërmit rinovojnë kërkesën për informacion mbi ish-banorët e Kampit Ashraf",
        "summary": (
            "Në fund të vitit, familjet u kanë shkruar sërish organizatave "
            "përkatëse, duke kërkuar lajme për të afërmit e tyre."
        ),
        "hero_caption": "Letra të përgatitura për t’u dërguar në fund të vitit.",
        "body": [
            (
                "p",
                "Si çdo vit në dhjetor, një grup familjesh u kanë shkruar sërish "
                "organizatave përkatëse, duke kërkuar lajme për të afërm që dikur "
                "jetonin në Kampin Ashraf.",
            ),
            (
                "p",
                "Letrat u përgatitën me ndihmën e Shoqatës dhe u dërguan me numrat e "
                "referencës së korrespondencës së mëparshme.",
            ),
        ],
    },
    "annual-report-2025": {
        "title": "U botua raporti vjetor 2025",
        "summary": (
            "Raporti përshkruan punën e një viti me rastet, botimet dhe konferencën "
            "e Tiranës, dhe përfshin një përmbledhje të llogarive."
        ),
        "hero_caption": "Kopertina e raportit vjetor 2025.",
        "body": [
            (
                "p",
                "Raporti vjetor i Shoqatës për vitin 2025 tani është i disponueshëm. Ai "
                "përshkruan punën me rastet, botimet dhe aktivitetet e vitit, përfshirë "
                "konferencën për bashkimin familjar në Tiranë.",
            ),
            ("doc", "annual-report-2025", "Shkarkoni raportin vjetor 2025"),
            ("p", "Kopje të shtypura mund të kërkohen përmes faqes së kontaktit."),
        ],
    },
    "nowruz-1405-table": {
        "title": "Nevruzi: një tryezë e shtruar për ata që janë larg",
        "summary": (
            "Një shkrim për karriget bosh në tryezën e Vitit të Ri dhe për familjet "
            "që vazhdojnë t’i vendosin ato."
        ),
        "hero_caption": "Tryeza e Vitit të Ri në qendrën e familjeve.",
        "body": [
            (
                "p",
                "Çdo vit në Nevruz, disa familje shtrojnë në tryezë një vend për një të "
                "afërm që nuk do të vijë. Pjata mbetet e pastër; karrigia mbetet bosh.",
            ),
            (
                "img",
                "spring-table",
                "Tryeza e Vitit të Ri në qendrën e familjeve.",
                "Ilustrim abstrakt në të gjelbër pranverore.",
            ),
            (
                "p",
                "Nuk është zakon i trishtë, më tha një nënë. Është një mënyrë për të "
                "thënë se familja është ende e plotë, vetëm e shpërndarë në një largësi "
                "të madhe.",
            ),
        ],
    },
    "spring-reunion-two-sisters": {
        "title": "Ribashkim pranveror në Tiranë: dy motra takohen pas njëzet vjetësh",
        "summary": (
            "Dy motra që ishin parë për herë të fundit në vitin 2006 u takuan në "
            "qendrën e familjeve në ditën e parë të pranverës."
        ),
        "hero_caption": "Kopshti i qendrës së familjeve në ditën e ribashkimit.",
        "body": [
            (
                "p",
                "Dy motra që ishin parë për herë të fundit në vitin 2006 u takuan "
                "sërish në qendrën e familjeve në Tiranë, në ditën e parë të pranverës.",
            ),
            (
                "p",
                "Motra më e vogël i kishte shkruar Shoqatës dy vjet më parë. Pastaj "
                "erdhën letrat, më pas telefonatat dhe në fund përgatitja e gjatë e një "
                "udhëtimi.",
            ),
            (
                "img",
                "garden",
                "Kopshti i qendrës së familjeve.",
                "Ilustrim abstrakt në ngjyrë ulliri dhe ari.",
            ),
            ("quote", "Folëm gjashtë orë dhe nuk e mbaruam asnjë histori.", "Motra më e madhe"),
            (
                "p",
                "Motrat i kërkuan Shoqatës ta ndante historinë e tyre, që familjet e "
                "tjera të vazhdojnë të shkruajnë.",
            ),
        ],
    },
    "day-of-peace-2026": {
        "title": "Dita Ndërkombëtare e Paqes: dialog përtej largësisë",
        "summary": (
            "Për familjet e ndara, paqja shpesh nis me diçka të vogël: një letër që "
            "lejohet të mbërrijë."
        ),
        "hero_caption": "Një mbrëmje e qetë në Ditën Ndërkombëtare të Paqes.",
        "body": [
            (
                "p",
                "Dita Ndërkombëtare e Paqes është një rast për të kujtuar se, për "
                "familjet e ndara, paqja shpesh nis me diçka të vogël: një letër që "
                "lejohet të mbërrijë, një telefonatë që lejohet të lidhet.",
            ),
            (
                "p",
                "Shoqata do të organizojë një mbrëmje të hapur në qendrën e familjeve, "
                "me muzikë dhe lexime.",
            ),
        ],
    },
    "iraq-school-year-2026": {
        "title": (
            "Veriu i Irakut: grupet partnere raportojnë për vitin shkollor të "
            "fëmijëve të zhvendosur"
        ),
        "summary": (
            "Këtë vit janë regjistruar më shumë fëmijë të zhvendosur, falë "
            "regjistrimit më të thjeshtë për fëmijët e lindur jashtë vendit."
        ),
        "hero_caption": "Oborri i një shkolle në veri të Irakut.",
        "body": [
            (
                "p",
                "Organizatat që punojnë me familjet e zhvendosura në veri të Irakut "
                "raportojnë se këtë vit më shumë fëmijë janë regjistruar në shkollë, "
                "falë regjistrimit më të thjeshtë për fëmijët që kanë lindur jashtë "
                "vendit.",
            ),
            (
                "link",
                "https://wire.example.org/2026/10/iraq-school-year",
                "Lexoni më shumë te Humanitarian Wire",
            ),
        ],
    },
    "volunteer-training-2026": {
        "title": "Vullnetarët përfundojnë trajnimin për intervistimin që merr parasysh traumën",
        "summary": (
            "Njëzet vullnetarë mësuan si t’i dëgjojnë rrëfimet e familjeve pa u "
            "shkaktuar shqetësim të mëtejshëm."
        ),
        "hero_caption": "Vullnetarë gjatë trajnimit.",
        "body": [
            (
                "p",
                "Njëzet vullnetarë përfunduan një trajnim katërditor për intervistimin "
                "që merr parasysh traumën, të zhvilluar nga një psikolog që punon me "
                "organizata humanitare.",
            ),
            (
                "p",
                "Trajnimi trajtoi si të përgatitet një bisedë, si të njihen shenjat e "
                "shqetësimit dhe si të përmbyllet mirë një bisedë.",
            ),
        ],
    },
}

CARTOONS = {
    "the-empty-chair": {
        "title": "Karrigia bosh",
        "caption": "Një vend i ruajtur në tryezë.",
    },
    "signal-found": {
        "title": "Ka sinjal",
        "caption": "Çasti kur telefonata më në fund lidhet.",
    },
}

NEWS_PICTURES = {
    "conference-badges": {
        "title": "Bexhet për konferencën e Tiranës",
        "caption": "Vullnetarët përgatitin bexhet një mbrëmje para konferencës.",
    },
    "winter-letters": {
        "title": "Letra gati për t’u dërguar",
        "caption": "Letrat e para të vitit të ri, gati për postë.",
    },
}

GALLERIES = {
    "tirana-conference-2025": {
        "title": "Konferenca e Tiranës për bashkimin familjar",
        "intro": "Dy ditë panelesh, punëtorish dhe bisedash.",
        "caption": "Pamje nga konferenca.",
        "photos": [
            ("Regjistrimi në mëngjesin e parë.", "Njerëz në radhë para tavolinës së regjistrimit."),
            ("Seanca hapëse.", "Një sallë konferencash plot."),
            ("Punëtori për dokumentimin e një rasti.", "Një grup i vogël rreth një tavoline."),
            ("Biseda gjatë pushimit për kafe.", "Njerëz që bisedojnë në një korridor."),
            ("Seanca përmbyllëse.", "Folës në skenë."),
            ("Vullnetarët pas konferencës.", "Një fotografi në grup e vullnetarëve."),
        ],
    },
    "spring-reunion-2026": {
        "title": "Një ribashkim pranveror",
        "intro": "Dy motra takohen pas njëzet vjetësh. Botuar me lejen e tyre.",
        "caption": "Dita e ribashkimit në qendrën e familjeve.",
        "photos": [
            ("Në pritje te porta.", "Një grua që pret te porta e një kopshti."),
            ("Çasti i parë.", "Dy gra që përqafohen."),
            ("Duke parë fotografi të vjetra.", "Dy gra që shfletojnë një album fotografish."),
            ("Çaj në kopsht.", "Një tavolinë me çaj në një kopsht."),
        ],
    },
}

VIDEOS = {
    "letters-home": {
        "title": "Letra për në shtëpi",
        "caption": "Si udhëton një letër nga një familje te një i afërm.",
        "description": (
            "Një film i shkurtër për rrugën e një letre, nga sporteli i mbështetjes "
            "deri te marrësi."
        ),
        "transcript": (
            "Një letër shkruhet në tryezën e kuzhinës. Përkthehet në sportelin e "
            "mbështetjes, merr një numër reference dhe dërgohet. Disa javë më vonë "
            "mbërrin një përgjigje."
        ),
    },
    "family-centre-day": {
        "title": "Një ditë në qendrën e familjeve",
        "caption": "Nga posta e mëngjesit te linja e ndihmës në mbrëmje.",
        "description": "Qendra e familjeve nga hapja deri në mbyllje.",
        "transcript": (
            "Mëngjes: hapet posta. Pasdite: familjet vizitojnë sportelin e "
            "mbështetjes. Mbrëmje: linja e ndihmës përgjigjet në persisht dhe "
            "arabisht."
        ),
    },
}

BOOKS = {
    "letters-across-the-border": {
        "title": "Letra përtej kufirit",
        "summary": (
            "Një përmbledhje letrash të shkëmbyera mes të afërmve të ndarë, me "
            "komente për rrugën që bëri secila letër dhe për kuptimin që pati për "
            "familjet."
        ),
    },
    "verses-written-in-waiting": {
        "title": "Vargje të shkruara në pritje",
        "summary": (
            "Poezi nga të afërm të personave të zhdukur dhe të ndarë, në gjuhët "
            "origjinale dhe në përkthim anglisht."
        ),
    },
}

PERIODICALS = {
    "nejat-newsletter": {
        "title": "Buletini Nejat",
        "intro": "Buletini ynë mujor: puna me rastet, aktivitetet dhe lajme nga familjet.",
    },
    "pars-brief": {
        "title": "Pars Brief",
        "intro": (
            "Një përmbledhje e shkurtër tremujore e lajmeve rajonale dhe "
            "ndërkombëtare që kanë rëndësi për familjet me të cilat punojmë."
        ),
    },
}

ISSUES = {
    "nejat-newsletter-118": {
        "title": "Buletini Nejat, nr. 118",
        "summary": "Numër special për konferencën e Tiranës për bashkimin familjar.",
        "contents": [
            ("h", "Konferenca shkurtimisht"),
            ("p", "Dy ditë, katër panele, gjashtë punëtori dhe shumë biseda."),
            (
                "quote",
                "Asnjë nga historitë që dëgjuam nuk kërkonte diçka të pamundur.",
                "Nga seanca përmbyllëse",
            ),
            ("h", "Gjithashtu në këtë numër"),
            ("p", "Orari i ri i linjës së ndihmës dhe një falënderim për vullnetarët tanë."),
        ],
    },
    "nejat-newsletter-122": {
        "title": "Buletini Nejat, nr. 122",
        "summary": "Nevruzi dhe dy motra që u takuan pas njëzet vjetësh.",
        "contents": [
            ("h", "Një ribashkim pranveror"),
            ("p", "Dy motra tregojnë historinë e tyre."),
            ("h", "Një tryezë për ata që janë larg"),
            ("p", "Një shkrim për tryezën e Nevruzit."),
        ],
    },
    "pars-brief-24": {
        "title": "Pars Brief, nr. 24",
        "summary": "Procedurat për vizitorët në Irak dhe një vështrim mbi vitin.",
        "contents": [
            ("h", "Në këtë numër"),
            ("p", "Procedura më të qarta për vizitorët dhe çfarë ndryshoi në vitin 2025."),
        ],
    },
    "pars-brief-25": {
        "title": "Pars Brief, nr. 25",
        "summary": "Lajme rajonale të tremujorit të parë të vitit 2026.",
        "contents": [
            ("h", "Në këtë numër"),
            (
                "p",
                "Orari i ri i linjës së ndihmës dhe takimet rajonale që duhen ndjekur "
                "këtë pranverë.",
            ),
        ],
    },
}

# Short texts that appear in several places (frequencies, the contact email subject).
STRINGS = {
    "Monthly": "Mujore",
    "Quarterly": "Tremujore",
    "Message from the website": "Mesazh nga faqja",
}
