"""Every public page type answers in at most ten SQL queries, whatever the archive's size.

The site is built once for the module (English and the Arabic edition, every page type),
each page is requested once to warm the caches (site root paths, renditions), and its
queries are counted; then a thousand articles, media items and publications are added to
each edition and the same pages must cost the same number of queries. A listing that runs
a query per item, or a template that touches the database in a loop, fails here.
"""

import datetime

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from scripts.bulk_articles import add_articles, add_pages
from tests.site_builder import build_site

# The counts are taken in a module fixture; the mark makes pytest-django create the test
# database (and wraps each test in its own transaction inside the module's).
pytestmark = pytest.mark.django_db

# The issue's target for every page...
QUERY_BUDGET = 10
# ...and what each page costs today, so that no change makes one dearer unnoticed.
QUERY_CEILINGS = {
    "home": 8,
    "articles": 6,
    "articles, last page": 6,
    "article": 6,
    "category archive": 8,
    "tag archive": 8,
    "year archive": 7,
    "media": 6,
    "media section": 6,
    "media item": 4,
    "publications": 8,
    "books": 6,
    "book": 5,
    "periodical issue": 5,
    "search": 7,
}
SMALL, LARGE = 10, 1000
EDITIONS = ["en", "ar"]  # English and a right-to-left edition
PAGES = {
    "home": "/{code}/",
    "articles": "/{code}/articles/",
    "articles, last page": "/{code}/articles/?page={last_page}",
    "article": "/{code}/articles/{article}/",
    "category archive": "/{code}/articles/category/iraq/",
    "tag archive": "/{code}/articles/tag/families/",
    "year archive": "/{code}/articles/{year}/",
    "media": "/{code}/media/",
    "media section": "/{code}/media/cartoons/",
    "media item": "/{code}/media/cartoons/{cartoon}/",
    "publications": "/{code}/publications/",
    "books": "/{code}/publications/books/",
    "book": "/{code}/publications/books/{book}/",
    "periodical issue": "/{code}/publications/newsletter/{issue}/",
    "search": "/{code}/search/?q=reunion",
}


def _build_site():
    from core.factories import ImageFactory, SiteSettingsFactory, SocialLinkFactory
    from news.factories import AuthorFactory, CategoryFactory, CommentFactory
    from tests.editions_helpers import translate

    settings = SiteSettingsFactory(logo=ImageFactory(width=720, height=200))
    SocialLinkFactory(identity=settings.identity)
    # The pages whose own address is measured are full: images, byline, tags, comments,
    # and a word ("reunion") that search finds in each.
    author = AuthorFactory(name="Roy Gutman", photo=ImageFactory(width=480, height=480))
    site = build_site(
        translate_into=EDITIONS[1:],
        article={
            "title": "Spring reunion in Tirana",
            "author": author,
            "date": timezone.now() - datetime.timedelta(days=400),
        },
        cartoon={"title": "Reunion at last", "image": ImageFactory(width=1200, height=1200)},
        news_picture={"image": ImageFactory(width=1200, height=900)},
        book={"title": "Letters of reunion", "cover": ImageFactory(width=900, height=1260)},
        issue={"title": "Reunion issue", "cover": ImageFactory(width=900, height=1260)},
    )
    translate(settings.identity, "ar")
    translate(CategoryFactory(name="United Nations", slug="un"), "ar")
    # Publishing indexes pages when the transaction commits, which this one never does.
    backend = get_search_backend()
    pages = {}
    for code in EDITIONS:
        edition = site.in_edition(code)
        for name in ("article", "cartoon", "book", "issue"):
            backend.add(edition[name].specific)
        CommentFactory(page=edition["article"])
        reply_to = CommentFactory(page=edition["article"])
        CommentFactory(page=edition["article"], parent=reply_to)
        pages[code] = {
            "index": edition["articles"],
            "images": {"cartoon": site.cartoon.image_id, "publication": site.book.cover_id},
            "article": site.article.slug,
            "cartoon": site.cartoon.slug,
            "book": site.book.slug,
            "issue": site.issue.slug,
            "year": site.article.date.year,
            "sections": {
                "articles": edition["articles"],
                "cartoons": edition["cartoons"],
                "books": edition["books"],
                "newsletter": edition["newsletter"],
            },
        }
    return pages


