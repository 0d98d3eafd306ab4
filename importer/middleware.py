"""Old WordPress addresses that do not end in a 404 here.

Wagtail's RedirectMiddleware only looks for a redirect when a response is a 404, but the
site root answers every request (it sends visitors to their edition), so WordPress's
``/?p=123``, ``/?page_id=7``, ``/?attachment_id=9``, ``/?cat=3`` and ``/?tag=x`` would
never reach it. This looks those up in the same Redirect table before the root view runs.

Day archives, paginated posts, comment feeds and resized copies of uploads are variations of
an address the importer recorded, resolved on a 404 (``WordPressPatternRedirectMiddleware``).
"""

import re
from urllib.parse import urlencode, urlsplit

from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect

WORDPRESS_QUERY_KEYS = {"p", "page_id", "attachment_id", "cat", "tag"}


class WordPressQueryRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path in ("/", "/index.php") and WORDPRESS_QUERY_KEYS & set(request.GET):
            redirect = self.find(request)
            if redirect is not None and redirect.link:
                response_class = (
                    HttpResponsePermanentRedirect if redirect.is_permanent else HttpResponseRedirect
                )
                return response_class(redirect.link)
        return self.get_response(request)

    @staticmethod
    def find(request):
        # Polylang and WPML may add ?lang=fa: the post id alone already names the edition.
        query = {k: v for k, v in request.GET.items() if k != "lang"}
        for params in (request.GET.items(), query.items()):
            path = Redirect.normalise_path("/?" + urlencode(sorted(params)), decode_unicode=False)
            redirect = get_redirect(request, path)
            if redirect is not None:
                return redirect
        return None


# Addresses WordPress derives from one it has a redirect for, tried in order on a 404:
# a resized copy of an upload (photo-300x200.jpg → photo.jpg), a paginated post or archive
# (/slug/2/, /category/x/page/2/) or a day archive (/2011/12/29/ → the month), a post's
# comment feed (/slug/feed/ → the post).
DERIVED_ADDRESSES = (
    re.compile(r"^(?P<path>/.*)-\d+x\d+(?P<extension>\.[A-Za-z0-9]{1,5})$"),
    re.compile(r"^(?P<path>/.+?)/(?:page/)?\d+/?$"),
    re.compile(r"^(?P<path>/.+?)/feed(?:/(?:rss2?|rdf|atom))?/?$"),
)
# Longer than any address the importer records (Redirect.old_path holds 255 characters).
LONGEST_PATH = 255


class WordPressPatternRedirectMiddleware:
    """Old WordPress addresses that are variations of one the importer recorded.

    Rather than a Redirect row for every day archive, page number and image size the old
    site could answer (thousands, and sizes a theme added later would be missing), a 404
    whose address is such a variation is looked up once more without the variation, in the
    same Redirect table, and answered with that redirect: ``/2011/12/29/`` goes where
    ``/2011/12/`` goes (the month archive), ``/slug/2/`` and ``/slug/feed/`` where
    ``/slug/`` goes (the post), ``photo-300x200.jpg`` where ``photo.jpg`` goes (the
    original file). A variation of an address nobody recorded stays the site's 404.

    It comes before Wagtail's RedirectMiddleware in MIDDLEWARE, so it sees the response
    after that one has looked for an exact match.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        redirect = self.find(request)
        if redirect is None or not redirect.link:
            return response
        if redirect.is_permanent:
            return HttpResponsePermanentRedirect(redirect.link)
        return HttpResponseRedirect(redirect.link)

    @staticmethod
    def find(request):
        # The percent-encoded path, as Wagtail's RedirectMiddleware looks it up.
        path = urlsplit(request.get_full_path()).path
        if len(path) > LONGEST_PATH * 3 or "\0" in path or "%00" in path:
            return None
        for pattern in DERIVED_ADDRESSES:
            match = pattern.match(path)
            if match is None:
                continue
            shorter = match.group("path") + (match.groupdict().get("extension") or "")
            shorter = Redirect.normalise_path(shorter, decode_unicode=False)
            if shorter != "/":
                redirect = get_redirect(request, shorter)
                if redirect is not None:
                    return redirect
        return None
