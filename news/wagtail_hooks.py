"""Comment moderation in the Wagtail admin: Comments in the sidebar, a filtered listing of
every edition's comments, and bulk actions Approve, Reject and Mark as spam.

Moderators are the users with ``news.change_comment``: the "Comment moderators" group and
Wagtail's "Moderators" (news/migrations/0003_comment_moderators.py). Nobody adds comments
in the admin; only superusers (or a group given ``news.delete_comment``) delete them.
"""

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_list_or_404
from django.urls import reverse
from django.utils.functional import classproperty
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.ui.tables import Column, DateColumn, LocaleColumn, StatusTagColumn
from wagtail.coreutils import get_content_languages
from wagtail.log_actions import log
from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from news.models import Comment
from news.signals import comments_changed
from operations.exports import FormulaSafeExportMixin


class CommentPermissionPolicy(ModelPermissionPolicy):
    """Comments come from readers: nobody adds one in the admin, superusers included."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


# Before anything asks for Comment's policy (Wagtail would create a fallback one).
register_permission_policy(Comment, CommentPermissionPolicy(Comment))


class EditionFilter(django_filters.ChoiceFilter):
    """Comments of one edition (the locale of the article they were written on)."""

    def filter(self, queryset, value):
        if not value:
            return queryset
        return queryset.filter(page__locale__language_code=value)


def edition_choices():
    languages = get_content_languages()
    codes = Locale.objects.values_list("language_code", flat=True)
    return [(code, languages.get(code, code)) for code in codes]


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=Comment.Status.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    edition = EditionFilter(
        label=_("Edition"),
        choices=edition_choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Posted"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Comment
        fields = ["status", "edition", "created_at"]


class CommentIndexView(FormulaSafeExportMixin, IndexView):
    """The comments' listing; exported to CSV and XLSX without running as formulas."""


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Comments")
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    # A comment is not a "usage" of its article: no reference index entries (and no index
    # update on every comment a reader posts).
    add_to_reference_index = False
    inspect_view_enabled = True
    list_per_page = 50
    ordering = ["-created_at", "-pk"]
    filterset_class = CommentFilterSet
    search_fields = ["text", "name", "email"]
    search_backend_name = None  # plain database search: comments are not indexed
    list_export = ["created_at", "status", "name", "email", "text", "page", "ip_hash"]
    index_view_class = CommentIndexView

    list_display = [
        "excerpt",
        Column("name", label=_("Name"), sort_key="name"),
        Column("page", label=_("Article"), accessor="page.title"),
        LocaleColumn(label=_("Edition"), accessor="page.locale_id", sort_key="page__locale"),
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor="get_status_display",
            sort_key="status",
            primary=lambda comment: comment.status == Comment.Status.PENDING,
        ),
        DateColumn("created_at", label=_("Posted"), sort_key="created_at"),
    ]

    panels = [
        FieldPanel("status"),
        MultiFieldPanel(
            [
                FieldPanel("page", read_only=True),
                FieldPanel("parent", read_only=True),
                FieldRowPanel([FieldPanel("created_at", read_only=True), FieldPanel("name")]),
                FieldPanel("text"),
                FieldPanel("email"),
            ],
            heading=_("Comment"),
            help_text=_("Edit only to remove something that must not be published."),
        ),
        MultiFieldPanel(
            [FieldPanel("ip_hash", read_only=True), FieldPanel("user_agent", read_only=True)],
            heading=_("Sender"),
        ),
    ]

    def get_queryset(self, request):
        return Comment.objects.select_related("page", "parent")


register_snippet(CommentViewSet)


# --- Bulk moderation ------------------------------------------------------------------


class ModerateCommentsBulkAction(SnippetBulkAction):
    """Set the status of the chosen comments; for users who may change comments."""

    template_name = "news/admin/confirm_bulk_moderation.html"
    status = None
    question = None

    @classproperty
    def models(cls):
        return [Comment]

    @classmethod
    def get_queryset(cls, model, object_ids):
        return get_list_or_404(Comment.objects.select_related("page"), pk__in=object_ids)

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def check_perm(self, comment):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", comment
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_label"] = self.display_name
        context["question"] = self.question
        return context

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        changed = Comment.objects.filter(pk__in=[comment.pk for comment in objects]).update(
            status=cls.status
        )
        # Who approved or rejected what, in each comment's History.
        for comment in objects:
            log(instance=comment, action=f"news.comment.{cls.action_type}", user=user)
        return changed, 0


class ApproveCommentsBulkAction(ModerateCommentsBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve selected comments")
    action_priority = 10
    status = Comment.Status.APPROVED
    question = _("Publish these comments on their articles?")

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d comment approved.", "%(count)d comments approved.", num_parent_objects
        ) % {"count": num_parent_objects}


class RejectCommentsBulkAction(ModerateCommentsBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject selected comments")
    action_priority = 20
    status = Comment.Status.REJECTED
    question = _("Reject these comments? They will not be shown, or will be hidden again.")

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d comment rejected.", "%(count)d comments rejected.", num_parent_objects
        ) % {"count": num_parent_objects}


class SpamCommentsBulkAction(ModerateCommentsBulkAction):
    display_name = _("Mark as spam")
    action_type = "spam"
    aria_label = _("Mark selected comments as spam")
    action_priority = 25
    classes = {"serious"}
    status = Comment.Status.SPAM
    question = _("Mark these comments as spam? They will not be shown.")

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d comment marked as spam.",
            "%(count)d comments marked as spam.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


for action in (ApproveCommentsBulkAction, RejectCommentsBulkAction, SpamCommentsBulkAction):
    hooks.register("register_bulk_action", action)


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    actions.register_action("news.comment.approve", _("Approve comment"), _("Approved"))
    actions.register_action("news.comment.reject", _("Reject comment"), _("Rejected"))
    actions.register_action("news.comment.spam", _("Mark comment as spam"), _("Marked as spam"))


# --- Dashboard --------------------------------------------------------------------------


class PendingCommentsSummaryItem(SummaryItem):
    """“3 comments awaiting moderation” on the admin dashboard, for moderators."""

    order = 250
    template_name = "news/admin/pending_comments_summary.html"

    def is_shown(self):
        return self.request.user.has_perm("news.change_comment")

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        count = Comment.objects.filter(status=Comment.Status.PENDING).count()
        context["pending_count"] = count
        context["url"] = (
            reverse("wagtailsnippets_news_comment:list") + "?status=" + Comment.Status.PENDING
        )
        return context


@hooks.register("construct_homepage_summary_items")
def add_pending_comments_summary(request, items):
    items.append(PendingCommentsSummaryItem(request))


@hooks.register("after_bulk_action")
def purge_moderated_comments(request, action_type, objects, action_class_instance):
    """Comments approved or rejected in bulk are updated without save signals."""
    if objects and all(isinstance(obj, Comment) for obj in objects):
        comments_changed(objects)
