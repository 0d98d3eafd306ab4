"""Four first-class editions: prefixes, redirects, translated trees, localized dates."""

import datetime

import pytest
from django.utils import timezone, translation

from editions.formatting import format_date, localize_digits
from home.factories import ContactPageFactory
from news.factories import ArticlePageFactory, CategoryFactory
from news.models import ArticlePage
from tests.editions_helpers import locale, make_edition, translate
from tests.reader_forms import send_contact_message


@pytest.fixture
def editions(home_page):
    return {code: make_edition(home_page, code) for code in ("ar", "fa", "sq")}


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["en", "ar", "fa", "sq"])
def test_every_edition_home_is_its_own_live_page(client, editions, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    page = response.context["page"]
    assert page.locale.language_code == code
    assert page.live and page.alias_of_id is None
    html = response.content.decode()
    assert f'<html lang="{code}"' in html
    assert f'dir="{"rtl" if code in ("ar", "fa") else "ltr"}"' in html


@pytest.mark.django_db
def test_an_edition_without_a_live_home_never_serves_english_as_if_translated(client, home_page):
    persian_home = make_edition(home_page, "fa")
    persian_home.unpublish()
    response = client.get("/fa/")
    assert response.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers, expected",
    [
        ({}, "/en/"),
        ({"HTTP_ACCEPT_LANGUAGE": "fa-IR,fa;q=0.9,en;q=0.5"}, "/fa/"),
        ({"HTTP_ACCEPT_LANGUAGE": "ar-IQ"}, "/ar/"),
        ({"HTTP_ACCEPT_LANGUAGE": "sq"}, "/sq/"),
        ({"HTTP_ACCEPT_LANGUAGE": "de-DE,de"}, "/en/"),
    ],
)
def test_root_redirects_by_accept_language_then_english(client, headers, expected):
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.django_db
def test_language_cookie_beats_accept_language_and_switching_remembers_it(client):
    response = client.get("/edition/ar/", {"next": "/ar/articles/"})
    assert response.status_code == 302
    assert response["Location"] == "/ar/articles/"
    assert response.cookies["django_language"].value == "ar"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fa")["Location"] == "/ar/"


@pytest.mark.django_db
def test_the_edition_cookie_is_out_of_scripts_reach(client, settings):
    cookie = client.get("/edition/fa/").cookies["django_language"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/"
    assert int(cookie["max-age"]) >= 30 * 24 * 60 * 60
    settings.LANGUAGE_COOKIE_SECURE = True  # production's setting
    assert client.get("/edition/fa/").cookies["django_language"]["secure"] is True


@pytest.mark.django_db
@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/fa/", "/en/articles/", "javascript:x"]
)
def test_switch_never_redirects_off_site_or_to_another_edition(client, target):
    response = client.get("/edition/fa/", {"next": target})
    assert response["Location"] == "/fa/"


@pytest.mark.django_db
def test_unknown_edition_switch_is_404(client, home_page):
    assert client.get("/edition/de/", follow=True).status_code == 404


@pytest.mark.django_db
def test_listings_show_only_the_editions_own_live_articles(client, editions, article_index):
    category = CategoryFactory(name="Iraq", slug="iraq")
    translated = ArticlePageFactory(parent=article_index, title="Translated", category=category)
    ArticlePageFactory(parent=article_index, title="English only", category=category)
    translate(category, "fa", {"Iraq": "عراق"})
    translate(article_index, "fa", {"Articles": "مقاله‌ها"})
    translate(translated, "fa", {"Translated": "ترجمه‌شده"})

    persian_index = article_index.get_translation(locale("fa"))
    response = client.get(persian_index.url)
    assert [a.title for a in response.context["articles"]] == ["ترجمه‌شده"]
    html = response.content.decode()
    assert "English only" not in html
    assert "عراق" in html  # the category label is the Persian category

    english = client.get(article_index.url)
    assert [a.title for a in english.context["articles"]] == ["Translated", "English only"]


@pytest.mark.django_db
def test_alias_pages_are_never_listed(client, editions, article_index):
    article = ArticlePageFactory(parent=article_index, title="Aliased")
    persian_index = translate(article_index, "fa", {"Articles": "مقاله‌ها"})
    alias = article.create_alias(parent=persian_index, update_locale=locale("fa"))
    assert alias.alias_of_id == article.pk
    response = client.get(persian_index.url)
    assert list(response.context["articles"]) == []
    assert ArticlePage.objects.listed(locale=locale("fa")).count() == 0


