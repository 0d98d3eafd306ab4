"""Media: the Media index, its sections (Cartoons, NewsPics, Photo Gallery, Videos) and the
items in them.

Every item is a ``MediaItemPage`` (date, listing picture, caption), so one query lists a
section of mixed items; cartoons, news pictures, galleries and videos add what they show.
"""

from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.embeds import cached_embed
from core.images import defer_renditions, with_renditions
from core.models import IntroMixin, SitePage
from core.pagination import paginate
from core.querysets import EditionPageQuerySet, newest_per_section

ITEMS_PER_PAGE = 12


class MediaIndexPage(IntroMixin, SitePage):
    """“Media”: the landing page of the cartoons, news pictures, galleries and videos."""

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["media_pages.MediaSectionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("media index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A fixed number of queries however many sections there are.
        restricted = self.known_restricted_paths()
        sections = MediaSectionPage.objects.in_edition(
            self.locale, restricted_paths=restricted
        ).child_of(self)
        context["sections"] = newest_per_section(
            MediaItemPage.objects.listed(
                locale=self.locale,
                renditions=None,
                restricted_paths=self.known_restricted_paths(),
            ),
            sections,
            4,
            order_by=[F("date").desc(), F("pk").desc()],
        )
        defer_renditions(*((items, "image", "media") for _section, items in context["sections"]))
        return context


class MediaSectionPage(IntroMixin, SitePage):
    """One media section (Cartoons, NewsPics, Photo Gallery, Videos), newest items first."""

    objects = PageManager.from_queryset(EditionPageQuerySet)()

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["media_pages.MediaIndexPage"]
    subpage_types = [
        "media_pages.CartoonPage",
        "media_pages.NewsPicturePage",
        "media_pages.GalleryPage",
        "media_pages.VideoPage",
    ]

    class Meta:
        verbose_name = _("media section")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = MediaItemPage.objects.listed(
            locale=self.locale, renditions=None, restricted_paths=self.known_restricted_paths()
        ).child_of(self)
        shown = paginate(request, items, ITEMS_PER_PAGE)
        shown.object_list = defer_renditions((shown.object_list, "image", "media"))
        context["items"] = shown
        return context


class MediaItemQuerySet(EditionPageQuerySet):
    def listed(self, *, locale, renditions="media", restricted_paths=None):
        return with_renditions(
            self.in_edition(locale, restricted_paths=restricted_paths), "image", renditions
        ).order_by("-date", "-pk")


class MediaItemPage(SitePage):
    """What every media item has, so one query lists a section of mixed items.

    ``image`` is what a listing shows: the cartoon, the photo, a gallery's cover or a
    video's poster.
    """

    date = models.DateField(_("date"), db_index=True)
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)

    objects = PageManager.from_queryset(MediaItemQuerySet)()

    search_fields = SitePage.search_fields + [
        index.SearchField("caption"),
        index.FilterField("date"),
    ]
    parent_page_types = ["media_pages.MediaSectionPage"]
    subpage_types = []
    is_creatable = False

    class Meta:
        verbose_name = _("media item")


class CartoonPage(MediaItemPage):
    artist = models.CharField(_("artist"), max_length=255, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("image", heading=_("Cartoon")),
        FieldPanel("caption"),
        FieldPanel("artist"),
    ]
    search_fields = MediaItemPage.search_fields + [index.SearchField("artist")]
    is_creatable = True

    class Meta:
        verbose_name = _("cartoon")


class NewsPicturePage(MediaItemPage):
    credit = models.CharField(_("credit"), max_length=255, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("image", heading=_("Photo")),
        FieldPanel("caption"),
        FieldPanel("credit"),
    ]
    search_fields = MediaItemPage.search_fields + [index.SearchField("credit")]
    is_creatable = True

    class Meta:
        verbose_name = _("news picture")


class GalleryPage(IntroMixin, MediaItemPage):
    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("image", heading=_("Cover image"), help_text=_("Shown in listings.")),
        FieldPanel("caption"),
        InlinePanel("gallery_images", label=_("Photo"), min_num=1),
    ]
    search_fields = MediaItemPage.search_fields + [index.SearchField("intro")]
    is_creatable = True

    class Meta:
        verbose_name = _("photo gallery")

    def photos(self):
        return with_renditions(self.gallery_images.all(), "image", "gallery")


class GalleryImage(TranslatableMixin, Orderable):
    """One photo of a gallery; its caption and alt text are translated with the gallery."""

    page = ParentalKey(GalleryPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")
    caption = models.CharField(max_length=500, blank=True)
    alt_text = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("Describe the photo for people who cannot see it. Defaults to the caption."),
    )

    panels = [FieldPanel("image"), FieldPanel("caption"), FieldPanel("alt_text")]
    translatable_fields = [
        SynchronizedField("image"),
        TranslatableField("caption"),
        TranslatableField("alt_text"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass


class VideoPage(MediaItemPage):
    embed_url = models.URLField(
        _("video address"),
        blank=True,
        help_text=_("A YouTube or Vimeo address. Leave empty to use an uploaded video file."),
    )
    video = models.ForeignKey(
        "wagtailmedia.Media",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("video file"),
    )
    description = RichTextField(blank=True, features=["bold", "italic", "link"])
    transcript = models.TextField(blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        MultiFieldPanel([FieldPanel("embed_url"), FieldPanel("video")], heading=_("The video")),
        FieldPanel("image", heading=_("Poster image")),
        FieldPanel("caption"),
        FieldPanel("description"),
        FieldPanel("transcript"),
    ]
    search_fields = MediaItemPage.search_fields + [
        index.SearchField("description"),
        index.SearchField("transcript"),
    ]
    is_creatable = True

    class Meta:
        verbose_name = _("video")

    def clean(self):
        from django.core.exceptions import ValidationError
        from wagtail.embeds.embeds import get_embed
        from wagtail.embeds.exceptions import EmbedException

        super().clean()
        if not self.embed_url and not self.video_id:
            raise ValidationError(_("Give a video address or choose a video file."))
        if self.embed_url and not cached_embed(self.embed_url):
            # Fetch now, while the editor saves, so visitors never wait on the provider.
            # A provider that is down must not stop the save: the page shows a plain link
            # to the video until the embed is fetched on a later save.
            try:
                get_embed(self.embed_url)
            except EmbedException:
                pass

    @property
    def embed(self):
        return cached_embed(self.embed_url)
