"""Share links: plain links to each network's share page, no third-party scripts."""

from functools import cache
from urllib.parse import quote, urlencode, urljoin

from django import template
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import SourceImageIOError

from core.images import (
    FALLBACK_FORMAT,
    fetch_deferred_renditions,
    rendition_filter,
    role_specs,
)

register = template.Library()

# The image a page is shared with (its field, and the role it has in listings): the largest
# JPEG of its listing picture, which listings prefetch.
SHARE_IMAGE_ROLES = (("hero_image", "card"), ("image", "media_card"), ("cover", "cover"))


@cache
def share_images():
    return tuple(
        (attribute, role_specs(role)[FALLBACK_FORMAT][-1]) for attribute, role in SHARE_IMAGE_ROLES
    )


NETWORKS = (
    ("facebook", "Facebook"),
    ("x", _("X (Twitter)")),
    ("pinterest", "Pinterest"),
    ("whatsapp", "WhatsApp"),
    ("telegram", "Telegram"),
    ("skype", "Skype"),
    ("email", _("Email")),
)


def _query(**params):
    """A URL-encoded query string (spaces as %20, which every network and mail client
    understands, unlike +)."""
    return urlencode({key: value for key, value in params.items() if value}, quote_via=quote)


def share_image_url(page, base_url):
    """The absolute URL of the page's main image (relative rendition URLs are resolved
    against `base_url`, the page's own full URL), or "" when it has none."""
    for attribute, filter_spec in share_images():
        if not hasattr(page, attribute + "_id"):
            continue
        if getattr(page, attribute + "_id") is None:
            return ""
        image = getattr(page, attribute)
        fetch_deferred_renditions(image)
        try:
            rendition = image.get_rendition(rendition_filter(filter_spec))
        except SourceImageIOError:
            return ""
        return urljoin(base_url, rendition.url)
    return ""


def build_share_links(url, title, image_url=""):
    """The share links for a page at `url` titled `title`: a list of dicts with
    ``network`` (a key, also the icon's name), ``label`` and ``url``."""
    hrefs = {
        "facebook": "https://www.facebook.com/sharer/sharer.php?" + _query(u=url),
        "x": "https://x.com/intent/tweet?" + _query(url=url, text=title),
        "pinterest": "https://pinterest.com/pin/create/button/?"
        + _query(url=url, media=image_url, description=title),
        "whatsapp": "https://wa.me/?" + _query(text=f"{title} {url}"),
        "telegram": "https://t.me/share/url?" + _query(url=url, text=title),
        "skype": "https://web.skype.com/share?" + _query(url=url, text=title),
        "email": "mailto:?" + _query(subject=title, body=f"{title}\n\n{url}"),
    }
    return [
        {"network": network, "label": str(label), "url": hrefs[network]}
        for network, label in NETWORKS
    ]


@register.simple_tag(takes_context=True)
def share_links(context, page=None):
    """``{% share_links page as links %}``: share links for `page` (default: the page being
    shown). Each is a dict with ``network``, ``label`` and ``url``."""
    request = context.get("request")
    page = page or context.get("page")
    if page is None:
        return []
    url = page.get_full_url(request)
    if not url:
        return []
    title = getattr(page, "seo_title", "") or page.title
    return build_share_links(url, title, share_image_url(page, url))
