"""The floor every page type stands on: the base page class, and the site's settings and
identity (name, tagline, footer, social links), which every edition shows around its pages.

Nothing here knows which page types exist: content apps build on ``SitePage``.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.blocks import StreamValue
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageViewRestriction, Site, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from caching.values import layout_value, request_host
from core.text import fold, has_arabic_script


class SitePage(Page):
    """The base of every page type on the site.

    Slugs are synchronised from the English page and not translated: wagtail-localize
    would run an Arabic or Persian slug through ASCII ``slugify()`` and throw it away, and
    one address shape across editions (/en/articles/x/, /fa/articles/x/) keeps the language
    switcher, hreflang and archive routes simple and predictable.
    """

    override_translatable_fields = [SynchronizedField("slug", overridable=False)]

    search_fields = Page.search_fields + [index.SearchField("folded_text")]

    class Meta:
        abstract = True

    @classmethod
    def objects_for_serving(cls):
        """Where a page of this type is fetched from when it answers a request (see
        core.routing): a type adds what every request for it shows, to come in the same
        query."""
        return cls._default_manager.select_related("locale")

    def known_restricted_paths(self):
        """The tree paths of every restricted page, when this page was found by
        core.routing (which keeps them in the cache), for its listings to exclude
        directly; None otherwise (they then exclude them by a subquery)."""
        return getattr(self, "_restricted_paths", None)

    def get_view_restrictions(self):
        # Known from routing: no restricted page is this one or above it. (An alias takes
        # its original's restrictions: Wagtail looks those up.)
        paths = self.known_restricted_paths()
        if (
            paths is not None
            and not self.alias_of_id
            and not any(self.path.startswith(path) for path in paths)
        ):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def purge_also(self, purge, address):
        """Tell ``purge`` (a ``caching.purge.Purge``) where else this page is shown, beyond
        its own ``address`` and its ancestors' listings, which every purge covers: nowhere,
        unless a page type says otherwise (an article: its feeds and archives)."""

    def folded_text(self):
        """The page's Arabic-script text with letter variants folded (see
        core.text), indexed beside the original so ي and ی, ك and ک, and words
        with or without a zero-width non-joiner find each other."""
        text = self.plain_text()
        return fold(text) if has_arabic_script(text) else ""

    def plain_text(self):
        """Everything searchable on the page as plain text (for folding and excerpts)."""
        parts = []
        for field in self.search_fields:
            if not isinstance(field, index.SearchField) or field.field_name == "folded_text":
                continue
            value = getattr(self, field.field_name, None)
            if callable(value):
                value = value()
            if isinstance(value, StreamValue):
                parts.extend(value.stream_block.get_searchable_content(value))
            elif isinstance(value, str):
                parts.append(strip_tags(value))
        return " ".join(part for part in parts if part)


class IntroMixin(models.Model):
    """A short introduction under the page's title (sections, indexes, forms)."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    class Meta:
        abstract = True


class SocialPlatform(models.TextChoices):
    FACEBOOK = "facebook", "Facebook"
    X = "x", "X (Twitter)"
    INSTAGRAM = "instagram", "Instagram"
    YOUTUBE = "youtube", "YouTube"
    TELEGRAM = "telegram", "Telegram"
    WHATSAPP = "whatsapp", "WhatsApp"
    LINKEDIN = "linkedin", "LinkedIn"
    TIKTOK = "tiktok", "TikTok"
    MASTODON = "mastodon", "Mastodon"
    RSS = "rss", "RSS"
    OTHER = "other", _("Other")


@register_snippet
class SiteIdentity(TranslatableMixin, ClusterableModel):
    """The organisation as one edition presents it: name, tagline, footer and social links.

    A translatable snippet (chosen in the site settings) rather than settings fields,
    because site settings exist once per site while these words exist once per edition.
    """

    site_name = models.CharField(max_length=255, help_text=_("Shown in the header and titles."))
    tagline = models.CharField(max_length=255, blank=True)
    copyright_holder = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("e.g. “NEJAT Society. All Rights Reserved. NejatNGO.org”"),
    )

    panels = [
        FieldPanel("site_name"),
        FieldPanel("tagline"),
        FieldPanel("copyright_holder"),
        InlinePanel("social_links", label=_("Social link")),
    ]

    class Meta(TranslatableMixin.Meta):
        db_table = "home_siteidentity"  # its table from when it lived in home/
        verbose_name = _("site identity")
        verbose_name_plural = _("site identities")

    def __str__(self):
        return self.site_name


