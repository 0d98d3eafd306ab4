"""The anonymous page cache (caching/pages.py) and its precise purging (caching/purge.py)."""

import time

import pytest
from django.core.cache import cache, caches
from django.test import Client, TestCase, override_settings
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import Page, PageViewRestriction

from caching.values import forget_worker_copies
from core.factories import SiteSettingsFactory
from home.factories import ContactPageFactory, StandardPageFactory
from news.factories import ArticlePageFactory, CommentFactory
from news.models import Comment
from publications.factories import PeriodicalSeriesPageFactory
from tests.cache_settings import CACHED
from tests.editions_helpers import locale, make_edition, translate
from tests.reader_forms import post_comment, send_contact_message
from tests.site_builder import build_site

EDITIONS = ("en", "ar", "fa", "sq")


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    """The test settings switch the page cache off for the rest of the suite."""
    settings.PAGE_CACHE_ENABLED = True
    settings.FRAGMENT_CACHE_ENABLED = True
    settings.CACHES = CACHED


def hit(response):
    return response.get("X-Cache") == "HIT"


def warm(client, *urls):
    """Fetch each address twice: the second answer must come from the cache."""
    for url in urls:
        first = client.get(url)
        assert first.status_code == 200, url
        assert client.get(url).get("X-Cache") == "HIT", url


# --- Serving --------------------------------------------------------------------------------


@pytest.fixture
def article(article_index, site_settings):
    return ArticlePageFactory(parent=article_index, title="Families ask for news")


@pytest.mark.django_db
def test_second_anonymous_request_is_a_hit_without_any_query(
    client, article, django_assert_num_queries
):
    first = client.get(article.url)
    assert first.status_code == 200
    assert first["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second = client.get(article.url)
    assert second.status_code == 200
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Language"] == "en"


@pytest.mark.django_db
def test_head_requests_share_the_get_entry(client, article):
    client.get(article.url)
    response = client.head(article.url)
    assert response.status_code == 200
    assert response["X-Cache"] == "HIT"


@pytest.mark.django_db
def test_anonymous_pages_are_public_for_cdns_without_cookies(client, article):
    for response in (client.get(article.url), client.get(article.url)):
        cache_control = response["Cache-Control"]
        assert "public" in cache_control
        assert "s-maxage=600" in cache_control
        assert "stale-while-revalidate=60" in cache_control
        assert "max-age=0" in cache_control
        assert "cookie" not in response.get("Vary", "").lower()
        assert not response.cookies
        assert "Set-Cookie" not in response


@pytest.mark.django_db
def test_lifetimes_come_from_settings(client, article, settings):
    settings.PAGE_CACHE_SECONDS = 120
    settings.PAGE_CACHE_STALE_SECONDS = 30
    response = client.get(article.url)
    assert "s-maxage=120" in response["Cache-Control"]
    assert "stale-while-revalidate=30" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_language_cookie_does_not_bypass_the_cache(client, article):
    client.cookies["django_language"] = "fa"
    client.get(article.url)
    assert hit(client.get(article.url))


@pytest.mark.django_db
def test_logged_in_editors_never_get_nor_fill_cached_pages(client, article, django_user_model):
    editor = django_user_model.objects.create_superuser("editor", "e@example.org", "x" * 12)
    client.force_login(editor)
    for _ in range(2):
        response = client.get(article.url)
        assert response.status_code == 200
        assert "X-Cache" not in response
        assert "private" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]
    # Nothing was stored for anonymous readers either.
    client.logout()
    client.cookies.clear()
    assert client.get(article.url)["X-Cache"] == "MISS"


@pytest.mark.django_db
def test_an_editor_does_not_see_the_anonymous_copy(client, article, django_user_model):
    warm(client, article.url)
    editor = django_user_model.objects.create_superuser("editor", "e@example.org", "x" * 12)
    client.force_login(editor)
    response = client.get(article.url)
    assert "X-Cache" not in response
    assert b"wagtail-userbar" in response.content or b"userbar" in response.content


@pytest.mark.django_db
def test_page_cache_off_never_serves_from_the_cache(client, article, settings):
    settings.PAGE_CACHE_ENABLED = False
    for _ in range(3):
        response = client.get(article.url)
        assert response.status_code == 200
        assert "X-Cache" not in response
    assert not any(key.startswith(":1:pagecache:entry") for key in cache._cache)  # noqa: SLF001


