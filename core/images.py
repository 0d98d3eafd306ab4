"""Responsive images: one definition of every picture a visitor sees.

Each place an image is shown is a *role* (``ROLES``): the sizes it is cut to and the
``sizes`` attribute that tells the browser how wide it is shown. From a role come:

* the markup: ``{% responsive_image image "card" %}`` (``home/templatetags/image_tags``)
  renders a ``<picture>`` with AVIF and WebP ``<source>``s and a JPEG ``<img>`` that has a
  width, a height and a ``srcset``, lazy unless it is the first image on the page;
* the listing prefetch: ``rendition_specs("card", "thumb")`` is what a listing queryset
  passes to ``prefetch_renditions()``, so a page of cards costs one query for all their
  renditions;
* the renditions made ahead of time: when a page is published (and when an image a live
  page uses is saved, e.g. a new focal point), ``prepare_page_renditions`` makes every
  rendition the page's templates and the listings showing it will ask for, in a task
  (django-tasks: inline by default, a worker when ``TASKS`` names one). A visitor's request
  then finds them instead of encoding images.

AVIF needs an encoder in Pillow (Pillow 11.2+ wheels have one). Where it is missing, or
when ``IMAGE_MODERN_FORMATS`` leaves it out, pictures simply offer WebP and JPEG.
"""

import logging
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Prefetch, prefetch_related_objects
from django.db.models.signals import post_save
from django.utils.html import format_html, format_html_join
from django_tasks import task
from PIL import features
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.stream_block import StreamValue
from wagtail.blocks.struct_block import StructValue
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage, Filter, SourceImageIOError
from wagtail.images.shortcuts import get_rendition_or_not_found, get_renditions_or_not_found
from wagtail.models import Page, ReferenceIndex
from wagtail.signals import page_published

logger = logging.getLogger(__name__)

FALLBACK_FORMAT = "jpeg"
MIME_TYPES = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg"}


@dataclass(frozen=True)
class ImageRole:
    # Resize operations, smallest first (the first is the <img src>).
    resizes: tuple[str, ...]
    # How wide the picture is shown, for the browser to pick a candidate.
    sizes: str = "100vw"
    # False: a single rendition in the image's own format (share images, feed enclosures,
    # video posters), not a <picture>.
    picture: bool = True


# Sizes follow site.css: the main column is at most 50rem beside the 20rem sidebar
# (>= 64rem), cards in a grid are about 16rem, publication covers about 11rem.
ROLES = {
    "hero": ImageRole(
        ("fill-480x270", "fill-720x405", "fill-1200x675"),
        "(min-width: 64rem) 50rem, calc(100vw - 2rem)",
    ),
    "card": ImageRole(("fill-360x203", "fill-720x405"), "(min-width: 40rem) 15rem, 100vw"),
    "thumb": ImageRole(("fill-160x90", "fill-320x180"), "6rem"),
    "media_card": ImageRole(("fill-360x270", "fill-720x540"), "(min-width: 40rem) 16rem, 100vw"),
    "cover": ImageRole(("fill-300x420", "fill-600x840"), "(min-width: 40rem) 11rem, 45vw"),
    "body": ImageRole(("width-480", "width-800", "width-1200"), "(min-width: 64rem) 50rem, 100vw"),
    "media_item": ImageRole(("max-800x800", "max-1200x1200"), "(min-width: 62rem) 59rem, 100vw"),
    "gallery_thumb": ImageRole(("fill-240x180", "fill-480x360"), "(min-width: 40rem) 9rem, 50vw"),
    "gallery_photo": ImageRole(("max-800x600", "max-1600x1200"), "(min-width: 62rem) 59rem, 100vw"),
    "poster": ImageRole(("width-1280",), picture=False),
    # metadata.descriptions.SHARE_IMAGE_FILTER and news.feeds.ENCLOSURE_FILTER.
    "share": ImageRole(("fill-1200x630",), picture=False),
    "feed": ImageRole(("fill-720x405",), picture=False),
}

# What a listing shows of each kind of page: prefetched with the listing's query.
LISTING_ROLES = {
    "article": ("card",),  # listings, archives and the home page
    "article_compact": ("thumb",),  # related articles, "Recent posts"
    "article_feed": ("feed",),  # RSS and Atom enclosures
    "media": ("media_card",),
    "publication": ("cover",),
    "gallery": ("gallery_thumb", "gallery_photo"),
}

