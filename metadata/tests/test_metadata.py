"""What every page tells search engines and social networks: title, description, canonical,
Open Graph and Twitter tags, JSON-LD, noindex; and the search entry in the header."""

import datetime
import json
from collections import defaultdict
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from core.factories import ImageFactory, SiteSettingsFactory, SocialLinkFactory
from home.factories import StandardPageFactory
from metadata.descriptions import field_text, json_ld, truncate
from news.factories import ArticlePageFactory, AuthorFactory, CategoryFactory
from tests.editions_helpers import locale, make_edition, translate

BREAKOUT = "</script><script>alert(1)</script>"


class Head(HTMLParser):
    """The parts of a page's <head> these tests read."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.meta = defaultdict(list)  # name or property: [content, ...]
        self.links = defaultdict(list)  # rel: [href, ...]
        self.json_ld = []  # raw text of each ld+json script
        self._in = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self._in = "title"
        elif tag == "meta" and "content" in attrs:
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.meta[key].append(attrs["content"])
        elif tag == "link":
            self.links[attrs.get("rel")].append(attrs.get("href"))
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in = "json_ld"
            self.json_ld.append("")

    def handle_endtag(self, tag):
        if tag in ("title", "script"):
            self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "json_ld":
            self.json_ld[-1] += data

    def one(self, key):
        values = self.meta.get(key, [])
        assert len(values) == 1, (key, values)
        return values[0]

    def graph(self):
        assert len(self.json_ld) == 1, self.json_ld
        data = json.loads(self.json_ld[0])
        assert data["@context"] == "https://schema.org"
        return {node["@type"]: node for node in data["@graph"]}


def head(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status
    return Head(response.content.decode())


def when(year, month, day, hour=9):
    return timezone.make_aware(datetime.datetime(year, month, day, hour, 0))


@pytest.fixture
def identity_settings(home_page):
    logo = ImageFactory(title="Logo", kind="logo", width=600, height=200)
    return SiteSettingsFactory(
        identity__site_name="Nejat Society",
        identity__tagline="News about families of Iranian refugees",
        logo=logo,
    )


@pytest.fixture
def article(article_index, identity_settings):
    return ArticlePageFactory(
        parent=article_index,
        title="Families meet in Geneva",
        summary="Two families met after\n  years apart.",
        date=when(2025, 3, 1),
        last_published_at=when(2025, 3, 2, 12),
        category=CategoryFactory(name="United Nations", slug="un"),
        author=AuthorFactory(name="Sara Ahmadi"),
        with_hero=True,
        tags=["families", "geneva"],
    )


# --- Title and description -------------------------------------------------------------


@pytest.mark.django_db
def test_article_title_and_description_come_from_the_page(client, article):
    page = head(client, article.url)
    assert page.title == "Families meet in Geneva – Nejat Society"
    assert page.one("description") == "Two families met after years apart."

    article.seo_title = "Reunion in Geneva"
    article.search_description = "What the search engines show."
    article.save()
    page = head(client, article.url)
    assert page.title == "Reunion in Geneva – Nejat Society"
    assert page.one("description") == "What the search engines show."
    assert page.one("og:title") == "Reunion in Geneva"
    assert page.one("og:description") == "What the search engines show."


@pytest.mark.django_db
def test_description_falls_back_to_the_intro_then_the_tagline(client, identity_settings):
    long_intro = "Nejat Society helps families " + "find their relatives again " * 10
    with_intro = StandardPageFactory(title="About us", intro=long_intro)
    description = head(client, with_intro.url).one("description")
    assert description.startswith("Nejat Society helps families find")
    assert len(description) <= 160 and description.endswith("…")
    kept = description[:-1]
    assert long_intro.startswith(kept) and long_intro[len(kept)] == " "  # whole words

    without = StandardPageFactory(title="Policies", intro="")
    assert head(client, without.url).one("description") == (
        "News about families of Iranian refugees"
    )


@pytest.mark.django_db
def test_home_page_title_is_the_site_name_and_tagline(client, identity_settings, home_page):
    page = head(client, home_page.url)
    assert page.title == "Nejat Society – News about families of Iranian refugees"
    assert page.one("og:title") == "Nejat Society"
    assert page.one("og:type") == "website"


def test_descriptions_are_cut_on_a_word_boundary():
    text = "word " * 50
    cut = truncate(text)
    assert len(cut) <= 160 and cut.endswith("word…")
    assert truncate("Short  and\nsweet.") == "Short and sweet."
    assert len(truncate("x" * 500)) == 160  # one very long "word" is cut where it must be


@pytest.mark.django_db
def test_rich_text_loses_its_tags_but_plain_text_is_kept_as_written(article_index):
    from news.models import ArticleIndexPage

    index = ArticleIndexPage(intro="<p>Our <b>news</b> &amp; reports</p>")
    assert field_text(index, "intro") == "Our news & reports"
    article = ArticlePageFactory.build(summary="Why a <b> is not bold here")
    assert field_text(article, "summary") == "Why a <b> is not bold here"


@pytest.mark.django_db
def test_archives_have_their_own_title_and_description(client, article):
    index = article.get_parent().specific
    page = head(client, index.url + "tag/geneva/")
    assert page.title == "geneva – Nejat Society"
    assert page.one("description") == "Articles tagged “geneva”, newest first."
    assert page.one("og:url") == f"http://testserver{index.url}tag/geneva/"

    category = article.category
    category.description = "Reports on the United Nations and its agencies."
    category.save()
    page = head(client, index.url + "category/un/")
    assert page.title == "United Nations – Nejat Society"
    assert page.one("description") == "Reports on the United Nations and its agencies."
    assert head(client, index.url + "2025/3/").one("description") == (
        "Articles from March 2025, newest first."
    )


@pytest.mark.django_db
def test_search_has_its_own_title_and_is_never_indexed(client, identity_settings):
    page = head(client, "/en/search/?q=geneva")
    assert page.title == "Search: geneva – Nejat Society"
    assert page.one("description") == "Search articles, media and publications"
    assert page.one("robots") == "noindex, follow"
    assert page.json_ld == []


# --- Canonical, Open Graph, Twitter ----------------------------------------------------


@pytest.mark.django_db
def test_open_graph_and_twitter_tags_with_absolute_urls(client, article):
    page = head(client, article.url)
    canonical = f"http://testserver{article.url}"
    assert page.links["canonical"] == [canonical]
    assert page.one("og:url") == canonical
    assert page.one("og:type") == "article"
    assert page.one("og:title") == "Families meet in Geneva"
    assert page.one("og:description") == "Two families met after years apart."
    assert page.one("og:site_name") == "Nejat Society"
    image = page.one("og:image")
    assert image.startswith("http://testserver/media/") and "fill-1200x630" in image
    assert page.one("og:image:width") == "1200"
    assert page.one("og:image:height") == "630"
    assert page.one("og:image:alt") == "A caption for the main image."
    assert page.one("article:published_time") == "2025-03-01T09:00:00+00:00"
    assert page.one("article:modified_time") == "2025-03-02T12:00:00+00:00"
    assert page.one("article:section") == "United Nations"
    assert page.meta["article:tag"] == ["families", "geneva"]
    assert page.one("twitter:card") == "summary_large_image"
    assert page.one("twitter:title") == "Families meet in Geneva"
    assert page.one("twitter:image") == image
    assert "robots" not in page.meta  # an edition's own page is indexed


@pytest.mark.django_db
def test_the_shared_pictures_alt_text_is_in_the_editions_language(client, article, home_page):
    article.hero_image.description = "Two women embrace at a station."
    article.hero_image.save()
    assert head(client, article.url).one("og:image:alt") == "Two women embrace at a station."

    make_edition(home_page, "fa")
    persian = translate(
        article,
        "fa",
        {
            "Families meet in Geneva": "دیدار خانواده‌ها در ژنو",
            "A caption for the main image.": "دو خواهر",
        },
    )
    page = head(client, persian.url)
    assert page.one("og:image:alt") == "دو خواهر"  # the translated caption, not the English alt
    assert page.one("og:locale") == "fa_IR"
    assert page.meta["og:locale:alternate"] == ["en_GB"]


@pytest.mark.django_db
def test_a_page_without_a_picture_is_shared_with_the_logo(client, identity_settings):
    about = StandardPageFactory(title="About us")
    page = head(client, about.url)
    assert page.one("og:type") == "website"
    assert page.one("og:image").startswith("http://testserver/media/")
    assert (page.one("og:image:width"), page.one("og:image:height")) == ("600", "200")
    assert page.one("og:image:alt") == "Nejat Society"
    assert page.one("twitter:card") == "summary"
    assert "article:published_time" not in page.meta


@pytest.mark.django_db
@pytest.mark.parametrize(
    "code, og_locale", [("en", "en_GB"), ("ar", "ar_AR"), ("fa", "fa_IR"), ("sq", "sq_AL")]
)
def test_og_locale_per_edition_with_the_other_translations(
    client, home_page, identity_settings, code, og_locale
):
    homes = {"en": home_page}
    homes.update({other: make_edition(home_page, other) for other in ("ar", "fa", "sq")})
    page = head(client, homes[code].url)
    assert page.one("og:locale") == og_locale
    expected = {"en_GB", "ar_AR", "fa_IR", "sq_AL"} - {og_locale}
    assert set(page.meta["og:locale:alternate"]) == expected


@pytest.mark.django_db
def test_an_untranslated_page_has_no_locale_alternates(client, article):
    make_edition(article.get_parent().get_parent(), "fa")
    assert "og:locale:alternate" not in head(client, article.url).meta


# --- JSON-LD ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_article_json_ld_is_a_news_article(client, article):
    nodes = head(client, article.url).graph()
    assert set(nodes) == {"NewsArticle", "BreadcrumbList"}
    news = nodes["NewsArticle"]
    canonical = f"http://testserver{article.url}"
    assert news["headline"] == "Families meet in Geneva"
    assert news["description"] == "Two families met after years apart."
    assert news["datePublished"] == "2025-03-01T09:00:00+00:00"
    assert news["dateModified"] == "2025-03-02T12:00:00+00:00"
    assert news["author"] == {"@type": "Person", "name": "Sara Ahmadi"}
    assert news["mainEntityOfPage"] == {"@type": "WebPage", "@id": canonical}
    assert news["inLanguage"] == "en"
    assert news["articleSection"] == "United Nations"
    assert news["keywords"] == ["families", "geneva"]
    image = news["image"]
    assert image["@type"] == "ImageObject"
    assert image["url"].startswith("http://testserver/media/") and "fill-1200x630" in image["url"]
    assert (image["width"], image["height"]) == (1200, 630)
    publisher = news["publisher"]
    assert publisher["@type"] == "Organization"
    assert publisher["name"] == "Nejat Society"
    assert publisher["url"] == "http://testserver/en/"
    assert publisher["logo"]["@type"] == "ImageObject"
    assert publisher["logo"]["url"].startswith("http://testserver/media/")
    assert publisher["logo"]["width"] and publisher["logo"]["height"]


@pytest.mark.django_db
def test_an_article_without_a_byline_is_by_the_organisation(client, article):
    article.author = None
    article.save()
    author = head(client, article.url).graph()["NewsArticle"]["author"]
    assert author["@type"] == "Organization"
    assert author["name"] == "Nejat Society"


@pytest.mark.django_db
def test_article_breadcrumbs_in_json_ld(client, article):
    crumbs = head(client, article.url).graph()["BreadcrumbList"]["itemListElement"]
    assert [(crumb["position"], crumb["name"], crumb["item"]) for crumb in crumbs] == [
        (1, "Home", "http://testserver/en/"),
        (2, "Articles", "http://testserver/en/articles/"),
        (3, "Families meet in Geneva", f"http://testserver{article.url}"),
    ]


@pytest.mark.django_db
def test_archive_breadcrumbs_end_with_the_archive(client, article):
    index = article.get_parent().specific
    crumbs = head(client, index.url + "category/un/?page=1").graph()["BreadcrumbList"]
    last = crumbs["itemListElement"][-1]
    assert (last["position"], last["name"]) == (3, "United Nations")
    assert last["item"] == f"http://testserver{index.url}category/un/"


@pytest.mark.django_db
def test_each_edition_home_is_an_organization_and_a_searchable_website(
    client, home_page, identity_settings
):
    SocialLinkFactory(identity=identity_settings.identity, url="https://www.facebook.com/n")
    persian = make_edition(home_page, "fa")
    translate(
        identity_settings.identity,
        "fa",
        {"Nejat Society": "انجمن نجات", "News about families of Iranian refugees": "اخبار"},
    )
    nodes = head(client, persian.url).graph()
    assert set(nodes) == {"Organization", "WebSite"}
    organization, website = nodes["Organization"], nodes["WebSite"]
    assert organization["name"] == "انجمن نجات"
    assert organization["url"] == "http://testserver/fa/"
    assert organization["logo"]["url"].startswith("http://testserver/media/")
    assert organization["sameAs"] == ["https://www.facebook.com/n"]
    assert website["url"] == "http://testserver/fa/"
    assert website["inLanguage"] == "fa"
    assert website["publisher"] == {"@id": organization["@id"]}
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == (
        "http://testserver/fa/search/?q={search_term_string}"
    )
    assert action["query-input"] == "required name=search_term_string"

    english = head(client, home_page.url).graph()["WebSite"]
    assert english["potentialAction"]["target"]["urlTemplate"].startswith(
        "http://testserver/en/search/"
    )


@pytest.mark.django_db
def test_a_title_cannot_break_out_of_the_json_ld_script(client, article):
    title = f"Talks {BREAKOUT} & “more”"
    article.title = title
    article.save()
    html = client.get(article.url).content.decode()
    assert "</script><script>" not in html
    assert "<script>alert(1)" not in html
    page = Head(html)
    nodes = page.graph()
    assert nodes["NewsArticle"]["headline"] == title
    assert nodes["BreadcrumbList"]["itemListElement"][-1]["name"] == title
    assert page.one("og:title") == title  # attributes are escaped, and read back whole


def test_json_ld_escapes_what_could_end_the_script():
    text = json_ld({"name": "</script><!-- & -->"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": "</script><!-- & -->"}


# --- noindex ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_alias_pages_are_noindex_and_point_to_the_original(client, article):
    persian_index = translate(article.get_parent().specific, "fa", {"Articles": "مقاله‌ها"})
    alias = article.create_alias(parent=persian_index, update_locale=locale("fa"))
    page = head(client, alias.url)
    assert page.one("robots") == "noindex"
    original = f"http://testserver{article.url}"
    assert page.links["canonical"] == [original]
    assert page.one("og:url") == original
    assert page.json_ld == []  # structured data only for an edition's own pages
    assert "robots" not in head(client, article.url).meta


@pytest.mark.django_db
def test_not_found_pages_are_noindex(client, identity_settings):
    page = head(client, "/en/no-such-page/", status=404)
    assert page.one("robots") == "noindex"
    assert page.title == "Page not found – Nejat Society"
    assert page.json_ld == []


@pytest.mark.django_db
def test_a_page_shown_in_another_edition_is_noindex(rf, article):
    request = rf.get(article.url)
    with translation.override("fa"):
        response = article.serve(request)
        response.render()
    page = Head(response.content.decode())
    assert page.one("robots") == "noindex"
    assert page.json_ld == []


@pytest.mark.django_db
def test_normal_pages_are_indexed(client, article, home_page):
    for url in (article.url, home_page.url, article.get_parent().url):
        assert "robots" not in head(client, url).meta, url


# --- Queries ---------------------------------------------------------------------------


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_metadata_costs_no_query_per_tag_or_ancestor(client, article):
    count_queries(client, article.url)  # renditions are made on the first visit
    few = count_queries(client, article.url)
    article.tags.add("un", "iran", "refugees", "reunion")
    article.save()
    assert count_queries(client, article.url) == few


# --- The search entry in the header -----------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["en", "fa"])
def test_header_search_goes_to_the_editions_search(client, home_page, identity_settings, code):
    homes = {"en": home_page, "fa": make_edition(home_page, "fa")}
    html = client.get(homes[code].url).content.decode()
    header = html.split("<header", 1)[1].split("</header>", 1)[0]
    forms = header.split("<form")[1:]
    assert len(forms) == 2  # in the masthead, and in the mobile menu
    for form in forms:
        assert f'action="/{code}/search/"' in form
        assert 'method="get"' in form and 'role="search"' in form
        assert 'name="q"' in form
        field_id = form.split("<input", 1)[1].split('id="', 1)[1].split('"', 1)[0]
        assert f'<label class="visually-hidden" for="{field_id}">' in form
        assert 'type="submit"' in form
        assert {"en": "Search", "fa": "جست\u200cوجو"}[code] in form  # translated
