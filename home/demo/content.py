"""The English demo content: original, fictional texts written for this project.

Everything here is plain data. Every item has a stable key (the dict key), which is also how
the loader finds what it made before, and how translations attach to it.

How translations are added later
--------------------------------
A translation module (e.g. ``home/demo/translations/ar.py``) defines dicts with the same
names as below (``SECTIONS``, ``PAGES``, ``CATEGORIES``, ``ARTICLES``, ``CARTOONS``, …), with
the same keys, holding only the *text* fields listed in ``TRANSLATABLE_FIELDS``; a key that
is missing there is simply not translated. Lists of text keep their length and order (a
body is translated block by block: ``("p", text)`` becomes ``("p", translated text)``; the
non-text parts of a block, such as an image key or a URL, are copied from English). Dates,
slugs, image keys, URLs and other data are never repeated in a translation.

Body blocks (``body`` of articles and pages, ``contents`` of periodical issues) are tuples:

* ``("p", text)`` a paragraph
* ``("h", text)`` a heading (level 2)
* ``("img", image_key, caption, alt_text)`` an image from ``IMAGES``
* ``("quote", text, attribution)`` a block quote
* ``("pull", text)`` a pull quote
* ``("doc", document_key, link_text)`` a download link to a document from ``DOCUMENTS``
* ``("link", url, link_text)`` a "Read more" source link
* ``("embed", url)`` an embedded video (shown as a link when no embed is cached)

Names, correspondents, families and quotations are fictional; addresses under
``example.org`` are placeholders. Summaries of UN statements are generic paraphrases.
"""

# Text fields per collection: what a translation module provides for each key.
TRANSLATABLE_FIELDS = {
    "SITE": ["site_name", "tagline", "copyright_holder", "social_links"],
    "HOME": ["title", "intro"],
    "SECTIONS": ["title", "intro"],
    "PAGES": ["title", "intro", "body", "thank_you_text", "fields"],
    "CATEGORIES": ["name", "description"],
    "AUTHORS": ["name", "role"],
    "IMAGES": ["description"],
    "ARTICLES": ["title", "summary", "hero_caption", "body"],
    "CARTOONS": ["title", "caption"],
    "NEWS_PICTURES": ["title", "caption"],
    "GALLERIES": ["title", "intro", "caption", "photos"],
    "VIDEOS": ["title", "caption", "description", "transcript"],
    "BOOKS": ["title", "summary"],
    "PERIODICALS": ["title", "intro"],
    "ISSUES": ["title", "summary", "contents"],
}

SITE = {
    "site_name": "Nejat Society",
    "tagline": "Supporting families separated by conflict, since 2003",
    "copyright_holder": "NEJAT Society. All Rights Reserved. NejatNGO.org",
    "copyright_start_year": 2003,
    "logo": "logo",
    "social_links": [
        ("facebook", "https://www.facebook.com/nejatngo", "Nejat Society on Facebook"),
        ("x", "https://x.com/nejatngo", "Nejat Society on X"),
        ("instagram", "https://www.instagram.com/nejatngo", "Nejat Society on Instagram"),
        ("youtube", "https://www.youtube.com/@nejatngo", "Nejat Society on YouTube"),
        ("telegram", "https://t.me/nejatngo", "Nejat Society on Telegram"),
    ],
}

HOME = {
    "title": "Home",
    "intro": (
        "The Nejat Society supports families who have lost contact with relatives, "
        "publishes reports and periodicals, and keeps an archive of news about their cases."
    ),
    # Article keys, in order.
    "featured": ["spring-reunion-two-sisters", "annual-report-2025", "day-of-peace-2026"],
}

# Section pages, in menu order within their parent. "kind" says which page type.
SECTIONS = {
    "articles": {
        "kind": "articles",
        "title": "Articles",
        "slug": "articles",
        "intro": "News, reports and statements from the Nejat Society and its partners.",
    },
    "media": {
        "kind": "media",
        "title": "Media",
        "slug": "media",
        "intro": "Cartoons, news pictures, photo galleries and videos.",
    },
    "cartoons": {
        "kind": "media_section",
        "parent": "media",
        "title": "Cartoons",
        "slug": "cartoons",
        "intro": "Editorial cartoons by artists who work with the Society.",
    },
    "newspics": {
        "kind": "media_section",
        "parent": "media",
        "title": "NewsPics",
        "slug": "newspics",
        "intro": "Single pictures from our events and from the places we report on.",
    },
    "photo-gallery": {
        "kind": "media_section",
        "parent": "media",
        "title": "Photo Gallery",
        "slug": "photo-gallery",
        "intro": "Photo series from conferences, gatherings and family visits.",
    },
    "videos": {
        "kind": "media_section",
        "parent": "media",
        "title": "Videos",
        "slug": "videos",
        "intro": "Short films and recordings of our events.",
    },
    "publications": {
        "kind": "publications",
        "title": "Publications",
        "slug": "publications",
        "intro": "Books, the Nejat NewsLetter and the Pars Brief, to read online or download.",
    },
    "books": {
        "kind": "books",
        "parent": "publications",
        "title": "Books",
        "slug": "books",
        "intro": "Books published or supported by the Nejat Society.",
    },
    "nejat-newsletter": {
        "kind": "periodical",
        "parent": "publications",
        "title": "Nejat NewsLetter",
        "slug": "nejat-newsletter",
        "frequency": "Monthly",
        "intro": "Our monthly newsletter: casework, events and news from families.",
    },
    "pars-brief": {
        "kind": "periodical",
        "parent": "publications",
        "title": "Pars Brief",
        "slug": "pars-brief",
        "frequency": "Quarterly",
        "intro": "A short quarterly digest of regional and international news that matters "
        "to the families we work with.",
    },
}

PAGES = {
    "about-us": {
        "title": "About Us",
        "slug": "about-us",
        "intro": (
            "The Nejat Society is a non-governmental organisation that helps families "
            "re-establish contact with relatives from whom they have been separated."
        ),
        "body": [
            ("h", "Who we are"),
            (
                "p",
                "The Society was founded in 2003 by families who were looking for news of "
                "their relatives. Today it is run by a small staff and a larger group of "
                "volunteers, many of whom came to us first with a search of their own.",
            ),
            (
                "p",
                "We work in English, Arabic, Persian and Albanian, and we answer every "
                "letter we receive, even when the answer is only that we are still looking.",
            ),
            (
                "img",
                "volunteers-desk",
                "Volunteers at the family support desk.",
                "Volunteers sitting at a long desk with files and telephones.",
            ),
            ("h", "What we do"),
            (
                "p",
                "We document requests from families, pass letters and messages where a "
                "channel exists, accompany families to meetings with authorities and "
                "international organisations, and publish what we learn so that others "
                "in the same situation know where to turn.",
            ),
            (
                "p",
                "We also organise conferences and cultural evenings, because families told "
                "us that meeting others who understand their situation matters as much as "
                "any form or procedure.",
            ),
            (
                "quote",
                "We do not promise answers. We promise that no letter goes unread and no "
                "family is left to search alone.",
                "From the Society's founding statement, 2003",
            ),
            ("h", "How we are funded"),
            (
                "p",
                "The Society is funded by donations from individuals and by small grants. "
                "Our accounts are reviewed every year and summarised in our annual report.",
            ),
            ("doc", "annual-report-2025", "Download the annual report 2025 (PDF)"),
        ],
    },
    "contact-us": {
        "title": "Contact us",
        "slug": "contact-us",
        "intro": (
            "Write to us in English, Arabic, Persian or Albanian. We read every message and "
            "reply within a few working days. Please do not send documents you cannot "
            "replace: copies are enough."
        ),
        "thank_you_text": (
            "Thank you. Your message has reached us and a member of staff will reply to you soon."
        ),
        # (label, field type, required); the English label gives each field's clean_name.
        "fields": [
            ("Name", "singleline", True),
            ("Email", "email", True),
            ("Subject", "singleline", False),
            ("Message", "multiline", True),
        ],
    },
}

