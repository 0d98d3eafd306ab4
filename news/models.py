"""Articles: the models of the news section.

``Category`` and ``Author`` (translatable snippets), free tags (``ArticlePageTag``, shared by
every edition), ``ArticleIndexPage`` (an edition's articles, newest first, with its
category, tag, year and month archives and the RSS and Atom feeds of the whole and of each
category), ``ArticlePage`` (with what it purges besides itself, ``purge_also``),
``ArticleRelatedLink`` and the readers' ``Comment`` model.

Read next: ``news.comments`` (the comment form, thread and rules), ``news.feeds``,
``news.signals`` (what a category, author or comment change purges) and
``news.wagtail_hooks`` (comment moderation in the admin); the base page class is
``core.models.SitePage``.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from caching.tags import RESTRICTIONS_TAG, page_tag, public_path, recent_tag
from caching.values import versioned_value
from core.blocks import BodyBlock
from core.images import defer_renditions, with_renditions
from core.models import IntroMixin, SitePage, SiteSettings
from core.pagination import paginate
from core.querysets import EditionPageQuerySet
from editions.formatting import format_month, localize_digits
from news.feeds import ArticleFeed, AtomArticleFeed

# Archives by date cover the years a newsroom can have published in.
MIN_YEAR, MAX_YEAR = 1900, 2100
# How many articles the "Recent posts" sidebar shows.
RECENT_POSTS_COUNT = 5


@register_snippet
class Category(TranslatableMixin, index.Indexed, models.Model):
    """An article's primary subject. Names can be long and are translated per edition."""

    name = models.CharField(max_length=255)
    slug = models.SlugField(
        max_length=255,
        allow_unicode=False,
        help_text=_("The address of the category archive; the same in every edition."),
    )
    description = models.TextField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("slug", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_category_slug")
        ]

    def __str__(self):
        return self.name