@pytest.mark.django_db
def test_listing_pages_are_separate_entries(client, article_index, site_settings):
    site_settings.articles_per_page = 1
    site_settings.save()
    ArticlePageFactory.create_batch(3, parent=article_index)
    first = client.get(article_index.url)
    second = client.get(article_index.url + "?page=2")
    assert second["X-Cache"] == "MISS"
    assert first.content != second.content
    assert hit(client.get(article_index.url + "?page=2"))
    assert client.get(article_index.url + "?page=2").content == second.content


@pytest.mark.django_db
def test_tracking_parameters_share_the_plain_entry(client, article):
    warm(client, article.url)
    for query in ("?utm_source=x", "?utm_source=y&fbclid=z", "?ref=a&utm_campaign=b"):
        assert hit(client.get(article.url + query)), query
    assert sum(1 for key in cache._cache if "pagecache:entry" in key) == 1  # noqa: SLF001


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["?comment=pending", "?reply_to=1", "?comment=pending&page=2"])
def test_comment_notices_and_reply_forms_bypass_the_cache(client, article, query):
    warm(client, article.url)
    for _ in range(2):
        response = client.get(article.url + query)
        assert response.status_code == 200
        assert "X-Cache" not in response


@pytest.mark.django_db
def test_search_results_are_cached_briefly_per_query(client, article):
    first = client.get("/en/search/?q=families")
    assert "s-maxage=60" in first["Cache-Control"]
    assert hit(client.get("/en/search/?q=families"))
    assert client.get("/en/search/?q=other")["X-Cache"] == "MISS"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_checks_are_never_cached(client, path, django_assert_num_queries):
    for _ in range(2):
        response = client.get(path)
        assert "X-Cache" not in response
        assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_admin_and_errors_are_never_cached(client, article):
    assert "X-Cache" not in client.get("/admin/login/")
    for _ in range(2):
        missing = client.get("/en/no-such-page/")
        assert missing.status_code == 404
        assert "X-Cache" not in missing
    assert "X-Cache" not in client.get("/")


@pytest.mark.django_db
def test_feeds_sitemap_and_robots_are_cached(client, article):
    warm(client, "/en/articles/feed/", "/en/articles/feed/atom/", "/sitemap.xml", "/robots.txt")


@pytest.mark.django_db
def test_hosts_are_separate_entries(client, article):
    warm(client, article.url)
    assert client.get(article.url, HTTP_HOST="localhost")["X-Cache"] == "MISS"


@pytest.mark.django_db
def test_making_a_page_private_purges_it_at_once(client, article):
    warm(client, article.url)
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="s3cret-word"
    )
    for _ in range(2):
        response = client.get(article.url)
        assert response.get("X-Cache") != "HIT"
        assert "Families ask for news" not in response.content.decode()
        assert 'name="password"' in response.content.decode()


@pytest.mark.django_db
def test_menu_fragments_are_shared_and_purged_with_the_menu(client, home_page, site_settings):
    about = StandardPageFactory(parent=home_page, title="About us", show_in_menus=True)
    contact = ContactPageFactory(parent=home_page, show_in_menus=True)
    assert "About us" in client.get(contact.url).content.decode()
    about.title = "Who we are"
    about.save_revision().publish()
    response = client.get(contact.url)
    assert response["X-Cache"] == "MISS"
    html = response.content.decode()
    assert "Who we are" in html
    assert "About us" not in html


# --- Reader forms on cached pages ----------------------------------------------------------


@pytest.mark.django_db
def test_commenting_from_a_cached_article_shows_the_notice(client, article):
    warm(client, article.url)
    response = post_comment(
        client, article, {"name": "Sara", "email": "s@example.org", "text": "Thank you."}
    )
    assert response.status_code == 302
    assert "comment=pending" in response["Location"]
    notice = client.get(response["Location"])
    assert "X-Cache" not in notice
    assert "will appear here once a moderator has approved it" in notice.content.decode()
    assert Comment.objects.filter(page=article, status=Comment.Status.PENDING).count() == 1
    # A comment waiting for moderation changes nothing readers see: still a hit.
    assert hit(client.get(article.url))


@pytest.mark.django_db
def test_approving_a_comment_purges_its_article(client, article):
    comment = CommentFactory(page=article, text="A pending thought")
    warm(client, article.url, "/en/articles/")
    comment.status = Comment.Status.APPROVED
    comment.save()
    response = client.get(article.url)
    assert response["X-Cache"] == "MISS"
    assert "A pending thought" in response.content.decode()
    assert client.get("/en/articles/")["X-Cache"] == "MISS"


