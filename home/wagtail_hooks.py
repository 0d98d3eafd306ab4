"""Wagtail hooks of the page cache (home.page_cache, home.purge)."""

from wagtail import hooks

from .page_cache import mark_served_page
from .purge import comments_changed


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs):
    """The page cache files a response under the page that served it."""
    mark_served_page(request, page)


@hooks.register("after_bulk_action")
def purge_moderated_comments(request, action_type, objects, action_class_instance):
    """Comments approved or rejected in bulk are updated without save signals."""
    from news.models import Comment

    if objects and all(isinstance(obj, Comment) for obj in objects):
        comments_changed(objects)