CATEGORIES = {
    "families": {
        "name": "Families of former members",
        "slug": "families-of-former-members",
        "description": "News from and about families looking for relatives.",
    },
    "iraq": {
        "name": "Iraq",
        "slug": "iraq",
        "description": "Humanitarian news from Iraq and our partners there.",
    },
    "camp-ashraf": {
        "name": "Camp Ashraf and its residents",
        "slug": "camp-ashraf-and-its-residents",
        "description": "Families' questions about former residents of Camp Ashraf.",
    },
    "human-rights": {
        "name": "Human rights reporting",
        "slug": "human-rights-reporting",
        "description": "Reports, statements and guides on the rights of separated families.",
    },
    "united-nations": {
        "name": "United Nations",
        "slug": "united-nations",
        "description": "Statements and sessions of the United Nations and its agencies.",
    },
    "regional-politics": {
        "name": "Regional politics and diplomacy",
        "slug": "regional-politics-and-diplomacy",
        "description": "Regional meetings, mediation and what they mean for families.",
    },
    "culture": {
        "name": "Culture, memory & the arts",
        "slug": "culture-memory-and-the-arts",
        "description": "Festivals, poetry, music and the ways families remember.",
    },
    "society": {
        "name": "Nejat Society news",
        "slug": "nejat-society-news",
        "description": "News about the Society: meetings, reports, volunteers.",
    },
}

AUTHORS = {
    "elira-marku": {"name": "Elira Marku", "role": "Correspondent, Tirana"},
    "sara-nouri": {"name": "Sara Nouri", "role": "Staff writer"},
    "kamran-azadi": {"name": "Kamran Azadi", "role": "Correspondent, Baghdad"},
    "mina-rahimi": {"name": "Mina Rahimi", "role": "Columnist"},
    "jonas-weller": {"name": "Jonas Weller", "role": "Correspondent, Geneva"},
}

# Fictional news sources for articles that come from elsewhere.
SOURCES = {
    "rns": ("Regional News Service", "https://news.example.org/"),
    "hw": ("Humanitarian Wire", "https://wire.example.org/"),
}

# Images used inside bodies (heroes, covers, posters and photos are made per item).
IMAGES = {
    "logo": {"title": "Nejat Society logo", "kind": "logo", "description": "Nejat Society"},
    "tirana-centre": {
        "title": "Family centre, Tirana",
        "description": "Abstract illustration: low hills under an evening sky.",
    },
    "volunteers-desk": {
        "title": "Volunteers at the support desk",
        "description": "Abstract illustration in calm colours.",
    },
    "conference-hall": {
        "title": "Conference hall",
        "description": "Abstract illustration: layered ridges and a pale sun.",
    },
    "geneva-session": {
        "title": "Palais des Nations, Geneva",
        "description": "Abstract illustration in blue and grey.",
    },
    "letters": {
        "title": "Letters from families",
        "description": "Abstract illustration in warm colours.",
    },
    "spring-table": {
        "title": "A Nowruz table",
        "description": "Abstract illustration in spring green.",
    },
    "workshop": {
        "title": "Workshop on civil records",
        "description": "Abstract illustration in sand and teal.",
    },
    "garden": {
        "title": "Garden of the family centre",
        "description": "Abstract illustration in olive and gold.",
    },
}

DOCUMENTS = {
    "annual-report-2024": {
        "title": "Annual report 2024",
        "subtitle": "The Nejat Society's work in 2024",
        "date": "2025-02-12",
        "paragraphs": [
            "## A year of casework",
            "In 2024 the Society opened new files for families looking for relatives, "
            "answered letters in four languages and extended the opening hours of its "
            "family support desk.",
            "## Events",
            "We held a spring gathering, a poetry evening and a conference panel on "
            "mediation, and submitted a written statement to a session in Geneva.",
            "## Accounts",
            "The Society's income came from individual donations and small grants. "
            "Most of it was spent on casework, translation and travel with families.",
        ],
    },
    "annual-report-2025": {
        "title": "Annual report 2025",
        "subtitle": "The Nejat Society's work in 2025",
        "date": "2026-02-11",
        "paragraphs": [
            "## A year of casework",
            "In 2025 the Society handled more requests than in any year before, helped "
            "several families exchange letters for the first time in years, and hosted a "
            "two-day conference on family reunification in Tirana.",
            "## Publications",
            "We published twelve issues of the Nejat NewsLetter, four issues of the Pars "
            "Brief and a guide for families documenting a case.",
            "## Volunteers",
            "Volunteers gave thousands of hours: answering the telephone, translating "
            "letters and accompanying families to meetings.",
            "## Accounts",
            "As every year, our accounts were reviewed by an independent examiner. A "
            "summary is available on request.",
        ],
    },
    "family-guide": {
        "title": "A guide for families: documenting a case",
        "subtitle": "What to write down, what to keep, and whom to ask",
        "date": "2025-05-28",
        "paragraphs": [
            "## Start with what you know",
            "Write down the full name of your relative in every spelling you have seen, "
            "their date and place of birth, and the last date you had news of them.",
            "## Keep copies",
            "Keep copies of every letter you send and receive, with the date. Never send "
            "an original document you cannot replace.",
            "## Ask for a reference",
            "When you contact an organisation, ask for a reference number and write it on "
            "your copy. It saves time for everyone when you write again.",
            "## You are not alone",
            "The Society can help you prepare letters, translate them and follow them up.",
        ],
    },
    "conference-programme-2025": {
        "title": "Programme: Tirana conference on family reunification, 2025",
        "subtitle": "Two days of panels, workshops and conversations",
        "date": "2025-09-01",
        "paragraphs": [
            "## Day one",
            "Opening words. Panel: twenty years of letters. Workshop: documenting a case. "
            "Evening: music and poetry.",
            "## Day two",
            "Panel: the role of mediators. Workshop: supporting children and grandparents. "
            "Closing session and statement.",
        ],
    },
    "statement-human-rights-day-2024": {
        "title": "Statement on Human Rights Day 2024",
        "subtitle": "The right to know",
        "date": "2024-12-10",
        "paragraphs": [
            "## The right to know",
            "Every family has the right to know what has happened to a relative and to "
            "exchange news with them. On Human Rights Day we ask every authority that holds "
            "information to share it with the families concerned.",
        ],
    },
}

