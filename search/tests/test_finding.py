"""Readers find articles by archive, feed and search; crawlers get the sitemap."""

import datetime
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.utils import timezone

from core.factories import ImageFactory
from news.factories import ArticlePageFactory, CategoryFactory
from search.views import highlight, query_terms
from tests.editions_helpers import locale, make_edition, translate


def when(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 10, 0))


@pytest.fixture
def archive(article_index):
    iraq = CategoryFactory(name="Iraq", slug="iraq")
    un = CategoryFactory(name="United Nations", slug="un")
    ArticlePageFactory(
        parent=article_index,
        title="May story",
        date=when(2024, 5, 3),
        category=iraq,
        tags=["families"],
    )
    ArticlePageFactory(
        parent=article_index,
        title="June story",
        date=when(2024, 6, 9),
        category=un,
        tags=["families", "geneva"],
    )
    ArticlePageFactory(parent=article_index, title="New year", date=when(2025, 1, 2), category=un)
    return article_index


def titles(response):
    return [article.title for article in response.context["articles"]]


# --- Archives -------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "suffix, expected, heading",
    [
        ("category/iraq/", ["May story"], "Iraq"),
        ("tag/families/", ["June story", "May story"], "families"),
        ("2024/", ["June story", "May story"], "2024"),
        ("2024/5/", ["May story"], "May 2024"),
        ("2024/05/", ["May story"], "May 2024"),
    ],
)
def test_archives_list_their_articles_with_a_title(client, archive, suffix, expected, heading):
    response = client.get(archive.url + suffix)
    assert response.status_code == 200
    assert titles(response) == expected
    html = response.content.decode()
    h1 = html.split("<h1", 1)[1].split("</h1>", 1)[0]
    assert heading in h1
    assert "breadcrumb" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "suffix",
    [
        "category/nothing/",
        "tag/nothing/",
        "1999/",
        "2024/13/",
        "2024/0/",
        "2023/7/",
        "99999/",
        "2024/5/extra/",
    ],
)
def test_unknown_archives_are_404(client, archive, suffix):
    assert client.get(archive.url + suffix).status_code == 404


@pytest.mark.django_db
def test_archives_paginate_like_the_listing(client, article_index):
    from core.factories import SiteSettingsFactory

    SiteSettingsFactory(articles_per_page=2)
    category = CategoryFactory(slug="many")
    for n in range(5):
        ArticlePageFactory(parent=article_index, category=category, title=f"Many {n}")
    url = article_index.url + "category/many/"
    assert titles(client.get(url, {"page": 3})) == ["Many 4"]
    assert client.get(url, {"page": 4}).status_code == 404
    assert "Older posts" in client.get(url).content.decode()


@pytest.mark.django_db
def test_persian_archive_lists_persian_articles_only(client, home_page, archive):
    make_edition(home_page, "fa")
    category = archive.articles().get(title="May story").category
    translate(category, "fa", {"Iraq": "عراق"})
    translate(archive, "fa", {"Articles": "مقاله‌ها"})
    may = archive.articles().get(title="May story")
    translate(may, "fa", {"May story": "گزارش اردیبهشت"})
    persian_index = archive.get_translation(locale("fa"))
    response = client.get(persian_index.url + "category/iraq/")
    assert titles(response) == ["گزارش اردیبهشت"]
    # "United Nations" has no Persian translation: no such category in that edition.
    assert client.get(persian_index.url + "category/un/").status_code == 404
    assert client.get(persian_index.url + "2025/").status_code == 404  # none in Persian


# --- Feeds ----------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("suffix, version", [("feed/", "rss20"), ("feed/atom/", "atom10")])
def test_feeds_parse_and_carry_summaries_dates_categories_and_images(
    client, archive, suffix, version
):
    article = archive.articles().get(title="New year")
    article.hero_image = ImageFactory()
    article.summary = "The first story of the year."
    article.save_revision().publish()

    response = client.get(archive.url + suffix)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == version
    assert feed.feed.language == "en" if version == "rss20" else True
    entries = {entry.title: entry for entry in feed.entries}
    assert list(entries) == ["New year", "June story", "May story"]
    newest = entries["New year"]
    assert newest.summary == "The first story of the year."
    assert newest.link.endswith(article.url)
    assert newest.published_parsed[:3] == (2025, 1, 2)
    assert "United Nations" in [tag.term for tag in newest.tags]
    enclosures = [link for link in newest.links if link.rel == "enclosure"]
    assert enclosures and enclosures[0].type.startswith("image/")


@pytest.mark.django_db
def test_category_feed_has_only_that_category(client, archive):
    feed = feedparser.parse(client.get(archive.url + "category/iraq/feed/").content)
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == ["May story"]
    assert client.get(archive.url + "category/nothing/feed/").status_code == 404


@pytest.mark.django_db
def test_pages_link_their_feeds_in_the_head(client, archive):
    head = client.get(archive.url).content.decode().split("</head>")[0]
    assert 'type="application/rss+xml"' in head
    assert 'type="application/atom+xml"' in head


# --- Sitemap and robots ---------------------------------------------------------------

SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


