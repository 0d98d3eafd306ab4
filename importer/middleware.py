"""Old WordPress addresses that do not end in a 404 here.

Wagtail's RedirectMiddleware only looks for a redirect when a response is a 404, but the
site root answers every request (it sends visitors to their edition), so WordPress's
``/?p=123``, ``/?page_id=7``, ``/?attachment_id=9``, ``/?cat=3`` and ``/?tag=x`` would
never reach it. This looks those up in the same Redirect table before the root view runs.
"""

from urllib.parse import urlencode

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
