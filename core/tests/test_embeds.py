"""Embeds never fetch while a visitor waits: cached HTML, or a plain link."""

import json
from unittest import mock

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


# --- An editor saving an embed ---------------------------------------------------------------

OEMBED = [{"class": "wagtail.embeds.finders.oembed"}]


def provider_answers(exception=None, status=200, payload=None):
    """A stand-in for the provider's oEmbed endpoint (tests never reach the network)."""
    import requests

    def get(url, params=None, **kwargs):
        if exception is not None:
            raise exception
        response = requests.Response()
        response.status_code = status
        response.url = url
        response._content = json.dumps(payload or {}).encode()
        return response

    return mock.patch("wagtail.embeds.finders.oembed.requests.get", side_effect=get)


def clean(url):
    from core.blocks import CachedEmbedBlock

    block = CachedEmbedBlock()
    return block.clean(block.to_python(url))


@pytest.mark.django_db
def test_an_embed_whose_provider_cannot_be_reached_is_kept(settings):
    import requests

    settings.WAGTAILEMBEDS_FINDERS = OEMBED
    for failure in (requests.ConnectionError("no route"), requests.Timeout("slow")):
        with provider_answers(exception=failure):
            assert clean(VIDEO_URL).url == VIDEO_URL
    with provider_answers(status=503):
        assert clean(VIDEO_URL).url == VIDEO_URL
    assert not Embed.objects.exists()  # nothing cached: the page shows a link for now


@pytest.mark.django_db
def test_an_embed_the_provider_refuses_or_nobody_knows_is_a_form_error(settings):
    from django.core.exceptions import ValidationError

    settings.WAGTAILEMBEDS_FINDERS = OEMBED
    with provider_answers(status=404), pytest.raises(ValidationError):
        clean(VIDEO_URL)
    with pytest.raises(ValidationError):
        clean("https://unknown.example/watch/1")


@pytest.mark.django_db
def test_an_embed_the_provider_answers_is_fetched_while_the_editor_saves(settings):
    settings.WAGTAILEMBEDS_FINDERS = OEMBED
    payload = {"type": "video", "html": '<iframe src="https://www.youtube.com/embed/abc123">'
               "</iframe>", "title": "A video", "provider_name": "YouTube"}  # fmt: skip
    with provider_answers(payload=payload):
        assert clean(VIDEO_URL).url == VIDEO_URL
    assert Embed.objects.get(hash=get_embed_hash(VIDEO_URL)).html


@pytest.mark.django_db
def test_an_editor_can_save_an_imported_article_while_its_video_provider_is_unreachable(
    client, admin_user, article_index, settings
):
    import requests
    from django.urls import reverse
    from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

    settings.WAGTAILEMBEDS_FINDERS = OEMBED
    article = ArticlePageFactory(parent=article_index, title="Imported", body=[])
    article.body = [("embed", VIDEO_URL)]
    article.save_revision().publish()
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    with provider_answers(exception=requests.ConnectionError("no route")):
        data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
        data["title"] = "Imported, corrected"
        # StreamFields are drawn by JavaScript: posted as the admin's script posts them.
        data.update(nested_form_data({"body": streamfield([("embed", VIDEO_URL)])}))
        response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    article.refresh_from_db()
    assert article.get_latest_revision_as_object().title == "Imported, corrected"
    assert article.get_latest_revision_as_object().body[0].value.url == VIDEO_URL
