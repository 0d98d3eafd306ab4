"""Article helpers for templates: the recent posts sidebar and category archive links."""

import re

from django import template
from django.utils import translation
from django.utils.html import format_html_join, urlize
from django.utils.safestring import mark_safe

from caching.values import layout_value, recent_posts_value, request_host
from core.querysets import public_pages
from core.templatetags.navigation_tags import current_locale_id
from news.models import RECENT_POSTS_COUNT, ArticleIndexPage, ArticlePage

register = template.Library()


def _article_index_url(request, locale_id):
    """(page, URL) of the edition's "Articles" page, kept with every edition's layout."""

    def compute():
        index = (
            public_pages(ArticleIndexPage.objects.live())
            .filter(locale_id=locale_id, alias_of__isnull=True)
            .order_by("path")
            .first()
        )
        return index, (index.get_url(request) or "") if index else ""

    return layout_value(request, f"article-index:{request_host(request)}:{locale_id}", compute)


@register.simple_tag(takes_context=True)
def article_index_url(context):
    """``{% article_index_url %}``: the URL of the current edition's "Articles" page."""
    return _article_index_url(context.get("request"), current_locale_id(context))[1]


@register.simple_tag(takes_context=True)
def category_url(context, category):
    """``{% category_url category %}``: the URL of a category's archive in its edition
    ("" when there is no article index). No query per call after the first."""
    if category is None:
        return ""
    request = context.get("request")
    index, index_url = _article_index_url(request, category.locale_id)
    if index is None or not index_url:
        return ""
    return index_url + index.reverse_subpage("category_archive", kwargs={"slug": category.slug})


@register.inclusion_tag("news/includes/recent_posts.html", takes_context=True)
def recent_posts(context, count=RECENT_POSTS_COUNT):
    """``{% recent_posts %}``: the sidebar list of the edition's newest articles."""
    request = context.get("request")
    locale_id = current_locale_id(context)
    # Kept between requests until the edition's recent posts change (caching.purge).
    articles = recent_posts_value(
        request,
        f"recent-posts:{locale_id}:{count}",
        translation.get_language(),
        lambda: list(
            ArticlePage.objects.listed(locale=locale_id, renditions="article_compact")[:count]
        ),
    )
    current = context.get("page")
    return {
        "recent_articles": articles,
        "current_page_id": getattr(current, "pk", None),
        "request": request,
    }


@register.simple_tag(takes_context=True)
def article_feeds(context):
    """``{% article_feeds as feeds %}``: the feeds to announce in <head> (autodiscovery):
    the edition's RSS and Atom feeds of articles and, on a category archive, that category's.
    Each has ``title``, ``type`` and ``url``."""
    request = context.get("request")
    index, index_url = _article_index_url(request, current_locale_id(context))
    if index is None or not index_url:
        return []
    sources = [(index.title, index_url)]
    archive = context.get("archive")
    category = getattr(archive, "category", None)
    if category is not None:
        category_url = index_url + index.reverse_subpage(
            "category_archive", kwargs={"slug": category.slug}
        )
        sources.insert(0, (category.name, category_url))
    feeds = []
    for title, url in sources:
        feeds.append({"title": title, "type": "application/rss+xml", "url": url + "feed/"})
        feeds.append({"title": title, "type": "application/atom+xml", "url": url + "feed/atom/"})
    return feeds


@register.simple_tag
def comment_count(page):
    """``{% comment_count article as count %}``: the article's approved comments, as
    annotated by ``ArticlePage.objects.listed()`` (or set by the article page itself);
    None when it was not loaded, so a template shows nothing rather than a made-up number
    and never runs a query per listed article."""
    return getattr(page, "approved_comment_count", None)


PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@register.filter
def comment_text(value):
    """A reader's comment as HTML: everything escaped; web addresses made links that pass
    no reputation and no window access (``rel="nofollow ugc noopener"``); paragraphs at
    blank lines, each with ``dir="auto"`` so an English paragraph in a Persian comment
    (or the reverse) reads in its own direction; line breaks kept."""
    paragraphs = []
    for paragraph in PARAGRAPH_BREAK.split(str(value).strip()):
        # urlize escapes everything that is not a link (autoescape=True), so the only
        # markup in its output is the links it made, each with rel="nofollow".
        html = urlize(paragraph, trim_url_limit=60, nofollow=True, autoescape=True)
        html = html.replace(' rel="nofollow"', ' rel="nofollow ugc noopener"')
        paragraphs.append((mark_safe(html.replace("\n", "<br>")),))
    return format_html_join("", '<p dir="auto">{}</p>', paragraphs)
