"""The roof of the page tree: each edition's home page, the plain pages under it (About Us)
and the Contact us form.

The home page is the one place that shows every kind of content (articles, media,
publications) side by side, so it is the one app that imports all the content apps.
"""

import hashlib
import json
import logging
from datetime import timedelta
from smtplib import SMTPException

from django import forms
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import BaseForm, FormBuilder
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from caching.tags import page_tag, public_path
from caching.values import versioned_value
from core.blocks import BodyBlock
from core.images import defer_renditions
from core.models import IntroMixin, SitePage
from media_pages.models import MediaItemPage
from news.models import ArticlePage
from operations.exports import formula_safe
from publications.models import PublicationPage
from reader_input.antispam import AntiSpamFormMixin, ReaderTextField
from reader_input.rate_limits import RateLimit, sender_fingerprint

logger = logging.getLogger(__name__)


class HomePage(SitePage):
    """The front page of one edition."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A short welcome shown above the featured articles. Optional."),
    )
    featured_count = models.PositiveSmallIntegerField(
        default=3,
        help_text=_(
            "How many featured articles to show. Articles chosen below come first; the "
            "newest articles fill the remaining places."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("featured_count"),
                InlinePanel("featured_article_links", label=_("Featured article")),
            ],
            heading=_("Featured articles"),
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "news.ArticleIndexPage",
        "media_pages.MediaIndexPage",
        "publications.PublicationsIndexPage",
        "home.StandardPage",
        "home.ContactPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        # Wagtail routes /fa/... from `site.root_page.localized`, which silently falls back
        # to the English home when the Persian one is missing or unpublished. An edition
        # must never serve another edition's pages as if they were its own.
        if self.locale.language_code != translation.get_language():
            raise Http404("This edition has no live home page")
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        latest_count = 6
        featured, latest = self.featured_and_latest_articles(request, latest_count)
        restricted = self.known_restricted_paths()
        media = list(
            MediaItemPage.objects.listed(
                locale=self.locale_id, renditions=None, restricted_paths=restricted
            )[:4]
        )
        publications = list(
            PublicationPage.objects.listed(
                locale=self.locale_id, renditions=None, restricted_paths=restricted
            )[:4]
        )
        # The lists' pictures in one query, if any card is not already kept.
        defer_renditions(
            (featured + latest, "hero_image", "article"),
            (media, "image", "media"),
            (publications, "cover", "publication"),
        )
        context["featured_articles"] = featured
        context["latest_articles"] = latest
        context["latest_media"] = media
        context["latest_publications"] = publications
        return context

    def featured_and_latest_articles(self, request, latest_count):
        """(featured, latest): the editors' picks in this edition, topped up with the
        newest articles to ``featured_count``, and the ``latest_count`` newest articles
        after those, from one query.

        Picks are chosen on the English page and synchronised to translations, each
        pointing at the English article, so each edition shows its own translation of a
        pick, in the editors' order, and skips picks it does not have. The picks are part
        of the home page as published: kept until it is published again."""

        def pick_keys():
            return list(
                self.featured_article_links.order_by("sort_order").values_list(
                    "article__translation_key", flat=True
                )
            )

        home_tag = page_tag(public_path(self.url_path, self.locale.language_code))
        keys = versioned_value(request, f"featured-keys:{self.pk}", pick_keys, [home_tag])
        # Enough of the newest to top up the picks and fill the latest list, whatever the
        # picks turn out to be; sorted newest first, the union starts with exactly those.
        restricted = self.known_restricted_paths()
        newest = (
            ArticlePage.objects.in_edition(self.locale_id, restricted_paths=restricted)
            .order_by("-date", "-pk")
            .values("pk")[: self.featured_count + latest_count]
        )
        articles = sorted(
            ArticlePage.objects.listed(
                locale=self.locale_id, renditions=None, restricted_paths=restricted
            )
            .filter(Q(pk__in=newest) | Q(translation_key__in=keys))
            .order_by(),
            key=lambda article: (article.date, article.pk),
            reverse=True,
        )
        by_key = {article.translation_key: article for article in articles}
        featured = [by_key[key] for key in keys if key in by_key][: self.featured_count]
        chosen = {article.pk for article in featured}
        others = [article for article in articles if article.pk not in chosen]
        featured += others[: self.featured_count - len(featured)]
        chosen = {article.pk for article in featured}
        latest = [article for article in others if article.pk not in chosen][:latest_count]
        return featured, latest


class HomePageFeaturedArticle(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_article_links")
    article = models.ForeignKey(
        "news.ArticlePage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("article"),
    )

    panels = [FieldPanel("article")]


class StandardPage(SitePage):
    """A plain page: About Us, policies, anything that is not news."""

    intro = models.TextField(
        blank=True, help_text=_("A one- or two-sentence introduction shown under the title.")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    search_fields = SitePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class ContactFormField(TranslatableMixin, AbstractFormField):
    """A field of the contact form.

    Translatable so each edition shows labels in its own language; ``clean_name`` is
    derived from the English label and kept, so submissions from every edition line up.
    """

    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")

    override_translatable_fields = [
        SynchronizedField("clean_name", overridable=False),
        SynchronizedField("field_type", overridable=False),
        SynchronizedField("required", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        pass


class ContactFormBuilder(FormBuilder):
    """Wagtail's form builder with a length limit on every text field and the spam rules
    of ``reader_input.antispam`` (honeypot, minimum fill time, rate limit)."""

    SINGLELINE_MAX_LENGTH = 255  # Wagtail's own limit
    MULTILINE_MAX_LENGTH = 5000
    EMAIL_MAX_LENGTH = 254
    URL_MAX_LENGTH = 500

    def create_singleline_field(self, field, options):
        return ReaderTextField(max_length=self.SINGLELINE_MAX_LENGTH, single_line=True, **options)

    def create_multiline_field(self, field, options):
        options.setdefault("widget", forms.Textarea)
        return ReaderTextField(max_length=self.MULTILINE_MAX_LENGTH, **options)

    def create_email_field(self, field, options):
        options["max_length"] = self.EMAIL_MAX_LENGTH
        return super().create_email_field(field, options)

    def create_url_field(self, field, options):
        options["max_length"] = self.URL_MAX_LENGTH
        return super().create_url_field(field, options)

    def create_hidden_field(self, field, options):
        options["max_length"] = self.SINGLELINE_MAX_LENGTH
        return super().create_hidden_field(field, options)

    def get_form_class(self):
        return type("ContactForm", (AntiSpamFormMixin, BaseForm), self.formfields)


# At most 3 messages per sender in 10 minutes, to all contact pages together.
CONTACT_RATE_LIMIT = RateLimit("contact", limit=3, period=10 * 60)
# The same message sent again this soon (a double click, a reload of the thank-you page)
# is stored and mailed once.
DUPLICATE_WINDOW = timedelta(minutes=10)


class ContactPage(IntroMixin, AbstractEmailForm):
    """Contact us: a form whose fields editors define; submissions are kept in the admin.

    The form is posted to ``home.views.send_contact_message`` (no CSRF token, so the page
    can be cached; see reader_input/antispam.py), which calls ``serve``. Every valid message is
    stored before staff are emailed, so a failing mail server never loses one.
    """

    override_translatable_fields = SitePage.override_translatable_fields
    form_builder = ContactFormBuilder

    thank_you_text = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown after a message has been sent."),
    )

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Email to staff"),
            help_text=_(
                "Leave “To address” empty to keep submissions in the admin only, without "
                "sending email."
            ),
        ),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact page")

    def get_submissions_list_view_class(self):
        # Readers' text is exported to CSV and XLSX without running as formulas. (Not the
        # submissions_list_view_class attribute: Wagtail's view cannot be imported while
        # models load.)
        return formula_safe(super().get_submissions_list_view_class())

    def get_form_parameters(self):
        return {"antispam_scope": f"contact:{self.pk}", "rate_limit": CONTACT_RATE_LIMIT}

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        form = self.get_form(
            request.POST,
            request.FILES,
            page=self,
            user=request.user,
            sender=sender_fingerprint(request),
        )
        if form.is_valid():
            submission = self.process_form_submission(form)
            return self.render_landing_page(request, submission, *args, **kwargs)
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(
            request,
            self.get_template(request),
            context,
            status=429 if form.is_rate_limited else 200,
        )

    def process_form_submission(self, form):
        """Store the message, then email staff (if a “To address” is set).

        Stored first and committed on its own, so a mail server that is down or refuses
        the message (logged) never loses it, and the reader still gets the thank-you page.
        A message already stored in the last ``DUPLICATE_WINDOW`` is not stored or mailed
        again.
        """
        submission, created = self.store_submission(form)
        if created:
            form.record()
            if self.to_address:
                try:
                    self.send_mail(form)
                except (SMTPException, OSError):
                    logger.exception(
                        "Contact message %s was stored but the email to staff failed",
                        submission.pk,
                    )
        return submission

    def store_submission(self, form):
        """(submission, created): the stored message, or the same one stored moments ago.

        ``cache.add`` claims the message atomically, so two simultaneous posts of it (a
        double click) cannot both be stored; the database is checked too, as the cache may
        have been cleared or be unavailable.
        """
        data = json.loads(json.dumps(form.cleaned_data, cls=DjangoJSONEncoder))
        fingerprint = hashlib.sha256(
            json.dumps([self.pk, data], sort_keys=True).encode()
        ).hexdigest()
        key = f"contact:message:{fingerprint}"
        window = int(DUPLICATE_WINDOW.total_seconds())
        try:
            claimed = cache.add(key, 0, window)
        except Exception:
            claimed = None  # no cache: rely on the database check alone
        if claimed is False:
            return self.get_submissions().filter(pk=cache.get(key) or 0).first(), False

        since = timezone.now() - DUPLICATE_WINDOW
        for earlier in self.get_submissions().filter(submit_time__gte=since):
            if earlier.form_data == data:
                return earlier, False
        try:
            submission = self.get_submission_class().objects.create(
                form_data=form.cleaned_data, page=self
            )
        except Exception:
            cache.delete(key)
            raise
        try:
            cache.set(key, submission.pk, window)
        except Exception:
            pass
        return submission, True
