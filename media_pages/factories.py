"""Factories for the media section: index, sections, cartoons, news pictures, galleries,
videos, and wagtailmedia video files (tests and demo loader)."""

import datetime
from pathlib import Path

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtailmedia.models import get_media_model

from core.factories import ImageFactory, default_collection, default_root_page, file_name
from media_pages.models import (
    CartoonPage,
    GalleryImage,
    GalleryPage,
    MediaIndexPage,
    MediaSectionPage,
    NewsPicturePage,
    VideoPage,
)

VIDEO_DIR = Path(__file__).resolve().parent.parent / "home" / "demo" / "assets" / "video"
DEMO_CLIPS = sorted(VIDEO_DIR.glob("*.mp4"))


class MediaIndexPageFactory(wagtail_factories.PageFactory):
    """ "Media" under the default home page; an existing one with the slug is reused."""

    parent = factory.LazyFunction(default_root_page)
    title = "Media"
    slug = "media"
    intro = ""

    class Meta:
        model = MediaIndexPage
        django_get_or_create = ("parent", "slug")


class MediaSectionPageFactory(wagtail_factories.PageFactory):
    """A section (Cartoons, NewsPics, …); an existing one with the slug is reused."""

    parent = factory.SubFactory(MediaIndexPageFactory)
    title = factory.Sequence(lambda n: f"Section {n}")
    intro = ""

    class Meta:
        model = MediaSectionPage
        django_get_or_create = ("parent", "slug")


def _item_date(n):
    return datetime.date(2025, 6, 1) - datetime.timedelta(days=n)


class MediaItemPageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(MediaSectionPageFactory)
    date = factory.Sequence(_item_date)
    caption = ""

    class Meta:
        abstract = True


class CartoonPageFactory(MediaItemPageFactory):
    title = factory.Sequence(lambda n: f"Cartoon {n}")
    image = factory.SubFactory(
        ImageFactory, kind="cartoon", width=600, height=600, label=factory.SelfAttribute("..title")
    )
    artist = "Staff artist"

    class Meta:
        model = CartoonPage


class NewsPicturePageFactory(MediaItemPageFactory):
    title = factory.Sequence(lambda n: f"News picture {n}")
    image = factory.SubFactory(ImageFactory)
    credit = "Nejat Society"

    class Meta:
        model = NewsPicturePage


def default_gallery_images():
    return [
        GalleryImage(image=ImageFactory(), caption=f"Photo {index}", alt_text="")
        for index in range(1, 4)
    ]


class GalleryImageFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory("media_pages.factories.GalleryPageFactory", gallery_images=[])
    image = factory.SubFactory(ImageFactory)
    caption = factory.Sequence(lambda n: f"Photo {n}")
    alt_text = ""
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = GalleryImage


class GalleryPageFactory(MediaItemPageFactory):
    """A gallery with three photos unless ``gallery_images=[GalleryImage(...), ...]`` is
    given (unsaved instances; they are saved with the page)."""

    title = factory.Sequence(lambda n: f"Gallery {n}")
    intro = ""
    image = factory.SubFactory(ImageFactory)
    gallery_images = factory.LazyFunction(default_gallery_images)

    class Meta:
        model = GalleryPage


class VideoFileFactory(factory.django.DjangoModelFactory):
    """A wagtailmedia video: by default one of the committed demo clips (8 s, 640×360)."""

    class Params:
        clip = factory.Sequence(lambda n: n)

    title = factory.Sequence(lambda n: f"Video {n}")
    type = "video"
    duration = 8
    width = 640
    height = 360
    collection = factory.LazyFunction(default_collection)
    file = factory.LazyAttribute(
        lambda o: ContentFile(
            DEMO_CLIPS[o.clip % len(DEMO_CLIPS)].read_bytes(), name=file_name(o.title, "mp4")
        )
    )

    class Meta:
        model = get_media_model()


class VideoPageFactory(MediaItemPageFactory):
    """A video page playing an uploaded clip; pass ``embed_url=…, video=None`` for an embed.

    Beware: ``VideoPage.clean()`` (run by every ``save()``) fetches an embed that is not
    cached yet when a provider accepts the address, e.g. a YouTube ``watch?v=`` URL. An
    address no provider accepts (a channel page) is never fetched and shows as a link.
    """

    title = factory.Sequence(lambda n: f"Video {n}")
    image = factory.SubFactory(ImageFactory)
    embed_url = ""
    video = factory.SubFactory(VideoFileFactory)
    description = ""
    transcript = ""

    class Meta:
        model = VideoPage
