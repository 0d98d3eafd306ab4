"""The demo pages the browser tests visit, in every edition (paths share one shape: slugs
are synchronised across editions)."""

EDITIONS = ["en", "ar", "fa", "sq"]
RTL_EDITIONS = {"ar", "fa"}

ARTICLE = "articles/spring-reunion-in-tirana-two-sisters-meet/"
GALLERY = "media/photo-gallery/a-spring-reunion/"
VIDEO = "media/videos/letters-home/"
PUBLICATION = "publications/books/letters-across-the-border/"
CONTACT = "contact-us/"

# A word of the article's title as each edition writes it, for the search journey.
SEARCH_WORDS = {"en": "Tirana", "ar": "تيرانا", "fa": "تیرانا", "sq": "Tiranë"}

# The pages audited for accessibility and HTML validity in every edition.
AUDITED = {
    "home": "",
    "article": ARTICLE,
    "listing": "articles/",
    "category": "articles/category/families-of-former-members/",
    "search": "search/?q={search}",
    "gallery": GALLERY,
    "video": VIDEO,
    "publication": PUBLICATION,
    "contact": CONTACT,
    "not-found": "no-such-page/",
}


def edition_path(edition, path):
    return f"/{edition}/{path.format(search=SEARCH_WORDS[edition])}"
