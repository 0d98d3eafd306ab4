"""Each edition's search entries on PostgreSQL (search/backend.py): kept in step with
Wagtail's index, and what readers' search ranks, counts and pages through."""

import pytest
from django.db import connection
from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory
from news.factories import ArticlePageFactory
from search.backend import copy_entries, fill_entries_after_migrate
from search.models import SearchEntry
from tests.editions_helpers import make_edition, translate

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="search entries are kept on PostgreSQL"
    ),
]


def entry_locales():
    return dict(SearchEntry.objects.values_list("page__title", "locale__language_code"))


def search(client, code, query, **params):
    return client.get(f"/{code}/search/", {"q": query, **params})


def found(response):
    results = response.context["search_results"]
    return [result.page.title for result in results] if results else []


def test_live_articles_have_an_entry_in_their_edition(home_page, article_index):
    make_edition(home_page, "ar")
    article = ArticlePageFactory(parent=article_index, title="Water returns to the marshes")
    translate(article, "ar", {"Water returns to the marshes": "عودة المياه إلى الأهوار"})
    StandardPageFactory(parent=home_page, title="About the society")  # not listed by search
    assert entry_locales() == {
        "Water returns to the marshes": "en",
        "عودة المياه إلى الأهوار": "ar",
    }


def test_unpublishing_deleting_and_editing_follow_at_once(client, article_index):
    article = ArticlePageFactory(parent=article_index, title="Spring planting season")
    other = ArticlePageFactory(parent=article_index, title="Autumn planting season")
    assert found(search(client, "en", "planting")) != []

    article.title = "Spring sowing season"
    article.save_revision().publish()
    assert found(search(client, "en", "sowing")) == ["Spring sowing season"]

    article.unpublish()
    assert found(search(client, "en", "sowing")) == []
    assert not SearchEntry.objects.filter(page=article).exists()

    other.delete()
    assert found(search(client, "en", "planting")) == []
    assert not SearchEntry.objects.exists()


def test_aliases_have_no_entry(home_page, article_index):
    from news.factories import ArticleIndexPageFactory

    article = ArticlePageFactory(parent=article_index, title="Original report")
    second_index = ArticleIndexPageFactory(parent=home_page, title="Digest", slug="digest")
    article.create_alias(parent=second_index, update_slug="original-report-alias")
    assert list(SearchEntry.objects.values_list("page_id", flat=True)) == [article.pk]


def test_results_are_counted_ranked_and_paged_within_the_edition(client, home_page, article_index):
    make_edition(home_page, "fa")
    for number in range(23):
        ArticlePageFactory(
            parent=article_index, title=f"Harvest note {number}", summary="Wheat and barley."
        )
    best = ArticlePageFactory(parent=article_index, title="Harvest harvest harvest")
    translate(best, "fa", {"Harvest harvest harvest": "Harvest in Persian edition"})

    first = search(client, "en", "harvest")
    assert first.context["search_results"].paginator.count == 24  # not the Persian copy
    assert found(first)[0] == "Harvest harvest harvest"  # the title says it three times
    assert len(found(first)) == 10
    last = search(client, "en", "harvest", page=3)
    assert len(found(last)) == 4
    seen = found(first) + found(search(client, "en", "harvest", page=2)) + found(last)
    assert len(set(seen)) == 24

    assert search(client, "en", "harvest", page=4).status_code == 404
    assert search(client, "en", "harvest", page="two").status_code == 404
    assert search(client, "en", "harvest", page="9" * 30).status_code == 404
    assert search(client, "en", "harvest", page=0).status_code == 404


def test_private_pages_are_not_found(client, article_index):
    ArticlePageFactory(parent=article_index, title="Public harvest")
    private = ArticlePageFactory(parent=article_index, title="Private harvest")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    response = search(client, "en", "harvest")
    assert found(response) == ["Public harvest"]
    assert response.context["search_results"].paginator.count == 1


def test_entries_are_filled_for_a_site_indexed_before_they_existed(article_index):
    ArticlePageFactory(parent=article_index, title="Indexed long ago")
    SearchEntry.objects.all().delete()
    fill_entries_after_migrate(using="default")
    assert entry_locales() == {"Indexed long ago": "en"}

    SearchEntry.objects.all().delete()
    copy_entries()
    assert entry_locales() == {"Indexed long ago": "en"}


def test_a_search_is_a_fixed_number_of_queries(
    client, article_index, django_assert_num_queries, site_settings
):
    for number in range(12):
        ArticlePageFactory(parent=article_index, title=f"Flood warning {number}")
    search(client, "en", "flood")  # warms the shared values and the results' details
    with django_assert_num_queries(2):  # the ranked, counted ids; their pages
        response = search(client, "en", "flood")
    assert len(found(response)) == 10


def test_one_index_finds_the_editions_matches(home_page, article_index):
    """The edition and the words are looked up together in one GIN index, so the cost of a
    search follows its matches in the edition, not the size of the archive."""
    from search.views import matching_entries

    make_edition(home_page, "fa")
    for number in range(30):
        ArticlePageFactory(parent=article_index, title=f"Flood warning {number}")
    entries = matching_entries(article_index.locale_id, ["flood"], []).values_list("page_id")
    sql, params = entries.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("ANALYZE search_searchentry")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_searchentry_document_gin" in plan
    assert "Index Cond: ((locale_id = " in plan, plan
