"""The anonymous page cache.

Anonymous readers get every public page, archive, feed, search result and the sitemap from
Django's cache (Redis in production) without touching the database. Editors, and anyone
else holding a session cookie, always get freshly rendered, private pages and never fill
the cache. ``PAGE_CACHE=off`` switches it off.

An entry is keyed by scheme, host, edition, path and the query parameters that change the
page (``page``, ``q``; any other parameter, such as ``utm_source``, is left out of the key).
``?comment=`` and ``?reply_to=`` (the notice after posting a comment, the reply form) are
never cached.

Purging is precise and needs no list of cached addresses: each entry is stored with the
versions of the tags it was built from (``caching.entries``, ``caching.tags``): the page
that served the address (which covers an index page's archives and feeds), its edition's
layout, and the edition's "Recent posts" when the page shows them. Publishing bumps the
tags of the page, its translations (their language switchers changed) and its ancestors
(the listings that show it, and the edition's home, which also stands for search and the
sitemap); see ``caching.purge``.

A hit reads the current versions of the tags the entry may depend on (the edition's layout
and recent posts, and the page tags of the path's prefixes, one of which is the serving
page's) and, in the same round trip, the entry. Each worker keeps a copy of the entries it
served last and of the tags' versions (``caching.worker_copies``): a popular page then
costs no round trip at all.

The middleware sits before the session, locale, authentication and message middleware, so
a hit skips all of them.
"""

import logging

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control

from caching import versions
from caching.entries import MISSING, VersionedEntries
from caching.tags import edition_codes, layout_tag, page_tag, path_prefixes, public_path, recent_tag

logger = logging.getLogger(__name__)

# Query parameters that select different content; any other parameter is ignored in the key
# (the views ignore it too).
KEY_PARAMETERS = ("page", "q")
# Query parameters that make a page personal to one reader: never served from the cache.
BYPASS_PARAMETERS = ("comment", "reply_to")
# Deeper addresses than any page or archive on the site are not worth a cache entry.
MAX_PATH_DEPTH = 8
MAX_QUERY_LENGTH = 400
# Addresses outside the editions that are the same for every visitor.
SITE_WIDE_PATHS = ("/sitemap.xml", "/robots.txt")
# Each worker keeps a copy of the pages it has served most recently (a few megabytes).
ENTRIES = VersionedEntries("pagecache:entry:", worker_entries=300)


def mark_depends_on_recent_posts(request):
    """Called while rendering the "Recent posts" sidebar: the entry must be purged when
    the edition's recent posts change."""
    if request is not None:
        request._page_cache_recent_posts = True


def mark_served_page(request, page):
    """Called by the ``before_serve_page`` hook: the Wagtail page answering the request."""
    request._page_cache_page = page


class Lookup:
    """What the middleware knows about a cacheable request before rendering it."""

    __slots__ = ("key", "edition", "path", "candidate_tags", "versions", "search")

    def __init__(self, key, edition, path, candidate_tags, search):
        self.key = key
        self.edition = edition
        self.path = path
        self.candidate_tags = candidate_tags
        self.search = search
        self.versions = {}