# Articles, oldest first. Keys are stable; slugs are the English addresses.
# "time" (optional) is the time of day, "HH:MM"; without it articles of one day share the
# same timestamp and are ordered by creation. "related" lists keys of earlier articles.
ARTICLES = {
    "support-desk-hours": {
        "title": "Family support desk extends its opening hours",
        "slug": "family-support-desk-extends-opening-hours",
        "date": "2024-01-18",
        "category": "families",
        "author": "elira-marku",
        "tags": ["families", "support desk", "Tirana"],
        "summary": "From February the desk opens on Saturday mornings as well, so that "
        "relatives who work during the week can visit in person.",
        "hero_caption": "The entrance of the family centre in Tirana.",
        "body": [
            (
                "p",
                "The Society's family support desk will open on Saturday mornings from "
                "February, in addition to its weekday hours. The change answers a request we "
                "heard many times last year: relatives who work during the week could only "
                "call, never visit.",
            ),
            (
                "p",
                "Volunteers who speak Persian, Arabic and Albanian will be present on "
                "Saturdays. Visitors can bring letters to be translated, ask about an open "
                "file, or simply come to talk.",
            ),
            (
                "img",
                "tirana-centre",
                "The family centre, where the desk is located.",
                "Abstract illustration of the family centre.",
            ),
            (
                "p",
                "No appointment is needed. Families who cannot travel can continue to "
                "reach the desk by telephone and by the contact form on this site.",
            ),
        ],
    },
    "clearer-procedures-report": {
        "title": "Report calls for clearer procedures on family contact",
        "slug": "report-calls-for-clearer-procedures-on-family-contact",
        "date": "2024-02-27",
        "category": "human-rights",
        "author": "sara-nouri",
        "tags": ["report", "human rights"],
        "summary": "A review of the requests the Society handled in 2023 finds that most "
        "delays came from unclear procedures rather than refusals.",
        "hero_caption": "Files from the 2023 review.",
        "body": [
            (
                "p",
                "The Society has published a short review of the requests it handled in "
                "2023. Its main finding is a simple one: most families who waited for months "
                "were not refused anything. They were simply not told where to write, or to "
                "whom.",
            ),
            ("h", "What the review recommends"),
            (
                "p",
                "The review recommends a single published address for requests, a "
                "reference number for every letter received, and a reply, even a provisional "
                "one, within a fixed period.",
            ),
            (
                "pull",
                "Most families were not refused anything. They were simply not told "
                "where to write.",
            ),
            (
                "p",
                "The recommendations will be sent to the offices concerned and discussed "
                "at the Society's spring meeting.",
            ),
        ],
    },
    "nowruz-gathering-2024": {
        "title": "Nowruz gathering brings families and volunteers together",
        "slug": "nowruz-gathering-brings-families-and-volunteers-together",
        "date": "2024-03-21",
        "category": "culture",
        "author": None,
        "tags": ["Nowruz", "culture", "families"],
        "summary": "More than a hundred guests marked the new year at the family centre, "
        "with music, food and a table laid for absent relatives.",
        "hero_caption": "Guests in the garden of the family centre at Nowruz.",
        "body": [
            (
                "p",
                "The garden of the family centre was full on the first day of spring, as "
                "families, volunteers and neighbours gathered to mark Nowruz.",
            ),
            (
                "p",
                "As in previous years, one table was laid with the traditional seven "
                "items and left with empty chairs, for the relatives who could not be there.",
            ),
            (
                "img",
                "spring-table",
                "The table laid for absent relatives.",
                "Abstract illustration in spring colours.",
            ),
            (
                "p",
                "The afternoon ended with music by volunteers and a reading of letters "
                "that families had chosen to share.",
            ),
        ],
    },
    "geneva-written-statement-2024": {
        "title": "Society submits written statement ahead of Geneva session",
        "slug": "society-submits-written-statement-ahead-of-geneva-session",
        "date": "2024-04-30",
        "category": "united-nations",
        "author": "jonas-weller",
        "tags": ["Geneva", "United Nations", "statement"],
        "summary": "The statement asks member states to treat contact between separated "
        "relatives as a humanitarian matter, apart from political disputes.",
        "hero_caption": "The Palais des Nations in Geneva.",
        "body": [
            (
                "p",
                "The Society has submitted a written statement for the coming session of "
                "the Human Rights Council in Geneva. Written statements by accredited "
                "organisations are published with the session documents.",
            ),
            (
                "p",
                "The statement describes, without names, the situation of families who "
                "have had no news of a relative for many years, and asks that contact between "
                "relatives be treated as a humanitarian matter.",
            ),
            (
                "quote",
                "A letter between a mother and her son should never have to wait for "
                "a political agreement.",
                "From the Society's written statement",
            ),
            (
                "p",
                "Representatives of the Society will attend the session and meet "
                "delegations that have agreed to listen to families' accounts.",
            ),
        ],
    },
    "baghdad-document-checks": {
        "title": "Iraq: humanitarian groups describe progress on document checks",
        "slug": "iraq-humanitarian-groups-describe-progress-on-document-checks",
        "date": "2024-05-15",
        "category": "iraq",
        "author": "kamran-azadi",
        "source": "rns",
        "source_path": "2024/05/iraq-document-checks",
        "tags": ["Iraq", "civil documents"],
        "summary": "Partner organisations say families now wait less for copies of civil "
        "records, though the process still varies from one office to another.",
        "hero_caption": "A waiting room at a civil records office.",
        "body": [
            (
                "p",
                "Humanitarian organisations working in Iraq report that families are "
                "waiting less than last year for copies of civil records, such as birth and "
                "marriage certificates.",
            ),
            (
                "p",
                "The organisations say the process still differs from one office to "
                "another, and that families who left the country often need help to apply "
                "from abroad.",
            ),
            (
                "p",
                "The Society will publish a short note on how to request records from "
                "abroad, in Arabic and Persian, later this year.",
            ),
            (
                "link",
                "https://news.example.org/2024/05/iraq-document-checks",
                "Read more at the Regional News Service",
            ),
        ],
    },
    "single-point-of-contact": {
        "title": "Relatives of former Camp Ashraf residents ask for a single point of contact",
        "slug": "relatives-ask-for-a-single-point-of-contact",
        "date": "2024-06-20",
        "category": "camp-ashraf",
        "author": "sara-nouri",
        "tags": ["Camp Ashraf", "families"],
        "summary": "Families say they have written to many offices over the years and "
        "would like one address that answers all their questions.",
        "hero_caption": "Letters collected by the Society in 2024.",
        "body": [
            (
                "p",
                "Relatives of people who once lived at Camp Ashraf have asked, through "
                "the Society, for a single point of contact to which they can address their "
                "questions.",
            ),
            (
                "p",
                "Many of the families have written to several offices over the years, "
                "sometimes receiving contradictory answers, and sometimes none at all.",
            ),
            (
                "img",
                "letters",
                "Some of the letters families have shared with the Society.",
                "Abstract illustration in warm colours.",
            ),
            (
                "p",
                "The Society has forwarded the request to the organisations concerned and "
                "will publish any reply it receives.",
            ),
        ],
    },
    "refugee-day-2024-volunteers": {
        "title": "World Refugee Day: volunteers answer questions in three languages",
        "slug": "world-refugee-day-volunteers-answer-questions",
        "date": "2024-06-20",
        "category": "human-rights",
        "author": None,
        "tags": ["World Refugee Day", "volunteers"],
        "summary": "For one day the support desk stayed open until late, answering "
        "questions about procedures in Persian, Arabic and Albanian.",
        "hero_caption": "Volunteers at the support desk on World Refugee Day.",
        "body": [
            (
                "p",
                "On World Refugee Day the Society's support desk stayed open until late "
                "in the evening. Volunteers answered questions about procedures, letters and "
                "open files in Persian, Arabic and Albanian.",
            ),
            (
                "p",
                "Most questions were practical: how to renew a document, how to write to "
                "an embassy, how long to wait before writing again.",
            ),
            ("p", "The Society thanks the volunteers who gave their evening."),
        ],
    },
    "mediators-panel": {
        "title": "Conference panel discusses the role of mediators in family cases",
        "slug": "conference-panel-discusses-role-of-mediators",
        "date": "2024-07-30",
        "category": "regional-politics",
        "author": "jonas-weller",
        "tags": ["conference", "mediation"],
        "summary": "Speakers agreed that quiet, practical channels between offices often "
        "do more for families than public declarations.",
        "hero_caption": "Speakers at the panel on mediation.",
        "body": [
            (
                "p",
                "A panel organised by the Society at a regional conference discussed how "
                "mediators can help families when the offices involved do not talk to each "
                "other directly.",
            ),
            (
                "p",
                "Speakers, who included former diplomats and humanitarian workers, "
                "agreed that quiet and practical channels often achieve more than public "
                "declarations.",
            ),
            (
                "pull",
                "A working telephone line between two offices can matter more than a communiqué.",
            ),
            (
                "p",
                "The panel's recommendations will feed into the Society's work in the coming year.",
            ),
        ],
    },
    "letter-after-eleven-years": {
        "title": "A mother's letter reaches her son after eleven years",
        "slug": "a-mothers-letter-reaches-her-son-after-eleven-years",
        "date": "2024-09-12",
        "category": "families",
        "author": "elira-marku",
        "tags": ["families", "letters"],
        "summary": "Maryam wrote the letter in 2013. This summer, with the help of two "
        "organisations, it finally reached her son, who answered within a week.",
        "hero_caption": "Maryam's reply, written on the day she heard from her son.",
        "body": [
            (
                "p",
                "Maryam, who asked that her family name not be published, wrote the "
                "letter in 2013. It travelled through three organisations and several "
                "countries before it reached her son this summer.",
            ),
            (
                "p",
                'He answered within a week. "I read his reply standing in the '
                'corridor," she told the Society. "I could not wait to sit down."',
            ),
            (
                "quote",
                "For eleven years I wrote as if he could read me. Now I know he can.",
                "Maryam, in a conversation with the Society",
            ),
            ("p", "Mother and son now write to each other every month, and hope to meet."),
        ],
    },
    "un-day-2024-charter": {
        "title": "United Nations Day: what the Charter promises to separated families",
        "slug": "united-nations-day-what-the-charter-promises",
        "date": "2024-10-24",
        "category": "united-nations",
        "author": "mina-rahimi",
        "tags": ["United Nations", "UN Day"],
        "summary": "A column on the promises of the UN Charter and the Universal "
        "Declaration, read from the point of view of a family waiting for news.",
        "hero_caption": "Flags outside a United Nations building.",
        "body": [
            (
                "p",
                "The Charter of the United Nations speaks of the dignity and worth of "
                "the human person. For a family that has not heard from a relative in years, "
                "those words can sound far away.",
            ),
            (
                "p",
                "And yet the Universal Declaration of Human Rights, adopted three years "
                "later, is very concrete: it protects the family and the right to "
                "correspondence. Those are the words families quote in their letters to us.",
            ),
            (
                "p",
                "On United Nations Day, it is worth reading those texts again, slowly, "
                "with a particular family in mind.",
            ),
        ],
    },
    "annual-meeting-2024": {
        "title": "Annual meeting reviews a year of casework",
        "slug": "annual-meeting-reviews-a-year-of-casework",
        "date": "2024-11-20",
        "category": "society",
        "author": None,
        "tags": ["annual meeting", "volunteers"],
        "summary": "Members approved the accounts, elected a new board and agreed on "
        "three priorities for 2025.",
        "hero_caption": "Members at the annual meeting.",
        "body": [
            (
                "p",
                "Members of the Society met in Tirana for the annual meeting, approved "
                "the accounts for the past year and elected a new board.",
            ),
            ("h", "Priorities for 2025"),
            (
                "p",
                "The meeting agreed on three priorities for the coming year: shorter "
                "waiting times at the support desk, a guide for families in four languages, "
                "and a conference on family reunification.",
            ),
            ("p", "The annual report will be published early next year."),
        ],
    },
    "human-rights-day-2024": {
        "title": "Human Rights Day statement: the right to know",
        "slug": "human-rights-day-statement-the-right-to-know",
        "date": "2024-12-10",
        "category": "human-rights",
        "author": None,
        "tags": ["Human Rights Day", "statement"],
        "summary": "On Human Rights Day the Society asks every authority that holds "
        "information about missing relatives to share it with their families.",
        "hero_caption": "Candles lit by families on Human Rights Day.",
        "body": [
            (
                "p",
                "On Human Rights Day the Society publishes a short statement on the right "
                "of families to know what has happened to their relatives.",
            ),
            (
                "quote",
                "Every family has the right to know, and every authority that holds "
                "information has the power to end a wait.",
                "Nejat Society statement",
            ),
            ("doc", "statement-human-rights-day-2024", ""),
        ],
        "related": ["clearer-procedures-report"],
    },
    "winter-needs-iraq": {
        "title": "Partner organisations in Iraq report on winter needs",
        "slug": "partner-organisations-in-iraq-report-on-winter-needs",
        "date": "2025-01-22",
        "category": "iraq",
        "author": "kamran-azadi",
        "source": "hw",
        "source_path": "2025/01/iraq-winter-needs",
        "tags": ["Iraq", "humanitarian aid"],
        "summary": "Heating, warm clothing and help with documents top the list of needs "
        "reported by families in the north of the country.",
        "hero_caption": "A winter morning in northern Iraq.",
        "body": [
            (
                "p",
                "Organisations working with displaced families in northern Iraq say that "
                "heating, warm clothing and help with documents are the most frequent "
                "requests this winter.",
            ),
            (
                "p",
                "Several organisations have combined their distributions to reach more "
                "families with the same resources.",
            ),
            (
                "link",
                "https://wire.example.org/2025/01/iraq-winter-needs",
                "Read more at Humanitarian Wire",
            ),
        ],
    },
    "video-calls-grandparents": {
        "title": "Video calls help grandparents meet grandchildren for the first time",
        "slug": "video-calls-help-grandparents-meet-grandchildren",
        "date": "2025-02-14",
        "category": "families",
        "author": "elira-marku",
        "tags": ["families", "video calls"],
        "summary": "A volunteer programme sets up calls for older relatives who have never "
        "used a smartphone.",
        "hero_caption": "A video call arranged at the family centre.",
        "body": [
            (
                "p",
                "Since the autumn, volunteers at the family centre have been helping "
                "older relatives make video calls. For some grandparents it was the first "
                "time they saw their grandchildren.",
            ),
            (
                "p",
                "Volunteers prepare the call in advance, test the connection and stay "
                "nearby in case something goes wrong, then leave the family alone.",
            ),
            (
                "pull",
                '"She kept touching the screen," one volunteer said. "As if she '
                'could reach through it."',
            ),
            ("p", "Families who would like to use the programme can ask at the support desk."),
        ],
        "related": ["support-desk-hours"],
    },
    "womens-day-mothers": {
        "title": "International Women's Day: mothers who kept searching",
        "slug": "international-womens-day-mothers-who-kept-searching",
        "date": "2025-03-08",
        "category": "culture",
        "author": "mina-rahimi",
        "tags": ["International Women's Day", "families"],
        "summary": "A column on the women who have written most of the letters the "
        "Society has received in twenty years.",
        "hero_caption": "Letters written by mothers, kept in the Society's archive.",
        "body": [
            (
                "p",
                "Most of the letters the Society has received since 2003 were written by "
                "women: mothers, sisters, wives and daughters.",
            ),
            (
                "p",
                "They wrote in the evenings, after work. They kept copies in shoe boxes "
                "and plastic folders. Some wrote every month for years.",
            ),
            ("p", "On International Women's Day, this column is for them."),
        ],
        "related": ["letter-after-eleven-years"],
    },
    "nowruz-greetings-1404": {
        "title": "Nowruz greetings from the Society",
        "slug": "nowruz-greetings-from-the-society",
        "date": "2025-03-20",
        "category": "culture",
        "author": None,
        "tags": ["Nowruz", "culture"],
        "summary": "The Society wishes all families a happy new year and a spring of good news.",
        "hero_caption": "Spring at the family centre.",
        "body": [
            (
                "p",
                "The staff and volunteers of the Society wish all families a happy new "
                "year. May the spring bring news of those who are far away.",
            ),
            (
                "p",
                "The family centre will be closed on the first two days of the new year "
                "and will reopen as usual afterwards.",
            ),
        ],
        "related": ["nowruz-gathering-2024"],
    },
    "decade-of-letters": {
        "title": "Looking back: a decade of letters from families of Camp Ashraf residents",
        "slug": "looking-back-a-decade-of-letters",
        "date": "2025-04-16",
        "category": "camp-ashraf",
        "author": "sara-nouri",
        "tags": ["Camp Ashraf", "letters", "archive"],
        "summary": "The Society's archive holds thousands of letters. A look at what "
        "families asked for, and how their questions changed over ten years.",
        "hero_caption": "Folders in the Society's archive.",
        "body": [
            (
                "p",
                "The Society's archive holds thousands of letters written by relatives "
                "of people who lived at Camp Ashraf. Read together, they show how families' "
                "questions changed over the years.",
            ),
            ("h", "The first years"),
            (
                "p",
                "Early letters ask simple questions: is my son well, can he write to me, "
                "can I visit? Many include photographs and small news from home.",
            ),
            ("h", "Later years"),
            (
                "p",
                "Later letters are more formal. Families quote articles of law, list the "
                "offices they have already written to, and ask for written answers.",
            ),
            (
                "img",
                "letters",
                "Letters from the Society's archive, sorted by year.",
                "Abstract illustration in warm colours.",
            ),
            (
                "p",
                "What has not changed is the request at the heart of every letter: to "
                "hear from a relative, in their own words.",
            ),
        ],
        "related": ["single-point-of-contact"],
    },
    "regional-forum-consular": {
        "title": "Neighbouring states discuss consular cooperation at regional forum",
        "slug": "neighbouring-states-discuss-consular-cooperation",
        "date": "2025-05-06",
        "category": "regional-politics",
        "author": "jonas-weller",
        "source": "rns",
        "source_path": "2025/05/regional-forum-consular-cooperation",
        "tags": ["diplomacy", "consular affairs"],
        "summary": "The final communiqué of a regional forum mentions humanitarian cases "
        "and the exchange of civil documents.",
        "hero_caption": "Delegations at the regional forum.",
        "body": [
            (
                "p",
                "Officials from several neighbouring states met at a regional forum this "
                "week. The final communiqué includes a paragraph on consular cooperation in "
                "humanitarian cases, including the exchange of civil documents.",
            ),
            (
                "p",
                "The Society welcomes the paragraph and will ask how it is to be put into "
                "practice, and whether families can be informed of progress.",
            ),
            (
                "link",
                "https://news.example.org/2025/05/regional-forum-consular-cooperation",
                "Read more at the Regional News Service",
            ),
        ],
        "related": ["mediators-panel"],
    },
    "guide-documenting-a-case": {
        "title": "A guide for families: how to document a case",
        "slug": "a-guide-for-families-how-to-document-a-case",
        "date": "2025-05-28",
        "category": "human-rights",
        "author": "sara-nouri",
        "tags": ["guide", "families", "human rights"],
        "summary": "Our new guide explains, step by step, what to write down, what to keep "
        "and whom to ask. It is available in four languages.",
        "hero_caption": "The cover of the new guide for families.",
        "body": [
            (
                "p",
                "The Society has published a short guide for families who are looking "
                "for a relative and want to document their case.",
            ),
            ("h", "What the guide covers"),
            (
                "p",
                "The guide explains what information to write down, why to keep copies "
                "of every letter, and how to ask for a reference number so that every new "
                "letter can be linked to the earlier ones.",
            ),
            ("doc", "family-guide", "Download the guide (PDF)"),
            ("p", "Printed copies are available at the support desk."),
        ],
        "related": ["clearer-procedures-report"],
    },
    "unhcr-global-trends-2025": {
        "title": "UN refugee agency's annual report: what it means for families",
        "slug": "un-refugee-agency-annual-report-what-it-means-for-families",
        "date": "2025-06-20",
        "category": "united-nations",
        "author": "jonas-weller",
        "tags": ["United Nations", "refugees", "World Refugee Day"],
        "summary": "Behind the global figures are families separated by borders. A reading "
        "of the annual report with them in mind.",
        "hero_caption": "World Refugee Day at the family centre.",
        "body": [
            (
                "p",
                "The UN refugee agency publishes an annual report on forced displacement "
                "around World Refugee Day. Its figures are large and abstract; behind each "
                "of them are families who no longer live in the same place.",
            ),
            (
                "p",
                "The report again describes displacement that lasts many years. For the "
                "families we work with, that means children growing up without knowing "
                "their grandparents, and letters that must cross several borders.",
            ),
            ("p", "The Society will discuss the report at its autumn conference."),
        ],
        "related": ["refugee-day-2024-volunteers"],
    },
    "baghdad-civil-records-workshop": {
        "title": "Baghdad workshop on civil records for returning families",
        "slug": "baghdad-workshop-on-civil-records",
        "date": "2025-07-09",
        "category": "iraq",
        "author": "kamran-azadi",
        "source": "rns",
        "source_path": "2025/07/baghdad-civil-records-workshop",
        "tags": ["Iraq", "civil documents", "workshop"],
        "summary": "Lawyers and volunteers explained how to replace lost documents and how "
        "to register births that took place abroad.",
        "hero_caption": "Participants at the workshop in Baghdad.",
        "body": [
            (
                "p",
                "A workshop in Baghdad brought together lawyers, volunteers and families "
                "who have returned to Iraq after years abroad.",
            ),
            (
                "img",
                "workshop",
                "Participants working through a case together.",
                "Abstract illustration in sand and teal.",
            ),
            (
                "p",
                "Participants learned how to replace lost documents and how to register "
                "births that took place abroad, which is often needed before children can "
                "enrol in school.",
            ),
            (
                "link",
                "https://news.example.org/2025/07/baghdad-civil-records-workshop",
                "Read more at the Regional News Service",
            ),
        ],
        "related": ["baghdad-document-checks"],
    },
    "humanitarian-day-volunteers": {
        "title": "World Humanitarian Day: thank you to our volunteers",
        "slug": "world-humanitarian-day-thank-you-to-our-volunteers",
        "date": "2025-08-19",
        "category": "society",
        "author": None,
        "tags": ["volunteers", "World Humanitarian Day"],
        "summary": "Translators, drivers, listeners: the people without whom the Society "
        "could not work.",
        "hero_caption": "Volunteers of the Society.",
        "body": [
            (
                "p",
                "On World Humanitarian Day the Society thanks its volunteers: the "
                "translators who turn a letter around in a day, the drivers who take families "
                "to appointments, and the listeners who answer the telephone in the evening.",
            ),
            (
                "img",
                "volunteers-desk",
                "Volunteers at the support desk.",
                "Abstract illustration in calm colours.",
            ),
            ("p", "Anyone who would like to volunteer can write to us through the contact page."),
        ],
    },
    "tirana-conference-opens": {
        "title": "Tirana conference on family reunification opens",
        "slug": "tirana-conference-on-family-reunification-opens",
        "date": "2025-09-10",
        "time": "09:00",
        "category": "society",
        "author": "elira-marku",
        "tags": ["conference", "Tirana", "families"],
        "summary": "Two days of panels and workshops bring together families, lawyers, "
        "humanitarian workers and researchers.",
        "hero_caption": "The opening session of the conference.",
        "body": [
            (
                "p",
                "The Society's conference on family reunification opened in Tirana this "
                "morning, with families, lawyers, humanitarian workers and researchers from "
                "several countries.",
            ),
            (
                "img",
                "conference-hall",
                "The conference hall during the opening session.",
                "Abstract illustration: layered ridges and a pale sun.",
            ),
            (
                "p",
                "The first day is devoted to families' experiences; the second to "
                "practical ways of restoring contact.",
            ),
            ("doc", "conference-programme-2025", "Download the programme"),
        ],
        "related": ["mediators-panel"],
    },
    "tirana-conference-closes": {
        "title": "Conference closes with a call for practical channels of contact",
        "slug": "conference-closes-with-call-for-channels-of-contact",
        "date": "2025-09-11",
        "time": "18:30",
        "category": "regional-politics",
        "author": "elira-marku",
        "tags": ["conference", "mediation", "statement"],
        "summary": "The closing statement asks for working channels between offices, "
        "reference numbers for every request, and replies within a set time.",
        "hero_caption": "Participants at the closing session.",
        "body": [
            (
                "p",
                "The conference closed with a statement adopted by participants. It asks "
                "for practical channels of contact between the offices that handle family "
                "cases, a reference number for every request, and replies within a set time.",
            ),
            (
                "quote",
                "We heard many stories over two days. None of them asked for anything impossible.",
                "From the closing session",
            ),
            ("p", "The statement will be sent to the authorities and organisations concerned."),
        ],
        "related": ["tirana-conference-opens", "clearer-procedures-report"],
    },
    "poetry-evening-waiting": {
        "title": "Poetry evening: verses written in waiting",
        "slug": "poetry-evening-verses-written-in-waiting",
        "date": "2025-10-01",
        "category": "culture",
        "author": "mina-rahimi",
        "tags": ["poetry", "culture"],
        "summary": "Families read poems they had written over the years, in Persian, "
        "Arabic, Albanian and English.",
        "hero_caption": "A reading at the poetry evening.",
        "body": [
            (
                "p",
                "At the family centre's poetry evening, relatives read poems they had "
                "written while waiting for news. Some had never read them to anyone before.",
            ),
            ("pull", "Poems were read in four languages. Nobody needed a translation."),
            (
                "p",
                "A selection of the poems will appear in the next issue of the Nejat NewsLetter.",
            ),
        ],
    },
    "un-day-2025-panel": {
        "title": "UN Day panel: listening to families",
        "slug": "un-day-panel-listening-to-families",
        "date": "2025-10-24",
        "category": "united-nations",
        "author": "jonas-weller",
        "tags": ["United Nations", "UN Day", "families"],
        "summary": "Staff of international organisations heard directly from families "
        "about what helps and what does not.",
        "hero_caption": "The panel on United Nations Day.",
        "body": [
            (
                "p",
                "On United Nations Day the Society invited staff of international "
                "organisations to listen to families, rather than speak to them.",
            ),
            (
                "p",
                "Families described what had helped them: a named contact, a reply in "
                "their own language, a realistic date. And what had not: forms without "
                "explanation, and silence.",
            ),
            ("embed", "https://www.youtube.com/@nejatngo"),
        ],
        "related": ["un-day-2024-charter"],
    },
    "sixteen-days-2025": {
        "title": "Sixteen days of activism: women in separated families",
        "slug": "sixteen-days-of-activism-women-in-separated-families",
        "date": "2025-11-25",
        "category": "human-rights",
        "author": "sara-nouri",
        "tags": ["human rights", "women"],
        "summary": "During the sixteen days of activism the Society highlights the burdens "
        "carried by women who head separated households.",
        "hero_caption": "A meeting of the women's group at the family centre.",
        "body": [
            (
                "p",
                "The international campaign of sixteen days of activism begins today. "
                "The Society uses it each year to highlight the situation of women who head "
                "households separated by conflict.",
            ),
            (
                "p",
                "Many of them combine work, care for children and parents, and the long "
                "administrative effort of searching for a relative.",
            ),
            ("p", "The Society's women's group meets every Thursday at the family centre."),
        ],
        "related": ["womens-day-mothers"],
    },
    "human-rights-day-2025": {
        "title": "Human Rights Day 2025: the right to family life",
        "slug": "human-rights-day-2025-the-right-to-family-life",
        "date": "2025-12-10",
        "category": "human-rights",
        "author": None,
        "tags": ["Human Rights Day", "statement"],
        "summary": "This year's statement focuses on the right to family life and the duty "
        "to answer families' letters.",
        "hero_caption": "Candles at the family centre on Human Rights Day.",
        "body": [
            (
                "p",
                "On Human Rights Day the Society recalls that the right to family life "
                "includes the right to correspondence, and that every letter from a family "
                "deserves an answer.",
            ),
            (
                "quote",
                'An answer that says "we do not know yet" is still an answer.',
                "Nejat Society statement",
            ),
        ],
        "related": ["human-rights-day-2024"],
    },
    "year-end-2025": {
        "title": "Year-end message: 2025 at the family support desk",
        "slug": "year-end-message-2025-at-the-family-support-desk",
        "date": "2025-12-29",
        "category": "society",
        "author": None,
        "tags": ["annual review", "volunteers"],
        "summary": "More requests, more letters delivered, and a conference: a look back at "
        "the year.",
        "hero_caption": "The support desk on the last working day of the year.",
        "body": [
            (
                "p",
                "This year the support desk received more requests than ever before. "
                "Volunteers translated hundreds of letters, and several families exchanged "
                "news for the first time in years.",
            ),
            (
                "p",
                "We thank everyone who made this possible, and wish all families a "
                "peaceful new year.",
            ),
        ],
        "related": ["support-desk-hours"],
    },
    "renewed-request-information": {
        "title": "Relatives renew request for information about former Camp Ashraf residents",
        "slug": "relatives-renew-request-for-information",
        "date": "2025-12-29",
        "category": "camp-ashraf",
        "author": "sara-nouri",
        "tags": ["Camp Ashraf", "families", "letters"],
        "summary": "At the end of the year, families have again written to the "
        "organisations concerned, asking for news of their relatives.",
        "hero_caption": "Letters prepared for sending at the end of the year.",
        "body": [
            (
                "p",
                "As every year in December, a group of families has written again to the "
                "organisations concerned, asking for news of relatives who once lived at Camp "
                "Ashraf.",
            ),
            (
                "p",
                "The letters were prepared with the help of the Society and sent with "
                "reference numbers from earlier correspondence.",
            ),
        ],
        "related": ["single-point-of-contact", "decade-of-letters"],
    },
    "iraq-visitor-procedures": {
        "title": "Iraq: families welcome clearer procedures for visitors",
        "slug": "iraq-families-welcome-clearer-procedures-for-visitors",
        "date": "2025-12-29",
        "category": "iraq",
        "author": "kamran-azadi",
        "source": "rns",
        "source_path": "2025/12/iraq-visitor-procedures",
        "tags": ["Iraq", "families"],
        "summary": "Published rules on visits and documents make it easier for relatives "
        "to plan a journey.",
        "hero_caption": "Travellers at a border crossing.",
        "body": [
            (
                "p",
                "Families travelling to Iraq to visit relatives say that newly published "
                "procedures for visitors make it easier to plan a journey, because the list "
                "of documents required is now available in advance.",
            ),
            (
                "p",
                "The Society will include the procedures in the next edition of its "
                "guide for families.",
            ),
            (
                "link",
                "https://news.example.org/2025/12/iraq-visitor-procedures",
                "Read more at the Regional News Service",
            ),
        ],
        "related": ["baghdad-civil-records-workshop"],
    },
    "helpline-hours-2026": {
        "title": "New helpline hours for Persian and Arabic speakers",
        "slug": "new-helpline-hours-for-persian-and-arabic-speakers",
        "date": "2026-01-20",
        "category": "families",
        "author": None,
        "tags": ["support desk", "helpline"],
        "summary": "From February the helpline answers in Persian and Arabic on three "
        "evenings a week.",
        "hero_caption": "The helpline room at the family centre.",
        "body": [
            (
                "p",
                "From February the Society's helpline will answer in Persian and Arabic "
                "on Monday, Wednesday and Friday evenings, when many relatives are back from "
                "work.",
            ),
            ("p", "English and Albanian remain available during the day."),
        ],
        "related": ["support-desk-hours"],
    },
    "annual-report-2025": {
        "title": "Annual report 2025 published",
        "slug": "annual-report-2025-published",
        "date": "2026-02-11",
        "category": "society",
        "author": None,
        "tags": ["annual report"],
        "summary": "The report describes a year of casework, publications and the Tirana "
        "conference, and includes a summary of the accounts.",
        "hero_caption": "The cover of the annual report 2025.",
        "body": [
            (
                "p",
                "The Society's annual report for 2025 is now available. It describes the "
                "year's casework, publications and events, including the conference on family "
                "reunification in Tirana.",
            ),
            ("doc", "annual-report-2025", "Download the annual report 2025"),
            ("p", "Printed copies can be requested through the contact page."),
        ],
        "related": ["year-end-2025", "tirana-conference-opens"],
    },
    "nowruz-1405-table": {
        "title": "Nowruz: a table set for those who are far away",
        "slug": "nowruz-a-table-set-for-those-who-are-far-away",
        "date": "2026-03-20",
        "category": "culture",
        "author": "mina-rahimi",
        "tags": ["Nowruz", "culture", "families"],
        "summary": "A column on the empty chairs at the new year table, and on the families "
        "who keep setting them.",
        "hero_caption": "The new year table at the family centre.",
        "body": [
            (
                "p",
                "Every year at Nowruz, some families set a place at the table for a "
                "relative who will not come. The plate stays clean; the chair stays empty.",
            ),
            (
                "img",
                "spring-table",
                "The new year table at the family centre.",
                "Abstract illustration in spring green.",
            ),
            (
                "p",
                "It is not a sad custom, one mother told me. It is a way of saying that "
                "the family is still whole, only stretched across a great distance.",
            ),
        ],
        "related": ["nowruz-greetings-1404"],
    },
    "spring-reunion-two-sisters": {
        "title": "Spring reunion in Tirana: two sisters meet after twenty years",
        "slug": "spring-reunion-in-tirana-two-sisters-meet",
        "date": "2026-03-20",
        "category": "families",
        "author": "elira-marku",
        "tags": ["families", "reunion", "Tirana"],
        "summary": "Two sisters who last saw each other in 2006 met at the family centre on "
        "the first day of spring.",
        "hero_caption": "The garden of the family centre on the day of the reunion.",
        "body": [
            (
                "p",
                "Two sisters who last saw each other in 2006 met again at the family "
                "centre in Tirana on the first day of spring.",
            ),
            (
                "p",
                "The younger sister had written to the Society two years ago. Letters "
                "followed, then telephone calls, then the long preparation of a journey.",
            ),
            (
                "img",
                "garden",
                "The garden of the family centre.",
                "Abstract illustration in olive and gold.",
            ),
            (
                "quote",
                "We talked for six hours and did not finish a single story.",
                "The elder sister",
            ),
            (
                "p",
                "The sisters asked the Society to share their story so that other "
                "families keep writing.",
            ),
        ],
        "related": ["letter-after-eleven-years", "video-calls-grandparents"],
    },
    "day-of-families-2026": {
        "title": "International Day of Families: our statement",
        "slug": "international-day-of-families-our-statement",
        "date": "2026-05-15",
        "category": "united-nations",
        "author": None,
        "tags": ["United Nations", "families", "statement"],
        "summary": "The UN's day of families is a reminder that families separated by "
        "conflict need practical help, not only sympathy.",
        "hero_caption": "Families at the centre on the International Day of Families.",
        "body": [
            (
                "p",
                "The United Nations marks the International Day of Families every year "
                "on 15 May. For the families we work with, the day is a reminder that "
                "separation is not only a private sorrow but a humanitarian question.",
            ),
            (
                "p",
                "We ask for practical help: clear procedures, answers to letters, and "
                "support for the journeys that reunions require.",
            ),
        ],
        "related": ["human-rights-day-2025"],
    },
    "refugee-day-2026-stories": {
        "title": "World Refugee Day 2026: stories of waiting and return",
        "slug": "world-refugee-day-2026-stories-of-waiting-and-return",
        "date": "2026-06-20",
        "category": "human-rights",
        "author": "sara-nouri",
        "tags": ["World Refugee Day", "families"],
        "summary": "Three families describe the years of waiting, and what changed when news "
        "finally came.",
        "hero_caption": "A family reading letters together.",
        "body": [
            (
                "p",
                "For World Refugee Day, three families agreed to describe the years they "
                "spent waiting for news, and what changed when it came.",
            ),
            ("h", "Waiting"),
            (
                "p",
                "All three spoke of the same things: the routine of writing, the fear of "
                "the telephone, and the relief of a reply, even a short one.",
            ),
            ("h", "Return"),
            (
                "p",
                "One of the families has since been reunited; the other two now write "
                "to their relatives regularly.",
            ),
        ],
        "related": ["unhcr-global-trends-2025"],
    },
    "enforced-disappearances-day-2026": {
        "title": "International Day of the Victims of Enforced Disappearances",
        "slug": "international-day-of-the-victims-of-enforced-disappearances",
        "date": "2026-08-30",
        "category": "human-rights",
        "author": None,
        "tags": ["human rights", "statement"],
        "summary": "On 30 August the Society stands with families everywhere who do not "
        "know where their relatives are.",
        "hero_caption": "Photographs held by families at a vigil.",
        "body": [
            (
                "p",
                "On the International Day of the Victims of Enforced Disappearances, the "
                "Society stands with families everywhere who do not know where their "
                "relatives are.",
            ),
            (
                "p",
                "We recall the right of every family to know the truth, and the duty of "
                "authorities to search and to inform.",
            ),
        ],
        "related": ["human-rights-day-2024"],
    },
    "day-of-peace-2026": {
        "title": "International Day of Peace: dialogue over distance",
        "slug": "international-day-of-peace-dialogue-over-distance",
        "date": "2026-09-21",
        "category": "regional-politics",
        "author": "jonas-weller",
        "tags": ["peace", "dialogue"],
        "summary": "Peace, for separated families, often begins with something small: a "
        "letter that is allowed to arrive.",
        "hero_caption": "A quiet evening on the International Day of Peace.",
        "body": [
            (
                "p",
                "The International Day of Peace is an occasion to remember that peace, "
                "for separated families, often begins with something small: a letter that is "
                "allowed to arrive, a call that is allowed to connect.",
            ),
            (
                "p",
                "The Society will hold an open evening at the family centre, with music "
                "and readings.",
            ),
        ],
        "related": ["tirana-conference-closes"],
    },
    "iraq-school-year-2026": {
        "title": "Northern Iraq: partner groups report on the school year for displaced children",
        "slug": "northern-iraq-school-year-for-displaced-children",
        "date": "2026-10-15",
        "category": "iraq",
        "author": "kamran-azadi",
        "source": "hw",
        "source_path": "2026/10/iraq-school-year",
        "tags": ["Iraq", "children", "education"],
        "summary": "More displaced children are enrolled this year, helped by simpler "
        "registration for children born abroad.",
        "hero_caption": "A school courtyard in northern Iraq.",
        "body": [
            (
                "p",
                "Organisations working with displaced families in northern Iraq report "
                "that more children are enrolled in school this year, helped by simpler "
                "registration for children who were born abroad.",
            ),
            (
                "link",
                "https://wire.example.org/2026/10/iraq-school-year",
                "Read more at Humanitarian Wire",
            ),
        ],
        "related": ["baghdad-civil-records-workshop"],
    },
    "volunteer-training-2026": {
        "title": "Volunteers complete training in trauma-informed interviewing",
        "slug": "volunteers-complete-training-in-trauma-informed-interviewing",
        "date": "2026-11-12",
        "category": "society",
        "author": None,
        "tags": ["volunteers", "training"],
        "summary": "Twenty volunteers learned how to listen to families' accounts without "
        "causing further distress.",
        "hero_caption": "Volunteers during the training.",
        "body": [
            (
                "p",
                "Twenty volunteers have completed a four-day training in trauma-informed "
                "interviewing, given by a psychologist who works with humanitarian "
                "organisations.",
            ),
            (
                "p",
                "The training covered how to prepare a conversation, how to recognise "
                "distress, and how to end a conversation well.",
            ),
        ],
        "related": ["humanitarian-day-volunteers"],
    },
}

