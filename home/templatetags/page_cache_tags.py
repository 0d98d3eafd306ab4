"""Template tags telling the page cache what a rendered page depends on."""

from django import template

from home.page_cache import mark_depends_on_recent_posts

register = template.Library()


@register.simple_tag(takes_context=True)
def page_cache_depends_on_recent_posts(context):
    """In the "Recent posts" sidebar: publishing a newer article must purge this page."""
    mark_depends_on_recent_posts(context.get("request"))
    return ""