# The roles each page type's own images are shown in, on the page and in listings.
# Keys are model labels; a page gets the roles of every class in its MRO (a cartoon is
# also a media item). ``gallery_images`` is an inline of items that have an ``image``.
PAGE_IMAGE_ROLES = {
    "news.ArticlePage": {"hero_image": ("hero", "card", "thumb", "share", "feed")},
    "media_pages.MediaItemPage": {"image": ("media_card", "share")},
    "media_pages.CartoonPage": {"image": ("media_item",)},
    "media_pages.NewsPicturePage": {"image": ("media_item",)},
    "media_pages.VideoPage": {"image": ("poster",)},
    "media_pages.GalleryPage": {"gallery_images": ("gallery_thumb", "gallery_photo")},
    "publications.PublicationPage": {"cover": ("cover", "share")},
}
# Images inside a StreamField (the image block) are shown in this role.
STREAM_ROLE = "body"


@cache
def modern_formats():
    """The formats offered before the JPEG fallback, best first, that Pillow can encode."""
    wanted = [f.strip().lower() for f in getattr(settings, "IMAGE_MODERN_FORMATS", ["webp"])]
    encodable = {"avif": features.check("avif"), "webp": features.check("webp")}
    missing = [f for f in wanted if f in encodable and not encodable[f]]
    if missing:
        logger.warning("Pillow cannot encode %s here: pictures offer the others.", missing)
    return tuple(f for f in wanted if encodable.get(f))


def _formats():
    return (*modern_formats(), FALLBACK_FORMAT)


def role_specs(role_name):
    """The filter specs of one role, grouped by format (``{format: [spec, …]}``)."""
    role = ROLES[role_name]
    if not role.picture:
        return {None: list(role.resizes)}
    return {fmt: [f"{resize}|format-{fmt}" for resize in role.resizes] for fmt in _formats()}


def rendition_specs(*role_names):
    """Every filter spec the roles need, once each: for ``prefetch_renditions()`` and for
    making renditions ahead of time."""
    specs = {}
    for name in role_names:
        for group in role_specs(name).values():
            specs.update(dict.fromkeys(group))
    return tuple(specs)


@cache
def rendition_filter(spec):
    """The ``Filter`` for a spec, parsed once per process: Wagtail parses a spec given as a
    string on every call (its operations and their arguments), which costs more than
    finding the rendition."""
    return Filter(spec=spec)


def rendition_filters(specs):
    return [rendition_filter(spec) for spec in specs]


def listing_specs(kind):
    """The rendition specs a listing of ``kind`` (see ``LISTING_ROLES``) prefetches."""
    return rendition_specs(*LISTING_ROLES[kind])


class RenditionBatch:
    """The pictures of the cards on a page, whose renditions are fetched together, in one
    query, the first time one of them is drawn. A card kept in the fragment cache draws
    none, so a page whose cards are all kept fetches no renditions at all."""

    def __init__(self, images, specs):
        self.images = images
        self.specs = specs
        self.fetched = False

    def fetch(self):
        if self.fetched:
            return
        self.fetched = True
        prefetch_related_objects(self.images, _renditions_prefetch("renditions", self.specs))


def defer_renditions(*listings):
    """Give the images of ``listings`` (``(items, image field, listing kind)``, items from
    querysets made with ``renditions=None``) one ``RenditionBatch``; returns the first
    listing's items as a list."""
    images, specs = [], {}
    for items, field, kind in listings:
        specs.update(dict.fromkeys(listing_specs(kind)))
        images += [getattr(item, field) for item in items if getattr(item, field + "_id")]
    batch = RenditionBatch(images, tuple(specs))
    for image in images:
        image.rendition_batch = batch
    return list(listings[0][0]) if listings else []


def fetch_deferred_renditions(image):
    """Before drawing ``image``: its batch's renditions, if they are still to be fetched."""
    batch = getattr(image, "rendition_batch", None)
    if batch is not None:
        batch.fetch()


def with_renditions(queryset, field, kind):
    """``queryset`` with each item's image (the foreign key ``field``) joined in, and the
    image's renditions for a listing of ``kind`` in one more query: two queries for a page
    of cards, whatever their number. (Wagtail's ``prefetch_renditions()`` takes one query
    for the images and another for their renditions.) ``kind`` None: the image only, its
    renditions to be fetched when first needed (``defer_renditions``)."""
    if kind is None:
        return queryset.select_related(field)
    return queryset.select_related(field).prefetch_related(
        _renditions_prefetch(f"{field}__renditions", listing_specs(kind))
    )


