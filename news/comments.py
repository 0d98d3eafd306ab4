"""Readers' comments on articles: the form, the thread an article page shows, the rules.

Every comment waits for a moderator (Wagtail admin → Comments). An article shows its
approved comments oldest first, replies under the comment they answer (one level deep),
and a form, unless the article's comments are closed (``ArticlePage.comments_open``) or
comments are switched off site-wide (``SiteSettings.comments_enabled``). Spam rules:
``reader_input.antispam`` (honeypot, minimum fill time, rate limit per sender).
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from caching.tags import page_tag, public_path
from caching.values import versioned_value
from core.models import SiteSettings
from core.routing import parse_id
from news.models import Comment
from reader_input.antispam import AntiSpamFormMixin, ReaderTextField, clean_text
from reader_input.rate_limits import RateLimit, sender_fingerprint

# At most 5 comments per sender in 10 minutes, in every edition together.
COMMENT_RATE_LIMIT = RateLimit("comment", limit=5, period=10 * 60)
# The same comment from the same sender this soon again is a double submit: stored once.
DUPLICATE_WINDOW = timedelta(minutes=10)


class CommentForm(AntiSpamFormMixin, forms.Form):
    name = ReaderTextField(
        label=_("Name"),
        max_length=Comment.NAME_MAX_LENGTH,
        single_line=True,
        widget=forms.TextInput(attrs={"autocomplete": "name", "dir": "auto"}),
    )
    email = forms.EmailField(
        label=_("Email (optional)"),
        max_length=254,
        required=False,
        help_text=_("Never shown on the site; only our moderators see it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )
    text = ReaderTextField(
        label=_("Comment"),
        max_length=Comment.TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
    )
    # A CharField: a bad value is reported with the other errors, not on a hidden field.
    reply_to = forms.CharField(required=False, widget=forms.HiddenInput, max_length=20)

    def __init__(self, *args, page, **kwargs):
        self.page = page
        kwargs.setdefault("antispam_scope", f"comment:{page.pk}")
        kwargs.setdefault("rate_limit", COMMENT_RATE_LIMIT)
        kwargs.setdefault("auto_id", "comment-%s")
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned_data = super().clean()
        reply_to = cleaned_data.get("reply_to")
        cleaned_data["parent"] = None
        if reply_to:
            reply_to = parse_id(reply_to)
            parent = replyable_comments(self.page).filter(pk=reply_to).first() if reply_to else None
            if parent is None:
                self.add_error(
                    None,
                    ValidationError(
                        _(
                            "The comment you are replying to cannot be answered: replies "
                            "go to published comments, not to other replies."
                        ),
                        code="bad_parent",
                    ),
                )
            cleaned_data["parent"] = parent
        return cleaned_data

    def save(self, request):
        """Store the comment (pending), or return the same comment from the same sender
        stored moments ago (a double click) without storing it twice."""
        data = self.cleaned_data
        fields = {
            "page": self.page,
            "parent": data["parent"],
            "name": data["name"],
            "email": data["email"],
            "text": data["text"],
            "ip_hash": self.sender,
        }
        since = timezone.now() - DUPLICATE_WINDOW
        earlier = Comment.objects.filter(created_at__gte=since, **fields).first()
        if earlier is not None:
            return earlier
        comment = Comment.objects.create(
            **fields,
            user_agent=clean_text(request.META.get("HTTP_USER_AGENT", ""), single_line=True)[
                : Comment.USER_AGENT_MAX_LENGTH
            ],
        )
        self.record()
        return comment


def replyable_comments(page):
    """Comments a reader may reply to: approved top-level comments of the same page."""
    return Comment.objects.filter(page=page, parent__isnull=True, status=Comment.Status.APPROVED)


def comments_enabled(request):
    return SiteSettings.current(request).comments_enabled


def accepts_comments(page, request):
    """Whether ``page`` takes new comments now."""
    return page.comments_open and not page.alias_of_id and comments_enabled(request)


@dataclass
class CommentSection:
    """What an article page shows under the article (``comment_section`` in templates)."""

    enabled: bool  # comments switched on site-wide (and the page is no alias): show anything
    open: bool = False  # the form is shown
    comments: list = field(default_factory=list)  # top-level, each with .thread_replies
    count: int = 0
    form: CommentForm | None = None
    replying_to: Comment | None = None
    submitted: bool = False  # a comment was just sent and awaits moderation


def comment_section(page, request, form=None):
    if page.pk is None or page.alias_of_id or not comments_enabled(request):  # pk: preview
        return CommentSection(enabled=False)

    approved = approved_comments(page, request)
    top_level = [comment for comment in approved if comment.parent_id is None]
    by_id = {comment.pk: comment for comment in top_level}
    for comment in top_level:
        comment.thread_replies = []
    for comment in approved:
        if comment.parent_id in by_id:
            by_id[comment.parent_id].thread_replies.append(comment)

    section = CommentSection(
        enabled=True,
        open=page.comments_open,
        comments=top_level,
        count=len(approved),
        submitted=request.GET.get("comment") == "pending",
    )
    if section.open:
        if form is None:
            reply_to = parse_id(request.GET.get("reply_to"))
            initial = {"reply_to": reply_to} if reply_to in by_id else {}
            form = CommentForm(page=page, initial=initial)
        section.form = form
        reply_to = parse_id(form["reply_to"].value())
        section.replying_to = by_id.get(reply_to)
    return section


def approved_comments(page, request):
    """The page's approved comments, oldest first. Kept in the cache with the rest of the
    page: approving, rejecting or deleting a comment purges the page (``caching.purge``)."""

    def compute():
        return list(
            Comment.objects.public()
            .filter(page=page)
            .only("pk", "parent_id", "name", "text", "created_at", "page_id", "status")
            .order_by("created_at", "pk")
        )

    edition = translation.get_language()
    return versioned_value(
        request,
        f"approved-comments:{page.pk}",
        compute,
        [page_tag(public_path(page.url_path, edition))],
    )


def post_comment(request, page):
    """Validate and store a comment posted to ``page``: (comment or None, form)."""
    form = CommentForm(request.POST, page=page, sender=sender_fingerprint(request))
    if not form.is_valid():
        return None, form
    return form.save(request), form
