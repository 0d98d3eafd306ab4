"""Template tags telling the page cache what a rendered page depends on."""

from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Page

from home.page_cache import chrome_version, mark_depends_on_recent_posts

register = template.Library()


@register.simple_tag(takes_context=True)
def page_cache_depends_on_recent_posts(context):
    """In the "Recent posts" sidebar: publishing a newer article must purge this page."""
    mark_depends_on_recent_posts(context.get("request"))
    return ""


@register.simple_tag(takes_context=True)
def chrome_fragment_key(context, part):
    """``{% chrome_fragment_key "header" as key %}``: what a cached piece of the header or
    footer depends on, for ``{% cache %}``: the host, the edition, the version of the
    edition's chrome (bumped when a menu page, the site identity or the settings change,
    see home.purge) and where the page sits in the menu, which marks the current items.

    The header marks two menu levels: pages deeper than that share the fragment of their
    section. The footer marks only the first level."""
    if not settings.PAGE_CACHE_ENABLED:
        return ""  # fragments are not cached either (see config/settings/base.py)
    request = context.get("request")
    edition = translation.get_language() or ""
    host = request.get_host() if request is not None else ""
    page = context.get("page") or context.get("self")
    position = ""
    if isinstance(page, Page):
        levels = 4 if part == "header" else 3  # home is at depth 2, its menu below it
        # A page that is not a menu item only marks its ancestors: it shares the fragment
        # with its siblings (">"); a menu item (or the home) is marked itself ("=").
        own = page.show_in_menus or page.depth <= 2
        cut = min(levels if own else page.depth - 1, levels, page.depth)
        position = page.path[: cut * Page.steplen] + ("=" if cut == page.depth else ">")
        if part == "footer" and not (own and page.depth == levels):
            position = ""  # the footer marks only the current first-level item
    return f"{host}|{edition}|{chrome_version(edition)}|{position}"
