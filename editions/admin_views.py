"""Admin views for the editions: "Submit for review" for synced translations, and the
translation status report.

Both are mounted by ``editions.wagtail_hooks`` under the Wagtail admin, so they are behind
Wagtail's ``access_admin`` check (anonymous and non-admin users are sent to the login page).
"""

from dataclasses import dataclass
from functools import cached_property

import django_filters
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Exists, OuterRef, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BaseColumn, Column, DateColumn, TitleColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)

# --- Submit a synced translation for review ------------------------------------------------


def get_synced_translation(page):
    """The enabled wagtail-localize Translation whose target is ``page``, if any.

    This is the same look-up wagtail-localize uses to decide that the page's edit view is
    its translation editor (``before_edit_page`` in wagtail_localize/wagtail_hooks.py).
    """
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            target_locale_id=page.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )


def review_refusal(page, user, translation):
    """Why ``page`` cannot be submitted for review now, or ``None`` if it can."""
    if not page.permissions_for_user(user).can_edit():
        raise PermissionDenied
    if page.locale_id == Locale.get_default().pk:
        return _("Only translations can be submitted for review here.")
    if page.alias_of_id:
        return _("This page is an alias of the English page; translate it first.")
    if translation is None:
        return _("This page is not a synced translation.")
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return _("This page is already awaiting review.")
    if state is None and page.get_workflow() is None:
        return _("No review workflow applies to this page. Ask an administrator.")
    return None


def save_translation_draft(translation, page, user):
    """Write the translation's current strings into a new draft revision of ``page``.

    wagtail-localize's ``Translation.save_target(publish=False)`` saves the page row as
    well as a revision: for a page that is not live that is what Wagtail itself does, but
    for a live page it would put unreviewed text on the site at once (Wagtail serves the
    page row). So for a live page the translated instance is built the same way without
    saving it (``get_ephemeral_translated_instance``, used by wagtail-localize's preview)
    and only a revision is saved, exactly like Wagtail's own "Submit for moderation".
    """
    if not page.live:
        translation.save_target(user=user, publish=False)
        return
    source = translation.source
    instance = source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    revision = instance.save_revision(user=user, log_action=True)
    TranslationLog.objects.create(
        source=source, locale=translation.target_locale, revision=revision
    )


class SubmitForReviewView(WagtailAdminTemplateMixin, View):
    """GET: a confirmation page. POST (CSRF protected): save the translation as a draft
    revision and start (or resume) the page's review workflow."""

    template_name = "editions/admin/submit_for_review.html"
    header_icon = "tasks"

    def setup(self, request, page_id, **kwargs):
        super().setup(request, page_id, **kwargs)
        self.page = get_object_or_404(Page, id=page_id).specific
        self.translation = get_synced_translation(self.page)

    def get_page_title(self):
        return _("Submit for review")

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return []

    @cached_property
    def next_url(self):
        return get_valid_next_url_from_request(self.request) or reverse(
            "wagtailadmin_explore", args=[self.page.get_parent().pk]
        )

    def refuse(self, message):
        messages.warning(self.request, message)
        return redirect(self.next_url)

    def get(self, request, page_id):
        refusal = review_refusal(self.page, request.user, self.translation)
        if refusal:
            return self.refuse(refusal)
        total, translated = self.translation.get_progress()
        state = self.page.current_workflow_state
        context = self.get_context_data(
            page=self.page,
            translation=self.translation,
            workflow=state.workflow if state else self.page.get_workflow(),
            resubmitting=state is not None,
            total=total,
            translated=translated,
            untranslated=total - translated,
            next_url=self.next_url,
            submit_url=request.get_full_path(),
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
        )
        return TemplateResponse(request, self.template_name, context)

    def submit(self, user):
        save_translation_draft(self.translation, self.page, user)
        page = Page.objects.get(pk=self.page.pk).specific
        state = page.current_workflow_state
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            # The reviewer asked for changes: carry on with the same workflow, as Wagtail's
            # own editor does.
            state.resume(user)
        else:
            page.get_workflow().start(page, user)
        return page

    def post(self, request, page_id):
        refusal = review_refusal(self.page, request.user, self.translation)
        if refusal:
            return self.refuse(refusal)
        try:
            # Not one transaction: when the translation does not validate, wagtail-localize
            # marks the failing strings (shown in the translation editor) and re-raises.
            page = self.submit(request.user)
        except ValidationError:
            messages.error(
                request,
                _(
                    "The translation of '%(title)s' has errors. Fix them in the translation "
                    "editor, then submit it again."
                )
                % {"title": self.page.get_admin_display_title()},
            )
            return redirect("wagtailadmin_pages:edit", self.page.pk)
        messages.success(
            request,
            _("'%(title)s' has been submitted for review.")
            % {"title": page.get_admin_display_title()},
            buttons=[
                messages.button(
                    reverse("wagtailadmin_pages:view_draft", args=[page.pk]), _("View draft")
                )
            ],
        )
        return redirect(self.next_url)