@pytest.mark.django_db
def test_bulk_approval_in_the_admin_purges_the_articles(client, article, django_user_model):
    comment = CommentFactory(page=article, text="Approved in bulk")
    warm(client, article.url)
    editor = django_user_model.objects.create_superuser("mod", "m@example.org", "x" * 12)
    admin = client_class_for(client)
    admin.force_login(editor)
    url = f"/admin/bulk/news/comment/approve/?id={comment.pk}"
    response = admin.post(url, {})
    assert response.status_code in (200, 302)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    response = client.get(article.url)
    assert response["X-Cache"] == "MISS"
    assert "Approved in bulk" in response.content.decode()


def client_class_for(client):
    return type(client)()


@pytest.mark.django_db
def test_contact_form_works_from_a_cached_page(client, home_page, site_settings):
    contact = ContactPageFactory(parent=home_page)
    warm(client, contact.url)
    response = send_contact_message(
        client,
        contact,
        {"name": "Sara", "email": "s@example.org", "message": "Hello from a cached page."},
    )
    assert response.status_code == 200
    assert "X-Cache" not in response
    assert "Thank you, your message has been sent." in response.content.decode()
    assert contact.get_submissions().count() == 1
    assert hit(client.get(contact.url))


# --- Snippets, settings and the CDN ---------------------------------------------------------


@pytest.fixture
def persian(home_page, article, site_settings):
    """The Persian edition with the article and its category translated."""
    make_edition(home_page, "fa")
    translate(article.category, "fa", {article.category.name: "عراق"})
    translate(article.get_parent(), "fa", {"Articles": "مقاله‌ها"})
    return translate(article, "fa", {article.title: "خانواده‌ها خبر می‌خواهند"})


@pytest.mark.django_db
def test_renaming_a_category_purges_its_articles_and_archive_in_that_edition(client, persian):
    english = persian.get_translation(persian.locale.get_default())
    category = english.category
    archive = f"/en/articles/category/{category.slug}/"
    warm(client, english.url, archive, persian.url, "/fa/articles/")
    category.name = "Iraq and its neighbours"
    category.save()
    response = client.get(english.url)
    assert response["X-Cache"] == "MISS"
    assert "Iraq and its neighbours" in response.content.decode()
    assert client.get(archive)["X-Cache"] == "MISS"
    assert hit(client.get(persian.url))
    assert hit(client.get("/fa/articles/"))


@pytest.mark.django_db
def test_site_identity_purges_the_layout_of_its_edition_only(client, persian, site_settings):
    warm(client, "/en/", "/en/articles/", "/fa/", "/fa/articles/")
    identity = site_settings.identity
    identity.tagline = "Helping families find each other"
    identity.save()
    response = client.get("/en/articles/")
    assert response["X-Cache"] == "MISS"
    assert "Helping families find each other" in response.content.decode()
    assert client.get("/en/")["X-Cache"] == "MISS"
    assert hit(client.get("/fa/"))
    assert hit(client.get("/fa/articles/"))


@pytest.mark.django_db
def test_site_settings_purge_every_edition(client, persian, site_settings):
    warm(client, persian.url, "/en/articles/")
    site_settings.comments_enabled = not site_settings.comments_enabled
    site_settings.save()
    assert client.get(persian.url)["X-Cache"] == "MISS"
    assert client.get("/en/articles/")["X-Cache"] == "MISS"


@pytest.mark.django_db
def test_a_new_article_purges_recent_posts_but_not_unrelated_pages(
    client, article, article_index, home_page
):
    about = StandardPageFactory(parent=home_page, title="About us", slug="about-us")
    older = ArticlePageFactory(parent=article_index, title="An older article")
    warm(client, older.url, about.url)
    newest = ArticlePageFactory(parent=article_index, title="Breaking: families reunited")
    newest.save_revision().publish()
    response = client.get(older.url)  # its sidebar lists the newest articles
    assert response["X-Cache"] == "MISS"
    assert "Breaking: families reunited" in response.content.decode()
    assert hit(client.get(about.url))  # no sidebar, not in any listing of the article


