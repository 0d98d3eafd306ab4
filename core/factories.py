"""Factories for what every page type uses: images, documents, StreamField blocks, and the
site's settings and identity.

Shared by the tests and the demo loader (``manage.py load_demo``). Page factories (in each
app's ``factories.py``) follow ``wagtail_factories.PageFactory``: pass ``parent=`` to place
a page; without it, each factory finds or creates a sensible parent (the default site's
home page, the one "Articles" index, ...), so ``ArticlePageFactory()`` alone gives a
routable article.

Images and documents get real files: pictures drawn by ``core.sample_files.pictures`` and
PDFs written by ``core.sample_files.pdf``, both deterministic.
"""

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail import blocks as wagtail_blocks
from wagtail.documents import get_document_model
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Site
from wagtail.rich_text import RichText
from wagtail_factories.blocks import BlockFactory

from core import blocks
from core.models import SiteIdentity, SiteSettings, SocialLink, SocialPlatform
from core.sample_files import pictures
from core.sample_files.pdf import render_pdf

# --- Look-ups shared by every app's factories -------------------------------------------


def default_locale():
    return Locale.get_default()


def default_collection():
    return Collection.get_first_root_node()


def default_site():
    """The default site (``home/migrations/0002`` creates it with the English home)."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise LookupError("There is no default site: run the migrations first.")
    return site


def default_root_page():
    """The page the default site serves at its root, the English home: the parent a
    factory places its page under when it is not told one."""
    return default_site().root_page.specific


def file_name(title, extension):
    return f"{slugify(title)[:80] or 'file'}.{extension}"


# --- Images and documents ---------------------------------------------------------------


class ImageFactory(wagtail_factories.ImageFactory):
    """An image with a generated picture. ``kind``: photo, cartoon, cover, portrait, logo.

    ``label`` and ``sublabel`` are drawn on the picture (a title band, a speech bubble, a
    cover title, initials); ``seed`` fixes the composition.
    """

    class Meta:
        model = get_image_model()

    class Params:
        kind = "photo"
        width = 800
        height = 450
        seed = factory.LazyAttribute(lambda o: o.title)
        label = ""
        sublabel = ""

    title = factory.Sequence(lambda n: f"Image {n}")
    description = ""
    collection = factory.LazyFunction(default_collection)
    file = factory.LazyAttribute(
        lambda o: ContentFile(
            *_picture(o.kind, o.width, o.height, o.seed, o.label, o.sublabel, o.title)
        )
    )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        image = model_class(*args, **kwargs)
        image._set_image_file_metadata()
        image.save()
        return image


def _picture(kind, width, height, seed, label, sublabel, title):
    data, extension = pictures.render(kind, width, height, seed, label, sublabel)
    return data, file_name(title, extension)


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A document with a generated PDF: a title page, then ``paragraphs``."""

    class Meta:
        model = get_document_model()

    class Params:
        subtitle = "Nejat Society"
        title_lines = ()
        paragraphs = (
            "## About this document",
            "This document was generated for demonstration and testing. It contains a "
            "title page and a page of text set in Helvetica.",
        )
        colour = (38, 70, 83)

    title = factory.Sequence(lambda n: f"Document {n}")
    collection = factory.LazyFunction(default_collection)
    file = factory.LazyAttribute(
        lambda o: ContentFile(
            render_pdf(
                o.title,
                list(o.paragraphs),
                subtitle=o.subtitle,
                title_lines=o.title_lines,
                colour=o.colour,
            ),
            name=file_name(o.title, "pdf"),
        )
    )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        document = model_class(*args, **kwargs)
        document._set_document_file_metadata()
        document.save()
        return document


# --- StreamField blocks (core.blocks.BodyBlock) -----------------------------------------


class RichTextBlockFactory(BlockFactory):
    """``value`` is HTML, e.g. ``"<p>Text</p>"``."""

    value = factory.Sequence(lambda n: f"<p>Paragraph {n}.</p>")

    class Meta:
        model = wagtail_blocks.RichTextBlock

    @classmethod
    def _construct_block(cls, block_class, *args, **kwargs):
        return RichText(kwargs["value"])