CARTOONS = {
    "the-long-queue": {
        "title": "The long queue",
        "slug": "the-long-queue",
        "date": "2024-05-02",
        "caption": "Waiting in line, year after year, for an answer that never comes.",
        "artist": "R. Amani",
        "symbol": "…",
    },
    "letters-in-the-wind": {
        "title": "Letters in the wind",
        "slug": "letters-in-the-wind",
        "date": "2024-11-14",
        "caption": "Where do the letters go?",
        "artist": "R. Amani",
        "symbol": "?",
    },
    "the-reference-number": {
        "title": "The reference number",
        "slug": "the-reference-number",
        "date": "2025-04-03",
        "caption": "A family, a file, and a number that was supposed to help.",
        "artist": "Studio Nejat",
        "symbol": "#",
    },
    "the-empty-chair": {
        "title": "The empty chair",
        "slug": "the-empty-chair",
        "date": "2025-10-30",
        "caption": "A place kept at the table.",
        "artist": "Studio Nejat",
        "symbol": "♥",
    },
    "signal-found": {
        "title": "Signal found",
        "slug": "signal-found",
        "date": "2026-07-07",
        "caption": "The moment a call finally connects.",
        "artist": "R. Amani",
        "symbol": "!",
    },
}

NEWS_PICTURES = {
    "desk-saturday": {
        "title": "The support desk on its first Saturday",
        "slug": "support-desk-first-saturday",
        "date": "2024-02-03",
        "caption": "Volunteers welcome the first Saturday visitors.",
        "credit": "Nejat Society",
    },
    "geneva-corridor": {
        "title": "Between meetings in Geneva",
        "slug": "between-meetings-in-geneva",
        "date": "2024-06-18",
        "caption": "Representatives of the Society between two meetings with delegations.",
        "credit": "Jonas Weller",
    },
    "autumn-garden": {
        "title": "Autumn in the family centre's garden",
        "slug": "autumn-in-the-family-centres-garden",
        "date": "2025-10-12",
        "caption": "The garden where families meet in good weather.",
        "credit": "Nejat Society",
    },
    "conference-badges": {
        "title": "Badges for the Tirana conference",
        "slug": "badges-for-the-tirana-conference",
        "date": "2025-09-09",
        "caption": "Volunteers prepare badges the evening before the conference.",
        "credit": "Elira Marku",
    },
    "winter-letters": {
        "title": "Letters ready for sending",
        "slug": "letters-ready-for-sending",
        "date": "2026-01-08",
        "caption": "The first letters of the new year, ready for the post.",
        "credit": "Nejat Society",
    },
}

