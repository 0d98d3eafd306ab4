"""Embeds never fetch while a visitor waits: cached HTML, or a plain link."""

import pytest
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from media_pages.factories import MediaSectionPageFactory, VideoPageFactory
from news.factories import ArticlePageFactory

VIDEO_URL = "https://www.youtube.com/watch?v=abc123"


def cache_embed(url, html='<iframe src="https://www.youtube.com/embed/abc123"></iframe>'):
    return Embed.objects.create(
        url=url, hash=get_embed_hash(url), html=html, type="video", provider_name="YouTube"
    )


@pytest.mark.django_db
def test_missing_embed_in_body_renders_a_link(client, article_index):
    article = ArticlePageFactory(parent=article_index, body=[])
    article.body = [("embed", VIDEO_URL)]
    article.save_revision().publish()
    response = client.get(article.url)
    assert response.status_code == 200
    assert f'href="{VIDEO_URL}"' in response.content.decode()
    assert "<iframe" not in response.content.decode()


@pytest.mark.django_db
def test_cached_embed_in_body_renders_the_player(client, article_index):
    cache_embed(VIDEO_URL)
    article = ArticlePageFactory(parent=article_index, body=[])
    article.body = [("embed", VIDEO_URL)]
    article.save_revision().publish()
    assert "youtube.com/embed/abc123" in client.get(article.url).content.decode()


@pytest.mark.django_db
def test_video_page_falls_back_to_a_link_then_uses_the_cache(client, home_page):
    from media_pages.factories import MediaIndexPageFactory

    videos = MediaSectionPageFactory(parent=MediaIndexPageFactory(parent=home_page))
    video = VideoPageFactory(parent=videos, embed_url=VIDEO_URL, video=None)
    html = client.get(video.url).content.decode()
    assert f'href="{VIDEO_URL}"' in html and "<iframe" not in html

    cache_embed(VIDEO_URL)
    assert "youtube.com/embed/abc123" in client.get(video.url).content.decode()


@pytest.mark.django_db
def test_embeds_are_fetched_when_the_editor_saves(monkeypatch, home_page):
    """The provider is asked at save time (here a stand-in), so rendering can read the cache."""
    from media_pages.factories import MediaIndexPageFactory

    fetched = []

    def fake_finder(url, max_width=None, max_height=None):
        fetched.append(url)
        return {
            "html": "<iframe src='https://player.example/1'></iframe>",
            "type": "video",
            "width": 640,
            "height": 360,
        }

    monkeypatch.setattr("wagtail.embeds.embeds.get_finder_for_embed", fake_finder, raising=False)
    videos = MediaSectionPageFactory(parent=MediaIndexPageFactory(parent=home_page))
    VideoPageFactory(parent=videos, embed_url=VIDEO_URL, video=None)
    assert fetched == [VIDEO_URL]
    assert Embed.objects.filter(url=VIDEO_URL).exists()
