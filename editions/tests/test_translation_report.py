"""The translation status report: every English page and its state in each edition."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail_localize.models import Translation, TranslationSource

from editions.groups import EDITION_TRANSLATOR_GROUPS
from home.factories import StandardPageFactory
from news.factories import ArticleIndexPageFactory, ArticlePageFactory
from tests.editions_helpers import locale, make_edition, translate

REPORT = "editions_admin:translation_status"


@pytest.fixture
def tree(home_page):
    """English: home, Articles with two articles, About us. Persian: home, Articles, the
    first article live and fully translated, the second a partly translated draft.
    Arabic: only the home page."""
    index = ArticleIndexPageFactory(parent=home_page)
    first = ArticlePageFactory(parent=index, title="First", slug="first", summary="One.")
    second = ArticlePageFactory(parent=index, title="Second", slug="second", summary="Two.")
    about = StandardPageFactory(parent=home_page, title="About us", slug="about-us")
    make_edition(home_page, "fa")
    make_edition(home_page, "ar")
    translate(index, "fa", {"Articles": "مقالات"})
    source_strings = {
        segment.string.data
        for segment in TranslationSource.get_or_create_from_instance(first)[
            0
        ].stringsegment_set.select_related("string")
    }
    translate(first, "fa", {text: f"fa {text}" for text in source_strings})
    translate(second, "fa", {"Second": "دوم"}, publish=False)
    return {"home": home_page, "index": index, "first": first, "second": second, "about": about}


def report(client, **params):
    response = client.get(reverse(REPORT), params)
    assert response.status_code == 200
    return response, {page.pk: page for page in response.context["object_list"]}


@pytest.mark.django_db
def test_lists_every_english_page_with_its_status_in_each_edition(admin_client, tree):
    response, rows = report(admin_client)
    assert set(rows) == {page.pk for page in tree.values()}

    fa = {key: rows[page.pk].edition_statuses["fa"] for key, page in tree.items()}
    ar = {key: rows[page.pk].edition_statuses["ar"] for key, page in tree.items()}
    assert {key: status.state for key, status in fa.items()} == {
        "home": "live",
        "index": "live",
        "first": "live",
        "second": "draft",
        "about": "missing",
    }
    assert {key: status.state for key, status in ar.items()} == {
        "home": "live",
        "index": "missing",
        "first": "missing",
        "second": "missing",
        "about": "missing",
    }
    assert "sq" in rows[tree["home"].pk].edition_statuses  # every edition by default

    # Progress matches wagtail-localize's own count.
    for key in ("first", "second"):
        translation = Translation.objects.get(
            source__object_id=tree[key].translation_key, target_locale=locale("fa")
        )
        assert (fa[key].total, fa[key].translated) == translation.get_progress()
    assert fa["first"].percent == 100
    assert 0 < fa["second"].percent < 100
    assert fa["about"].percent is None

    assert rows[tree["first"].pk].section_title == "Articles"
    assert rows[tree["about"].pk].section_title == "About us"
    assert rows[tree["home"].pk].section_title == ""

    html = response.content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[tree["first"].pk]) in html
    fa_first = tree["first"].get_translation(locale("fa"))
    assert reverse("wagtailadmin_pages:edit", args=[fa_first.pk]) in html
    assert "100%" in html


@pytest.mark.django_db
def test_flags_a_translation_whose_english_page_changed_since_it_was_synced(admin_client, tree):
    _, rows = report(admin_client)
    assert not rows[tree["first"].pk].edition_statuses["fa"].stale

    first = tree["first"]
    first.summary = "One, edited."
    first.save_revision().publish()
    _, rows = report(admin_client)
    assert rows[first.pk].edition_statuses["fa"].stale
    assert not rows[tree["second"].pk].edition_statuses["fa"].stale
    _, rows = report(admin_client, edition="fa", status="stale")
    assert set(rows) == {first.pk}

    # "Sync translated pages" reads the English page again.
    TranslationSource.objects.get(object_id=first.translation_key).update_from_db()
    _, rows = report(admin_client)
    assert not rows[first.pk].edition_statuses["fa"].stale


@pytest.mark.django_db
def test_filters_by_edition_section_and_status(admin_client, tree):
    response, rows = report(admin_client, edition="fa")
    assert set(rows[tree["home"].pk].edition_statuses) == {"fa"}
    columns = [column.name for column in response.context["table"].columns.values()]
    assert "edition_fa" in columns and "edition_ar" not in columns

    _, rows = report(admin_client, section=str(tree["index"].pk))
    assert set(rows) == {tree["index"].pk, tree["first"].pk, tree["second"].pk}

    _, rows = report(admin_client, edition="fa", status="missing")
    assert set(rows) == {tree["about"].pk}
    _, rows = report(admin_client, edition="fa", status="draft")
    assert set(rows) == {tree["second"].pk}
    _, rows = report(admin_client, edition="ar", status="live")
    assert set(rows) == {tree["home"].pk}
    # Without an edition: the status in at least one edition.
    _, rows = report(admin_client, status="missing")
    assert tree["index"].pk in rows and tree["first"].pk in rows
    _, rows = report(admin_client, edition="fa", section=str(tree["index"].pk), status="live")
    assert set(rows) == {tree["index"].pk, tree["first"].pk}

    # The AJAX refresh used by the filter panel.
    results = admin_client.get(reverse(REPORT + "_results"), {"edition": "fa"})
    assert results.status_code == 200


@pytest.mark.django_db
def test_paginated_and_a_fixed_number_of_queries(admin_client, tree):
    with CaptureQueriesContext(connection) as few:
        report(admin_client)
    for number in range(50):
        page = StandardPageFactory(parent=tree["home"], title=f"Page {number}", slug=f"p-{number}")
        if number % 2:
            translate(page, "fa", publish=False)
    with CaptureQueriesContext(connection) as many:
        response, rows = report(admin_client)
    assert len(rows) == 50
    assert response.context["paginator"].num_pages == 2
    assert len(many) <= len(few) + 2, [query["sql"] for query in many.captured_queries]
    _, rows = report(admin_client, p=2)
    assert len(rows) == 5


@pytest.mark.django_db
def test_csv_export(admin_client, tree):
    response = admin_client.get(reverse(REPORT), {"export": "csv", "edition": "fa"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    assert "Second" in content and "Draft" in content and "Missing" in content


@pytest.mark.django_db
def test_only_for_admin_users(client, tree, django_user_model):
    url = reverse(REPORT)
    response = client.get(url)
    assert response.status_code == 302 and reverse("wagtailadmin_login") in response["Location"]

    client.force_login(django_user_model.objects.create_user("visitor"))
    response = client.get(url)
    assert response.status_code == 302 and reverse("wagtailadmin_login") in response["Location"]

    translator = django_user_model.objects.create_user("translator")
    translator.groups.add(Group.objects.get(name=EDITION_TRANSLATOR_GROUPS["fa"]))
    client.force_login(translator)
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_reports_menu_links_to_it(admin_client, tree):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert reverse(REPORT) in response.content.decode()