GALLERIES = {
    "nowruz-2024": {
        "title": "Nowruz at the family centre",
        "slug": "nowruz-at-the-family-centre",
        "date": "2024-03-22",
        "intro": "Photographs from the spring gathering.",
        "caption": "Families and volunteers celebrate the new year.",
        "photos": [
            ("The garden before the guests arrive.", "An empty garden with set tables."),
            ("The table laid with the seven items.", "A festive table."),
            ("Volunteers serving tea.", "Volunteers holding trays."),
            ("Children painting eggs.", "Children at a table with paints."),
            ("Music in the evening.", "Musicians playing in the garden."),
        ],
    },
    "tirana-conference-2025": {
        "title": "Tirana conference on family reunification",
        "slug": "tirana-conference-on-family-reunification",
        "date": "2025-09-11",
        "intro": "Two days of panels, workshops and conversations.",
        "caption": "Scenes from the conference.",
        "photos": [
            ("Registration on the first morning.", "People queueing at a registration desk."),
            ("The opening session.", "A full conference hall."),
            ("A workshop on documenting a case.", "A small group around a table."),
            ("Coffee break conversations.", "People talking in a hallway."),
            ("The closing session.", "Speakers on a stage."),
            ("Volunteers after the conference.", "A group photograph of volunteers."),
        ],
    },
    "poetry-evening-2025": {
        "title": "Poetry evening",
        "slug": "poetry-evening",
        "date": "2025-10-01",
        "intro": "Verses written in waiting, read aloud.",
        "caption": "Readers and listeners at the poetry evening.",
        "photos": [
            ("The room before the reading.", "Rows of chairs facing a small stage."),
            ("A reading in Persian.", "A reader at a lectern."),
            ("A reading in Albanian.", "A reader holding a notebook."),
            ("Listeners.", "An audience listening."),
        ],
    },
    "spring-reunion-2026": {
        "title": "A spring reunion",
        "slug": "a-spring-reunion",
        "date": "2026-03-21",
        "intro": "Two sisters meet after twenty years. Published with their permission.",
        "caption": "The day of the reunion at the family centre.",
        "photos": [
            ("Waiting at the gate.", "A woman waiting at a garden gate."),
            ("The first moment.", "Two women embracing."),
            ("Looking at old photographs.", "Two women looking at a photo album."),
            ("Tea in the garden.", "A tea table in a garden."),
        ],
    },
}