def can_offer_review(page, user):
    """Whether to show "Submit for review" for ``page`` in the page explorer (called for
    every row of a listing: the cheap checks come first)."""
    if page.is_root() or page.alias_of_id:
        return False
    # The default locale, remembered on the user object for the rest of the request.
    if not hasattr(user, "_editions_default_locale_id"):
        user._editions_default_locale_id = Locale.get_default().pk
    if page.locale_id == user._editions_default_locale_id:
        return False
    if page.workflow_in_progress:
        return False
    if not page.permissions_for_user(user).can_edit():
        return False
    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).exists()


# --- Translation status report -------------------------------------------------------------

MISSING, DRAFT, LIVE, STALE = "missing", "draft", "live", "stale"
STATUS_CHOICES = [
    (MISSING, gettext_lazy("Missing")),
    (DRAFT, gettext_lazy("Draft")),
    (LIVE, gettext_lazy("Live")),
    (STALE, gettext_lazy("Out of date")),
]


def edition_locales(default_locale=None):
    """Every edition other than the default one, in the order of settings.LANGUAGES."""
    order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
    locales = Locale.objects.exclude(pk=(default_locale or Locale.get_default()).pk)
    return sorted(locales, key=lambda locale: order.get(locale.language_code, len(order)))


def english_sections(default_locale=None):
    """The default locale's section pages (depth 3: Articles, Media, Publications, ...)."""
    return Page.objects.filter(
        locale=default_locale or Locale.get_default(), depth=3, alias_of__isnull=True
    ).order_by("path")


def _edition_choices():
    return [(locale.language_code, locale.get_display_name()) for locale in edition_locales()]


def _section_choices():
    return [(str(page.pk), page.title) for page in english_sections()]


def translated_in(locale_id, **extra):
    """The non-alias translations of the outer page in one locale (for Exists())."""
    return Page.objects.filter(
        translation_key=OuterRef("translation_key"),
        locale_id=locale_id,
        alias_of__isnull=True,
        **extra,
    )


def status_condition(status, locale_id):
    """A condition on English pages: their translation into ``locale_id`` has ``status``."""
    if status == MISSING:
        return ~Exists(translated_in(locale_id))
    if status == DRAFT:
        return Exists(translated_in(locale_id, live=False))
    if status == LIVE:
        return Exists(translated_in(locale_id, live=True))
    if status == STALE:
        # Published in English after wagtail-localize last read its source content.
        return Exists(translated_in(locale_id)) & Exists(
            Translation.objects.filter(
                enabled=True,
                target_locale_id=locale_id,
                source__object_id=OuterRef("translation_key"),
                source__locale_id=OuterRef("locale_id"),
                source__last_updated_at__lt=OuterRef("last_published_at"),
            )
        )
    raise ValueError(status)


