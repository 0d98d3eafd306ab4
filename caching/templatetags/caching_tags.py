"""Template tags telling the page cache what a rendered page depends on."""

from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Page

from caching import versions
from caching.pages import mark_depends_on_recent_posts
from caching.tags import IMAGES_TAG, layout_tag, recent_tag
from caching.values import tag_versions

register = template.Library()


@register.simple_tag(takes_context=True)
def page_cache_depends_on_recent_posts(context):
    """In the "Recent posts" sidebar: publishing a newer article must purge this page."""
    mark_depends_on_recent_posts(context.get("request"))
    return ""


@register.simple_tag(takes_context=True)
def layout_fragment_key(context, part):
    """``{% layout_fragment_key "header" as key %}``: what a cached piece of the header or
    footer depends on, for ``{% cache %}``: the host, the edition, the version of the
    edition's layout (bumped when a menu page, the site identity or the settings change,
    see caching.purge) and where the page sits in the menu, which marks the current items.

    The header marks two menu levels: pages deeper than that share the fragment of their
    section. The footer marks only the first level."""
    if not settings.FRAGMENT_CACHE_ENABLED:
        return ""  # the fragment is not cached (see config/settings/base.py)
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
    # The version read with the others this request (one round trip), else on its own.
    version = tag_versions(request, [layout_tag(edition)])[0] or _layout_version(edition)
    return f"{host}|{edition}|{version}|{position}"


def _layout_version(edition):
    """The current version of an edition's layout, given one if it has none (so losing it
    to eviction cannot revive old fragments); a version never used before when the cache
    is out."""
    tag = layout_tag(edition)
    try:
        return versions.ensure([tag])[tag] or versions.new_version()
    except Exception:
        return versions.new_version()


def _fragment_key(context, tags, *parts):
    """A ``{% cache %}`` key: the host, the edition, the current versions of ``tags`` (one
    cache round trip per request for all of them) and ``parts``; "" when fragments are not
    cached (the fragment cache is then a dummy)."""
    if not settings.FRAGMENT_CACHE_ENABLED:
        return ""
    request = context.get("request")
    if request is None:
        return ""  # {% wagtailcache %} renders afresh without a request, and in previews
    edition = translation.get_language() or ""
    current = tag_versions(request, [tag(edition) if callable(tag) else tag for tag in tags])
    if None in current:
        # The shared cache is out: a key never used before, never one shared by every
        # fragment of a kind (each worker would still keep its copy of it).
        return versions.new_version()
    return "|".join(str(part) for part in (request.get_host(), edition, *current, *parts))


def _image_signature(image):
    if image is None:
        return "-"
    return f"{image.pk}:{image.file.name}:{image.get_focal_point()}"


@register.simple_tag(takes_context=True)
def article_card_key(context, article, *options):
    """``{% article_card_key article variant … as key %}``: what an article's card in a
    listing shows, for ``{% cache %}``: the article as published (id, address, last
    publication), its comment count, category and picture, the site settings and the
    card's ``options`` (variant, heading level…). Cards appear on many pages (home,
    listings, archives, related articles), so one rendering serves them all."""
    category = article.category
    return _fragment_key(
        context,
        [layout_tag, IMAGES_TAG],
        article.cache_key,
        getattr(article, "approved_comment_count", None),
        f"{category.pk}:{category.slug}:{category.name}" if category else "-",
        _image_signature(article.hero_image),
        *options,
    )


@register.simple_tag(takes_context=True)
def card_key(context, item, image, *options):
    """``{% card_key item item.image heading_level … as key %}``: a media item's or a
    publication's card in a listing, for ``{% cache %}``: the item as published, its
    picture, the site settings and the card's ``options``."""
    return _fragment_key(
        context, [layout_tag, IMAGES_TAG], item.cache_key, _image_signature(image), *options
    )


@register.simple_tag(takes_context=True)
def page_content_key(context, page, *images):
    """``{% page_content_key page page.hero_image as key %}``: a page's own content as
    published (its body, main picture and tags), for ``{% cache %}``. Pictures in the body
    follow image changes through the ``images`` tag; rich-text links to other pages are
    at most as old as the fragment's timeout."""
    return _fragment_key(
        context,
        [layout_tag, IMAGES_TAG],
        page.cache_key,
        *(_image_signature(image) for image in images),
    )


@register.simple_tag(takes_context=True)
def recent_posts_key(context):
    """``{% recent_posts_key as key %}``: the "Recent posts" sidebar of the edition, for
    ``{% cache %}``; per page (an article shown is marked as current in it)."""
    page = context.get("page")
    current = page.pk if isinstance(page, Page) else "-"
    return _fragment_key(context, [recent_tag, layout_tag, IMAGES_TAG], current)


@register.simple_tag(takes_context=True)
def comment_fields_key(context):
    """``{% comment_fields_key as key %}``: the comment form's fields before a reader has
    typed anything, the same under every article of an edition (the anti-spam token, which
    changes each time, is a hidden field rendered outside them)."""
    return _fragment_key(context, [layout_tag], "comment-fields")