VIDEOS = {
    "letters-home": {
        "title": "Letters home",
        "slug": "letters-home",
        "date": "2024-12-05",
        "caption": "How a letter travels from a family to a relative.",
        "clip": "clip-1",
        "description": "A short film about the path of a letter, from the support desk to "
        "its destination.",
        "transcript": "A letter is written at a kitchen table. It is translated at the "
        "support desk, given a reference number, and sent. Weeks later, a reply arrives.",
    },
    "family-centre-day": {
        "title": "A day at the family centre",
        "slug": "a-day-at-the-family-centre",
        "date": "2025-06-02",
        "caption": "From the morning post to the evening helpline.",
        "clip": "clip-2",
        "description": "The family centre from opening to closing time.",
        "transcript": "Morning: the post is opened. Afternoon: families visit the support "
        "desk. Evening: the helpline answers in Persian and Arabic.",
    },
    "conference-voices": {
        "title": "Voices from the conference",
        "slug": "voices-from-the-conference",
        "date": "2025-09-15",
        "caption": "Participants of the Tirana conference in their own words.",
        "clip": "clip-3",
        "description": "Short statements recorded during the Tirana conference.",
        "transcript": "Participants describe why they came, what they heard, and what they "
        "will take home.",
    },
    "channel": {
        "title": "More videos on our channel",
        "slug": "more-videos-on-our-channel",
        "date": "2026-04-10",
        "caption": "Recordings of our events are published on our video channel.",
        # No embed is cached for this address: the page shows a plain link to it.
        "embed_url": "https://www.youtube.com/@nejatngo",
        "description": "Recordings of conferences, panels and cultural evenings.",
        "transcript": "",
    },
}

