"""Wagtail hooks of the page cache."""

from wagtail import hooks

from caching.pages import mark_served_page


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs):
    """The page cache files a response under the page that served it."""
    mark_served_page(request, page)
