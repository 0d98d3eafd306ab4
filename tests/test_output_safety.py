"""Script in any editor- or reader-writable text renders as text, never as markup."""

import pytest
from django.utils.html import escape
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from core.factories import SiteSettingsFactory, SocialLinkFactory
from home.factories import ContactPageFactory
from media_pages.factories import (
    GalleryImageFactory,
    GalleryPageFactory,
    MediaIndexPageFactory,
    MediaSectionPageFactory,
)
from news.factories import ArticlePageFactory, AuthorFactory, CategoryFactory
from tests.editions_helpers import make_edition, translate

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'
ATTRIBUTE_PAYLOAD = '" onmouseover="alert(1)'


def assert_inert(html):
    assert "<script>alert" not in html
    assert "<img src=x onerror" not in html
    assert 'onmouseover="alert(1)"' not in html


@pytest.mark.django_db
def test_article_fields_snippets_and_blocks_are_escaped(client, article_index, home_page):
    settings = SiteSettingsFactory(identity__site_name=PAYLOAD, identity__tagline=PAYLOAD)
    SocialLinkFactory(identity=settings.identity, label=ATTRIBUTE_PAYLOAD)
    article = ArticlePageFactory(
        parent=article_index,
        title=PAYLOAD,
        seo_title=ATTRIBUTE_PAYLOAD,
        summary=PAYLOAD,
        source_name=PAYLOAD,
        source_url="https://example.org/?q=%22%3E%3Cscript%3E",
        hero_caption=PAYLOAD,
        category=CategoryFactory(name=PAYLOAD, slug="payload"),
        author=AuthorFactory(name=PAYLOAD, role=ATTRIBUTE_PAYLOAD),
        tags=["<script>tag</script>"],
        body=[],
    )
    article.body = [
        ("heading", {"text": PAYLOAD, "level": "h2"}),
        # What Draftail stores when an editor types the payload: rich text reaches the
        # database only through the editor's whitelist (or the importer's sanitiser).
        ("paragraph", f"<p>{escape(PAYLOAD)}</p>"),
        ("quote", {"quote": PAYLOAD, "attribution": ATTRIBUTE_PAYLOAD}),
        ("pull_quote", PAYLOAD),
        ("source_link", {"url": "https://example.org/", "label": PAYLOAD}),
        ("embed", "https://example.org/video?x=%22%3E%3Cscript%3E"),
    ]
    article.save_revision().publish()
    for url in (
        article.url,
        article_index.url,
        home_page.url,
        article_index.url + "feed/",
        article_index.url + "category/payload/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inert(response.content.decode())


@pytest.mark.django_db
def test_gallery_captions_and_alt_texts_are_escaped(client, home_page):
    section = MediaSectionPageFactory(parent=MediaIndexPageFactory(parent=home_page))
    gallery = GalleryPageFactory(parent=section, caption=PAYLOAD, gallery_images=[])
    GalleryImageFactory(page=gallery, caption=PAYLOAD, alt_text=ATTRIBUTE_PAYLOAD)
    gallery.save_revision().publish()
    assert_inert(client.get(gallery.url).content.decode())


@pytest.mark.django_db
def test_contact_form_labels_and_help_texts_are_escaped(client, home_page):
    from home.models import ContactFormField

    page = ContactPageFactory(
        parent=home_page,
        form_fields=[
            ContactFormField(label=PAYLOAD, help_text=ATTRIBUTE_PAYLOAD, field_type="singleline"),
        ],
    )
    assert_inert(client.get(page.url).content.decode())


@pytest.mark.django_db
def test_search_queries_are_escaped_in_the_box_and_the_results(client, article_index):
    ArticlePageFactory(parent=article_index, title="Script kiddies", summary="script alert")
    response = client.get("/en/search/", {"q": PAYLOAD})
    assert response.status_code == 200
    assert_inert(response.content.decode())
    response = client.get("/en/search/", {"q": ATTRIBUTE_PAYLOAD})
    assert_inert(response.content.decode())


@pytest.mark.django_db
def test_translated_text_is_escaped(client, home_page, article_index):
    make_edition(home_page, "fa", title=PAYLOAD)
    article = ArticlePageFactory(parent=article_index, title="Plain title")
    persian = translate(article, "fa", {"Plain title": PAYLOAD})
    for url in ("/fa/", persian.url):
        assert_inert(client.get(url).content.decode())


@pytest.mark.django_db
def test_a_cached_embed_shows_provider_html_but_a_missing_one_only_a_link(client, article_index):
    url = "https://www.youtube.com/watch?v=abc"
    Embed.objects.create(
        url=url,
        hash=get_embed_hash(url),
        html="<iframe src='https://www.youtube.com/embed/abc'></iframe>",
        type="video",
    )
    article = ArticlePageFactory(parent=article_index, body=[])
    article.body = [("embed", url), ("embed", 'https://example.org/"><script>alert(1)</script>')]
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert "youtube.com/embed/abc" in html
    assert_inert(html)