class SocialLink(TranslatableMixin, Orderable):
    identity = ParentalKey(SiteIdentity, on_delete=models.CASCADE, related_name="social_links")
    platform = models.CharField(max_length=20, choices=SocialPlatform.choices)
    url = models.URLField(
        verbose_name=_("address"),
        help_text=_("An edition may point to its own account, e.g. a Persian channel."),
    )
    label = models.CharField(
        max_length=100,
        blank=True,
        help_text=_("Optional text for screen readers and tooltips, e.g. “Nejat on YouTube”."),
    )

    panels = [FieldRowPanel([FieldPanel("platform"), FieldPanel("url")]), FieldPanel("label")]
    translatable_fields = [
        SynchronizedField("platform", overridable=False),
        SynchronizedField("url"),
        TranslatableField("label"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        db_table = "home_sociallink"  # its table from when it lived in home/

    @property
    def display_label(self):
        return self.label or self.get_platform_display()


# A listing page of more than this many articles, each with its picture, is slow to build
# and to read on a phone; fewer than one is no listing at all.
ARTICLES_PER_PAGE_MIN, ARTICLES_PER_PAGE_MAX = 1, 100
EARLIEST_COPYRIGHT_YEAR = 1900


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Site-wide choices that are the same in every edition."""

    identity = models.ForeignKey(
        SiteIdentity,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Name, tagline, footer text and social links. Each edition shows its own "
            "translation of it."
        ),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    copyright_start_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(EARLIEST_COPYRIGHT_YEAR)],
        help_text=_("The first year of the copyright line; the last is always this year."),
    )
    listing_shows_full_text = models.BooleanField(
        default=False,
        help_text=_("Show each article's full text in listings instead of its summary."),
    )
    articles_per_page = models.PositiveSmallIntegerField(
        default=10,
        validators=[
            MinValueValidator(ARTICLES_PER_PAGE_MIN),
            MaxValueValidator(ARTICLES_PER_PAGE_MAX),
        ],
        help_text=_("How many articles each page of a listing or an archive shows (1–100)."),
    )
    comments_enabled = models.BooleanField(
        _("comments enabled"),
        default=True,
        help_text=_(
            "Switch off to hide comments, comment counts and the comment form in every "
            "edition and refuse new comments. Nothing is deleted: switching back on shows "
            "the approved comments again."
        ),
    )

    panels = [
        MultiFieldPanel([FieldPanel("identity"), FieldPanel("logo")], heading=_("Identity")),
        FieldPanel("copyright_start_year"),
        MultiFieldPanel(
            [FieldPanel("listing_shows_full_text"), FieldPanel("articles_per_page")],
            heading=_("Listings"),
        ),
        MultiFieldPanel([FieldPanel("comments_enabled")], heading=_("Comments")),
    ]

    class Meta:
        db_table = "home_sitesettings"  # its table from when it lived in home/
        verbose_name = _("site settings")

    @classmethod
    def current(cls, request):
        """The settings of the site answering ``request`` (with their logo and identity),
        kept between requests, and put where ``SiteSettings.for_request`` looks first, so
        later calls in the request cost nothing."""
        attr_name = cls.get_cache_attr_name()
        if request is None or hasattr(request, attr_name):
            return cls.for_request(request)

        def compute():
            value = cls.for_site(Site.find_for_request(request))
            value.logo  # noqa: B018 - fetched now, to be kept with the settings
            value.identity  # noqa: B018
            return value

        value = layout_value(request, f"site-settings:{request_host(request)}", compute)
        value._request = request
        setattr(request, attr_name, value)
        return value

    def clean(self):
        super().clean()
        if self.copyright_start_year and self.copyright_start_year > date.today().year:
            raise ValidationError(
                {"copyright_start_year": _("The first year cannot be later than this year.")}
            )

    @property
    def listing_page_size(self):
        """Articles per listing page, within bounds even for a value saved before the field
        was validated (or written to the database by hand)."""
        return min(max(self.articles_per_page or 0, ARTICLES_PER_PAGE_MIN), ARTICLES_PER_PAGE_MAX)

    @cached_property
    def copyright_years(self):
        this_year = date.today().year
        start = self.copyright_start_year
        if not start or start >= this_year:
            return str(this_year)
        return f"{start}\u2013{this_year}"
