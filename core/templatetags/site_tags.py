"""Small presentation filters shared by the page templates."""

from html import unescape

from django import template
from django.utils.html import strip_tags

register = template.Library()


@register.filter
def page_kind(page):
    """The page's model name (e.g. "videopage"), from its content type: no query, as
    content types are cached. For CSS classes such as ``media-card--videopage``."""
    model = page.specific_class if page is not None else None
    return model._meta.model_name if model is not None else ""


@register.filter
def page_kind_label(page):
    """The page type's human name (e.g. "video"), translated."""
    model = page.specific_class if page is not None else None
    return model._meta.verbose_name if model is not None else ""


@register.filter
def document_size(document):
    """A document's size in bytes, or None when it is unknown or the file is missing
    (never an error page because a file went away)."""
    if document is None:
        return None
    if document.file_size is not None:
        return document.file_size
    try:
        return document.file.size
    except (OSError, ValueError):
        return None


@register.filter
def plain_text(html):
    """Rich text (as stored) reduced to plain text: tags removed, entities decoded.

    Cheaper than rendering it with ``|richtext`` (which looks up linked pages) when only
    an excerpt is shown."""
    if not html:
        return ""
    return unescape(strip_tags(str(html))).strip()
