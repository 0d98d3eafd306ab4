from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from reader_input.antispam import is_same_origin


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


# No CSRF token, like comments (see home/antispam.py): the contact page may be served from
# the page cache, and this endpoint acts on no one's authority; cross-site posts are refused
# by the Origin/Referer check, spam by the rules in reader_input.antispam.
@csrf_exempt
@require_POST
def send_contact_message(request, page_id):
    """/<lang>/contact/<page id>/send/: the contact form's action; ContactPage.serve does
    the rest (thank-you page, or the form again with its errors)."""
    from home.models import ContactPage

    # An alias (an edition showing the English form until it is translated) takes
    # messages too: its submissions are listed under the alias page.
    page = get_object_or_404(
        ContactPage.objects.live()
        .public()
        .filter(locale__language_code=translation.get_language()),
        pk=page_id,
    )
    if not is_same_origin(request):
        raise PermissionDenied("Messages are sent from the site's own pages.")
    response = page.serve(request)
    add_never_cache_headers(response)
    return response
