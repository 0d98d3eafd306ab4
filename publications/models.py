"""Publications: the Publications index, Books, and periodical series (the NewsLetter, the
Pars Brief) with their issues.

A periodical is modelled once (``PeriodicalSeriesPage`` with ``PeriodicalIssuePage``
children), not once per series; books and issues are ``PublicationPage`` types, so one
query lists any section of them.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import BodyBlock
from core.images import defer_renditions, with_renditions
from core.models import IntroMixin, SitePage
from core.pagination import paginate
from core.querysets import EditionPageQuerySet, newest_per_section, public_pages

ITEMS_PER_PAGE = 12


class PublicationsIndexPage(IntroMixin, SitePage):
    """“Publications”: books and the periodical series."""

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["publications.BookIndexPage", "publications.PeriodicalSeriesPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("publications index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A fixed number of queries however many sections there are.
        sections = (
            public_pages(Page.objects.live(), restricted_paths=self.known_restricted_paths())
            .child_of(self)
            .filter(locale=self.locale, alias_of__isnull=True)
            .specific()
        )
        context["sections"] = newest_per_section(
            PublicationPage.objects.listed(
                locale=self.locale,
                renditions=None,
                restricted_paths=self.known_restricted_paths(),
            ),
            sections,
            4,
            order_by=[F("publication_date").desc(), F("pk").desc()],
        )
        defer_renditions(
            *((items, "cover", "publication") for _section, items in context["sections"])
        )
        return context


class PublicationListingMixin:
    """A section that lists its publications, newest first, a page at a time."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = PublicationPage.objects.listed(
            locale=self.locale, renditions=None, restricted_paths=self.known_restricted_paths()
        ).child_of(self)
        shown = paginate(request, items, ITEMS_PER_PAGE)
        shown.object_list = defer_renditions((shown.object_list, "cover", "publication"))
        context["items"] = shown
        return context


class BookIndexPage(PublicationListingMixin, IntroMixin, SitePage):
    """“Books”."""

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["publications.PublicationsIndexPage"]
    subpage_types = ["publications.BookPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("book index page")


class PeriodicalSeriesPage(PublicationListingMixin, IntroMixin, SitePage):
    """A periodical such as the Nejat NewsLetter or the Pars Brief, holding its issues."""

    frequency = models.CharField(
        max_length=100, blank=True, help_text=_("e.g. “Monthly”, “Weekly”")
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("frequency")]
    parent_page_types = ["publications.PublicationsIndexPage"]
    subpage_types = ["publications.PeriodicalIssuePage"]

    class Meta:
        verbose_name = _("periodical series")
        verbose_name_plural = _("periodical series")


class PublicationQuerySet(EditionPageQuerySet):
    def listed(self, *, locale, renditions="publication", restricted_paths=None):
        return with_renditions(
            self.in_edition(locale, restricted_paths=restricted_paths).select_related("document"),
            "cover",
            renditions,
        ).order_by("-publication_date", "-pk")


class PublicationPage(SitePage):
    """What books and periodical issues share, so the home page lists both in one query."""

    publication_date = models.DateField(_("publication date"), db_index=True)
    cover = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    summary = RichTextField(blank=True, features=["bold", "italic", "link", "ul", "ol"])
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("PDF"),
        help_text=_("The file readers download."),
    )

    objects = PageManager.from_queryset(PublicationQuerySet)()

    search_fields = SitePage.search_fields + [
        index.SearchField("summary"),
        index.FilterField("publication_date"),
    ]
    subpage_types = []
    is_creatable = False

    class Meta:
        verbose_name = _("publication")


class BookPage(PublicationPage):
    authors = models.CharField(_("authors"), max_length=500, blank=True)
    publisher = models.CharField(_("publisher"), max_length=255, blank=True)
    isbn = models.CharField(_("ISBN"), max_length=20, blank=True)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    purchase_url = models.URLField(_("where to buy"), blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("authors"), FieldPanel("publisher")]),
        FieldRowPanel(
            [FieldPanel("publication_date"), FieldPanel("isbn"), FieldPanel("page_count")]
        ),
        FieldPanel("cover"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("document"), FieldPanel("purchase_url")], heading=_("Getting the book")
        ),
    ]
    search_fields = PublicationPage.search_fields + [
        index.SearchField("authors"),
        index.SearchField("publisher"),
        index.FilterField("isbn"),
    ]
    parent_page_types = ["publications.BookIndexPage"]
    is_creatable = True
    override_translatable_fields = SitePage.override_translatable_fields + [
        SynchronizedField("isbn", overridable=False)
    ]

    class Meta:
        verbose_name = _("book")

    @property
    def year(self):
        return self.publication_date.year


class PeriodicalIssuePage(PublicationPage):
    number = models.PositiveIntegerField(
        _("issue number"), validators=[MinValueValidator(1), MaxValueValidator(100_000)]
    )
    contents = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("contents"),
        help_text=_("What is in this issue: headings, short texts, quotes."),
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("number"), FieldPanel("publication_date")]),
        FieldPanel("cover"),
        FieldPanel("summary"),
        FieldPanel("document"),
        FieldPanel("contents"),
    ]
    search_fields = PublicationPage.search_fields + [index.SearchField("contents")]
    parent_page_types = ["publications.PeriodicalSeriesPage"]
    is_creatable = True

    class Meta:
        verbose_name = _("periodical issue")
