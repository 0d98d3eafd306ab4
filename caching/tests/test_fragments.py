"""Fragments kept between requests with the page cache off (cards in listings, an
article's own content, the "Recent posts" sidebar): a reader never sees one older than the
change that made it stale."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.factories import ImageFactory
from news.factories import ArticlePageFactory, CommentFactory
from news.models import Comment
from tests.cache_settings import CACHED

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fragments_on(settings):
    """The test settings switch fragments off; here they are on, the page cache off."""
    settings.PAGE_CACHE_ENABLED = False
    settings.FRAGMENT_CACHE_ENABLED = True
    settings.CACHES = CACHED


@pytest.fixture
def article(article_index, site_settings):
    return ArticlePageFactory(
        parent=article_index,
        title="Families meet again",
        summary="A first summary.",
        hero_image=ImageFactory(width=1200, height=675),
    )


def republish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_a_card_shows_the_article_as_published_now(client, article, article_index):
    assert b"A first summary." in client.get(article_index.url).content
    republish(article, title="Families meet at last", summary="A second summary.")
    content = client.get(article_index.url).content
    assert b"Families meet at last" in content
    assert b"A second summary." in content
    assert b"A first summary." not in content


def test_a_card_follows_its_comment_count(client, article, article_index):
    assert b"0 comments" in client.get(article_index.url).content
    comment = CommentFactory(page=article, status=Comment.Status.PENDING)
    assert b"0 comments" in client.get(article_index.url).content
    comment.status = Comment.Status.APPROVED
    comment.save()
    assert b"1 comment<" in client.get(article_index.url).content


def test_a_card_follows_its_category(client, article, article_index):
    client.get(article_index.url)
    category = article.category
    category.name = "Camp Liberty residents"
    category.save()
    assert b"Camp Liberty residents" in client.get(article_index.url).content


def test_a_changed_picture_is_drawn_again(client, article, article_index):
    before = client.get(article_index.url).content
    image = article.hero_image
    image.focal_point_x, image.focal_point_y = 100, 100
    image.focal_point_width, image.focal_point_height = 50, 50
    image.save()
    after = client.get(article_index.url).content
    assert before != after  # new renditions, new addresses


def test_an_article_shows_its_new_body_once_published(client, article):
    client.get(article.url)
    republish(article, body=[("paragraph", "<p>A corrected paragraph.</p>")])
    assert b"A corrected paragraph." in client.get(article.url).content


def test_recent_posts_show_a_new_article_at_once(client, article, article_index):
    client.get(article.url)
    ArticlePageFactory(parent=article_index, title="Newest report")
    assert b"Newest report" in client.get(article.url).content


def test_cards_are_kept_per_edition(client, article, article_index, home_page):
    from tests.editions_helpers import make_edition, translate

    make_edition(home_page, "fa")
    translate(article_index, "fa")
    translate(article, "fa", {"Families meet again": "دیدار دوباره خانواده‌ها"})
    assert b"Families meet again" in client.get("/en/articles/").content
    persian = client.get("/fa/articles/").content.decode()
    assert "دیدار دوباره خانواده‌ها" in persian
    assert "Families meet again" not in persian


def test_kept_cards_fetch_no_renditions(client, article, article_index):
    for _n in range(3):
        ArticlePageFactory(parent=article_index, hero_image=ImageFactory(width=800, height=450))
    client.get(article_index.url)  # cards rendered and kept
    with CaptureQueriesContext(connection) as queries:
        response = client.get(article_index.url)
    assert response.status_code == 200
    assert b"<picture>" in response.content
    assert not [q for q in queries.captured_queries if "wagtailimages_rendition" in q["sql"]]


def test_each_worker_keeps_the_fragments_it_read():
    """caching.backends.LocalFirstCache: fragment keys name everything the fragment shows, so a
    worker's copy is kept in its memory and the shared cache is asked only once."""
    from django.core.cache import caches

    from caching.backends import LocalFirstCache

    shared = caches["default"]
    one = LocalFirstCache("one", {"OPTIONS": {"SHARED": "default"}})
    other = LocalFirstCache("other", {"OPTIONS": {"SHARED": "default"}})

    one.set("card:1", "<article>1</article>")
    assert shared.get("card:1") == "<article>1</article>"  # written through
    assert other.get("card:1") == "<article>1</article>"  # read from the shared cache...
    shared.delete("card:1")
    assert other.get("card:1") == "<article>1</article>"  # ...and kept
    assert one.get("card:1") == "<article>1</article>"
    assert one.get("card:2", "missing") == "missing"


