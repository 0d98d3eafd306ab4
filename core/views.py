"""The site's own views: every page (Wagtail's page view, routed by ``core.routing``),
error pages and robots.txt."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import translation
from wagtail import views as wagtail_views

from caching.tags import (
    IMAGES_TAG,
    RESTRICTIONS_TAG,
    ROUTING_TAG,
    edition_codes,
    layout_tag,
    recent_tag,
)
from caching.values import tag_versions
from core import compat
from core.routing import find_route


def serve(request, path):
    """The ``wagtail_serve`` view, routed as above."""
    # The versions of what every page reads from the cache, in one round trip.
    edition = translation.get_language() or ""
    tag_versions(
        request,
        [
            ROUTING_TAG,
            RESTRICTIONS_TAG,
            IMAGES_TAG,
            recent_tag(edition),
            *(layout_tag(code) for code in edition_codes()),
        ],
    )
    try:
        compat.set_route(request, find_route(request, path))
    except Http404:
        compat.set_route(request, None)
    return wagtail_views.serve(request, path)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered with as little as possible: the database may be what failed.
    return render(request, "500.html", {"LANGUAGE_CODE": translation.get_language()}, status=500)


def robots_txt(request):
    """Crawlers may read every edition; the admin and search results are not for indexing."""
    lines = [
        "User-agent: *",
        f"Disallow: /{settings.WAGTAILADMIN_PATH}",
        "Disallow: /django-admin/",
        *[f"Disallow: /{code}/search/" for code, _name in settings.LANGUAGES],
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