class HeadingBlockFactory(wagtail_factories.StructBlockFactory):
    text = factory.Sequence(lambda n: f"Heading {n}")
    level = "h2"

    class Meta:
        model = blocks.HeadingBlock


class ImageChooserBlockFactory(wagtail_factories.ImageChooserBlockFactory):
    image = factory.SubFactory(ImageFactory)


class ImageBlockFactory(wagtail_factories.ImageBlockFactory):
    """Wagtail's ImageBlock: an image with its alt text in context (never random)."""

    image = factory.SubFactory(ImageChooserBlockFactory)
    decorative = False
    alt_text = factory.Sequence(lambda n: f"Illustration {n}")


class CaptionedImageBlockFactory(wagtail_factories.StructBlockFactory):
    image = factory.SubFactory(ImageBlockFactory)
    caption = factory.Sequence(lambda n: f"Caption {n}")
    credit = ""

    class Meta:
        model = blocks.CaptionedImageBlock


class QuoteBlockFactory(wagtail_factories.StructBlockFactory):
    quote = "Every family deserves to know where its loved ones are."
    attribution = "A participant"

    class Meta:
        model = blocks.QuoteBlock


class PullQuoteBlockFactory(BlockFactory):
    value = "A sentence worth repeating."

    class Meta:
        model = blocks.PullQuoteBlock


class EmbedBlockFactory(BlockFactory):
    """An embed by URL; nothing is fetched (the page then shows a plain link)."""

    url = "https://www.youtube.com/@nejatngo"

    class Meta:
        model = EmbedBlock

    @classmethod
    def _construct_block(cls, block_class, *args, **kwargs):
        return block_class().to_python(kwargs["url"])


class DocumentChooserBlockFactory(wagtail_factories.DocumentChooserBlockFactory):
    document = factory.SubFactory(DocumentFactory)


class DocumentDownloadBlockFactory(wagtail_factories.StructBlockFactory):
    document = factory.SubFactory(DocumentChooserBlockFactory)
    label = ""

    class Meta:
        model = blocks.DocumentDownloadBlock


class SourceLinkBlockFactory(wagtail_factories.StructBlockFactory):
    url = "https://news.example.org/story"
    label = "Read more"

    class Meta:
        model = blocks.SourceLinkBlock


class BodyBlockFactory(wagtail_factories.StreamBlockFactory):
    """``body__0__paragraph__value="<p>…</p>"``, ``body__1="heading"``, ``body__2="image"``…"""

    paragraph = factory.SubFactory(RichTextBlockFactory)
    heading = factory.SubFactory(HeadingBlockFactory)
    image = factory.SubFactory(CaptionedImageBlockFactory)
    quote = factory.SubFactory(QuoteBlockFactory)
    pull_quote = factory.SubFactory(PullQuoteBlockFactory)
    embed = factory.SubFactory(EmbedBlockFactory)
    document = factory.SubFactory(DocumentDownloadBlockFactory)
    source_link = factory.SubFactory(SourceLinkBlockFactory)

    class Meta:
        model = blocks.BodyBlock


# --- Pages --------------------------------------------------------------------------------


class SiteIdentityFactory(factory.django.DjangoModelFactory):
    site_name = "Nejat Society"
    tagline = ""
    copyright_holder = "NEJAT Society. All Rights Reserved. NejatNGO.org"
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = SiteIdentity


class SiteSettingsFactory(factory.django.DjangoModelFactory):
    """The settings of the default site (one per site: found if they exist)."""

    site = factory.LazyFunction(default_site)
    identity = factory.SubFactory(SiteIdentityFactory)
    copyright_start_year = 2003

    class Meta:
        model = SiteSettings
        django_get_or_create = ("site",)


class SocialLinkFactory(factory.django.DjangoModelFactory):
    identity = factory.SubFactory(SiteIdentityFactory)
    platform = SocialPlatform.FACEBOOK
    url = "https://www.facebook.com/nejatngo"
    label = ""
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = SocialLink
