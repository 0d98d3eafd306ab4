"""A site with one page of every type, in English and, if asked, in other editions.

The tree below the default site's home (each edition's addresses start /en/, /ar/, ...):

    /articles/                 an article (category "Iraq", tag "families", hero image)
    /media/cartoons/           a cartoon, a news picture and a gallery
    /media/videos/             a video
    /publications/books/       a book
    /publications/newsletter/  a periodical issue
    /about-us/, /contact-us/   a standard page and the contact form

Used by the whole-site tests that need every page type at once: ``test_page_types``
(renders, routes and edits each), ``test_page_cache`` (purges each, in four editions) and
``test_query_budget`` (counts each page's queries, in English and Arabic). Site settings,
comments and search indexing are left to them: each wants its own.
"""

from dataclasses import dataclass, fields

from wagtail.models import Page

from home.factories import ContactPageFactory, StandardPageFactory, default_home_page
from media_pages.factories import (
    CartoonPageFactory,
    GalleryPageFactory,
    MediaIndexPageFactory,
    MediaSectionPageFactory,
    NewsPicturePageFactory,
    VideoPageFactory,
)
from news.factories import ArticleIndexPageFactory, ArticlePageFactory, CategoryFactory
from news.models import Category
from publications.factories import (
    BookIndexPageFactory,
    BookPageFactory,
    PeriodicalIssuePageFactory,
    PeriodicalSeriesPageFactory,
    PublicationsIndexPageFactory,
)
from tests.editions_helpers import locale, make_edition, translate


@dataclass
class BuiltSite:
    """The English pages, each under its own name, parents before their children, and the
    articles' category."""

    home: Page
    articles: Page
    article: Page
    media: Page
    cartoons: Page
    cartoon: Page
    news_picture: Page
    gallery: Page
    videos: Page
    video: Page
    publications: Page
    books: Page
    book: Page
    newsletter: Page
    issue: Page
    about: Page
    contact: Page
    category: Category

    def pages(self):
        """{name: English page}, in tree order."""
        return {
            field.name: getattr(self, field.name)
            for field in fields(self)
            if isinstance(getattr(self, field.name), Page)
        }

    def in_edition(self, code):
        """{name: the page in edition ``code``}, in tree order."""
        target = locale(code)
        return {name: page.get_translation(target) for name, page in self.pages().items()}


def build_site(*, translate_into=(), **factory_kwargs):
    """Build the site and return its English pages.

    ``translate_into``: language codes of the other editions to make; every page and the
    category is translated into each, as translators would.

    ``factory_kwargs``: per page name, extra arguments for that page's factory, e.g.
    ``article={"title": "Spring reunion", "author": author}``.
    """
    unused = dict(factory_kwargs)

    def make(name, factory, **kwargs):
        return factory(**{**kwargs, **unused.pop(name, {})})

    home = default_home_page()
    category = CategoryFactory(name="Iraq", slug="iraq")
    articles = make("articles", ArticleIndexPageFactory, parent=home)
    media = make("media", MediaIndexPageFactory, parent=home)
    cartoons = make(
        "cartoons", MediaSectionPageFactory, parent=media, title="Cartoons", slug="cartoons"
    )
    videos = make("videos", MediaSectionPageFactory, parent=media, title="Videos", slug="videos")
    publications = make("publications", PublicationsIndexPageFactory, parent=home)
    books = make("books", BookIndexPageFactory, parent=publications)
    newsletter = make(
        "newsletter",
        PeriodicalSeriesPageFactory,
        parent=publications,
        title="Newsletter",
        slug="newsletter",
    )
    site = BuiltSite(
        home=home,
        articles=articles,
        article=make(
            "article",
            ArticlePageFactory,
            parent=articles,
            category=category,
            tags=["families"],
            with_hero=True,
        ),
        media=media,
        cartoons=cartoons,
        cartoon=make("cartoon", CartoonPageFactory, parent=cartoons),
        news_picture=make("news_picture", NewsPicturePageFactory, parent=cartoons),
        gallery=make("gallery", GalleryPageFactory, parent=cartoons),
        videos=videos,
        video=make("video", VideoPageFactory, parent=videos),
        publications=publications,
        books=books,
        book=make("book", BookPageFactory, parent=books),
        newsletter=newsletter,
        issue=make("issue", PeriodicalIssuePageFactory, parent=newsletter),
        about=make("about", StandardPageFactory, parent=home, title="About us", slug="about-us"),
        contact=make("contact", ContactPageFactory, parent=home),
        category=category,
    )
    # A misspelt name would otherwise quietly build the default page.
    if unused:
        raise TypeError(f"build_site() makes no page named {', '.join(sorted(unused))}")
    for code in translate_into:
        make_edition(home, code)
        translate(category, code, {category.name: f"{category.name} ({code})"})
        # Parents first: wagtail-localize places each translation under its parent's.
        for name, page in site.pages().items():
            if name != "home":
                translate(page, code)
    return site
