from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation


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
