"""Responsive images: the markup every picture gets, renditions made when a page is
published (not on a visitor's request), and listings whose image cost does not grow with
their length."""

import re
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from core import images
from core.factories import ImageFactory
from news.factories import ArticlePageFactory

Rendition = get_image_model().get_rendition_model()


class PictureParser(HTMLParser):
    """The <picture> elements of a page: each a list of its <source> and <img> attrs."""

    def __init__(self):
        super().__init__()
        self.pictures, self._current = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "picture":
            self._current = []
            self.pictures.append(self._current)
        elif tag in ("source", "img") and self._current is not None:
            self._current.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag == "picture":
            self._current = None


def pictures_in(response):
    parser = PictureParser()
    parser.feed(response.content.decode())
    return parser.pictures


def srcset_widths(srcset):
    return [int(candidate.split()[-1][:-1]) for candidate in srcset.split(", ")]


def publish(page, django_capture_on_commit_callbacks):
    """Publish as an editor does; run what waits for the commit (the rendition task)."""
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()


@pytest.fixture
def article(article_index):
    return ArticlePageFactory(
        parent=article_index,
        with_hero=True,
        title="Spring reunion",
        body__0__image__caption="Families at the reunion",
    )


@pytest.mark.django_db
def test_article_hero_is_a_picture_fetched_first(
    client, article, django_capture_on_commit_callbacks
):
    publish(article, django_capture_on_commit_callbacks)
    response = client.get(article.url)
    assert response.status_code == 200
    found = pictures_in(response)
    hero = found[0]
    [body_image] = [p for p in found if p[-1][1]["alt"].startswith("Illustration")]

    sources = [attrs for tag, attrs in hero if tag == "source"]
    assert [s["type"] for s in sources] == ["image/avif", "image/webp"]
    assert all(s["sizes"] and srcset_widths(s["srcset"]) == [480, 720, 1200] for s in sources)
    assert all(".avif " in c for c in sources[0]["srcset"].split(", "))
    tag, img = hero[-1]
    assert tag == "img"
    assert img["src"].endswith(".jpg")
    assert (img["width"], img["height"]) == ("480", "270")
    assert img["fetchpriority"] == "high" and "loading" not in img
    assert srcset_widths(img["srcset"]) == [480, 720, 1200]

    # A body image is below the fold: lazy, decoded off the main thread, with its alt text.
    tag, img = body_image[-1]
    assert img["loading"] == "lazy" and img["decoding"] == "async"
    assert img["alt"].startswith("Illustration")
    assert "fetchpriority" not in img and img["width"] and img["height"]


@pytest.mark.django_db
def test_publishing_makes_the_renditions_visitors_would_ask_for(
    client, article, article_index, django_capture_on_commit_callbacks
):
    assert not Rendition.objects.exists()
    publish(article, django_capture_on_commit_callbacks)
    made = Rendition.objects.count()
    assert made >= 20  # hero, card and thumbnail sizes in three formats, share, body image

    for url in (article.url, article_index.url, "/en/"):
        assert client.get(url).status_code == 200
    assert Rendition.objects.count() == made, "a visitor's request encoded an image"


@pytest.mark.django_db
def test_a_new_focal_point_remakes_the_renditions_of_pages_using_the_image(
    client, article, django_capture_on_commit_callbacks
):
    publish(article, django_capture_on_commit_callbacks)
    image = article.hero_image
    before = Rendition.objects.filter(image=image).count()

    image.focal_point_x, image.focal_point_y = 1200, 300
    image.focal_point_width = image.focal_point_height = 200
    with django_capture_on_commit_callbacks(execute=True):
        image.save()
    assert Rendition.objects.filter(image=image).count() > before

    made = Rendition.objects.count()
    assert client.get(article.url).status_code == 200
    assert Rendition.objects.count() == made


@pytest.mark.django_db
def test_listing_images_cost_the_same_queries_for_two_or_eight_articles(
    client, article_index, django_capture_on_commit_callbacks
):
    def image_queries_for_listing():
        # Only the image tables: other per-page costs belong to the listing's own tests.
        with CaptureQueriesContext(connection) as queries:
            response = client.get(article_index.url)
        assert response.status_code == 200
        image_queries = [q for q in queries if "wagtailimages_" in q["sql"]]
        return len(image_queries), len(pictures_in(response))

    for n in range(2):
        publish(
            ArticlePageFactory(parent=article_index, with_hero=True, title=f"A{n}"),
            django_capture_on_commit_callbacks,
        )
    few, few_pictures = image_queries_for_listing()
    assert few_pictures >= 2
    for n in range(6):
        publish(
            ArticlePageFactory(parent=article_index, with_hero=True, title=f"B{n}"),
            django_capture_on_commit_callbacks,
        )
    many, many_pictures = image_queries_for_listing()
    assert many_pictures >= few_pictures + 6
    assert many == few <= 4


@pytest.mark.django_db
def test_a_small_image_lists_each_width_once():
    image = ImageFactory(width=500, height=500)
    html = images.picture(image, "body", alt="")
    # width-800 and width-1200 of a 500px image are both 500px wide: one candidate each.
    for srcset in re.findall(r'srcset="([^"]+)"', html):
        assert srcset_widths(srcset) == [480, 500]


@pytest.mark.django_db
def test_without_an_avif_encoder_pictures_offer_webp_and_jpeg(monkeypatch):
    monkeypatch.setattr(images.features, "check", lambda name: name != "avif")
    images.modern_formats.cache_clear()
    try:
        html = images.picture(ImageFactory(), "card", alt="")
    finally:
        images.modern_formats.cache_clear()
    assert "image/avif" not in html and ".avif" not in html
    assert 'type="image/webp"' in html and ".jpg" in html


@pytest.mark.django_db
def test_no_image_renders_nothing(client, article_index):
    page = ArticlePageFactory(parent=article_index, title="Words only")
    response = client.get(page.url)
    assert response.status_code == 200
    assert pictures_in(response) == []


@pytest.mark.django_db
def test_the_browser_connects_early_to_a_separate_media_origin(client, home_page, settings):
    assert 'rel="preconnect"' not in client.get("/en/").content.decode()
    settings.MEDIA_URL = "https://media.example.org/files/"
    html = client.get("/en/").content.decode()
    assert '<link rel="preconnect" href="https://media.example.org">' in html