class TranslationStatusFilterSet(WagtailFilterSet):
    edition = django_filters.ChoiceFilter(
        label=gettext_lazy("Edition"),
        choices=_edition_choices,
        empty_label=gettext_lazy("All editions"),
        method="filter_edition",
    )
    section = django_filters.ChoiceFilter(
        label=gettext_lazy("Section"),
        choices=_section_choices,
        empty_label=gettext_lazy("All sections"),
        method="filter_section",
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Translation status"),
        choices=STATUS_CHOICES,
        empty_label=gettext_lazy("Any status"),
        method="filter_status",
    )

    class Meta:
        model = Page
        fields = ["edition", "section", "status"]

    def filter_edition(self, queryset, name, value):
        # Chooses which edition columns the report shows; with "status" it also chooses
        # the edition whose status is filtered on.
        return queryset

    def filter_section(self, queryset, name, value):
        section = Page.objects.filter(pk=value).only("path").first()
        if section is None:
            return queryset.none()
        return queryset.filter(path__startswith=section.path)

    def filter_status(self, queryset, name, value):
        code = self.form.cleaned_data.get("edition")
        locales = [
            locale for locale in edition_locales() if not code or locale.language_code == code
        ]
        if not locales:
            return queryset.none()
        condition = Q()
        for locale in locales:
            # Without an edition: pages with that status in at least one edition.
            condition |= Q(status_condition(value, locale.pk))
        return queryset.filter(condition)


@dataclass
class EditionStatus:
    language_code: str
    state: str  # MISSING, DRAFT or LIVE
    page_id: int | None = None
    has_unpublished_changes: bool = False
    synced: bool = False  # a wagtail-localize translation keeps it in step with English
    total: int | None = None
    translated: int | None = None
    stale: bool = False
    review: str = ""  # WorkflowState.STATUS_IN_PROGRESS / STATUS_NEEDS_CHANGES, or ""

    STATE_LABELS = dict(STATUS_CHOICES)

    @property
    def state_label(self):
        return self.STATE_LABELS[self.state]

    @property
    def percent(self):
        if not self.total:
            return None
        return int(100 * (self.translated or 0) / self.total)

    @property
    def edit_url(self):
        if self.page_id:
            return reverse("wagtailadmin_pages:edit", args=[self.page_id])
        return None

    def export_value(self):
        parts = [str(self.state_label)]
        if self.percent is not None:
            parts.append(f"{self.percent}%")
        if self.stale:
            parts.append(str(STATUS_CHOICES[3][1]))
        if self.review == WorkflowState.STATUS_IN_PROGRESS:
            parts.append(_("In review"))
        elif self.review == WorkflowState.STATUS_NEEDS_CHANGES:
            parts.append(_("Changes requested"))
        return ", ".join(parts)


class EditionStatusColumn(BaseColumn):
    cell_template_name = "editions/admin/translation_status_cell.html"

    def __init__(self, locale, **kwargs):
        self.locale = locale
        super().__init__(
            f"edition_{locale.language_code}", label=locale.get_display_name(), **kwargs
        )

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["status"] = instance.edition_statuses.get(self.locale.language_code)
        context["locale"] = self.locale
        context["can_translate"] = parent_context["request"].user.has_perm(
            "wagtail_localize.submit_translation"
        )
        return context


