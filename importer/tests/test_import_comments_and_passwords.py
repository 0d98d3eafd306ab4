"""Importing password-protected posts and comments, from WordPress's Theme Unit Test data
(fixtures/wxr/theme-unit-test-1.2.xml: real posts, comments and header; two comments added,
marked in the file)."""

import re
from collections import Counter
from datetime import UTC, datetime

import pytest
from wagtail.models import PageViewRestriction

from importer.models import ImportedObject
from importer.tests.test_import_wordpress import FIXTURES, article, counts, editions, run_import
from news.models import Comment

__all__ = ["editions"]  # a fixture, used by name

THEME_UNIT_TEST = FIXTURES / "theme-unit-test-1.2.xml"
Status = Comment.Status
COMMENTS_ADMIN = "/admin/snippets/news/comment/"


@pytest.fixture
def imported(editions):
    return run_import(THEME_UNIT_TEST)


def html_of(response):
    assert response.status_code == 200
    return response.content.decode()


def comments_section(html):
    return html[html.index('id="comments"') :]


def comment_of(wp_id):
    record = ImportedObject.objects.get(kind="comment", wp_id=wp_id)
    return Comment.objects.get(pk=record.object_id)


# --- protected stays protected ----------------------------------------------------------


@pytest.mark.django_db
def test_a_password_protected_post_asks_for_its_password(imported, client):
    page = article("template-password-protected")
    restriction = PageViewRestriction.objects.get(page=page)
    assert restriction.restriction_type == PageViewRestriction.PASSWORD
    assert restriction.password == "enter"

    # An anonymous reader gets the password form, not the post or its comments.
    html = html_of(client.get(page.url))
    assert 'name="password"' in html
    assert "should not be visible until the password is entered" not in html
    assert "This comment should not be visible" not in html

    # A wrong password is refused; WordPress's password opens it.
    action = re.search(r'<form[^>]*action="([^"]+)"', html).group(1)
    response = client.post(action, {"password": "wrong", "return_url": page.url})
    assert "should not be visible until" not in response.content.decode()
    response = client.post(action, {"password": "enter", "return_url": page.url})
    assert response.status_code == 302
    html = html_of(client.get(page.url))
    assert "This content, comments, pingbacks, and trackbacks should not be visible" in html
    assert "This comment should not be visible until the password is entered" in html


@pytest.mark.django_db
def test_search_and_listings_do_not_reveal_a_protected_post(imported, client):
    # "pingpacks" (sic) is only in an open post: search works on the imported posts …
    html = html_of(client.get("/en/search/", {"q": "pingpacks"}))
    assert article("template-pingbacks-an-trackbacks").url in html
    # … and finds nothing for words only in the protected post.
    for words in ("visible entered", "trackbacks should not be visible"):
        html = html_of(client.get("/en/search/", {"q": words}))
        assert "template-password-protected" not in html, words
        assert "Password Protected" not in html, words
    html = html_of(client.get("/en/articles/"))
    assert "Template: Comments" in html
    assert "template-password-protected" not in html


# --- comments come along -----------------------------------------------------------------


@pytest.mark.django_db
def test_comments_are_imported_with_their_status_dates_and_authors(imported):
    page = article("template-comments")
    statuses = Counter(Comment.objects.filter(page=page).values_list("status", flat=True))
    # 19 approved, 1 pending ("0"); spam stays spam, trash is kept as rejected.
    assert statuses == {Status.APPROVED: 19, Status.PENDING: 1, Status.SPAM: 1, Status.REJECTED: 1}
    assert comment_of(1015).status == Status.PENDING
    assert comment_of(990001).status == Status.SPAM
    assert comment_of(990002).status == Status.REJECTED

    reply = comment_of(905)
    assert reply.created_at == datetime(2013, 3, 14, 15, 1, 21, tzinfo=UTC)  # comment_date_gmt
    assert reply.name == "Jane Bloggs"
    assert reply.email == "example@example.org"  # kept, for moderators
    assert comment_of(881).name == "John Γιάννης Doe Κάποιος"
    # Replies go one level deep here: every reply of a ten-deep thread answers its top.
    top = comment_of(904)
    assert top.parent is None
    for wp_id in (905, 906, 907, 910, 911, 912, 913, 914, 915):
        assert comment_of(wp_id).parent_id == top.pk, wp_id
    # HTML in a comment becomes the site's plain text, paragraphs kept.
    text = comment_of(881).text
    assert "<strong>" not in text and "<h1>" not in text
    assert text.startswith("Headings\n\nHeader one\n\nHeader two")
    assert "The HTML <blockquote> Element" in text  # written as text in WordPress
    assert comment_of(910).text == "Comment Depth 05\n\nAlso an author comment."
    # Pingbacks and trackbacks are not readers' comments: the comment among them is kept.
    others = Comment.objects.filter(page=article("template-pingbacks-an-trackbacks"))
    assert [c.text for c in others] == ["This is a comment amongst pingbacks and trackbacks."]
    assert comment_of(926).page_id == article("template-password-protected").pk

    assert "comment      en       created         24" in imported
    assert "pingback     en       skipped          4" in imported
    assert "protected    en       created          1" in imported