@register_snippet
class Author(TranslatableMixin, index.Indexed, models.Model):
    """A byline: a staff writer, columnist or correspondent."""

    name = models.CharField(max_length=255)
    role = models.CharField(max_length=255, blank=True, help_text=_("e.g. “Columnist”"))
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("photo")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("author")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePageQuerySet(EditionPageQuerySet):
    def listed(self, *, locale, renditions="article", restricted_paths=None):
        """An edition's articles, newest first, with everything a listing shows in a fixed
        number of queries whatever the number of articles (the number of approved comments
        included, as ``approved_comment_count``). ``renditions``: the kind of listing whose
        pictures are fetched with them (``core.images.LISTING_ROLES``), None for none;
        ``restricted_paths``: see ``core.querysets.public_pages``."""
        return with_renditions(
            self.in_edition(locale, restricted_paths=restricted_paths)
            .with_comment_counts()
            .select_related("category"),
            "hero_image",
            renditions,
        ).order_by("-date", "-pk")

    def with_comment_counts(self):
        """Annotate ``approved_comment_count``: the comments readers can see (see
        ``Comment.objects.public()``).

        A correlated subquery (one per listing query, never one per article) rather than
        ``Count("comments", filter=…)`` on the page query itself: the listing stays one row
        per article without a GROUP BY over every column of Page, ArticlePage, category and
        author, and filters chained later (``tags__slug``, ``descendant_of``) can never
        multiply the count.
        """
        counts = (
            Comment.objects.public()
            .filter(page=OuterRef("pk"))
            .order_by()
            .values("page")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(
            approved_comment_count=Coalesce(Subquery(counts, output_field=IntegerField()), 0)
        )


class ArticleIndexPage(IntroMixin, RoutablePageMixin, SitePage):
    """“Articles”: every article of an edition, newest first, and its archives."""

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.ArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("article index page")

    def articles(self, renditions="article"):
        return ArticlePage.objects.listed(
            locale=self.locale,
            renditions=renditions,
            restricted_paths=self.known_restricted_paths(),
        ).descendant_of(self)

    def render_listing(self, request, articles, archive=None):
        site_settings = SiteSettings.current(request)
        shown = paginate(
            request, articles, site_settings.listing_page_size, self.count(request, articles)
        )
        shown.object_list = defer_renditions((shown.object_list, "hero_image", "article"))
        context = {"articles": shown, "archive": archive}
        return self.render(request, context_overrides=context)

    def count(self, request, articles):
        """How many articles a listing or archive holds: counting tens of thousands of rows
        costs more than the page itself, so the number is kept until an article under this
        index (or a restriction) changes, which bumps the index's tag (caching.purge)."""
        own_tag = page_tag(public_path(self.url_path, self.locale.language_code))
        return versioned_value(
            request, f"listing-count:{request.path}", articles.count, [own_tag, RESTRICTIONS_TAG]
        )

    @path("")
    def index(self, request):
        return self.render_listing(request, self.articles(renditions=None))

    @path("category/<slug:slug>/")
    def category_archive(self, request, slug):
        category = get_object_or_404(Category, locale=self.locale, slug=slug)
        archive = Archive(
            kind="category",
            label=_("Category"),
            title=category.name,
            description=category.description,
            category=category,
        )
        articles = self.articles(renditions=None).filter(category=category)
        return self.render_listing(request, articles, archive)

    @path("tag/<slug:slug>/")
    def tag_archive(self, request, slug):
        articles = self.articles(renditions=None).filter(tags__slug=slug)
        tag = Tag.objects.filter(slug=slug).first()
        if tag is None or not articles.exists():
            raise Http404("No articles with this tag in this edition")
        archive = Archive(kind="tag", label=_("Tag"), title=tag.name)
        return self.render_listing(request, articles, archive)

    @path("<int:year>/")
    def year_archive(self, request, year):
        articles = self.articles(renditions=None).filter(date__year=year)
        if not MIN_YEAR <= year <= MAX_YEAR or not articles.exists():
            raise Http404("No articles from this year")
        archive = Archive(kind="year", label=_("Archive"), title=localize_digits(year))
        return self.render_listing(request, articles, archive)

    @path("<int:year>/<int:month>/")
    def month_archive(self, request, year, month):
        if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
            raise Http404("No such month")
        articles = self.articles(renditions=None).filter(date__year=year, date__month=month)
        if not articles.exists():
            raise Http404("No articles from this month")
        archive = Archive(kind="month", label=_("Archive"), title=format_month(year, month))
        return self.render_listing(request, articles, archive)

    @path("feed/")
    def rss_feed(self, request):
        return ArticleFeed(self, request)(request)

    @path("feed/atom/")
    def atom_feed(self, request):
        return AtomArticleFeed(self, request)(request)

    @path("category/<slug:slug>/feed/")
    def category_rss_feed(self, request, slug):
        category = get_object_or_404(Category, locale=self.locale, slug=slug)
        return ArticleFeed(self, request, category)(request)

    @path("category/<slug:slug>/feed/atom/")
    def category_atom_feed(self, request, slug):
        category = get_object_or_404(Category, locale=self.locale, slug=slug)
        return AtomArticleFeed(self, request, category)(request)

    def category_url(self, category):
        return self.url + self.reverse_subpage("category_archive", kwargs={"slug": category.slug})


@dataclass(frozen=True)
class Archive:
    """What an archive page shows above its list: “Category: Iraq”, “Archive: May 2024”."""

    kind: str
    label: str
    title: str
    description: str = ""
    category: Category | None = None


class ArticlePage(SitePage):
    """A news article, report or opinion piece."""

    date = models.DateTimeField(
        _("publication date"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Leave empty to use the moment the article is first published."),
    )
    category = models.ForeignKey(
        Category,
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="articles",
        help_text=_("The article's main subject; its label links to the category archive."),
    )
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True)
    author = models.ForeignKey(
        Author,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        verbose_name=_("byline"),
    )
    source_name = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_("Where the story comes from, e.g. a news agency or “UN.org”."),
    )
    source_url = models.URLField(_("source address"), blank=True, max_length=500)
    summary = models.TextField(
        blank=True,
        help_text=_("One or two sentences for listings, search results and shared links."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_caption = models.CharField(max_length=500, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    comments_open = models.BooleanField(
        _("comments open"),
        default=True,
        help_text=_(
            "Readers may comment on this article; every comment waits for a moderator. "
            "Untick to close comments: approved comments stay visible. Each edition can "
            "close its own translation."
        ),
    )

    objects = PageManager.from_queryset(ArticlePageQuerySet)()

    search_fields = SitePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("source_name"),
        index.RelatedFields("category", [index.SearchField("name")]),
        index.RelatedFields("author", [index.SearchField("name")]),
        index.FilterField("date"),
    ]

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldPanel("category"),
                FieldPanel("tags"),
                FieldPanel("author"),
                FieldRowPanel([FieldPanel("source_name"), FieldPanel("source_url")]),
            ],
            heading=_("About this article"),
        ),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_caption")], heading=_("Main image")
        ),
        FieldPanel("body"),
        InlinePanel("related_links", label=_("Related article")),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("comments_open")]

    parent_page_types = ["news.ArticleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        # Listings and archives read the newest first, (date, id) descending, a page at a
        # time: with these, a page costs the same in an archive of 50,000 as of 500.
        indexes = [
            models.Index(fields=["-date", "-page_ptr"], name="article_newest"),
            models.Index(fields=["category", "-date", "-page_ptr"], name="article_category_newest"),
        ]

    def save(self, *args, **kwargs):
        if self.date is None and self.live:
            self.date = self.first_published_at or timezone.now()
        return super().save(*args, **kwargs)

    @classmethod
    def objects_for_serving(cls):
        return (
            super()
            .objects_for_serving()
            .select_related("category", "author", "hero_image")
            .prefetch_related("tags")
        )

    def purge_also(self, purge, address):
        """An article is also shown in its index's feeds and archives (category, tags,
        year and month), and perhaps in its edition's "Recent posts"."""
        index_address = address.rsplit("/", 2)[0] + "/"
        purge.paths.update({index_address + "feed/", index_address + "feed/atom/"})
        # Fresh from the database: what the archives show now, not what this copy holds.
        article = ArticlePage.objects.filter(pk=self.pk).select_related("category").first()
        if article is not None:
            if article.category_id:
                category = f"{index_address}category/{article.category.slug}/"
                purge.paths.update({category, category + "feed/", category + "feed/atom/"})
            if article.date:
                year, month = article.date.year, article.date.month
                purge.paths.update({f"{index_address}{year}/", f"{index_address}{year}/{month}/"})
            purge.paths.update(
                f"{index_address}tag/{slug}/"
                for slug in article.tags.values_list("slug", flat=True)
            )
        edition = purge.edition_of(self.locale_id)
        recent = ArticlePage.objects.listed(locale=self.locale_id, renditions=None)
        purge.list_changed(
            f"recent:{edition}",
            list(recent.values_list("pk", flat=True)[:RECENT_POSTS_COUNT]),
            self.pk,
            recent_tag(edition),
        )

    def related_articles(self):
        """Related articles in this edition (links are chosen on the English page and
        synchronised to translations, each pointing at the English article)."""
        keys = ArticleRelatedLink.objects.filter(page=self).values("article__translation_key")
        related = ArticlePage.objects.listed(locale=self.locale_id, renditions=None)
        return defer_renditions(
            (related.filter(translation_key__in=keys), "hero_image", "article_compact")
        )

    def get_context(self, request, *args, comment_form=None, **kwargs):
        # news.comments builds its forms on Comment, defined below in this module.
        from news.comments import comment_section

        context = super().get_context(request, *args, **kwargs)
        section = comment_section(self, request, form=comment_form)
        context["comment_section"] = section
        if section.enabled:
            # What ArticlePageQuerySet.listed() annotates, for comment_count.html.
            self.approved_comment_count = section.count
        return context


class ArticleRelatedLink(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_links")
    article = models.ForeignKey(
        ArticlePage, on_delete=models.CASCADE, related_name="+", verbose_name=_("article")
    )

    panels = [FieldPanel("article")]


class CommentQuerySet(models.QuerySet):
    def public(self):
        return self.filter(Comment.public_q())


class Comment(models.Model):
    """A reader's comment on an article, shown once a moderator approves it.

    Each translation of an article is its own page, so comments belong to the edition they
    were written in (``comment.locale`` is the page's). Replies go one level deep: a reply's
    parent is an approved top-level comment on the same page. Not translatable: readers
    write in their own language, and a comment is never copied into another edition.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SPAM = "spam", _("Spam")

    NAME_MAX_LENGTH = 80
    TEXT_MAX_LENGTH = 3000
    USER_AGENT_MAX_LENGTH = 255

    page = models.ForeignKey(
        ArticlePage, on_delete=models.CASCADE, related_name="comments", verbose_name=_("article")
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
        verbose_name=_("in reply to"),
    )
    name = models.CharField(_("name"), max_length=NAME_MAX_LENGTH)
    email = models.EmailField(
        _("email"),
        max_length=254,
        blank=True,
        help_text=_("Given by the reader for a reply from us; never shown on the site."),
    )
    text = models.TextField(_("comment"), max_length=TEXT_MAX_LENGTH)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("posted"), default=timezone.now)
    ip_hash = models.CharField(
        _("sender fingerprint"),
        max_length=64,
        blank=True,
        help_text=_(
            "A keyed hash of the sender's network address: the same sender has the same "
            "fingerprint. The address itself is not stored."
        ),
    )
    user_agent = models.CharField(_("browser"), max_length=USER_AGENT_MAX_LENGTH, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["page", "status", "created_at"], name="comment_page_status"),
            models.Index(fields=["status", "created_at"], name="comment_status_created"),
            models.Index(fields=["ip_hash", "created_at"], name="comment_sender"),
        ]

    def __str__(self):
        return self.excerpt

    @staticmethod
    def public_q():
        """Comments readers see: approved, and either top-level or replying to an approved
        comment (a reply to a comment that was later rejected disappears with it)."""
        approved = Comment.Status.APPROVED
        return Q(status=approved) & (Q(parent__isnull=True) | Q(parent__status=approved))

    @property
    def excerpt(self):
        return Truncator(" ".join(self.text.split())).chars(80)

    excerpt.fget.short_description = _("comment")

    @property
    def locale(self):
        """The edition the comment was written in."""
        return self.page.locale

    def clean(self):
        super().clean()
        if self.parent_id is None:
            return
        parent = self.parent
        if parent.parent_id is not None:
            raise ValidationError({"parent": _("Replies cannot be replied to.")})
        if parent.page_id != self.page_id:
            raise ValidationError({"parent": _("A reply must be on the same article.")})
        if self.pk is not None and parent.pk == self.pk:
            raise ValidationError({"parent": _("A comment cannot reply to itself.")})