# ISBNs: the first twelve digits; the loader adds the check digit.
BOOKS = {
    "letters-across-the-border": {
        "title": "Letters Across the Border",
        "slug": "letters-across-the-border",
        "date": "2024-04-15",
        "authors": "Sara Nouri and Elira Marku",
        "publisher": "Nejat Society",
        "isbn": "978-9928-4510-0-",
        "pages": 214,
        "summary": "A collection of letters exchanged between separated relatives, with "
        "commentary on how each letter travelled and what it meant to the families.",
        "purchase_url": "https://shop.example.org/books/letters-across-the-border",
    },
    "the-right-to-know": {
        "title": "The Right to Know: Families and Information",
        "slug": "the-right-to-know",
        "date": "2024-11-01",
        "authors": "Jonas Weller",
        "publisher": "Nejat Society",
        "isbn": "978-9928-4510-1-",
        "pages": 168,
        "summary": "An accessible introduction to the international standards that protect "
        "families' right to information about their relatives.",
        "purchase_url": "https://shop.example.org/books/the-right-to-know",
    },
    "verses-written-in-waiting": {
        "title": "Verses Written in Waiting",
        "slug": "verses-written-in-waiting",
        "date": "2025-11-20",
        "authors": "Edited by Mina Rahimi",
        "publisher": "Nejat Society",
        "isbn": "978-9928-4510-2-",
        "pages": 96,
        "summary": "Poems by relatives of missing and separated people, in the original "
        "languages and in English translation.",
        "purchase_url": "https://shop.example.org/books/verses-written-in-waiting",
    },
    "twenty-years-of-the-support-desk": {
        "title": "Twenty Years of the Support Desk",
        "slug": "twenty-years-of-the-support-desk",
        "date": "2026-05-30",
        "authors": "Nejat Society",
        "publisher": "Nejat Society",
        "isbn": "978-9928-4510-3-",
        "pages": 256,
        "summary": "The history of the Society's family support desk, told by the volunteers "
        "and families who made it.",
        "purchase_url": "https://shop.example.org/books/twenty-years-of-the-support-desk",
    },
}