def test_the_kept_article_count_follows_publishing(client, article_index, site_settings):
    """A listing's number of articles is kept (counting a large archive costs more than the
    page): a new article or one withdrawn changes the number of pages at once."""
    per_page = site_settings.articles_per_page
    articles = [ArticlePageFactory(parent=article_index) for _ in range(per_page)]
    assert client.get(article_index.url).status_code == 200
    assert client.get(f"{article_index.url}?page=2").status_code == 404

    extra = ArticlePageFactory(parent=article_index)
    assert client.get(f"{article_index.url}?page=2").status_code == 200

    extra.unpublish()
    articles[0].unpublish()
    assert client.get(f"{article_index.url}?page=2").status_code == 404


def test_a_preview_shows_the_draft_not_the_kept_content(client, article, article_index):
    client.get(article.url)  # the published content is kept
    other = ArticlePageFactory(parent=article_index, title="Another report")
    article.body = [("paragraph", "<p>A draft paragraph.</p>")]
    assert b"A draft paragraph." in article.make_preview_request().content
    other.summary = "Another draft summary."
    preview = other.make_preview_request().content
    assert b"Another draft summary." in preview
    assert b"A draft paragraph." not in preview


def test_without_the_shared_cache_every_card_is_its_own(
    client, article, article_index, monkeypatch
):
    ArticlePageFactory(parent=article_index, title="Another report")
    monkeypatch.setattr(
        "caching.templatetags.caching_tags.tag_versions",
        lambda request, tags: [None for _tag in tags],
    )
    content = client.get(article_index.url).content
    # The cards' headings (the sidebar lists the titles too).
    assert b">Families meet again</a></h2>" in content
    assert b">Another report</a></h2>" in content


def test_an_article_shows_a_comment_once_approved_and_its_removal(client, article):
    comment = CommentFactory(page=article, text="Glad to read this.", status=Comment.Status.PENDING)
    assert b"Glad to read this." not in client.get(article.url).content
    comment.status = Comment.Status.APPROVED
    comment.save()
    assert b"Glad to read this." in client.get(article.url).content
    comment.delete()
    assert b"Glad to read this." not in client.get(article.url).content


def test_the_kept_comment_fields_come_with_a_fresh_token_and_never_with_errors(
    client, article, monkeypatch
):
    from django.core import signing

    from reader_input import antispam
    from reader_input.antispam import TOKEN_FIELD, TOKEN_SALT
    from tests.reader_forms import post_comment

    def shown_at(html):
        token = html.split(f'name="{TOKEN_FIELD}" value="', 1)[1].split('"', 1)[0]
        return signing.loads(token.replace("&quot;", '"'), salt=TOKEN_SALT)["t"]

    monkeypatch.setattr(antispam.time, "time", lambda: 1_800_000_000)
    first = client.get(article.url).content.decode()
    monkeypatch.setattr(antispam.time, "time", lambda: 1_800_000_090)
    second = client.get(article.url).content.decode()
    for html in (first, second):
        assert 'id="comment-name"' in html and 'id="comment-text"' in html
    # The fields are kept; the token saying when the form was shown is not.
    assert (shown_at(first), shown_at(second)) == (1_800_000_000, 1_800_000_090)

    # A form sent back with errors shows them and what the reader typed, not the kept fields.
    monkeypatch.undo()
    response = post_comment(client, article, {"name": "Layla", "text": ""})
    html = response.content.decode()
    assert 'value="Layla"' in html
    assert "form-errors" in html