@pytest.mark.django_db
def test_sitemap_covers_every_edition_with_alternates(client, home_page, article_index):
    make_edition(home_page, "fa")
    translated = ArticlePageFactory(parent=article_index, title="Shared")
    english_only = ArticlePageFactory(parent=article_index, title="English only")
    persian = translate(translated, "fa", {"Shared": "مشترک"})
    draft = ArticlePageFactory(parent=article_index, title="Draft")
    draft.unpublish()
    alias = english_only.create_alias(
        parent=article_index.get_translation(locale("fa")), update_locale=locale("fa")
    )

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    urls = {
        url.find("s:loc", SITEMAP_NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP_NS)
        }
        for url in root.findall("s:url", SITEMAP_NS)
    }
    english_url = translated.get_full_url()
    persian_url = persian.get_full_url()
    assert english_url in urls and persian_url in urls
    for location in (english_url, persian_url):
        assert urls[location] == {"en": english_url, "fa": persian_url, "x-default": english_url}
    assert urls[english_only.get_full_url()] == {}
    assert draft.get_full_url() not in urls
    assert alias.get_full_url() not in urls


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text


# --- Search ---------------------------------------------------------------------------


@pytest.fixture
def searchable(home_page, article_index):
    make_edition(home_page, "fa")
    english = ArticlePageFactory(
        parent=article_index,
        title="Families reunited in spring",
        summary="Relatives who had waited for years met again.",
    )
    ArticlePageFactory(parent=article_index, title="Annual report", summary="Numbers.")
    persian = translate(
        english,
        "fa",
        {
            "Families reunited in spring": "دیدار خانواده‌ها در بهار",
            "Relatives who had waited for years met again.": (
                "بستگانی که سال‌ها منتظر بودند، یکدیگر را دیدند و کودکان شاد شدند."
            ),
        },
    )
    draft = ArticlePageFactory(parent=article_index, title="Families draft")
    draft.unpublish()
    return english, persian


def search(client, code, query, **params):
    return client.get(f"/{code}/search/", {"q": query, **params})


def found(response):
    results = response.context["search_results"]
    return [result.page.title for result in results] if results else []


@pytest.mark.django_db
def test_search_finds_the_editions_live_pages_only(client, searchable):
    english, persian = searchable
    response = search(client, "en", "families")
    assert response.status_code == 200
    assert found(response) == ["Families reunited in spring"]  # no draft, no Persian
    assert found(search(client, "fa", "خانواده‌ها")) == ["دیدار خانواده‌ها در بهار"]
    assert found(search(client, "fa", "families")) == []


@pytest.mark.django_db
def test_search_keeps_the_query_and_highlights_matches(client, searchable):
    response = search(client, "en", "relatives")
    html = response.content.decode()
    assert 'value="relatives"' in html
    assert "<mark>Relatives</mark>" in html
    assert 'name="robots" content="noindex' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "كودكان",  # Arabic kaf for Persian keheh
        "خانوادهها",  # written without the zero-width non-joiner
        "خانواده ها",  # or with a space
        "يكديگر",  # Arabic yeh and kaf
        "منتظر",
    ],
)
def test_persian_search_folds_letter_variants(client, searchable, query):
    assert found(search(client, "fa", query)) == ["دیدار خانواده‌ها در بهار"], query


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "x" * 10_000,
        "!!!",
        "'; DROP TABLE wagtailcore_page; --",
        '") OR 1=1 --',
        ".*[(?",
        "AND OR NOT NEAR",
        "families\x00",
        "خانواده families ألف",
        "",
        "   ",
    ],
)
def test_absurd_queries_never_break_the_page(client, searchable, query):
    response = search(client, "en", query)
    assert response.status_code == 200


@pytest.mark.django_db
def test_search_results_paginate_and_bad_pages_are_404(client, article_index):
    for n in range(12):
        ArticlePageFactory(parent=article_index, title=f"Harvest report {n}")
    first = search(client, "en", "harvest")
    assert len(found(first)) == 10
    html = first.content.decode()
    assert "q=harvest" in html and "page=2" in html
    assert len(found(search(client, "en", "harvest", page=2))) == 2
    assert search(client, "en", "harvest", page=9).status_code == 404


@pytest.mark.django_db
def test_english_stems_match_on_postgresql(client, searchable, django_db_blocker):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("stemming comes from PostgreSQL full-text search; SQLite FTS5 has none")
    assert found(search(client, "en", "reunite")) == ["Families reunited in spring"]
    assert found(search(client, "en", "family")) == ["Families reunited in spring"]


def test_query_terms_are_words_only():
    assert query_terms("'; DROP TABLE x; --") == ["drop", "table", "x"]
    assert query_terms("كتاب") == ["کتاب"]
    assert len("".join(query_terms("y" * 10_000))) == 200


def test_highlight_marks_folded_matches_in_the_original_text():
    excerpt = highlight("خانواده‌ها یکدیگر را دیدند", query_terms("يكديگر"))
    assert "<mark>یکدیگر</mark>" in excerpt
    assert (
        highlight("<b>Families</b> met", ["families"])
        == "&lt;b&gt;<mark>Families</mark>&lt;/b&gt; met"
    )