PERIODICALS = {
    "nejat-newsletter": {"kicker": "Nejat NewsLetter", "colour": (38, 70, 83)},
    "pars-brief": {"kicker": "Pars Brief", "colour": (88, 58, 52)},
}

# Issues of the periodicals, keyed "<series key>-<number>".
ISSUES = {
    "nejat-newsletter-118": {
        "series": "nejat-newsletter",
        "number": 118,
        "date": "2025-09-30",
        "title": "Nejat NewsLetter No. 118",
        "summary": "Special issue on the Tirana conference on family reunification.",
        "contents": [
            ("h", "The conference in brief"),
            ("p", "Two days, four panels, six workshops and many conversations."),
            (
                "quote",
                "None of the stories we heard asked for anything impossible.",
                "From the closing session",
            ),
            ("h", "Also in this issue"),
            ("p", "New helpline hours, and a thank-you to our volunteers."),
        ],
    },
    "nejat-newsletter-119": {
        "series": "nejat-newsletter",
        "number": 119,
        "date": "2025-10-31",
        "title": "Nejat NewsLetter No. 119",
        "summary": "Poems from the poetry evening, and a United Nations Day panel.",
        "contents": [
            ("h", "Verses written in waiting"),
            ("p", "A selection of poems read at the family centre."),
            ("h", "Listening to families"),
            ("p", "What staff of international organisations heard on United Nations Day."),
        ],
    },
    "nejat-newsletter-120": {
        "series": "nejat-newsletter",
        "number": 120,
        "date": "2025-11-30",
        "title": "Nejat NewsLetter No. 120",
        "summary": "Sixteen days of activism, and the women's group at the family centre.",
        "contents": [
            ("h", "Women in separated families"),
            ("p", "The women's group meets every Thursday. Three members describe it."),
            ("pull", "We come for the information and stay for each other."),
        ],
    },
    "nejat-newsletter-121": {
        "series": "nejat-newsletter",
        "number": 121,
        "date": "2025-12-31",
        "title": "Nejat NewsLetter No. 121",
        "summary": "The year at the support desk, and Human Rights Day.",
        "contents": [
            ("h", "2025 at the support desk"),
            ("p", "More requests than ever before, and several first letters in years."),
            ("h", "The right to family life"),
            ("p", "Our Human Rights Day statement."),
        ],
    },
    "nejat-newsletter-122": {
        "series": "nejat-newsletter",
        "number": 122,
        "date": "2026-03-31",
        "title": "Nejat NewsLetter No. 122",
        "summary": "Nowruz, and two sisters who met after twenty years.",
        "contents": [
            ("h", "A spring reunion"),
            ("p", "Two sisters tell their story."),
            ("h", "A table for those far away"),
            ("p", "A column on the Nowruz table."),
        ],
    },
    "pars-brief-21": {
        "series": "pars-brief",
        "number": 21,
        "date": "2025-03-31",
        "title": "Pars Brief No. 21",
        "summary": "Consular cooperation, civil records, and a new guide for families.",
        "contents": [
            ("h", "In this issue"),
            ("p", "A digest of the quarter's regional news relevant to separated families."),
        ],
    },
    "pars-brief-22": {
        "series": "pars-brief",
        "number": 22,
        "date": "2025-06-30",
        "title": "Pars Brief No. 22",
        "summary": "The UN refugee agency's annual report, read for families.",
        "contents": [
            ("h", "In this issue"),
            ("p", "What the annual displacement figures mean for families."),
        ],
    },
    "pars-brief-23": {
        "series": "pars-brief",
        "number": 23,
        "date": "2025-09-30",
        "title": "Pars Brief No. 23",
        "summary": "Workshops in Baghdad and the Tirana conference.",
        "contents": [
            ("h", "In this issue"),
            ("p", "Civil records for returning families, and practical channels of contact."),
        ],
    },
    "pars-brief-24": {
        "series": "pars-brief",
        "number": 24,
        "date": "2025-12-31",
        "title": "Pars Brief No. 24",
        "summary": "Visitor procedures in Iraq, and the year in review.",
        "contents": [
            ("h", "In this issue"),
            ("p", "Clearer procedures for visitors, and what changed in 2025."),
        ],
    },
    "pars-brief-25": {
        "series": "pars-brief",
        "number": 25,
        "date": "2026-03-31",
        "title": "Pars Brief No. 25",
        "summary": "Regional news of the first quarter of 2026.",
        "contents": [
            ("h", "In this issue"),
            ("p", "New helpline hours, and regional meetings to follow this spring."),
        ],
    },
}