@pytest.mark.django_db
def test_round_trip_translate_an_article_and_read_it_in_persian(client, editions, article_index):
    """Submit an English article for translation, fill its strings, publish, see it at /fa/."""
    article = ArticlePageFactory(
        parent=article_index,
        title="Families meet again",
        summary="Two families met after years apart.",
        date=timezone.make_aware(datetime.datetime(2026, 3, 21, 10, 0)),
        body__0__paragraph__value="<p>The meeting took place in spring.</p>",
    )
    persian = translate(
        article,
        "fa",
        {
            "Families meet again": "دیدار دوباره‌ی خانواده‌ها",
            "Two families met after years apart.": "دو خانواده پس از سال‌ها جدایی دیدار کردند.",
            "The meeting took place in spring.": "این دیدار در بهار برگزار شد.",
        },
    )
    # The missing parent (Articles) was created in the Persian tree, not by hand.
    assert persian.get_parent().specific.locale.language_code == "fa"
    assert persian.url == "/fa/articles/families-meet-again/"  # the slug is synchronised
    response = client.get(persian.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "دیدار دوباره‌ی خانواده‌ها" in html  # ZWNJ kept
    assert "این دیدار در بهار برگزار شد." in html
    assert "۱ فروردین ۱۴۰۵" in html  # Solar Hijri date, Persian digits


@pytest.mark.django_db
def test_a_translated_slug_cannot_change_the_address(editions, article_index):
    from wagtail_localize.models import TranslationSource

    article = ArticlePageFactory(parent=article_index, title="About slugs", slug="about-slugs")
    translate(article, "fa", {"about-slugs": "درباره"})
    source = TranslationSource.objects.get_for_instance(article)
    assert not source.stringsegment_set.filter(context__path="slug").exists()
    assert article.get_translation(locale("fa")).slug == "about-slugs"


@pytest.mark.django_db
def test_contact_form_fields_translate_but_keep_their_clean_names(client, editions, home_page):
    from wagtail.contrib.forms.models import FormSubmission

    contact = ContactPageFactory(parent=home_page)
    persian = translate(contact, "fa", {"Name": "نام", "Email": "ایمیل", "Message": "پیام"})
    fields = {field.clean_name: field.label for field in persian.form_fields.all()}
    assert fields == {"name": "نام", "email": "ایمیل", "message": "پیام"}

    response = client.get(persian.url)
    assert "پیام" in response.content.decode()
    send_contact_message(
        client, persian, {"name": "سارا", "email": "sara@example.org", "message": "سلام"}
    )
    send_contact_message(
        client, contact, {"name": "Sara", "email": "sara@example.org", "message": "Hi"}
    )
    stored = [submission.get_data() for submission in FormSubmission.objects.order_by("pk")]
    assert [data["message"] for data in stored] == ["سلام", "Hi"]


@pytest.mark.parametrize(
    "code, expected",
    [
        ("en", "December 29, 2011"),
        ("fa", "۸ دی ۱۳۹۰"),
        ("sq", "29 dhjetor 2011"),
    ],
)
def test_dates_are_written_the_editions_way(code, expected):
    assert format_date(datetime.date(2011, 12, 29), code).lower() == expected.lower()


def test_arabic_dates_use_arabic_month_names():
    assert "ديسمبر" in format_date(datetime.date(2011, 12, 29), "ar")


def test_persian_date_is_taken_in_the_sites_time_zone(settings):
    settings.TIME_ZONE = "Asia/Tehran"
    late_evening_utc = datetime.datetime(2026, 3, 20, 22, 0, tzinfo=datetime.UTC)
    with timezone.override("Asia/Tehran"):
        assert format_date(late_evening_utc, "fa") == "۱ فروردین ۱۴۰۵"


def test_persian_digits_only_in_persian():
    assert localize_digits(2026, "fa") == "۲۰۲۶"
    assert localize_digits(2026, "ar") == "2026"
    with translation.override("fa"):
        assert localize_digits("12") == "۱۲"
