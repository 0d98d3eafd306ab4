"""The translators' side of the admin.

- Translators only touch their own editions' snippets: Wagtail's snippet permissions are
  global, so the snippet edit/delete views (and wagtail-localize's translation editor,
  which runs inside the snippet edit view) refuse other locales, and so do
  wagtail-localize's string-editing endpoints, which check only the global permission.
- "Submit for review" for synced translations, which wagtail-localize's translation editor
  lacks (it only offers "Publish" to those who may publish).
- The translation status report under Reports.
"""

from functools import wraps
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button
from wagtail.models import Locale, TranslatableMixin
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params
from wagtail_localize.models import Translation

from core import compat
from editions import admin_views
from editions.permissions import translator_language_codes, user_may_work_on_locale

# wagtail-localize's translation editor API, wrapped below (core/compat.py).
edit_translation = compat.localize_edit_translation_views()
LocalizeSnippetsAPI = compat.localize_snippets_api_viewset()

# --- Translators keep to their own editions' snippets -------------------------------------


def check_snippet_locale(user, instance):
    if isinstance(instance, TranslatableMixin) and not user_may_work_on_locale(
        user, instance.locale
    ):
        # Wagtail's admin turns this into its usual "Sorry, you do not have permission"
        # redirect, or a 403 for XHR/JSON requests.
        raise PermissionDenied


# order=-10: before wagtail-localize's own before_edit_snippet hook, which replaces the
# edit view with the translation editor for synced translations.
@hooks.register("before_edit_snippet", order=-10)
def restrict_snippet_edit(request, instance):
    check_snippet_locale(request.user, instance)


@hooks.register("before_delete_snippet", order=-10)
def restrict_snippet_delete(request, instances):
    for instance in instances:
        check_snippet_locale(request.user, instance)


@hooks.register("before_create_snippet", order=-10)
def restrict_snippet_create(request, model):
    # Only matters if a translator group is ever given an add_* snippet permission.
    if issubclass(model, TranslatableMixin) and translator_language_codes(request.user):
        code = request.GET.get("locale") or Locale.get_default().language_code
        if not user_may_work_on_locale(request.user, code):
            raise PermissionDenied


def guard_translation_locale(view):
    """Wrap a wagtail-localize view taking ``translation_id`` so that translators can only
    act on translations into their own editions. For pages wagtail-localize already checks
    the page permission; for snippets it checks only the global change permission."""

    @wraps(view)
    def wrapped(request, translation_id, **kwargs):
        translation = get_object_or_404(
            Translation.objects.select_related("target_locale"), pk=translation_id
        )
        if not user_may_work_on_locale(request.user, translation.target_locale):
            raise PermissionDenied
        return view(request, translation_id=translation_id, **kwargs)

    return wrapped


# The same routes as wagtail-localize's (wagtail_localize/wagtail_hooks.py); registered
# first (order=-10), so these guarded copies are the ones that resolve.
GUARDED_LOCALIZE_ROUTES = [
    (
        "localize/translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
        edit_translation.edit_string_translation,
        "edit_string_translation",
    ),
    (
        "localize/translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
        edit_translation.edit_override,
        "edit_override",
    ),
    (
        "localize/translate/<int:translation_id>/pofile/upload/",
        edit_translation.upload_pofile,
        "upload_pofile",
    ),
    (
        "localize/translate/<int:translation_id>/machine_translate/",
        edit_translation.machine_translate,
        "machine_translate",
    ),
    (
        "localize/translate/<int:translation_id>/disable/",
        edit_translation.stop_translation,
        "stop_translation",
    ),
]


@hooks.register("register_admin_urls", order=-10)
def register_guarded_localize_urls():
    return [
        path(route, guard_translation_locale(view), name=f"editions_guarded_{name}")
        for route, view, name in GUARDED_LOCALIZE_ROUTES
    ]


# --- wagtail-localize's snippet API: only for those who may see the model's snippets ------
#
# Its translation editor's snippet chooser reads /<admin>/localize/api/snippets/<app>/<model>/
# (and .../<pk>/), which answers every admin user with every object of any snippet model,
# comments awaiting moderation and spam included. These guarded copies of its two routes
# are registered first (order=-10), so they are the ones that resolve.

SNIPPET_ACTIONS = {"add", "change", "delete", "view"}


def require_snippet_permission(view):
    """Wrap a view taking ``app_label`` and ``model_name`` so that it answers 403 unless the
    user may add, change, delete or view that snippet model (its permission policy)."""

    @wraps(view)
    def wrapped(request, app_label, model_name, **kwargs):
        model = get_snippet_model_from_url_params(app_label, model_name)  # or 404
        policy = model.snippet_viewset.permission_policy
        if not policy.user_has_any_permission(request.user, SNIPPET_ACTIONS):
            return JsonResponse(
                {"detail": "You do not have permission to perform this action."}, status=403
            )
        return view(request, app_label=app_label, model_name=model_name, **kwargs)

    return wrapped


@hooks.register("register_admin_urls", order=-10)
def register_guarded_snippets_api_urls():
    listing = LocalizeSnippetsAPI.as_view({"get": "list"})
    detail = LocalizeSnippetsAPI.as_view({"get": "retrieve"})
    return [
        path(
            "localize/api/snippets/<slug:app_label>/<slug:model_name>/",
            require_snippet_permission(listing),
            name="editions_guarded_snippets_api_listing",
        ),
        path(
            "localize/api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/",
            require_snippet_permission(detail),
            name="editions_guarded_snippets_api_detail",
        ),
    ]


# --- Submit for review and the translation status report ----------------------------------


@hooks.register("register_admin_urls")
def register_editions_admin_urls():
    urls = [
        path(
            "submit-for-review/<int:page_id>/",
            admin_views.SubmitForReviewView.as_view(),
            name="submit_for_review",
        ),
        path(
            "translation-status/",
            admin_views.TranslationStatusReportView.as_view(),
            name="translation_status",
        ),
        path(
            "translation-status/results/",
            admin_views.TranslationStatusReportView.as_view(results_only=True),
            name="translation_status_results",
        ),
    ]
    return [path("editions/", include((urls, "editions_admin"), namespace="editions_admin"))]


def submit_for_review_buttons(page, user, next_url=None, view_name=None):
    if not admin_views.can_offer_review(page, user):
        return
    url = reverse("editions_admin:submit_for_review", args=[page.pk])
    if next_url:
        url += "?" + urlencode({"next": next_url})
    yield Button(
        _("Submit for review"),
        url,
        icon_name="tasks",
        priority=55,
        attrs={
            "aria-label": _("Submit '%(title)s' for review")
            % {"title": page.get_admin_display_title()}
        },
    )


hooks.register("register_page_listing_more_buttons", submit_for_review_buttons)
hooks.register("register_page_header_buttons", submit_for_review_buttons)


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    # Every admin user may see it: page titles are not secret, and each cell links to the
    # page editor, which applies the usual page permissions.
    return MenuItem(
        gettext_lazy("Translation status"),
        reverse("editions_admin:translation_status"),
        name="translation-status",
        icon_name="wagtail-localize-language",
        order=9010,
    )