def _renditions_prefetch(lookup, specs):
    """The renditions of ``specs``, put where Wagtail's look-up finds prefetched ones."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=specs)
    return Prefetch(lookup, queryset=renditions, to_attr="prefetched_renditions")


# --- Markup -----------------------------------------------------------------------------


def _srcset(renditions):
    # Images smaller than the largest size give several renditions of the same width:
    # list each width once (duplicate descriptors are invalid).
    by_width = {}
    for rendition in renditions:
        by_width.setdefault(rendition.width, rendition)
    return ", ".join(f"{rendition.url} {width}w" for width, rendition in by_width.items())


def picture(image, role_name, *, eager=False, sizes=None, **attrs):
    """The ``<picture>`` for ``image`` in a role. ``eager``: the page's main image (fetched
    first, never lazy). Other ``attrs`` (alt, class) go on the ``<img>``; without ``alt``
    the image's own alt text (or an image block's contextual one) is used."""
    role = ROLES[role_name]
    fetch_deferred_renditions(image)
    if eager:
        attrs["fetchpriority"] = "high"
    else:
        attrs.setdefault("loading", "lazy")
        attrs.setdefault("decoding", "async")
    if image.is_svg() or not role.picture:
        # An SVG scales by itself; single renditions are used as they are.
        return get_rendition_or_not_found(image, rendition_filter(role.resizes[-1])).img_tag(attrs)

    groups = role_specs(role_name)
    # A missing original file gives a broken image, not a broken page.
    renditions = get_renditions_or_not_found(image, rendition_filters(rendition_specs(role_name)))
    sizes = sizes or role.sizes
    sources = format_html_join(
        "",
        '<source type="{}" srcset="{}" sizes="{}">',
        (
            (MIME_TYPES[fmt], _srcset([renditions[spec] for spec in specs]), sizes)
            for fmt, specs in groups.items()
            if fmt != FALLBACK_FORMAT
        ),
    )
    fallback = [renditions[spec] for spec in groups[FALLBACK_FORMAT]]
    img = fallback[0].img_tag({**attrs, "srcset": _srcset(fallback), "sizes": sizes})
    return format_html("<picture>{}{}</picture>", sources, img)


def media_origin():
    """``scheme://host[:port]`` of the media storage's URLs, or "" when they are relative."""
    parts = urlsplit(default_storage.url("x"))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def poster_url(image):
    """A video's poster frame (the ``poster`` attribute takes one URL)."""
    fetch_deferred_renditions(image)
    return get_rendition_or_not_found(image, rendition_filter(ROLES["poster"].resizes[0])).url


# --- Renditions made ahead of a visitor's request ----------------------------------------


def _stream_images(value):
    if isinstance(value, AbstractImage):
        yield value
    elif isinstance(value, StreamValue):
        for child in value:
            yield from _stream_images(child.value)
    elif isinstance(value, StructValue):
        for child in value.values():
            yield from _stream_images(child)
    elif isinstance(value, ListValue):
        for child in value:
            yield from _stream_images(child)


def page_images(page):
    """``(image, role names)`` for every image ``page`` shows or is listed with."""
    page = page.specific
    for label, fields in PAGE_IMAGE_ROLES.items():
        if not isinstance(page, apps.get_model(label)):
            continue
        for attribute, roles in fields.items():
            value = getattr(page, attribute)
            if isinstance(value, AbstractImage):
                yield value, roles
            elif value is not None and hasattr(value, "all"):
                for item in value.all():
                    if item.image is not None:
                        yield item.image, roles
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            for image in _stream_images(getattr(page, field.name)):
                yield image, (STREAM_ROLE,)


def prepare_page_renditions(page):
    """Make every rendition ``page`` and its listings need; existing ones are kept.
    Returns how many were made."""
    made = 0
    for image, roles in page_images(page):
        if image.is_svg():
            continue
        filters = [Filter(spec=spec) for spec in rendition_specs(*roles)]
        existing = image.find_existing_renditions(*filters)
        missing = [f for f in filters if f not in existing]
        try:
            image.create_renditions(*missing)
        except SourceImageIOError:
            logger.warning("Image %s has no file: no renditions made.", image.pk)
            continue
        made += len(missing)
    return made


@task()
def prepare_page_renditions_task(page_id):
    page = Page.objects.filter(pk=page_id, live=True).first()
    if page is not None:
        prepare_page_renditions(page)


@task()
def prepare_image_renditions_task(image_id):
    """An image changed (a new file or focal point): remake what the live pages using it
    show."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return
    page_ids = (
        ReferenceIndex.get_references_to(image)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    for page in Page.objects.filter(pk__in=[int(pk) for pk in page_ids], live=True):
        prepare_page_renditions(page)


def _on_page_published(sender, instance, **kwargs):
    page_id = instance.pk
    transaction.on_commit(lambda: prepare_page_renditions_task.enqueue(page_id))


def _on_image_saved(sender, instance, created, raw, **kwargs):
    if created or raw:
        return  # a new image is not shown anywhere yet
    image_id = instance.pk
    transaction.on_commit(lambda: prepare_image_renditions_task.enqueue(image_id))


def connect_signals():
    page_published.connect(_on_page_published, dispatch_uid="core.images.page_published")
    post_save.connect(
        _on_image_saved, sender=get_image_model(), dispatch_uid="core.images.image_saved"
    )
