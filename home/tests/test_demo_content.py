"""`load_demo` builds the whole site, and running it again changes nothing."""

import tempfile
from io import StringIO

from django.core.management import call_command
from django.test import TestCase, override_settings
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page, Revision

from core.models import SiteSettings
from home.models import ContactPage, StandardPage
from media_pages.models import MediaItemPage, MediaSectionPage
from news.models import ArticlePage, Category
from publications.models import BookPage, PeriodicalIssuePage, PeriodicalSeriesPage


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": Image.objects.count(),
        "documents": Document.objects.count(),
        "categories": Category.objects.count(),
    }


MEDIA_DIR = tempfile.mkdtemp(prefix="demo-media-")


@override_settings(MEDIA_ROOT=MEDIA_DIR)
class DemoContentTests(TestCase):
    """Loads the demo once for the class (it takes seconds); the class's transaction is
    rolled back afterwards, so no other test sees the demo data."""

    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", stdout=StringIO())
        cls.first = counts()
        call_command("load_demo", stdout=StringIO())
        cls.second = counts()

    def test_loading_twice_changes_nothing(self):
        assert self.first == self.second

    def test_demo_covers_every_section(self):
        english = {"locale__language_code": "en"}
        articles = ArticlePage.objects.live().filter(**english)
        assert articles.count() >= 36
        assert articles.values("category").distinct().count() >= 6
        assert len({article.date.year for article in articles}) >= 3
        dates = [article.date.date() for article in articles]
        assert len(dates) > len(set(dates)), "some articles share a date"
        for section in MediaSectionPage.objects.filter(**english):
            assert MediaItemPage.objects.child_of(section).live().count() >= 4, section.title
        for series in PeriodicalSeriesPage.objects.filter(**english):
            assert PeriodicalIssuePage.objects.child_of(series).live().count() >= 4, series
        assert BookPage.objects.filter(**english).live().count() >= 4
        assert StandardPage.objects.filter(slug="about-us", **english).live().exists()
        contact = ContactPage.objects.get(**english)
        assert contact.form_fields.count() >= 3
        assert SiteSettings.objects.get().identity.social_links.count() >= 4

    def test_demo_articles_use_quotes_documents_and_source_links(self):
        block_types = {
            block.block_type
            for article in ArticlePage.objects.filter(locale__language_code="en")
            for block in article.body
        }
        assert {"paragraph", "image", "quote", "document", "source_link"} <= block_types

    def test_every_demo_page_renders(self):
        for page in Page.objects.live().filter(depth__gt=1).specific():
            url = page.get_url()
            response = self.client.get(url)
            assert response.status_code == 200, (url, response.status_code)