class PageCacheMiddleware:
    """Serve and store anonymous GET and HEAD responses; see the module docstring."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.editions = set(edition_codes())
        admin = "/" + settings.WAGTAILADMIN_PATH.strip("/") + "/"
        # Never cached, whatever the edition prefix says.
        self.excluded_prefixes = (admin, "/django-admin/", "/documents/", "/static/", "/media/")

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
            return self.get_response(request)

        public, edition = self.classify(request.path)
        if not public:
            return self.get_response(request)

        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            # An editor, or a reader with a session (e.g. a page password): personal pages.
            response = self.get_response(request)
            if "Cache-Control" not in response:
                add_never_cache_headers(response)
            return response

        lookup = self.lookup_for(request, edition)
        if lookup is None:
            response = self.get_response(request)
            self.make_anonymous(response)
            return response

        hit = self.fetch(lookup)
        if hit is not None:
            return hit

        response = self.get_response(request)
        self.make_anonymous(response)
        if self.storable(request, response):
            self.store(request, response, lookup)
            response["X-Cache"] = "MISS"
        return response

    # Which requests

    def classify(self, path):
        """(public, edition): whether `path` is a public address, and its edition."""
        if path in SITE_WIDE_PATHS:
            return True, None
        if path.startswith(self.excluded_prefixes) or path in ("/healthz", "/readyz"):
            return False, None
        edition = path[1:].split("/", 1)[0]
        if edition in self.editions and path.startswith(f"/{edition}/"):
            return True, edition
        return False, None

    def lookup_for(self, request, edition):
        """The cache key and the tags to read for a request, or None to bypass the cache."""
        query = request.GET
        if any(name in query for name in BYPASS_PARAMETERS):
            return None
        path = request.path
        prefixes = path_prefixes(path) if edition else []
        if len(prefixes) > MAX_PATH_DEPTH:
            return None
        kept = "&".join(
            f"{name}={value}" for name in KEY_PARAMETERS for value in query.getlist(name)
        )
        if len(kept) > MAX_QUERY_LENGTH:
            return None
        scheme = "https" if request.is_secure() else "http"
        raw = f"{scheme}://{request.get_host()}|{edition or '-'}|{path}|{kept}"
        key = ENTRIES.key(raw)
        if edition:
            tags = [layout_tag(edition), recent_tag(edition)]
            tags += [page_tag(prefix) for prefix in prefixes]
        elif path == "/sitemap.xml":
            tags = [page_tag(f"/{code}/") for code in edition_codes()]
        else:
            tags = []
        search = edition is not None and path == f"/{edition}/search/"
        return Lookup(key, edition, path, tags, search)

    # Hits

    def fetch(self, lookup):
        """The cached response, or None (and the current tag versions kept on `lookup`).

        The tags' versions come from this worker's copy or the shared cache; the entry from
        this worker's copy when it has a current one, else from the shared cache in the
        same round trip."""
        has_copy = ENTRIES.has_worker_copy(lookup.key)
        try:
            lookup.versions, fetched = versions.read(
                lookup.candidate_tags, also=[] if has_copy else [lookup.key]
            )
        except Exception:  # a cache outage slows the site down, never takes it down
            logger.warning("Page cache unavailable", exc_info=True)
            return None
        # Read in the same round trip as the versions (None: not there), unless this
        # worker holds a copy, which ENTRIES checks first.
        found = ENTRIES.get(
            lookup.key, lookup.versions, MISSING if has_copy else fetched.get(lookup.key)
        )
        if found is MISSING:
            return None
        status, headers, content = found
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Cache"] = "HIT"
        return response

    # Misses

    @staticmethod
    def make_anonymous(response):
        """An anonymous reader's page is the same for everyone: nothing in it depends on a
        cookie (the session was only looked at to find there is no user), so it must not
        tell caches to vary on cookies. Left alone when the response sets a cookie."""
        if response.cookies or "Vary" not in response:
            return
        kept = [
            value.strip()
            for value in response["Vary"].split(",")
            if value.strip() and value.strip().lower() != "cookie"
        ]
        if kept:
            response["Vary"] = ", ".join(kept)
        else:
            del response["Vary"]

    @staticmethod
    def storable(request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if "Vary" in response and "cookie" in response["Vary"].lower():
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if any(word in cache_control for word in ("private", "no-store", "no-cache")):
            return False
        template = getattr(response, "template_name", None) or ""
        if "password_required" in str(template):  # a page behind a password
            return False
        return True

    def store(self, request, response, lookup):
        depends_on = self.dependencies(request, lookup)
        if depends_on is None:
            return
        seconds = (
            settings.PAGE_CACHE_SEARCH_SECONDS if lookup.search else settings.PAGE_CACHE_SECONDS
        )
        patch_cache_control(
            response,
            public=True,
            max_age=0,
            s_maxage=seconds,
            stale_while_revalidate=settings.PAGE_CACHE_STALE_SECONDS,
        )
        headers = [(name, value) for name, value in response.items() if name != "X-Cache"]
        ENTRIES.set(
            lookup.key,
            (200, headers, response.content),
            depends_on,
            seconds,
            worker_seconds=seconds,
        )

    @staticmethod
    def dependencies(request, lookup):
        """{tag: version read before rendering} for the tags this response was built from,
        or None when it cannot be told (then it is not stored)."""
        edition = lookup.edition
        if edition is None:
            tags = list(lookup.candidate_tags)  # the sitemap: every edition's content
        else:
            tags = [layout_tag(edition)]
            page = getattr(request, "_page_cache_page", None)
            if page is not None:
                path = public_path(page.url_path, edition)
            else:
                path = f"/{edition}/"  # search, and views that show the whole edition
            tags.append(page_tag(path))
            if getattr(request, "_page_cache_recent_posts", False):
                tags.append(recent_tag(edition))
        if any(tag not in lookup.versions for tag in tags):
            return None
        return {tag: lookup.versions[tag] for tag in tags}
