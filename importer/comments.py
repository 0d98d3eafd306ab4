"""WordPress comments (``wp:comment``) as the site's readers' comments (news.Comment).

- Status (``wp:comment_approved``): ``1`` approved, ``0`` pending, ``spam`` spam;
  ``trash`` (removed by a moderator, not yet purged) is kept as rejected, so the admin
  still shows it and readers never do. Anything else waits for a moderator (pending).
- Pingbacks and trackbacks are other sites' notices, not readers' comments: not
  imported, counted as skipped in the summary.
- Threading: the site's replies go one level deep, so a reply to a reply (WordPress nests
  up to ten) answers the top-level comment of its thread, and the thread keeps its order
  by date.
- The author's name and email are kept (the email, as for any comment, is shown to
  moderators only); the author's web address is not (the site's comments have none); the
  network address is stored as the site stores a reader's, as a keyed fingerprint
  (``reader_input.rate_limits``), never the address itself.
- The text: WordPress comments may hold a little HTML; the site's comments are plain text
  (escaped when shown), so tags are dropped, paragraphs and line breaks kept, and a link's
  address is written after its text.
"""

import re

from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from importer.html import plain_text
from news.models import Comment
from reader_input.rate_limits import address_fingerprint

Status = Comment.Status
STATUSES = {
    "1": Status.APPROVED,
    "approve": Status.APPROVED,
    "0": Status.PENDING,
    "hold": Status.PENDING,
    "spam": Status.SPAM,
    "trash": Status.REJECTED,
}
NOT_COMMENTS = {"pingback", "trackback"}
BLOCKS = ["p", "div", "blockquote", "pre", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr"]
BLOCKS += ["h1", "h2", "h3", "h4", "h5", "h6"]
BLANK_LINES = re.compile(r"\n\s*\n\s*")


def is_reader_comment(comment):
    return comment.comment_id > 0 and comment.comment_type not in NOT_COMMENTS


def status(comment):
    return STATUSES.get(comment.approved.strip().lower(), Status.PENDING)


def name(comment):
    return plain_text(comment.author, Comment.NAME_MAX_LENGTH) or "Anonymous"


def email(comment):
    address = comment.author_email.strip()
    try:
        validate_email(address)
    except ValidationError:
        return ""
    return address[:254]


def fingerprint(comment):
    address = comment.author_ip.strip()
    return address_fingerprint(address) if address else ""


def text(source):
    """A comment's HTML as the plain text the site's comments are."""
    soup = BeautifulSoup(source or "", "html.parser")
    for line_break in soup.find_all("br"):
        line_break.replace_with("\n")
    for link in soup.find_all("a", href=True):
        href = link["href"].strip()
        if href.startswith(("http://", "https://")) and href != link.get_text().strip():
            link.append(f" ({href})")
    for block in soup.find_all(BLOCKS):
        block.insert_before("\n\n")
        block.insert_after("\n\n")
    lines = (line.rstrip() for line in soup.get_text().replace("\r\n", "\n").split("\n"))
    return BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def threads(comments):
    """``comments`` (one post's reader comments) as (comment, its thread's top-level
    comment or None when it is one), top-level comments first: a parent is written before
    its replies."""
    by_id = {comment.comment_id: comment for comment in comments}

    def root(comment):
        seen = {comment.comment_id}
        while comment.parent in by_id and comment.parent not in seen:
            comment = by_id[comment.parent]
            seen.add(comment.comment_id)
        return comment

    pairs = [(comment, root(comment)) for comment in comments]
    top = [(comment, None) for comment, top in pairs if top is comment]
    replies = [(comment, top) for comment, top in pairs if top is not comment]
    return top + replies