def _grow(pages, count):
    """Bring each edition's listings to ``count`` items with bulk-inserted pages."""
    from media_pages.models import CartoonPage
    from publications.models import BookPage, PeriodicalIssuePage

    today = datetime.date.today()
    for code in EDITIONS:
        sections = pages[code]["sections"]
        images = pages[code]["images"]
        existing = Page.objects.child_of(sections["articles"]).count()
        add_articles(sections["articles"], count - existing, tags=["families"], seed=len(code))

        def more(section, model, make):
            have = Page.objects.child_of(section).count()
            add_pages(section, [make(n) for n in range(count - have)])

        more(
            sections["cartoons"],
            CartoonPage,
            lambda n, images=images: CartoonPage(
                title=f"Cartoon {n}",
                slug=f"more-cartoon-{n}",
                image_id=images["cartoon"],
                date=today - datetime.timedelta(n),
            ),
        )
        more(
            sections["books"],
            BookPage,
            lambda n, images=images: BookPage(
                title=f"Book {n}",
                cover_id=images["publication"],
                slug=f"more-book-{n}",
                publication_date=today - datetime.timedelta(n),
            ),
        )
        more(
            sections["newsletter"],
            PeriodicalIssuePage,
            lambda n, images=images: PeriodicalIssuePage(
                title=f"Issue {n}",
                cover_id=images["publication"],
                slug=f"more-issue-{n}",
                number=n + 2,
                publication_date=today - datetime.timedelta(n),
            ),
        )


def _count_queries(client, url):
    client.get(url)  # warm-up: site root paths, renditions, anything cached on first use
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in queries.captured_queries]


def _measure(client, pages):
    from core.models import SiteSettings

    per_page = SiteSettings.objects.get().articles_per_page
    counts = {}
    for code in EDITIONS:
        listed = Page.objects.child_of(pages[code]["index"]).live().count()
        values = {**pages[code], "code": code, "last_page": -(-listed // per_page)}
        for name, pattern in PAGES.items():
            counts[code, name] = _count_queries(client, pattern.format(**values))
    return counts


@pytest.fixture(scope="module")
def query_counts(django_db_setup, django_db_blocker):
    """Query counts of every page at SMALL and at LARGE items per listing (built once, in a
    transaction rolled back at the end of the module)."""
    from django.conf import settings
    from django.test import Client, override_settings

    # The page cache would answer from memory: what is measured is the page itself.
    page_cache_off = (
        {"PAGE_CACHE_ENABLED": False} if hasattr(settings, "PAGE_CACHE_ENABLED") else {}
    )
    with django_db_blocker.unblock(), override_settings(**page_cache_off):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            pages = _build_site()
            _grow(pages, SMALL)
            client = Client()
            small = _measure(client, pages)
            _grow(pages, LARGE)
            large = _measure(client, pages)
            yield small, large
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.mark.parametrize("code", EDITIONS)
@pytest.mark.parametrize("page", PAGES)
def test_page_stays_within_its_query_ceiling(query_counts, code, page):
    small, _large = query_counts
    queries = small[code, page]
    assert len(queries) <= QUERY_CEILINGS[page], "\n\n".join(queries)


@pytest.mark.parametrize("code", EDITIONS)
@pytest.mark.parametrize("page", PAGES)
def test_page_meets_the_ten_query_target(query_counts, code, page):
    small, _large = query_counts
    assert len(small[code, page]) <= QUERY_BUDGET, "\n\n".join(small[code, page])


@pytest.mark.parametrize("code", EDITIONS)
@pytest.mark.parametrize("page", PAGES)
def test_query_count_does_not_grow_with_the_archive(query_counts, code, page):
    small, large = query_counts
    assert len(large[code, page]) == len(small[code, page]), "\n\n".join(large[code, page])


def test_last_page_of_a_large_archive_lists_the_oldest_articles_in_order(query_counts, client):
    """Pages past the middle are read from the far end (core.pagination): same articles,
    same order as reading from the front."""
    from core.models import SiteSettings
    from news.models import ArticleIndexPage, ArticlePage

    index = ArticleIndexPage.objects.get(locale__language_code="en")
    every = list(ArticlePage.objects.listed(locale=index.locale).descendant_of(index))
    per_page = SiteSettings.objects.get().articles_per_page
    last = -(-len(every) // per_page)
    for number in (last, last - 1, last // 2 + 1):
        response = client.get(f"{index.url}?page={number}")
        shown = [article.pk for article in response.context["articles"]]
        expected = every[(number - 1) * per_page : number * per_page]
        assert shown == [article.pk for article in expected], number