class TranslationStatusReportView(ReportView):
    """Each English page and where its translation stands in every edition."""

    template_name = "editions/admin/translation_status.html"
    results_template_name = "editions/admin/translation_status_results.html"
    index_url_name = "editions_admin:translation_status"
    index_results_url_name = "editions_admin:translation_status_results"
    page_title = gettext_lazy("Translation status")
    header_icon = "wagtail-localize-language"
    filterset_class = TranslationStatusFilterSet
    paginate_by = 50
    default_ordering = "path"
    export_filename = "translation-status"

    @cached_property
    def default_locale(self):
        return Locale.get_default()

    def get_queryset(self):
        self.queryset = Page.objects.filter(
            locale=self.default_locale, depth__gte=2, alias_of__isnull=True
        )
        return super().get_queryset()

    @cached_property
    def locales(self):
        code = None
        if self.filters and self.filters.is_valid():
            code = self.filters.form.cleaned_data.get("edition")
        return [locale for locale in edition_locales() if not code or locale.language_code == code]

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Page"),
                accessor="admin_display_title",
                get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
                sort_key="title",
            ),
            Column("section_title", label=_("Section")),
            DateColumn(
                "last_published_at", label=_("English last published"), sort_key="last_published_at"
            ),
            *[EditionStatusColumn(locale) for locale in self.locales],
        ]

    @property
    def list_export(self):
        return [
            "admin_display_title",
            "section_title",
            "last_published_at",
            *[f"export_{locale.language_code}" for locale in self.locales],
        ]

    @property
    def export_headings(self):
        return {
            "admin_display_title": _("Page"),
            "section_title": _("Section"),
            "last_published_at": _("English last published"),
            **{
                f"export_{locale.language_code}": locale.get_display_name()
                for locale in self.locales
            },
        }

    def decorate_paginated_queryset(self, object_list):
        # Evaluate once: the table renders these same instances. A fixed number of queries
        # whatever the number of rows and editions.
        pages = list(object_list)
        for page, statuses in zip(pages, self.edition_statuses(pages), strict=True):
            page.edition_statuses = statuses
            page.admin_display_title = page.get_admin_display_title()
            for code, status in statuses.items():
                setattr(page, f"export_{code}", status.export_value())
        sections = {
            section.path: section.title for section in english_sections(self.default_locale)
        }
        section_length = Page.steplen * 3
        for page in pages:
            page.section_title = (
                sections.get(page.path[:section_length], "") if page.depth >= 3 else ""
            )
        return object_list

    def edition_statuses(self, pages):
        """[{language_code: EditionStatus}] for ``pages``, in a fixed number of queries."""
        locales = self.locales
        if not pages or not locales:
            return [{} for _page in pages]
        locale_ids = [locale.pk for locale in locales]
        keys = [page.translation_key for page in pages]

        targets = {
            (row["translation_key"], row["locale_id"]): row
            for row in Page.objects.filter(
                translation_key__in=keys, locale_id__in=locale_ids, alias_of__isnull=True
            ).values("id", "translation_key", "locale_id", "live", "has_unpublished_changes")
        }
        sources = {
            row["object_id"]: row
            for row in TranslationSource.objects.filter(
                object_id__in=keys, locale=self.default_locale
            ).values("id", "object_id", "last_updated_at")
        }
        source_ids = [source["id"] for source in sources.values()]
        translations = set(
            Translation.objects.filter(
                source_id__in=source_ids, target_locale_id__in=locale_ids, enabled=True
            ).values_list("source_id", "target_locale_id")
        )
        progress = {}
        if source_ids:
            # Translation.get_progress() for every (source, edition) in one query.
            rows = (
                StringSegment.objects.filter(source_id__in=source_ids)
                .order_by()
                .values("source_id")
                .annotate(
                    total=Count("pk"),
                    **{
                        f"done_{locale_id}": Count(
                            "pk",
                            filter=Exists(
                                StringTranslation.objects.filter(
                                    translation_of_id=OuterRef("string_id"),
                                    context_id=OuterRef("context_id"),
                                    locale_id=locale_id,
                                    has_error=False,
                                )
                            ),
                        )
                        for locale_id in locale_ids
                    },
                )
            )
            progress = {row["source_id"]: row for row in rows}
        target_ids = [str(target["id"]) for target in targets.values()]
        reviews = dict(
            WorkflowState.objects.filter(
                base_content_type=ContentType.objects.get_for_model(Page),
                object_id__in=target_ids,
                status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
            ).values_list("object_id", "status")
        )

        result = []
        for page in pages:
            source = sources.get(page.translation_key)
            statuses = {}
            for locale in locales:
                target = targets.get((page.translation_key, locale.pk))
                status = EditionStatus(language_code=locale.language_code, state=MISSING)
                if target is not None:
                    status.state = LIVE if target["live"] else DRAFT
                    status.page_id = target["id"]
                    status.has_unpublished_changes = target["has_unpublished_changes"]
                    status.review = reviews.get(str(target["id"]), "")
                if source is not None and (source["id"], locale.pk) in translations:
                    status.synced = True
                    counts = progress.get(source["id"], {})
                    status.total = counts.get("total", 0)
                    status.translated = counts.get(f"done_{locale.pk}", 0)
                    status.stale = bool(
                        target is not None
                        and page.last_published_at
                        and source["last_updated_at"] < page.last_published_at
                    )
                statuses[locale.language_code] = status
            result.append(statuses)
        return result