@pytest.mark.django_db
def test_the_cdn_is_told_exactly_what_changed(
    client, persian, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": "tests.test_page_cache.RecordingBackend"}}
    RecordingBackend.purged.clear()
    english = persian.get_translation(persian.locale.get_default())
    with django_capture_on_commit_callbacks(execute=True):
        english.title = "Families ask for news again"
        english.save_revision().publish()
    purged = set(RecordingBackend.purged)
    root = "http://localhost"
    category = english.category.slug
    year, month = english.date.year, english.date.month
    assert {
        f"{root}{english.url}",
        f"{root}{persian.url}",  # its language switcher links to the English page
        f"{root}/en/",
        f"{root}/en/articles/",
        f"{root}/en/articles/feed/",
        f"{root}/en/articles/feed/atom/",
        f"{root}/en/articles/category/{category}/",
        f"{root}/en/articles/category/{category}/feed/",
        f"{root}/en/articles/{year}/",
        f"{root}/en/articles/{year}/{month}/",
        f"{root}/sitemap.xml",
    } <= purged
    assert f"{root}/fa/" not in purged
    assert f"{root}/fa/articles/" not in purged


@pytest.mark.django_db
def test_without_a_cdn_nothing_is_sent(persian, settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {}
    RecordingBackend.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        persian.save_revision().publish()
    assert RecordingBackend.purged == []


# --- Precise purging: every page type, every edition ---------------------------------------


# The site's pages under the names these tests give them: the page type, or what the page
# is for where the site has two of a type.
PAGE_NAMES = {
    "HomePage": "home",
    "ArticleIndexPage": "articles",
    "ArticlePage": "article",
    "MediaIndexPage": "media",
    "MediaSectionPage": "cartoons",
    "CartoonPage": "cartoon",
    "NewsPicturePage": "news_picture",
    "GalleryPage": "gallery",
    "VideoSection": "videos",
    "VideoPage": "video",
    "PublicationsIndexPage": "publications",
    "BookIndexPage": "books",
    "BookPage": "book",
    "PeriodicalSeriesPage": "newsletter",
    "PeriodicalIssuePage": "issue",
    "StandardPage": "about",
    "ContactPage": "contact",
}


class RecordingBackend(BaseBackend):
    """A CDN that records what it is asked to purge (no network in tests)."""

    purged = []

    def purge(self, url):
        self.purged.append(url)


@override_settings(PAGE_CACHE_ENABLED=True, FRAGMENT_CACHE_ENABLED=True, CACHES=CACHED)
class PurgeTests(TestCase):
    """Publishing, unpublishing, moving or deleting a page makes stale exactly what shows
    it: the page (and its translations' language switchers), the listings, archives, feeds,
    home, search and sitemap of its edition; never other editions' pages, nor, for pages
    below the menu, the rest of its own edition.

    Every address of the four editions is rendered once into the cache; each test starts
    from that warm cache, changes one page, and looks at what is still a hit."""

    @classmethod
    def setUpTestData(cls):
        SiteSettingsFactory()
        site = build_site(translate_into=EDITIONS[1:])
        # A second series, for an issue to be moved to.
        pars_brief = PeriodicalSeriesPageFactory(
            parent=site.publications, title="Pars Brief", slug="pars-brief"
        )
        for code in EDITIONS[1:]:
            translate(pars_brief, code)
        cls.ids = {}
        for code in EDITIONS:
            edition = site.in_edition(code)
            cls.ids[code] = {name: edition[key].pk for name, key in PAGE_NAMES.items()}
            cls.ids[code]["ParsBrief"] = pars_brief.get_translation(locale(code)).pk

        # Warm the cache with every address of every edition, and keep a copy of it.
        client = Client()
        for code in EDITIONS:
            urls = [Page.objects.get(pk=pk).url for pk in cls.ids[code].values()]
            urls += [f"/{code}/search/?q=news", f"/{code}/articles/feed/"]
            urls += [f"/{code}/articles/category/iraq/", "/sitemap.xml"]
            for url in urls:
                assert client.get(url).status_code == 200, url
        store = caches["default"]
        cls.warm_cache = (dict(store._cache), dict(store._expire_info))  # noqa: SLF001

    def setUp(self):
        # LocMemCache's own dictionaries: copying them is how a test gets a warm cache fast.
        store = caches["default"]
        entries, expiries = self.warm_cache
        forget_worker_copies()  # the database is rolled back to the warm cache's state
        store._cache.clear()  # noqa: SLF001
        store._cache.update(entries)  # noqa: SLF001
        store._expire_info.clear()  # noqa: SLF001
        # As fresh as when it was warmed (search results are kept only a minute).
        later = time.time() + 3600
        store._expire_info.update(  # noqa: SLF001
            {key: None if expiry is None else later for key, expiry in expiries.items()}
        )

    def page(self, code, name):
        return Page.objects.get(pk=self.ids[code][name]).specific

    def url(self, code, name):
        return self.page(code, name).url

    def other_edition(self, code):
        return EDITIONS[(EDITIONS.index(code) + 1) % len(EDITIONS)]

    def expectations(self, code, name, operation):
        """(addresses that must be purged, addresses that must stay cached)."""
        page = self.page(code, name)
        other = self.other_edition(code)
        stale = [page.url, f"/{code}/", f"/{code}/search/?q=news", "/sitemap.xml"]
        if name != "HomePage":
            stale.append(page.get_parent().url)
        if name in ("ArticlePage", "ArticleIndexPage"):
            stale += [f"/{code}/articles/feed/", f"/{code}/articles/category/iraq/"]
        # Every other edition's pages stay cached, except its translations of this very
        # page (their language switchers link here) and, when pages are deleted, of those.
        gone = {page.translation_key}
        if operation == "delete":
            gone |= set(page.get_descendants().values_list("translation_key", flat=True))
        kept = [
            candidate.url
            for edition in EDITIONS
            if edition != code
            for candidate in Page.objects.filter(pk__in=self.ids[edition].values())
            if candidate.translation_key not in gone
        ]
        if name not in ("HomePage", "ArticleIndexPage"):  # served by their translations
            kept += [f"/{other}/articles/feed/", f"/{other}/search/?q=news"]
        if not page.show_in_menus and page.depth > 3:
            # Not in the menu: the rest of its own edition stays cached too.
            kept.append(self.url(code, "ContactPage"))
        return list(dict.fromkeys(stale)), [url for url in dict.fromkeys(kept) if url not in stale]

    def check_purge(self, code, name, operation):
        stale, kept = self.expectations(code, name, operation)
        for url in stale + kept:
            self.assertEqual(self.client.get(url).get("X-Cache"), "HIT", f"{url} not warm")
        getattr(self, operation)(self.page(code, name))
        for url in stale:
            self.assertNotEqual(self.client.get(url).get("X-Cache"), "HIT", f"{url} kept")
        for url in kept:
            self.assertEqual(self.client.get(url).get("X-Cache"), "HIT", f"{url} purged")

    # The operations

    @staticmethod
    def publish(page):
        page.title = page.title + " (updated)"
        page.save_revision().publish()

    @staticmethod
    def unpublish(page):
        page.unpublish()

    def move(self, page):
        page = Page.objects.get(pk=page.pk)
        code = page.locale.language_code
        targets = {
            "CartoonPage": "VideoSection",
            "NewsPicturePage": "VideoSection",
            "GalleryPage": "VideoSection",
            "VideoPage": "MediaSectionPage",
            "PeriodicalIssuePage": "ParsBrief",
        }
        name = next(n for n, pk in self.ids[code].items() if pk == page.pk)
        if name in targets:
            page.move(self.page(code, targets[name]), pos="last-child")
        else:  # no other parent to go to: moved among its siblings (reordered)
            page.move(page.get_parent(), pos="first-child")

    @staticmethod
    def delete(page):
        page.delete()


PAGE_TYPES = [
    "HomePage",
    "StandardPage",
    "ContactPage",
    "ArticleIndexPage",
    "ArticlePage",
    "MediaIndexPage",
    "MediaSectionPage",
    "CartoonPage",
    "NewsPicturePage",
    "GalleryPage",
    "VideoPage",
    "PublicationsIndexPage",
    "BookIndexPage",
    "BookPage",
    "PeriodicalSeriesPage",
    "PeriodicalIssuePage",
]


def _add_test(operation, name, code):
    def test(self):
        self.check_purge(code, name, operation)

    test.__name__ = f"test_{operation}_{name}_{code}"
    test.__doc__ = f"{operation.capitalize()} a {name} in the {code} edition."
    setattr(PurgeTests, test.__name__, test)


# Publishing: every page type in every edition. Unpublishing, moving and deleting: every
# page type, each in one edition (taken in turn), to keep the suite quick.
for _name in PAGE_TYPES:
    for _code in EDITIONS:
        _add_test("publish", _name, _code)
for _index, _name in enumerate(PAGE_TYPES):
    _code = EDITIONS[_index % len(EDITIONS)]
    _add_test("unpublish", _name, _code)
    _add_test("delete", _name, EDITIONS[(_index + 1) % len(EDITIONS)])
    if _name != "HomePage":  # an edition's home has nowhere to move
        _add_test("move", _name, EDITIONS[(_index + 2) % len(EDITIONS)])