@pytest.mark.django_db
def test_readers_see_approved_comments_in_threads_and_no_email(imported, client):
    html = comments_section(html_of(client.get(article("template-comments").url)))
    in_order = [
        "Comments? I love comments!",  # 900
        "These tests are amazing!",  # 901
        "Comment Depth 01",  # 904, then its thread
        "Comment Depth 02",
        "Comment Depth 05",
        "Comment Depth 10",
        "Image comment.",  # 917
        "Thanks for all the comments, everyone!",  # 920
    ]
    positions = [html.index(text) for text in in_order]
    assert positions == sorted(positions)
    top = comment_of(904).pk
    thread = f'id="comment-{top}".*?<ol class="comment-list comment-list--replies".*?</ol>'
    replies = re.search(thread, html, re.S).group(0)
    assert "Comment Depth 10" in replies
    assert "19 comments" in html
    for hidden in ("this is test comment", "Buy cheap pills", "moved to the trash"):
        assert hidden not in html
    for email in ("example@example.org", "themeshaperwp", "auser@example.com"):
        assert email not in html


@pytest.mark.django_db
def test_pending_and_spam_comments_are_in_the_admin_only(imported, admin_client):
    html = html_of(admin_client.get(COMMENTS_ADMIN, {"status": "pending"}))
    assert "this is test comment" in html and "Buy cheap pills" not in html
    html = html_of(admin_client.get(COMMENTS_ADMIN, {"status": "spam"}))
    assert "Buy cheap pills" in html and "this is test comment" not in html
    html = html_of(admin_client.get(COMMENTS_ADMIN, {"status": "rejected"}))
    assert "A comment a moderator moved to the trash" in html


@pytest.mark.django_db
def test_running_again_adds_no_comments_and_keeps_moderation(imported, tmp_path):
    before = counts()
    comments = Comment.objects.count()
    restrictions = PageViewRestriction.objects.count()
    # A moderator approves the pending comment on the new site meanwhile.
    pending = comment_of(1015)
    pending.status = Status.APPROVED
    pending.save()

    output = run_import(THEME_UNIT_TEST)
    assert counts() == before
    assert Comment.objects.count() == comments
    assert PageViewRestriction.objects.count() == restrictions
    assert "comment      en       unchanged       24" in output
    pending.refresh_from_db()
    assert pending.status == Status.APPROVED  # unchanged in WordPress: the moderator's word

    # A comment edited in WordPress is updated in place; the password changed too.
    changed = tmp_path / "changed.xml"
    text = THEME_UNIT_TEST.read_text()
    text = text.replace("Comments? I love comments!", "Comments? I really love comments!")
    text = text.replace("<wp:post_password>enter<", "<wp:post_password>open sesame<")
    changed.write_text(text)
    output = run_import(changed)
    assert Comment.objects.count() == comments
    assert comment_of(900).text == "Comments? I really love comments!"
    assert "comment      en       updated          1" in output
    restriction = PageViewRestriction.objects.get(page=article("template-password-protected"))
    assert restriction.password == "open sesame"


@pytest.mark.django_db
def test_comments_go_to_the_page_of_their_post_in_its_edition(editions, client):
    output = run_import(THEME_UNIT_TEST, "--locale", "fa")
    persian = article("template-comments", "fa")
    assert Comment.objects.filter(page=persian).count() == 22
    assert not Comment.objects.exclude(page__locale__language_code="fa").exists()
    assert "comment      fa       created         24" in output
    assert "Comment Depth 10" in html_of(client.get(persian.url))


@pytest.mark.django_db
def test_a_dry_run_counts_comments_and_writes_none(editions):
    output = run_import(THEME_UNIT_TEST, "--dry-run")
    assert "comment      en       created         24" in output
    assert not Comment.objects.exists()
    assert not PageViewRestriction.objects.exists()
    assert not ImportedObject.objects.exists()
