"""The Articles listing and its category archive: order, pagination and its edges."""

import datetime
import re

import pytest
from django.utils import timezone

from core.factories import SiteSettingsFactory
from news.factories import ArticlePageFactory, CategoryFactory


def titles(response):
    return [article.title for article in response.context["articles"]]


@pytest.fixture
def articles(article_index):
    """25 articles; the three newest share one date, so their order rests on the id."""
    SiteSettingsFactory(articles_per_page=10)
    same_day = timezone.make_aware(datetime.datetime(2026, 3, 20, 0, 0))
    shared = [
        ArticlePageFactory(parent=article_index, title=f"Same day {n}", date=same_day)
        for n in range(3)
    ]
    older = [
        ArticlePageFactory(
            parent=article_index,
            title=f"Older {n}",
            date=same_day - datetime.timedelta(days=n + 1),
        )
        for n in range(22)
    ]
    return shared, older


@pytest.mark.django_db
def test_newest_first_and_stable_within_a_shared_date(client, article_index, articles):
    shared, older = articles
    response = client.get(article_index.url)
    assert response.status_code == 200
    # Same date: the later-created article (higher id) first, every time.
    assert titles(response)[:3] == ["Same day 2", "Same day 1", "Same day 0"]
    assert titles(response)[3:10] == [f"Older {n}" for n in range(7)]
    assert titles(client.get(article_index.url)) == titles(response)


@pytest.mark.django_db
def test_pagination_pages_and_labels(client, article_index, articles):
    first = client.get(article_index.url)
    html = first.content.decode()
    assert "Older posts" in html and "Newer posts" not in html
    assert 'href="?page=2"' in html and 'href="?page=3"' in html

    middle = client.get(article_index.url, {"page": 2})
    html = middle.content.decode()
    assert "Older posts" in html and "Newer posts" in html
    assert titles(middle) == [f"Older {n}" for n in range(7, 17)]

    last = client.get(article_index.url, {"page": 3})
    html = last.content.decode()
    assert "Newer posts" in html and "Older posts" not in html
    assert titles(last) == [f"Older {n}" for n in range(17, 22)]


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["0", "4", "-1", "abc", "1.5", "99999999999999999999", ""])
def test_out_of_range_or_non_numeric_pages_are_404(client, article_index, articles, page):
    response = client.get(article_index.url, {"page": page})
    assert response.status_code == 404


@pytest.mark.django_db
def test_listing_shows_category_link_date_summary_and_share_links(client, article_index):
    category = CategoryFactory(name="Human rights reporting, 2003–2011", slug="human-rights")
    article = ArticlePageFactory(
        parent=article_index,
        title="A listed article",
        category=category,
        summary="What the article says, in short.",
        date=timezone.make_aware(datetime.datetime(2011, 12, 29, 10, 0)),
    )
    html = client.get(article_index.url).content.decode()
    archive_url = f"{article_index.url}category/human-rights/"
    assert f'href="{archive_url}"' in html
    assert "Human rights reporting, 2003–2011" in html
    assert f'href="{article.url}"' in html
    assert "What the article says, in short." in html
    assert "December 29, 2011" in html
    assert 'datetime="2011-12-29' in html
    assert "facebook.com/sharer" in html


@pytest.mark.django_db
def test_listing_can_show_full_text_instead_of_summary(client, article_index):
    SiteSettingsFactory(listing_shows_full_text=True)
    ArticlePageFactory(
        parent=article_index,
        summary="Only the summary.",
        body__0__paragraph__value="<p>The whole body of the article.</p>",
    )
    html = client.get(article_index.url).content.decode()
    assert "The whole body of the article." in html


@pytest.mark.django_db
def test_category_archive_lists_only_that_category(client, article_index):
    iraq = CategoryFactory(name="Iraq", slug="iraq")
    un = CategoryFactory(name="United Nations", slug="un")
    ArticlePageFactory(parent=article_index, title="In Iraq", category=iraq)
    ArticlePageFactory(parent=article_index, title="At the UN", category=un)
    response = client.get(f"{article_index.url}category/iraq/")
    assert response.status_code == 200
    assert titles(response) == ["In Iraq"]
    assert "<h1" in response.content.decode() and "Iraq" in response.content.decode()


@pytest.mark.django_db
def test_unknown_category_is_404(client, article_index):
    assert client.get(f"{article_index.url}category/no-such-thing/").status_code == 404


@pytest.mark.django_db
def test_drafts_and_private_articles_are_not_listed(client, article_index):
    from wagtail.models import PageViewRestriction

    ArticlePageFactory(parent=article_index, title="Published")
    draft = ArticlePageFactory(parent=article_index, title="A draft")
    draft.unpublish()
    private = ArticlePageFactory(parent=article_index, title="Members only")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert titles(client.get(article_index.url)) == ["Published"]


@pytest.mark.django_db
def test_recent_posts_sidebar_shows_the_five_newest_with_dates(client, article_index):
    for n in range(7):
        ArticlePageFactory(
            parent=article_index,
            title=f"Story {n}",
            date=timezone.make_aware(datetime.datetime(2025, 1, 1 + n, 9, 0)),
        )
    html = client.get(article_index.url).content.decode()
    sidebar = re.search(r"Recent posts.*?</(section|aside)>", html, re.S).group(0)
    assert re.findall(r"Story \d", sidebar) == [f"Story {n}" for n in (6, 5, 4, 3, 2)]
    assert "January 7, 2025" in sidebar
